package dest

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/ssamem"
)

// A str is what is known of a string: constant text and holes, the
// parts computed at run time.
type str []part

type part struct {
	text string
	hole bool
	num  bool   // a hole that holds only digits (an integer)
	why  string // for a hole: where its value comes from
	// loop, for a hole, is the phi being evaluated whose own value the
	// hole stands for: a string that starts with it extends that phi.
	loop ssa.Value
	// server, for a hole: the URL of a net/http/httptest server of
	// this process ("http://127.0.0.1:port").
	server bool
	// param, for a hole: 1 + the index of the parameter of the sending
	// function that gives the value, read as form ("url": a string or
	// URL; "request": an *http.Request), for a caller to fill in.
	param int
	form  string
}

func lit(s string) str {
	if s == "" {
		return nil
	}
	return str{{text: s}}
}
func hole(why string) str      { return str{{hole: true, why: why}} }
func one(s str) []str          { return []str{s} }
func holes(why string) []str   { return one(hole(why)) }
func numHole(why string) []str { return one(str{{hole: true, num: true, why: why}}) }

// cat appends t to s, joining adjacent text.
func (s str) cat(t str) str {
	out := append(str(nil), s...)
	for _, p := range t {
		if !p.hole && p.text == "" {
			continue
		}
		if n := len(out); n > 0 && !p.hole && !out[n-1].hole {
			out[n-1].text += p.text
			continue
		}
		out = append(out, p)
	}
	return out
}

// prefix is the constant text before the first hole.
func (s str) prefix() string {
	if len(s) > 0 && !s[0].hole {
		return s[0].text
	}
	return ""
}

// constant returns the text of s when it has no holes.
func (s str) constant() (string, bool) {
	switch {
	case len(s) == 0:
		return "", true
	case len(s) == 1 && !s[0].hole:
		return s[0].text, true
	}
	return "", false
}

func (s str) equal(t str) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// Bounds: a value has at most maxAlts alternatives (more are one
// unknown value), nesting is followed maxDepth deep, function bodies
// maxCalls deep, and one question looks at maxSteps values at most.
const (
	maxAlts  = 8
	maxDepth = 48
	maxCalls = 3
	maxSteps = 4000
)

// product is every a followed by every b.
func product(a, b []str) []str {
	if len(a)*len(b) > maxAlts {
		return holes("one of many values")
	}
	var out []str
	for _, x := range a {
		for _, y := range b {
			out = addAlt(out, x.cat(y))
		}
	}
	return out
}

func addAlt(alts []str, s str) []str {
	for _, a := range alts {
		if a.equal(s) {
			return alts
		}
	}
	return append(alts, s)
}

func union(alts ...[]str) []str {
	var out []str
	for _, a := range alts {
		for _, s := range a {
			out = addAlt(out, s)
		}
	}
	if len(out) > maxAlts {
		return holes("one of many values")
	}
	return out
}

// walker evaluates values; it guards against cycles through phis,
// variables and recursive functions.
type walker struct {
	depth   int
	steps   int
	calls   int
	onStack map[ssa.Value]bool
	inCall  map[*ssa.Function]bool
	// pkg is the package of the calling function, whose changes to
	// http.DefaultTransport count; inDefaults guards their evaluation.
	pkg        *ssa.Package
	inDefaults bool
	// root is the sending function, whose parameters a caller can fill
	// in (Substitute); nil when not known.
	root *ssa.Function
}

func newWalker() *walker {
	return &walker{onStack: make(map[ssa.Value]bool), inCall: make(map[*ssa.Function]bool)}
}

// enter marks v as being evaluated; it returns false on a cycle.
func (w *walker) enter(v ssa.Value) bool {
	if w.onStack[v] {
		return false
	}
	w.onStack[v] = true
	return true
}

func (w *walker) leave(v ssa.Value) { delete(w.onStack, v) }

// descend counts one more level of nesting and one more step; it says
// why not when a bound is reached. ascend undoes the nesting.
func (w *walker) descend() (stop string) {
	switch {
	case w.depth > maxDepth:
		return "built too deep to follow"
	case w.steps > maxSteps:
		return "too complex to follow"
	}
	w.depth++
	w.steps++
	return ""
}

func (w *walker) ascend() { w.depth-- }

// returns evaluates, with f, result i of the static callee of call when
// it is a function of the caller's package. ok is false when it is not.
func returns[T any](w *walker, call *ssa.Call, i int, f func(ssa.Value) []T) (out []T, ok bool) {
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
			out = append(out, f(ret.Results[i])...)
		}
	}
	return out, len(out) > 0
}

