package main

import (
	"bytes"
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Config says what to generate. The same Config always gives the same
// module, byte for byte.
type Config struct {
	Pkgs   int    // number of Go packages, main packages included; at least minPkgs
	Seed   uint64 // varies names, shapes and which leaks are planted where
	Module string // module path; defaultModule when empty
}

const (
	defaultModule = "synth.example/app"
	minPkgs       = 6 // one package per layer
	// targetLines is the size of a library package. Each package draws its
	// own target around it, so that package sizes vary as in real trees.
	targetLines = 600
)

// Plant is one planted leak: where privacyvet must report it.
type Plant struct {
	File string // slash-separated, relative to the module root
	Line int
	Rule string
}

func (p Plant) String() string { return fmt.Sprintf("%s:%d %s", p.File, p.Line, p.Rule) }

// Module is a generated module: its files and the leaks planted in them.
type Module struct {
	Files   map[string][]byte // slash-separated path relative to the root -> content
	Planted []Plant           // sorted by file, line and rule
}

// Generate builds the module described by cfg.
func Generate(cfg Config) (*Module, error) {
	if cfg.Pkgs < minPkgs {
		return nil, fmt.Errorf("gensynth: -pkgs must be at least %d (one package per layer), got %d", minPkgs, cfg.Pkgs)
	}
	if cfg.Module == "" {
		cfg.Module = defaultModule
	}
	p := newPlan(cfg)

	// Packages are generated in parallel: each draws from a random source
	// of its own, seeded by the seed and its index, and reads the shared
	// plan only, so the output does not depend on scheduling.
	type result struct {
		files  map[string][]byte
		plants int
		err    error
	}
	results := make([]result, len(p.pkgs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				files, plants, err := p.render(p.pkgs[i])
				results[i] = result{files, plants, err}
			}
		}()
	}
	for i := range p.pkgs {
		work <- i
	}
	close(work)
	wg.Wait()

	m := &Module{Files: map[string][]byte{
		"go.mod":       fmt.Appendf(nil, "module %s\n\ngo 1.26\n", cfg.Module),
		"privacy.yaml": []byte(policyYAML),
		"README.md":    readme(p),
	}}
	for i, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		marked := 0
		for name, data := range r.files {
			m.Files[name] = data
			found := markers(name, data)
			marked += len(found)
			m.Planted = append(m.Planted, found...)
		}
		// The markers are read back from the formatted code; a unit that
		// planted a leak without its marker (or the reverse) is a bug here.
		if marked != r.plants {
			return nil, fmt.Errorf("gensynth: package %s planted %d leaks but marked %d", p.pkgs[i].path, r.plants, marked)
		}
	}
	sortPlants(m.Planted)
	m.Files["planted.txt"] = m.plantedText()
	return m, nil
}

func sortPlants(ps []Plant) {
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
}

