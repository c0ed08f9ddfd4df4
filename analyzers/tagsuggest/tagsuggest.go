package tagsuggest

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
	"github.com/privacyvet/privacyvet/annotations"
	"github.com/privacyvet/privacyvet/policy"
)

// Rules are the rule ids this analyzer reports.
var Rules = []report.Rule{
	{ID: "PV701", Title: "a field looks like personal data but has no privacy tag (with a fix that adds one)", Level: "warning"},
}

//go:embed doc.go
var doc string

// DataFact marks a named type that carries categories of its own
// (//privacy:data). go/types shows an importer the struct tags of another
// package's types but not their directives, so without the fact a field
// of type mail.Address (declared //privacy:data elsewhere) would be asked
// for a tag it does not need.
type DataFact struct {
	Categories []string
}

// AFact marks DataFact as an analysis fact.
func (*DataFact) AFact() {}

func (f *DataFact) String() string { return "data " + strings.Join(f.Categories, ",") }

// New returns the analyzer, reading annotations from mk. It exports a
// fact of its own for //privacy:data types seen through imports.
func New(mk *analysis.Analyzer) *analysis.Analyzer {
	a := report.MarksRule("tagsuggest", doc, report.URL("PV701"), mk, run)
	a.FactTypes = []analysis.Fact{new(DataFact)}
	return a
}

// tagKeys are the encodings whose field names are read when the Go name
// says nothing (Data string `json:"email"`), in this order.
var tagKeys = []string{"json", "xml", "yaml", "db", "bson", "form"}

type checker struct {
	pass *analysis.Pass
	m    *marks.Marks
	pol  *policy.Policy
	memo map[types.Type]bool // carries, by type
}

// owner is the struct a field belongs to: its name for messages and
// context ("User", "User.Home" for a struct nested in a field, "req" for
// var req struct{...}), and the named type, if any, for policy sources.
type owner struct {
	name string
	obj  *types.TypeName
}

func run(pass *analysis.Pass, m *marks.Marks) {
	exportFacts(pass, m)
	c := &checker{pass: pass, m: m, pol: m.Policy, memo: make(map[types.Type]bool)}
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		// Generated code is regenerated: a tag added there is lost, and
		// the fix belongs in the generator's input. Test files hold
		// fixtures (tc := struct{ email string }) that never leave the test.
		if ast.IsGenerated(f) || strings.HasSuffix(name, "_test.go") {
			continue
		}
		owners := make(map[*ast.StructType]owner)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if st, ok := n.Type.(*ast.StructType); ok {
					tn, _ := pass.TypesInfo.Defs[n.Name].(*types.TypeName)
					owners[st] = owner{name: n.Name.Name, obj: tn}
				}
			case *ast.ValueSpec:
				if st := structOf(n.Type); st != nil && len(n.Names) == 1 {
					owners[st] = owner{name: n.Names[0].Name}
				}
			case *ast.StructType:
				c.structType(n, owners[n], owners)
			}
			return true
		})
	}
}

// exportFacts publishes this package's //privacy:data types.
func exportFacts(pass *analysis.Pass, m *marks.Marks) {
	tns := make([]*types.TypeName, 0, len(m.Types))
	for tn, cats := range m.Types {
		if tn.Pkg() == pass.Pkg && len(cats) > 0 {
			tns = append(tns, tn)
		}
	}
	sort.Slice(tns, func(i, j int) bool { return tns[i].Pos() < tns[j].Pos() })
	for _, tn := range tns {
		pass.ExportObjectFact(tn, &DataFact{Categories: m.Types[tn]})
	}
}

// structOf returns the anonymous struct a type expression spells, through
// pointers, slices, arrays and map values.
func structOf(e ast.Expr) *ast.StructType {
	for {
		switch t := e.(type) {
		case *ast.StructType:
			return t
		case *ast.StarExpr:
			e = t.X
		case *ast.ArrayType:
			e = t.Elt
		case *ast.MapType:
			e = t.Value
		case *ast.ParenExpr:
			e = t.X
		default:
			return nil
		}
	}
}

func (c *checker) structType(st *ast.StructType, o owner, owners map[*ast.StructType]owner) {
	oc := ownerContext(o.name)
	if oc&(ctxInfra|ctxOrg) == 0 && c.aboutPerson(st, oc) {
		oc |= ctxPerson
	}
	for _, fd := range st.Fields.List {
		if nested := structOf(fd.Type); nested != nil && len(fd.Names) > 0 {
			owners[nested] = owner{name: join(o.name, fd.Names[0].Name)}
		}
		c.field(o, oc, fd)
	}
}

// personal are the branches of the taxonomy whose tags show that a
// struct is about a person.
var personal = []string{"user.contact", "user.name", "user.demographic", "user.government_id", "user.account"}

