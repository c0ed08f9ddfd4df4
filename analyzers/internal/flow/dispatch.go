package flow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Dynamic calls of the package's own interfaces.
//
// A dynamic call of a method of an interface that the package declares
// and its own types implement runs one of those methods (or one of an
// importer's, which the package cannot see). Taking the call as unknown,
// its arguments reaching its results whole, is wrong for the common
// shape of a provider interface:
//
//	opts = append(opts, p.AuthCodeURLOptions(flow)...) // reads flow.Forced only
//
// So the call's arguments are substituted into each implementation's
// summary, as for a static call of it, and the results are their union.
// The receiver is the interface value, not any one implementation's
// concrete value: what it passes on is the method's part of the value
// (ifaces.go), as for any dynamic call, and the implementations' entries
// for their receiver are left out. Importers' implementations are
// assumed to do as the package's do, the same assumption made for other
// packages' interfaces, whose implementations are not seen at all.
//
// An implementation that is a sink (a directive or the policy's) makes
// the call a send; one that is a source, a source of its categories; one
// that is a sanitizer returns its arguments without the categories it
// removes. A builder's chain method or another modelled method among
// them makes the call unknown, as before.

// maxImpls bounds the implementations substituted at one call; past it
// the call is taken as unknown.
const maxImpls = 64

// localImpls returns the package's methods implementing the interface
// method obj, or nil when obj is not a method of the package's own
// interface, none implements it, or one cannot be followed (promoted
// from another package's type, or of a generic type).
func (e *engine) localImpls(obj *types.Func) []*ssa.Function {
	r := obj.Signature().Recv()
	if r == nil || obj.Pkg() != e.pass.Pkg || !types.IsInterface(r.Type()) {
		return nil
	}
	if fns, ok := e.methods[obj]; ok {
		return fns
	}
	fns := e.findImpls(obj, r.Type())
	if e.methods == nil {
		e.methods = make(map[*types.Func][]*ssa.Function)
	}
	e.methods[obj] = fns
	return fns
}

func (e *engine) findImpls(obj *types.Func, iface types.Type) []*ssa.Function {
	it, _ := iface.Underlying().(*types.Interface)
	if it == nil {
		return nil
	}
	var fns []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	for _, im := range e.implementers(iface, it) {
		if im.generic {
			return nil // instances are not followed
		}
		m, _, _ := types.LookupFieldOrMethod(im.recv, false, obj.Pkg(), obj.Name())
		f, ok := m.(*types.Func)
		if !ok || f.Pkg() != e.pass.Pkg {
			return nil // promoted from another package's type
		}
		fn := e.prog.FuncValue(f)
		if fn == nil || len(fn.Blocks) == 0 {
			return nil
		}
		if !seen[fn] {
			seen[fn] = true
			fns = append(fns, fn)
		}
		if len(fns) > maxImpls {
			e.bound("implementations of " + obj.FullName())
			return nil
		}
	}
	return fns
}

// dispatch is a dynamic call of a method of the package's own interface
// with implementations ci.impls (args[0] is the interface value).
func (st *state) dispatch(ci *callInfo, c *ssa.CallCommon, args []ssa.Value, pos token.Pos, res []taint, instr ssa.Instruction) {
	if !ci.implsChecked {
		ci.implsChecked = true
		for _, fn := range ci.impls {
			if ii := st.e.describe(fn, funcObject(fn)); ii.propagate || ii.keep || ii.marshal != "" {
				ci.implsModelled = true
			}
		}
	}
	if ci.implsModelled {
		// A modelled method among the implementations (a builder's
		// chain method): what the call returns is not a union of
		// summaries.
		st.mayFill(args)
		st.unknown(c, c.Method, args, pos, res, ci)
		return
	}
	for _, fn := range ci.impls {
		ii := st.e.describe(fn, funcObject(fn)) // cached; its summary as it stands
		if ii.sink != nil {
			// A directive or policy sink: the call may be that send.
			st.sinkCall(ii, args, pos, instr)
		}
		if len(ii.source) > 0 {
			fill(res, c, st.sourceOf(ii, pos), isErrorOrBool)
		}
		if ii.sanitizer {
			// The receiver is not a sanitizer's data.
			fill(res, c, st.sanitized(ii, args[1:]), isBool)
			continue
		}
		if ii.sum == nil {
			continue // clean, or not analysed yet: its callers are analysed again when it is
		}
		if ii.recvFree == nil || ii.recvFreeOf != ii.sum {
			ii.recvFree, ii.recvFreeOf = withoutReceiver(ii.sum), ii.sum
		}
		sub := *ii
		sub.sum = ii.recvFree
		sub.display = ci.display
		st.applyFills(sub.sum, args)
		st.apply(&sub, fn, funcObject(fn), args, len(args), pos, res, instr)
	}
	if len(args) > 0 {
		st.passOn(c, ci, whole(render(st.invokeReceiver(args[0], c.Method.Name()), fmtText)), pos, res)
	}
}

// withoutReceiver is sum without what it says of parameter 0, the
// implementation's receiver.
func withoutReceiver(sum *FuncFact) *FuncFact {
	out := *sum
	out.Sinks, out.Flows, out.Results, out.Fills = nil, nil, nil, nil
	for _, x := range sum.Sinks {
		if x.Param != 0 {
			out.Sinks = append(out.Sinks, x)
		}
	}
	for _, x := range sum.Flows {
		if x.Param != 0 {
			out.Flows = append(out.Flows, x)
		}
	}
	for _, x := range sum.Results {
		if !viaReceiver(x.Via) {
			out.Results = append(out.Results, x)
		}
	}
	for _, x := range sum.Fills {
		if x.Param != 0 {
			out.Fills = append(out.Fills, x)
		}
	}
	return &out
}

// viaReceiver reports whether a result category's Via names parameter 0.
func viaReceiver(via string) bool {
	return via == "0" || len(via) > 1 && via[0] == '0' && via[1] == ':'
}
