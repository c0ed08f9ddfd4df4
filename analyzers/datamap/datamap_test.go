package datamap_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/privacyvet/privacyvet/analyzers/datamap"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// exampleDir is testdata/example of the repository: a module of its own.
func exampleDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	exampleOnce sync.Once
	exampleMap  *datamap.Map
	exampleErr  error
)

// example maps testdata/example once for all tests; links are relative
// to the module's directory, so the output is the same on any machine.
func example(t *testing.T) *datamap.Map {
	t.Helper()
	dir := exampleDir(t)
	exampleOnce.Do(func() {
		var problems []string
		exampleMap, problems, exampleErr = datamap.Load(&datamap.LoadConfig{
			Dir: dir, Env: append(os.Environ(), "GOWORK=off"),
		}, "./...")
		if exampleErr == nil && len(problems) > 0 {
			exampleErr = &loadError{problems}
		}
		if exampleMap != nil {
			exampleMap.LinkBase = dir
		}
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return exampleMap
}

type loadError struct{ problems []string }

func (e *loadError) Error() string { return strings.Join(e.problems, "\n") }

func TestExampleMap(t *testing.T) {
	m := example(t)
	cat := func(id string) *datamap.Category {
		for _, c := range m.Categories {
			if c.ID == id {
				return c
			}
		}
		t.Fatalf("no category %s in the map", id)
		return nil
	}

	email := cat("user.contact.email")
	if !email.Disclosed || email.Clause != "s2-personal-info" {
		t.Errorf("user.contact.email: disclosed %v by clause %q, want s2-personal-info", email.Disclosed, email.Clause)
	}
	if !hasSite(email.Collected, "type Email", "account/user.go") {
		t.Errorf("user.contact.email: collection sites %v lack type Email in account/user.go", email.Collected)
	}
	kinds := map[string]bool{}
	for _, r := range email.Reaches {
		kinds[r.Kind] = true
	}
	if !kinds["log"] || !kinds["thirdparty"] {
		t.Errorf("user.contact.email reaches kinds %v, want log and thirdparty", kinds)
	}
	if !hasErase(email.Erase, "(*account.Service).Delete", "//privacy:erase and policy erasure (privacy.yaml:") {
		t.Errorf("user.contact.email: erase functions %v lack account.Service.Delete, from its directive and the policy", email.Erase)
	}

	phone := cat("user.contact.phone_number")
	found := false
	for _, r := range phone.Reaches {
		if r.Recipient == "mailer" && r.Kind == "thirdparty" && strings.Contains(strings.Join(r.Rules, ","), "PV202") {
			found = true
		}
	}
	if !found {
		t.Errorf("user.contact.phone_number: no send to recipient mailer with finding PV202 in %+v", phone.Reaches)
	}

	cookie := cat("user.device.cookie_id")
	if len(cookie.Consent) == 0 {
		t.Errorf("user.device.cookie_id: no consent check, want marketing's AdsAllowed")
	}

	// Clauses: one honoured, one with findings, one not checkable.
	status := map[string]string{}
	for _, c := range m.Clauses {
		status[c.ID] = c.Status
	}
	for id, want := range map[string]string{
		"s2-personal-info": datamap.Honoured,     // a disclosure: PV601 cites the policy's cite clause, not this one
		"s7-security":      datamap.Violated,     // PV502 on the legacy password
		"s7-tls":           datamap.Violated,     // PV501 on the refund over http://
		"s3-no-sell":       datamap.Violated,     // PV203
		"s8-retention":     datamap.Violated,     // PV402
		"s4-delete":        datamap.NotCheckable, // cited by no entry
		"s9-non-promo":     datamap.NotChecked,   // a purpose with no consent
	} {
		if status[id] != want {
			t.Errorf("clause %s: status %q, want %q", id, status[id], want)
		}
	}

	// Drift both ways.
	if !hasDrift(m.Undisclosed, "user.demographic.gender") {
		t.Errorf("undisclosed drift %v lacks user.demographic.gender (TeamMember.Gender)", names(m.Undisclosed))
	}
	for _, d := range m.Undisclosed {
		if d.Category == "user.contact.email" {
			t.Errorf("user.contact.email is disclosed but listed as undisclosed")
		}
	}
	if len(m.Unseen) != 0 {
		t.Errorf("unseen drift %v: the example marks every category its policy lists", names(m.Unseen))
	}
	if addr := cat("user.contact.address"); len(addr.SeenAs) != 4 {
		t.Errorf("user.contact.address seen as %v, want its 4 subcategories", addr.SeenAs)
	}
}

func hasSite(sites []datamap.Site, what, file string) bool {
	for _, s := range sites {
		if s.What == what && s.Loc.Rel == file && s.Loc.Line > 0 {
			return true
		}
	}
	return false
}

func hasErase(fs []*datamap.Func, name, from string) bool {
	for _, f := range fs {
		if f.Name == name && strings.HasPrefix(f.From, from) {
			return true
		}
	}
	return false
}

func hasDrift(ds []*datamap.Drift, cat string) bool {
	for _, d := range ds {
		if d.Category == cat {
			return true
		}
	}
	return false
}

func names(ds []*datamap.Drift) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Category)
	}
	return out
}

// TestMarkdownGolden compares the Markdown report of testdata/example
// with testdata/example.md; run with -update to rewrite it.
func TestMarkdownGolden(t *testing.T) {
	m := example(t)
	var buf bytes.Buffer
	if err := m.Markdown(&buf); err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(buf.String(), m.Root, "$EXAMPLE")
	golden := filepath.Join("testdata", "example.md")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("Markdown report differs from %s (-want +got); if the change is intended, run go test -update:\n%s", golden, diff)
	}
	for _, s := range []string{
		"| [`user.contact.email`](#category-usercontactemail) |",
		"`mailer`",
		"[account/user.go:",
		"### In the code, not disclosed by the statement",
		"`user.demographic.gender`",
		"**1 finding (PV502)**",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("Markdown report lacks %q", s)
		}
	}
}

func TestHTMLSelfContained(t *testing.T) {
	m := example(t)
	var buf bytes.Buffer
	if err := m.HTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<link", "src=", "http://fonts", "ZgotmplZ", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML report contains %q: it must be self-contained and its links valid", bad)
		}
	}
	for _, s := range []string{
		"<!DOCTYPE html>", "<style>", "user.contact.email", `href="account/user.go#L`,
		"user.demographic.gender", "not checkable", "honoured",
	} {
		if !strings.Contains(page, s) {
			t.Errorf("HTML report lacks %q", s)
		}
	}
}

func TestMainUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := datamap.Main(nil, &out, &errb); code != 1 || !strings.Contains(errb.String(), "Usage:") {
		t.Errorf("Main(no packages) = %d, stderr %q; want 1 and the usage", code, errb.String())
	}
	errb.Reset()
	if code := datamap.Main([]string{"-format=pdf", "./..."}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "unknown -format") {
		t.Errorf("Main(-format=pdf) = %d, stderr %q", code, errb.String())
	}
}
