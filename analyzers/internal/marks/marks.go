// Package marks provides the analyzer that reads a package's privacy
// annotations (struct tags and //privacy: directives), resolves their
// categories, purposes, recipients and rules against the policy, and
// collects every problem with them as a PV9xx problem.
//
// It is the one place where annotations are parsed: the flow engine
// consumes its Result, and the annotation checker reports its Problems.
// Nothing here is exported as a fact; the flow engine owns the facts.
package marks

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/config"
	"github.com/privacyvet/privacyvet/annotations"
	"github.com/privacyvet/privacyvet/policy"
)

// Func holds the directives of one function, resolved.
type Func struct {
	Source       []string // categories its results carry
	Sanitizer    bool     // results are cleaned of SanitizeCats (all when empty)
	SanitizeCats []string
	Sink         annotations.SinkKind // "" when not a sink
	Recipient    string               // thirdparty sink's recipient, if named
	Purpose      string               // //privacy:purpose
	Consent      string               // //privacy:consent: the purpose it checks
	Erase        []string             // //privacy:erase
}

// Marking is one place in the package where a category is attached to
// code: a tag, a data/source directive, or a policy source entry.
type Marking struct {
	Pos      token.Pos
	Category string
	What     string // "User.Email", "type Email", "func RealIP"
}

// Problem is a malformed or unresolvable annotation.
type Problem struct {
	Pos       token.Pos
	Rule      string
	Msg, Hint string
}

// Marks is the analyzer's result.
type Marks struct {
	Err      error // the policy could not be read; nothing else is set
	Policy   *policy.Policy
	Funcs    map[*types.Func]*Func
	Types    map[*types.TypeName][]string
	Markings []Marking
	Problems []Problem
	allows   map[*token.File]*annotations.Allows
	fset     *token.FileSet
}

// Suppressed reports whether a //privacy:allow for rule covers pos.
func (m *Marks) Suppressed(pos token.Pos, rule string) bool {
	tf := m.fset.File(pos)
	if tf == nil {
		return false
	}
	a := m.allows[tf]
	if a == nil {
		return false
	}
	_, ok := a.Suppressed(m.fset, pos, rule)
	return ok
}

// New returns the marks analyzer reading the policy from cfg.
func New(cfg *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "privacymarks",
		Doc:        "parse and resolve privacy annotations (struct tags and //privacy: directives)",
		URL:        "https://github.com/privacyvet/privacyvet/blob/main/docs/annotations.md",
		Requires:   []*analysis.Analyzer{cfg},
		ResultType: reflect.TypeFor[*Marks](),
		Run: func(pass *analysis.Pass) (any, error) {
			c := pass.ResultOf[cfg].(*config.Config)
			if c.Err != nil {
				return &Marks{Err: c.Err}, nil
			}
			return Collect(pass.Fset, pass.Files, pass.TypesInfo, pass.Pkg, c.Policy), nil
		},
	}
}

// Collect parses and resolves the annotations of one package.
func Collect(fset *token.FileSet, files []*ast.File, info *types.Info, pkg *types.Package, pol *policy.Policy) *Marks {
	m := &Marks{
		Policy: pol,
		Funcs:  make(map[*types.Func]*Func),
		Types:  make(map[*types.TypeName][]string),
		allows: make(map[*token.File]*annotations.Allows),
		fset:   fset,
	}
	r := &resolver{m: m, pol: pol}
	for _, f := range files {
		allows, errs := annotations.FileAllows(fset, f)
		m.allows[fset.File(f.Pos())] = allows
		r.errors(errs)
		for _, d := range allows.All() {
			if !annotations.ValidRuleSyntax(d.Rule) || !knownRule(d.Rule) {
				m.Problems = append(m.Problems, Problem{Pos: d.Pos, Rule: annotations.RuleUnknownRule,
					Msg:  "//privacy:allow names unknown rule " + d.Rule,
					Hint: "name a rule listed by `privacyvet rules`, e.g. PV101"})
			}
		}
		r.errors(annotations.Misplaced(fset, f))
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				r.funcDecl(info, decl)
			case *ast.GenDecl:
				if decl.Tok != token.TYPE {
					continue
				}
				for _, spec := range decl.Specs {
					ts := spec.(*ast.TypeSpec)
					r.typeSpec(info, decl, ts)
				}
			}
		}
		// Struct tags anywhere in the file: named types (package level
		// or local), anonymous structs.
		owners := make(map[*ast.StructType]string)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if st, ok := n.Type.(*ast.StructType); ok {
					owners[st] = n.Name.Name + "."
				}
			case *ast.StructType:
				r.structType(n, owners[n])
			}
			return true
		})
	}
	r.policySources(pkg)
	sort.SliceStable(m.Problems, func(i, j int) bool { return m.Problems[i].Pos < m.Problems[j].Pos })
	return m
}

