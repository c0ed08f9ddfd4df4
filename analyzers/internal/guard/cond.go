package guard

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// maxDepth bounds the walk through a condition's operands.
const maxDepth = 32

// phiKey is a phi node and the outcome asked of it.
type phiKey struct {
	phi  *ssa.Phi
	want bool
}

// result is what producing a value with a given outcome guarantees.
type result struct {
	facts set  // purposes checked successfully on every such path; nil if none
	dead  bool // the value never has that outcome
}

// eval returns the purposes whose checks succeeded on every path on
// which v was produced with the outcome want. For a bool value want is
// its truth; for a value that may be nil (an error) want means it is
// nil. For a check's own result, want means success.
func (g *Guards) eval(v ssa.Value, want bool, depth int) result {
	if depth > maxDepth {
		return result{}
	}
	depth++
	if i, ok := g.decision[v]; ok {
		if want {
			return result{facts: g.single(g.bit[i])}
		}
		return result{}
	}
	switch v := v.(type) {
	case *ssa.Const:
		if b, ok := boolConst(v); ok {
			return result{dead: b != want}
		}
		if v.IsNil() {
			return result{dead: !want}
		}
	case *ssa.UnOp:
		switch v.Op {
		case token.NOT:
			return g.eval(v.X, !want, depth)
		case token.MUL:
			if stored := g.loaded(v); stored != nil {
				return g.eval(stored, want, depth)
			}
		}
	case *ssa.BinOp:
		if v.Op != token.EQL && v.Op != token.NEQ {
			break
		}
		x, y := v.X, v.Y
		if isConst(x) {
			x, y = y, x
		}
		eq := v.Op == token.EQL
		if c, ok := y.(*ssa.Const); ok && !isConst(x) {
			if b, ok := boolConst(c); ok {
				// x == b is want: x is b when want, !b otherwise.
				return g.eval(x, (b == want) == eq, depth)
			}
			if c.IsNil() {
				// x == nil is want: x is nil exactly when want.
				return g.eval(x, want == eq, depth)
			}
		}
	case *ssa.ChangeType:
		return g.eval(v.X, want, depth)
	case *ssa.ChangeInterface:
		return g.eval(v.X, want, depth)
	case *ssa.MakeInterface:
		// An interface made from a value is never nil.
		return result{dead: want}
	case *ssa.Call:
		if want && newError(v) {
			return result{dead: true}
		}
	case *ssa.Phi:
		return g.phiResult(v, want)
	}
	return result{}
}

// phiResult returns the estimate for a phi node, which solve refines
// together with the blocks' sets: once a round, the first time it is
// asked for (a phi asked for again while it is being computed, through
// a loop, gets the estimate of the round before). A phi seen for the
// first time starts at the top: it never has the outcome.
func (g *Guards) phiResult(v *ssa.Phi, want bool) result {
	k := phiKey{v, want}
	i, ok := g.phiIndex[k]
	if !ok && g.round < 0 {
		return result{} // not met while solving: assume nothing
	}
	if !ok {
		i = len(g.phiKeys)
		g.phiIndex[k] = i
		g.phiKeys = append(g.phiKeys, k)
		g.phiRes = append(g.phiRes, result{dead: true})
		g.stamp = append(g.stamp, 0)
	}
	if g.round > 0 && g.stamp[i] != g.round {
		g.stamp[i] = g.round
		if g.refine(i, g.phi(v, want)) {
			g.changed = true
		}
	}
	return g.phiRes[i]
}

// phi computes a phi node's result from its incoming edges: on each edge
// whose value can have the outcome, what the edge guarantees plus what
// the value guarantees; the intersection of these.
func (g *Guards) phi(v *ssa.Phi, want bool) result {
	b := v.Block()
	var acc set
	for i, e := range v.Edges {
		p := b.Preds[i]
		if g.in[p.Index] == nil {
			continue
		}
		r := g.eval(e, want, 0)
		if r.dead {
			continue
		}
		out, ok := g.edge(p, b)
		if !ok {
			continue
		}
		out.or(r.facts)
		if acc == nil {
			acc = out
		} else {
			acc.and(out)
		}
	}
	if acc == nil {
		return result{dead: true}
	}
	return result{facts: acc}
}

// refine lowers the estimate of phi i to its meet with r and reports
// whether it changed.
func (g *Guards) refine(i int, r result) bool {
	old := &g.phiRes[i]
	switch {
	case r.dead:
		return false
	case old.dead:
		old.dead = false
		old.facts = g.empty()
		old.facts.or(r.facts)
		return true
	}
	return old.facts.and(r.facts)
}

func isConst(v ssa.Value) bool {
	_, ok := v.(*ssa.Const)
	return ok
}

func boolConst(c *ssa.Const) (bool, bool) {
	if c.Value == nil || c.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c.Value), true
}

// newError reports whether the call is fmt.Errorf or errors.New, which
// never return nil.
func newError(c *ssa.Call) bool {
	fn := c.Call.StaticCallee()
	if fn == nil || fn.Signature.Recv() != nil {
		return false
	}
	switch pkgPath(fn) + "." + fn.Name() {
	case "fmt.Errorf", "errors.New":
		return true
	}
	return false
}

// loaded returns the value a load reads when it reads a local variable
// that is stored once, by a store that dominates the load, and whose
// address goes nowhere but to loads and to closures that only load it.
// Such variables are the ones a closure captures: go/ssa keeps them in
// memory rather than in registers.
func (g *Guards) loaded(load *ssa.UnOp) ssa.Value {
	v, ok := g.loads[load]
	if !ok {
		v = loaded(load)
		g.loads[load] = v
	}
	return v
}

// loaded is Guards.loaded without the cache.
func loaded(load *ssa.UnOp) ssa.Value {
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var store *ssa.Store
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc || store != nil {
				return nil
			}
			store = r
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.MakeClosure:
			if !readOnly(r, alloc, 0) {
				return nil
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	if store == nil || !before(store, load) {
		return nil
	}
	return store.Val
}

// readOnly reports whether the closures that capture addr only load it.
func readOnly(mc *ssa.MakeClosure, addr ssa.Value, depth int) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || depth > maxDepth {
		return false
	}
	for i, b := range mc.Bindings {
		if b != addr {
			continue
		}
		fv := fn.FreeVars[i]
		for _, r := range *fv.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.MakeClosure:
				if !readOnly(r, fv, depth+1) {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return true
}

// before reports whether a dominates b: every path to b executes a first.
func before(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, instr := range ab.Instrs {
		switch instr {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// forLoads calls f for every load of addr, in its function and in the
// closures that capture it.
func forLoads(addr ssa.Value, f func(ssa.Value), depth int) {
	refs := addr.Referrers()
	if refs == nil || depth > maxDepth {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				f(r)
			}
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				continue
			}
			for i, b := range r.Bindings {
				if b == addr {
					forLoads(fn.FreeVars[i], f, depth+1)
				}
			}
		}
	}
}
