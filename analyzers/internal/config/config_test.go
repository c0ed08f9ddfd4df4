package config

import (
	"os"
	"path/filepath"
	"testing"
)

// TestResolveOnce: packages in different directories under one
// privacy.yaml share one policy, read once; a directory outside the
// module's policy gets the baseline, and a bad file its error each time.
func TestResolveOnce(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("m/go.mod", "module m\n")
	write("m/privacy.yaml", "version: 1\nclauses:\n  c1: {quote: \"We collect e-mail addresses.\"}\ncategories:\n  user.contact.email: {clause: c1}\n")
	write("m/a/a.go", "package a\n")
	write("m/b/c/c.go", "package c\n")
	write("n/go.mod", "module n\n")
	write("n/x/x.go", "package x\n")
	write("bad/go.mod", "module bad\n")
	write("bad/privacy.yaml", "version: 2\n")

	c := &cache{opts: new(Options), byKey: make(map[string]result), bySource: make(map[string]result)}
	a := c.resolve("", filepath.Join(root, "m/a"))
	b := c.resolve("", filepath.Join(root, "m/b/c"))
	if a.err != nil || b.err != nil {
		t.Fatal(a.err, b.err)
	}
	if a.pol != b.pol {
		t.Error("two packages under one privacy.yaml got two policies")
	}
	if want := filepath.Join(root, "m", "privacy.yaml"); a.pol.Source != want {
		t.Errorf("source %s, want %s", a.pol.Source, want)
	}
	if x := c.resolve("", filepath.Join(root, "n/x")); x.err != nil || x.pol.Source != "builtin:baseline" {
		t.Errorf("outside any policy: %v, %v", x.pol, x.err)
	}
	for range 2 {
		if r := c.resolve("", filepath.Join(root, "bad")); r.err == nil {
			t.Error("bad policy: no error")
		}
	}
	if r := c.resolve("builtin:kaseya-2016", filepath.Join(root, "m/a")); r.err != nil || r.pol.Source != "builtin:kaseya-2016" {
		t.Errorf("-policy=builtin:kaseya-2016: %v, %v", r.pol, r.err)
	}
}
