package tagsuggest_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/analyzers/tagsuggest"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

// TestTagsuggest runs under kaseya-2016, which declares finer device
// categories (user.device.mac_address, user.device.browser_type) that the
// fixes prefer; imports checks types of another package, by their struct
// tags and by the fact on a //privacy:data type.
func TestTagsuggest(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.RunWithSuggestedFixes(t, testdir.Testdata(t), tagsuggest.New(s.Marks), "tagsuggest/basic", "tagsuggest/imports")
}

// TestBaseline: without finer categories in the policy, the fixes use
// the built-in taxonomy's.
func TestBaseline(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:baseline"})
	analysistest.RunWithSuggestedFixes(t, testdir.Testdata(t), tagsuggest.New(s.Marks), "tagsuggest/baseline")
}

// TestPolicySources: fields and types that the policy's sources mark
// need no tag.
func TestPolicySources(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "tagsuggest", "sources", "policy.yaml")})
	analysistest.RunWithSuggestedFixes(t, dir, tagsuggest.New(s.Marks), "tagsuggest/sources")
}
