package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree writes files (path -> content) under a fresh temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const minimalPolicy = "version: 1\n"

func TestDiscover(t *testing.T) {
	root := tree(t, map[string]string{
		"mod/go.mod":                     "module example.com/mod\n",
		"mod/privacy.yaml":               minimalPolicy,
		"mod/internal/app/app.go":        "package app\n",
		"mod/sub/privacy.yaml":           minimalPolicy,
		"mod/sub/pkg/pkg.go":             "package pkg\n",
		"nested/privacy.yaml":            minimalPolicy, // outside the module below: must not be used
		"nested/inner/go.mod":            "module example.com/inner\n",
		"nested/inner/pkg/pkg.go":        "package pkg\n",
		"dirpolicy/go.mod":               "module example.com/d\n",
		"dirpolicy/privacy.yaml/keep.md": "a directory named privacy.yaml is not a policy\n",
		"bad/go.mod":                     "module example.com/bad\n",
		"bad/privacy.yaml":               "version: 2\n",
	})
	for _, tc := range []struct {
		dir, want string // want: the policy's Source relative to root, or builtin:NAME
	}{
		{"mod/internal/app", "mod/privacy.yaml"}, // found in a parent
		{"mod", "mod/privacy.yaml"},              // in the module root itself
		{"mod/sub/pkg", "mod/sub/privacy.yaml"},  // the nearest wins
		{"nested/inner/pkg", "builtin:baseline"}, // stops at the module root
		{"dirpolicy", "builtin:baseline"},        // a directory is not a policy
	} {
		p, err := Discover(filepath.Join(root, tc.dir))
		if err != nil {
			t.Errorf("Discover(%s): %v", tc.dir, err)
			continue
		}
		got := p.Source
		if rel, err := filepath.Rel(root, got); err == nil && !strings.HasPrefix(got, "builtin:") {
			got = filepath.ToSlash(rel)
		}
		if got != tc.want {
			t.Errorf("Discover(%s) = %s, want %s", tc.dir, got, tc.want)
		}
	}
	// A bad policy is an error, not a silent fall back to the baseline.
	if _, err := Discover(filepath.Join(root, "bad")); err == nil || !strings.Contains(err.Error(), "unsupported version 2") {
		t.Errorf("Discover(bad) error = %v", err)
	}
}

func TestDiscoverRelativeDir(t *testing.T) {
	root := tree(t, map[string]string{"go.mod": "module m\n", "privacy.yaml": minimalPolicy, "a/a.go": "package a\n"})
	t.Chdir(filepath.Join(root, "a"))
	p, err := Discover(".")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "privacy.yaml"); p.Source != want {
		t.Errorf("Discover(.) = %s, want %s", p.Source, want)
	}
}

func TestResolve(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod":       "module m\n",
		"privacy.yaml": minimalPolicy,
		"other.yaml":   minimalPolicy,
		"pkg/pkg.go":   "package pkg\n",
		"broken.yaml":  "version: [\n",
	})
	t.Chdir(root)
	for _, tc := range []struct{ spec, want string }{
		{"", filepath.Join(root, "privacy.yaml")},
		{"builtin:kaseya-2016", "builtin:kaseya-2016"},
		{"builtin:baseline", "builtin:baseline"},
		{"other.yaml", "other.yaml"}, // relative to the working directory, not to dir
	} {
		p, err := Resolve(tc.spec, filepath.Join(root, "pkg"))
		if err != nil {
			t.Errorf("Resolve(%q): %v", tc.spec, err)
			continue
		}
		if p.Source != tc.want {
			t.Errorf("Resolve(%q).Source = %s, want %s", tc.spec, p.Source, tc.want)
		}
	}
	for spec, want := range map[string]string{
		"builtin:nope": `policy: no built-in policy "nope" (built-in policies: baseline, kaseya-2016)`,
		"missing.yaml": "policy: open missing.yaml: no such file or directory",
		"broken.yaml":  "broken.yaml:2: invalid YAML: did not find expected node content",
	} {
		if _, err := Resolve(spec, root); err == nil || err.Error() != want {
			t.Errorf("Resolve(%q) error = %v, want %s", spec, err, want)
		}
	}
}
