package policy

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// FileName is the policy file that Discover looks for.
const FileName = "privacy.yaml"

const builtinPrefix = "builtin:"

//go:embed builtin/*.yaml builtin/*.md
var builtinFS embed.FS

// Parse decodes and validates a policy. filename is used in positions and
// to resolve statement.text; data is the file's content. On failure the
// error is an ErrorList holding every problem found, sorted by position.
//
// Parse does not read statement.text: Load checks that it exists, and
// CheckQuotes compares the clauses with it.
func Parse(filename string, data []byte) (*Policy, error) {
	p := &Policy{
		Source:     filename,
		Clauses:    map[string]*Clause{},
		Aliases:    map[string]string{},
		Categories: map[string]*CategoryRule{},
		Cite:       map[string]string{},
		Purposes:   map[string]*Purpose{},
		Recipients: map[string]*Recipient{},
		Sources:    Sources{Pos: map[string]Pos{}},
		Retention:  map[string]*Retention{},
	}
	d := &policyDecoder{
		decoder: newDecoder(filename),
		p:       p,
		written: map[string]object{},
		hosts:   map[string]string{},
		pkgs:    map[string]string{},
	}
	root := d.parseYAML(data)
	if root != nil {
		d.decode(root)
		d.runLater()
		d.mergeRules()
		d.checkRules()
		for _, f := range d.final {
			f()
		}
	}
	if len(d.errs) > 0 {
		return nil, d.errs.sorted()
	}
	if t := p.Statement.Text; t != "" {
		switch {
		case strings.HasPrefix(filename, builtinPrefix):
			p.Statement.TextPath = builtinPrefix + t
		case filepath.IsAbs(t):
			p.Statement.TextPath = t
		default:
			p.Statement.TextPath = filepath.Join(filepath.Dir(filename), t)
		}
	}
	if d.textNode != nil {
		p.textPos = d.pos(d.textNode)
	}
	p.data = data
	p.recips = p.recipients()
	return p, nil
}

// Load reads and parses the policy file at path, and reports a
// statement.text that names a missing file.
func Load(path string) (*Policy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("policy: %w", err)
	}
	p, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	if p.Statement.TextPath != "" {
		if _, err := os.Stat(p.Statement.TextPath); err != nil {
			return nil, ErrorList{{Pos: p.textPos, Key: "statement.text",
				Msg:  fmt.Sprintf("cannot read the statement text %s: %v", p.Statement.TextPath, errors.Unwrap(err)),
				Hint: "the path is relative to the policy file's directory"}}
		}
	}
	return p, nil
}

// BuiltinNames lists the built-in policies, sorted.
func BuiltinNames() []string {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Builtin returns the built-in policy name ("baseline", "kaseya-2016").
// Its Source and positions read "builtin:NAME".
func Builtin(name string) (*Policy, error) {
	data, err := builtinFS.ReadFile("builtin/" + name + ".yaml")
	if err != nil || strings.ContainsAny(name, "/\\") {
		return nil, fmt.Errorf("policy: no built-in policy %q (built-in policies: %s)", name, strings.Join(BuiltinNames(), ", "))
	}
	return Parse(builtinPrefix+name, data)
}

// Resolve finds the policy for a package directory: spec is the -policy
// flag's value. "" discovers privacy.yaml from dir up (see Discover),
// "builtin:NAME" names a built-in policy, and anything else is a path,
// relative to the working directory.
func Resolve(spec, dir string) (*Policy, error) {
	switch {
	case spec == "":
		return Discover(dir)
	case strings.HasPrefix(spec, builtinPrefix):
		return Builtin(strings.TrimPrefix(spec, builtinPrefix))
	}
	return Load(spec)
}

// Discover looks for privacy.yaml in dir and then in its parents, and stops
// after the first directory that holds go.mod: a module's policy never
// comes from outside the module. With no policy file it returns the
// built-in baseline policy.
func Discover(dir string) (*Policy, error) {
	path, err := Locate(dir)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return Builtin("baseline")
	}
	return Load(path)
}

// Locate returns the policy file that Discover loads for dir, or "" when
// Discover falls back to the built-in baseline. Drivers that resolve the
// policy of many packages use it to load each file once.
func Locate(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("policy: %w", err)
	}
	for {
		path := filepath.Join(dir, FileName)
		if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
			return path, nil
		}
		if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !fi.IsDir() {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// ReadStatement returns the statement text that statement.text names,
// from the embedded files for a built-in policy. It returns "" when the
// policy names no text.
func (p *Policy) ReadStatement() (string, error) {
	tp := p.Statement.TextPath
	if tp == "" {
		return "", nil
	}
	var data []byte
	var err error
	if name, ok := strings.CutPrefix(tp, builtinPrefix); ok {
		data, err = builtinFS.ReadFile("builtin/" + name)
	} else {
		data, err = os.ReadFile(tp)
	}
	if err != nil {
		return "", &Error{Pos: p.textPos, Key: "statement.text", Msg: fmt.Sprintf("cannot read the statement text: %v", err)}
	}
	return string(data), nil
}

// CheckStatement reads the statement text and checks every clause's quote
// against it. A policy without statement.text has nothing to check.
func (p *Policy) CheckStatement() ErrorList {
	text, err := p.ReadStatement()
	if err != nil {
		var e *Error
		errors.As(err, &e)
		return ErrorList{e}
	}
	if p.Statement.TextPath == "" {
		return nil
	}
	return p.CheckQuotes(text)
}

// Fingerprint is a short stable hash of the policy's source bytes, for
// keys of caches and facts that depend on the policy.
func (p *Policy) Fingerprint() string {
	sum := sha256.Sum256(p.data)
	return hex.EncodeToString(sum[:8])
}
