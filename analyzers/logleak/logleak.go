package logleak

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/policy"
)

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV101", Title: "personal data reaches a log sink the policy does not allow it in", Level: "error"},
}

//go:embed doc.go
var doc string

// New returns the analyzer, reading flows from the engine fl.
func New(fl *analysis.Analyzer) *analysis.Analyzer {
	return report.FlowRule("logleak", doc, report.URL("PV101"), fl, run)
}

func run(pass *analysis.Pass, res *flow.Result) {
	pol := res.Policy
	c := report.NewCollector("PV101")
	for _, f := range res.Flows {
		if f.Kind != models.Log || pol.LogAllowed(f.Category) {
			continue
		}
		c.Add(f, why(pol, f.Category))
	}
	c.Report(pass, res.Marks)
}

// why cites the clause that says what may be logged, and what it allows.
func why(pol *policy.Policy, cat string) string {
	clause := pol.Cite["PV101"]
	if r := pol.Rule(cat); r != nil && r.Cite["log"] != "" {
		clause = r.Cite["log"]
	}
	allowed := allowedInLogs(pol)
	var b strings.Builder
	if clause != "" {
		b.WriteString(report.Cite(pol, clause) + " ")
	} else {
		b.WriteString("the statement ")
	}
	if len(allowed) == 0 {
		b.WriteString("allows no personal data in log files")
	} else {
		fmt.Fprintf(&b, "allows only %s in log files", list(allowed, 4))
	}
	if pol.Rule(cat) == nil {
		b.WriteString(", and does not disclose collecting " + cat + " at all")
	}
	return b.String()
}

func allowedInLogs(pol *policy.Policy) []string {
	var out []string
	for c, r := range pol.Categories {
		if r.Log == policy.LogAllow {
			// Only the top-most allowed entries: children inherit.
			if p := parent(c); p != "" && pol.LogAllowed(p) {
				continue
			}
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

func parent(c string) string {
	if i := strings.LastIndexByte(c, '.'); i >= 0 {
		return c[:i]
	}
	return ""
}

func list(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}
