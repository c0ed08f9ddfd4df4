package flow

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/privacyvet/privacyvet/annotations"
)

// Formats of whole-value serialisation: how a value is turned into text
// decides which of its fields go along and which methods may redact it.
const (
	fmtText = ""     // fmt, log: String, Error, Format, LogValue redact
	fmtJSON = "json" // encoding/json: json:"-" drops a field, MarshalJSON redacts
	fmtXML  = "xml"
	fmtRaw  = "raw" // every field, no redaction: what a method can see of its receiver
)

// typeCache memoises the labels a type carries as a whole (m), and the
// labels of named types met inside other types (named, see memoNamed).
type typeCache struct {
	m     *typeutil.Map
	named map[namedKey][]*namedLabels
	// trail lists the named types walked through since the outermost
	// memoNamed began; seenCuts counts the walks cut short by meeting a
	// type again on the way.
	trail     []*types.TypeName
	nest      int
	seenCuts  int
	depthCuts int
	mark      map[*types.TypeName]int // dedupes a trail: the stamp of the last one it is in
	stamp     int
}

type namedKey struct {
	t    *types.Named
	hide uint8
}

// namedLabels is a memoised walk below a named type at a depth: it holds
// at that depth, or, when no depth limit cut it, at that depth or less.
type namedLabels struct {
	labels  taint
	depth   int
	cut     bool              // a depth limit cut the walk
	visited []*types.TypeName // the named types the walk went through
}

func (m *namedLabels) holds(depth int, seen map[*types.TypeName]bool) bool {
	if depth != m.depth && (m.cut || depth > m.depth) {
		return false
	}
	for tn := range seen {
		if slices.Contains(m.visited, tn) {
			return false
		}
	}
	return true
}

// maxTypeDepth bounds the nesting of structs explored for tagged fields.
const maxTypeDepth = 5

// Bits of label.hide: the renderings under which a label does not show.
const (
	hideText uint8 = 1 << iota // fmt, log: a String, Error, Format, GoString or LogValue method hides it
	hideJSON                   // encoding/json: json:"-", unexported, or a MarshalJSON/MarshalText that hides it
	hideXML
)

var formatBit = map[string]uint8{fmtText: hideText, fmtJSON: hideJSON, fmtXML: hideXML}

// typeLabels returns the categories a value of type t carries as a whole:
// its tagged fields (through embedding, pointers, slices, maps and nested
// structs) and //privacy:data types, each placed at its field path and
// marked with the renderings that hide it (a String method that masks a
// card hides it from logs, not from json.Marshal).
func (e *engine) typeLabels(t types.Type, _ string) taint {
	if e.types.m == nil {
		e.types.m = new(typeutil.Map)
	}
	if v := e.types.m.At(t); v != nil {
		return v.(taint)
	}
	out := e.typeLabelsRec(t, 0, 0, make(map[*types.TypeName]bool))
	if out == nil {
		out = taint{}
	}
	e.types.m.Set(t, out)
	return out
}

func (e *engine) typeLabelsRec(t types.Type, hide uint8, depth int, seen map[*types.TypeName]bool) taint {
	if depth > maxTypeDepth {
		e.types.depthCuts++
		return nil
	}
	if hide == hideText|hideJSON|hideXML {
		return nil
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if seen[t.Obj()] {
			e.types.seenCuts++
			return nil
		}
		if e.deciding > 0 {
			// What is known of rendering methods is provisional while
			// a redaction is being decided: nothing is memoised.
			return e.namedLabels(t, hide, depth, seen)
		}
		return e.memoNamed(t, hide, depth, seen)
	case *types.Pointer:
		return e.typeLabelsRec(t.Elem(), hide, depth, seen)
	case *types.Slice:
		return e.typeLabelsRec(t.Elem(), hide, depth, seen)
	case *types.Array:
		return e.typeLabelsRec(t.Elem(), hide, depth, seen)
	case *types.Map:
		return union(e.in.shift(e.typeLabelsRec(t.Key(), hide, depth, seen), keyPath), e.typeLabelsRec(t.Elem(), hide, depth, seen))
	case *types.Struct:
		return e.structLabels(nil, t, hide, depth, seen)
	}
	return nil
}

