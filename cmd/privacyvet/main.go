// Command privacyvet holds Go code to its privacy statement.
//
// It runs as a go vet tool:
//
//	go vet -vettool=$(command -v privacyvet) ./...
//
// standalone:
//
//	privacyvet [-policy=FILE|builtin:NAME] [-json] [-fix] ./...
//
// and has subcommands: rules, policy check, policy categories, version.
// See the README and docs/ for the rules and the policy file.
package main

import "github.com/privacyvet/privacyvet/internal/driver"

// runID lets a benchmark build binaries that differ only in their build
// ID (go vet caches results by the vet tool's ID); it has no effect.
var runID string

func main() {
	_ = runID
	driver.Run()
}
