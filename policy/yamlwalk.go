package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The policy is decoded by walking yaml.v3's node tree rather than through
// struct tags: yaml.v3's KnownFields reports only the first unknown key and
// its typed decoding loses the positions of values, while a policy error is
// only useful with the line, column and key that caused it.

// nodeBudget bounds the nodes visited. Aliases make a YAML tree a graph, and
// a small file of nested aliases can expand to an enormous walk; no honest
// policy comes near this.
const nodeBudget = 1_000_000

// decoder walks one policy file, collecting every error.
type decoder struct {
	file   string
	errs   ErrorList
	budget int
	later  []func() // checks that need the whole file decoded (references)
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, budget: nodeBudget}
}

func (d *decoder) pos(n *yaml.Node) Pos {
	if n == nil || n.Line == 0 {
		return Pos{File: d.file, Line: 1, Col: 1}
	}
	return Pos{File: d.file, Line: n.Line, Col: n.Column}
}

// errorAt records an error at node n for the key path key.
func (d *decoder) errorAt(n *yaml.Node, key, hint, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: d.pos(n), Key: key, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// afterAll runs f once the whole file is decoded.
func (d *decoder) afterAll(f func()) { d.later = append(d.later, f) }

func (d *decoder) runLater() {
	for i := 0; i < len(d.later); i++ {
		d.later[i]()
	}
}

// yamlLine extracts the line from yaml.v3's "yaml: line N: msg" errors.
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// parseYAML returns the document's root node, or nil after recording why
// there is none.
func (d *decoder) parseYAML(data []byte) (root *yaml.Node) {
	// yaml.v3 reports encoding problems by byte offset, not line; find them
	// first so that the error has a position a user can go to.
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		line := 1 + bytes.Count(data[:i], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i])
		d.errs = append(d.errs, &Error{Pos: Pos{d.file, line, col}, Msg: "the file is not valid UTF-8", Hint: "save the policy as UTF-8"})
		return nil
	}
	defer func() {
		// yaml.v3 is third-party code run on user input; turn a panic in it
		// into an error rather than crashing the analysis.
		if r := recover(); r != nil {
			root = nil
			d.errs = append(d.errs, &Error{Pos: Pos{File: d.file, Line: 1}, Msg: fmt.Sprintf("the YAML parser failed: %v", r)})
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errs = append(d.errs, &Error{Pos: Pos{d.file, 1, 1}, Msg: "the policy file is empty", Hint: "start it with version: 1"})
		} else {
			d.yamlError(err)
		}
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorAt(&extra, "", "a policy file holds one document; remove the --- separator", "more than one YAML document")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err)
		return nil
	}
	if len(doc.Content) == 0 {
		d.errs = append(d.errs, &Error{Pos: Pos{d.file, 1, 1}, Msg: "the policy file is empty", Hint: "start it with version: 1"})
		return nil
	}
	return doc.Content[0]
}

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner), whose line numbers it reports 0-based.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlError records a syntax error. yaml.v3 gives a line but no column,
// and no line at all for a problem on the first line.
func (d *decoder) yamlError(err error) {
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
			if parserProblems[msg] {
				// yaml.v3 adds one to 0-based lines for scanner errors
				// only; parser errors come out a line early.
				line++
			}
		}
	}
	d.errs = append(d.errs, &Error{Pos: Pos{File: d.file, Line: max(line, 1)}, Msg: "invalid YAML: " + msg})
}

