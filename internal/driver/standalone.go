// Package driver is privacyvet's command line: the go vet protocol
// (unitchecker), the standalone checker, and the subcommands.
package driver

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers"
)

// Exit codes of the standalone checker, as multichecker's.
const (
	exitOK       = 0
	exitError    = 1 // bad usage, bad policy, packages that do not load or type-check
	exitFindings = 3
)

// standalone runs the checker over package patterns.
func standalone(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("privacyvet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := new(analyzers.Options)
	fs.StringVar(&opts.Policy, "policy", "", "privacy policy: a YAML file or builtin:NAME (default: nearest privacy.yaml up to the module root, else builtin:baseline)")
	jsonOut := fs.Bool("json", false, "emit diagnostics as JSON (the go/analysis drivers' format)")
	format := fs.String("format", "text", "output format: text, json or sarif (SARIF 2.1.0, to stdout)")
	baseline := fs.String("baseline", "", "report only findings not in this baseline file; write it when it does not exist")
	baselineUpdate := fs.Bool("baseline-update", false, "with -baseline, rewrite the baseline file with the current findings")
	srcRoot := fs.String("srcroot", ".", "directory that SARIF and baseline file paths are relative to (the repository root, for code scanning)")
	fix := fs.Bool("fix", false, "apply suggested fixes (PV701 tags) to the files")
	diff := fs.Bool("diff", false, "with -fix, print the changes as a diff instead of writing files")
	contextLines := fs.Int("c", -1, "show the offending line with this many lines of context")
	tests := fs.Bool("test", true, "also analyse test files and test packages")
	tags := fs.String("tags", "", "comma-separated build tags")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile to this file at exit")
	allBounds := fs.Bool("bounds", false, "list every engine bound hit (by default, the first few)")
	shareVariants := fs.Bool("share-variants", true, "analyse a package once for the test variants that load it again with the same files, when what it imports says the same")
	fs.Usage = func() { usage(stderr, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if *jsonOut {
		*format = "json"
	}
	switch *format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "privacyvet: unknown -format %q (use text, json or sarif)\n", *format)
		return exitError
	}
	if *baselineUpdate && *baseline == "" {
		fmt.Fprintln(stderr, "privacyvet: -baseline-update needs -baseline FILE")
		return exitError
	}
	if *fix && *baseline != "" {
		fmt.Fprintln(stderr, "privacyvet: -fix and -baseline do not go together")
		return exitError
	}
	root, err := filepath.Abs(*srcRoot)
	if err != nil {
		fmt.Fprintf(stderr, "privacyvet: -srcroot: %v\n", err)
		return exitError
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		usage(stderr, fs)
		return exitError
	}

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "privacyvet: %v\n", err)
			return exitError
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "privacyvet: %v\n", err)
			return exitError
		}
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		defer func() {
			f, err := os.Create(*memprofile)
			if err == nil {
				runtime.GC() // the in-use figures are as of the last collection
				err = pprof.WriteHeapProfile(f)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				fmt.Fprintf(stderr, "privacyvet: -memprofile: %v\n", err)
			}
		}()
	}
	suite := analyzers.New(opts)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: *tests}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintf(stderr, "privacyvet: %v\n", err)
		return exitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "privacyvet: no packages match %s\n", strings.Join(patterns, " "))
		return exitError
	}
	code := exitOK
	if loadErrors(pkgs, stderr) {
		code = exitError
	}
	if *shareVariants {
		suite.ShareVariants(pkgs)
	}
	// The engine is a root too, so that its results (the bounds it hit)
	// are kept; it reports nothing itself.
	graph, err := checker.Analyze(append(suite.All(), suite.Flow), pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "privacyvet: %v\n", err)
		return exitError
	}
	if analysisErrors(graph, stderr) {
		code = exitError
	}
	findings := collect(graph)
	if *fix {
		if err := applyFixes(findings, *diff, stdout); err != nil {
			fmt.Fprintf(stderr, "privacyvet: %v\n", err)
			return exitError
		}
		return code
	}
	src := make(sources)
	var fps []string // read the sources only for the outputs that need them
	if *format == "sarif" || *baseline != "" {
		fps = fingerprints(findings, root, src)
	}
	summary := ""
	if *baseline != "" {
		run := &baselineRun{path: *baseline, update: *baselineUpdate, root: root, complete: code == exitOK, stderr: stderr}
		keep, sum, done, bcode := run.apply(findings, fps)
		if done {
			return bcode
		}
		dropDiagnostics(graph, findings, keep)
		findings, fps = pick(findings, keep), pick(fps, keep)
		summary = sum
	}
	switch *format {
	case "json":
		if err := graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "privacyvet: %v\n", err)
			return exitError
		}
	case "sarif":
		log := buildSARIF(findings, sarifOptions{root: root, toolVersion: version(), fingerprints: fps, successful: code == exitOK}, src)
		if err := writeSARIF(stdout, log); err != nil {
			fmt.Fprintf(stderr, "privacyvet: %v\n", err)
			return exitError
		}
	default:
		printText(stderr, findings, *contextLines)
	}
	if summary != "" {
		fmt.Fprintln(stderr, summary)
	}
	printBounds(stderr, suite.Bounds(graph), *allBounds)
	if len(findings) > 0 && code == exitOK {
		code = exitFindings
	}
	return code
}

