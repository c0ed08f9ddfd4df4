package flow

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/policy"
)

// callInfo is everything the engine knows of a callee.
type callInfo struct {
	name      string // types.Func.FullName, "" for anonymous functions
	display   string // short name for messages: "slog.Info", "User.String"
	sink      *models.Sink
	recipient string
	purpose   string // a policy sink entry's purpose
	sanitizer bool
	sanCats   []string
	source    []string
	marshal   string
	marshalAt int
	writeInto int
	propagate bool
	format    int // 1 + index of a printf format argument, 0 for none
	cleanErr  bool
	// sum is the callee's summary; known is false when the engine knows
	// nothing of the callee and must assume the conservative default.
	sum   *FuncFact
	known bool
	local bool // the callee is a function of this package: sum is e.sums[callee]
	// recvOnly: a method of another package's interface, whose package
	// was analysed: a dynamic call of it gets its receiver's part only.
	recvOnly bool
}

// funcObject returns the declared function of fn (its generic origin for
// instances), or nil for anonymous and synthetic functions.
func funcObject(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	switch {
	case fn.Synthetic == "", strings.HasPrefix(fn.Synthetic, "from type information"):
		return obj // declared in source, here or in another package
	}
	return nil // wrappers, thunks, range-over-func bodies
}

// displayName is a short, readable name: "slog.Info", "Logger.Printf".
func displayName(obj *types.Func) string {
	if obj == nil {
		return "func literal"
	}
	sig := obj.Signature()
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			pkg := ""
			if n.Obj().Pkg() != nil {
				pkg = n.Obj().Pkg().Name() + "."
			}
			return pkg + n.Obj().Name() + "." + obj.Name()
		}
		return obj.Name()
	}
	if obj.Pkg() != nil {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	return obj.Name()
}

// describe gathers models, directives, policy entries and the summary of
// a callee. fn is the static callee if any; obj its declared function
// (or the interface method of a dynamic call).
//
// The description of a callee is the same at every call and in every
// round, but for the summary of a function of this package, which grows
// while summaries converge: descriptions are cached, and that summary is
// read afresh. Callers must not modify the result.
func (e *engine) describe(fn *ssa.Function, obj *types.Func) *callInfo {
	k := descKey{fn, obj}
	if ci, ok := e.descs[k]; ok {
		if ci.local {
			ci.sum = e.sums[origin(fn)]
		}
		return ci
	}
	ci := e.describeOnce(fn, obj)
	e.descs[k] = ci
	return ci
}

type descKey struct {
	fn  *ssa.Function
	obj *types.Func
}

