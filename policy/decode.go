package policy

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/privacyvet/privacyvet/annotations"
	"gopkg.in/yaml.v3"
)

// topKeys are the keys of a policy file, in the order the docs present them.
var topKeys = []string{"version", "statement", "clauses", "cite", "aliases", "categories", "purposes",
	"recipients", "consent", "sources", "sinks", "sanitizers", "retention", "erasure"}

// constraintKeys are the keys of a category rule that a clause can be cited for.
var constraintKeys = []string{"log", "store", "transport", "collect"}

// knownRules are the rule ids a policy's cite section may name: the rules
// whose findings quote a clause.
var knownRules = []string{"PV101", "PV201", "PV202", "PV203", "PV301", "PV401", "PV402", "PV403",
	"PV501", "PV502", "PV601", "PV701"}

const (
	clauseHint   = "add clause: ID naming the passage of the statement behind this entry"
	categoryHint = "categories are lower-case identifiers joined by dots, e.g. user.contact.email"
	purposeHint  = "purposes are lower-case identifiers joined by dots, e.g. marketing.communications.email"
	funcHint     = "write functions as go/types prints them: pkg/path.Func, (*pkg/path.Type).Method or (pkg/path.Type).Method"
)

// policyDecoder fills a Policy from the node tree.
type policyDecoder struct {
	*decoder
	p        *Policy
	textNode *yaml.Node
	written  map[string]object // the keys each category entry set itself, before inheritance
	hosts    map[string]string // host -> recipient, to find a host claimed twice
	pkgs     map[string]string // package -> recipient, likewise
	final    []func()          // checks that need merged category rules
}

// decode walks the sections in a fixed order, whatever their order in the
// file: aliases come before categories because category keys may be
// aliases. References between sections are checked once all are read.
func (d *policyDecoder) decode(root *yaml.Node) {
	root = d.deref(root)
	if root == nil || root.Kind != yaml.MappingNode {
		d.errorAt(root, "", "start with version: 1, then statement:, clauses:, categories: and so on",
			"a policy is a mapping of keys, got %s", kindName(root))
		return
	}
	o := d.object(root, root, "", topKeys...)
	d.version(o)
	d.statement(o.vals["statement"])
	d.clauses(o.vals["clauses"])
	d.cite(o.vals["cite"])
	d.aliases(o.vals["aliases"])
	d.categories(o.vals["categories"])
	d.purposes(o.vals["purposes"])
	d.recipients(o.vals["recipients"])
	d.consent(o.vals["consent"])
	d.sources(o.vals["sources"])
	d.sinks(o.vals["sinks"])
	d.sanitizers(o.vals["sanitizers"])
	d.retention(o.vals["retention"])
	d.erasure(o.vals["erasure"])
}

func (d *policyDecoder) version(o object) {
	if !d.require(o, "version", "add version: 1 at the top of the file") {
		return
	}
	n := d.derefQuiet(o.vals["version"])
	s := d.str(n, "version")
	v, err := strconv.Atoi(s)
	switch {
	case n.Kind != yaml.ScalarNode:
	case err != nil || n.ShortTag() != "!!int":
		d.errorAt(n, "version", "write version: 1", "must be an integer, got %q", s)
	case v != 1:
		d.errorAt(n, "version", "this privacyvet reads version 1", "unsupported version %d", v)
	default:
		d.p.Version = v
	}
}

func (d *policyDecoder) statement(n *yaml.Node) {
	o := d.object(n, n, "statement", "title", "effective", "text")
	st := &d.p.Statement
	st.Title = d.str(o.vals["title"], "statement.title")
	if eff := d.str(o.vals["effective"], "statement.effective"); eff != "" {
		if _, err := time.Parse("2006-01-02", eff); err != nil {
			d.errorAt(d.derefQuiet(o.vals["effective"]), "statement.effective",
				"write the date the statement took effect as YYYY-MM-DD, e.g. 2016-05-18", "%q is not a date of the form YYYY-MM-DD", eff)
		} else {
			st.Effective = eff
		}
	}
	if t := d.str(o.vals["text"], "statement.text"); t != "" {
		if strings.Contains(t, "://") {
			d.errorAt(d.derefQuiet(o.vals["text"]), "statement.text",
				"save the statement as a file next to the policy and name that file", "must be a file path, not a URL")
			return
		}
		st.Text = t
		d.textNode = d.derefQuiet(o.vals["text"])
	}
}

func (d *policyDecoder) clauses(n *yaml.Node) {
	for _, e := range d.mapping(n, "clauses") {
		if !isName(e.key) {
			d.errorAt(e.kn, e.path, "clause ids are letters, digits, '-', '_' and '.', e.g. s2-log-files", "invalid clause id %q", e.key)
			continue
		}
		o := d.object(e.vn, e.kn, e.path, "section", "quote")
		c := &Clause{ID: e.key, Pos: d.pos(e.kn)}
		c.Section = d.str(o.vals["section"], join(e.path, "section"))
		if d.require(o, "quote", "copy the sentence of the statement that this clause stands for") {
			c.Quote = d.str(o.vals["quote"], join(e.path, "quote"))
			c.quotePos = d.pos(d.derefQuiet(o.vals["quote"]))
		}
		d.p.Clauses[e.key] = c
	}
}

