package guard

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// classify sorts the checks into ignored and propagated ones.
func (g *Guards) classify() {
	values := make([][]ssa.Value, len(g.checks))
	for _, b := range g.fn.Blocks {
		for _, instr := range b.Instrs {
			if v, ok := instr.(ssa.Value); ok {
				if i, ok := g.decision[v]; ok {
					values[i] = append(values[i], v)
				}
			}
		}
	}
	for i, c := range g.checks {
		decides, returns := uses(values[i])
		if returns {
			g.propagated = append(g.propagated, c)
		}
		if !decides && !returns {
			g.ignored = append(g.ignored, c)
		}
	}
}

// uses follows a check's result through negations, comparisons with
// constants, conversions, phi nodes and local variables, and reports
// whether it reaches a branch condition or a return.
func uses(start []ssa.Value) (decides, returns bool) {
	seen := make(map[ssa.Value]bool)
	work := append([]ssa.Value(nil), start...)
	push := func(v ssa.Value) {
		if !seen[v] {
			seen[v] = true
			work = append(work, v)
		}
	}
	for len(work) > 0 && !(decides && returns) {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.If:
				decides = true
			case *ssa.Return:
				returns = true
			case *ssa.UnOp:
				if r.Op == token.NOT {
					push(r)
				}
			case *ssa.BinOp:
				if (r.Op == token.EQL || r.Op == token.NEQ) && (isConst(r.X) || isConst(r.Y)) {
					push(r)
				}
			case *ssa.Phi:
				push(r)
			case *ssa.ChangeType:
				push(r)
			case *ssa.ChangeInterface:
				push(r)
			case *ssa.Store:
				if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v {
					forLoads(a, push, 0)
				}
			}
		}
	}
	return decides, returns
}

// resultIndex returns the index of the function's result that would
// make it a check of its own: its last bool result or, if it has none,
// its last error result; -1 if neither.
func (g *Guards) resultIndex() int {
	if k, ok := decisionIndex(g.fn.Signature, Bool); ok {
		return k
	}
	if k, ok := decisionIndex(g.fn.Signature, Error); ok {
		return k
	}
	return -1
}

// returns calls f for every reachable return, with what its result
// reporting success guarantees.
func (g *Guards) returns(f func(b *ssa.BasicBlock, r result)) {
	if g.wrapIdx < 0 {
		return
	}
	for _, b := range g.fn.Blocks {
		if g.in[b.Index] == nil || g.stops[b.Index] || len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || g.wrapIdx >= len(ret.Results) {
			continue
		}
		f(b, g.eval(ret.Results[g.wrapIdx], true, 0))
	}
}

// wrapper decides whether the function is a check of its own: on every
// return that can report success, what is guaranteed there plus what
// the returned value guarantees.
func (g *Guards) wrapper() {
	var acc set
	g.returns(func(b *ssa.BasicBlock, r result) {
		if r.dead {
			return // this return never reports success
		}
		out := g.in[b.Index].clone()
		out.or(r.facts)
		if acc == nil {
			acc = out
		} else {
			acc.and(out)
		}
	})
	if names := g.names(acc); len(names) > 0 {
		g.wrapShape = Bool
		if !isShape(g.fn.Signature.Results().At(g.wrapIdx).Type(), Bool) {
			g.wrapShape = Error
		}
		g.wrapPurposes = names
	}
}