func (m *Module) plantedText() []byte {
	var b bytes.Buffer
	for _, p := range m.Planted {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Names returns the module's file names, sorted.
func (m *Module) Names() []string {
	names := make([]string, 0, len(m.Files))
	for name := range m.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// GoLines counts the lines of the module's Go files.
func (m *Module) GoLines() int {
	n := 0
	for name, data := range m.Files {
		if strings.HasSuffix(name, ".go") {
			n += bytes.Count(data, []byte("\n"))
		}
	}
	return n
}

// Write writes the module into dir, creating it if needed. It refuses a
// dir that holds a go.mod of another module, so that a mistyped -o does
// not scribble over a real project.
func (m *Module) Write(dir string) error {
	if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && !bytes.Equal(data, m.Files["go.mod"]) {
		return fmt.Errorf("gensynth: %s already holds another module (its go.mod differs); choose an empty directory", dir)
	}
	for _, name := range m.Names() {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, m.Files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

var marker = regexp.MustCompile(`// PLANTED\((PV\d{3})\)`)

// markers returns the planted leaks marked in one formatted file. Lines
// are counted after gofmt, so they are the lines privacyvet reports.
func markers(name string, data []byte) []Plant {
	var out []Plant
	for i, line := range bytes.Split(data, []byte("\n")) {
		for _, m := range marker.FindAllSubmatch(line, -1) {
			out = append(out, Plant{File: name, Line: i + 1, Rule: string(m[1])})
		}
	}
	return out
}

// gofile is one Go file of a package before its package clause and
// imports are added.
type gofile struct {
	name string // base name
	doc  string // package doc comment (first file only), without "//"
	body strings.Builder
}

// stdImports maps the package names the templates use to their paths.
var stdImports = map[string]string{
	"atomic": "sync/atomic", "bytes": "bytes", "context": "context", "errors": "errors",
	"fmt": "fmt", "hex": "encoding/hex", "http": "net/http", "json": "encoding/json",
	"log": "log", "os": "os", "sha256": "crypto/sha256", "signal": "os/signal",
	"slices": "slices", "slog": "log/slog", "sort": "sort", "sql": "database/sql",
	"strconv": "strconv", "strings": "strings", "sync": "sync", "syscall": "syscall",
	"time": "time", "url": "net/url", "io": "io", "maps": "maps", "rand": "crypto/rand",
}

// assemble turns a package's files into formatted Go source. The import
// block is computed from the identifiers the body qualifies (pkg.Name),
// read with go/scanner so that comments and string literals (URLs!) do
// not count; templates never name a local variable after a package.
func assemble(p *pkg, files []*gofile) (map[string][]byte, error) {
	internal := make(map[string]string)
	for _, d := range p.deps {
		internal[d.name] = d.path
	}
	out := make(map[string][]byte)
	for _, f := range files {
		body := f.body.String()
		var std, own []string
		for name := range qualifiers(body) {
			if path, ok := stdImports[name]; ok {
				std = append(std, path)
			} else if path, ok := internal[name]; ok {
				own = append(own, path)
			}
			// Anything else is a local variable or a receiver.
		}
		slices.Sort(std)
		slices.Sort(own)
		var b strings.Builder
		if f.doc != "" {
			for _, line := range strings.Split(strings.TrimRight(f.doc, "\n"), "\n") {
				b.WriteString(strings.TrimRight("// "+line, " ") + "\n")
			}
		}
		fmt.Fprintf(&b, "package %s\n\n", p.name)
		if len(std)+len(own) > 0 {
			b.WriteString("import (\n")
			for _, path := range std {
				fmt.Fprintf(&b, "\t%q\n", path)
			}
			if len(std) > 0 && len(own) > 0 {
				b.WriteString("\n")
			}
			for _, path := range own {
				fmt.Fprintf(&b, "\t%q\n", path)
			}
			b.WriteString(")\n\n")
		}
		b.WriteString(body)
		src, err := format.Source([]byte(b.String()))
		if err != nil {
			return nil, fmt.Errorf("gensynth: %s/%s does not parse: %v\n%s", p.dir, f.name, err, numbered(b.String()))
		}
		out[p.dir+"/"+f.name] = src
	}
	return out, nil
}

// qualifiers returns the X of every X.Y in src where X is not itself
// selected (a.X.Y): package names, and locals, which the caller ignores.
func qualifiers(src string) map[string]bool {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	names := make(map[string]bool)
	prev := token.ILLEGAL
	var ident string
	pending := false // ident just read, not after a period
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		switch {
		case tok == token.PERIOD && pending:
			names[ident] = true
		case tok == token.IDENT && prev != token.PERIOD:
			ident = lit
		}
		pending = tok == token.IDENT && prev != token.PERIOD
		prev = tok
	}
	return names
}

func numbered(src string) string {
	var b strings.Builder
	for i, line := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, line)
	}
	return b.String()
}

// expand replaces each {{KEY}} in t by vars[KEY]. A key missing from vars
// is a bug in a template and panics, so that it is found at once rather
// than as code that does not compile.
func expand(t string, vars map[string]string) string {
	var b strings.Builder
	for {
		i := strings.Index(t, "{{")
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		// "{{{KEY}}" is a brace of the code followed by a key.
		for i+2 < len(t) && t[i+2] == '{' {
			i++
		}
		j := strings.Index(t[i:], "}}")
		if j < 0 {
			panic("gensynth: unterminated {{ in template")
		}
		key := t[i+2 : i+j]
		v, ok := vars[key]
		if !ok {
			panic("gensynth: template key " + key + " not set")
		}
		b.WriteString(t[:i])
		b.WriteString(v)
		t = t[i+j+2:]
	}
}

// vars is a template's substitution set; with returns a copy extended by
// key/value pairs.
type vars map[string]string

func (v vars) with(kv ...string) vars {
	out := make(vars, len(v)+len(kv)/2)
	for k, x := range v {
		out[k] = x
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// mark is the trailing comment of a planted line, or nothing.
func mark(planted bool, rule string) string {
	if !planted {
		return ""
	}
	return " // PLANTED(" + rule + ")"
}

func lower(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func itoa(i int) string { return strconv.Itoa(i) }

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// lines counts the newlines of s.
func lines(s string) int { return strings.Count(s, "\n") }
