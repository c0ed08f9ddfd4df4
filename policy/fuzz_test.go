package policy

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, that every error
// carries a position in the file, and that a policy Parse accepts answers
// every query.
func FuzzParse(f *testing.F) {
	// The seeds are small on purpose: the fuzzer minimizes every input that
	// finds new coverage, an exec for each byte it tries to drop, and on
	// the 16 KB kaseya-2016 file that takes the whole run. full.yaml uses
	// every key; the unit tests cover the built-in policies themselves.
	full, err := os.ReadFile(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(withoutCommentLines(full))
	f.Add([]byte(queryPolicy))
	for _, tc := range badPolicies {
		f.Add([]byte(tc.src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yaml", data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is %T, not a non-empty ErrorList: %v", err, err)
			}
			for _, e := range list {
				if e.Pos.File != "fuzz.yaml" || e.Pos.Line < 1 || e.Pos.Col < 0 || e.Msg == "" {
					t.Fatalf("error without a position or message: %#v", e)
				}
			}
			return
		}
		if p.Version != 1 || p.Fingerprint() == "" {
			t.Fatalf("accepted policy: version %d, fingerprint %q", p.Version, p.Fingerprint())
		}
		for cat, r := range p.Categories {
			if r.Log != LogAllow && r.Log != LogDeny {
				t.Fatalf("rule %s has log %q", cat, r.Log)
			}
			if _, ok := p.Canonical(cat); !ok {
				t.Fatalf("declared category %s is not known", cat)
			}
			if r.Collect == CollectGated && p.Purpose(r.Gate) == nil {
				t.Fatalf("rule %s is gated by undeclared purpose %q", cat, r.Gate)
			}
			for _, k := range constraintKeys {
				if c := r.ClauseFor(k); c != "" && p.Clause(c) == nil {
					t.Fatalf("rule %s cites unknown clause %q for %s", cat, c, k)
				}
			}
			p.Rule(cat + ".x")
			p.RetentionFor(cat)
		}
		for id, pu := range p.Purposes {
			if pu.Consent == "" || p.Purpose(id) != pu {
				t.Fatalf("purpose %s: %+v", id, pu)
			}
		}
		for _, r := range p.Recipients {
			for _, h := range r.Hosts {
				p.RecipientForHost(h)
			}
			for _, pkg := range r.Packages {
				if p.RecipientForPackage(pkg) == nil {
					t.Fatalf("package %s of %s matches no recipient", pkg, r.Name)
				}
			}
		}
		_ = p.CheckQuotes(string(data))
	})
}

func withoutCommentLines(data []byte) []byte {
	var out []byte
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			out = append(out, line...)
		}
	}
	return out
}
