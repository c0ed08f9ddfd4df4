package driver

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Profiling under go vet. go vet runs the tool once per package, and
// unitchecker ends each process with os.Exit, so a deferred profile stop
// never runs. With PRIVACYVET_CPUPROFILE=DIR (and PRIVACYVET_MEMPROFILE=DIR
// for allocations), each process that analyses a package writes
// DIR/<package id>.prof; the profile stops when the last of the suite's
// analyzers that unitchecker runs for the package returns. What follows
// (writing the package's export data and facts) is not in it.
//
//	PRIVACYVET_CPUPROFILE=/tmp/prof go vet -vettool=$(command -v privacyvet) ./...
//	go tool pprof -top /tmp/prof/*.prof
const (
	envCPUProfile = "PRIVACYVET_CPUPROFILE"
	envMemProfile = "PRIVACYVET_MEMPROFILE"
)

// vetConfig is the part of go vet's per-package *.cfg file that profiling
// and the sharing of test variants' analyses need.
type vetConfig struct {
	ID         string
	VetxOnly   bool
	VetxOutput string
}

// readVetConfig reads the package's *.cfg file that go vet passes last;
// false when there is none, or it does not read (unitchecker reports it).
func readVetConfig(args []string) (vetConfig, bool) {
	var cfg vetConfig
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return cfg, false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil || json.Unmarshal(data, &cfg) != nil {
		return cfg, false
	}
	return cfg, true
}

// profileVet starts the profiles asked for by the environment when args
// end with a package's *.cfg file, and wraps the Run function of the
// suite's analyzers (all, the roots handed to unitchecker, and what they
// require) so that the profiles are written when the last one returns.
// The analyzers are this process's own suite: nothing shared is changed.
// Problems are reported on stderr and leave the run unprofiled.
func profileVet(args []string, all []*analysis.Analyzer) {
	cpuDir, memDir := os.Getenv(envCPUProfile), os.Getenv(envMemProfile)
	if cpuDir == "" && memDir == "" {
		return
	}
	cfg, ok := readVetConfig(args)
	if !ok {
		return
	}
	name := profileName(cfg.ID)
	var cpu *os.File
	if cpuDir != "" {
		// Written under a temporary name, renamed once complete: a
		// process that ends before its analyzers do (a package that
		// does not type-check) leaves no truncated profile to merge.
		var err error
		if cpu, err = createProfile(cpuDir, name+".partial"); err == nil {
			err = pprof.StartCPUProfile(cpu)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "privacyvet: %s: %v\n", envCPUProfile, err)
			return
		}
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			if cpu != nil {
				pprof.StopCPUProfile()
				err := cpu.Close()
				if err == nil {
					err = os.Rename(cpu.Name(), filepath.Join(cpuDir, name))
				}
				if err != nil {
					fmt.Fprintf(os.Stderr, "privacyvet: %s: %v\n", envCPUProfile, err)
				}
			}
			if memDir != "" {
				writeAllocs(memDir, name)
			}
		})
	}
	wrapRuns(runSet(all, cfg.VetxOnly), stop)
}

// profileName turns a package id ("p [p.test]") into a file name.
func profileName(id string) string {
	if id == "" {
		return fmt.Sprint(os.Getpid()) + ".prof"
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-':
			return r
		}
		return '_'
	}, id) + ".prof"
}

func createProfile(dir, name string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return os.Create(filepath.Join(dir, name))
}

func writeAllocs(dir, name string) {
	f, err := createProfile(dir, name)
	if err == nil {
		runtime.GC()
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "privacyvet: %s: %v\n", envMemProfile, err)
	}
}

// runSet is the set of analyzers whose Run unitchecker calls for a
// package: every root and what it requires, or, for a package analysed
// only for its facts (VetxOnly), the roots that use facts themselves or
// through what they require, and what those require.
func runSet(roots []*analysis.Analyzer, vetxOnly bool) map[*analysis.Analyzer]bool {
	usesFacts := make(map[*analysis.Analyzer]bool)
	var uses func(a *analysis.Analyzer) bool
	uses = func(a *analysis.Analyzer) bool {
		if u, ok := usesFacts[a]; ok {
			return u
		}
		u := len(a.FactTypes) > 0
		for _, r := range a.Requires {
			u = uses(r) || u
		}
		usesFacts[a] = u
		return u
	}
	set := make(map[*analysis.Analyzer]bool)
	var add func(a *analysis.Analyzer)
	add = func(a *analysis.Analyzer) {
		if set[a] {
			return
		}
		set[a] = true
		for _, r := range a.Requires {
			add(r)
		}
	}
	for _, a := range roots {
		if uses(a) || !vetxOnly {
			add(a)
		}
	}
	return set
}

// wrapRuns calls stop once no analyzer of set is left to run: each Run
// that returns takes its analyzer off the set, and one that fails takes
// off too every analyzer that requires it (unitchecker does not run
// those).
func wrapRuns(set map[*analysis.Analyzer]bool, stop func()) {
	var mu sync.Mutex
	pending := make(map[*analysis.Analyzer]bool, len(set))
	for a := range set {
		pending[a] = true
	}
	var drop func(a *analysis.Analyzer)
	drop = func(a *analysis.Analyzer) {
		delete(pending, a)
		for b := range pending {
			for _, r := range b.Requires {
				if r == a {
					drop(b)
					break
				}
			}
		}
	}
	for a := range set {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			res, err := run(pass)
			mu.Lock()
			if err != nil {
				drop(a)
			} else {
				delete(pending, a)
			}
			done := len(pending) == 0
			mu.Unlock()
			if done {
				stop()
			}
			return res, err
		}
	}
}