type resolver struct {
	m   *Marks
	pol *policy.Policy
}

func (r *resolver) errors(errs []*annotations.Error) {
	for _, e := range errs {
		r.m.Problems = append(r.m.Problems, Problem{Pos: e.Pos, Rule: e.Rule, Msg: e.Msg, Hint: e.Hint})
	}
}

// categories resolves ids (aliases included) against the policy; unknown
// ids become PV902 problems at pos and are dropped.
func (r *resolver) categories(pos token.Pos, ids []string) []string {
	var out []string
	for _, id := range ids {
		c, ok := r.pol.Canonical(id)
		if !ok {
			hint := "use a category of the built-in taxonomy (see `privacyvet policy categories`) or declare it, or an alias for it, in " + r.pol.Source
			if s := annotations.Suggest(id, r.knownCategories()); s != "" {
				hint = "did you mean " + s + "? Otherwise " + hint
			}
			r.m.Problems = append(r.m.Problems, Problem{Pos: pos, Rule: annotations.RuleUnknownCategory,
				Msg: "unknown personal-data category " + id, Hint: hint})
			continue
		}
		out = append(out, c)
	}
	return out
}

// knownCategories lists what a tag may name, for "did you mean" hints.
func (r *resolver) knownCategories() []string {
	out := policy.BuiltinCategories()
	for c := range r.pol.Categories {
		out = append(out, c)
	}
	for a := range r.pol.Aliases {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

func (r *resolver) purpose(pos token.Pos, id string) string {
	if r.pol.Purpose(id) == nil {
		r.m.Problems = append(r.m.Problems, Problem{Pos: pos, Rule: annotations.RuleUnknownPurpose,
			Msg:  "unknown purpose " + id,
			Hint: "declare it under purposes: in " + r.pol.Source + " (or use one that is declared there)"})
	}
	return id
}

func (r *resolver) funcDecl(info *types.Info, decl *ast.FuncDecl) {
	fn, _ := info.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return
	}
	ds, errs := annotations.FuncDirectives(decl)
	r.errors(errs)
	if len(ds) == 0 {
		return
	}
	fm := &Func{}
	for _, d := range ds {
		switch d.Kind {
		case annotations.Source:
			fm.Source = append(fm.Source, r.categories(d.Pos, d.Categories)...)
			for _, c := range fm.Source {
				r.m.Markings = append(r.m.Markings, Marking{Pos: d.Pos, Category: c, What: "func " + decl.Name.Name})
			}
		case annotations.Sanitizer:
			fm.Sanitizer = true
			fm.SanitizeCats = append(fm.SanitizeCats, r.categories(d.Pos, d.Categories)...)
		case annotations.Sink:
			fm.Sink = d.SinkKind
			fm.Recipient = d.Recipient
			if d.Recipient != "" && r.pol.Recipients[d.Recipient] == nil {
				r.m.Problems = append(r.m.Problems, Problem{Pos: d.Pos, Rule: annotations.RuleUnknownRecipient,
					Msg:  "unknown recipient " + d.Recipient,
					Hint: "declare it under recipients: in " + r.pol.Source + ", or leave the recipient out to have every send reported as PV201"})
			}
		case annotations.Purpose:
			fm.Purpose = r.purpose(d.Pos, d.Purpose)
		case annotations.Consent:
			fm.Consent = r.purpose(d.Pos, d.Purpose)
			r.checkConsentSignature(d.Pos, fn)
		case annotations.Erase:
			fm.Erase = append(fm.Erase, r.categories(d.Pos, d.Categories)...)
		}
	}
	r.m.Funcs[fn] = fm
}

// checkConsentSignature enforces the two shapes a consent check may
// have: its last result is bool or error.
func (r *resolver) checkConsentSignature(pos token.Pos, fn *types.Func) {
	res := fn.Signature().Results()
	if res.Len() > 0 {
		t := res.At(res.Len() - 1).Type()
		if types.Identical(t, types.Typ[types.Bool]) || types.Identical(t, types.Universe.Lookup("error").Type()) {
			return
		}
	}
	r.m.Problems = append(r.m.Problems, Problem{Pos: pos, Rule: annotations.RuleWrongTarget,
		Msg:  "//privacy:consent on " + fn.Name() + ", which returns neither bool nor error",
		Hint: "a consent check returns bool (true = may proceed) or error (nil = may proceed) as its last result"})
}

func (r *resolver) typeSpec(info *types.Info, gen *ast.GenDecl, ts *ast.TypeSpec) {
	ds, errs := annotations.TypeDirectives(gen, ts)
	r.errors(errs)
	tn, _ := info.Defs[ts.Name].(*types.TypeName)
	if tn == nil {
		return
	}
	for _, d := range ds {
		if d.Kind != annotations.Data {
			continue
		}
		cats := r.categories(d.Pos, d.Categories)
		r.m.Types[tn] = append(r.m.Types[tn], cats...)
		for _, c := range cats {
			r.m.Markings = append(r.m.Markings, Marking{Pos: d.Pos, Category: c, What: "type " + ts.Name.Name})
		}
	}
}

func (r *resolver) structType(st *ast.StructType, owner string) {
	for _, field := range st.Fields.List {
		if field.Tag == nil {
			continue
		}
		tag, err := strconv.Unquote(field.Tag.Value)
		if err != nil {
			continue // the type checker reports it
		}
		cats, present, _, perr := annotations.ParseTag(tag)
		if perr != nil {
			r.m.Problems = append(r.m.Problems, Problem{Pos: field.Tag.Pos(), Rule: perr.Rule, Msg: perr.Msg, Hint: perr.Hint})
			continue
		}
		if !present {
			continue
		}
		cats = r.categories(field.Tag.Pos(), cats)
		for _, name := range field.Names {
			for _, c := range cats {
				r.m.Markings = append(r.m.Markings, Marking{Pos: name.Pos(), Category: c, What: owner + name.Name})
			}
		}
		if len(field.Names) == 0 { // embedded
			for _, c := range cats {
				r.m.Markings = append(r.m.Markings, Marking{Pos: field.Type.Pos(), Category: c, What: owner + types.ExprString(field.Type)})
			}
		}
	}
}

func (r *resolver) policySources(pkg *types.Package) {
	if pkg == nil {
		return
	}
	prefix := pkg.Path() + "."
	for name, cats := range r.pol.Sources.Types {
		if strings.HasPrefix(name, prefix) && !strings.Contains(name[len(prefix):], ".") {
			if obj, ok := pkg.Scope().Lookup(name[len(prefix):]).(*types.TypeName); ok {
				for _, c := range cats {
					r.m.Markings = append(r.m.Markings, Marking{Pos: obj.Pos(), Category: c, What: "type " + obj.Name()})
				}
			}
		}
	}
	for name, cats := range r.pol.Sources.Fields {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		rest := strings.SplitN(name[len(prefix):], ".", 2)
		if len(rest) != 2 {
			continue
		}
		if obj, ok := pkg.Scope().Lookup(rest[0]).(*types.TypeName); ok {
			if st, ok := obj.Type().Underlying().(*types.Struct); ok {
				for i := 0; i < st.NumFields(); i++ {
					if st.Field(i).Name() == rest[1] {
						for _, c := range cats {
							r.m.Markings = append(r.m.Markings, Marking{Pos: st.Field(i).Pos(), Category: c, What: rest[0] + "." + rest[1]})
						}
					}
				}
			}
		}
	}
}

// knownRule reports whether //privacy:allow may name id.
func knownRule(id string) bool { return knownRules[id] }

// knownRules lists the rule ids of CONTRACT §4 and the annotation
// problems. It is a constant table, not configuration.
var knownRules = map[string]bool{
	"PV101": true, "PV201": true, "PV202": true, "PV203": true, "PV301": true,
	"PV401": true, "PV402": true, "PV403": true, "PV501": true, "PV502": true,
	"PV601": true, "PV701": true,
	"PV901": true, "PV902": true, "PV903": true, "PV904": true, "PV905": true,
	"PV906": true, "PV907": true, "PV908": true, "PV909": true,
}
