package golangci_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/privacyvet/privacyvet/internal/gcltest"
	"github.com/privacyvet/privacyvet/internal/hosttest"
)

// gclEnabled guards the tests that build golangci-lint with the plugin:
// the first build takes minutes (the binary is cached afterwards, see
// gcltest.CacheDir), and each run analyses the standard library from
// source once, for the engine's facts.
func gclEnabled(t *testing.T) {
	t.Helper()
	if os.Getenv("PRIVACYVET_GCL") != "1" {
		t.Skip("set PRIVACYVET_GCL=1 to build golangci-lint " + gcltest.Version + " with the plugin and run it")
	}
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// runGCL runs the custom binary on dir with settings and fails the test on
// anything but the plugin's findings (a run error, a typecheck issue).
func runGCL(t *testing.T, bin, dir, cache string, settings gcltest.Settings) *gcltest.Result {
	t.Helper()
	cfg := gcltest.WriteConfig(t, t.TempDir(), settings)
	start := time.Now()
	r := gcltest.Run(t, bin, dir, cfg, cache)
	t.Logf("golangci-lint run: %s, %d findings, %d related-information issues", time.Since(start).Round(time.Millisecond), len(r.Findings), r.Related)
	if r.Error != "" || len(r.Other) > 0 {
		t.Fatalf("golangci-lint run failed or reported other issues:\nerror: %s\nother: %s\nstderr:\n%s", r.Error, strings.Join(r.Other, "\n"), r.Stderr)
	}
	return r
}

// standalone runs the privacyvet binary on dir with -json and args.
func standalone(t *testing.T, bin, dir string, args ...string) []hosttest.Finding {
	t.Helper()
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}
	stdout, stderr := hosttest.Run(t, dir, env, bin, append(append([]string{"-json"}, args...), "./...")...)
	got, err := hosttest.ParseJSON(stdout, dir)
	if err != nil {
		t.Fatalf("standalone %v: %v\nstderr:\n%s", args, err, stderr)
	}
	return got
}

func without(fs []hosttest.Finding, rules ...string) []hosttest.Finding {
	var out []hosttest.Finding
	for _, f := range fs {
		drop := false
		for _, r := range rules {
			drop = drop || f.Rule == r
		}
		if !drop {
			out = append(out, f)
		}
	}
	return out
}

// TestGolangciLint builds golangci-lint with the plugin from the module
// proxy (gcltest.Binary) and checks that on testdata/example it reports
// what the standalone checker reports, as (rule, file, line), with the
// policy discovered, with the policy setting, and with rules disabled.
// (TestHosts in cmd/privacyvet checks the standalone checker against the
// planted bugs.)
func TestGolangciLint(t *testing.T) {
	gclEnabled(t)
	repo := repoRoot(t)
	example := filepath.Join(repo, "testdata", "example")

	start := time.Now()
	bin, built := gcltest.Binary(t, repo)
	t.Logf("custom golangci-lint: %s (built now: %v, %s)", bin, built, time.Since(start).Round(time.Millisecond))
	pv := hosttest.Build(t, repo, t.TempDir())
	cache := t.TempDir() // golangci-lint's cache, shared by the runs below

	t.Run("discovered privacy.yaml", func(t *testing.T) {
		want := standalone(t, pv, example)
		if len(want) == 0 {
			t.Fatal("standalone found nothing on testdata/example")
		}
		got := runGCL(t, bin, example, cache, nil).Findings
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("golangci-lint findings differ from standalone (-standalone +golangci-lint):\n%s", diff)
		}
	})

	t.Run("policy setting", func(t *testing.T) {
		const spec = "builtin:kaseya-2016"
		want := standalone(t, pv, example, "-policy="+spec)
		if len(want) == 0 {
			t.Fatalf("standalone -policy=%s found nothing on testdata/example", spec)
		}
		got := runGCL(t, bin, example, cache, gcltest.Settings{"policy": spec}).Findings
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("golangci-lint findings differ from standalone -policy=%s (-standalone +golangci-lint):\n%s", spec, diff)
		}
	})

	t.Run("disable", func(t *testing.T) {
		// PV101 is logleak's only rule: logleak is dropped. PV906 is one
		// of annotcheck's: annotcheck runs with that rule filtered.
		all := standalone(t, pv, example)
		want := without(all, "PV101", "PV906")
		if len(want) == len(all) {
			t.Fatal("standalone reports no PV101 on testdata/example: disabling it shows nothing")
		}
		got := runGCL(t, bin, example, cache, gcltest.Settings{"disable": []string{"PV101", "pv906"}}).Findings
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("golangci-lint findings with PV101, PV906 disabled (-want +got):\n%s", diff)
		}
	})
}