// str evaluates a string value (or an integer, a *url.URL, or an
// interface holding one, as printed by fmt).
func (w *walker) str(v ssa.Value) []str {
	if stop := w.descend(); stop != "" {
		return holes(stop)
	}
	defer w.ascend()
	if isURL(v.Type()) {
		return w.url(v)
	}
	switch v := v.(type) {
	case *ssa.Const:
		switch {
		case v.Value == nil:
			return one(lit(""))
		case v.Value.Kind() == constant.String:
			return one(lit(constant.StringVal(v.Value)))
		case v.Value.Kind() == constant.Int:
			return one(lit(v.Value.ExactString()))
		}
	case *ssa.BinOp:
		if v.Op == token.ADD && isString(v.Type()) {
			return product(w.str(v.X), w.str(v.Y))
		}
	case *ssa.Phi:
		return w.phi(v, w.str)
	case *ssa.ChangeType:
		return w.str(v.X)
	case *ssa.MakeInterface:
		return w.str(v.X)
	case *ssa.ChangeInterface:
		return w.str(v.X)
	case *ssa.TypeAssert:
		if !v.CommaOk {
			return w.str(v.X)
		}
	case *ssa.Convert:
		if isString(v.X.Type()) {
			return w.str(v.X)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return w.load(v.X, v, w.str)
		}
	case *ssa.Call:
		if s, ok := w.call(v); ok {
			return s
		}
	case *ssa.Extract:
		if s, ok := w.extract(v); ok {
			return s
		}
	case *ssa.FreeVar:
		if bs := ssamem.Bindings(v); len(bs) > 0 {
			var alts [][]str
			for _, b := range bs {
				alts = append(alts, w.str(b))
			}
			return union(alts...)
		}
	case *ssa.Field:
		if ld, ok := v.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
			return w.field(ld.X, v.Field, v, w.str)
		}
	case *ssa.Parameter:
		if s, ok := w.param(v, "url"); ok {
			return s
		}
	}
	if ssamem.IsInteger(v.Type()) {
		return numHole(ssamem.Origin(v))
	}
	return holes(ssamem.Origin(v))
}

// phi evaluates, with f, a phi node.
func (w *walker) phi(v *ssa.Phi, f func(ssa.Value) []str) []str {
	if !w.enter(v) {
		return one(str{{hole: true, why: "changed in a loop", loop: v}})
	}
	defer w.leave(v)
	var all [][]str
	for _, e := range v.Edges {
		all = append(all, f(e))
	}
	return extend(v, all)
}

// extend combines the values of a phi or variable v. A value that
// extends v's own value around a loop (s += "&k=" + x) is v's other
// values followed by what the loop appends.
func extend(v ssa.Value, all [][]str) []str {
	var plain []str
	extended := false
	for _, s := range union(all...) {
		if len(s) > 0 && s[0].loop == v {
			extended = true
			continue
		}
		plain = addAlt(plain, s)
	}
	if !extended {
		return plain
	}
	if len(plain) == 0 {
		return holes("changed in a loop")
	}
	return union(plain, product(plain, holes("appended in a loop")))
}

// load evaluates, with f, the value loaded from p; v is the load.
func (w *walker) load(p, v ssa.Value, f func(ssa.Value) []str) []str {
	switch p := p.(type) {
	case *ssa.Alloc, *ssa.Global:
		if !ssamem.Tracked(p) {
			return holes(ssamem.Origin(v))
		}
		if !w.enter(p) {
			return one(str{{hole: true, why: "changed in a loop", loop: p}})
		}
		defer w.leave(p)
		vals, setBy := ssamem.Stored(p)
		_, global := p.(*ssa.Global)
		var alts [][]str
		if setBy != "" && (global || len(vals) == 0) {
			alts = append(alts, holes("set by "+setBy))
		}
		for _, x := range vals {
			alts = append(alts, f(x))
		}
		if len(alts) == 0 {
			return one(lit("")) // the zero value
		}
		return extend(p, alts)
	case *ssa.FieldAddr:
		return w.field(p.X, p.Field, v, f)
	case *ssa.FreeVar:
		var alts [][]str
		for _, b := range ssamem.Bindings(p) {
			alts = append(alts, w.load(b, v, f))
		}
		if len(alts) > 0 {
			return union(alts...)
		}
	}
	return holes(ssamem.Origin(v))
}

