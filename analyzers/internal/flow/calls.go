package flow

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/models"
)

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
	var obj *types.Func
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && callee != nil && strings.HasPrefix(callee.Synthetic, "bound method wrapper") {
		// A method value called directly: call the method itself, with
		// the bound receiver as its first argument.
		if m, ok := callee.Object().(*types.Func); ok {
			args = append(append([]ssa.Value(nil), mc.Bindings...), c.Args...)
			if real := st.e.prog.FuncValue(m); real != nil {
				callee = real
				c = &ssa.CallCommon{Value: real, Args: args}
			} else {
				// A method of a package the build did not create: its
				// object says all the engine needs.
				callee, obj = nil, m
			}
		}
	}
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
	} else if !ci.sanitizer && !ci.propagate && !ci.keep && ci.marshal == "" {
		switch {
		case ci.recvOnly, ci.impls != nil: // dispatch applies the implementations' fills
		case ci.known && !reflective(obj):
			st.applyFills(ci.sum, args)
		default:
			st.mayFill(args)
		}
	}
	switch {
	case ci.sanitizer:
		fill(res, c, st.sanitized(ci, args), isBool)
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
	case ci.keep:
		var kept taint
		for _, a := range args {
			if _, isFunc := a.Type().Underlying().(*types.Signature); !isFunc {
				kept = union(kept, st.eff(a))
			}
		}
		fill(res, c, withHop(kept, pos, ci.display), isBool)
	case ci.propagate:
		fill(res, c, withHop(st.dataArgs(ci, args, 0), pos, ci.display), isBool)
	case ci.known && ci.sum != nil:
		st.apply(ci, callee, obj, args, nparams, pos, res, instr)
	case ci.known:
		// Analysed and clean.
	case ci.impls != nil && c.IsInvoke():
		st.dispatch(ci, c, args, pos, res, instr)
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
		fill(res, c, st.sourceOf(ci, pos), isErrorOrBool)
	}
}

// sanitized is what a sanitizer's results carry of its arguments args.
func (st *state) sanitized(ci *callInfo, args []ssa.Value) taint {
	var all taint
	for _, a := range args {
		all = union(all, st.eff(a))
	}
	return st.e.in.sanitize(whole(all), ci.sanCats)
}

// sourceOf is the personal data a call of source ci at pos returns.
func (st *state) sourceOf(ci *callInfo, pos token.Pos) taint {
	origin := "func " + strings.TrimPrefix(ci.display, "func ")
	var src taint
	for _, cat := range ci.source {
		src.add(st.e.in.concrete(cat, "", origin, 0, &hop{pos: pos, what: ci.display + "()"}))
	}
	return src
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
					var verb rune
					if i < len(verbs) {
						verb = verbs[i]
					}
					switch {
					case verb == 'T' || verb == 'p':
					case wrapsOperand(ci.name, verb):
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
		case ci.sink != nil && ci.sink.Args != nil && !slices.Contains(ci.sink.Args, i):
		case wrapsArg(ci.name, i):
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

// unknown is the conservative default for a callee the engine knows
// nothing about (the standard library beyond its models, dynamic calls):
// data in the arguments reaches the results, and a mutating method's
// arguments reach its receiver. Nothing is reported: the destination is
// unknown.
func (st *state) unknown(c *ssa.CallCommon, obj *types.Func, args []ssa.Value, pos token.Pos, res []taint, ci *callInfo) {
	if ci.recvOnly {
		if c.IsInvoke() && len(args) > 0 {
			t := withHop(whole(render(st.methodPart(args[0], c.Method.Name(), c.Method.Pkg() == st.e.pass.Pkg), fmtText)), pos, ci.display)
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
	st.passOn(c, ci, all, pos, res)
	if obj != nil && obj.Signature().Recv() != nil && len(args) > 1 && mutator(obj.Name()) {
		var t taint
		for _, a := range args[1:] {
			t = union(t, st.eff(a))
		}
		st.storeInto(args[0], whole(withHop(t, pos, ci.display)))
	}
}

// passOn gives t, data that a call the engine cannot follow passes on,
// to the results that can carry it: not a bool, nor an error unless the
// callee's errors echo their arguments.
func (st *state) passOn(c *ssa.CallCommon, ci *callInfo, t taint, pos token.Pos, res []taint) {
	t = st.e.in.unbox(t)
	if len(t) == 0 {
		return
	}
	t = withHop(t, pos, ci.display)
	sig := c.Signature()
	for i := range res {
		rt := sig.Results().At(i).Type()
		if isBool(rt) || isError(rt) && !models.ErrorEchoes(ci.name) {
			continue
		}
		res[i] = union(res[i], t)
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
		purpose := cmp.Or(s.Purpose, st.purpose)
		st.hits = append(st.hits, hit{
			pos: pos, instr: mc, guarded: s.Guarded, dest: unresolved(s.Dest), expiry: s.Expiry, kind: s.Kind, sink: s.Sink, recipient: s.Recipient, purpose: purpose,
			labels: whole(bt), hop: "func literal", rest: s.Path,
		})
	}
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
