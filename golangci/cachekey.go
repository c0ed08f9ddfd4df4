package golangci

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/policy"
)

// golangci-lint caches each package's issues (and the facts of imported
// packages) under a key made of the package's Go files, its
// dependencies, the binary, go.mod, the linters' settings in
// .golangci.yml and the names of the analyzers. A privacy.yaml is none of
// these: editing only the policy would replay the issues found under the
// old one, in a local run and in CI jobs that restore golangci-lint's
// cache. The plugin cannot add to that key except through analyzer names,
// so BuildAnalyzers adds an analyzer that does nothing and whose name
// carries a digest of the policy files the run can use.

// cacheKeyPrefix starts the name of the cache-key analyzer.
const cacheKeyPrefix = "privacyvet_policy_"

// cacheKeyAnalyzer returns an analyzer that reports nothing, named after
// digest.
func cacheKeyAnalyzer(digest string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: cacheKeyPrefix + digest,
		Doc:  "no-op: its name keys golangci-lint's result cache to the content of the privacy policy files",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// policyDigest hashes the policy files a run from directory wd can read:
// for an explicit policy file, that file; for builtin:NAME, nothing (the
// built-in policies are in the binary, which is part of golangci-lint's
// key); otherwise every privacy.yaml from wd's module root down to wd and
// below wd, skipping what `./...` skips (testdata, vendor, directories
// whose names start with "." or "_", nested modules). A file that cannot
// be read contributes its error text, so a missing and an empty policy
// differ. The walk is cheap next to golangci-lint's own package loading.
func policyDigest(spec, wd string) string {
	h := sha256.New()
	add := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			data = []byte("unreadable: " + err.Error())
		}
		sum := sha256.Sum256(data)
		h.Write([]byte(filepath.ToSlash(path) + "\x00" + hex.EncodeToString(sum[:]) + "\n"))
	}
	h.Write([]byte("policy=" + spec + "\n"))
	switch {
	case strings.HasPrefix(spec, "builtin:"):
	case spec != "":
		if !filepath.IsAbs(spec) {
			spec = filepath.Join(wd, spec)
		}
		add(spec)
	default:
		for _, p := range discoverable(wd) {
			add(p)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// discoverable lists the privacy.yaml files that policy discovery can
// reach for packages at or below wd, sorted.
func discoverable(wd string) []string {
	var files []string
	isFile := func(p string) bool {
		fi, err := os.Stat(p)
		return err == nil && !fi.IsDir()
	}
	// Upwards: wd's ancestors up to the first that holds go.mod.
	if !isFile(filepath.Join(wd, "go.mod")) {
		for dir := filepath.Dir(wd); ; dir = filepath.Dir(dir) {
			if p := filepath.Join(dir, policy.FileName); isFile(p) {
				files = append(files, p)
			}
			if isFile(filepath.Join(dir, "go.mod")) || filepath.Dir(dir) == dir {
				break
			}
		}
	}
	// Downwards: wd and everything `./...` would visit.
	_ = filepath.WalkDir(wd, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable directory: go list skips it too
		}
		if d.IsDir() {
			name := d.Name()
			if path != wd && (name == "testdata" || name == "vendor" || name == "node_modules" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				isFile(filepath.Join(path, "go.mod"))) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == policy.FileName {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files
}
