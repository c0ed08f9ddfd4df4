package datamap

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/policy"
)

// Clause statuses.
const (
	Honoured     = "honoured"      // rules check it and none reported a finding that cites it
	Violated     = "findings"      // findings cite it
	NotChecked   = "not checked"   // policy entries cite it, but only as permissions no rule enforces
	NotCheckable = "not checkable" // no policy entry cites it
)

// Clause is one clause of the statement: who cites it, what checks it,
// and whether the code honours it.
type Clause struct {
	ID, Section, Quote string
	Uses               []string // the policy entries that cite it, and what for
	Rules              []string // the rules that check it
	Status             string   // Honoured, Violated, NotChecked or NotCheckable
	Why                string   // for NotChecked and NotCheckable: why no rule can check it
	Findings           []*Finding

	pos policy.Pos // of the clause in the policy file
}

// use is one policy entry citing a clause: what it is, the rules that
// enforce it (none for a permission), and why, when none does.
type use struct {
	what  string
	rules []string
	why   string
}

// clauseUses derives, from the policy, which entries cite each clause
// and which rules enforce those entries. It mirrors what each rule cites
// in its messages (see docs/report.md):
//
//   - a category's clause discloses it: PV601 keeps the code within the
//     disclosed categories;
//   - its log, store, transport and collect constraints (each with the
//     clause that imposes it): PV101, PV502 (store: sanitized), PV501
//     (transport: tls), PV403 (collect: forbidden), PV301 (collect: gated);
//   - a purpose's clause: PV301 (consent required or opt-out), PV203
//     (forbidden);
//   - a recipient's clause: PV202 (the categories and purposes it may
//     receive);
//   - a retention entry's clause: PV401 (a duration) and PV402 (a
//     duration or the account's lifetime);
//   - the policy's cite entries: the rule named.
func clauseUses(pol *policy.Policy) map[string][]use {
	out := make(map[string][]use)
	add := func(id string, u use) {
		if id != "" {
			out[id] = append(out[id], u)
		}
	}
	for _, cat := range sortedKeys(pol.Categories) {
		r := pol.Categories[cat]
		add(r.Clause, use{what: "discloses " + cat, rules: []string{"PV601"}})
		if id := r.Cite["log"]; id != "" {
			if r.Log == policy.LogAllow {
				add(id, use{what: cat + " log: allow", why: "allows " + cat + " in logs, a permission"})
			} else {
				add(id, use{what: cat + " log: deny", rules: []string{"PV101"}})
			}
		}
		if id := r.Cite["store"]; id != "" {
			if r.Store == policy.StoreSanitized {
				add(id, use{what: cat + " store: sanitized", rules: []string{"PV502"}})
			} else {
				add(id, use{what: cat + " store: " + r.Store, why: "allows storing " + cat + ", a permission"})
			}
		}
		if id := r.Cite["transport"]; id != "" {
			if r.Transport == policy.TransportTLS {
				add(id, use{what: cat + " transport: tls", rules: []string{"PV501"}})
			} else {
				add(id, use{what: cat + " transport: " + r.Transport, why: "allows any transport for " + cat + ", a permission"})
			}
		}
		if id := r.Cite["collect"]; id != "" {
			switch r.Collect {
			case policy.CollectForbidden:
				add(id, use{what: cat + " collect: forbidden", rules: []string{"PV403"}})
			case policy.CollectGated:
				add(id, use{what: cat + " collect: gated by " + r.Gate, rules: []string{"PV301"}})
			default:
				add(id, use{what: cat + " collect: " + r.Collect, why: "allows collecting " + cat + ", a permission"})
			}
		}
	}
	for _, id := range sortedKeys(pol.Purposes) {
		p := pol.Purposes[id]
		switch {
		case p.Forbidden:
			add(p.Clause, use{what: "purpose " + id + " (forbidden)", rules: []string{"PV203"}})
		case p.Consent == policy.ConsentRequired || p.Consent == policy.ConsentOptOut:
			add(p.Clause, use{what: "purpose " + id + " (consent " + string(p.Consent) + ")", rules: []string{"PV301"}})
		default:
			add(p.Clause, use{what: "purpose " + id, why: "declares purpose " + id + ", which needs no consent"})
		}
	}
	for _, name := range sortedKeys(pol.Recipients) {
		r := pol.Recipients[name]
		add(r.Clause, use{what: "recipient " + name, rules: []string{"PV202"}})
	}
	for _, cat := range sortedKeys(pol.Retention) {
		r := pol.Retention[cat]
		what := "retention of " + cat + " (" + retentionText(r) + ")"
		switch {
		case r.Max.Account:
			add(r.Clause, use{what: what, rules: []string{"PV402"}})
		case r.Max.Duration > 0:
			add(r.Clause, use{what: what, rules: []string{"PV401", "PV402"}})
		default:
			add(r.Clause, use{what: what, why: "sets retention max: 0 for " + cat + ", which no retention rule checks (collect: forbidden, PV403, is what keeps it out of storage)"})
		}
	}
	for _, rule := range sortedKeys(pol.Cite) {
		add(pol.Cite[rule], use{what: "cited for " + rule, rules: []string{rule}})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// clauses builds the clause table. A finding counts against a clause
// when its message cites the clause: the rules render every citation
// with report.Cite, so the rendered citation is looked for verbatim.
func (b *builder) clauses() {
	uses := clauseUses(b.pol)
	cites := make(map[string]string, len(b.pol.Clauses))
	for id := range b.pol.Clauses {
		cites[id] = report.Cite(b.pol, id)
	}
	for _, f := range b.findings {
		for id, c := range cites {
			if strings.Contains(f.Message, c) {
				f.Clauses = append(f.Clauses, id)
			}
		}
		sort.Strings(f.Clauses)
	}
	for _, id := range sortedKeys(b.pol.Clauses) {
		pc := b.pol.Clauses[id]
		c := &Clause{ID: id, Section: pc.Section, Quote: pc.Quote, pos: pc.Pos}
		var whys []string
		for _, u := range uses[id] {
			c.Uses = append(c.Uses, u.what)
			for _, r := range u.rules {
				if !slices.Contains(c.Rules, r) {
					c.Rules = append(c.Rules, r)
				}
			}
			if u.why != "" {
				whys = append(whys, u.why)
			}
		}
		sort.Strings(c.Rules)
		for _, f := range b.findings {
			if slices.Contains(f.Clauses, id) {
				c.Findings = append(c.Findings, f)
			}
		}
		switch {
		case len(c.Findings) > 0:
			c.Status = Violated
		case len(c.Rules) > 0:
			c.Status = Honoured
		case len(c.Uses) > 0:
			c.Status = NotChecked
			c.Why = "no rule enforces what the policy cites it for: it " + strings.Join(whys, "; it ")
		default:
			c.Status = NotCheckable
			c.Why = "no policy entry cites this clause, so no rule can check it"
		}
		b.m.Clauses = append(b.m.Clauses, c)
	}
	// In the order the policy lists them, which is normally the
	// statement's.
	sort.SliceStable(b.m.Clauses, func(i, j int) bool {
		x, y := b.m.Clauses[i].pos, b.m.Clauses[j].pos
		return x.File == y.File && (x.Line < y.Line || x.Line == y.Line && x.Col < y.Col)
	})
}

// StatusText is the clause's status in words: "honoured", "2 findings
// (PV101)", "not checked: ...".
func (c *Clause) StatusText() string {
	switch c.Status {
	case Violated:
		var rules []string
		for _, f := range c.Findings {
			if !slices.Contains(rules, f.Rule) {
				rules = append(rules, f.Rule)
			}
		}
		sort.Strings(rules)
		return fmt.Sprintf("%d finding%s (%s)", len(c.Findings), plural(len(c.Findings)), strings.Join(rules, ", "))
	case NotChecked, NotCheckable:
		return c.Status + ": " + c.Why
	}
	return c.Status
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