// loadErrors prints, once per package, why a package could not be loaded
// or type-checked. Such a package is not analysed; the others are.
func loadErrors(pkgs []*packages.Package, w io.Writer) bool {
	bad := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 {
			return
		}
		bad = true
		fmt.Fprintf(w, "privacyvet: package %s does not load or type-check, so it is not analysed, nor are the packages that import it (fix these errors; the other packages were analysed):\n", p.PkgPath)
		for _, e := range p.Errors {
			fmt.Fprintf(w, "\t%s\n", e)
		}
	})
	return bad
}

// analysisErrors prints analyzer errors (a bad policy, an internal error)
// once each: the same policy error arises in every package of a module.
func analysisErrors(g *checker.Graph, w io.Writer) bool {
	seen := make(map[string]bool)
	var msgs []string
	// Packages that type-check but import one that does not: the
	// checker skips them, and the user must hear of it.
	skipped := make(map[string]bool)
	for act := range g.All() {
		if act.Err == nil {
			continue
		}
		msg := act.Err.Error()
		if strings.Contains(msg, "analysis skipped due to errors in package") {
			continue // reported by loadErrors
		}
		if strings.HasPrefix(msg, "failed prerequisites") {
			if len(act.Package.Errors) == 0 {
				skipped[act.Package.PkgPath] = true
			}
			continue // the cause is reported itself
		}
		// A policy error names the package first; keep one line per policy problem.
		if i := strings.Index(msg, "): "); i > 0 && strings.HasPrefix(msg, "bad privacy policy (used for package") {
			msg = "bad privacy policy: " + msg[i+3:]
		}
		if !seen[msg] {
			seen[msg] = true
			msgs = append(msgs, msg)
		}
	}
	sort.Strings(msgs)
	for _, m := range msgs {
		fmt.Fprintf(w, "privacyvet: %s\n", m)
	}
	for _, p := range slices.Sorted(maps.Keys(skipped)) {
		fmt.Fprintf(w, "privacyvet: package %s is not analysed: it imports, directly or not, a package that does not load or type-check (named above)\n", p)
	}
	return len(msgs) > 0 || len(skipped) > 0
}

// Finding is one diagnostic with resolved positions, for the output
// formats that are not go/analysis's own.
type Finding struct {
	Analyzer string
	Rule     string
	Message  string
	URL      string
	Pos      token.Position
	End      token.Position
	Related  []Related
	Fixes    []analysis.SuggestedFix
	fset     *token.FileSet
}

// Related is one hop of a finding's path.
type Related struct {
	Pos     token.Position
	Message string
}

func collect(g *checker.Graph) []Finding {
	var out []Finding
	seen := make(map[string]bool)
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := Finding{
				Analyzer: act.Analyzer.Name, Rule: d.Category, Message: d.Message, URL: d.URL,
				Pos: fset.Position(d.Pos), Fixes: d.SuggestedFixes, fset: fset,
			}
			if d.End.IsValid() {
				f.End = fset.Position(d.End)
			}
			for _, r := range d.Related {
				f.Related = append(f.Related, Related{Pos: fset.Position(r.Pos), Message: r.Message})
			}
			k := f.Pos.String() + "|" + f.Message
			if seen[k] { // a file in both a package and its test variant
				continue
			}
			seen[k] = true
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return out[i].Message < out[j].Message
	})
	return out
}

// pick returns the elements of s at the indexes in keep, in order.
func pick[T any](s []T, keep []int) []T {
	out := make([]T, 0, len(keep))
	for _, i := range keep {
		out = append(out, s[i])
	}
	return out
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `privacyvet holds Go code to its privacy statement.

Usage:
  privacyvet [flags] packages...        analyse packages (standalone)
  go vet -vettool=$(command -v privacyvet) [-policy=FILE] packages...
  privacyvet report [-format=md|html] [-o FILE] packages...
                                        the data map: categories, where they are collected and where they go, clause by clause
  privacyvet rules                      list the rules
  privacyvet policy check [-statement FILE] [FILE]
                                        validate a policy (default: the one the current directory resolves to)
  privacyvet policy categories          list the built-in category taxonomy
  privacyvet version

Flags:
`)
	fs.PrintDefaults()
}

// maxBoundLines is how many engine bounds are listed without -bounds.
const maxBoundLines = 5

// printBounds says where the engine hit one of its bounds: findings there
// may be incomplete, and a reviewer should know. It does not change the
// exit code.
func printBounds(w io.Writer, bounds []string, all bool) {
	if len(bounds) == 0 {
		return
	}
	pkgs := make(map[string]bool)
	for _, b := range bounds {
		pkg, _, _ := strings.Cut(b, ": ")
		pkgs[pkg] = true
	}
	fmt.Fprintf(w, "privacyvet: note: the engine hit %d of its bounds in %d package(s); results there are approximate (docs/rules.md, \"Bounds\"):\n", len(bounds), len(pkgs))
	n := len(bounds)
	if !all {
		n = min(n, maxBoundLines)
	}
	for _, b := range bounds[:n] {
		fmt.Fprintf(w, "\t%s\n", b)
	}
	if n < len(bounds) {
		fmt.Fprintf(w, "\t... and %d more (-bounds lists them all)\n", len(bounds)-n)
	}
}