func (e *engine) describeOnce(fn *ssa.Function, obj *types.Func) *callInfo {
	ci := &callInfo{writeInto: -1, display: displayName(obj)}
	if obj == nil {
		if fn != nil && e.inPackage(fn) {
			ci.sum, ci.known, ci.local = e.sums[origin(fn)], true, true
			ci.display = fn.Name()
		}
		return ci
	}
	ci.name = obj.FullName()
	if m := models.Lookup(ci.name); m != nil {
		ci.sink = m.Sink
		ci.sanitizer, ci.sanCats = m.Sanitizer, m.SanitizeCats
		ci.marshal, ci.marshalAt = m.Marshal, m.MarshalArg
		ci.writeInto = m.WriteInto
		ci.propagate = m.Propagate
		ci.format = m.Format
	}
	if obj.Pkg() != nil && models.CleanErrors(obj.Pkg().Path()) {
		ci.cleanErr = true
	}
	if e.chainMethod(obj) || e.fieldConstructor(obj) {
		ci.propagate = true
	}
	// Policy entries for code the user cannot annotate.
	if s := e.polSinks[ci.name]; s != nil {
		ci.sink = &models.Sink{Kind: models.SinkKind(s.Kind), Writer: -1}
		ci.recipient = s.Recipient
		ci.purpose = s.Purpose
	}
	// A call into an SDK the policy names under a recipient's packages
	// sends its arguments to that recipient.
	if ci.sink == nil && obj.Pkg() != nil && obj.Pkg() != e.pass.Pkg {
		if r := e.pol.RecipientForPackage(obj.Pkg().Path()); r != nil && e.pol.RecipientForPackage(e.pass.Pkg.Path()) != r {
			ci.sink = &models.Sink{Kind: models.ThirdParty, Writer: -1}
			ci.recipient = r.Name
		}
	}
	if cats, ok := e.polSanitizers[ci.name]; ok {
		ci.sanitizer, ci.sanCats = true, cats
	}
	ci.source = append(ci.source, e.pol.Sources.Functions[ci.name]...)

	// Directives and summary.
	if mk := e.marks.Funcs[obj]; mk != nil {
		e.applyMarks(ci, mk.Source, mk.Sanitizer, mk.SanitizeCats, string(mk.Sink), mk.Recipient)
	}
	if fn != nil && e.inPackage(fn) {
		ci.sum, ci.known, ci.local = e.sums[origin(fn)], true, true
		ci.sink = withDurationParam(ci.sink, obj)
		return ci
	}
	if obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		ci.sink = withDurationParam(ci.sink, obj)
		return ci
	}
	if r := obj.Signature().Recv(); r != nil && types.IsInterface(r.Type()) && e.pass.ImportPackageFact(obj.Pkg(), new(PackageFact)) {
		// A method of another package's interface, which was analysed:
		// its implementations are not known here. A call of it is taken
		// as clean (a context, a logger, a registry's store passed along
		// is not its result), but for what an interface value made in
		// the program holds for the method (ifaces.go).
		ci.recvOnly = true
		return ci
	}
	var fact FuncFact
	if e.importFuncFact(obj, &fact) {
		e.applyMarks(ci, fact.Source, fact.Sanitizer, fact.SanitizeCats, fact.Sink, fact.Recipient)
		ci.sink = withDurationParam(ci.sink, obj)
		ci.sum, ci.known = &fact, true
	} else if e.pass.ImportPackageFact(obj.Pkg(), new(PackageFact)) {
		ci.known = true // analysed, and nothing to say: clean
	}
	return ci
}

func (e *engine) applyMarks(ci *callInfo, source []string, san bool, sanCats []string, sink, recipient string) {
	ci.source = append(ci.source, source...)
	if san {
		ci.sanitizer, ci.sanCats = true, sanCats
	}
	if sink != "" {
		ci.sink = &models.Sink{Kind: models.SinkKind(sink), Writer: -1}
		ci.recipient = recipient
	}
}

// withDurationParam gives a //privacy:sink store or cookie function that
// declares a time.Duration parameter that parameter as its expiry.
func withDurationParam(s *models.Sink, obj *types.Func) *models.Sink {
	if s == nil || s.Expiry > 0 || (s.Kind != models.Store && s.Kind != models.Cookie) {
		return s
	}
	sig := obj.Signature()
	off := 0
	if sig.Recv() != nil {
		off = 1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if n, ok := types.Unalias(sig.Params().At(i).Type()).(*types.Named); ok && n.Obj().Pkg() != nil &&
			n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration" {
			c := *s
			c.Expiry, c.ExpiryForm = i+off+1, "duration"
			return &c
		}
	}
	return s
}

func (e *engine) inPackage(fn *ssa.Function) bool {
	return origin(fn).Pkg == e.pkg
}

// origin is the generic function an instance was made from, or fn.
func origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// chainMethod: a builder-style logging method returning its own type.
func (e *engine) chainMethod(obj *types.Func) bool {
	recv := obj.Signature().Recv()
	if recv == nil {
		return false
	}
	rn := namedOf(recv.Type())
	if rn == "" || !models.Chain(rn) {
		return false
	}
	res := obj.Signature().Results()
	return res.Len() == 1 && namedOf(res.At(0).Type()) == rn
}

func (e *engine) fieldConstructor(obj *types.Func) bool {
	if obj.Signature().Recv() != nil {
		return false
	}
	res := obj.Signature().Results()
	return res.Len() == 1 && models.FieldConstructor(namedOf(res.At(0).Type()))
}

