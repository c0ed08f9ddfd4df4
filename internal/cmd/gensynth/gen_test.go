package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/privacyvet/privacyvet/internal/hosttest"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// The end-to-end test checks a small module by default; these flags run
// it on a bigger one: go test ./internal/cmd/gensynth -run Checker -synth.pkgs 200.
var (
	synthPkgs = flag.Int("synth.pkgs", 10, "packages of the module TestChecker generates")
	synthSeed = flag.Uint64("synth.seed", 1, "seed of the module TestChecker generates")
)

// allRules are the rules the generator plants.
var allRules = []string{"PV101", "PV201", "PV202", "PV203", "PV301", "PV401", "PV501", "PV502"}

// TestChecker generates a module, builds and vets it, runs the standalone
// privacyvet on it, and requires exactly the planted leaks: every one
// found, at its line and rule, and nothing else of any rule, so a missed
// leak, a false positive on the clean code, and a stray PV6xx, PV7xx or
// PV9xx (an undisclosed category, an untagged personal field, a bad
// annotation in the generated code) all fail it.
func TestChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds privacyvet, builds and vets a generated module")
	}
	m, err := Generate(Config{Pkgs: *synthPkgs, Seed: *synthSeed})
	if err != nil {
		t.Fatal(err)
	}
	// The default module is small, so make sure it still exercises every rule.
	if got := plantedRules(m); !slices.Equal(got, allRules) {
		t.Fatalf("the module plants %v, want every rule %v; pick another -synth.seed", got, allRules)
	}
	dir := t.TempDir()
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s in the generated module: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	repo := filepath.Dir(testdir.Testdata(t))
	bin := hosttest.Build(t, repo, t.TempDir())
	start := time.Now()
	stdout, stderr := hosttest.Run(t, dir, env, bin, "-json", "./...")
	t.Logf("privacyvet on %d packages (%d lines): %v", *synthPkgs, m.GoLines(), time.Since(start).Round(time.Millisecond))
	got, err := hosttest.ParseJSON(stdout, dir)
	if err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, stderr)
	}
	if len(got) == 0 && len(stderr) > 0 {
		t.Fatalf("no findings; stderr:\n%s", stderr)
	}
	var want []hosttest.Finding
	for _, p := range m.Planted {
		want = append(want, hosttest.Finding{Rule: p.Rule, File: p.File, Line: p.Line})
	}
	hosttest.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings differ from planted.txt (-planted +reported):\n%s", diff)
	}
}

func plantedRules(m *Module) []string {
	var rules []string
	for _, p := range m.Planted {
		if !slices.Contains(rules, p.Rule) {
			rules = append(rules, p.Rule)
		}
	}
	slices.Sort(rules)
	return rules
}

