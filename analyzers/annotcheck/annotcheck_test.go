package annotcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

func TestAnnotcheck(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, dir, s.Rule("annotcheck"), "annotcheck/bad")
}
