package driver

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const leakModule = "module example.com/sv\n\ngo 1.26\n"

const leakSrc = `package sv

import "log"

type U struct {
	Email string ` + "`privacy:\"user.contact.email\"`" + `
}

func f(u *U) { log.Print(u.Email) }
`

// leakDir writes a module with one PV101 finding (m.go:9) and returns it.
func leakDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "mod", "go.mod"), leakModule)
	write(t, filepath.Join(dir, "mod", "m.go"), leakSrc)
	return filepath.Join(dir, "mod")
}

func decodeSARIF(t *testing.T, out string) *sarifLog {
	t.Helper()
	for _, e := range validateSARIF([]byte(out)) {
		t.Errorf("invalid SARIF: %s", e)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return &log
}

func TestSARIFOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	dir := leakDir(t)
	code, out, errOut := run(t, dir, "-policy=builtin:kaseya-2016", "-format=sarif", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d\n%s", code, exitFindings, errOut)
	}
	log := decodeSARIF(t, out)
	r := log.Runs[0]
	if len(r.Results) != 1 {
		t.Fatalf("%d results, want 1:\n%s", len(r.Results), out)
	}
	res := r.Results[0]
	art := res.Locations[0].PhysicalLocation.ArtifactLocation
	reg := res.Locations[0].PhysicalLocation.Region
	if res.RuleID != "PV101" || art.URI != "m.go" || art.URIBaseID != "SRCROOT" || reg.StartLine != 9 ||
		len(res.CodeFlows) != 1 || res.PartialFingerprints[fingerprintKey] == "" || !strings.Contains(res.Message.Text, "statement §") {
		t.Errorf("result: %+v", res)
	}
	wd, _ := os.Getwd()
	if got, want := r.OriginalURIBaseIDs["SRCROOT"].URI, fileURI(filepath.ToSlash(wd)+"/"); got != want {
		t.Errorf("SRCROOT %s, want %s", got, want)
	}
	if len(r.Tool.Driver.Rules) < 20 || r.Tool.Driver.Name != "privacyvet" || r.Tool.Driver.Version == "" {
		t.Errorf("driver: %+v", r.Tool.Driver)
	}

	// -srcroot: paths relative to the repository root above the module.
	_, out, _ = run(t, "", "-policy=builtin:kaseya-2016", "-format=sarif", "-srcroot=..", "./...")
	if got := decodeSARIF(t, out).Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "mod/m.go" {
		t.Errorf("with -srcroot=..: uri %q, want mod/m.go", got)
	}

	// Nothing found: an empty results list, exit 0.
	write(t, filepath.Join(dir, "m.go"), strings.Replace(leakSrc, "log.Print(u.Email)", "log.Print(\"hi\"); _ = u", 1))
	code, out, _ = run(t, "", "-policy=builtin:kaseya-2016", "-format=sarif", "./...")
	if code != exitOK || !strings.Contains(out, `"results": []`) {
		t.Errorf("no findings: exit %d\n%s", code, out)
	}
}

func TestBaselineCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	dir := leakDir(t)
	base := filepath.Join(dir, "privacyvet-baseline.json")
	pv := func(args ...string) (int, string, string) {
		return run(t, dir, append([]string{"-policy=builtin:kaseya-2016"}, append(args, "./...")...)...)
	}

	code, _, errOut := pv("-baseline", base)
	if code != exitOK || !strings.Contains(errOut, "wrote baseline "+base+": 1 finding") {
		t.Fatalf("creating the baseline: exit %d\n%s", code, errOut)
	}
	b, err := readBaseline(base)
	if err != nil || len(b.Findings) != 1 || b.Findings[0].File != "m.go" || b.Findings[0].Rule != "PV101" {
		t.Fatalf("baseline: %+v, %v", b, err)
	}

	code, _, errOut = pv("-baseline", base)
	if code != exitOK || strings.Contains(errOut, "[PV101]") || !strings.Contains(errOut, "1 finding suppressed by baseline") {
		t.Errorf("unchanged code: exit %d\n%s", code, errOut)
	}

	// A new leak above the old one: the old one moves but stays suppressed.
	write(t, filepath.Join(dir, "m.go"), strings.Replace(leakSrc, "func f(", "func g(u *U) { log.Println(\"again\", u.Email) }\n\nfunc f(", 1))
	code, _, errOut = pv("-baseline", base)
	if code != exitFindings || strings.Count(errOut, "[PV101]") != 1 || !strings.Contains(errOut, "m.go:9:") ||
		!strings.Contains(errOut, "1 finding suppressed by baseline") {
		t.Errorf("a new finding: exit %d, want only m.go:9 reported\n%s", code, errOut)
	}
	code, out, _ := pv("-baseline", base, "-format=sarif")
	if log := decodeSARIF(t, out); code != exitFindings || len(log.Runs[0].Results) != 1 || log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region.StartLine != 9 {
		t.Errorf("-format=sarif with a baseline: exit %d\n%s", code, out)
	}
	code, out, _ = pv("-baseline", base, "-json")
	if code != exitFindings || strings.Count(out, `"category"`) != 1 || !strings.Contains(out, "m.go:9:") {
		t.Errorf("-json with a baseline: exit %d\n%s", code, out)
	}

	code, _, errOut = pv("-baseline", base, "-baseline-update")
	if code != exitOK || !strings.Contains(errOut, "updated baseline "+base+": 2 findings (1 new, 0 no longer found)") {
		t.Errorf("-baseline-update: exit %d\n%s", code, errOut)
	}

	// The old leak fixed: nothing to report, and the entry is stale.
	write(t, filepath.Join(dir, "m.go"), strings.Replace(leakSrc, "func f(u *U) { log.Print(u.Email) }", "func g(u *U) { log.Println(\"again\", u.Email) }", 1))
	code, _, errOut = pv("-baseline", base)
	if code != exitOK || !strings.Contains(errOut, "1 baseline entry matches no finding any more") {
		t.Errorf("a fixed finding: exit %d\n%s", code, errOut)
	}

	for _, args := range [][]string{{"-baseline-update"}, {"-baseline", base, "-fix"}} {
		if code, _, errOut := pv(args...); code != exitError {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitError, errOut)
		}
	}
	write(t, base, "{")
	if code, _, errOut := pv("-baseline", base); code != exitError || !strings.Contains(errOut, base) {
		t.Errorf("a broken baseline: exit %d\n%s", code, errOut)
	}
}