// field evaluates, with f, field i of the struct p points to; v is the
// value read.
func (w *walker) field(p ssa.Value, i int, v ssa.Value, f func(ssa.Value) []str) []str {
	st, ok := ssamem.Deref(p.Type()).Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return holes(ssamem.Origin(v))
	}
	if st.Field(i).Name() == "URL" && ssamem.IsNamed(p.Type(), "net/http/httptest", "Server") {
		return testServerURL()
	}
	if !w.enter(p) {
		return holes(ssamem.Origin(v))
	}
	defer w.leave(p)
	vals, _, ok := ssamem.FieldStored(p, st.Field(i).Name(), 0)
	if !ok {
		return holes("from field " + ssamem.FieldDisplay(p.Type(), i))
	}
	if len(vals) == 0 {
		if _, setBy := ssamem.Stored(p); setBy != "" {
			return holes("set by " + setBy)
		}
		return one(lit(""))
	}
	var alts [][]str
	for _, x := range vals {
		alts = append(alts, f(x))
	}
	return union(alts...)
}

// call evaluates the string result of a call.
func (w *walker) call(v *ssa.Call) ([]str, bool) {
	a := ssamem.Args(&v.Call)
	switch ssamem.CalleeName(&v.Call) {
	case "fmt.Sprintf":
		return w.sprintf(a[0], a[1]), true
	case "(*net/url.URL).String", "(*net/url.URL).Redacted":
		return w.url(a[0]), true
	case "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint":
		if c, ok := a[0].(*ssa.Const); ok && (len(a) == 1 || isConst(a[1], 10)) {
			return one(lit(c.Value.ExactString())), true
		}
		return numHole(ssamem.Origin(a[0])), true
	}
	return returns(w, v, 0, w.str)
}

// extract evaluates a string result of a call with several results.
func (w *walker) extract(v *ssa.Extract) ([]str, bool) {
	call, ok := v.Tuple.(*ssa.Call)
	if !ok {
		return nil, false
	}
	if v.Index == 0 && ssamem.CalleeName(&call.Call) == "net/url.JoinPath" {
		return joinPath(w.str(call.Call.Args[0])), true
	}
	return returns(w, call, v.Index, w.str)
}

// joinPath is a URL with path elements appended at run time.
func joinPath(base []str) []str {
	var out []str
	for _, s := range base {
		if n := len(s); n > 0 && !s[n-1].hole && !strings.HasSuffix(s[n-1].text, "/") {
			s = s.cat(lit("/"))
		}
		out = addAlt(out, s.cat(hole("path elements")))
	}
	return out
}

// sprintf evaluates fmt.Sprintf(format, operands...).
func (w *walker) sprintf(format, operands ssa.Value) []str {
	fs := w.str(format)
	if len(fs) != 1 {
		return holes("format built at run time")
	}
	f, ok := fs[0].constant()
	if !ok {
		return holes("format built at run time")
	}
	ops, opsOK := varargs(operands)
	alts := one(nil)
	text := func(s string) { alts = product(alts, one(lit(s))) }
	next := 0
	for i := 0; i < len(f); i++ {
		j := strings.IndexByte(f[i:], '%')
		if j < 0 {
			text(f[i:])
			break
		}
		text(f[i : i+j])
		i += j + 1
		for i < len(f) && strings.IndexByte("+-# 0123456789.", f[i]) >= 0 {
			i++
		}
		if i >= len(f) {
			break
		}
		verb := f[i]
		switch {
		case verb == '%':
			text("%")
			continue
		case verb == '*' || verb == '[' || !opsOK:
			return product(alts, holes("formatted at run time"))
		case next >= len(ops):
			return product(alts, holes("missing operand"))
		}
		op := ops[next]
		next++
		switch verb {
		case 's', 'v', 'd':
			alts = product(alts, w.str(op))
		default:
			alts = product(alts, holes(ssamem.Origin(op)))
		}
	}
	return alts
}

// varargs returns the operands of a variadic call built by the
// compiler (a slice of an array stored element by element).
func varargs(v ssa.Value) ([]ssa.Value, bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value == nil {
		return nil, true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	at, ok := ssamem.Deref(arr.Type()).Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	out := make([]ssa.Value, at.Len())
	for _, in := range *arr.Referrers() {
		ia, ok := in.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, false
		}
		k, exact := constant.Int64Val(c.Value)
		if !exact || k < 0 || k >= int64(len(out)) {
			return nil, false
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				out[k] = st.Val
			}
		}
	}
	for _, o := range out {
		if o == nil {
			return nil, false
		}
	}
	return out, true
}

func isConst(v ssa.Value, n int64) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	k, exact := constant.Int64Val(c.Value)
	return exact && k == n
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func isURL(t types.Type) bool { return ssamem.IsNamed(t, "net/url", "URL") }
