// Package config provides the analyzer whose result is the privacy policy
// that governs the package under analysis.
//
// The policy is resolved once per package: an explicit -policy flag wins
// (a file path or builtin:NAME); otherwise privacy.yaml is looked up from
// the package's directory up to its module root, falling back to the
// built-in baseline policy. A bad policy is a hard error of the pass, so
// every driver prints it with its file, line and key and no rule runs on a
// policy it could not read.
package config

import (
	"flag"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/policy"
)

// Name is the analyzer's name; its flags are spelled -privacy.NAME under
// drivers that prefix analyzer flags (go vet, multichecker).
const Name = "privacy"

// Options are the settings shared by the whole suite. A driver owns one
// value and binds it to its flags or to its configuration file; nothing
// here is global.
type Options struct {
	// Policy is "", a path to a policy file, or builtin:NAME.
	Policy string
}

// Config is the analyzer's result. Err is set when the policy cannot be
// read: the analyzer itself succeeds, and every rule analyzer fails with
// Err, so that each host shows the policy problem itself rather than a
// "failed prerequisites" chain (go vet shows one error per package).
type Config struct {
	Policy *policy.Policy
	Err    error
}

// New returns the config analyzer bound to opts. The analyzer's -policy
// flag writes into opts, so a driver that parses analyzer flags and one
// that fills opts directly (golangci-lint settings) behave the same.
func New(opts *Options) *analysis.Analyzer {
	if opts == nil {
		opts = new(Options)
	}
	c := &cache{opts: opts, byKey: make(map[string]result), bySource: make(map[string]result)}
	a := &analysis.Analyzer{
		Name:       Name,
		Doc:        "resolve the privacy policy that governs each package\n\nThe policy comes from -policy (a file or builtin:NAME), else from the nearest privacy.yaml up to the module root, else the built-in baseline.",
		URL:        "https://github.com/privacyvet/privacyvet/blob/main/docs/policy.md",
		Run:        c.run,
		ResultType: reflect.TypeFor[*Config](),
	}
	a.Flags.Init(Name, flag.ContinueOnError)
	a.Flags.StringVar(&opts.Policy, "policy", opts.Policy, "privacy policy: a YAML file, or builtin:baseline, builtin:kaseya-2016 (default: nearest privacy.yaml, else builtin:baseline)")
	return a
}

type result struct {
	pol *policy.Policy
	err error
}

// cache memoises resolution by (flag, directory), and loads each policy
// source once: a standalone run over hundreds of packages of one module,
// each in a directory of its own, reads its privacy.yaml once. Packages
// that resolve to the same source share the *policy.Policy, which no
// analyzer modifies.
type cache struct {
	opts     *Options
	mu       sync.Mutex
	byKey    map[string]result
	bySource map[string]result
}

func (c *cache) run(pass *analysis.Pass) (any, error) {
	dir := packageDir(pass)
	spec := c.opts.Policy
	key := spec + "\x00" + dir
	c.mu.Lock()
	r, ok := c.byKey[key]
	c.mu.Unlock()
	if !ok {
		r = c.resolve(spec, dir)
		c.mu.Lock()
		c.byKey[key] = r
		c.mu.Unlock()
	}
	if r.err != nil {
		return &Config{Err: fmt.Errorf("bad privacy policy (used for package %s): %w", pass.Pkg.Path(), r.err)}, nil
	}
	return &Config{Policy: r.pol}, nil
}

// resolve is policy.Resolve(spec, dir) (Discover when spec is ""),
// loading each source once.
func (c *cache) resolve(spec, dir string) result {
	source := "flag\x00" + spec
	if spec == "" {
		path, err := policy.Locate(dir)
		if err != nil {
			return result{err: err}
		}
		source = "file\x00" + path // "": the built-in baseline
	}
	c.mu.Lock()
	r, ok := c.bySource[source]
	c.mu.Unlock()
	if ok {
		return r
	}
	switch {
	case spec != "":
		r.pol, r.err = policy.Resolve(spec, dir)
	case source == "file\x00":
		r.pol, r.err = policy.Builtin("baseline")
	default:
		r.pol, r.err = policy.Load(strings.TrimPrefix(source, "file\x00"))
	}
	c.mu.Lock()
	c.bySource[source] = r
	c.mu.Unlock()
	return r
}

// packageDir is the directory of the package's first Go file; policy
// discovery starts there. A package with no files (rare: a test-only
// variant) resolves from the working directory.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name := pass.Fset.File(f.Pos()).Name(); name != "" {
			return filepath.Dir(name)
		}
	}
	return "."
}