// namedOf returns "pkg/path.Name" for a named type or pointer to one.
func namedOf(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// call applies a call instruction: sinks, sanitizers, models, summaries,
// sources, and the conservative default for what is unknown.
func (st *state) call(instr ssa.CallInstruction, c *ssa.CallCommon, v *ssa.Call) {
	pos := c.Pos()
	if !pos.IsValid() {
		pos = instr.Pos()
	}
	args := c.Args
	if c.IsInvoke() {
		args = append([]ssa.Value{c.Value}, c.Args...)
	}
	nres := c.Signature().Results().Len()
	res := make([]taint, nres)
	defer func() {
		if v == nil {
			return
		}
		if nres == 1 {
			st.set(v, res[0])
		} else if nres > 1 {
			st.setTuple(v, res)
		}
	}()

	if b, ok := c.Value.(*ssa.Builtin); ok {
		st.builtin(b, args, res)
		return
	}
	callee := c.StaticCallee()
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && callee != nil && strings.HasPrefix(callee.Synthetic, "bound method wrapper") {
		// A method value called directly: call the method itself, with
		// the bound receiver as its first argument.
		if m, ok := callee.Object().(*types.Func); ok {
			if real := st.e.prog.FuncValue(m); real != nil {
				callee = real
				args = append(append([]ssa.Value(nil), mc.Bindings...), c.Args...)
				c = &ssa.CallCommon{Value: real, Args: args}
			}
		}
	}
	var obj *types.Func
	if callee != nil {
		obj = funcObject(callee)
	} else if c.IsInvoke() {
		obj = c.Method
	}
	if callee != nil && obj == nil && callee.Synthetic != "" && !st.e.inPackage(callee) {
		// A wrapper of another package's method: see through it.
		obj, _ = callee.Object().(*types.Func)
	}
	ci := st.e.describe(callee, obj)

	// Closures called directly see their bindings as extra parameters.
	nparams := len(args)
	if callee != nil {
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			args = append(append([]ssa.Value(nil), args...), mc.Bindings...)
		}
	}

	if ci.sink == nil && (ci.name == "(net/http.Header).Set" || ci.name == "(net/http.Header).Add") && len(args) == 3 {
		// w.Header().Set("Set-Cookie", v) sets a cookie by hand.
		if k, ok := constString(args[1]); ok && strings.EqualFold(k, "Set-Cookie") {
			c := *ci // descriptions are shared: copy before changing
			c.sink = &models.Sink{Kind: models.Cookie, From: 2, Writer: -1}
			ci = &c
		}
	}
	if ci.sink != nil {
		st.sinkCall(ci, args, pos, instr)
	} else if !ci.sanitizer && !ci.propagate && ci.marshal == "" {
		switch {
		case ci.recvOnly:
		case ci.known && !reflective(obj):
			st.applyFills(ci.sum, args)
		default:
			st.mayFill(args)
		}
	}
	switch {
	case ci.sanitizer:
		var all taint
		for _, a := range args {
			all = union(all, st.eff(a))
		}
		fill(res, c, st.e.in.sanitize(whole(all), ci.sanCats), isBool)
	case ci.marshal != "":
		if ci.marshalAt < len(args) {
			x := stripInterface(args[ci.marshalAt])
			t := st.e.in.unbox(whole(render(union(st.dyn(x), st.e.typeLabels(x.Type(), ci.marshal)), ci.marshal)))
			t = withHop(t, pos, ci.display)
			// The serialisation carries the data; the encoder's error
			// names types and at most an unencodable float or a cycle.
			fill(res, c, t, isErrorOrBool)
			if ci.writeInto >= 0 && ci.writeInto < len(args) {
				st.storeInto(args[ci.writeInto], t)
			}
		}
	case ci.propagate:
		fill(res, c, withHop(st.dataArgs(ci, args, 0), pos, ci.display), isBool)
	case ci.known && ci.sum != nil:
		st.apply(ci, callee, obj, args, nparams, pos, res, instr)
	case ci.known:
		// Analysed and clean.
	default:
		st.unknown(c, obj, args, pos, res, ci)
	}
	if ci.writeInto >= 0 && ci.marshal == "" && ci.writeInto < len(args) && (ci.sink == nil || ci.sink.Writer < 0 || !st.isStdStream(args[ci.sink.Writer])) {
		var t taint
		for i, a := range args {
			if i != ci.writeInto {
				t = union(t, st.eff(a))
			}
		}
		st.storeInto(args[ci.writeInto], whole(withHop(t, pos, ci.display)))
	}
	if len(ci.source) > 0 {
		origin := "func " + strings.TrimPrefix(ci.display, "func ")
		var src taint
		for _, cat := range ci.source {
			src.add(st.e.in.concrete(cat, "", origin, 0, &hop{pos: pos, what: ci.display + "()"}))
		}
		sig := c.Signature()
		for i := 0; i < nres; i++ {
			if !isErrorOrBool(sig.Results().At(i).Type()) {
				res[i] = union(res[i], src)
			}
		}
	}
}