// clauseRef decodes a reference to a clause and checks it once all are known.
func (d *policyDecoder) clauseRef(n *yaml.Node, path string) string {
	id := d.str(n, path)
	if id == "" {
		return ""
	}
	n = d.derefQuiet(n)
	d.afterAll(func() {
		if d.p.Clauses[id] == nil {
			d.errorAt(n, path, didYouMean(id, sortedKeys(d.p.Clauses), "declare it under clauses"), "unknown clause %q", id)
		}
	})
	return id
}

func (d *policyDecoder) cite(n *yaml.Node) {
	for _, e := range d.mapping(n, "cite") {
		if !contains(knownRules, e.key) {
			d.errorAt(e.kn, e.path, didYouMean(e.key, knownRules, "rules are "+strings.Join(knownRules, ", ")), "unknown rule %q", e.key)
			continue
		}
		if id := d.clauseRef(e.vn, e.path); id != "" {
			d.p.Cite[e.key] = id
		}
	}
}

func (d *policyDecoder) aliases(n *yaml.Node) {
	for _, e := range d.mapping(n, "aliases") {
		switch {
		case !isLowerIdent(e.key):
			d.errorAt(e.kn, e.path, "an alias is one lower-case identifier without dots, e.g. email", "invalid alias %q", e.key)
			continue
		case IsBuiltinCategory(e.key):
			d.errorAt(e.kn, e.path, "choose another name", "alias %q hides the category of the same name", e.key)
			continue
		}
		target := d.str(e.vn, e.path)
		tn := d.derefQuiet(e.vn)
		if !ValidCategorySyntax(target) {
			d.errorAt(tn, e.path, categoryHint, "invalid category %q", target)
			continue
		}
		d.p.Aliases[e.key] = target
		d.afterAll(func() {
			if t, ok := d.p.Aliases[target]; ok {
				d.errorAt(tn, e.path, "point it at the category: "+t, "alias target %q is itself an alias", target)
			} else if _, ok := d.p.Canonical(target); !ok {
				d.unknownCategory(tn, e.path, target)
			}
		})
	}
}

// categoryRef decodes a category reference: an alias or a known category.
// It returns the canonical id, or "" when s is malformed.
func (d *policyDecoder) categoryRef(s string, n *yaml.Node, path string) string {
	if t, ok := d.p.Aliases[s]; ok {
		return t
	}
	if !ValidCategorySyntax(s) {
		d.errorAt(n, path, categoryHint, "invalid category %q", s)
		return ""
	}
	d.afterAll(func() {
		if _, ok := d.p.Canonical(s); !ok {
			d.unknownCategory(n, path, s)
		}
	})
	return s
}

