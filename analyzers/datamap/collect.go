package datamap

import (
	"cmp"
	"fmt"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/privacyvet/privacyvet/policy"
)

// collectMarks gathers where categories are attached and the functions
// that carry directives.
func (b *builder) collectMarks() {
	for _, pm := range b.marks {
		for _, mk := range pm.mk.Markings {
			loc := b.loc(mk.Pos)
			if !b.once(fmt.Sprintf("mark|%s|%s|%s", mk.Category, loc, mk.What)) {
				continue
			}
			c := b.category(mk.Category)
			c.Collected = append(c.Collected, Site{What: mk.What, Loc: loc})
		}
		for fn, f := range pm.mk.Funcs {
			name := funcName(fn)
			loc := b.loc(fn.Pos())
			if !b.once("func|" + name + "|" + loc.String()) {
				continue
			}
			full := fn.FullName()
			if f.Consent != "" {
				b.checks = append(b.checks, &Func{Name: name, About: []string{f.Consent}, From: "//privacy:consent", Loc: loc, full: full})
			}
			if len(f.Erase) > 0 {
				b.erasers = append(b.erasers, &Func{Name: name, About: f.Erase, From: "//privacy:erase", Loc: loc, full: full})
			}
			if f.Purpose != "" {
				b.servers = append(b.servers, &Func{Name: name, About: []string{f.Purpose}, From: "//privacy:purpose", Loc: loc, full: full})
			}
		}
	}
	for name, cats := range b.pol.Sources.Functions {
		for _, c := range cats {
			cat := b.category(c)
			cat.Collected = append(cat.Collected, Site{What: "policy sources.functions: " + name})
		}
	}
	for _, c := range b.cats {
		sort.SliceStable(c.Collected, func(i, j int) bool { return siteLess(c.Collected[i], c.Collected[j]) })
	}
}

func siteLess(a, b Site) bool {
	return cmp.Or(cmp.Compare(a.Loc.Rel, b.Loc.Rel), cmp.Compare(a.Loc.Line, b.Loc.Line), cmp.Compare(a.What, b.What)) < 0
}

// funcName is pkg.Func or (*pkg.Type).Method, qualified by package name.
func funcName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// collectPolicyFuncs adds the policy's consent and erasure entries; an
// entry naming a function that also carries the directive is merged
// into the directive's entry.
func (b *builder) collectPolicyFuncs() {
	for _, e := range b.pol.Consent {
		from := "policy consent (" + b.policyPos(e.Pos) + ")"
		for _, fn := range e.Functions {
			b.checks = mergeFunc(b.checks, &Func{Name: fn, About: []string{e.Purpose}, From: from, full: fn})
		}
	}
	for _, e := range b.pol.Erasure {
		from := "policy erasure (" + b.policyPos(e.Pos) + ")"
		for _, fn := range e.Functions {
			b.erasers = mergeFunc(b.erasers, &Func{Name: fn, About: e.Categories, From: from, full: fn})
		}
	}
	for _, fs := range [][]*Func{b.checks, b.erasers, b.servers} {
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Name < fs[j].Name })
	}
}

func mergeFunc(fs []*Func, f *Func) []*Func {
	for _, g := range fs {
		if g.full == f.full && slices.Equal(g.About, f.About) {
			g.From += " and " + f.From
			return fs
		}
	}
	return append(fs, f)
}

// policyPos shows a position in the policy file relative to Root.
func (b *builder) policyPos(p policy.Pos) string {
	if strings.HasPrefix(p.File, "builtin:") || p.Line == 0 {
		return p.String()
	}
	return fmt.Sprintf("%s:%d", b.locOf(p.File, p.Line).Rel, p.Line)
}

// cover attaches to each category the consent checks for the purposes
// its sends serve (and for its collection gate) and the erase functions
// whose categories cover it.
func (b *builder) cover() {
	for _, c := range b.cats {
		purposes := make(map[string]bool)
		for _, r := range c.Reaches {
			if r.Purpose != "" {
				purposes[r.Purpose] = true
			}
		}
		for _, u := range c.Unguarded {
			purposes[u.Purpose] = true
		}
		if r := b.pol.Rule(c.ID); r != nil && r.Gate != "" {
			purposes[r.Gate] = true
		}
		for _, f := range b.checks {
			for p := range purposes {
				if policy.Covers(f.About[0], p) {
					c.Consent = append(c.Consent, f)
					break
				}
			}
		}
		for _, f := range b.erasers {
			for _, e := range f.About {
				if policy.Covers(e, c.ID) {
					c.Erase = append(c.Erase, f)
					break
				}
			}
		}
	}
}

