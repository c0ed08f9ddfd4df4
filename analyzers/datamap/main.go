package datamap

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers"
)

// LoadConfig says which packages to map and how.
type LoadConfig struct {
	Dir    string   // where patterns are resolved; "" for the working directory
	Env    []string // the go command's environment; nil for os.Environ()
	Policy string   // "", a policy file, or builtin:NAME (as -policy)
	Tests  bool     // include test files and test packages
	Tags   string   // comma-separated build tags
}

// Load loads the packages matching patterns as the standalone checker
// does (go/packages, full syntax), runs the suite over them and builds
// their map. Packages that do not load or type-check are left out: the
// map says so in its Notes, and they are returned as problems.
func Load(cfg *LoadConfig, patterns ...string) (m *Map, problems []string, err error) {
	suite := analyzers.New(&analyzers.Options{Policy: cfg.Policy})
	pc := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: cfg.Tests, Dir: cfg.Dir, Env: cfg.Env}
	if cfg.Tags != "" {
		pc.BuildFlags = []string{"-tags=" + cfg.Tags}
	}
	pkgs, err := packages.Load(pc, patterns...)
	if err != nil {
		return nil, nil, err
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			problems = append(problems, fmt.Sprintf("package %s does not load or type-check, so it is not mapped: %s", p.PkgPath, e))
		}
	})
	g, err := checker.Analyze(Analyzers(suite), pkgs, nil)
	if err != nil {
		return nil, problems, err
	}
	m, err = Build(g, suite)
	if err != nil {
		return nil, problems, err
	}
	m.Notes = append(m.Notes, problems...)
	return m, problems, nil
}

// Main runs `privacyvet report` with args (after "report") and returns
// the exit code: 0 when the map was written, 1 when it could not be or
// when some packages could not be analysed (the map is still written,
// and says so). Findings do not change the exit code: the report is for
// reading, `privacyvet ./...` is the gate.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("privacyvet report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := new(LoadConfig)
	fs.StringVar(&cfg.Policy, "policy", "", "privacy policy: a YAML file or builtin:NAME (default: nearest privacy.yaml up to the module root, else builtin:baseline)")
	format := fs.String("format", "", "md or html (default: html when -o ends in .html or .htm, else md)")
	out := fs.String("o", "", "write the report to this file (default: standard output); links to the code are relative to its directory")
	fs.BoolVar(&cfg.Tests, "test", false, "also map test files and test packages")
	fs.StringVar(&cfg.Tags, "tags", "", "comma-separated build tags")
	fs.Usage = func() {
		fmt.Fprint(stderr, `privacyvet report writes the data map of packages: each personal-data
category, where it is collected, every sink and recipient it reaches, the
consent checks and erase functions that cover it, the status of each clause
of the privacy statement, and the drift between the code and the statement.

Usage:
  privacyvet report [-policy=FILE|builtin:NAME] [-format=md|html] [-o FILE] packages...

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 1
	}
	if *format == "" {
		*format = "md"
		if ext := strings.ToLower(filepath.Ext(*out)); ext == ".html" || ext == ".htm" {
			*format = "html"
		}
	}
	render := map[string]func(*Map, io.Writer) error{"md": (*Map).Markdown, "markdown": (*Map).Markdown, "html": (*Map).HTML}[*format]
	if render == nil {
		fmt.Fprintf(stderr, "privacyvet report: unknown -format %q (use md or html)\n", *format)
		return 1
	}
	m, problems, err := Load(cfg, fs.Args()...)
	for _, p := range problems {
		fmt.Fprintf(stderr, "privacyvet report: %s\n", p)
	}
	if err != nil {
		fmt.Fprintf(stderr, "privacyvet report: %v\n", err)
		return 1
	}
	base := "."
	if *out != "" {
		base = filepath.Dir(*out)
	}
	if abs, err := filepath.Abs(base); err == nil {
		m.LinkBase = abs
	}
	var buf bytes.Buffer
	if err := render(m, &buf); err != nil {
		fmt.Fprintf(stderr, "privacyvet report: %v\n", err)
		return 1
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
	} else {
		err = os.WriteFile(*out, buf.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "privacyvet report: %v\n", err)
		return 1
	}
	if len(problems) > 0 {
		return 1
	}
	return 0
}