// fill gives the taint t to every result of the call whose type skip
// does not rule out (isBool: a bool carries no data; isErrorOrBool: nor
// does the error, for callees whose errors are known clean).
func fill(res []taint, c *ssa.CallCommon, t taint, skip func(types.Type) bool) {
	sig := c.Signature()
	for i := range res {
		if !skip(sig.Results().At(i).Type()) {
			res[i] = union(res[i], t)
		}
	}
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isErrorOrBool(t types.Type) bool { return isBool(t) || isError(t) }

// dataArgs is the data that args[from:] carry, leaving out the operands
// of a constant printf format that are printed with %T or %p only.
func (st *state) dataArgs(ci *callInfo, args []ssa.Value, from int) taint {
	t, w := st.dataArgsSplit(ci, args, from)
	return union(t, w)
}

// dataArgsSplit is dataArgs in two parts: the data rendered into text,
// and the data of errors the result wraps (see wraps), which keep the
// error types that boxed them.
func (st *state) dataArgsSplit(ci *callInfo, args []ssa.Value, from int) (text, wrapped taint) {
	skip := -1 // index of the variadic operand slice, when handled here
	var t, w taint
	var drop []string
	if ci.sink != nil {
		drop = ci.sink.Ignore
	}
	eff := func(v ssa.Value) taint { return st.e.in.dropPaths(st.eff(v), drop) }
	if f := ci.format - 1; f >= 0 && f+1 < len(args) && f >= from {
		if format, ok := constString(args[f]); ok {
			if elems, ok := varargs(args[f+1]); ok {
				skip = f + 1
				verbs := formatVerbs(format)
				for i, v := range elems {
					switch {
					case i < len(verbs) && (verbs[i] == 'T' || verbs[i] == 'p'):
					case wraps(ci.name, 0, verbs, i):
						w = union(w, eff(v))
					default:
						t = union(t, eff(v))
					}
				}
			}
		}
	} else if elems, ok := joined(ci, args, from); ok {
		for _, v := range elems {
			w = union(w, eff(v))
		}
		skip = from
	}
	for i := from; i < len(args); i++ {
		switch {
		case i == skip:
		case wraps(ci.name, -1, nil, i):
			w = union(w, eff(args[i]))
		default:
			t = union(t, eff(args[i]))
		}
	}
	return st.e.in.unbox(whole(render(t, fmtText))), whole(render(w, fmtText))
}

// joined returns the operands of errors.Join(errs...), which its result
// wraps.
func joined(ci *callInfo, args []ssa.Value, from int) ([]ssa.Value, bool) {
	if ci.name != "errors.Join" || from != 0 || len(args) != 1 {
		return nil, false
	}
	return varargs(args[0])
}

func constString(v ssa.Value) (string, bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value), true
	}
	return "", false
}

// varargs recovers the operands of a variadic call from the SSA the
// compiler emits for it: a slice of a fresh array whose elements are
// stored one by one. It fails for a slice passed with "...".
func varargs(v ssa.Value) ([]ssa.Value, bool) {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return nil, true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	arr, ok := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	elems := make([]ssa.Value, arr.Len())
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, false
		}
		i, exact := constant.Int64Val(constant.ToInt(idx.Value))
		if !exact || i < 0 || int(i) >= len(elems) {
			return nil, false
		}
		for _, r := range *ia.Referrers() {
			if stv, ok := r.(*ssa.Store); ok && stv.Addr == ia {
				elems[i] = stv.Val
			}
		}
	}
	for _, e := range elems {
		if e == nil {
			return nil, false
		}
	}
	return elems, true
}

