package driver

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// TestRunSet: unitchecker runs every root and what it requires, or, for a
// package analysed for its facts only, the roots that use facts and what
// they require.
func TestRunSet(t *testing.T) {
	type fact struct{ analysis.Fact }
	base := &analysis.Analyzer{Name: "base"}
	facts := &analysis.Analyzer{Name: "facts", Requires: []*analysis.Analyzer{base}, FactTypes: []analysis.Fact{fact{}}}
	usesFacts := &analysis.Analyzer{Name: "usesfacts", Requires: []*analysis.Analyzer{facts}}
	plain := &analysis.Analyzer{Name: "plain", Requires: []*analysis.Analyzer{base}}
	roots := []*analysis.Analyzer{usesFacts, plain}
	names := func(set map[*analysis.Analyzer]bool) []string {
		var out []string
		for a := range set {
			out = append(out, a.Name)
		}
		slices.Sort(out)
		return out
	}
	if got, want := names(runSet(roots, false)), []string{"base", "facts", "plain", "usesfacts"}; !slices.Equal(got, want) {
		t.Errorf("runSet = %v, want %v", got, want)
	}
	if got, want := names(runSet(roots, true)), []string{"base", "facts", "usesfacts"}; !slices.Equal(got, want) {
		t.Errorf("runSet (VetxOnly) = %v, want %v", got, want)
	}
}

// TestWrapRuns: the profile stops once, when the last analyzer to run
// returns, also when a failed analyzer keeps those that require it from
// running.
func TestWrapRuns(t *testing.T) {
	ok := func(*analysis.Pass) (any, error) { return nil, nil }
	fail := func(*analysis.Pass) (any, error) { return nil, errors.New("no") }
	for _, failBase := range []bool{false, true} {
		base := &analysis.Analyzer{Name: "base", Run: ok}
		if failBase {
			base.Run = fail
		}
		mid := &analysis.Analyzer{Name: "mid", Requires: []*analysis.Analyzer{base}, Run: ok}
		top := &analysis.Analyzer{Name: "top", Requires: []*analysis.Analyzer{mid}, Run: ok}
		other := &analysis.Analyzer{Name: "other", Run: ok}
		stops := 0
		wrapRuns(runSet([]*analysis.Analyzer{top, other}, false), func() { stops++ })
		order := []*analysis.Analyzer{other, base, mid, top}
		if failBase {
			order = order[:2] // unitchecker does not run what requires a failed analyzer
		}
		for i, a := range order {
			if stops != 0 {
				t.Fatalf("failBase=%v: stopped before %s ran", failBase, a.Name)
			}
			_, _ = a.Run(nil)
			if i == len(order)-1 && stops != 1 {
				t.Fatalf("failBase=%v: %d stops after the last analyzer, want 1", failBase, stops)
			}
		}
	}
}

// TestVetProfile runs go vet with PRIVACYVET_CPUPROFILE on a two-package
// module: each package gets a complete profile named after it.
func TestVetProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	tmp := t.TempDir()
	// A build ID of its own: go vet would answer from its cache for a
	// binary it has run before.
	bin := filepath.Join(tmp, "privacyvet")
	build := exec.Command("go", "build", "-ldflags=-X main.runID="+fmt.Sprint(time.Now().UnixNano()), "-o", bin, "./cmd/privacyvet")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := filepath.Join(tmp, "m")
	for name, text := range map[string]string{
		"go.mod":   "module example.com/m\n\ngo 1.26\n",
		"a/a.go":   "package a\n\nimport \"example.com/m/b\"\n\nfunc A() int { return b.B() }\n",
		"b/b.go":   "package b\n\nfunc B() int { return 1 }\n",
		"bad/x.go": "package bad\n\nvar X int = \"no\"\n",
	} {
		path := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(tmp, "prof")
	cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", envCPUProfile+"="+dir)
	out, _ := cmd.CombinedOutput() // bad does not type-check
	for _, name := range []string{"example.com_m_a.prof", "example.com_m_b.prof"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%v\ngo vet said:\n%s", err, out)
		}
		if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) { // a profile is gzipped
			t.Errorf("%s is not a complete profile (%d bytes)", name, len(data))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "example.com_m_bad.prof")); err == nil {
		t.Error("a package that does not type-check has a profile")
	}
}
