// Package golangci is privacyvet's golangci-lint v2 module plugin.
//
// A custom golangci-lint binary that blank-imports this package (built
// with `golangci-lint custom` from a .custom-gcl.yml, see
// docs/integration.md) knows the linter "privacyvet". It is enabled and
// configured in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [privacyvet]
//	  settings:
//	    custom:
//	      privacyvet:
//	        type: module
//	        settings:
//	          policy: builtin:kaseya-2016   # optional; default: nearest privacy.yaml
//	          disable: [PV906, logleak]     # optional; rule ids or analyzer names
//
// The plugin is thin: it builds a fresh analyzers.Suite bound to the
// settings, exactly as the go vet tool and the standalone checker do, and
// hands its analyzers to golangci-lint, which runs them with its own
// driver (facts included: the flow engine's summaries cross packages).
package golangci

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/policy"
)

// Name is the linter's name in .golangci.yml
// (linters.enable and linters.settings.custom).
const Name = "privacyvet"

func init() {
	register.Plugin(Name, New)
}

// Settings are the keys accepted under
// linters.settings.custom.privacyvet.settings. Unknown keys are errors.
type Settings struct {
	// Policy is what -policy is to the other hosts: a policy file (a
	// relative path is taken from the directory golangci-lint runs in) or
	// builtin:NAME. Empty: each package's nearest privacy.yaml up to its
	// module root, else builtin:baseline.
	Policy string `json:"policy"`
	// Disable turns rules off: an analyzer name (logleak, annotcheck, ...)
	// turns off every rule it reports, a rule id (PV101) just that rule.
	Disable []string `json:"disable"`
}

// Plugin is the linter plugin for one Settings value.
type Plugin struct {
	settings Settings
	// offAnalyzers are rule analyzers turned off whole; offRules, by
	// analyzer name, are rule ids turned off in an analyzer that keeps
	// reporting its other rules.
	offAnalyzers map[string]bool
	offRules     map[string]map[string]bool
}

var _ register.LinterPlugin = (*Plugin)(nil)

const settingsKey = "linters.settings.custom." + Name + ".settings"

// New decodes and checks the settings. A mistake in them (an unknown key,
// an unknown rule, a policy that cannot be read) is an error here, so
// golangci-lint stops before linting with a message naming the setting.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("%s: bad %s in the golangci-lint configuration: %v (the keys are: policy, disable)", Name, settingsKey, unwrapDecode(err))
	}
	p := &Plugin{settings: s, offAnalyzers: map[string]bool{}, offRules: map[string]map[string]bool{}}
	if err := p.resolveDisable(); err != nil {
		return nil, err
	}
	if err := checkPolicy(s.Policy); err != nil {
		return nil, err
	}
	return p, nil
}

// unwrapDecode drops DecodeSettings' "decoding settings: " prefix, which
// says nothing to a user reading .golangci.yml.
func unwrapDecode(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}

// resolveDisable sorts the disable entries into whole analyzers and
// single rules, and rejects names the suite does not know.
func (p *Plugin) resolveDisable() error {
	suite := analyzers.New(nil) // only for the names: settings never touch it
	owners := analyzers.RuleOwners()
	rulesOf := map[string][]string{}
	for id, a := range owners {
		rulesOf[a] = append(rulesOf[a], id)
	}
	var names []string
	for _, a := range suite.Rules {
		names = append(names, a.Name)
	}
	for _, entry := range p.settings.Disable {
		e := strings.TrimSpace(entry)
		id := strings.ToUpper(e)
		switch {
		case suite.Rule(e) != nil:
			p.offAnalyzers[e] = true
		case owners[id] != "":
			if p.offRules[owners[id]] == nil {
				p.offRules[owners[id]] = map[string]bool{}
			}
			p.offRules[owners[id]][id] = true
		default:
			sort.Strings(names)
			return fmt.Errorf("%s: %s.disable: unknown rule or analyzer %q (analyzers: %s; rule ids: `privacyvet rules` lists them, e.g. PV101)",
				Name, settingsKey, entry, strings.Join(names, ", "))
		}
	}
	// A rule analyzer whose every rule is off is off as a whole.
	for a, ids := range rulesOf {
		if !p.offAnalyzers[a] && len(ids) > 0 && !slices.ContainsFunc(ids, func(id string) bool { return !p.offRules[a][id] }) {
			p.offAnalyzers[a] = true
		}
	}
	if len(p.offAnalyzers) == len(suite.Rules) {
		return fmt.Errorf("%s: %s.disable turns off every rule; remove %s from linters.enable instead", Name, settingsKey, Name)
	}
	return nil
}

// checkPolicy reads an explicit policy once at start-up, so that a
// missing file or an unknown built-in is one clear error instead of one
// per package. Discovered privacy.yaml files are checked per package by
// the suite itself, as under the other hosts.
func checkPolicy(spec string) error {
	if spec == "" {
		return nil
	}
	wd, _ := os.Getwd()
	if _, err := policy.Resolve(spec, wd); err != nil {
		hint := ""
		if !strings.HasPrefix(spec, "builtin:") {
			hint = fmt.Sprintf(" (a relative path is taken from the directory golangci-lint runs in, here %s)", wd)
		}
		return fmt.Errorf("%s: %s.policy %q%s: %w", Name, settingsKey, spec, hint, err)
	}
	return nil
}

// Settings returns the decoded settings.
func (p *Plugin) Settings() Settings { return p.settings }

// BuildAnalyzers returns a fresh suite's analyzers bound to the settings:
// the policy resolver first, then every rule that is not disabled, and a
// no-op analyzer whose name carries a digest of the policy files (see
// cacheKeyAnalyzer). Each call builds new analyzers; nothing global is
// changed.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	suite := analyzers.New(&analyzers.Options{Policy: p.settings.Policy})
	out := []*analysis.Analyzer{suite.Config}
	for _, a := range suite.Rules {
		if p.offAnalyzers[a.Name] {
			continue
		}
		out = append(out, withoutRules(a, p.offRules[a.Name]))
	}
	wd, _ := os.Getwd()
	out = append(out, cacheKeyAnalyzer(policyDigest(p.settings.Policy, wd)))
	return out, nil
}

// GetLoadMode asks for type information: the suite builds SSA and uses
// facts across packages.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// withoutRules returns a, or when some of the rules it reports are off
// (off holds their ids), a copy of a that drops their diagnostics. The
// copy has the same prerequisites (the same analyzer values), so it reads
// the same results.
func withoutRules(a *analysis.Analyzer, off map[string]bool) *analysis.Analyzer {
	if len(off) == 0 {
		return a
	}
	b := &analysis.Analyzer{
		Name:             a.Name,
		Doc:              a.Doc,
		URL:              a.URL,
		Requires:         a.Requires,
		ResultType:       a.ResultType,
		FactTypes:        a.FactTypes,
		RunDespiteErrors: a.RunDespiteErrors,
	}
	run := a.Run
	b.Run = func(pass *analysis.Pass) (any, error) {
		filtered := *pass
		report := pass.Report
		filtered.Report = func(d analysis.Diagnostic) {
			if !off[d.Category] {
				report(d)
			}
		}
		return run(&filtered)
	}
	return b
}
