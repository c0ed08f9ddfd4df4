package consent

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
)

//go:embed doc.go
var doc string

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV301", Title: "a send under a purpose needing consent is not guarded by a check for it on every path", Level: "error"},
}

// New returns the analyzer, reading flows from the engine fl.
func New(fl *analysis.Analyzer) *analysis.Analyzer {
	return report.FlowRule("consent", doc, report.URL("PV301"), fl, run)
}

func run(pass *analysis.Pass, res *flow.Result) {
	pol := res.Policy
	// One finding per unguarded send: the categories it carries are
	// named together.
	type group struct {
		first *flow.ConsentFinding
		cats  []string
	}
	var order []string
	groups := make(map[string]*group)
	for _, c := range res.Consent {
		k := fmt.Sprintf("%d|%s|%s|%v", c.Pos, c.Purpose, c.Sink, c.Gate)
		g := groups[k]
		if g == nil {
			g = &group{first: c}
			groups[k] = g
			order = append(order, k)
		}
		cat := fmt.Sprintf("%s (%s)", c.Category, c.Origin)
		if !slices.Contains(g.cats, cat) {
			g.cats = append(g.cats, cat)
		}
	}
	for _, k := range order {
		g := groups[k]
		c := g.first
		if res.Marks.Suppressed(c.Pos, "PV301") {
			continue
		}
		clause := ""
		if p := pol.Purpose(c.Purpose); p != nil {
			clause = p.Clause
		}
		verb := "reaches"
		if len(g.cats) > 1 {
			verb = "reach"
		}
		what := strings.Join(g.cats, ", ")
		var msg string
		if c.Gate {
			if r := pol.Rule(c.Category); r != nil {
				clause = r.ClauseFor("collect")
			}
			msg = fmt.Sprintf("%s %s %s sink %s outside a check for %s, which must gate its collection",
				what, verb, c.Kind, c.Sink, c.Purpose)
		} else {
			msg = fmt.Sprintf("%s %s %s sink %s for %s without a consent check for it on every path",
				what, verb, c.Kind, c.Sink, c.Purpose)
		}
		msg += fmt.Sprintf(" (unguarded from %s)", c.Entry)
		if clause != "" {
			msg += "; " + report.Cite(pol, clause)
		}
		msg += " [PV301]"
		if p := report.ShortPath(c.Path); p != "" {
			msg += " (via " + p + ")"
		}
		pass.Report(analysis.Diagnostic{
			Pos: c.Pos, Category: "PV301", Message: msg, URL: report.URL("PV301"),
			Related: report.Related(pass.Fset, c.Path),
		})
	}
	for _, ig := range res.Ignored {
		if res.Marks.Suppressed(ig.Pos, "PV301") {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos: ig.Pos, Category: "PV301", URL: report.URL("PV301"),
			Message: fmt.Sprintf("the result of consent check %s (%s) is ignored: nothing depends on it, so it guards nothing; branch on it [PV301]", ig.Check, ig.Purpose),
		})
	}
}
