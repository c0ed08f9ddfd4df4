package driver

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/privacyvet/privacyvet/analyzers"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const signupSrc = `package app

import "log"

type User struct {
	Email string ` + "`privacy:\"user.contact.email\"`" + `
}

func welcome(u *User) {
	name := "Zoë 😀"; log.Printf("welcome %s %s", name, u.Email)
}
`

// fixture writes a small source tree under a temporary root and returns
// the root and findings in it, as collect would produce them.
func fixture(t *testing.T) (string, []Finding) {
	t.Helper()
	root := t.TempDir()
	file := filepath.Join(root, "app", "signup.go")
	write(t, file, signupSrc)
	line := strings.Split(signupSrc, "\n")[9]
	col := strings.Index(line, "log.Printf") + 1 // bytes: "ë" is 2, "😀" is 4
	pos := func(l, c int) token.Position { return token.Position{Filename: file, Line: l, Column: c} }
	return root, []Finding{
		{
			Analyzer: "logleak", Rule: "PV101", Pos: pos(10, col),
			Message: `user.contact.email (User.Email) reaches log sink log.Printf; statement §2 "..." allows only user.device.ip_address in log files [PV101] (via User.Email -> log.Printf)`,
			Related: []Related{{Pos: pos(6, 2), Message: "1. User.Email"}, {Pos: pos(10, col), Message: "2. log.Printf"}},
		},
		{
			Analyzer: "tagsuggest", Rule: "PV701", Pos: pos(6, 2), End: pos(6, 7),
			Message: "field User.Email looks like personal data (user.contact.email) but has no privacy tag; tag it [PV701]",
		},
	}
}

func buildFixture(t *testing.T, root string, findings []Finding) *sarifLog {
	t.Helper()
	src := make(sources)
	return buildSARIF(findings, sarifOptions{root: root, toolVersion: "v1.2.3", fingerprints: fingerprints(findings, root, src), successful: true}, src)
}

// TestSARIFGolden compares one log with testdata/sarif.golden.json
// (go test ./internal/driver/ -run TestSARIFGolden -args -update
// rewrites it).
func TestSARIFGolden(t *testing.T) {
	root, findings := fixture(t)
	log := buildFixture(t, root, findings)
	var buf bytes.Buffer
	if err := writeSARIF(&buf, log); err != nil {
		t.Fatal(err)
	}
	for _, e := range validateSARIF(buf.Bytes()) {
		t.Errorf("invalid SARIF: %s", e)
	}
	// One rule is enough here (TestSARIFRules checks them all): a new rule
	// does not change the golden file.
	log.Runs[0].Tool.Driver.Rules = log.Runs[0].Tool.Driver.Rules[:1]
	buf.Reset()
	if err := writeSARIF(&buf, log); err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(buf.String(), filepath.ToSlash(root), "/ROOT")
	golden := filepath.Join("testdata", "sarif.golden.json")
	if *update {
		write(t, golden, got)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("SARIF log differs from %s (-want +got):\n%s", golden, d)
	}
}

func TestSARIFResult(t *testing.T) {
	root, findings := fixture(t)
	log := buildFixture(t, root, findings)
	run := log.Runs[0]
	if diff := cmp.Diff(map[string]sarifArtifactLocation{"SRCROOT": {URI: "file://" + filepath.ToSlash(root) + "/"}}, run.OriginalURIBaseIDs); diff != "" {
		t.Errorf("originalUriBaseIds (-want +got):\n%s", diff)
	}
	line := strings.Split(signupSrc, "\n")[9]
	before, _, _ := strings.Cut(line, "log.Printf")
	col16 := len([]rune(before)) + 1 + 1 // 😀 is two UTF-16 code units
	phys := func(line, col int) *sarifPhysicalLocation {
		return &sarifPhysicalLocation{
			ArtifactLocation: sarifArtifactLocation{URI: "app/signup.go", URIBaseID: "SRCROOT"},
			Region:           &sarifRegion{StartLine: line, StartColumn: col},
		}
	}
	zero := 0
	hop1 := sarifLocation{PhysicalLocation: phys(6, 2), Message: &sarifText{Text: "1. User.Email"}}
	hop2 := sarifLocation{PhysicalLocation: phys(10, col16), Message: &sarifText{Text: "2. log.Printf"}}
	want := sarifResult{
		RuleID: "PV101", RuleIndex: &zero, Level: "error",
		Message:   sarifText{Text: findings[0].Message},
		Locations: []sarifLocation{{PhysicalLocation: phys(10, col16)}},
		RelatedLocations: []sarifLocation{
			{ID: 1, PhysicalLocation: hop1.PhysicalLocation, Message: hop1.Message},
			{ID: 2, PhysicalLocation: hop2.PhysicalLocation, Message: hop2.Message},
		},
		CodeFlows: []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: []sarifThreadFlowLocation{{Location: hop1}, {Location: hop2}}}}}},
		PartialFingerprints: map[string]string{
			fingerprintKey: fingerprints(findings, root, make(sources))[0],
		},
	}
	if diff := cmp.Diff(want, run.Results[0]); diff != "" {
		t.Errorf("PV101 result (-want +got):\n%s", diff)
	}
	r := run.Results[1]
	if r.RuleID != "PV701" || r.Level != "warning" || run.Tool.Driver.Rules[*r.RuleIndex].ID != "PV701" {
		t.Errorf("PV701 result: rule %s index %d level %s", r.RuleID, *r.RuleIndex, r.Level)
	}
	if diff := cmp.Diff(&sarifRegion{StartLine: 6, StartColumn: 2, EndLine: 6, EndColumn: 7}, r.Locations[0].PhysicalLocation.Region); diff != "" {
		t.Errorf("PV701 region (-want +got):\n%s", diff)
	}
	if r.CodeFlows != nil || r.RelatedLocations != nil {
		t.Errorf("a finding without a path has code flows or related locations: %+v", r)
	}
}

