package flow

import (
	"cmp"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/models"
)

// sinkCall records data reaching a sink at this call.
func (st *state) sinkCall(ci *callInfo, args []ssa.Value, pos token.Pos, instr ssa.Instruction) {
	s := ci.sink
	if s.Writer >= 0 && (s.Writer >= len(args) || !st.isStdStream(args[s.Writer])) {
		return // writes into a buffer or file: handled as WriteInto
	}
	st.readAt = instr
	t := st.dataArgs(ci, args, s.From)
	st.readAt = nil
	if len(t) == 0 {
		return
	}
	purpose := cmp.Or(ci.purpose, st.purpose)
	h := hit{
		pos: pos, instr: instr, kind: string(s.Kind), sink: ci.display, recipient: ci.recipient, purpose: purpose,
		labels: whole(t), hop: ci.display, ignore: s.Ignore,
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
func (st *state) argTaint(args *argEffs, i int, src, san string, paramType types.Type) taint {
	if i >= len(args.args) {
		return nil
	}
	t := st.e.in.project(args.of(i), src)
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

// argEffs gives the taint of a call's arguments as a whole (eff), each
// computed once for all the summary entries that read it: a callee's
// summary often has several entries for one parameter, at different
// field paths. One argEffs serves reads made with one st.readAt.
type argEffs struct {
	st   *state
	args []ssa.Value
	effs []taint
	done []bool
}

func (a *argEffs) of(i int) taint {
	if a.done == nil {
		a.effs, a.done = make([]taint, len(a.args)), make([]bool, len(a.args))
	}
	if !a.done[i] {
		a.effs[i], a.done[i] = a.st.eff(a.args[i]), true
	}
	return a.effs[i]
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
		sent := argEffs{st: st, args: args} // read as the sink sees them
		for _, s := range sum.Sinks {
			if s.Param >= nparams {
				continue // free variables: reported where the closure is made
			}
			st.readAt = instr
			t := renderBits(whole(st.e.in.dropPaths(st.argTaint(&sent, s.Param, s.Src, s.San, paramType(callee, obj, s.Param)), s.Ignore)), s.Render)
			st.readAt = nil
			if len(t) == 0 {
				continue
			}
			purpose := cmp.Or(s.Purpose, st.purpose)
			h := hit{
				pos: pos, instr: instr, guarded: s.Guarded, kind: s.Kind, sink: s.Sink, recipient: s.Recipient, purpose: purpose,
				labels: t, hop: ci.display, rest: s.Path, dest: s.Dest, expiry: s.Expiry, ignore: s.Ignore,
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
	passed := argEffs{st: st, args: args}
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
		t := st.e.in.shift(renderBits(st.argTaint(&passed, f.Param, f.Src, f.San, nil), f.Render), f.At)
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
