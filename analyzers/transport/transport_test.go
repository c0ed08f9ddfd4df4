package transport_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSecrets(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdata(t), s.Rule("transport"), "transport/secrets")
}

func TestPlain(t *testing.T) {
	dir := testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "thirdparty", "policy.yaml")})
	analysistest.Run(t, dir, s.Rule("transport"), "transport/plain")
}
