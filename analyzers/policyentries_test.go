package analyzers_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// TestPolicyEntries: the policy's sources, sinks, sanitizers, consent
// entries and recipient packages stand in for annotations on code that
// cannot be annotated.
func TestPolicyEntries(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "policyentries", "policy.yaml")})
	for name, pkg := range map[string]string{"logleak": "policyentries/app", "thirdparty": "policyentries/send", "consent": "policyentries/devices"} {
		t.Run(name, func(t *testing.T) {
			analysistest.Run(t, dir, s.Rule(name), pkg)
		})
	}
}