// TestSARIFOutsideRoot: a file outside the source root keeps an absolute
// file: URI without a uriBaseId; a diagnostic of no known rule has no
// ruleIndex and the default level.
func TestSARIFOutsideRoot(t *testing.T) {
	root := t.TempDir()
	other := filepath.Join(t.TempDir(), "gen.go")
	write(t, other, "package gen\n")
	fs := []Finding{{Analyzer: "custom", Message: "m", Pos: token.Position{Filename: other, Line: 1, Column: 1}}}
	log := buildFixture(t, root, fs)
	r := log.Runs[0].Results[0]
	want := sarifArtifactLocation{URI: "file://" + filepath.ToSlash(other)}
	if diff := cmp.Diff(want, r.Locations[0].PhysicalLocation.ArtifactLocation); diff != "" {
		t.Errorf("artifact location (-want +got):\n%s", diff)
	}
	if r.RuleID != "custom" || r.RuleIndex != nil || r.Level != "warning" {
		t.Errorf("unknown rule: id %q index %v level %q", r.RuleID, r.RuleIndex, r.Level)
	}
	data, _ := json.Marshal(log)
	for _, e := range validateSARIF(data) {
		t.Errorf("invalid SARIF: %s", e)
	}
}

// TestSARIFRules: every rule, with a help URI whose anchor docs/rules.md
// defines.
func TestSARIFRules(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	rules := sarifRules()
	all := analyzers.Rules()
	if len(rules) != len(all) {
		t.Fatalf("%d SARIF rules, %d rules", len(rules), len(all))
	}
	for i, r := range rules {
		if r.ID != all[i].ID || r.ShortDescription.Text != all[i].Title || r.DefaultConfiguration.Level != all[i].Level {
			t.Errorf("rule %d: %+v, want %+v", i, r, all[i])
		}
		anchor := strings.ToLower(r.ID)
		if r.HelpURI != analyzers.DocsURL+"#"+anchor {
			t.Errorf("%s: helpUri %s", r.ID, r.HelpURI)
		}
		// PV9xx share the annotcheck section, which has no per-id anchors.
		if !strings.HasPrefix(r.ID, "PV9") && !bytes.Contains(doc, []byte(`<a id="`+anchor+`">`)) {
			t.Errorf("%s: docs/rules.md has no anchor %q", r.ID, anchor)
		}
		if r.Name == "" || !strings.HasSuffix(r.FullDescription.Text, ".") {
			t.Errorf("%s: name %q, full description %q", r.ID, r.Name, r.FullDescription.Text)
		}
	}
}

