package transport

import (
	_ "embed"
	"reflect"

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
	{ID: "PV502", Title: "a secret (store: sanitized) is stored, sent or logged without a sanitizer", Level: "error"},
}

// New returns the analyzer, reading flows from the engine fl.
func New(fl *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "transport",
		Doc:        report.AnalyzerDoc(doc, "transport"),
		URL:        report.URL("PV502"),
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

func run(pass *analysis.Pass, res *flow.Result) {
	pol := res.Policy
	secrets := report.NewCollector("PV502")
	for _, f := range res.Flows {
		r := pol.Rule(f.Category)
		if r == nil || r.Store != policy.StoreSanitized {
			continue
		}
		if f.Kind == models.Log && !pol.LogAllowed(f.Category) {
			continue // PV101 reports it
		}
		secrets.Add(f, "the policy requires it to be hashed or otherwise sanitized first: "+report.Cite(pol, r.ClauseFor("store")))
	}
	secrets.Report(pass, res.Marks)
}
