package disclosure

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/policy"
)

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV601", Title: "code marks a category the statement does not disclose (statement drift)", Level: "error"},
}

//go:embed doc.go
var doc string

// New returns the analyzer, reading annotations from mk.
func New(mk *analysis.Analyzer) *analysis.Analyzer {
	return report.MarksRule("disclosure", doc, report.URL("PV601"), mk, run)
}

// maxRelated bounds the other markings listed with a finding.
const maxRelated = 5

// undisclosed is one category the package marks and the statement does
// not disclose: where it is first marked, and where else.
type undisclosed struct {
	first  marks.Marking
	others []marks.Marking
}

func run(pass *analysis.Pass, m *marks.Marks) {
	pol := m.Policy
	ms := append(append([]marks.Marking(nil), m.Markings...), sourceFuncs(pass, pol)...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Pos < ms[j].Pos })
	var order []string
	by := make(map[string]*undisclosed)
	for _, mk := range ms {
		if pol.Disclosed(mk.Category) {
			continue
		}
		// An allow covers the marking it stands on: the reason given
		// there (a legal hold, a one-off import) says nothing of other
		// places that collect the same category, which are then reported.
		if m.Suppressed(mk.Pos, "PV601") {
			continue
		}
		u := by[mk.Category]
		if u == nil {
			by[mk.Category] = &undisclosed{first: mk}
			order = append(order, mk.Category)
			continue
		}
		u.others = append(u.others, mk)
	}
	for _, cat := range order {
		u := by[cat]
		var related []analysis.RelatedInformation
		for i, o := range u.others {
			if i == maxRelated {
				break
			}
			related = append(related, analysis.RelatedInformation{Pos: o.Pos, Message: "also collected here: " + o.What})
		}
		pass.Report(analysis.Diagnostic{
			Pos:      u.first.Pos,
			Category: "PV601",
			URL:      report.URL("PV601"),
			Message:  message(pol, u),
			Related:  related,
		})
	}
}

// sourceFuncs returns the markings of the policy's sources.functions
// entries that name functions and methods declared in this package: the
// marks analyzer resolves sources.fields and sources.types, not these.
func sourceFuncs(pass *analysis.Pass, pol *policy.Policy) []marks.Marking {
	if len(pol.Sources.Functions) == 0 {
		return nil
	}
	var out []marks.Marking
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			// FullName prints as the policy writes names:
			// pkg/path.Func, (*pkg/path.Type).Method.
			for _, c := range pol.Sources.Functions[fn.FullName()] {
				out = append(out, marks.Marking{Pos: fd.Name.Pos(), Category: c, What: "func " + funcName(fn)})
			}
		}
	}
	return out
}

// funcName is Func, or (*Type).Method, without the package path.
func funcName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	return "(" + types.TypeString(recv.Type(), func(*types.Package) string { return "" }) + ")." + fn.Name()
}

// message names the category and where it is marked, cites the clause
// that limits collection to what the statement lists (or says the
// categories list is that list), says what the policy does list nearby,
// and how to resolve the drift either way.
func message(pol *policy.Policy, u *undisclosed) string {
	cat := u.first.Category
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s) is collected but the statement does not disclose it: ", cat, u.first.What)
	if id := pol.Cite["PV601"]; id != "" && pol.Clause(id) != nil {
		b.WriteString(report.Cite(pol, id))
	} else {
		b.WriteString("neither it nor a parent is listed under categories in " + name(pol))
	}
	if h := hint(pol, cat); h != "" {
		b.WriteString(" (" + h + ")")
	}
	if n := len(u.others); n > 0 {
		fmt.Fprintf(&b, "; marked %d more time%s in this package", n, plural(n))
	}
	fmt.Fprintf(&b, "; add it under categories in %s with the clause that discloses it, or stop collecting it [PV601]", name(pol))
	return b.String()
}

// hint says what the policy lists closest to cat: parts of it (the code
// marks user.device, the policy lists only user.device.ip_address), or
// siblings (user.demographic.gender, when only user.demographic.language
// is listed). Siblings directly under user are left out: every policy
// lists some, and naming them says nothing.
func hint(pol *policy.Policy, cat string) string {
	if kids := listedUnder(pol, cat); len(kids) > 0 {
		return name(pol) + " lists only parts of it: " + list(kids, 3)
	}
	parent := parentOf(cat)
	if parent == "" || !strings.Contains(parent, ".") {
		return ""
	}
	if sibs := listedUnder(pol, parent); len(sibs) > 0 {
		return "of " + parent + ", " + name(pol) + " lists only " + list(sibs, 3)
	}
	return ""
}

// listedUnder returns the categories the policy lists strictly under cat.
func listedUnder(pol *policy.Policy, cat string) []string {
	var out []string
	for c := range pol.Categories {
		if c != cat && policy.Covers(cat, c) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// name is how messages refer to the policy: builtin:NAME, or the file's
// base name (the absolute path a discovered policy carries is noise in a
// message printed next to the package's own files).
func name(pol *policy.Policy) string {
	if strings.HasPrefix(pol.Source, "builtin:") || pol.Source == "" {
		return pol.Source
	}
	return filepath.Base(pol.Source)
}

func parentOf(id string) string {
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return id[:i]
	}
	return ""
}

func list(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