// TestFingerprint: moving a finding (lines added above it, positions in
// its message shifting) keeps its fingerprint; changing the line, the
// message or the rule changes it; identical findings in one file differ
// by their occurrence number.
func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "a.go")
	at := func(line int, msg string) []Finding {
		return []Finding{{Rule: "PV101", Message: msg, Pos: token.Position{Filename: file, Line: line, Column: 2}}}
	}
	fp := func(src string, fs []Finding) string {
		write(t, file, src)
		return fingerprints(fs, root, make(sources))[0]
	}
	const msg = "x reaches log sink audit.Record at notify/notify.go:16 [PV101]"
	base := fp("package a\n\nfunc f() {\n\tlog.Print(x)\n}\n", at(4, msg))
	moved := fp("package a\n\n// new\n// lines\n\nfunc f() {\n\t  log.Print(x) \n}\n", at(7, strings.Replace(msg, ":16", ":19", 1)))
	if moved != base {
		t.Errorf("moved finding: fingerprint %s, was %s", moved, base)
	}
	if !strings.HasSuffix(base, ":1") || len(base) != 32+2 {
		t.Errorf("fingerprint %q: want 32 hex digits and :1", base)
	}
	for name, got := range map[string]string{
		"line text": fp("package a\n\nfunc f() {\n\tlog.Print(y)\n}\n", at(4, msg)),
		"message":   fp("package a\n\nfunc f() {\n\tlog.Print(x)\n}\n", at(4, strings.Replace(msg, "x reaches", "y reaches", 1))),
		"rule": fp("package a\n\nfunc f() {\n\tlog.Print(x)\n}\n",
			[]Finding{{Rule: "PV201", Message: msg, Pos: token.Position{Filename: file, Line: 4, Column: 2}}}),
	} {
		if got == base {
			t.Errorf("a change of %s keeps the fingerprint %s", name, got)
		}
	}
	write(t, file, "package a\n\nfunc f() {\n\tlog.Print(x)\n\tlog.Print(x)\n}\n")
	fps := fingerprints(append(at(4, msg), at(5, msg)...), root, make(sources))
	if fps[0] != base || fps[1] != strings.TrimSuffix(base, "1")+"2" {
		t.Errorf("identical findings: %v (first should be %s)", fps, base)
	}
}

