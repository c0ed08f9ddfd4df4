package ttl

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/ssamem"
)

// Kind is what is known of an expiry.
type Kind int

// The kinds of expiry.
const (
	None    Kind = iota // no expiry is set
	Known               // a constant duration
	Unknown             // set, but not to a constant
	Session             // a browser-session cookie: MaxAge 0 and no Expires
	Delete              // the write deletes: MaxAge < 0, or Expires in the past
)

func (k Kind) String() string {
	switch k {
	case None:
		return "None"
	case Known:
		return "Known"
	case Unknown:
		return "Unknown"
	case Session:
		return "Session"
	case Delete:
		return "Delete"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Expiry is the expiry of a write.
type Expiry struct {
	Kind     Kind
	Duration time.Duration // when Known
	Why      string        // when Unknown: what could not be evaluated
}

// OfDuration evaluates a time.Duration value, or, when seconds is set, an
// integer number of seconds (a cookie's MaxAge). The result is Known,
// with any sign, or Unknown: what 0 or a negative value means (no
// expiry for go-redis, a session cookie) is the caller's to say. When
// the value is one of several constants, all positive, it is the
// longest of them.
func OfDuration(v ssa.Value, seconds bool) Expiry {
	return newWalker().num(v).duration(seconds)
}

// OfTime evaluates a time.Time used as an expiry, relative to now:
// time.Now().Add(d) is Known d (Delete when d <= 0), AddDate is Known
// with years of 365 days and months of 30, the zero time.Time is None, a
// constant date before 2000 is Delete, anything else Unknown.
func OfTime(v ssa.Value) Expiry {
	return newWalker().time(v)
}

// OfCookie evaluates the expiry of an *http.Cookie or http.Cookie built
// in the function: MaxAge > 0 is Known, < 0 Delete; MaxAge 0 defers to
// Expires (OfTime), and a cookie with neither is Session. MaxAge wins
// when both are set, as it does in browsers.
func OfCookie(v ssa.Value) Expiry {
	return newWalker().cookie(v)
}

// Bounds: maxAlts constants per value, maxDepth nesting, maxCalls
// function bodies deep, and maxSteps values looked at per question.
const (
	maxAlts  = 8
	maxDepth = 48
	maxCalls = 3
	maxSteps = 4000
)

type walker struct {
	depth   int
	steps   int
	calls   int
	onStack map[ssa.Value]bool
	inCall  map[*ssa.Function]bool
}

func newWalker() *walker {
	return &walker{onStack: make(map[ssa.Value]bool), inCall: make(map[*ssa.Function]bool)}
}

// enter marks v as being evaluated; it says why not on a cycle or when
// the evaluation is too deep.
func (w *walker) enter(v ssa.Value) (stop string) {
	switch {
	case w.depth > maxDepth:
		return "built too deep to follow"
	case w.steps > maxSteps:
		return "too complex to follow"
	case w.onStack[v]:
		return "changed in a loop"
	}
	w.onStack[v] = true
	w.depth++
	w.steps++
	return ""
}

func (w *walker) leave(v ssa.Value) { delete(w.onStack, v); w.depth-- }

// returns evaluates, with f, result i of the static callee of call when
// it is a function of the caller's package.
func returns[T any](w *walker, call *ssa.Call, i int, f func(ssa.Value) T) (out []T, ok bool) {
	fn := call.Call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || fn.Pkg == nil || call.Parent() == nil || fn.Pkg != call.Parent().Pkg ||
		w.inCall[fn] || w.calls >= maxCalls {
		return nil, false
	}
	w.inCall[fn] = true
	w.calls++
	defer func() { delete(w.inCall, fn); w.calls-- }()
	for _, b := range fn.Blocks {
		if ret, isRet := b.Instrs[len(b.Instrs)-1].(*ssa.Return); isRet && i < len(ret.Results) {
			out = append(out, f(ret.Results[i]))
		}
	}
	return out, len(out) > 0
}

// values is what is known of a number: its possible constant values, or
// why it is not constant.
type values struct {
	vals []constant.Value
	why  string
}

func unknown(why string) values { return values{why: why} }
func known(v constant.Value) values {
	return values{vals: []constant.Value{v}}
}

// join is the union of the alternatives of a value.
func join(vs ...values) values {
	var out values
	for _, v := range vs {
		if v.why != "" {
			return v
		}
		for _, x := range v.vals {
			if !slices.ContainsFunc(out.vals, func(y constant.Value) bool { return constant.Compare(x, token.EQL, y) }) {
				out.vals = append(out.vals, x)
			}
		}
	}
	if len(out.vals) > maxAlts {
		return unknown("one of many values")
	}
	return out
}

// apply combines every alternative of a with every one of b.
func apply(a, b values, f func(x, y constant.Value) (constant.Value, string)) values {
	if a.why != "" {
		return a
	}
	if b.why != "" {
		return b
	}
	var out []values
	for _, x := range a.vals {
		for _, y := range b.vals {
			r, why := f(x, y)
			if why != "" {
				return unknown(why)
			}
			out = append(out, known(r))
		}
	}
	return join(out...)
}

func (w *walker) num(v ssa.Value) values {
	if stop := w.enter(v); stop != "" {
		return unknown(stop)
	}
	defer w.leave(v)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return known(constant.MakeInt64(0))
		}
		if k := v.Value.Kind(); k == constant.Int || k == constant.Float {
			return known(v.Value)
		}
	case *ssa.BinOp:
		op := v.Op
		switch op {
		case token.ADD, token.SUB, token.MUL, token.REM:
		case token.QUO:
			if ssamem.IsInteger(v.Type()) {
				op = token.QUO_ASSIGN // integer division
			}
		default:
			return unknown("computed at run time")
		}
		return apply(w.num(v.X), w.num(v.Y), func(x, y constant.Value) (constant.Value, string) {
			return binop(x, op, y)
		})
	case *ssa.UnOp:
		switch v.Op {
		case token.SUB:
			return apply(w.num(v.X), known(constant.MakeInt64(0)), func(x, _ constant.Value) (constant.Value, string) {
				return constant.UnaryOp(token.SUB, x, 0), ""
			})
		case token.MUL:
			return loadVia(w, v.X, "", v, w.num, unknown, joinAll, known(constant.MakeInt64(0)))
		}
	case *ssa.Field:
		if p, name, ok := fieldOf(v); ok {
			return loadVia(w, p, name, v, w.num, unknown, joinAll, known(constant.MakeInt64(0)))
		}
	case *ssa.Convert:
		x := w.num(v.X)
		if x.why != "" {
			return x
		}
		return apply(x, known(constant.MakeInt64(0)), func(c, _ constant.Value) (constant.Value, string) {
			return convert(c, v.Type()), ""
		})
	case *ssa.ChangeType:
		return w.num(v.X)
	case *ssa.MakeInterface:
		return w.num(v.X)
	case *ssa.Phi:
		var vs []values
		for _, e := range v.Edges {
			vs = append(vs, w.num(e))
		}
		return join(vs...)
	case *ssa.FreeVar:
		if bs := ssamem.Bindings(v); len(bs) > 0 {
			var vs []values
			for _, b := range bs {
				vs = append(vs, w.num(b))
			}
			return join(vs...)
		}
	case *ssa.Call:
		if r, ok := w.numCall(v); ok {
			return r
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			if ssamem.CalleeName(&call.Call) == "time.ParseDuration" && v.Index == 0 {
				if c, ok := call.Call.Args[0].(*ssa.Const); ok && c.Value != nil {
					if d, err := time.ParseDuration(constant.StringVal(c.Value)); err == nil {
						return known(constant.MakeInt64(int64(d)))
					}
					return unknown("invalid duration")
				}
				return unknown("parsed " + ssamem.Origin(call.Call.Args[0]))
			}
			if vs, ok := returns(w, call, v.Index, w.num); ok {
				return join(vs...)
			}
		}
	}
	return unknown(ssamem.Origin(v))
}

