package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var o, e bytes.Buffer
	code = Main(args, &o, &e)
	return code, o.String(), e.String()
}

// write creates a file for a test, failing it when it cannot.
func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRules(t *testing.T) {
	code, out, _ := run(t, "", "rules")
	if code != 0 || !strings.Contains(out, "PV101") || !strings.Contains(out, "PV906") {
		t.Errorf("rules: code %d, output:\n%s", code, out)
	}
}

func TestPolicyCheck(t *testing.T) {
	code, out, errOut := run(t, "", "policy", "check", "builtin:kaseya-2016")
	if code != 0 || !strings.Contains(out, "every clause quote found in the statement") {
		t.Errorf("policy check builtin: code %d\n%s%s", code, out, errOut)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "privacy.yaml")
	write(t, bad, "version: 1\nclauses:\n  c: {section: \"1\", quote: \"We never sell data.\"}\n")
	stmt := filepath.Join(dir, "statement.md")
	write(t, stmt, "We will not sell your data.\n")
	code, _, errOut = run(t, "", "policy", "check", "-statement", stmt, bad)
	if code != exitError || !strings.Contains(errOut, "privacy.yaml:3:") {
		t.Errorf("a quote missing from the statement: want exit 1 and an error at privacy.yaml:3, got %d:\n%s", code, errOut)
	}
	code, _, errOut = run(t, "", "policy", "check", filepath.Join(dir, "missing.yaml"))
	if code != exitError || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing file: got %d:\n%s", code, errOut)
	}
}

func TestUnknownFormat(t *testing.T) {
	code, _, errOut := run(t, "", "-format=xml", "./...")
	if code != exitError || !strings.Contains(errOut, "unknown -format") {
		t.Errorf("got %d:\n%s", code, errOut)
	}
}

// TestFix applies PV701's suggested tags to a module and checks the
// result, then that a second run finds nothing left to fix.
func TestFix(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/fix\n\ngo 1.26\n")
	src := "package fix\n\ntype Customer struct {\n\tID    int64\n\tEmail string `json:\"email\"`\n\tPhone string\n}\n"
	write(t, filepath.Join(dir, "fix.go"), src)
	code, _, errOut := run(t, dir, "-policy=builtin:kaseya-2016", "-fix", "./...")
	if code != exitOK {
		t.Fatalf("-fix: exit %d\n%s", code, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "fix.go"))
	want := "package fix\n\ntype Customer struct {\n\tID    int64\n\tEmail string `json:\"email\" privacy:\"user.contact.email\"`\n\tPhone string `privacy:\"user.contact.phone_number\"`\n}\n"
	if string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	code, _, errOut = run(t, dir, "-policy=builtin:kaseya-2016", "./...")
	if code != exitOK {
		t.Errorf("after -fix: exit %d\n%s", code, errOut)
	}
}

// TestTypeErrors: a package that does not type-check is named with its
// errors and what to do; a package that imports it is named as not
// analysed; the others are still analysed.
func TestTypeErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/te\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "bad", "bad.go"), "package bad\n\nfunc f() int { return \"x\" }\n")
	write(t, filepath.Join(dir, "good", "good.go"), "package good\n\nimport \"log\"\n\ntype U struct {\n\tEmail string `privacy:\"user.contact.email\"`\n}\n\nfunc f(u *U) { log.Print(u.Email) }\n")
	write(t, filepath.Join(dir, "user", "user.go"), "package user\n\nimport _ \"example.com/te/bad\"\n\nfunc F() {}\n")
	code, _, errOut := run(t, dir, "-policy=builtin:kaseya-2016", "./...")
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	for _, want := range []string{"example.com/te/bad does not load or type-check", "bad.go:3:", "[PV101]",
		"package example.com/te/user is not analysed: it imports, directly or not, a package that does not load or type-check"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}
}

func TestReportSARIF(t *testing.T) {
	for _, args := range [][]string{{"-format=sarif", "./..."}, {"-format", "sarif", "./..."}, {"--format=sarif"}} {
		if !sarifRequested(args) {
			t.Errorf("sarifRequested(%q) = false", args)
		}
	}
	if sarifRequested([]string{"-format=html", "./..."}) {
		t.Error("sarifRequested(-format=html) = true")
	}
}

// TestHelp: -h prints the usage with every standalone flag, to stdout.
func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"-h"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"-policy", "-format", "-baseline", "-bounds", "-fix"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("-h output lacks %s:\n%s", want, stdout.String())
		}
	}
}
