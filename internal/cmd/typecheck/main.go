// Command typecheck loads packages exactly as the standalone privacyvet
// checker does (go/packages, LoadAllSyntax: every package and dependency
// parsed and type-checked from source) and does nothing else. It is the
// baseline of scripts/bench.sh: "standalone privacyvet / type-check" is
// the cost of the analysis itself, over the cost it cannot avoid.
//
//	go run ./internal/cmd/typecheck [-tags=T] [-test=false] packages...
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	tags := flag.String("tags", "", "build tags, as for go build")
	// Test packages too by default, as the standalone checker loads
	// them (its -test is on by default, as go vet's is).
	tests := flag.Bool("test", true, "also load test packages")
	flag.Parse()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: *tests}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "typecheck: %v\n", err)
		os.Exit(1)
	}
	n, files, errs := 0, 0, 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		n++
		files += len(p.Syntax)
		errs += len(p.Errors)
	})
	fmt.Printf("%d packages (%d files), %d errors\n", n, files, errs)
	if errs > 0 {
		os.Exit(1)
	}
}