// formatVerbs returns the verb of each operand of a printf format, in
// operand order; explicit argument indexes ([n]) and * widths make it
// give up (nil: every operand counts).
func formatVerbs(format string) []rune {
	var verbs []rune
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.ContainsRune("+-# 0.123456789", rune(format[i])) {
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '%':
			continue
		case '[', '*':
			return nil
		}
		verbs = append(verbs, rune(format[i]))
	}
	return verbs
}

func (st *state) allArgs(args []ssa.Value) taint {
	var t taint
	for _, a := range args {
		t = union(t, st.eff(a))
	}
	return whole(render(t, fmtText))
}

func stripInterface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// isStdStream reports whether v is os.Stdout or os.Stderr.
func (st *state) isStdStream(v ssa.Value) bool {
	v = stripInterface(v)
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if g, ok := ld.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
			return g.Name() == "Stdout" || g.Name() == "Stderr"
		}
	}
	return false
}

// sinkCall records data reaching a sink at this call.
func (st *state) sinkCall(ci *callInfo, args []ssa.Value, pos token.Pos, instr ssa.Instruction) {
	s := ci.sink
	if s.Writer >= 0 && (s.Writer >= len(args) || !st.isStdStream(args[s.Writer])) {
		return // writes into a buffer or file: handled as WriteInto
	}
	t := st.dataArgs(ci, args, s.From)
	if len(t) == 0 {
		return
	}
	purpose := ci.purpose
	if purpose == "" {
		purpose = st.purpose
	}
	h := hit{
		pos: pos, instr: instr, kind: string(s.Kind), sink: ci.display, recipient: ci.recipient, purpose: purpose,
		labels: withHop(whole(t), pos, ci.display), ignore: s.Ignore,
	}
	if s.Kind == models.ThirdParty && len(s.Dest) > 0 {
		h.destName, h.destArgs = ci.name, args
	}
	if s.Expiry > 0 {
		if s.Expiry-1 < len(args) {
			h.ttlArg, h.ttlForm = args[s.Expiry-1], s.ExpiryForm
		} else {
			h.ttlForm = s.ExpiryForm // a write that could expire but says nothing
		}
	}
	st.hits = append(st.hits, h)
}

// argTaint is what the caller passes in parameter i at field path src,
// less the categories sanitized inside the callee. When known is set, the
// categories that the callee's own parameter type carries are dropped:
// the callee sees those itself and reports them where they sink.
func (st *state) argTaint(args []ssa.Value, i int, src, san string, paramType types.Type) taint {
	if i >= len(args) {
		return nil
	}
	t := st.e.in.project(st.eff(args[i]), src)
	t = st.e.in.sanitizeStr(t, san)
	if paramType != nil {
		known := st.e.in.project(render(st.e.typeLabels(paramType, fmtText), fmtText), src)
		if len(known) > 0 {
			var cats []string
			for _, k := range known {
				cats = append(cats, k.cat)
			}
			var out taint
			for _, l := range t {
				switch {
				case !l.symbolic() && hasCat(known, l.cat):
					continue
				case l.symbolic():
					// Whatever our caller passes, the callee reports
					// these itself: drop them when substituting, as if
					// they were sanitized.
					l = st.e.in.sanitize(taint{l}, cats)[0]
				}
				out.add(l)
			}
			t = out
		}
	}
	return t
}

func hasCat(t taint, cat string) bool {
	for _, l := range t {
		if !l.symbolic() && l.cat == cat {
			return true
		}
	}
	return false
}

// paramType returns the type of the callee's parameter i (receiver
// first; free variables of closures after the parameters).
func paramType(callee *ssa.Function, obj *types.Func, i int) types.Type {
	if callee != nil && callee.Blocks != nil {
		// A function with a body here (this package's): parameters,
		// then free variables. Functions of other packages have no
		// parameters in SSA; their signature says.
		if i < len(callee.Params) {
			return callee.Params[i].Type()
		}
		if j := i - len(callee.Params); j < len(callee.FreeVars) {
			return callee.FreeVars[j].Type()
		}
		return nil
	}
	if obj == nil {
		return nil
	}
	sig := obj.Signature()
	if sig.Recv() != nil {
		if i == 0 {
			return sig.Recv().Type()
		}
		i--
	}
	if i < sig.Params().Len() {
		return sig.Params().At(i).Type()
	}
	return nil
}

