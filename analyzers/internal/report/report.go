// Package report turns the flow engine's flows into diagnostics: the rule
// id as the Category, a message that names the category, its origin, the
// sink and the clause of the statement it breaks, a short form of the
// path in the message (go vet and golangci-lint do not show Related
// information well), and the full path as Related information.
package report

import (
	"fmt"
	"go/token"
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

// Flow reports a flow under rule with the given explanation (the part of
// the message after the sink), unless a //privacy:allow covers it.
func Flow(pass *analysis.Pass, mk *marks.Marks, rule string, f *flow.Flow, why string) {
	if mk.Suppressed(f.Pos, rule) {
		return
	}
	msg := fmt.Sprintf("%s (%s) reaches %s sink %s", f.Category, f.Origin, f.Kind, f.Sink)
	if f.Recipient != "" {
		msg += " (recipient " + f.Recipient + ")"
	}
	if why != "" {
		msg += "; " + why
	}
	msg += " [" + rule + "]"
	if p := ShortPath(f.Path); p != "" {
		msg += " (via " + p + ")"
	}
	pass.Report(analysis.Diagnostic{
		Pos:      f.Pos,
		Category: rule,
		Message:  msg,
		URL:      URL(rule),
		Related:  Related(pass.Fset, f.Path),
	})
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
	if c.Section != "" {
		s += " §" + c.Section
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