// aboutPerson reports whether a struct's fields show that it describes a
// person, whatever its name (Row, Entry, T): a field tagged with, or
// unmistakably named for, a person's contact details, name or ids. Its
// bare Name, Address and City are then that person's. Personal data
// comes in clusters; a lone Name does not.
func (c *checker) aboutPerson(st *ast.StructType, oc ctx) bool {
	for _, fd := range st.Fields.List {
		var tag string
		if fd.Tag != nil {
			tag, _ = strconv.Unquote(fd.Tag.Value)
		}
		if cats, present, _, _ := annotations.ParseTag(tag); present {
			for _, cat := range cats {
				cat, _ = c.pol.Canonical(cat)
				for _, p := range personal {
					if policy.Covers(p, cat) {
						return true
					}
				}
			}
			continue
		}
		t := c.pass.TypesInfo.TypeOf(fd.Type)
		if t == nil {
			continue
		}
		k := kindOf(t)
		if k == 0 {
			continue
		}
		for _, id := range fd.Names {
			if g := c.guess(id.Name, tag, k, oc); g.rule != nil && g.rule.evidence {
				return true
			}
		}
	}
	return false
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// hit is one field name found to look like personal data.
type hit struct {
	name string
	pos  token.Pos
	cat  string
}

func (c *checker) field(o owner, oc ctx, fd *ast.Field) {
	var tag string
	if fd.Tag != nil {
		var err error
		if tag, err = strconv.Unquote(fd.Tag.Value); err != nil {
			return // the compiler reports it
		}
		// A privacy key, even a malformed one (annotcheck reports that),
		// or "-", means someone has decided.
		if _, present, _, perr := annotations.ParseTag(tag); present || perr != nil {
			return
		}
	}
	t := c.pass.TypesInfo.TypeOf(fd.Type)
	if t == nil {
		return
	}
	k := kindOf(t)
	if k == 0 || c.carries(t) {
		return
	}
	var hits []hit
	names := 0
	visit := func(name string, pos token.Pos) {
		names++
		if c.policySource(o, name) || c.m.Suppressed(pos, "PV701") {
			return
		}
		g := c.guess(name, tag, k, oc)
		if g.cat == "" {
			return
		}
		hits = append(hits, hit{name: name, pos: pos, cat: c.choose(g)})
	}
	if len(fd.Names) == 0 {
		visit(embeddedName(fd.Type), fd.Type.Pos())
	}
	for _, id := range fd.Names {
		if id.Name != "_" {
			visit(id.Name, id.Pos())
		}
	}
	for i, h := range hits {
		d := analysis.Diagnostic{
			Pos:      h.pos,
			Category: "PV701",
			URL:      report.URL("PV701"),
			Message: fmt.Sprintf(`field %s looks like personal data (%s) but has no privacy tag; tag it, or write privacy:"-" if it is not [PV701]`,
				join(o.name, h.name), h.cat),
		}
		// Several names share one tag (Email, Phone string): a fix can
		// only tag them all alike, so it is offered when they all agree.
		if i == 0 && len(hits) == names && sameCat(hits) {
			d.SuggestedFixes = []analysis.SuggestedFix{fix(fd, tag, h)}
		}
		c.pass.Report(d)
	}
}

func sameCat(hits []hit) bool {
	for _, h := range hits {
		if h.cat != hits[0].cat {
			return false
		}
	}
	return true
}

// guess classifies a field by its Go name and, when that says nothing of
// personal data, by the names its tags give it.
func (c *checker) guess(name, tag string, k kind, oc ctx) guess {
	g := classify(name, k, oc)
	if g.cat != "" || g.mentioned {
		return g
	}
	st := reflect.StructTag(tag)
	for _, key := range tagKeys {
		n := tagName(key, st.Get(key))
		if n == "" {
			continue
		}
		if g := classify(n, k, oc); g.cat != "" || g.mentioned {
			return g
		}
	}
	return guess{}
}

// tagName is the field name an encoding's tag value gives: json:"email,omitempty"
// is email, xml:"contact>email" is email, "-" is none.
func tagName(key, v string) string {
	v, _, _ = strings.Cut(v, ",")
	if key == "xml" {
		if i := strings.LastIndexByte(v, '>'); i >= 0 {
			v = v[i+1:]
		}
		if i := strings.IndexByte(v, ' '); i >= 0 { // "namespace-URL name"
			v = v[i+1:]
		}
	}
	if v == "-" {
		return ""
	}
	return v
}

// choose returns the category to suggest: a finer one the policy
// declares when the rule knows of one, else the built-in one.
func (c *checker) choose(g guess) string {
	if g.cat == g.rule.cat {
		for _, a := range g.rule.alt {
			if c.pol != nil && c.pol.Categories[a] != nil {
				return a
			}
		}
	}
	return g.cat
}

// policySource reports whether the policy's sources.fields marks the field.
func (c *checker) policySource(o owner, field string) bool {
	if o.obj == nil || o.obj.Pkg() == nil || c.pol == nil {
		return false
	}
	return len(c.pol.Sources.Fields[o.obj.Pkg().Path()+"."+o.obj.Name()+"."+field]) > 0
}

func embeddedName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.SelectorExpr:
			return t.Sel.Name
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return types.ExprString(e)
		}
	}
}

