// Command gensynth writes realistic synthetic Go modules for benchmarking
// privacyvet at scale.
//
//	go run ./internal/cmd/gensynth -pkgs 200 -o /tmp/synth200 [-seed 1]
//
// The module it writes (standard library only, so it builds offline) is
// a layered web service: model packages with tagged structs, a platform
// kit of clients (audit log, mail, payments, partners, analytics, cache,
// consent), database/sql stores, services, net/http APIs and main
// packages, importing each other in a DAG with hubs, with call chains up
// to eight packages deep. About 600 lines per package: -pkgs 50, 200 and
// 800 give roughly 30k, 120k and 500k lines.
//
// Every package but the mains carries one to three planted leaks, of
// rules PV101, PV201, PV202, PV203, PV301, PV401, PV501 and PV502, some
// of them visible only through a chain of packages; each planted line
// ends in "// PLANTED(PVxxx)". planted.txt lists them as "file:line rule",
// sorted by file, line and rule. Everything else is clean code of the same
// shapes (redacted, hashed or non-personal values logged, guarded sends),
// so a false positive shows as a finding not in planted.txt. The module's
// privacy.yaml is the policy those expectations hold under.
//
// The output depends only on -pkgs and -seed: two runs write the same
// bytes.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	pkgs := flag.Int("pkgs", 50, "number of Go packages to generate (at least 6)")
	out := flag.String("o", "", "directory to write the module into (required)")
	seed := flag.Uint64("seed", 1, "random seed: same -pkgs and -seed, same module")
	module := flag.String("module", defaultModule, "module path of the generated module")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: gensynth -pkgs N -o DIR [-seed S] [-module PATH]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	m, err := Generate(Config{Pkgs: *pkgs, Seed: *seed, Module: *module})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := m.Write(*out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gensynth: wrote %d packages, %d Go lines, %d planted leaks to %s\n", *pkgs, m.GoLines(), len(m.Planted), *out)
}
