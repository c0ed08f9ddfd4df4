// Package testdir locates the repository's testdata directory for tests,
// whichever package they run in.
package testdir

import (
	"os"
	"path/filepath"
	"testing"
)

// Testdata returns the absolute path of the repository's testdata
// directory: the one beside the go.mod found walking up from the test's
// working directory (its package directory).
func Testdata(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testdir: no go.mod above the working directory")
		}
		dir = parent
	}
}
