package analyzers_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// TestSuiteBounds: the hosts learn from the suite where the engine hit a
// bound, package by package.
func TestSuiteBounds(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(testdir.Testdata(t), "src"),
		Env:  append(os.Environ(), "GOPATH="+testdir.Testdata(t), "GO111MODULE=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "bounds/wide", "logleak/basic")
	if err != nil {
		t.Fatal(err)
	}
	g, err := checker.Analyze(append(s.All(), s.Flow), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"bounds/wide: 64 labels on one value in bounds/wide.Dump"}
	if diff := cmp.Diff(want, s.Bounds(g)); diff != "" {
		t.Errorf("bounds (-want +got):\n%s", diff)
	}
}