// apply substitutes the caller's arguments into a callee's summary.
func (st *state) apply(ci *callInfo, callee *ssa.Function, obj *types.Func, args []ssa.Value, nparams int, pos token.Pos, res []taint, instr ssa.Instruction) {
	sum := ci.sum
	for _, rq := range sum.Requires {
		rq.Path = append([]Step{{Pos: pos, What: ci.display}}, rq.Path...)
		rq.Calls++
		st.inherited = append(st.inherited, inheritedReq{Requirement: rq, instr: instr})
	}
	if ci.sink == nil { // a directive sink is reported as such, not through its body
		for _, s := range sum.Sinks {
			if s.Param >= nparams {
				continue // free variables: reported where the closure is made
			}
			t := renderBits(whole(st.e.in.dropPaths(st.argTaint(args, s.Param, s.Src, s.San, paramType(callee, obj, s.Param)), s.Ignore)), s.Render)
			if len(t) == 0 {
				continue
			}
			purpose := s.Purpose
			if purpose == "" {
				purpose = st.purpose
			}
			h := hit{
				pos: pos, instr: instr, guarded: s.Guarded, kind: s.Kind, sink: s.Sink, recipient: s.Recipient, purpose: purpose,
				labels: withHop(t, pos, ci.display), rest: s.Path, dest: s.Dest, expiry: s.Expiry, ignore: s.Ignore,
			}
			if s.Dest != nil && s.Dest.Param != nil {
				h.destArgs = args // the callee's destination is one of its parameters: what this call passes decides
			}
			st.hits = append(st.hits, h)
		}
	}
	var sig *types.Signature
	if callee != nil {
		sig = callee.Signature
	} else if obj != nil {
		sig = obj.Signature()
	}
	for _, f := range sum.Flows {
		if f.Src == "" && f.Param < len(args) && sig != nil && f.Result < sig.Results().Len() {
			// The result may alias what the argument points to
			// (reflect.ValueOf(p)): writes through it are writes
			// through our parameter.
			if rt := sig.Results().At(f.Result).Type(); !isError(rt) && holdsReference(rt) {
				st.escapes(args[f.Param])
			}
		}
		if f.Result >= len(res) || ci.cleanErr && sig != nil && f.Result < sig.Results().Len() && isError(sig.Results().At(f.Result).Type()) {
			continue
		}
		t := st.e.in.shift(renderBits(st.argTaint(args, f.Param, f.Src, f.San, nil), f.Render), f.At)
		t = st.e.in.substBox(t, f.Box)
		res[f.Result] = union(res[f.Result], withHop(t, pos, ci.display))
	}
	for _, r := range sum.Results {
		if r.Result >= len(res) {
			continue
		}
		var tr *hop
		for _, s := range r.Path {
			tr = &hop{pos: s.Pos, loc: s.Loc, what: s.What, prev: tr}
		}
		via, ok := st.viaArg(r.Via, args, nparams)
		if !ok {
			continue
		}
		tr = tr.push(pos, ci.display)
		l := st.e.in.concreteVia(r.Category, r.At, via, r.Origin, 0, tr)
		if r.Box != "" {
			l = st.e.in.with(l, func(k *labelKey) { k.box = r.Box })
		}
		res[r.Result] = union(res[r.Result], taint{l})
	}
}

// viaArg decides a result category that the callee read from its
// parameter's tagged field (see labelKey.via). It is dropped (ok false)
// when the argument is memory of this function's own with nothing
// written at that field: Update(ctx, id, Options{Name: &n}) cannot
// return the Email its options leave nil. When the argument is in turn
// read from a parameter of this function, the label names that one.
func (st *state) viaArg(via string, args []ssa.Value, nparams int) (string, bool) {
	if via == "" {
		return "", true
	}
	is, path, _ := strings.Cut(via, ":")
	i, err := strconv.Atoi(is)
	if err != nil || i >= nparams || i >= len(args) {
		return "", true
	}
	a := args[i]
	if localRoot(a) || loadsLocal(a) {
		return "", len(st.e.in.project(st.dyn(a), path)) > 0
	}
	if outer := st.paramField(a); outer != "" {
		return strings.TrimSuffix(joinPathVia(outer, path), "."), true
	}
	return "", true
}

