package transport

import (
	_ "embed"
	"fmt"

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
	{ID: "PV501", Title: "a category with transport: tls is sent over http:// or with TLS verification off", Level: "error"},
	{ID: "PV502", Title: "a secret (store: sanitized) is stored, sent or logged without a sanitizer", Level: "error"},
}

// New returns the analyzer, reading flows from the engine fl.
func New(fl *analysis.Analyzer) *analysis.Analyzer {
	return report.FlowRule("transport", doc, report.URL("PV501"), fl, run)
}

func run(pass *analysis.Pass, res *flow.Result) {
	pol := res.Policy
	secrets := report.NewCollector("PV502")
	plain := report.NewCollector("PV501")
	for _, f := range res.Flows {
		r := pol.Rule(f.Category)
		if r != nil && r.Transport == policy.TransportTLS && f.Kind == models.ThirdParty && f.Dest != nil {
			cite := report.Cite(pol, r.ClauseFor("transport"))
			switch {
			case f.Dest.Scheme == "http":
				plain.Add(f, fmt.Sprintf("it goes over plain http:// (%s), but the policy promises TLS: %s", f.Dest.URL, cite))
			case f.Dest.Insecure:
				plain.Add(f, "the client skips TLS certificate verification (InsecureSkipVerify), but the policy promises TLS: "+cite)
			}
		}
		if r == nil || r.Store != policy.StoreSanitized {
			continue
		}
		if f.Kind == models.Log && !pol.LogAllowed(f.Category) {
			continue // PV101 reports it
		}
		secrets.Add(f, "the policy requires it to be hashed or otherwise sanitized first: "+report.Cite(pol, r.ClauseFor("store")))
	}
	plain.Report(pass, res.Marks)
	secrets.Report(pass, res.Marks)
}
