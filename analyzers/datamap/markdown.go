package datamap

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Href is the link to l: relative to LinkBase when it is set, else an
// absolute file:// URL; "" when l is not in a file. The line is the
// fragment "#Lnn", as code hosts number lines.
func (m *Map) Href(l Loc) string {
	if l.File == "" {
		return ""
	}
	frag := fmt.Sprintf("#L%d", l.Line)
	if m.LinkBase != "" {
		if rel, err := filepath.Rel(m.LinkBase, l.File); err == nil {
			parts := strings.Split(filepath.ToSlash(rel), "/")
			for i, p := range parts {
				parts[i] = url.PathEscape(p)
			}
			return strings.Join(parts, "/") + frag
		}
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(l.File)}
	return u.String() + frag
}

// Summary counts what the map holds, for its opening lines.
type Summary struct {
	Categories, InCode, Undisclosed, Unseen       int
	Honoured, Violated, NotChecked, NotCheckable  int
	Findings, Recipients, Purposes, Clauses, Pkgs int
	Uncited                                       int // findings that cite no clause
}

// Summary counts the map's entries.
func (m *Map) Summary() Summary {
	s := Summary{
		Categories: len(m.Categories), Undisclosed: len(m.Undisclosed), Unseen: len(m.Unseen),
		Findings: len(m.Findings), Recipients: len(m.Recipients), Purposes: len(m.Purposes),
		Clauses: len(m.Clauses), Pkgs: len(m.Packages),
	}
	for _, c := range m.Categories {
		if c.InCode() {
			s.InCode++
		}
	}
	for _, f := range m.Findings {
		if len(f.Clauses) == 0 {
			s.Uncited++
		}
	}
	for _, c := range m.Clauses {
		switch c.Status {
		case Honoured:
			s.Honoured++
		case Violated:
			s.Violated++
		case NotChecked:
			s.NotChecked++
		case NotCheckable:
			s.NotCheckable++
		}
	}
	return s
}

// InCode reports whether the code marks the category or sends it anywhere.
func (c *Category) InCode() bool {
	return hasCodeSite(c) || len(c.Reaches) > 0 || len(c.Unguarded) > 0
}

// Kinds lists the sink kinds the category reaches, with counts: "log ×3".
func (c *Category) Kinds() []string {
	var order []string
	n := make(map[string]int)
	for _, r := range c.Reaches {
		if n[r.Kind] == 0 {
			order = append(order, r.Kind)
		}
		n[r.Kind]++
	}
	out := make([]string, len(order))
	for i, k := range order {
		out[i] = fmt.Sprintf("%s ×%d", k, n[k])
	}
	return out
}

// RecipientNames lists the recipients the category reaches.
func (c *Category) RecipientNames() []string {
	var out []string
	for _, r := range c.Reaches {
		if r.Recipient != "" && !slices.Contains(out, r.Recipient) {
			out = append(out, r.Recipient)
		}
	}
	return out
}

// UncitedRules counts, by rule, the findings that cite no clause:
// "PV101 ×6, PV701 ×3".
func (m *Map) UncitedRules() string {
	var order []string
	n := make(map[string]int)
	for _, f := range m.Findings {
		if len(f.Clauses) > 0 {
			continue
		}
		if n[f.Rule] == 0 {
			order = append(order, f.Rule)
		}
		n[f.Rule]++
	}
	sort.Strings(order)
	out := make([]string, len(order))
	for i, r := range order {
		out[i] = fmt.Sprintf("%s ×%d", r, n[r])
	}
	return strings.Join(out, ", ")
}

// Markdown writes the map as GitHub-flavoured Markdown.
func (m *Map) Markdown(w io.Writer) error {
	md := &mdWriter{w: w, m: m}
	md.all()
	return md.err
}

type mdWriter struct {
	w   io.Writer
	m   *Map
	err error
}

func (md *mdWriter) printf(format string, args ...any) {
	if md.err == nil {
		_, md.err = fmt.Fprintf(md.w, format, args...)
	}
}

// row writes one table row; cells are already escaped.
func (md *mdWriter) row(cells ...string) {
	md.printf("| %s |\n", strings.Join(cells, " | "))
}

func (md *mdWriter) header(cells ...string) {
	md.row(cells...)
	seps := make([]string, len(cells))
	for i := range seps {
		seps[i] = "---"
	}
	md.row(seps...)
}

