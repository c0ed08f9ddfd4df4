package transport_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

func TestSecrets(t *testing.T) {
	s := analyzers.New(&analyzers.Options{Policy: "builtin:kaseya-2016"})
	analysistest.Run(t, testdir.Testdata(t), s.Rule("transport"), "transport/secrets")
}

func TestPlain(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "thirdparty", "policy.yaml")})
	analysistest.Run(t, dir, s.Rule("transport"), "transport/plain")
}