// TestDeterministic: the same size and seed give the same bytes; another
// seed gives another module.
func TestDeterministic(t *testing.T) {
	a, err := Generate(Config{Pkgs: 40, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(Config{Pkgs: 40, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.Names(), b.Names()); diff != "" {
		t.Fatalf("file lists differ between two runs:\n%s", diff)
	}
	for _, name := range a.Names() {
		if !bytes.Equal(a.Files[name], b.Files[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	c, err := Generate(Config{Pkgs: 40, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Files["planted.txt"], c.Files["planted.txt"]) {
		t.Errorf("seeds 7 and 8 planted the same leaks")
	}
}

// TestWriteDeterministic: what Write puts on disk is what Generate made,
// and writing twice into the same directory is allowed.
func TestWriteDeterministic(t *testing.T) {
	m, err := Generate(Config{Pkgs: 6, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for range 2 {
		if err := m.Write(dir); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range m.Names() {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, m.Files[name]) {
			t.Errorf("%s on disk differs from the generated file", name)
		}
	}
	other, err := Generate(Config{Pkgs: 6, Seed: 3, Module: "example.com/other"})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Write(dir); err == nil {
		t.Errorf("Write over another module's directory succeeded, want an error")
	}
}

// TestSize: about 600 lines a package, so -pkgs 800 gives about 500k
// lines, quickly.
func TestSize(t *testing.T) {
	for _, tc := range []struct{ pkgs, min, max int }{
		{50, 25_000, 35_000},
		{800, 400_000, 600_000},
	} {
		start := time.Now()
		m, err := Generate(Config{Pkgs: tc.pkgs, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		n := m.GoLines()
		t.Logf("-pkgs %d: %d lines, %d planted leaks, generated in %v", tc.pkgs, n, len(m.Planted), took.Round(time.Millisecond))
		if n < tc.min || n > tc.max {
			t.Errorf("-pkgs %d: %d lines, want %d..%d", tc.pkgs, n, tc.min, tc.max)
		}
		if pkgs := countPackages(m); pkgs != tc.pkgs {
			t.Errorf("-pkgs %d: generated %d packages", tc.pkgs, pkgs)
		}
	}
}

func countPackages(m *Module) int {
	dirs := make(map[string]bool)
	for name := range m.Files {
		if strings.HasSuffix(name, ".go") {
			dirs[filepath.ToSlash(filepath.Dir(name))] = true
		}
	}
	return len(dirs)
}

// TestPlanted: planted.txt is the sorted list of the PLANTED markers,
// every package but the mains has one to three, and every marker is on a
// line that does what its rule says (a sink call or a log).
func TestPlanted(t *testing.T) {
	m, err := Generate(Config{Pkgs: 120, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	perDir := make(map[string]int)
	for _, p := range m.Planted {
		text.WriteString(p.String() + "\n")
		perDir[filepath.ToSlash(filepath.Dir(p.File))]++
		line := strings.Split(string(m.Files[p.File]), "\n")[p.Line-1]
		if !strings.Contains(line, "// PLANTED("+p.Rule+")") {
			t.Errorf("%s: line %q does not carry the marker", p, line)
		}
	}
	if got := string(m.Files["planted.txt"]); got != text.String() {
		t.Errorf("planted.txt is not the list of markers:\n%s", cmp.Diff(text.String(), got))
	}
	sorted := slices.Clone(m.Planted)
	sortPlants(sorted)
	if !slices.Equal(sorted, m.Planted) {
		t.Errorf("planted leaks are not sorted by file, line and rule")
	}
	p := newPlan(Config{Pkgs: 120, Seed: 5, Module: defaultModule})
	for _, q := range p.pkgs {
		n := perDir[q.dir]
		switch {
		case q.layer == layerCmd && n != 0:
			t.Errorf("%s: %d leaks planted in a main package", q.dir, n)
		case q.layer != layerCmd && (n < 1 || n > 3):
			t.Errorf("%s: %d leaks planted, want 1 to 3", q.dir, n)
		case n != len(q.plants):
			t.Errorf("%s: %d leaks planted, the plan says %d", q.dir, n, len(q.plants))
		}
	}
	if got := plantedRules(m); !slices.Equal(got, allRules) {
		t.Errorf("planted rules %v, want %v", got, allRules)
	}
}

// TestGraph: imports go to lower layers only (services and kits may also
// import lower-indexed packages of their own layer), so the graph is a
// DAG; models are hubs; and relay chains reach the maximal depth.
func TestGraph(t *testing.T) {
	p := newPlan(Config{Pkgs: 400, Seed: 2, Module: defaultModule})
	fanIn := make(map[*pkg]int)
	depths := make(map[int]int)
	for _, q := range p.pkgs {
		for _, d := range q.deps {
			fanIn[d]++
			sameLayerOK := d.layer == q.layer && (q.layer == layerService || q.layer == layerKit) && d.li < q.li
			if d.layer >= q.layer && !sameLayerOK {
				t.Errorf("%s imports %s: not a lower layer", q.path, d.path)
			}
		}
		if q.layer == layerService {
			depths[q.depth]++
			if q.depth > maxRelayDepth {
				t.Errorf("%s: relay chain of %d packages, more than %d", q.path, q.depth, maxRelayDepth)
			}
		}
	}
	t.Logf("service relay chain depths (packages): %v", depths)
	if depths[maxRelayDepth] == 0 {
		t.Errorf("no relay chain reaches %d packages", maxRelayDepth)
	}
	hub := 0
	for _, m := range p.byLayer[layerModel] {
		hub = max(hub, fanIn[m])
	}
	if hub < 20 {
		t.Errorf("the most imported model package has %d importers, want a hub of 20 or more", hub)
	}
}

func TestTooSmall(t *testing.T) {
	if _, err := Generate(Config{Pkgs: minPkgs - 1}); err == nil {
		t.Errorf("Generate with %d packages succeeded, want an error", minPkgs-1)
	}
	if _, err := Generate(Config{Pkgs: minPkgs}); err != nil {
		t.Errorf("Generate with %d packages: %v", minPkgs, err)
	}
}

func BenchmarkGenerate800(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(Config{Pkgs: 800, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
