package datamap

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

// collectFlows turns the engine's flows, consent findings and retained
// categories into the categories' entries.
func (b *builder) collectFlows() {
	for _, r := range b.flows {
		for _, f := range r.res.Flows {
			b.addFlow(f)
		}
		for _, cf := range r.res.Consent {
			loc := b.loc(cf.Pos)
			if !b.once(fmt.Sprintf("consent|%s|%s|%s|%s|%s", loc, cf.Category, cf.Purpose, cf.Sink, cf.Entry)) {
				continue
			}
			c := b.category(cf.Category)
			c.Unguarded = append(c.Unguarded, &Unguarded{
				Purpose: cf.Purpose, Sink: cf.Sink, Origin: cf.Origin, Entry: cf.Entry, Gate: cf.Gate, Loc: loc,
			})
		}
		for _, rt := range r.res.Retained {
			s := fmt.Sprintf("%s at %s (%s)", rt.Sink, rt.Loc, rt.Pkg)
			if b.once("retained|" + rt.Category + "|" + s) {
				c := b.category(rt.Category)
				c.Retained = append(c.Retained, s)
			}
		}
	}
	for _, c := range b.cats {
		sort.SliceStable(c.Reaches, func(i, j int) bool {
			x, y := c.Reaches[i], c.Reaches[j]
			return cmp.Or(cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.Recipient, y.Recipient),
				cmp.Compare(x.Loc.Rel, y.Loc.Rel), cmp.Compare(x.Loc.Line, y.Loc.Line), cmp.Compare(x.Sink, y.Sink)) < 0
		})
		sort.SliceStable(c.Unguarded, func(i, j int) bool {
			x, y := c.Unguarded[i].Loc, c.Unguarded[j].Loc
			return cmp.Or(cmp.Compare(x.Rel, y.Rel), cmp.Compare(x.Line, y.Line)) < 0
		})
	}
}

func (b *builder) addFlow(f *flow.Flow) {
	loc := b.loc(f.Pos)
	recipient, dest := b.recipientOf(f)
	key := fmt.Sprintf("flow|%s|%s|%s|%s|%s|%s|%s", loc, f.Category, f.Kind, f.Sink, recipient, f.Purpose, f.Origin)
	if !b.once(key) {
		return
	}
	x := &Reach{
		Kind: string(f.Kind), Sink: f.Sink, Recipient: recipient, Purpose: f.Purpose,
		Dest: dest, Expiry: expiryText(f.Expiry), Origin: f.Origin, Loc: loc,
		Path: report.ShortPath(f.Path),
	}
	if f.Remote && len(f.Path) > 0 {
		x.SinkAt = f.Path[len(f.Path)-1].Loc
	}
	pos := b.fset.Position(f.Pos).String()
	for _, d := range b.findings {
		if d.pos == pos && strings.Contains(d.Message, f.Category+" (") && !slices.Contains(x.Rules, d.Rule) {
			x.Rules = append(x.Rules, d.Rule)
		}
	}
	sort.Strings(x.Rules)
	c := b.category(f.Category)
	c.Reaches = append(c.Reaches, x)
}

// recipientOf names who receives a third-party send, as the rules
// resolve it: the recipient the sink names, else the declared recipient
// of its host; and describes the destination.
func (b *builder) recipientOf(f *flow.Flow) (recipient, dest string) {
	if f.Kind != models.ThirdParty {
		return "", ""
	}
	recipient = f.Recipient
	if d := f.Dest; d != nil {
		switch {
		case !d.Known:
			dest = "unknown: " + d.Why
		case d.URL != "":
			dest = d.URL
		default:
			dest = d.Scheme + "://" + d.Host
		}
		if d.Insecure {
			dest += " (TLS verification off)"
		}
		if recipient == "" && d.Known {
			if r := b.pol.RecipientForHost(d.Host); r != nil {
				recipient = r.Name
			}
		}
	}
	if recipient != "" && b.pol.Recipients[recipient] == nil {
		recipient += " (undeclared)"
	}
	return recipient, dest
}

func expiryText(e *ttl.Expiry) string {
	if e == nil {
		return ""
	}
	switch e.Kind {
	case ttl.None:
		return "no expiry"
	case ttl.Known:
		return "expires after " + days(e.Duration)
	case ttl.Session:
		return "session cookie"
	case ttl.Delete:
		return "deletes"
	}
	if e.Why != "" {
		return "expiry not constant (" + e.Why + ")"
	}
	return "expiry not constant"
}
