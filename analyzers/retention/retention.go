package retention

import (
	_ "embed"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/policy"
)

//go:embed doc.go
var doc string

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV403", Title: "a category the statement says is never collected is stored or sent", Level: "error"},
}

// New returns the analyzer, reading flows from the engine fl.
func New(fl *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "retention",
		Doc:        report.AnalyzerDoc(doc, "retention"),
		URL:        report.URL("PV403"),
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
	forbidden := report.NewCollector("PV403")
	for _, f := range res.Flows {
		r := pol.Rule(f.Category)
		if r == nil || r.Collect != policy.CollectForbidden {
			continue
		}
		forbidden.Add(f, "the statement says it is not collected at all: "+report.Cite(pol, r.ClauseFor("collect")))
	}
	forbidden.Report(pass, res.Marks)
}
