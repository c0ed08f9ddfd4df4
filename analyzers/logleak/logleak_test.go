package logleak_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

func TestLogleak(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdata(), s.Rule("logleak"), "logleak/basic")
}

func TestPropagation(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdata(), s.Rule("logleak"), "logleak/propagation", "logleak/redact", "logleak/libs")
}
