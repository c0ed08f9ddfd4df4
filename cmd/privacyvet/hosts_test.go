package main_test

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/hosttest"
)

// implemented is the set of rules the suite reports today: the planted
// bugs of testdata/example for other rules are not expected yet.
func implemented() map[string]bool {
	m := make(map[string]bool)
	for _, r := range analyzers.Rules() {
		m[r.ID] = true
	}
	return m
}

// TestHosts builds privacyvet, runs it under go vet -vettool and
// standalone on testdata/example (a module of its own), and checks that
// both report exactly the planted bugs of the implemented rules, as text
// and as JSON.
func TestHosts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	example := filepath.Join(repo, "testdata", "example")
	bin := hosttest.Build(t, repo, t.TempDir())
	want, err := hosttest.Planted(example, implemented())
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("no planted bugs found in testdata/example")
	}
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}

	runs := map[string]func() ([]hosttest.Finding, error){
		"go vet (text)": func() ([]hosttest.Finding, error) {
			_, stderr := hosttest.Run(t, example, env, "go", "vet", "-vettool="+bin, "./...")
			return hosttest.ParseText(stderr, example)
		},
		"go vet (json)": func() ([]hosttest.Finding, error) {
			stdout, stderr := hosttest.Run(t, example, env, "go", "vet", "-vettool="+bin, "-json", "./...")
			return hosttest.ParseJSON(append(stdout, stderr...), example)
		},
		"standalone (text)": func() ([]hosttest.Finding, error) {
			_, stderr := hosttest.Run(t, example, env, bin, "./...")
			return hosttest.ParseText(stderr, example)
		},
		"standalone (json)": func() ([]hosttest.Finding, error) {
			stdout, _ := hosttest.Run(t, example, env, bin, "-json", "./...")
			return hosttest.ParseJSON(stdout, example)
		},
	}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			got, err := run()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s findings differ from the planted bugs (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestDeterministic: the standalone checker's whole output (findings with
// their paths, as text and as SARIF) is byte-identical from run to run,
// although packages are analysed in parallel.
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	example := filepath.Join(repo, "testdata", "example")
	bin := hosttest.Build(t, repo, t.TempDir())
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}
	for _, args := range [][]string{{"./..."}, {"-format=sarif", "./..."}} {
		var first []byte
		for i := range 2 {
			stdout, stderr := hosttest.Run(t, example, env, bin, args...)
			out := slices.Concat(stdout, stderr)
			if i == 0 {
				first = out
				continue
			}
			if diff := cmp.Diff(string(first), string(out)); diff != "" {
				t.Fatalf("privacyvet %v: run %d differs from run 1 (-first +now):\n%s", args, i+1, diff)
			}
		}
	}
}

// TestVetVariants: under go vet, a package loaded again for another
// package's tests takes the analysis of the package, or the package that
// of the copy (testdata/variants), with the output of analysing every
// copy afresh, the paths of the findings included.
func TestVetVariants(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the tool wrapper is a shell script")
	}
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	dir := filepath.Join(repo, "testdata", "variants")
	tmp := t.TempDir()
	bin := hosttest.Build(t, repo, tmp)
	// A policy file of its own for each run of the test: go vet caches
	// results by the tool's flags, and a cached package is not analysed.
	for _, name := range []string{"kaseya-2016.yaml", "kaseya-2016.md"} {
		data, err := os.ReadFile(filepath.Join(repo, "policy", "builtin", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	policy := "-policy=" + filepath.Join(tmp, "kaseya-2016.yaml")
	// The process that vets package r (not the one that analyses r's
	// copy for y's tests, for facts) waits, so that the copy is analysed
	// first and r may take the copy's analysis: whose path starts at a
	// field of y.User, a position in another package's export data, which
	// r's process does not share (testdata/variants/y/y_test.go).
	wrapper := filepath.Join(tmp, "vettool")
	script := "#!/bin/sh\nfor a; do last=$a; done\n" +
		"case $last in *.cfg) if grep -q '\"ID\": \"example.com/variants/r\",' \"$last\" && grep -q '\"VetxOnly\": false' \"$last\"; then sleep 3; fi;; esac\n" +
		"exec " + bin + " \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}
	vet := func(args ...string) (out []string, store string) {
		_, stderr := hosttest.Run(t, dir, env, "go", append([]string{"vet", "-work", "-vettool=" + wrapper, policy}, append(args, "./...")...)...)
		for _, line := range strings.Split(string(stderr), "\n") {
			if w, ok := strings.CutPrefix(line, "WORK="); ok {
				store = filepath.Join(w, "privacyvet-variants")
				t.Cleanup(func() {
					if err := os.RemoveAll(w); err != nil {
						t.Error(err)
					}
				})
			} else if line != "" && !strings.HasPrefix(line, "#") {
				out = append(out, line)
			}
		}
		if store == "" {
			t.Fatalf("go vet -work printed no WORK= line:\n%s", stderr)
		}
		slices.Sort(out) // go vet prints packages as they finish
		return out, store
	}
	shared, store := vet()
	fresh, _ := vet("-share-variants=false")
	got, err := hosttest.ParseText([]byte(strings.Join(fresh, "\n")), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []hosttest.Finding{
		{Rule: "PV101", File: "r/r.go", Line: 10},
		{Rule: "PV101", File: "w/e_test.go", Line: 13},
		{Rule: "PV101", File: "x/q_test.go", Line: 15},
		{Rule: "PV101", File: "y/p_test.go", Line: 17},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("every copy analysed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(fresh, shared); diff != "" {
		t.Errorf("output with copies sharing analyses (-fresh +shared):\n%s", diff)
	}
	reused, _ := filepath.Glob(filepath.Join(store, "*.reused"))
	if len(reused) == 0 {
		t.Errorf("no package took another's analysis (nothing marked in %s)", store)
	}
}

// TestBadPolicy: a malformed policy stops the run with an error naming
// the file, line and key, in both hosts, and no panic.
func TestBadPolicy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	bin := hosttest.Build(t, repo, t.TempDir())
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/bad\n\ngo 1.26\n")
	write("privacy.yaml", "version: 1\ncategories:\n  user.contact.email: {clause: nowhere}\n")
	write("a.go", "package bad\n\ntype U struct {\n\tEmail string `privacy:\"user.contact.email\"`\n}\n")
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}
	for name, args := range map[string][]string{
		"go vet":     {"go", "vet", "-vettool=" + bin, "./..."},
		"standalone": {bin, "./..."},
	} {
		_, stderr := hosttest.Run(t, dir, env, args[0], args[1:]...)
		out := string(stderr)
		if !strings.Contains(out, "privacy.yaml:3:") || !strings.Contains(out, "nowhere") || strings.Contains(out, "panic") {
			t.Errorf("%s: want an error naming privacy.yaml:3 and the unknown clause, got:\n%s", name, out)
		}
	}
}