func (b *builder) recipients() {
	for _, r := range b.pol.Recipients {
		rec := &Recipient{
			Name: r.Name, Clause: r.Clause,
			Hosts:    append(append([]string(nil), r.Hosts...), r.Packages...),
			Allowed:  r.Categories,
			Purposes: r.Purposes,
		}
		for _, c := range b.cats {
			for _, x := range c.Reaches {
				if x.Recipient == r.Name && !slices.Contains(rec.Seen, c.ID) {
					rec.Seen = append(rec.Seen, c.ID)
				}
			}
		}
		slices.Sort(rec.Seen)
		b.m.Recipients = append(b.m.Recipients, rec)
	}
	sort.Slice(b.m.Recipients, func(i, j int) bool { return b.m.Recipients[i].Name < b.m.Recipients[j].Name })
}

func (b *builder) purposes() {
	for _, p := range b.pol.Purposes {
		pu := &Purpose{ID: p.ID, Clause: p.Clause, Consent: string(p.Consent), Forbidden: p.Forbidden}
		for _, f := range b.checks {
			if policy.Covers(f.About[0], p.ID) || policy.Covers(p.ID, f.About[0]) {
				pu.Checks = append(pu.Checks, f)
			}
		}
		for _, f := range b.servers {
			if policy.Covers(p.ID, f.About[0]) {
				pu.Servers = append(pu.Servers, f)
			}
		}
		for _, c := range b.cats {
			for _, x := range c.Reaches {
				if x.Purpose != "" && policy.Covers(p.ID, x.Purpose) && !slices.Contains(pu.Seen, c.ID) {
					pu.Seen = append(pu.Seen, c.ID)
				}
			}
			for _, u := range c.Unguarded {
				if policy.Covers(p.ID, u.Purpose) {
					pu.Unguarded++
				}
			}
		}
		slices.Sort(pu.Seen)
		b.m.Purposes = append(b.m.Purposes, pu)
	}
	sort.Slice(b.m.Purposes, func(i, j int) bool { return b.m.Purposes[i].ID < b.m.Purposes[j].ID })
}

// drift lists the categories on one side only. A listed category counts
// as seen when the code marks or sends it or one of its subcategories.
func (b *builder) drift() {
	var inCode []string
	for _, c := range b.cats {
		if len(c.Reaches) > 0 || len(c.Unguarded) > 0 || hasCodeSite(c) {
			inCode = append(inCode, c.ID)
		}
	}
	for _, c := range b.cats {
		if !c.Disclosed && slices.Contains(inCode, c.ID) {
			d := &Drift{Category: c.ID, Sites: c.Collected}
			if len(c.Collected) == 0 {
				d.Note = "reaches a sink, marked in code outside the packages analysed"
			}
			b.m.Undisclosed = append(b.m.Undisclosed, d)
		}
	}
	slices.Sort(inCode)
	for _, c := range b.cats {
		if slices.Contains(inCode, c.ID) {
			continue
		}
		for _, x := range inCode {
			if policy.Covers(c.ID, x) {
				c.SeenAs = append(c.SeenAs, x)
			}
		}
	}
	for id := range b.pol.Categories {
		if c := b.cats[id]; len(c.SeenAs) == 0 && !slices.Contains(inCode, id) {
			note := "listed under categories, never marked in code nor seen reaching a sink"
			b.m.Unseen = append(b.m.Unseen, &Drift{Category: id, Note: note})
		}
	}
	sort.Slice(b.m.Undisclosed, func(i, j int) bool { return b.m.Undisclosed[i].Category < b.m.Undisclosed[j].Category })
	sort.Slice(b.m.Unseen, func(i, j int) bool { return b.m.Unseen[i].Category < b.m.Unseen[j].Category })
}

func hasCodeSite(c *Category) bool {
	for _, s := range c.Collected {
		if s.Loc.File != "" {
			return true
		}
	}
	return false
}
