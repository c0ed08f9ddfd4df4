// Package analyzers assembles privacyvet's analysis suite, in one place,
// for every host: the go vet tool, the standalone checker, the
// golangci-lint plugin and the tests.
package analyzers

import (
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers/annotcheck"
	"github.com/privacyvet/privacyvet/analyzers/consent"
	"github.com/privacyvet/privacyvet/analyzers/disclosure"
	"github.com/privacyvet/privacyvet/analyzers/internal/config"
	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/analyzers/logleak"
	"github.com/privacyvet/privacyvet/analyzers/retention"
	"github.com/privacyvet/privacyvet/analyzers/tagsuggest"
	"github.com/privacyvet/privacyvet/analyzers/thirdparty"
	"github.com/privacyvet/privacyvet/analyzers/transport"
)

// EngineDoc is the flow engine's documentation comment, Go doc syntax
// (what is and is not followed, and its bounds).
func EngineDoc() string {
	src := flow.Doc()
	var lines []string
	for _, l := range strings.Split(src, "\n") {
		if !strings.HasPrefix(l, "//") {
			break
		}
		lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(l, "//"), " "))
	}
	text := strings.Join(lines, "\n")
	if i := strings.Index(text, "\n# "); i >= 0 {
		text = text[i+1:]
	}
	return text
}

// DocsURL is the rules documentation; each rule id, lower case, is an anchor.
const DocsURL = report.DocsURL

// Rule describes a rule for listings, docs and SARIF.
type Rule = report.Rule

// Options are the suite's settings (the policy to use).
type Options = config.Options

// Suite is one instance of the analyzers, bound to one Options value.
// Each host builds its own: nothing is shared through globals.
type Suite struct {
	Config *analysis.Analyzer // resolves the policy; owns the -policy flag
	Marks  *analysis.Analyzer // parses annotations
	Flow   *analysis.Analyzer // the taint engine; owns the facts
	Rules  []*analysis.Analyzer

	variants *flow.Variants
}

// New builds a suite bound to opts (nil: defaults).
func New(opts *Options) *Suite {
	cfg := config.New(opts)
	mk := marks.New(cfg)
	vs := flow.NewVariants()
	fl := flow.New(mk, vs)
	return &Suite{
		variants: vs,
		Config:   cfg,
		Marks:    mk,
		Flow:     fl,
		Rules: []*analysis.Analyzer{
			logleak.New(fl),
			thirdparty.New(fl),
			consent.New(fl),
			retention.New(fl),
			transport.New(fl),
			disclosure.New(mk),
			tagsuggest.New(mk),
			annotcheck.New(mk),
		},
	}
}

// All returns the analyzers a driver runs: the config analyzer first (so
// a driver that registers analyzer flags registers -privacy.policy), then
// every rule.
func (s *Suite) All() []*analysis.Analyzer {
	return append([]*analysis.Analyzer{s.Config}, s.Rules...)
}

// All returns a fresh suite's analyzers with opts.
func All(opts *Options) []*analysis.Analyzer { return New(opts).All() }

// ruleTables pairs each analyzer name with the rules it reports, in the
// order of CONTRACT §4.
var ruleTables = []struct {
	analyzer string
	rules    []report.Rule
}{
	{"logleak", logleak.Rules},
	{"thirdparty", thirdparty.Rules},
	{"consent", consent.Rules},
	{"retention", retention.Rules},
	{"transport", transport.Rules},
	{"disclosure", disclosure.Rules},
	{"tagsuggest", tagsuggest.Rules},
	{"annotcheck", annotcheck.Rules},
}

// Rules lists every rule id the suite reports, in id order.
func Rules() []report.Rule {
	var out []report.Rule
	for _, t := range ruleTables {
		out = append(out, t.rules...)
	}
	return out
}

// RuleOwners maps each rule id to the analyzer that reports it.
func RuleOwners() map[string]string {
	m := make(map[string]string)
	for _, t := range ruleTables {
		for _, r := range t.rules {
			m[r.ID] = t.analyzer
		}
	}
	return m
}

// ShareVariants makes the packages that pkgs (with their dependencies)
// load more than once with the same files share one analysis when what
// they import says the same. With tests, a package that imports a
// package with in-package tests is loaded again for that test
// ("q [x.test]"); see the flow engine's variants.go. Only a driver that
// runs all packages in one process, as the standalone checker does, can
// share. Call it before the run.
func (s *Suite) ShareVariants(pkgs []*packages.Package) {
	seen := make(map[string]int)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		seen[p.PkgPath+"\x00"+strings.Join(p.CompiledGoFiles, "\x00")]++
	})
	var paths []string
	for key, n := range seen {
		if n > 1 {
			path, _, _ := strings.Cut(key, "\x00")
			paths = append(paths, path)
		}
	}
	s.variants.Share(paths)
}

// ShareVariantsIn is ShareVariants for a process run by go vet on one
// package: it takes the analysis of another variant of the package from
// dir, a directory of the go command's run, or leaves its own there.
// factsOnly says that the process runs for facts only (it reports
// nothing). on is read when the analysis runs (the flags are parsed
// then): false shares nothing. Call it before the run.
func (s *Suite) ShareVariantsIn(dir string, factsOnly bool, on func() bool) {
	s.variants.ShareDir(dir, factsOnly, on)
}

// ReusedVariants reports how many packages took another variant's
// analysis in the suite's run.
func (s *Suite) ReusedVariants() int { return s.variants.Reused() }

// Rule returns the suite's analyzer of that name, or nil.
func (s *Suite) Rule(name string) *analysis.Analyzer {
	for _, a := range s.Rules {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Bounds returns the engine bounds hit in the root packages of a checker
// graph whose roots include s.Flow (the checker keeps the results of root
// actions only): "pkg/path: what", sorted. Results are approximate where
// a bound was hit: see the engine's Bounds section in docs/rules.md.
func (s *Suite) Bounds(g *checker.Graph) []string {
	var out []string
	for act := range g.All() {
		if act.Analyzer != s.Flow || act.Result == nil {
			continue
		}
		if r, ok := act.Result.(*flow.Result); ok {
			for _, b := range r.Bounds {
				out = append(out, act.Package.PkgPath+": "+b)
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}
