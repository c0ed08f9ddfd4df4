package disclosure_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/analyzers/disclosure"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// TestKaseya: kaseya-2016 cites s2-nothing-else for PV601 and lists
// user.demographic.language but not the rest of user.demographic.
func TestKaseya(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdir.Testdata(t), disclosure.New(s.Marks), "disclosure/kaseya")
}

// TestCustomPolicy: a policy file with no PV601 clause, whose sources
// mark fields, types and methods of the package.
func TestCustomPolicy(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "disclosure", "custom", "custom.yaml")})
	analysistest.Run(t, dir, disclosure.New(s.Marks), "disclosure/custom")
}

// TestBaseline: the baseline policy discloses the user and system trees,
// so nothing is reported.
func TestBaseline(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:baseline"})
	analysistest.Run(t, testdir.Testdata(t), disclosure.New(s.Marks), "disclosure/baseline")
}
