package logleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// TestCrossPackage: the data is personal in app, passes through middle,
// and reaches a log in sink; the finding is at app's call.
func TestCrossPackage(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdir.Testdata(t), s.Rule("logleak"), "xpkg/app", "xpkg/sink", "xpkg/middle")
}
