package consent_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

func TestConsent(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdir.Testdata(t), s.Rule("consent"), "consent/basic")
}

// TestAcrossPackages: the need for a check travels with the summary of an
// exported function; the importer satisfies it or reports it.
func TestAcrossPackages(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdir.Testdata(t), s.Rule("consent"), "consent/lib", "consent/caller")
}