// fix adds privacy:"CAT" to the field's tag, keeping the tag's quoting,
// or gives the field a raw-string tag of its own.
func fix(fd *ast.Field, tag string, h hit) analysis.SuggestedFix {
	kv := `privacy:"` + h.cat + `"`
	var edit analysis.TextEdit
	if fd.Tag == nil {
		edit = analysis.TextEdit{Pos: fd.Type.End(), End: fd.Type.End(), NewText: []byte(" `" + kv + "`")}
	} else {
		s := strings.TrimRight(tag, " ")
		if s != "" {
			s += " "
		}
		s += kv
		lit := "`" + s + "`"
		if fd.Tag.Value[0] == '"' {
			lit = strconv.Quote(s)
		}
		edit = analysis.TextEdit{Pos: fd.Tag.Pos(), End: fd.Tag.End(), NewText: []byte(lit)}
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Tag %s as %s", h.name, h.cat),
		TextEdits: []analysis.TextEdit{edit},
	}
}

// kindOf says what a field's type can hold; 0 for types that are never
// personal data themselves (bool, func, chan, interfaces, structs: a
// struct's own fields are checked where it is declared).
func kindOf(t types.Type) kind {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return kindOf(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "net.IP", "net.IPAddr", "net/netip.Addr", "net/netip.AddrPort":
			return kIP
		case "net.HardwareAddr":
			return kMAC
		case "time.Time", "database/sql.NullTime":
			return kTime
		case "database/sql.NullString":
			return kText
		case "database/sql.NullInt64", "database/sql.NullInt32":
			return kInt
		case "database/sql.NullFloat64":
			return kFloat
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch info := u.Info(); {
		case info&types.IsString != 0:
			return kText
		case info&types.IsInteger != 0:
			return kInt
		case info&types.IsFloat != 0:
			return kFloat
		}
	case *types.Slice:
		if isByte(u.Elem()) {
			return kBytes
		}
		return kindOf(u.Elem())
	case *types.Array:
		if isByte(u.Elem()) {
			return kBytes
		}
		return kindOf(u.Elem())
	case *types.Map:
		return kindOf(u.Elem())
	}
	return 0
}

func isByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

// carries reports whether values of t already carry categories: a
// //privacy:data type (here or, by its fact, imported), a policy
// sources.types entry, or a struct with tagged fields (or sources.fields
// entries), directly or through embedding, pointers, slices, arrays and
// maps, as the flow engine sees them.
func (c *checker) carries(t types.Type) bool {
	t = types.Unalias(t)
	if v, ok := c.memo[t]; ok {
		return v
	}
	c.memo[t] = false // a recursive type: what it refers to decides
	v := c.carries1(t)
	c.memo[t] = v
	return v
}

func (c *checker) carries1(t types.Type) bool {
	switch t := t.(type) {
	case *types.Named:
		obj := t.Obj()
		if len(c.m.Types[obj]) > 0 || c.pass.ImportObjectFact(obj, new(DataFact)) {
			return true
		}
		if obj.Pkg() != nil && c.pol != nil && len(c.pol.Sources.Types[obj.Pkg().Path()+"."+obj.Name()]) > 0 {
			return true
		}
		if st, ok := t.Underlying().(*types.Struct); ok {
			return c.structCarries(st, obj)
		}
		return c.carries(t.Underlying())
	case *types.Pointer:
		return c.carries(t.Elem())
	case *types.Slice:
		return c.carries(t.Elem())
	case *types.Array:
		return c.carries(t.Elem())
	case *types.Map:
		return c.carries(t.Key()) || c.carries(t.Elem())
	case *types.Struct:
		return c.structCarries(t, nil)
	}
	return false
}

func (c *checker) structCarries(st *types.Struct, obj *types.TypeName) bool {
	for i := range st.NumFields() {
		f := st.Field(i)
		_, present, optOut, _ := annotations.ParseTag(st.Tag(i))
		if optOut {
			continue // declared not personal: neither is what it holds
		}
		if present {
			return true
		}
		if obj != nil && obj.Pkg() != nil && c.pol != nil &&
			len(c.pol.Sources.Fields[obj.Pkg().Path()+"."+obj.Name()+"."+f.Name()]) > 0 {
			return true
		}
		if c.carries(f.Type()) {
			return true
		}
	}
	return false
}
