package thirdparty_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
)

func TestSends(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "thirdparty", "policy.yaml")})
	analysistest.Run(t, dir, s.Rule("thirdparty"), "thirdparty/sends")
}
