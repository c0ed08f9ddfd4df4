package policy

// Decoding of the sections that bind the statement to code: who receives
// data (recipients), and the consent checks, sources, sinks, sanitizers,
// retention limits and erase functions that code cannot declare itself.

import (
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

func (d *policyDecoder) recipients(n *yaml.Node) {
	for _, e := range d.mapping(n, "recipients") {
		if !isName(e.key) {
			d.errorAt(e.kn, e.path, "recipient names are letters, digits, '-', '_' and '.', e.g. mailer", "invalid recipient name %q", e.key)
			continue
		}
		o := d.object(e.vn, e.kn, e.path, "clause", "hosts", "packages", "categories", "purposes")
		r := &Recipient{Name: e.key, Pos: d.pos(e.kn)}
		if d.require(o, "clause", clauseHint) {
			r.Clause = d.clauseRef(o.vals["clause"], join(e.path, "clause"))
		}
		for _, it := range d.strList(o.vals["hosts"], join(e.path, "hosts")) {
			h := strings.ToLower(it.s)
			if why := checkHost(h); why != "" {
				d.errorAt(it.n, it.path, "write the bare host name, e.g. api.mailer.example or *.mailer.example", "invalid host %q: %s", it.s, why)
			} else if other, dup := d.hosts[h]; dup {
				d.errorAt(it.n, it.path, "a host belongs to one recipient", "host %q is already listed by recipient %s", it.s, other)
			} else {
				d.hosts[h] = e.key
				r.Hosts = append(r.Hosts, h)
			}
		}
		for _, it := range d.strList(o.vals["packages"], join(e.path, "packages")) {
			if !validImportPath(it.s) {
				d.errorAt(it.n, it.path, "write an import path, e.g. github.com/stripe/stripe-go/v76", "invalid package %q", it.s)
			} else if other, dup := d.pkgs[it.s]; dup {
				d.errorAt(it.n, it.path, "a package belongs to one recipient", "package %q is already listed by recipient %s", it.s, other)
			} else {
				d.pkgs[it.s] = e.key
				r.Packages = append(r.Packages, it.s)
			}
		}
		cats := d.strList(o.vals["categories"], join(e.path, "categories"))
		for _, it := range cats {
			if c := d.categoryRef(it.s, it.n, it.path); c != "" {
				r.Categories = append(r.Categories, c)
			}
		}
		purposes := d.strList(o.vals["purposes"], join(e.path, "purposes"))
		for _, it := range purposes {
			if s := d.purposeRef(it.n, it.path); s != "" {
				r.Purposes = append(r.Purposes, s)
			}
		}
		d.afterMerge(func() { d.recipientChecks(e.key, cats, purposes) })
		d.p.Recipients[e.key] = r
	}
}

func (d *policyDecoder) consent(n *yaml.Node) {
	for i, it := range d.list(n, "consent") {
		path := index("consent", i)
		o := d.object(it, it, path, "purpose", "functions")
		c := &ConsentEntry{Pos: d.pos(d.derefQuiet(it))}
		if d.require(o, "purpose", "name the purpose this function checks consent for") {
			c.Purpose = d.purposeRef(o.vals["purpose"], join(path, "purpose"))
		}
		c.Functions = d.functions(o, path)
		d.p.Consent = append(d.p.Consent, c)
	}
}

// functions decodes the required functions key of o.
func (d *policyDecoder) functions(o object, path string) []string {
	if !d.require(o, "functions", funcHint) {
		return nil
	}
	items := d.strList(o.vals["functions"], join(path, "functions"))
	if fn := d.derefQuiet(o.vals["functions"]); len(items) == 0 && fn.Kind == yaml.SequenceNode && len(fn.Content) == 0 {
		d.errorAt(fn, join(path, "functions"), funcHint, "no functions")
	}
	var out []string
	for _, it := range items {
		if !validFuncName(it.s) {
			d.errorAt(it.n, it.path, funcHint, "invalid function name %q", it.s)
			continue
		}
		out = append(out, it.s)
	}
	return out
}

func (d *policyDecoder) sources(n *yaml.Node) {
	o := d.object(n, n, "sources", "fields", "types", "functions")
	s := &d.p.Sources
	kinds := []struct {
		key   string
		m     *map[string][]string
		valid func(string) bool
		hint  string
	}{
		{"fields", &s.Fields, validFieldName, "write pkg/path.Type.Field, e.g. example.com/pb.User.Email"},
		{"types", &s.Types, validTypeName, "write pkg/path.Type, e.g. example.com/pb.User"},
		{"functions", &s.Functions, validFuncName, funcHint},
	}
	for _, k := range kinds {
		*k.m = map[string][]string{}
		for _, e := range d.mapping(o.vals[k.key], join("sources", k.key)) {
			if !k.valid(e.key) {
				d.errorAt(e.kn, e.path, k.hint, "invalid name %q", e.key)
				continue
			}
			cats := d.sourceCategories(e)
			if len(cats) > 0 {
				(*k.m)[e.key] = cats
				s.Pos[e.key] = d.pos(e.kn)
			}
		}
	}
}

// sourceCategories decodes a source's categories: "a, b" or [a, b].
func (d *policyDecoder) sourceCategories(e pair) []string {
	vn := d.derefQuiet(e.vn)
	var cats []string
	if vn != nil && vn.Kind == yaml.ScalarNode && !isNull(vn) {
		for _, part := range strings.Split(d.str(vn, e.path), ",") {
			if c := d.categoryRef(strings.TrimSpace(part), vn, e.path); c != "" {
				cats = append(cats, c)
			}
		}
		return cats
	}
	cats = d.categoryList(e.vn, e.path)
	if len(cats) == 0 && (vn == nil || isNull(vn) || vn.Kind == yaml.SequenceNode && len(vn.Content) == 0) {
		d.errorAt(e.kn, e.path, "name the categories its values carry, e.g. user.contact.email", "no categories")
	}
	return cats
}

var sinkKinds = []string{SinkLog, SinkThirdParty, SinkStore, SinkCookie}

func (d *policyDecoder) sinks(n *yaml.Node) {
	for i, it := range d.list(n, "sinks") {
		path := index("sinks", i)
		o := d.object(it, it, path, "kind", "recipient", "purpose", "functions", "args")
		s := &SinkEntry{Pos: d.pos(d.derefQuiet(it))}
		if d.require(o, "kind", "kind is one of "+orList(sinkKinds)) {
			s.Kind = d.enum(o.vals["kind"], join(path, "kind"), "", sinkKinds...)
		}
		if o.has("recipient") {
			rp := join(path, "recipient")
			rn := d.derefQuiet(o.vals["recipient"])
			s.Recipient = d.str(rn, rp)
			if s.Kind != "" && s.Kind != SinkThirdParty {
				d.errorAt(rn, rp, "drop recipient:, or make the sink kind: thirdparty", "only a thirdparty sink names a recipient")
			} else if name := s.Recipient; name != "" {
				d.afterAll(func() {
					if d.p.Recipients[name] == nil {
						d.errorAt(rn, rp, didYouMean(name, sortedKeys(d.p.Recipients), "declare it under recipients"), "unknown recipient %q", name)
					}
				})
			}
		}
		if o.has("purpose") {
			s.Purpose = d.purposeRef(o.vals["purpose"], join(path, "purpose"))
		}
		s.Functions = d.functions(o, path)
		if o.has("args") {
			s.Args = d.argList(o.vals["args"], join(path, "args"))
		}
		d.p.Sinks = append(d.p.Sinks, s)
	}
}

// maxArg bounds an argument position: no real signature comes near it.
const maxArg = 64

// argList decodes a sink's args: argument positions, 0 for a method's
// receiver.
func (d *policyDecoder) argList(n *yaml.Node, path string) []int {
	const hint = "list the positions of the arguments the functions send, e.g. [1]; a method's receiver is 0, its first parameter 1"
	var out []int
	items := d.strList(n, path)
	if len(items) == 0 && d.derefQuiet(n) != nil && d.derefQuiet(n).Kind == yaml.SequenceNode {
		d.errorAt(d.derefQuiet(n), path, hint+" (or drop args: to send them all)", "empty list")
		return nil
	}
	for _, it := range items {
		i, err := strconv.Atoi(it.s)
		switch {
		case err != nil || i < 0 || i > maxArg:
			d.errorAt(it.n, it.path, hint, "must be an argument position from 0 to %d, got %q", maxArg, it.s)
		case slices.Contains(out, i):
			d.errorAt(it.n, it.path, "list each position once", "position %d listed twice", i)
		default:
			out = append(out, i)
		}
	}
	return out
}

func (d *policyDecoder) sanitizers(n *yaml.Node) {
	for i, it := range d.list(n, "sanitizers") {
		path := index("sanitizers", i)
		o := d.object(it, it, path, "functions", "categories")
		s := &SanitizerEntry{Pos: d.pos(d.derefQuiet(it))}
		s.Functions = d.functions(o, path)
		s.Categories = d.categoryList(o.vals["categories"], join(path, "categories"))
		d.p.Sanitizers = append(d.p.Sanitizers, s)
	}
}

func (d *policyDecoder) retention(n *yaml.Node) {
	seen := map[string]pair{}
	for _, e := range d.mapping(n, "retention") {
		c, ok := d.categoryKey(e, seen)
		if !ok {
			continue
		}
		if !IsBuiltinCategory(c) {
			kn := e.kn
			d.afterAll(func() {
				if _, ok := d.p.Canonical(c); !ok {
					d.unknownCategory(kn, e.path, c)
				}
			})
		}
		o := d.object(e.vn, e.kn, e.path, "max", "clause")
		r := &Retention{Category: c, Pos: d.pos(e.kn)}
		if d.require(o, "max", "write max: account, 0, or a duration such as 390d") {
			mp := join(e.path, "max")
			if m, err := ParseRetention(d.str(o.vals["max"], mp)); err != nil {
				d.errorAt(d.derefQuiet(o.vals["max"]), mp, "write account, 0, or a duration such as 390d, 12h, 2w, 1y or 1d12h", "%v", err)
			} else {
				r.Max = m
			}
		}
		if d.require(o, "clause", clauseHint) {
			r.Clause = d.clauseRef(o.vals["clause"], join(e.path, "clause"))
		}
		d.p.Retention[c] = r
	}
}

func (d *policyDecoder) erasure(n *yaml.Node) {
	for i, it := range d.list(n, "erasure") {
		path := index("erasure", i)
		o := d.object(it, it, path, "categories", "functions")
		e := &ErasureEntry{Pos: d.pos(d.derefQuiet(it))}
		if d.require(o, "categories", "name the categories these functions erase, e.g. [user]") {
			e.Categories = d.categoryList(o.vals["categories"], join(path, "categories"))
			if cn := d.derefQuiet(o.vals["categories"]); cn.Kind == yaml.SequenceNode && len(cn.Content) == 0 {
				d.errorAt(cn, join(path, "categories"), "name the categories these functions erase, e.g. [user]", "no categories")
			}
		}
		e.Functions = d.functions(o, path)
		d.p.Erasure = append(d.p.Erasure, e)
	}
}
