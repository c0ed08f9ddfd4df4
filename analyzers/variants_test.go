package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// TestShareVariants: a test variant that imports what its package
// imported, as far as the facts say, takes the package's analysis; one
// whose imports say something else is analysed again; and the findings
// are those of analysing every variant afresh.
func TestShareVariants(t *testing.T) {
	// testdata/variants/README.md says what each package is for.
	dir := filepath.Join(testdir.Testdata(t), "variants")
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: true, Dir: dir, Env: append(os.Environ(), "GOFLAGS=")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the test module does not load")
	}
	findings := func(share bool) ([]string, int) {
		s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
		if share {
			s.ShareVariants(pkgs)
		}
		g, err := checker.Analyze(s.All(), pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for act := range g.All() {
			if !act.IsRoot {
				continue
			}
			if act.Err != nil {
				t.Fatalf("%s: %v", act, act.Err)
			}
			for _, d := range act.Diagnostics {
				p := act.Package.Fset.Position(d.Pos)
				rel, _ := filepath.Rel(dir, p.Filename)
				out = append(out, fmt.Sprintf("%s:%d %s", filepath.ToSlash(rel), p.Line, d.Category))
			}
		}
		slices.Sort(out)
		return slices.Compact(out), s.ReusedVariants()
	}
	fresh, none := findings(false)
	shared, reused := findings(true)
	if none != 0 {
		t.Errorf("without sharing, %d variants reused an analysis", none)
	}
	if reused != 2 {
		t.Errorf("%d variants reused an analysis, want 2 (p [y.test] and r [y.test])", reused)
	}
	var leaks []string
	for _, f := range fresh {
		if strings.HasSuffix(f, "PV101") {
			leaks = append(leaks, f)
		}
	}
	want := []string{
		"r/r.go:10 PV101",      // r and r [y.test] alike
		"w/e_test.go:13 PV101", // in w's test binary, e.S implements e.Trans
		"x/q_test.go:15 PV101", // x.Record logs, in x's test binary
		"y/p_test.go:17 PV101", // p.Notify, through y.Mail
	}
	if diff := cmp.Diff(want, leaks); diff != "" {
		t.Errorf("PV101 findings, every variant analysed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(fresh, shared); diff != "" {
		t.Errorf("findings with variants shared differ from those without (-fresh +shared):\n%s", diff)
	}
}
