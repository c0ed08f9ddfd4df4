package driver

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/analyzers/datamap"
)

// Main runs the command with args (os.Args[1:]) and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if vetProtocol(args) {
		vet()
		return exitOK // unreachable: unitchecker exits
	}
	widenGC()
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return rules(stdout)
		case "report":
			if sarifRequested(args[1:]) {
				// The data map's findings as SARIF are the checker's.
				return standalone(args[1:], stdout, stderr)
			}
			return datamap.Main(args[1:], stdout, stderr)
		case "policy":
			return policyCmd(args[1:], stdout, stderr)
		case "version", "-version", "--version":
			fmt.Fprintln(stdout, "privacyvet", version())
			return exitOK
		case "help", "-h", "-help", "--help":
			// The standalone checker's flag set prints the usage with
			// its flags; asked for, help goes to stdout.
			return standalone([]string{"-h"}, stdout, stdout)
		}
	}
	return standalone(args, stdout, stderr)
}

// sarifRequested reports whether report's flags ask for SARIF.
func sarifRequested(args []string) bool {
	for i, a := range args {
		a = strings.TrimPrefix(a, "-")
		switch {
		case a == "-format=sarif" || a == "format=sarif":
			return true
		case (a == "format" || a == "-format") && i+1 < len(args) && args[i+1] == "sarif":
			return true
		}
	}
	return false
}

// vetProtocol reports whether go vet is calling: it asks for -flags and
// -V=full, then passes one *.cfg file describing a package.
func vetProtocol(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V") || strings.HasPrefix(a, "--V") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// vet hands over to unitchecker. The suite's config analyzer registers
// -privacy.policy; -policy is registered too, bound to the same option,
// so the standalone spelling works under go vet as well. The process
// defers garbage collection (gc.go) and, when asked, profiles itself
// (vetprofile.go).
func vet() {
	opts := new(analyzers.Options)
	flag.StringVar(&opts.Policy, "policy", "", "privacy policy: a YAML file or builtin:NAME (same as -privacy.policy)")
	share := flag.Bool("share-variants", true, "take a test variant's analysis from its package's, when what it imports says the same (see docs/performance.md)")
	suite := analyzers.New(opts)
	if dir, factsOnly, ok := vetWorkDir(os.Args[1:]); ok {
		suite.ShareVariantsIn(dir, factsOnly, func() bool { return *share })
	}
	all := suite.All()
	deferGC()
	profileVet(os.Args[1:], all)
	unitchecker.Main(all...)
}

// vetWorkDir returns, when go vet runs the tool on a package, a directory
// in the go command's work directory (which go vet removes when it ends)
// where the processes of one run share their analyses with the test
// variants of their packages, and whether this process runs for facts
// only. A configuration that does not come from the go command (another
// build system's, with no go-build work directory) shares nothing.
func vetWorkDir(args []string) (dir string, factsOnly, ok bool) {
	cfg, ok := readVetConfig(args)
	if !ok || cfg.VetxOutput == "" {
		return "", false, false
	}
	work := filepath.Dir(filepath.Dir(cfg.VetxOutput)) // $WORK/b042/vet.out
	if !strings.HasPrefix(filepath.Base(work), "go-build") {
		return "", false, false
	}
	return filepath.Join(work, "privacyvet-variants"), cfg.VetxOnly, true
}

func rules(w io.Writer) int {
	for _, r := range analyzers.Rules() {
		fmt.Fprintf(w, "%s  %-7s %s\n", r.ID, r.Level, r.Title)
	}
	fmt.Fprintln(w, "\nEach rule is documented at https://github.com/privacyvet/privacyvet/blob/main/docs/rules.md")
	return exitOK
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// Run is Main for the real process.
func Run() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) }