func joinAll(vs []values) values { return join(vs...) }

// numCall evaluates the numeric result of a call.
func (w *walker) numCall(v *ssa.Call) (values, bool) {
	a := v.Call.Args
	div := func(unit float64) (values, bool) {
		return apply(w.num(a[0]), known(constant.MakeInt64(0)), func(x, _ constant.Value) (constant.Value, string) {
			f, _ := constant.Float64Val(constant.ToFloat(x))
			return constant.MakeFloat64(f / unit), ""
		}), true
	}
	switch ssamem.CalleeName(&v.Call) {
	case "(time.Duration).Seconds":
		return div(float64(time.Second))
	case "(time.Duration).Minutes":
		return div(float64(time.Minute))
	case "(time.Duration).Hours":
		return div(float64(time.Hour))
	case "(time.Duration).Milliseconds":
		return apply(w.num(a[0]), known(constant.MakeInt64(int64(time.Millisecond))), func(x, y constant.Value) (constant.Value, string) {
			return binop(x, token.QUO_ASSIGN, y)
		}), true
	case "(time.Duration).Round", "(time.Duration).Truncate", "(time.Duration).Abs":
		return w.num(a[0]), true
	case "time.Until":
		return fromExpiry(w.time(a[0])), true
	case "(time.Time).Sub":
		if w.isNow(a[1]) {
			return fromExpiry(w.time(a[0])), true
		}
	}
	if vs, ok := returns(w, v, 0, w.num); ok {
		return join(vs...), true
	}
	return values{}, false
}

