package thirdparty

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/policy"
)

//go:embed doc.go
var doc string

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV201", Title: "personal data reaches an outside party that is not a declared recipient, or an unknown destination", Level: "error"},
	{ID: "PV202", Title: "a declared recipient receives a category or serves a purpose its entry does not allow", Level: "error"},
	{ID: "PV203", Title: "personal data flows under a forbidden purpose (sale)", Level: "error"},
}

// New returns the analyzer, reading flows from the engine fl.
func New(fl *analysis.Analyzer) *analysis.Analyzer {
	return report.FlowRule("thirdparty", doc, report.URL("PV201"), fl, run)
}

func run(pass *analysis.Pass, res *flow.Result) {
	pol := res.Policy
	undeclared := report.NewCollector("PV201")
	beyond := report.NewCollector("PV202")
	forbidden := report.NewCollector("PV203")
	for _, f := range res.Flows {
		if f.Purpose != "" {
			if p := pol.Purpose(f.Purpose); p != nil && p.Forbidden {
				forbidden.Add(f, fmt.Sprintf("it serves %s, which the statement forbids: %s", f.Purpose, report.Cite(pol, p.Clause)))
				continue
			}
		}
		if f.Kind != models.ThirdParty {
			continue
		}
		r, why := recipient(pol, f)
		if r == nil && testSend(pass, f) {
			continue
		}
		if r == nil {
			undeclared.Add(f, why+"; "+citeRule(pol, "PV201", "the statement shares personal information only with the parties it describes"))
			continue
		}
		if !pol.RecipientAllowsCategory(r, f.Category) {
			beyond.Add(f, fmt.Sprintf("recipient %s may receive only %s: %s", r.Name, list(r.Categories), report.Cite(pol, r.Clause)))
			continue
		}
		purpose := f.Purpose
		if purpose == "" && len(r.Purposes) == 1 {
			purpose = r.Purposes[0]
		}
		if purpose != "" && !pol.RecipientAllowsPurpose(r, purpose) {
			beyond.Add(f, fmt.Sprintf("recipient %s is declared for %s, not %s: %s", r.Name, list(r.Purposes), purpose, report.Cite(pol, r.Clause)))
		}
	}
	undeclared.Report(pass, res.Marks)
	beyond.Report(pass, res.Marks)
	forbidden.Report(pass, res.Marks)
}

// recipient resolves who receives a send, or says why no declared
// recipient does.
func recipient(pol *policy.Policy, f *flow.Flow) (*policy.Recipient, string) {
	if f.Recipient != "" {
		if r := pol.Recipients[f.Recipient]; r != nil {
			return r, ""
		}
		return nil, "recipient " + f.Recipient + " is not declared"
	}
	d := f.Dest
	switch {
	case d == nil:
		return nil, "the destination is not a declared recipient (name one with //privacy:sink thirdparty RECIPIENT or declare the party's hosts)"
	case !d.Known:
		return nil, "the destination cannot be known from the code (" + d.Why + ")"
	}
	if r := pol.RecipientForHost(d.Host); r != nil {
		return r, ""
	}
	return nil, "host " + d.Host + " belongs to no declared recipient"
}

// testSend reports whether f is a test's send to a place computed at run
// time: a URL read from a server's response, from a message the
// application under test wrote, from the test's configuration. Tests
// talk to what they set up; those that send to a constant outside host
// (or may, "one of several hosts (a test server, tracker.example)") are
// reported like any code.
func testSend(pass *analysis.Pass, f *flow.Flow) bool {
	d := f.Dest
	if d == nil || d.Known || d.Elsewhere {
		return false
	}
	tf := pass.Fset.File(f.Pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

func citeRule(pol *policy.Policy, rule, fallback string) string {
	if c := pol.CiteClause(rule); c != nil {
		return report.Cite(pol, c.ID)
	}
	return fallback
}

func list(items []string) string {
	if len(items) == 0 {
		return "nothing"
	}
	out := items[0]
	for i, s := range items[1:] {
		if i == len(items)-2 {
			out += " and " + s
		} else {
			out += ", " + s
		}
	}
	return out
}