// TestBaselineNotWrittenOnErrors: a baseline written while some package
// does not load would hide that package's findings later.
func TestBaselineNotWrittenOnErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	dir := leakDir(t)
	write(t, filepath.Join(dir, "bad", "bad.go"), "package bad\n\nfunc f() int { return \"x\" }\n")
	base := filepath.Join(dir, "b.json")
	code, _, errOut := run(t, dir, "-policy=builtin:kaseya-2016", "-baseline", base, "./...")
	if _, err := os.Stat(base); code != exitError || err == nil || !strings.Contains(errOut, "not written") {
		t.Errorf("exit %d, stat %v\n%s", code, err, errOut)
	}
}

// exampleSARIF runs the checker on testdata/example and returns the path
// of its SARIF log.
func exampleSARIF(t *testing.T) string {
	t.Helper()
	example, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "example.sarif")
	code, log, errOut := run(t, example, "-policy=builtin:kaseya-2016", "-format=sarif", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d\n%s", code, exitFindings, errOut)
	}
	write(t, out, log)
	return out
}

func TestSARIFExample(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	data, err := os.ReadFile(exampleSARIF(t))
	if err != nil {
		t.Fatal(err)
	}
	log := decodeSARIF(t, string(data))
	seen := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		fp := r.PartialFingerprints[fingerprintKey]
		if seen[fp] {
			t.Errorf("fingerprint %s twice", fp)
		}
		seen[fp] = true
	}
	if len(seen) < 10 {
		t.Errorf("%d results on testdata/example", len(seen))
	}
}

// TestSARIFMultitool validates SARIF logs with the SARIF SDK's validator
// (npm @microsoft/sarif-multitool), when it is installed: the binary
// named by $PRIVACYVET_SARIF_VALIDATOR, else sarif-multitool on $PATH.
// .ci/run installs it.
func TestSARIFMultitool(t *testing.T) {
	tool := os.Getenv("PRIVACYVET_SARIF_VALIDATOR")
	if tool == "" {
		p, err := exec.LookPath("sarif-multitool")
		if err != nil {
			t.Skip("no SARIF validator: install @microsoft/sarif-multitool with npm, or set PRIVACYVET_SARIF_VALIDATOR")
		}
		tool = p
	}
	// The validator must catch a broken log, or its silence means nothing.
	broken := filepath.Join(t.TempDir(), "broken.sarif")
	write(t, broken, `{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"ruleId": "X"}]}]}`)
	if errs, _ := multitool(t, tool, broken); len(errs) < 2 {
		t.Fatalf("the validator finds %d errors in a log without a driver name or a message: %q", len(errs), errs)
	}
	if testing.Short() {
		t.Skip("loads packages")
	}
	example := exampleSARIF(t) // first: later runs change directory
	_, out, _ := run(t, leakDir(t), "-policy=builtin:kaseya-2016", "-format=sarif", "./...")
	small := filepath.Join(t.TempDir(), "small.sarif")
	write(t, small, out)
	for _, path := range []string{small, example} {
		errs, warnings := multitool(t, tool, path)
		for _, e := range errs {
			t.Errorf("%s: %s", filepath.Base(path), e)
		}
		for _, w := range warnings {
			// The version is the module's, "(devel)" for a build from a work tree.
			if strings.Contains(w, "SARIF2005") && strings.Contains(w, "'version' property") {
				continue
			}
			t.Errorf("%s: %s", filepath.Base(path), w)
		}
	}
}

var multitoolLine = regexp.MustCompile(`: (error|warning) ((?:JSON|SARIF)\d+: .*)`)

// multitool runs "validate" on path and returns its errors and warnings.
// Its exit status is 0 when it ran, whatever it found; its findings are
// on the console and in the SARIF log it writes.
func multitool(t *testing.T, tool, path string) (errs, warnings []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "validation.sarif")
	cmd := exec.Command(tool, "validate", path, "--output", out, "--log", "ForceOverwrite")
	console, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s validate: %v\n%s", tool, err, console)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("%s validate wrote no log: %v\n%s", tool, err, console)
	}
	for _, m := range multitoolLine.FindAllStringSubmatch(string(console), -1) {
		if m[1] == "error" {
			errs = append(errs, m[2])
		} else {
			warnings = append(warnings, m[2])
		}
	}
	return errs, warnings
}
