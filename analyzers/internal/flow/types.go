package flow

import (
	"go/token"
	"go/types"
	"reflect"
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

// typeCache memoises the labels a type carries as a whole.
type typeCache struct {
	m *typeutil.Map
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
	if depth > maxTypeDepth || hide == hideText|hideJSON|hideXML {
		return nil
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Obj()
		if seen[obj] {
			return nil
		}
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
	case *types.Pointer:
		return e.typeLabelsRec(t.Elem(), hide, depth, seen)
	case *types.Slice:
		return e.typeLabelsRec(t.Elem(), hide, depth, seen)
	case *types.Array:
		return e.typeLabelsRec(t.Elem(), hide, depth, seen)
	case *types.Map:
		return union(e.typeLabelsRec(t.Key(), hide, depth, seen), e.typeLabelsRec(t.Elem(), hide, depth, seen))
	case *types.Struct:
		return e.structLabels(nil, t, hide, depth, seen)
	}
	return nil
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
