// Package hosttest runs privacyvet in its real hosts (go vet -vettool,
// the standalone checker) on a module and reduces the output to findings
// (rule, file, line) that can be compared across hosts and with the
// planted bugs of testdata/example. It is used by the integration tests.
package hosttest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Finding is a diagnostic reduced to what every host reports alike.
type Finding struct {
	Rule string
	File string // slash-separated, relative to the module root
	Line int
}

func (f Finding) String() string { return fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Rule) }

// Sort orders findings by file, line and rule.
func Sort(fs []Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
}

// Build compiles the privacyvet binary into dir and returns its path.
func Build(t testing.TB, repoRoot, dir string) string {
	t.Helper()
	touchSources(t, repoRoot)
	bin := filepath.Join(dir, "privacyvet")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/privacyvet")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// jsonTree is the -json output of go/analysis drivers:
// package -> analyzer -> diagnostics (or an error object).
type jsonTree map[string]map[string]json.RawMessage

type jsonDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

// ParseJSON reads one or more concatenated JSON trees (go vet prints one
// per package) and returns their findings relative to root.
func ParseJSON(data []byte, root string) ([]Finding, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	seen := make(map[Finding]bool)
	var out []Finding
	for dec.More() {
		var tree jsonTree
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("decoding -json output: %v", err)
		}
		for _, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []jsonDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("analyzer %s reported an error: %s", name, raw)
				}
				for _, d := range diags {
					f, err := finding(d.Category, d.Posn, root)
					if err != nil {
						return nil, err
					}
					if !seen[f] {
						seen[f] = true
						out = append(out, f)
					}
				}
			}
		}
	}
	Sort(out)
	return out, nil
}

var textLine = regexp.MustCompile(`^(\S+?\.go):(\d+):(\d+): .*\[(PV\d{3})\]`)

// ParseText reads the plain text output (go vet's and the standalone
// checker's), skipping Related lines, which are indented.
func ParseText(data []byte, root string) ([]Finding, error) {
	seen := make(map[Finding]bool)
	var out []Finding
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := textLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		f, err := finding(m[4], m[1]+":"+m[2]+":"+m[3], root)
		if err != nil {
			return nil, err
		}
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	Sort(out)
	return out, sc.Err()
}

func finding(rule, posn, root string) (Finding, error) {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return Finding{}, fmt.Errorf("bad position %q", posn)
	}
	line, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		return Finding{}, fmt.Errorf("bad position %q", posn)
	}
	file := strings.Join(parts[:len(parts)-2], ":")
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(root, file); err == nil {
			file = rel
		}
	}
	return Finding{Rule: rule, File: filepath.ToSlash(file), Line: line}, nil
}

var marker = regexp.MustCompile(`//.*\bBUG\((PV\d{3})\)`)

// Planted returns the findings that testdata/example promises: every line
// marked "// BUG(PVxxx): why", for the rules in want (all when nil).
func Planted(root string, want map[string]bool) ([]Finding, error) {
	var out []Finding
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range marker.FindAllStringSubmatch(line, -1) {
				if want == nil || want[m[1]] {
					out = append(out, Finding{Rule: m[1], File: filepath.ToSlash(rel), Line: i + 1})
				}
			}
		}
		return nil
	})
	Sort(out)
	return out, err
}

// Run runs a command in dir and returns its stdout and stderr; a non-zero
// exit is not an error (linters exit non-zero when they find something).
func Run(t testing.TB, dir string, env []string, name string, args ...string) (stdout, stderr []byte) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		}
	}
	return o.Bytes(), e.Bytes()
}

// touchSources reads every Go source and policy file of the repository
// (testdata aside) so that go test's result cache, which tracks the files
// a test opens, is invalidated when the code behind the built binary
// changes.
func touchSources(t testing.TB, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".md") || d.Name() == "go.mod" || d.Name() == "go.sum") {
			_, err := os.ReadFile(path)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