// esc escapes text for a table cell or a paragraph.
func esc(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`",
		"<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]", "\n", " ", "#", "\\#")
	return r.Replace(s)
}

// code renders an identifier as a code span.
func code(s string) string {
	if s == "" {
		return ""
	}
	return "`" + strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "|", "\\|") + "`"
}

func codes(list []string) string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = code(s)
	}
	return strings.Join(out, ", ")
}

func (md *mdWriter) link(l Loc) string {
	if l.File == "" {
		return ""
	}
	return "[" + esc(l.String()) + "](" + md.m.Href(l) + ")"
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (md *mdWriter) all() {
	m := md.m
	s := m.Summary()
	title := m.Policy.Title
	if title == "" {
		title = m.Policy.Source
	}
	md.printf("# Data map: %s\n\n", esc(title))
	md.printf("Policy %s", code(m.Policy.Source))
	if m.Policy.Effective != "" {
		md.printf(", statement effective %s", esc(m.Policy.Effective))
	}
	md.printf(". %d package%s analysed, under %s.\n\n", s.Pkgs, plural(s.Pkgs), code(m.Root))
	md.printf("- **%d categories** in the code or the statement; %d seen in the code.\n", s.Categories, s.InCode)
	md.printf("- **Drift**: %d in the code but not disclosed by the statement; %d in the statement but never seen in the code.\n", s.Undisclosed, s.Unseen)
	md.printf("- **Clauses**: %d honoured, %d with findings, %d not checked, %d not checkable (of %d).\n", s.Honoured, s.Violated, s.NotChecked, s.NotCheckable, s.Clauses)
	md.printf("- **Findings**: %d.\n\n", s.Findings)
	md.drift()
	md.categories()
	md.recipients()
	md.purposes()
	md.clauses()
	md.findings()
	md.notes()
}

func (md *mdWriter) drift() {
	m := md.m
	md.printf("## Drift between the code and the statement\n\n")
	md.printf("### In the code, not disclosed by the statement\n\n")
	if len(m.Undisclosed) == 0 {
		md.printf("None: every category the code marks is disclosed.\n\n")
	} else {
		md.header("category", "marked at")
		for _, d := range m.Undisclosed {
			md.row(code(d.Category), orDash(md.sites(d.Sites, d.Note)))
		}
		md.printf("\n")
	}
	md.printf("### In the statement, never seen in the code\n\n")
	if len(m.Unseen) == 0 {
		md.printf("None: the code marks or sends every category the statement lists.\n\n")
		return
	}
	md.header("category", "note")
	for _, d := range m.Unseen {
		md.row(code(d.Category), esc(d.Note))
	}
	md.printf("\n")
}

func (md *mdWriter) sites(sites []Site, note string) string {
	var parts []string
	for _, s := range sites {
		p := code(s.What)
		if s.Loc.File != "" {
			p += " " + md.link(s.Loc)
		}
		parts = append(parts, p)
	}
	if note != "" {
		parts = append(parts, esc(note))
	}
	return strings.Join(parts, "<br>")
}

// funcs renders functions for a table cell; funcList, as a list.
func (md *mdWriter) funcs(fs []*Func) string {
	return strings.Join(md.funcItems(fs), "<br>")
}

func (md *mdWriter) funcList(fs []*Func) string {
	return "- " + strings.Join(md.funcItems(fs), "\n- ")
}

func (md *mdWriter) funcItems(fs []*Func) []string {
	var parts []string
	for _, f := range fs {
		p := code(f.Name) + " (" + esc(f.From)
		if len(f.About) > 0 {
			p += ": " + codes(f.About)
		}
		p += ")"
		if f.Loc.File != "" {
			p += " " + md.link(f.Loc)
		}
		parts = append(parts, p)
	}
	return parts
}

func (md *mdWriter) categories() {
	m := md.m
	md.printf("## Categories\n\n")
	md.header("category", "disclosed by", "collected at", "reaches", "recipients", "consent checks", "erase functions", "retention")
	for _, c := range m.Categories {
		disc := "**not disclosed**"
		if c.Disclosed {
			disc = code(c.ListedAs) + " (" + code(c.Clause) + ")"
		}
		md.row("["+code(c.ID)+"](#"+anchor(c.ID)+")", disc, fmt.Sprint(len(c.Collected)),
			orDash(esc(strings.Join(c.Kinds(), ", "))), orDash(codes(c.RecipientNames())),
			fmt.Sprint(len(c.Consent)), fmt.Sprint(len(c.Erase)), esc(c.Retention))
	}
	md.printf("\n")
	for _, c := range m.Categories {
		md.category(c)
	}
}

// anchor is the id GitHub gives the heading "category ID".
func anchor(id string) string {
	return "category-" + strings.ReplaceAll(id, ".", "")
}

func (md *mdWriter) category(c *Category) {
	md.printf("### category %s\n\n", c.ID)
	if c.Disclosed {
		md.printf("Disclosed by %s, clause %s; %s. Retention: %s.\n\n", code(c.ListedAs), code(c.Clause), esc(c.Constraints), esc(c.Retention))
	} else {
		md.printf("**Not disclosed by the statement** (PV601). Retention: %s.\n\n", esc(c.Retention))
	}
	switch {
	case len(c.SeenAs) > 0:
		md.printf("Seen in the code only as its subcategories: %s.\n\n", codes(c.SeenAs))
	case !c.InCode():
		md.printf("Never seen in the code.\n\n")
	}
	if len(c.Collected) > 0 {
		md.printf("Collected at:\n\n")
		md.header("what", "where")
		for _, s := range c.Collected {
			md.row(code(s.What), orDash(md.link(s.Loc)))
		}
		md.printf("\n")
	}
	if len(c.Reaches) > 0 {
		md.printf("Reaches:\n\n")
		md.header("kind", "sink", "recipient", "purpose", "destination / expiry", "from", "where", "findings")
		for _, r := range c.Reaches {
			where := md.link(r.Loc)
			if r.SinkAt != "" {
				where += " (sink at " + esc(r.SinkAt) + ")"
			}
			md.row(esc(r.Kind), code(r.Sink), orDash(code(r.Recipient)), orDash(code(r.Purpose)),
				orDash(esc(strings.TrimSpace(r.Dest+" "+r.Expiry))), code(r.Origin), where, orDash(esc(strings.Join(r.Rules, ", "))))
		}
		md.printf("\n")
	}
	if len(c.Unguarded) > 0 {
		md.printf("Sent without a consent check on every path (PV301):\n\n")
		md.header("purpose", "sink", "from", "entry point", "where")
		for _, u := range c.Unguarded {
			p := code(u.Purpose)
			if u.Gate {
				p += " (collection gate)"
			}
			md.row(p, code(u.Sink), code(u.Origin), code(u.Entry), md.link(u.Loc))
		}
		md.printf("\n")
	}
	if len(c.Consent) > 0 {
		md.printf("Consent checks for the purposes it is sent under:\n\n%s\n\n", md.funcList(c.Consent))
	}
	if len(c.Erase) > 0 {
		md.printf("Erase functions that cover it:\n\n%s\n\n", md.funcList(c.Erase))
	}
	for _, r := range c.Retained {
		md.printf("Stored where entries cannot expire with no erase function covering it: %s.\n\n", esc(r))
	}
}

func (md *mdWriter) recipients() {
	m := md.m
	md.printf("## Recipients\n\n")
	if len(m.Recipients) == 0 {
		md.printf("The policy declares no recipients: every send to a third party is PV201.\n\n")
		return
	}
	md.header("recipient", "clause", "hosts and packages", "may receive", "purposes", "the code sends it")
	for _, r := range m.Recipients {
		purposes := codes(r.Purposes)
		if purposes == "" {
			purposes = "any"
		}
		md.row(code(r.Name), code(r.Clause), orDash(codes(r.Hosts)), orDash(codes(r.Allowed)), purposes, orDash(codes(r.Seen)))
	}
	md.printf("\n")
}

func (md *mdWriter) purposes() {
	m := md.m
	md.printf("## Purposes\n\n")
	if len(m.Purposes) == 0 {
		md.printf("The policy declares no purposes.\n\n")
		return
	}
	md.header("purpose", "clause", "consent", "consent checks", "served by", "categories sent", "unguarded sends")
	for _, p := range m.Purposes {
		consent := esc(p.Consent)
		if p.Forbidden {
			consent = "**forbidden**"
		}
		md.row(code(p.ID), code(p.Clause), consent, orDash(md.funcs(p.Checks)), orDash(md.funcs(p.Servers)), orDash(codes(p.Seen)), fmt.Sprint(p.Unguarded))
	}
	md.printf("\n")
}

func (md *mdWriter) clauses() {
	m := md.m
	md.printf("## Clauses of the statement\n\n")
	md.printf("A clause is *honoured* when rules check it and none reports a finding that cites it; *not checked* when the policy cites it only for permissions no rule enforces; *not checkable* when no policy entry cites it.\n\n")
	md.header("clause", "§", "quote", "cited by", "checked by", "status")
	for _, c := range m.Clauses {
		status := esc(c.StatusText())
		if c.Status == Violated {
			status = "**" + status + "**"
		}
		md.row(code(c.ID), esc(c.Section), "“"+esc(c.Quote)+"”", orDash(esc(strings.Join(c.Uses, "; "))), orDash(esc(strings.Join(c.Rules, ", "))), status)
	}
	md.printf("\n")
	if n := m.Summary().Uncited; n > 0 {
		md.printf("%d finding%s cite no clause (%s): the policy names no clause for them; a `cite:` entry for the rule attaches them to one.\n\n", n, plural(n), esc(m.UncitedRules()))
	}
}

func (md *mdWriter) findings() {
	m := md.m
	md.printf("## Findings\n\n")
	if len(m.Findings) == 0 {
		md.printf("None.\n\n")
		return
	}
	md.header("rule", "where", "message", "clauses")
	for _, f := range m.Findings {
		md.row(esc(f.Rule), md.link(f.Loc), esc(f.Message), orDash(codes(f.Clauses)))
	}
	md.printf("\n")
}

func (md *mdWriter) notes() {
	m := md.m
	md.printf("## Limits\n\n")
	md.printf("- The map shows what the analysis follows: data passed through reflection, unsafe code, or code outside the packages analysed is not seen (see docs/report.md).\n")
	md.printf("- Findings suppressed with `//privacy:allow` do not count against a clause.\n")
	for _, n := range m.Notes {
		md.printf("- %s\n", esc(n))
	}
}