// joinPathVia appends a field path to a "i:path" parameter field.
func joinPathVia(via, path string) string {
	i, p, _ := strings.Cut(via, ":")
	return i + ":" + joinPath(p, path)
}

// unknown is the conservative default for a callee the engine knows
// nothing about (the standard library beyond its models, dynamic calls):
// data in the arguments reaches the results, and a mutating method's
// arguments reach its receiver. Nothing is reported: the destination is
// unknown.
func (st *state) unknown(c *ssa.CallCommon, obj *types.Func, args []ssa.Value, pos token.Pos, res []taint, ci *callInfo) {
	if ci.recvOnly {
		if c.IsInvoke() && len(args) > 0 {
			t := withHop(whole(render(st.methodPart(args[0], c.Method.Name()), fmtText)), pos, ci.display)
			fill(res, c, st.e.in.unbox(t), isErrorOrBool)
		}
		return
	}
	var all taint
	switch {
	case c.IsInvoke() && len(args) > 0:
		// A dynamic call gets the method's part of its receiver.
		all = whole(render(union(st.invokeReceiver(args[0], c.Method.Name()), st.allArgs(args[1:])), fmtText))
	default:
		all = st.allArgs(args)
	}
	all = st.e.in.unbox(all)
	if len(all) == 0 {
		return
	}
	all = withHop(all, pos, ci.display)
	sig := c.Signature()
	for i := range res {
		rt := sig.Results().At(i).Type()
		if isBool(rt) || isError(rt) && !models.ErrorEchoes(ci.name) {
			continue
		}
		res[i] = union(res[i], all)
	}
	if obj != nil && obj.Signature().Recv() != nil && len(args) > 1 && mutator(obj.Name()) {
		var t taint
		for _, a := range args[1:] {
			t = union(t, st.eff(a))
		}
		st.storeInto(args[0], whole(withHop(t, pos, ci.display)))
	}
}

// mutator reports whether a method name says it stores its arguments in
// its receiver (Write, WriteString, Set, Add, Put, Append, Encode, ...).
func mutator(name string) bool {
	for _, p := range []string{"Write", "Set", "Add", "Put", "Append", "Encode", "Store", "Push", "Insert", "Print", "Reset"} {
		// A word of its own (Set, SetEmail, Printf, Println), not the
		// start of another (Settings, Addresses).
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || rest == "f" || rest == "ln" || !unicode.IsLower(rune(rest[0]))) {
			return true
		}
	}
	return false
}

func (st *state) builtin(b *ssa.Builtin, args []ssa.Value, res []taint) {
	switch b.Name() {
	case "append":
		var t taint
		for _, a := range args {
			t = union(t, st.dyn(a))
		}
		if len(res) > 0 {
			res[0] = union(res[0], t)
		}
		if len(args) > 0 {
			// Elements keep their field paths: slices are element-insensitive.
			st.storeInto(args[0], t)
		}
	case "copy":
		if len(args) == 2 {
			st.storeInto(args[0], st.dyn(args[1]))
		}
	case "len", "cap", "print", "println", "delete", "close", "clear", "panic", "recover":
	default: // min, max, complex, real, imag, ...
		var t taint
		for _, a := range args {
			t = union(t, st.t(a))
		}
		if len(res) > 0 {
			res[0] = union(res[0], t)
		}
	}
}