// memoNamed is typeLabelsRec for a named type, memoised. The walk below
// a named type depends on the type, the hidings so far, the depth, and
// the types met on the way to it (seen), at which it stops. A walk that
// met none of those again is memoised with the types it went through,
// and holds wherever none of them is on the way, at the same depth, or
// at any lesser depth if no depth limit cut it.
func (e *engine) memoNamed(t *types.Named, hide uint8, depth int, seen map[*types.TypeName]bool) taint {
	c := &e.types
	k := namedKey{t, hide}
	for _, m := range c.named[k] {
		if m.holds(depth, seen) {
			if c.nest > 0 {
				c.trail = append(c.trail, m.visited...)
			}
			return slices.Clone(m.labels)
		}
	}
	start, seenCuts, depthCuts := len(c.trail), c.seenCuts, c.depthCuts
	c.trail = append(c.trail, t.Obj())
	c.nest++
	out := e.namedLabels(t, hide, depth, seen)
	c.nest--
	if c.seenCuts == seenCuts {
		if c.named == nil {
			c.named = make(map[namedKey][]*namedLabels)
			c.mark = make(map[*types.TypeName]int)
		}
		m := &namedLabels{labels: slices.Clone(out), depth: depth, cut: c.depthCuts != depthCuts}
		c.stamp++
		for _, tn := range c.trail[start:] {
			if c.mark[tn] != c.stamp {
				c.mark[tn] = c.stamp
				m.visited = append(m.visited, tn)
			}
		}
		c.named[k] = append(c.named[k], m)
	}
	if c.nest == 0 {
		c.trail = c.trail[:0]
	}
	return out
}

// namedLabels walks a named type not met before on the way.
func (e *engine) namedLabels(t *types.Named, hide uint8, depth int, seen map[*types.TypeName]bool) taint {
	obj := t.Obj()
	var out taint
	for _, f := range []string{fmtText, fmtJSON, fmtXML} {
		if e.redacts(t, f) {
			hide |= formatBit[f]
		}
	}
	for _, c := range e.dataCats(obj) {
		origin := "type " + obj.Name()
		out.add(e.in.concrete(c, "", origin, hide, &hop{pos: obj.Pos(), what: origin}))
	}
	seen[obj] = true
	defer delete(seen, obj)
	if st, ok := t.Underlying().(*types.Struct); ok {
		out.addAll(e.structLabels(obj, st, hide, depth, seen))
		return out
	}
	out.addAll(e.typeLabelsRec(t.Underlying(), hide, depth, seen))
	return out
}

func (e *engine) structLabels(owner *types.TypeName, st *types.Struct, hide uint8, depth int, seen map[*types.TypeName]bool) taint {
	var out taint
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		if v, ok := tag.Lookup("privacy"); ok && strings.TrimSpace(v) == "-" {
			continue // explicitly not personal data, nor anything inside it
		}
		h := hide
		if !f.Exported() {
			h |= hideJSON | hideXML // encoders skip unexported fields
		}
		if name, _, _ := strings.Cut(tag.Get("json"), ","); name == "-" {
			h |= hideJSON
		}
		if name, _, _ := strings.Cut(tag.Get("xml"), ","); name == "-" {
			h |= hideXML
		}
		origin := fieldName(owner, f)
		for _, c := range e.fieldCats(owner, st, i) {
			out.add(e.in.concrete(c, f.Name(), origin, h, &hop{pos: f.Pos(), what: origin}))
		}
		out.addAll(e.in.shift(e.typeLabelsRec(f.Type(), h, depth+1, seen), f.Name()))
	}
	return out
}

// render is what remains of t once a value is turned into text (fmt,
// logs, unknown functions) or serialised (json, xml): labels the
// rendering hides drop out, and the rest are plain data from then on.
func render(t taint, format string) taint {
	return renderBits(t, formatBit[format])
}

// renderBits is render for a set of renderings (bits of formatBit): a
// label survives if none hides it. A symbolic label remembers the first
// rendering its data goes through, for the caller to apply to what it
// passes; later ones render text already rendered, which hides nothing.
func renderBits(t taint, bits uint8) taint {
	if bits == 0 {
		return t
	}
	var out taint
	for _, l := range t {
		if l.hide&bits != 0 {
			continue
		}
		l.hide = 0
		if l.symbolic() && l.rendered == 0 {
			l.rendered = bits
		}
		out.add(l)
	}
	return out
}

func fieldName(owner *types.TypeName, f *types.Var) string {
	if owner == nil {
		return f.Name()
	}
	return owner.Name() + "." + f.Name()
}

