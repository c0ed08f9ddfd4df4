package retention_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

func TestForbidden(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, dir, s.Rule("retention"), "retention/children", "retention/drivers")
}

func TestExpiry(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, dir, s.Rule("retention"), "retention/expiry")
}

// TestErasure: whether an erase function anywhere in the program covers
// a stored category is decided at the main package.
func TestErasure(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, dir, s.Rule("retention"), "retention/appcovered", "retention/appuncovered")
}

func TestWeakErase(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, dir, s.Rule("retention"), "retention/eraser")
}
