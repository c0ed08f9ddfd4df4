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
)

// variantsModule has two packages with in-package tests, x and y, and
// external tests that import packages which import them, so that q and
// p are loaded again for x's and y's tests ("q [x.test]", "p [y.test]").
//
//   - y's tests add only what other packages cannot name (a test and a
//     helper with a summary of its own): p [y.test] may take p's analysis.
//   - x's tests add a type implementing x's Logger that logs, which
//     changes what x.Record does: q [x.test] must be analysed again, or
//     x's external test misses the email that q.Save hands to that log.
var variantsModule = map[string]string{
	"go.mod": "module example.com/variants\n\ngo 1.26\n",
	"x/x.go": `package x

type Logger interface{ Log(s string) }

type nop struct{}

func (nop) Log(string) {}

// Nop returns a Logger that drops what it gets.
func Nop() Logger { return nop{} }

// Record hands s to l.
func Record(l Logger, s string) { l.Log(s) }
`,
	"x/x_test.go": `package x

import (
	"log"
	"testing"
)

type logger struct{}

func (logger) Log(s string) { log.Print(s) }

func TestRecord(t *testing.T) { Record(logger{}, "started") }
`,
	"x/q_test.go": `package x_test

import (
	"testing"

	"example.com/variants/q"
	"example.com/variants/x"
)

type user struct {
	Email string ` + "`privacy:\"user.contact.email\"`" + `
}

func save(u user) {
	q.Save(x.Nop(), u.Email) // in the test binary, x.Record may log
}

func TestSave(t *testing.T) { save(user{}) }
`,
	"q/q.go": `package q

import "example.com/variants/x"

// Save records s.
func Save(l x.Logger, s string) { x.Record(l, s) }
`,
	"y/y.go": `package y

import "log"

// Mail logs s.
func Mail(s string) { log.Print(s) }
`,
	"y/y_test.go": `package y

import (
	"log"
	"testing"
)

// Shout logs s too, but only tests can call it.
func Shout(s string) { log.Print(s) }

func TestMail(t *testing.T) { Mail("hello") }
`,
	"y/p_test.go": `package y_test

import (
	"testing"

	"example.com/variants/p"
)

type user struct {
	Email string ` + "`privacy:\"user.contact.email\"`" + `
}

func notify(u user) {
	p.Notify(u.Email)
}

func TestNotify(t *testing.T) { notify(user{}) }
`,
	"p/p.go": `package p

import "example.com/variants/y"

// Notify mails s.
func Notify(s string) { y.Mail(s) }
`,
}

// TestShareVariants: a test variant that imports what its package
// imported, as far as the facts say, takes the package's analysis; one
// whose imports say something else is analysed again; and the findings
// are those of analysing every variant afresh.
func TestShareVariants(t *testing.T) {
	dir := t.TempDir()
	for name, src := range variantsModule {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
	if reused != 1 {
		t.Errorf("%d variants reused an analysis, want 1 (p [y.test])", reused)
	}
	var leaks []string
	for _, f := range fresh {
		if strings.HasSuffix(f, "PV101") {
			leaks = append(leaks, f)
		}
	}
	want := []string{
		"x/q_test.go:15 PV101", // x.Record logs, in x's test binary
		"y/p_test.go:14 PV101", // p.Notify, through y.Mail
	}
	if diff := cmp.Diff(want, leaks); diff != "" {
		t.Errorf("PV101 findings, every variant analysed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(fresh, shared); diff != "" {
		t.Errorf("findings with variants shared differ from those without (-fresh +shared):\n%s", diff)
	}
}
