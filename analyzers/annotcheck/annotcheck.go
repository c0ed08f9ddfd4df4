package annotcheck

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
)

//go:embed doc.go
var doc string

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV901", Title: "malformed privacy directive or struct tag", Level: "error"},
	{ID: "PV902", Title: "unknown personal-data category", Level: "error"},
	{ID: "PV903", Title: "unknown purpose", Level: "error"},
	{ID: "PV904", Title: "unknown recipient", Level: "error"},
	{ID: "PV905", Title: "//privacy:allow of an unknown rule", Level: "error"},
	{ID: "PV906", Title: "//privacy:allow without a reason", Level: "error"},
	{ID: "PV907", Title: "directive on the wrong kind of declaration", Level: "error"},
	{ID: "PV908", Title: "unknown //privacy: directive", Level: "error"},
	{ID: "PV909", Title: "directive attached to no declaration", Level: "error"},
}

// New returns the analyzer, reading annotations from mk.
func New(mk *analysis.Analyzer) *analysis.Analyzer {
	return report.MarksRule("annotcheck", doc, report.URL("PV901"), mk, run)
}

func run(pass *analysis.Pass, m *marks.Marks) {
	for _, p := range m.Problems {
		msg := p.Msg
		if p.Hint != "" {
			msg += " (" + p.Hint + ")"
		}
		pass.Report(analysis.Diagnostic{
			Pos:      p.Pos,
			Category: p.Rule,
			Message:  msg + " [" + p.Rule + "]",
			URL:      report.URL(p.Rule),
		})
	}
}
