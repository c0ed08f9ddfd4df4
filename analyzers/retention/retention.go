package retention

import (
	_ "embed"
	"fmt"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
	"github.com/privacyvet/privacyvet/policy"
)

//go:embed doc.go
var doc string

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV401", Title: "personal data is written with no expiry, or one longer than the category's retention limit, where an expiry can be set", Level: "error"},
	{ID: "PV402", Title: "a category with a retention limit is stored where entries cannot expire and no erase function covers it", Level: "error"},
	{ID: "PV403", Title: "a category the statement says is never collected is stored or sent", Level: "error"},
}

// New returns the analyzer, reading flows from the engine fl.
func New(fl *analysis.Analyzer) *analysis.Analyzer {
	return report.FlowRule("retention", doc, report.URL("PV401"), fl, run)
}

func run(pass *analysis.Pass, res *flow.Result) {
	pol := res.Policy
	forbidden := report.NewCollector("PV403")
	expiry := report.NewCollector("PV401")
	for _, f := range res.Flows {
		if why := tooLong(pol, f); why != "" {
			expiry.Add(f, why)
		}
		r := pol.Rule(f.Category)
		if r == nil || r.Collect != policy.CollectForbidden {
			continue
		}
		forbidden.Add(f, "the statement says it is not collected at all: "+report.Cite(pol, r.ClauseFor("collect")))
	}
	expiry.Report(pass, res.Marks)
	checkErasers(pass, res.Marks)
	for _, r := range res.Retained {
		if res.Marks.Suppressed(r.Pos, "PV402") {
			continue
		}
		ret := pol.RetentionFor(r.Category)
		limit := "while the account is active"
		if !ret.Max.Account {
			limit = "for at most " + days(ret.Max.Duration)
		}
		where := r.Loc
		if r.Via != "" {
			where += ", reached through " + r.Via
		}
		pass.Report(analysis.Diagnostic{
			Pos: r.Pos, Category: "PV402", URL: report.URL("PV402"),
			Message: fmt.Sprintf("%s (%s) is stored where entries cannot expire (%s at %s) and no erase function (//privacy:erase, the policy's erasure) covers it, but the policy keeps it only %s: %s [PV402]",
				r.Category, r.Origin, r.Sink, where, limit, report.Cite(pol, ret.Clause)),
		})
	}
	forbidden.Report(pass, res.Marks)
}

// tooLong explains why a write that can carry an expiry keeps f's
// category longer than the policy allows, or returns "".
func tooLong(pol *policy.Policy, f *flow.Flow) string {
	if f.Expiry == nil {
		return ""
	}
	r := pol.RetentionFor(f.Category)
	if r == nil || r.Max.Account || r.Max.Duration <= 0 {
		return "" // kept while the account lives, or never kept (PV403's)
	}
	limit := fmt.Sprintf("the policy keeps it at most %s: %s", days(r.Max.Duration), report.Cite(pol, r.Clause))
	switch x := f.Expiry; x.Kind {
	case ttl.None:
		return "it is written with no expiry, but " + limit
	case ttl.Known:
		if x.Duration > r.Max.Duration {
			return fmt.Sprintf("it is kept for %s, longer than the %s the policy allows: %s", x.Duration, days(r.Max.Duration), report.Cite(pol, r.Clause))
		}
	}
	return "" // a session cookie, a deletion, or an expiry the code does not let privacyvet know
}

func days(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%d days", d/(24*time.Hour))
	}
	return d.String()
}
