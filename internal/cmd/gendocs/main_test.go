package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRulesDocFresh fails when docs/rules.md differs from what the
// analyzers' documentation generates: run go run ./internal/cmd/gendocs.
func TestRulesDocFresh(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("..", "..", "..", out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, Generate()) {
		t.Errorf("%s is stale: run `go run ./internal/cmd/gendocs` from the repository root", out)
	}
}