// TestGolangciLintPolicyEdit: golangci-lint caches issues under a key that
// does not cover privacy.yaml; the plugin's cache-key analyzer must make
// an edit of the policy alone show up in the next run.
func TestGolangciLintPolicyEdit(t *testing.T) {
	gclEnabled(t)
	bin, _ := gcltest.Binary(t, repoRoot(t))
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/mini\n\ngo 1.26\n")
	write("app.go", "package app\n\nimport \"log\"\n\ntype User struct {\n\tEmail string `privacy:\"user.contact.email\"`\n}\n\nfunc Greet(u User) {\n\tlog.Printf(\"hello %s\", u.Email)\n}\n")
	const deny = "version: 1\nclauses:\n  c1: {section: \"1\", quote: \"We collect your email address.\"}\ncategories:\n  user.contact.email: {clause: c1}\n"
	allow := strings.Replace(deny, "{clause: c1}", "{clause: c1, log: allow}", 1)
	cache := t.TempDir()
	leak := []hosttest.Finding{{Rule: "PV101", File: "app.go", Line: 10}}

	write("privacy.yaml", deny)
	if diff := cmp.Diff(leak, runGCL(t, bin, dir, cache, nil).Findings); diff != "" {
		t.Fatalf("policy denies email in logs (-want +got):\n%s", diff)
	}
	write("privacy.yaml", allow)
	if got := runGCL(t, bin, dir, cache, nil).Findings; len(got) != 0 {
		t.Errorf("policy now allows email in logs, but golangci-lint still reports %v (stale cache?)", got)
	}
	write("privacy.yaml", deny)
	if diff := cmp.Diff(leak, runGCL(t, bin, dir, cache, nil).Findings); diff != "" {
		t.Errorf("policy denies email in logs again (-want +got):\n%s", diff)
	}
}

// TestGolangciLintBadSettings: a mistake in the settings stops
// golangci-lint with a message that names the setting.
func TestGolangciLintBadSettings(t *testing.T) {
	gclEnabled(t)
	repo := repoRoot(t)
	bin, _ := gcltest.Binary(t, repo)
	example := filepath.Join(repo, "testdata", "example")
	for name, tc := range map[string]struct {
		settings gcltest.Settings
		want     []string
	}{
		"unknown key":  {gcltest.Settings{"polcy": "builtin:baseline"}, []string{"privacyvet", `unknown field "polcy"`, "policy, disable"}},
		"unknown rule": {gcltest.Settings{"disable": []string{"PV999"}}, []string{"privacyvet", `"PV999"`}},
		"no policy":    {gcltest.Settings{"policy": "nowhere.yaml"}, []string{"privacyvet", "nowhere.yaml"}},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := gcltest.WriteConfig(t, t.TempDir(), tc.settings)
			r := gcltest.Run(t, bin, example, cfg, t.TempDir())
			msg := r.Error + "\n" + string(r.Stderr)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("want an error containing %q, got:\n%s", w, msg)
				}
			}
			if len(r.Findings) > 0 {
				t.Errorf("bad settings, yet findings: %v", r.Findings)
			}
		})
	}
}

// TestGolangciLintBadPolicy: a discovered privacy.yaml with a mistake
// stops golangci-lint with an error naming the file, line and key, and no
// panic.
func TestGolangciLintBadPolicy(t *testing.T) {
	gclEnabled(t)
	bin, _ := gcltest.Binary(t, repoRoot(t))
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":       "module example.com/bad\n\ngo 1.26\n",
		"privacy.yaml": "version: 1\ncategories:\n  user.contact.email: {clause: nowhere}\n",
		"a.go":         "package bad\n\ntype U struct {\n\tEmail string `privacy:\"user.contact.email\"`\n}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := gcltest.Run(t, bin, dir, gcltest.WriteConfig(t, t.TempDir(), nil), t.TempDir())
	msg := r.Error + "\n" + string(r.Stderr)
	if !strings.Contains(msg, "privacy.yaml:3:") || !strings.Contains(msg, "nowhere") || strings.Contains(msg, "panic") {
		t.Errorf("want an error naming privacy.yaml:3 and the unknown clause, got:\n%s", msg)
	}
}
