package flow_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// flowLine is a flow reduced for comparison.
type flowLine struct {
	Line     int
	Category string
	Origin   string
	Sink     string
	Remote   bool
	Path     string
}

// TestSummariesAndFlows checks the facts of lib (via want comments) and
// the flows found in app against the expected list.
func TestSummariesAndFlows(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	results := analysistest.Run(t, testdir.Testdata(t), s.Flow, "flowtest/lib", "flowtest/app")
	var got []flowLine
	for _, r := range results {
		if r.Pass.Pkg.Path() != "flowtest/app" {
			continue
		}
		res := r.Result.(*flow.Result)
		for _, f := range res.Flows {
			var path []string
			for _, s := range f.Path {
				path = append(path, s.What)
			}
			got = append(got, flowLine{
				Line: r.Pass.Fset.Position(f.Pos).Line, Category: f.Category, Origin: f.Origin,
				Sink: f.Sink, Remote: f.Remote, Path: fmt.Sprint(path),
			})
		}
	}
	want := []flowLine{
		{10, "user.contact.email", "Customer.Email", "log.Print", true, "[Customer.Email lib.Send parameter body strings.ToUpper log.Print]"},
		{11, "user.contact.email", "Customer.Email", "log.Print", false, "[Customer.Email lib.Pass log.Print]"},
		{12, "user.contact.email", "Customer.Email", "log.Print", false, "[Customer.Email lib.Lookup log.Print]"},
		{15, "user.contact.email", "Customer.Email", "log.Print", true, "[Customer.Email lib.Field parameter c log.Print]"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
}

// TestFactBudget bounds the size of the facts the engine exports for the
// testdata packages: facts are gob-encoded into every vet unit's output,
// so they must stay small.
func TestFactBudget(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(testdir.Testdata(t), "src"),
		Env:  append(os.Environ(), "GOPATH="+testdir.Testdata(t), "GO111MODULE=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "flowtest/...", "xpkg/...", "logleak/...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{s.Flow}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	const perFact, average = 1024, 300
	// One gob stream for all facts, as a vet unit writes them: type
	// descriptors are paid once, and each fact costs its own bytes.
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	// Type descriptors go out with the first value of each type: send
	// them before measuring, so no single fact is charged for them.
	for _, f := range []any{&flow.FuncFact{}, &flow.MethodsFact{}, &flow.TypeFact{}, &flow.PackageFact{}, &flow.InventoryFact{}} {
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
	}
	total, n := 0, 0
	seen := make(map[types.Object]bool)
	for act := range graph.All() {
		if act.Analyzer != s.Flow || !strings.Contains(act.Package.GoFiles[0], "testdata") {
			continue
		}
		for _, f := range act.AllObjectFacts() {
			if seen[f.Object] {
				continue // facts of imported packages are visible again
			}
			seen[f.Object] = true
			before := buf.Len()
			if err := enc.Encode(f.Fact); err != nil {
				t.Fatal(err)
			}
			size := buf.Len() - before
			// A type's method summaries travel as one fact: the
			// budget is per summary.
			k := 1
			if mf, ok := f.Fact.(*flow.MethodsFact); ok {
				k = len(mf.Names)
			}
			if size > perFact*k {
				t.Errorf("fact on %s is %d bytes for %d summaries (budget %d each): %v", f.Object, size, k, perFact, f.Fact)
			}
			total += size
			n += k
			if testing.Verbose() && size > 400 {
				t.Logf("%d bytes: %s: %v", size, f.Object, f.Fact)
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d facts exported", n)
	}
	if avg := total / n; avg > average {
		t.Errorf("average fact size %d bytes over %d facts (budget %d)", avg, n, average)
	}
	t.Logf("%d facts, %d bytes in all, %d on average", n, total, total/n)
}

const maxLabels = 64 // as in label.go

// TestSummaryBound: a summary lists at most 16 parameter-to-result
// flows, and the engine says when it dropped one.
func TestSummaryBound(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	results := analysistest.Run(t, testdir.Testdata(t), s.Flow, "bounds/results")
	var bounds []string
	for _, r := range results {
		bounds = append(bounds, r.Result.(*flow.Result).Bounds...)
	}
	want := []string{"summary size of bounds/results.Join"}
	if diff := cmp.Diff(want, bounds); diff != "" {
		t.Errorf("bounds (-want +got):\n%s", diff)
	}
}

// TestBounds: a value with more labels than the engine keeps holds as
// many as it can, and the engine says that it hit the bound.
func TestBounds(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	results := analysistest.Run(t, testdir.Testdata(t), s.Flow, "bounds/wide")
	var bounds []string
	flows := 0
	for _, r := range results {
		fr := r.Result.(*flow.Result)
		bounds = append(bounds, fr.Bounds...)
		flows += len(fr.Flows)
	}
	// One label is the parameter's own; the categories past the bound
	// are dropped, and the bound says so.
	if flows != maxLabels-1 {
		t.Errorf("%d flows found, want %d", flows, maxLabels-1)
	}
	want := []string{"64 labels on one value in bounds/wide.Dump"}
	if diff := cmp.Diff(want, bounds); diff != "" {
		t.Errorf("bounds (-want +got):\n%s", diff)
	}
}