// fieldCats returns the categories of field i of st: its privacy tag, or
// the policy's sources.fields entry for code that cannot be tagged.
func (e *engine) fieldCats(owner *types.TypeName, st *types.Struct, i int) []string {
	f := st.Field(i)
	if cats, ok := e.fields[f]; ok {
		return cats
	}
	var out []string
	tagCats, present, optOut, err := annotations.ParseTag(st.Tag(i))
	if err == nil && present && !optOut {
		for _, c := range tagCats {
			if cc, ok := e.pol.Canonical(c); ok {
				out = append(out, cc)
			}
		}
	}
	if owner != nil && owner.Pkg() != nil {
		key := owner.Pkg().Path() + "." + owner.Name() + "." + f.Name()
		out = append(out, e.pol.Sources.Fields[key]...)
	}
	e.fields[f] = out
	return out
}

// dataCats returns the categories of a //privacy:data type (from this
// package's marks or an imported TypeFact) or a policy sources.types entry.
func (e *engine) dataCats(tn *types.TypeName) []string {
	var out []string
	if cats, ok := e.marks.Types[tn]; ok {
		out = append(out, cats...)
	} else if tn.Pkg() != e.pass.Pkg {
		var fact TypeFact
		if e.pass.ImportObjectFact(tn, &fact) {
			out = append(out, fact.Categories...)
		}
	}
	if tn.Pkg() != nil {
		out = append(out, e.pol.Sources.Types[tn.Pkg().Path()+"."+tn.Name()]...)
	}
	return out
}

// fieldSource returns the labels produced by reading field i of struct st
// (owned by named type owner, possibly nil) at pos.
//
// via names the parameter field being read, when it is one (see
// labelKey.via).
func (e *engine) fieldSource(owner *types.TypeName, st *types.Struct, i int, pos token.Pos, via string) taint {
	cats := e.fieldCats(owner, st, i)
	if len(cats) == 0 {
		return nil
	}
	origin := fieldName(owner, st.Field(i))
	var out taint
	for _, c := range cats {
		out.add(e.in.concreteVia(c, "", via, origin, 0, &hop{pos: pos, what: origin}))
	}
	return out
}

type redactKey struct {
	obj    *types.TypeName
	format string
}

// redactMethods are the methods through which each format renders a
// value; if the type has one and it hides the personal fields, the
// value is clean when handed over whole.
var redactMethods = map[string][]string{
	fmtText: {"String", "Error", "Format", "LogValue", "GoString"},
	fmtJSON: {"MarshalJSON", "MarshalText"},
	fmtXML:  {"MarshalXML", "MarshalText"},
}

// redacts reports whether named type t renders without its personal data
// in format: it has a rendering method that is a sanitizer, or whose
// summary shows no personal field of the receiver reaching its result.
func (e *engine) redacts(t *types.Named, format string) bool {
	k := redactKey{t.Obj(), format}
	if v, ok := e.redact[k]; ok {
		return v
	}
	e.redact[k] = false // cycle guard: assume not while deciding
	e.deciding++
	defer func() { e.deciding-- }()
	v := false
	for _, name := range redactMethods[format] {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, t.Obj().Pkg(), name)
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		v = e.methodRedacts(t, fn)
		break
	}
	e.redact[k] = v
	return v
}

func (e *engine) methodRedacts(t *types.Named, fn *types.Func) bool {
	sum, known := e.summaryOf(fn)
	if !known {
		return false
	}
	if sum.Sanitizer {
		return true
	}
	if len(sum.Results) > 0 {
		return false
	}
	recvLabels := e.rawLabels(t)
	for _, f := range sum.Flows {
		if f.Param != 0 {
			continue
		}
		if len(e.in.sanitizeStr(e.in.project(recvLabels, f.Src), f.San)) > 0 {
			return false
		}
	}
	return true
}

// rawLabels is what a method sees of its receiver: every field, hidden
// or not.
func (e *engine) rawLabels(t types.Type) taint {
	var out taint
	for _, l := range e.typeLabelsRec(t, 0, 0, map[*types.TypeName]bool{}) {
		l.hide = 0
		out.add(l)
	}
	return out
}

func (in *interner) sanitizeStr(t taint, san string) taint {
	if san == "" {
		return t
	}
	return in.sanitize(t, strings.Split(san, ","))
}
