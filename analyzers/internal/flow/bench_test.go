package flow_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// BenchmarkEngine runs the flow engine (and the passes it needs) over
// testdata/example, or over the module in $PRIVACYVET_BENCH_DIR with the
// policy in $PRIVACYVET_BENCH_POLICY (default builtin:kaseya-2016, or
// the module's privacy.yaml when it has one). Packages are loaded and
// type-checked once: each iteration is the analysis alone.
// $PRIVACYVET_BENCH_PATTERN selects packages (default ./...).
//
//	go test ./analyzers/internal/flow -run=^$ -bench=Engine -benchmem
//	PRIVACYVET_BENCH_DIR=/tmp/synth200 go test ./analyzers/internal/flow -run=^$ -bench=Engine
func BenchmarkEngine(b *testing.B) {
	dir := os.Getenv("PRIVACYVET_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(testdir.Testdata(b), "example")
	}
	pol := os.Getenv("PRIVACYVET_BENCH_POLICY")
	if pol == "" {
		pol = "builtin:kaseya-2016"
		if _, err := os.Stat(filepath.Join(dir, "privacy.yaml")); err == nil {
			pol = filepath.Join(dir, "privacy.yaml")
		}
	}
	pattern := os.Getenv("PRIVACYVET_BENCH_PATTERN")
	if pattern == "" {
		pattern = "./..."
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, pattern)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages do not load")
	}
	s := analyzers.New(&analyzers.Options{Policy: pol})
	b.ReportAllocs()
	for b.Loop() {
		g, err := checker.Analyze([]*analysis.Analyzer{s.Flow}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		for act := range g.All() {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
		}
	}
}