// deref follows an alias to the node it names and charges the budget.
// It returns nil when the budget is spent, which callers treat as absent.
func (d *decoder) deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 100 {
			return nil
		}
		n = n.Alias
	}
	d.budget--
	if d.budget == 0 {
		d.errorAt(n, "", "write the repeated parts out, or fewer of them", "the policy is too large once its YAML aliases are expanded")
	}
	if d.budget <= 0 {
		return nil
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// kindName describes n for "must be X, got Y" messages.
func kindName(n *yaml.Node) string {
	switch {
	case isNull(n):
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

// join builds key paths: join("recipients", "mailer") = "recipients.mailer".
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// pair is one key: value of a mapping.
type pair struct {
	key    string
	kn, vn *yaml.Node
	path   string // path of the key
}

// mapping returns the pairs of a mapping node (none for null). It reports
// a node of another kind, keys that are not plain scalars, merge keys and
// duplicate keys; the pairs returned are the usable ones.
func (d *decoder) mapping(n *yaml.Node, path string) []pair {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorAt(n, path, "", "must be a mapping, got %s", kindName(n))
		return nil
	}
	seen := map[string]*yaml.Node{}
	var out []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if kn.Kind == yaml.AliasNode {
			kn = d.deref(kn)
			if kn == nil {
				continue
			}
		}
		if kn.Kind != yaml.ScalarNode {
			d.errorAt(kn, path, "", "a key must be a string, got %s", kindName(kn))
			continue
		}
		if kn.Value == "<<" && kn.ShortTag() == "!!merge" {
			d.errorAt(kn, join(path, "<<"), "write the keys out instead of merging them", "YAML merge keys are not supported")
			continue
		}
		kp := join(path, kn.Value)
		if first, dup := seen[kn.Value]; dup {
			d.errorAt(kn, kp, "merge the two entries", "duplicate key %q (first at line %d)", kn.Value, first.Line)
			continue
		}
		seen[kn.Value] = kn
		out = append(out, pair{key: kn.Value, kn: kn, vn: vn, path: kp})
	}
	return out
}

// object is a mapping with a fixed set of keys.
type object struct {
	bad  bool       // the node was neither a mapping nor null
	at   *yaml.Node // where to report a missing key
	path string
	vals map[string]*yaml.Node
	keys map[string]*yaml.Node
}

func (o object) has(k string) bool { return o.vals[k] != nil }

// object decodes a mapping whose keys must be among names (in the order the
// docs list them, which the hint repeats). at is where a missing key is
// reported: the entry's key, or the list item.
func (d *decoder) object(n, at *yaml.Node, path string, names ...string) object {
	o := object{at: at, path: path, vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	if m := d.derefQuiet(n); !isNull(m) && m.Kind != yaml.MappingNode {
		o.bad = true
	}
	for _, p := range d.mapping(n, path) {
		if !contains(names, p.key) {
			valid := "valid keys: " + strings.Join(names, ", ")
			if m := closeMatches(p.key, names); len(m) > 0 {
				valid = "did you mean " + m[0] + "? " + valid
			}
			d.errorAt(p.kn, p.path, valid, "unknown key %q", p.key)
			continue
		}
		o.vals[p.key] = p.vn
		o.keys[p.key] = p.kn
	}
	return o
}

// require reports the key k of o missing, null or an empty string; then
// it returns false. Nothing is reported for an o that was not a mapping,
// whose error says enough.
func (d *decoder) require(o object, k, hint string) bool {
	v := d.derefQuiet(o.vals[k])
	if !isNull(v) && !(v.Kind == yaml.ScalarNode && v.Value == "") {
		return true
	}
	if o.bad {
		return false
	}
	n := o.at
	if o.has(k) {
		n = o.keys[k]
	}
	d.errorAt(n, o.path, hint, "missing %s", k)
	return false
}

// derefQuiet follows aliases without charging the budget, for looks that
// do not walk.
func (d *decoder) derefQuiet(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// str returns a scalar's text; null gives "". Any scalar is accepted, so
// that `section: 2` and `effective: 2016-05-18` read as written.
func (d *decoder) str(n *yaml.Node, path string) string {
	n = d.deref(n)
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorAt(n, path, "", "must be a string, got %s", kindName(n))
		return ""
	}
	return n.Value
}

// item is one string of a list, with where it came from.
type item struct {
	s    string
	n    *yaml.Node
	path string
}

// strList decodes a list of strings; null gives none.
func (d *decoder) strList(n *yaml.Node, path string) []item {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorAt(n, path, fmt.Sprintf("write a list: [%s]", n.Value), "must be a list, got %s", kindName(n))
		return nil
	}
	var out []item
	for i, e := range n.Content {
		p := index(path, i)
		e = d.deref(e)
		if e == nil {
			continue
		}
		if e.Kind != yaml.ScalarNode || isNull(e) {
			d.errorAt(e, p, "", "must be a string, got %s", kindName(e))
			continue
		}
		out = append(out, item{s: e.Value, n: e, path: p})
	}
	return out
}

// list returns the items of a list of mappings; null gives none.
func (d *decoder) list(n *yaml.Node, path string) []*yaml.Node {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorAt(n, path, "", "must be a list, got %s", kindName(n))
		return nil
	}
	return n.Content
}

// enum decodes a scalar that must be one of values ("" when absent).
func (d *decoder) enum(n *yaml.Node, path, hint string, values ...string) string {
	if n == nil {
		return ""
	}
	s := d.str(n, path)
	if s == "" && isNull(d.derefQuiet(n)) {
		return ""
	}
	if !contains(values, s) {
		d.errorAt(d.derefQuiet(n), path, hint, "must be %s, got %q", orList(values), s)
		return ""
	}
	return s
}

// orList formats ["a","b","c"] as "a, b or c".
func orList(v []string) string {
	if len(v) == 1 {
		return v[0]
	}
	return strings.Join(v[:len(v)-1], ", ") + " or " + v[len(v)-1]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
