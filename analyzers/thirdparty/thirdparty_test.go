package thirdparty_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/internal/testdir"
)

func TestSends(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "thirdparty", "policy.yaml")})
	analysistest.Run(t, dir, s.Rule("thirdparty"), "thirdparty/sends")
}

// TestTestServers: tests that send personal data to their own httptest
// server, directly or through helpers of another package, send it to no
// third party; their other sends are reported.
func TestTestServers(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "thirdparty", "policy.yaml")})
	analysistest.Run(t, dir, s.Rule("thirdparty"), "thirdparty/local")
}

// TestClientRequests: a client request's RemoteAddr (a source in this
// policy) is not sent; a header holding an incoming request's is.
func TestClientRequests(t *testing.T) {
	dir := testdir.Testdata(t)
	s := analyzers.New(&analyzers.Options{Policy: filepath.Join(dir, "src", "thirdparty", "clientreq", "policy.yaml")})
	analysistest.Run(t, dir, s.Rule("thirdparty"), "thirdparty/clientreq")
}