func (d *policyDecoder) categoryList(n *yaml.Node, path string) []string {
	var out []string
	for _, it := range d.strList(n, path) {
		if c := d.categoryRef(it.s, it.n, it.path); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func (d *policyDecoder) unknownCategory(n *yaml.Node, path, id string) {
	cands := append(BuiltinCategories(), sortedKeys(d.p.Categories)...)
	cands = append(cands, sortedKeys(d.p.Aliases)...)
	hint := didYouMean(id, cands, "use a category of the built-in taxonomy, an alias, or one declared under categories")
	d.errorAt(n, path, hint, "unknown category %q", id)
}

// categoryKey resolves the key of a categories or retention entry,
// reporting malformed and repeated categories.
func (d *policyDecoder) categoryKey(e pair, seen map[string]pair) (string, bool) {
	c := e.key
	if t, ok := d.p.Aliases[c]; ok {
		c = t
	} else if !ValidCategorySyntax(c) {
		d.errorAt(e.kn, e.path, categoryHint, "invalid category %q", c)
		return "", false
	}
	if first, dup := seen[c]; dup {
		d.errorAt(e.kn, e.path, "merge the two entries", "category %s is listed twice (as %s at line %d and as %s)", c, first.key, first.kn.Line, e.key)
		return "", false
	}
	seen[c] = e
	return c, true
}

func (d *policyDecoder) categories(n *yaml.Node) {
	seen := map[string]pair{}
	for _, e := range d.mapping(n, "categories") {
		c, ok := d.categoryKey(e, seen)
		if !ok {
			continue
		}
		o := d.object(e.vn, e.kn, e.path, "clause", "log", "store", "transport", "collect", "gate", "cite")
		r := &CategoryRule{Category: c, Pos: d.pos(e.kn)}
		if d.require(o, "clause", clauseHint) {
			r.Clause = d.clauseRef(o.vals["clause"], join(e.path, "clause"))
		}
		r.Log = LogRule(d.enum(o.vals["log"], join(e.path, "log"),
			"deny is the default; allow only what the statement says log files hold", "allow", "deny"))
		r.Store = d.enum(o.vals["store"], join(e.path, "store"), "", StoreSanitized, StoreAllow)
		r.Transport = d.enum(o.vals["transport"], join(e.path, "transport"), "", TransportTLS, TransportAny)
		r.Collect = d.enum(o.vals["collect"], join(e.path, "collect"), "", CollectAllow, CollectForbidden, CollectGated)
		if o.has("gate") {
			r.Gate = d.purposeRef(o.vals["gate"], join(e.path, "gate"))
		}
		r.Cite = map[string]string{}
		cp := join(e.path, "cite")
		for _, ce := range d.mapping(o.vals["cite"], cp) {
			if !contains(constraintKeys, ce.key) {
				d.errorAt(ce.kn, ce.path, "valid keys: "+strings.Join(constraintKeys, ", "), "unknown key %q", ce.key)
				continue
			}
			if !o.has(ce.key) {
				d.errorAt(ce.kn, ce.path, "set "+ce.key+": in this entry, or drop cite."+ce.key,
					"cites a clause for %s, which this entry does not set", ce.key)
			}
			if id := d.clauseRef(ce.vn, ce.path); id != "" {
				r.Cite[ce.key] = id
			}
		}
		d.p.Categories[c] = r
		d.written[c] = o
		d.afterAll(func() { d.checkDeclared(c, e) })
	}
}

// checkDeclared accepts a category key that is in the taxonomy, or a new
// category directly under a built-in or declared one whose name is not a
// near-miss of a built-in sibling: a typo in a policy would otherwise
// declare a category silently, and tags with the correct spelling would
// then be reported as undisclosed.
func (d *policyDecoder) checkDeclared(c string, e pair) {
	if IsBuiltinCategory(c) {
		return
	}
	parent := parentOf(c)
	if parent == "" || !IsBuiltinCategory(parent) && d.p.Categories[parent] == nil {
		hint := "a new category must sit under a built-in or declared one, e.g. user.device.imei"
		cands := append(BuiltinCategories(), sortedKeys(d.p.Categories)...)
		d.errorAt(e.kn, e.path, didYouMean(c, cands, hint), "unknown category %q", c)
		return
	}
	last := c[len(parent)+1:]
	for _, b := range builtinCategories {
		if parentOf(b) != parent {
			continue
		}
		bl := b[len(parent)+1:]
		limit := 1
		if len(last) >= 8 && len(bl) >= 8 {
			limit = 2
		}
		if annotations.Distance(last, bl) <= limit {
			d.errorAt(e.kn, e.path, "did you mean "+b+"? A new category's name must not be a near-miss of a built-in one",
				"category %q is not in the taxonomy and too close to %s to declare", c, b)
			return
		}
	}
}

func (d *policyDecoder) purposes(n *yaml.Node) {
	for _, e := range d.mapping(n, "purposes") {
		if !ValidCategorySyntax(e.key) {
			d.errorAt(e.kn, e.path, purposeHint, "invalid purpose %q", e.key)
			continue
		}
		o := d.object(e.vn, e.kn, e.path, "clause", "consent", "forbidden")
		pu := &Purpose{ID: e.key, Pos: d.pos(e.kn)}
		if d.require(o, "clause", clauseHint) {
			pu.Clause = d.clauseRef(o.vals["clause"], join(e.path, "clause"))
		}
		pu.Consent = ConsentMode(d.enum(o.vals["consent"], join(e.path, "consent"), "none is the default",
			string(ConsentRequired), string(ConsentOptOut), string(ConsentNone)))
		if o.has("forbidden") {
			pu.Forbidden = d.boolean(o.vals["forbidden"], join(e.path, "forbidden"))
		}
		if pu.Forbidden && (pu.Consent == ConsentRequired || pu.Consent == ConsentOptOut) {
			d.errorAt(d.derefQuiet(o.vals["consent"]), join(e.path, "consent"),
				"drop consent: (consent never makes a forbidden purpose allowed), or drop forbidden: true",
				"a forbidden purpose cannot also be consent-gated")
		}
		if pu.Consent == "" {
			pu.Consent = ConsentNone
		}
		d.p.Purposes[e.key] = pu
	}
}

func (d *policyDecoder) boolean(n *yaml.Node, path string) bool {
	s := d.str(n, path)
	n = d.derefQuiet(n)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		b, err := strconv.ParseBool(s)
		if err == nil {
			return b
		}
	}
	if n.Kind == yaml.ScalarNode {
		d.errorAt(n, path, "", "must be true or false, got %q", s)
	}
	return false
}

// purposeRef decodes a reference to a purpose: a declared one or a
// purpose under a declared one.
func (d *policyDecoder) purposeRef(n *yaml.Node, path string) string {
	s := d.str(n, path)
	n = d.derefQuiet(n)
	if !ValidCategorySyntax(s) {
		d.errorAt(n, path, purposeHint, "invalid purpose %q", s)
		return ""
	}
	d.afterAll(func() {
		if d.p.Purpose(s) == nil {
			d.errorAt(n, path, didYouMean(s, sortedKeys(d.p.Purposes), "declare it under purposes"), "unknown purpose %q", s)
		}
	})
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