// makeClosure applies the sinks a closure's body reaches through its
// captured variables here, where the captures are known (the closure may
// be called from anywhere). The closure value itself carries no data: a
// function value is not printed or sent as its captures, and data leaves
// it only through calls, which apply its summary.
func (st *state) makeClosure(mc *ssa.MakeClosure) {
	anon, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	pos := mc.Pos()
	if !pos.IsValid() {
		pos = anon.Pos() // the func literal
	}
	if strings.HasPrefix(anon.Synthetic, "bound method wrapper") {
		// A method value (send = campaigns.SendNewsletter) is called
		// later, from where the engine cannot see: the method's need for
		// a consent check must be met where the value is taken.
		if m, ok := anon.Object().(*types.Func); ok {
			if sum, known := st.e.summaryOf(m); known && sum != nil {
				for _, rq := range sum.Requires {
					rq.Path = append([]Step{{Pos: pos, What: displayName(m)}}, rq.Path...)
					rq.Calls++
					st.inherited = append(st.inherited, inheritedReq{Requirement: rq, instr: mc})
				}
			}
		}
		return
	}
	sum := st.e.sums[anon]
	if sum == nil {
		return
	}
	// The closure's unguarded sends need a check where it is made when
	// it runs under the maker's control (a check before "go func() { ...
	// }()" guards the goroutine). A closure handed on (to a router, a
	// struct) runs later, where no check of the maker's holds: it is an
	// entry point of its own.
	for _, rq := range sum.Requires {
		if !invokedOnly(mc) {
			break
		}
		rq.Path = append([]Step{{Pos: pos, What: "func literal"}}, rq.Path...)
		rq.Calls++
		st.inherited = append(st.inherited, inheritedReq{Requirement: rq, instr: mc})
	}
	n := len(anon.Params)
	for _, f := range sum.Fills {
		// The closure may run anywhere: what it writes through a
		// captured variable is written here.
		if j := f.Param - n; j >= 0 && j < len(mc.Bindings) {
			st.fillArg(mc.Bindings[j], f.At)
		}
	}
	for _, s := range sum.Sinks {
		j := s.Param - n
		if j < 0 || j >= len(mc.Bindings) {
			continue
		}
		bt := st.e.in.project(union(st.t(mc.Bindings[j]), st.contents(mc.Bindings[j])), s.Src)
		bt = st.e.in.sanitizeStr(bt, s.San)
		if len(bt) == 0 {
			continue
		}
		purpose := s.Purpose
		if purpose == "" {
			purpose = st.purpose
		}
		st.hits = append(st.hits, hit{
			pos: pos, instr: mc, guarded: s.Guarded, dest: unresolved(s.Dest), expiry: s.Expiry, kind: s.Kind, sink: s.Sink, recipient: s.Recipient, purpose: purpose,
			labels: withHop(whole(bt), pos, "func literal"), rest: s.Path,
		})
	}
}

func kindOf(s string) models.SinkKind { return models.SinkKind(s) }

// polIndex indexes the policy's function lists by name.
func (e *engine) polIndex() {
	e.polConsent = make(map[string]string)
	for _, c := range e.pol.Consent {
		for _, f := range c.Functions {
			e.polConsent[f] = c.Purpose
		}
	}
	e.polSinks = make(map[string]*policy.SinkEntry)
	e.polSanitizers = make(map[string][]string)
	for _, s := range e.pol.Sinks {
		for _, f := range s.Functions {
			e.polSinks[f] = s
		}
	}
	for _, s := range e.pol.Sanitizers {
		for _, f := range s.Functions {
			e.polSanitizers[f] = s.Categories
		}
	}
}

// summaryOf returns the summary of a declared function and whether the
// engine knows it (in this package, or a fact of an analysed package).
func (e *engine) summaryOf(obj *types.Func) (*FuncFact, bool) {
	if obj.Pkg() == e.pass.Pkg {
		fn := e.prog.FuncValue(obj)
		if fn == nil {
			return nil, false
		}
		sum := e.sums[fn]
		if sum == nil {
			sum = new(FuncFact)
		}
		if mk := e.marks.Funcs[obj]; mk != nil && mk.Sanitizer {
			s := *sum
			s.Sanitizer = true
			sum = &s
		}
		return sum, e.sums[fn] != nil || (e.marks.Funcs[obj] != nil && e.marks.Funcs[obj].Sanitizer)
	}
	if obj.Pkg() == nil {
		return nil, false
	}
	var fact FuncFact
	if e.importFuncFact(obj, &fact) {
		return &fact, true
	}
	if e.pass.ImportPackageFact(obj.Pkg(), new(PackageFact)) {
		return new(FuncFact), true
	}
	return nil, false
}

// invokedOnly reports whether the closure mc makes is only called, by a
// call, go or defer statement of the function that makes it.
func invokedOnly(mc *ssa.MakeClosure) bool {
	for _, ref := range *mc.Referrers() {
		c, ok := ref.(ssa.CallInstruction)
		if !ok || c.Common().Value != mc {
			return false
		}
	}
	return true
}