// TestValidateSARIFRejects: the structural check fails on logs that break
// the schema, one rule at a time, and names the place.
func TestValidateSARIFRejects(t *testing.T) {
	root, findings := fixture(t)
	valid, err := json.Marshal(buildFixture(t, root, findings))
	if err != nil {
		t.Fatal(err)
	}
	if errs := validateSARIF(valid); len(errs) > 0 {
		t.Fatalf("the valid log is rejected: %v", errs)
	}
	type obj = map[string]any
	run := func(d obj) obj { return d["runs"].([]any)[0].(obj) }
	result := func(d obj, i int) obj { return run(d)["results"].([]any)[i].(obj) }
	loc := func(d obj) obj { return result(d, 0)["locations"].([]any)[0].(obj) }
	region := func(d obj) obj { return loc(d)["physicalLocation"].(obj)["region"].(obj) }
	flow := func(d obj) obj {
		return result(d, 0)["codeFlows"].([]any)[0].(obj)["threadFlows"].([]any)[0].(obj)
	}
	for _, tc := range []struct {
		name, want string
		mutate     func(obj)
	}{
		{"wrong version", `$.version: "2.0.0" is not one of`, func(d obj) { d["version"] = "2.0.0" }},
		{"no version", `required property "version"`, func(d obj) { delete(d, "version") }},
		{"no $schema", "$: no $schema", func(d obj) { delete(d, "$schema") }},
		{"relative $schema", "not an absolute URI", func(d obj) { d["$schema"] = "sarif-2.1.0.json" }},
		{"no runs", `required property "runs"`, func(d obj) { delete(d, "runs") }},
		{"unknown top-level property", `property "extra" is not defined for a sarifLog`, func(d obj) { d["extra"] = 1 }},
		{"no tool", `required property "tool"`, func(d obj) { delete(run(d), "tool") }},
		{"no driver name", `tool.driver: required property "name"`, func(d obj) { delete(run(d)["tool"].(obj)["driver"].(obj), "name") }},
		{"empty driver name", "tool.driver.name: is empty", func(d obj) { run(d)["tool"].(obj)["driver"].(obj)["name"] = "" }},
		{"duplicate rule", "appears twice", func(d obj) {
			dr := run(d)["tool"].(obj)["driver"].(obj)
			rules := dr["rules"].([]any)
			dr["rules"] = append(rules, rules[0])
		}},
		{"bad default level", "defaultConfiguration.level", func(d obj) {
			run(d)["tool"].(obj)["driver"].(obj)["rules"].([]any)[0].(obj)["defaultConfiguration"].(obj)["level"] = "fatal"
		}},
		{"misspelt rule property", `property "helpURI" is not defined`, func(d obj) {
			run(d)["tool"].(obj)["driver"].(obj)["rules"].([]any)[0].(obj)["helpURI"] = "x"
		}},
		{"bad column kind", "columnKind", func(d obj) { run(d)["columnKind"] = "bytes" }},
		{"invocation without executionSuccessful", `required property "executionSuccessful"`, func(d obj) {
			run(d)["invocations"] = []any{obj{}}
		}},
		{"no message", `results[0]: required property "message"`, func(d obj) { delete(result(d, 0), "message") }},
		{"message without text", `required property "text"`, func(d obj) { result(d, 0)["message"] = obj{"markdown": "x"} }},
		{"ruleIndex out of range", "ruleIndex: 99 is out of range", func(d obj) { result(d, 0)["ruleIndex"] = 99 }},
		{"ruleIndex below -1", "less than the minimum -1", func(d obj) { result(d, 0)["ruleIndex"] = -2 }},
		{"ruleIndex not an integer", "must be an integer", func(d obj) { result(d, 0)["ruleIndex"] = 0.5 }},
		{"ruleIndex of another rule", `is rule "PV101", but ruleId is "PV701"`, func(d obj) { result(d, 1)["ruleIndex"] = 0 }},
		{"bad level", `level: "fatal" is not one of`, func(d obj) { result(d, 0)["level"] = "fatal" }},
		{"bad kind", "kind", func(d obj) { result(d, 0)["kind"] = "bug" }},
		{"startLine 0", "startLine: 0 is less than the minimum 1", func(d obj) { region(d)["startLine"] = 0 }},
		{"startColumn 0", "startColumn: 0 is less than the minimum 1", func(d obj) { region(d)["startColumn"] = 0 }},
		{"region without startLine", `required property "startLine"`, func(d obj) { delete(region(d), "startLine") }},
		{"region ending before it starts", "ends (line 1) before it starts", func(d obj) { region(d)["endLine"] = 1 }},
		{"empty location", "neither a physicalLocation nor a message", func(d obj) {
			result(d, 0)["locations"] = []any{obj{}}
		}},
		{"undefined uriBaseId", `"SRC" is not in the run's originalUriBaseIds`, func(d obj) {
			loc(d)["physicalLocation"].(obj)["artifactLocation"].(obj)["uriBaseId"] = "SRC"
		}},
		{"base URI without a slash", "must end with a slash", func(d obj) {
			run(d)["originalUriBaseIds"].(obj)["SRCROOT"] = obj{"uri": "file:///src"}
		}},
		{"no thread flows", "threadFlows: must have at least 1", func(d obj) {
			result(d, 0)["codeFlows"] = []any{obj{"threadFlows": []any{}}}
		}},
		{"empty thread flow", "locations: must have at least 1", func(d obj) { flow(d)["locations"] = []any{} }},
		{"thread flow location without a location", "a thread flow location without a location", func(d obj) {
			flow(d)["locations"] = []any{obj{"nestingLevel": 0}}
		}},
		{"duplicate related id", "is the id of another related location", func(d obj) {
			result(d, 0)["relatedLocations"].([]any)[1].(obj)["id"] = 1
		}},
		{"fingerprint not a string", "partialFingerprints.privacyvet/v1: must be a string", func(d obj) {
			result(d, 0)["partialFingerprints"] = obj{fingerprintKey: 12}
		}},
		{"not JSON", "not JSON", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte("{")
			if tc.mutate != nil {
				var d obj
				if err := json.Unmarshal(valid, &d); err != nil {
					t.Fatal(err)
				}
				tc.mutate(d)
				data, _ = json.Marshal(d)
			}
			errs := validateSARIF(data)
			if !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Errorf("want an error with %q, got %q", tc.want, errs)
			}
		})
	}
}