// fromExpiry turns a Known expiry back into a duration.
func fromExpiry(e Expiry) values {
	switch e.Kind {
	case Known:
		return known(constant.MakeInt64(int64(e.Duration)))
	case Unknown:
		return unknown(e.Why)
	}
	return unknown("not a time relative to now")
}

// binop applies op to two constants; token.QUO_ASSIGN is integer
// division.
func binop(x constant.Value, op token.Token, y constant.Value) (constant.Value, string) {
	if op == token.QUO_ASSIGN || op == token.REM {
		x, y = constant.ToInt(x), constant.ToInt(y)
		if x.Kind() != constant.Int || y.Kind() != constant.Int {
			return nil, "computed at run time"
		}
	}
	if (op == token.QUO || op == token.QUO_ASSIGN || op == token.REM) && constant.Sign(y) == 0 {
		return nil, "division by zero"
	}
	return constant.BinaryOp(x, op, y), ""
}

// convert converts a constant to the numeric type t, truncating floats
// converted to integers as Go does.
func convert(c constant.Value, t types.Type) constant.Value {
	if ssamem.IsInteger(t) && c.Kind() == constant.Float {
		if f, _ := constant.Float64Val(c); math.Abs(f) < math.MaxInt64 {
			return constant.MakeInt64(int64(f))
		}
	}
	return c
}

// duration turns values into an expiry.
func (vs values) duration(seconds bool) Expiry {
	if vs.why != "" {
		return Expiry{Kind: Unknown, Why: vs.why}
	}
	var ds []time.Duration
	for _, v := range vs.vals {
		if seconds {
			v = constant.BinaryOp(v, token.MUL, constant.MakeInt64(int64(time.Second)))
		}
		f, _ := constant.Float64Val(constant.ToFloat(v))
		if math.Abs(f) > math.MaxInt64 {
			return Expiry{Kind: Unknown, Why: "out of range"}
		}
		ds = append(ds, time.Duration(f))
	}
	if len(ds) == 0 {
		return Expiry{Kind: Unknown, Why: "no value"}
	}
	slices.Sort(ds)
	if ds[0] == ds[len(ds)-1] || ds[0] > 0 {
		return Expiry{Kind: Known, Duration: ds[len(ds)-1]}
	}
	var s []string
	for _, d := range ds {
		s = append(s, d.String())
	}
	return Expiry{Kind: Unknown, Why: "one of several durations (" + strings.Join(s, ", ") + ")"}
}

// loadVia evaluates, with f, the value loaded from p (v is the load), or
// from field of the struct p points to when field is set: the values
// stored into a variable, or a field of a struct, that the function or
// its package allocates; zero when nothing is stored.
func loadVia[T any](w *walker, p ssa.Value, field string, v ssa.Value, f func(ssa.Value) T, unk func(string) T, all func([]T) T, zero T) T {
	var vals []ssa.Value
	switch q := p.(type) {
	case *ssa.FieldAddr:
		if field == "" {
			return loadVia(w, q.X, ssamem.FieldName(q), v, f, unk, all, zero)
		}
	case *ssa.FreeVar:
		if field == "" {
			var out []T
			for _, b := range ssamem.Bindings(q) {
				out = append(out, loadVia(w, b, "", v, f, unk, all, zero))
			}
			if len(out) > 0 {
				return all(out)
			}
		}
	}
	switch {
	case !ssamem.Tracked(p):
		return unk(ssamem.Origin(v))
	case field != "":
		var from ssa.Value
		var ok bool
		if vals, from, ok = ssamem.FieldStored(p, field, 0); !ok {
			return unk(ssamem.Origin(from))
		}
	default:
		var setBy string
		vals, setBy = ssamem.Stored(p)
		if _, global := p.(*ssa.Global); global && setBy != "" {
			return unk("set by " + setBy) // flag.DurationVar(&ttl, ...)
		}
	}
	if len(vals) == 0 {
		return zero
	}
	var out []T
	for _, x := range vals {
		out = append(out, f(x))
	}
	return all(out)
}

// fieldOf returns the pointer and field name of a field read from a
// struct value loaded from memory (x := *p; x.f).
func fieldOf(v *ssa.Field) (p ssa.Value, name string, ok bool) {
	ld, isLoad := v.X.(*ssa.UnOp)
	st, isStruct := v.X.Type().Underlying().(*types.Struct)
	if !isLoad || ld.Op != token.MUL || !isStruct || v.Field >= st.NumFields() {
		return nil, "", false
	}
	return ld.X, st.Field(v.Field).Name(), true
}
