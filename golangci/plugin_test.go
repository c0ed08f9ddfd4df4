package golangci

import (
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers"
)

// names lists the analyzers' names, without the cache-key analyzer,
// which it checks is last.
func names(t *testing.T, as []*analysis.Analyzer) []string {
	t.Helper()
	if len(as) == 0 || !strings.HasPrefix(as[len(as)-1].Name, cacheKeyPrefix) {
		t.Fatalf("the last analyzer is not the cache-key analyzer: %v", as)
	}
	var out []string
	for _, a := range as[:len(as)-1] {
		out = append(out, a.Name)
	}
	return out
}

func build(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%#v): %v", settings, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatalf("analysis.Validate: %v", err)
	}
	return as
}

func TestRegistered(t *testing.T) {
	np, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := np(nil); err != nil {
		t.Fatal(err)
	}
}

func TestNewGoodSettings(t *testing.T) {
	all := analyzers.New(nil).All()
	var allNames []string
	for _, a := range all {
		allNames = append(allNames, a.Name)
	}
	rulesWithout := func(drop ...string) []string {
		return slices.DeleteFunc(slices.Clone(allNames), func(n string) bool { return slices.Contains(drop, n) })
	}
	for _, tc := range []struct {
		name     string
		settings any
		policy   string
		want     []string
	}{
		{"absent", nil, "", allNames},
		{"empty", map[string]any{}, "", allNames},
		{"builtin policy", map[string]any{"policy": "builtin:kaseya-2016"}, "builtin:kaseya-2016", allNames},
		{"disable analyzer", map[string]any{"disable": []any{"logleak"}}, "", rulesWithout("logleak")},
		{"disable its only rule", map[string]any{"disable": []any{"pv101"}}, "", rulesWithout("logleak")},
		{"disable one rule of several", map[string]any{"disable": []any{"PV906"}}, "", allNames},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as := build(t, tc.settings)
			if diff := cmp.Diff(tc.want, names(t, as)); diff != "" {
				t.Errorf("analyzers (-want +got):\n%s", diff)
			}
			if got := as[0].Flags.Lookup("policy"); got == nil || got.Value.String() != tc.policy {
				t.Errorf("the config analyzer's policy = %v, want %q", got, tc.policy)
			}
		})
	}
}

// TestFreshSuites: each BuildAnalyzers call returns new analyzers, and
// the settings of one plugin do not leak into another or into the
// suite's defaults.
func TestFreshSuites(t *testing.T) {
	a := build(t, map[string]any{"policy": "builtin:kaseya-2016"})
	b := build(t, nil)
	if a[0] == b[0] {
		t.Fatal("two plugins share the config analyzer")
	}
	if got := b[0].Flags.Lookup("policy").Value.String(); got != "" {
		t.Errorf("second plugin's policy = %q, want the default", got)
	}
	if got := analyzers.New(nil).Config.Flags.Lookup("policy").Value.String(); got != "" {
		t.Errorf("a new suite's policy = %q after plugins were built", got)
	}
	p, _ := New(nil)
	x, _ := p.BuildAnalyzers()
	y, _ := p.BuildAnalyzers()
	if x[0] == y[0] {
		t.Error("BuildAnalyzers returned the same analyzers twice")
	}
}

func allRuleAnalyzers() []any {
	var out []any
	for _, a := range analyzers.New(nil).Rules {
		out = append(out, a.Name)
	}
	return out
}

func allRuleIDs() []any {
	var out []any
	for _, r := range analyzers.Rules() {
		out = append(out, r.ID)
	}
	return out
}

func TestNewBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string
	}{
		{"unknown key", map[string]any{"polcy": "builtin:baseline"}, []string{"linters.settings.custom.privacyvet.settings", `unknown field "polcy"`, "policy, disable"}},
		{"wrong type", map[string]any{"policy": 3}, []string{"linters.settings.custom.privacyvet.settings", "policy"}},
		{"disable not a list", map[string]any{"disable": "PV101"}, []string{"disable"}},
		{"unknown rule", map[string]any{"disable": []any{"PV999"}}, []string{"disable", `"PV999"`, "logleak"}},
		{"unknown analyzer", map[string]any{"disable": []any{"privacy"}}, []string{"disable", `"privacy"`}},
		{"every rule", map[string]any{"disable": allRuleAnalyzers()}, []string{"every rule", "linters.enable"}},
		{"every rule id", map[string]any{"disable": allRuleIDs()}, []string{"every rule", "linters.enable"}},
		{"unknown builtin", map[string]any{"policy": "builtin:nope"}, []string{"policy", "builtin:nope", "baseline"}},
		{"missing file", map[string]any{"policy": "no/such/privacy.yaml"}, []string{"policy", "no/such/privacy.yaml", "runs in"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if err == nil {
				t.Fatalf("New(%#v) = %v, want an error", tc.settings, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestBadPolicyFile: an explicit policy file with a mistake is reported
// by New with its file, line and key.
func TestBadPolicyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "privacy.yaml")
	if err := os.WriteFile(path, []byte("version: 1\ncategories:\n  user.contact.email: {clause: nowhere}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := New(map[string]any{"policy": path})
	if err == nil || !strings.Contains(err.Error(), "privacy.yaml:3:") || !strings.Contains(err.Error(), "nowhere") {
		t.Fatalf("want an error naming privacy.yaml:3 and the clause, got %v", err)
	}
}

// TestWithoutRules: a rule turned off is dropped from the analyzer's
// diagnostics; its other rules still come through.
func TestWithoutRules(t *testing.T) {
	a := &analysis.Analyzer{
		Name: "fake",
		Doc:  "fake",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Category: "PV1", Message: "one"})
			pass.Reportf(0, "untagged")
			pass.Report(analysis.Diagnostic{Category: "PV2", Message: "two"})
			return "result", nil
		},
	}
	if withoutRules(a, nil) != a {
		t.Error("nothing off: want the analyzer itself")
	}
	b := withoutRules(a, map[string]bool{"PV1": true})
	var got []string
	res, err := b.Run(&analysis.Pass{Analyzer: b, Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }})
	if err != nil || res != "result" {
		t.Fatalf("Run = %v, %v", res, err)
	}
	if diff := cmp.Diff([]string{"untagged", "two"}, got); diff != "" {
		t.Errorf("reported (-want +got):\n%s", diff)
	}
}

// TestPolicyDigest: the cache-key analyzer's name changes with the
// content of any privacy.yaml a run can discover, and with an explicit
// policy file's content, and not with files that discovery cannot reach.
func TestPolicyDigest(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n")
	write("privacy.yaml", "a")
	write("svc/privacy.yaml", "b")
	write("testdata/privacy.yaml", "c")
	write("nested/go.mod", "module example.com/n\n")
	write("nested/privacy.yaml", "d")
	write(".hidden/privacy.yaml", "e")

	sub := filepath.Join(root, "svc")
	base := policyDigest("", root)
	fromSub := policyDigest("", sub)
	for _, tc := range []struct {
		file    string
		from    string
		changes bool
	}{
		{"privacy.yaml", root, true},
		{"privacy.yaml", sub, true}, // a parent of the working directory, inside the module
		{"svc/privacy.yaml", root, true},
		{"testdata/privacy.yaml", root, false},
		{"nested/privacy.yaml", root, false},
		{".hidden/privacy.yaml", root, false},
	} {
		before := map[string]string{root: base, sub: fromSub}[tc.from]
		write(tc.file, "changed")
		after := policyDigest("", tc.from)
		if (after != before) != tc.changes {
			t.Errorf("editing %s, run from %s: digest changed = %v, want %v", tc.file, tc.from, after != before, tc.changes)
		}
		// Restore.
		write(tc.file, map[string]string{"privacy.yaml": "a", "svc/privacy.yaml": "b", "testdata/privacy.yaml": "c", "nested/privacy.yaml": "d", ".hidden/privacy.yaml": "e"}[tc.file])
	}

	explicit := filepath.Join(root, "nested", "privacy.yaml")
	d1 := policyDigest(explicit, root)
	write("nested/privacy.yaml", "changed")
	if policyDigest(explicit, root) == d1 {
		t.Error("explicit policy file edited: digest unchanged")
	}
	if policyDigest("builtin:baseline", root) == policyDigest("builtin:kaseya-2016", root) {
		t.Error("two built-in policies have one digest")
	}
	if !token.IsIdentifier(cacheKeyAnalyzer(base).Name) {
		t.Errorf("cache-key analyzer name %q is not an identifier", cacheKeyAnalyzer(base).Name)
	}
}
