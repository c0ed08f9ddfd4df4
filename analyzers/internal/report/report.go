// Package report turns the flow engine's flows into diagnostics: the rule
// id as the Category, a message that names the category, its origin, the
// sink and the clause of the statement it breaks, a short form of the
// path in the message (go vet and golangci-lint do not show Related
// information well), and the full path as Related information.
package report

import (
	"fmt"
	"go/token"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/policy"
)

// DocsURL is where each rule's documentation lives; the rule id, lower
// case, is the anchor.
const DocsURL = "https://github.com/privacyvet/privacyvet/blob/main/docs/rules.md"

// Rule describes one rule id for listings, docs and SARIF.
type Rule struct {
	ID    string
	Title string // one line
	Level string // "error" or "warning" (SARIF default level)
}

// URL is the documentation address of a rule.
func URL(id string) string { return DocsURL + "#" + strings.ToLower(id) }

// Finding is what a rule found: flows that reach one sink at one
// position for the same reason, reported as one diagnostic (a struct
// logged whole is one flow of several categories, not several findings).
type Finding struct {
	Flows []*flow.Flow
	Why   string // the part of the message after the sink: the clause and what it says
}

// Collector groups a rule's flows into findings, in the order first seen.
type Collector struct {
	rule  string
	order []string
	by    map[string]*Finding
}

// NewCollector starts collecting findings of rule.
func NewCollector(rule string) *Collector {
	return &Collector{rule: rule, by: make(map[string]*Finding)}
}

// Add records flow f, explained by why.
func (c *Collector) Add(f *flow.Flow, why string) {
	k := fmt.Sprintf("%d|%s|%s|%s|%s", f.Pos, f.Kind, f.Sink, f.Recipient, why)
	g := c.by[k]
	if g == nil {
		g = &Finding{Why: why}
		c.by[k] = g
		c.order = append(c.order, k)
	}
	for _, x := range g.Flows {
		if x.Category == f.Category && x.Origin == f.Origin {
			return
		}
	}
	g.Flows = append(g.Flows, f)
}

// Report emits the findings, skipping those a //privacy:allow covers.
func (c *Collector) Report(pass *analysis.Pass, mk *marks.Marks) {
	for _, k := range c.order {
		g := c.by[k]
		f := g.Flows[0]
		if mk.Suppressed(f.Pos, c.rule) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      f.Pos,
			Category: c.rule,
			Message:  Message(c.rule, g),
			URL:      URL(c.rule),
			Related:  Related(pass.Fset, f.Path),
		})
	}
}

// maxNamed bounds the categories named in one message.
const maxNamed = 3

// Message renders a finding: categories and origins, the sink, why, the
// rule, and the short path of the first flow.
func Message(rule string, g *Finding) string {
	f := g.Flows[0]
	var cats []string
	for i, x := range g.Flows {
		if i == maxNamed {
			cats = append(cats, fmt.Sprintf("%d more", len(g.Flows)-maxNamed))
			break
		}
		cats = append(cats, fmt.Sprintf("%s (%s)", x.Category, x.Origin))
	}
	verb := "reaches"
	if len(g.Flows) > 1 {
		verb = "reach"
	}
	msg := joinList(cats) + " " + verb + " " + string(f.Kind) + " sink " + f.Sink
	if f.Recipient != "" {
		msg += " (recipient " + f.Recipient + ")"
	}
	if g.Why != "" {
		msg += "; " + g.Why
	}
	msg += " [" + rule + "]"
	if p := ShortPath(f.Path); p != "" {
		msg += " (via " + p + ")"
	}
	return msg
}

func joinList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// maxShortPath bounds the hops named in a message.
const maxShortPath = 6

// ShortPath renders a path as "User.Email -> welcome -> log.Printf".
func ShortPath(path []flow.Step) string {
	var names []string
	for _, s := range path {
		if s.What == "" || strings.HasPrefix(s.What, "parameter ") || len(names) > 0 && names[len(names)-1] == s.What {
			continue
		}
		names = append(names, s.What)
	}
	if len(names) > maxShortPath {
		names = append(append(names[:2:2], "..."), names[len(names)-(maxShortPath-3):]...)
	}
	return strings.Join(names, " -> ")
}

// Related walks the path, one entry per hop. Hops in other packages are
// attached to no position of theirs (their positions do not travel), so
// their location is named in the message.
func Related(fset *token.FileSet, path []flow.Step) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	var last token.Pos
	for i, s := range path {
		msg := fmt.Sprintf("%d. %s", i+1, s.What)
		pos := s.Pos
		if !pos.IsValid() {
			if s.Loc != "" {
				msg += " (at " + s.Loc + ")"
			}
			pos = last
		}
		if !pos.IsValid() {
			continue
		}
		last = pos
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: msg})
	}
	return out
}

// Cite renders a clause as `statement §2 "quote"`.
func Cite(pol *policy.Policy, clauseID string) string {
	c := pol.Clause(clauseID)
	if c == nil {
		return "statement clause " + clauseID
	}
	s := "statement"
	switch {
	case c.Section == "":
	case c.Section[0] >= '0' && c.Section[0] <= '9':
		s += " §" + c.Section
	default:
		s = c.Section + " statement" // the baseline policy's generic clauses
	}
	if c.Quote != "" {
		s += " " + fmt.Sprintf("%q", Abbrev(c.Quote, 120))
	}
	return s
}

// Abbrev shortens s to at most n runes, at a word boundary, with "...".
func Abbrev(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "..."
}

// AnalyzerDoc extracts an analyzer's documentation from the source of its
// doc.go (embedded by the analyzer's package): the text of the package
// comment from the "# Analyzer NAME" heading on, as x/tools does for its
// passes, so doc.go is the single source of the docs.
func AnalyzerDoc(src, name string) string {
	var lines []string
	in := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if in {
				break
			}
			continue
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(text, "# Analyzer ") {
			in = strings.TrimSpace(strings.TrimPrefix(text, "# Analyzer ")) == name
			continue
		}
		if in {
			lines = append(lines, text)
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// FlowRule builds a rule analyzer over the flow engine's result: the
// shape every rule family shares. A policy that cannot be read fails the
// rule with the policy's error, so each host shows that error itself.
func FlowRule(name, doc, url string, fl *analysis.Analyzer, run func(*analysis.Pass, *flow.Result)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       name,
		Doc:        AnalyzerDoc(doc, name),
		URL:        url,
		Requires:   []*analysis.Analyzer{fl},
		ResultType: reflect.TypeFor[struct{}](),
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[fl].(*flow.Result)
			if res.Err != nil {
				return nil, res.Err
			}
			run(pass, res)
			return struct{}{}, nil
		},
	}
}

// MarksRule builds a rule analyzer over the annotations alone (no data
// flow): annotation problems, statement drift, tag suggestions.
func MarksRule(name, doc, url string, mk *analysis.Analyzer, run func(*analysis.Pass, *marks.Marks)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       name,
		Doc:        AnalyzerDoc(doc, name),
		URL:        url,
		Requires:   []*analysis.Analyzer{mk},
		ResultType: reflect.TypeFor[struct{}](),
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[mk].(*marks.Marks)
			if m.Err != nil {
				return nil, m.Err
			}
			run(pass, m)
			return struct{}{}, nil
		},
	}
}
