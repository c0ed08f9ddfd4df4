package logleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

func TestLogleak(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdir.Testdata(t), s.Rule("logleak"), "logleak/basic")
}

func TestPropagation(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdir.Testdata(t), s.Rule("logleak"), "logleak/propagation", "logleak/redact", "logleak/libs")
}
