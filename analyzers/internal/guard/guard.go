package guard

import (
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Shape is how a consent check reports its answer.
type Shape int

const (
	// Bool checks return true when the program may proceed.
	Bool Shape = iota + 1
	// Error checks return a nil error when the program may proceed.
	Error
)

func (s Shape) String() string {
	switch s {
	case Bool:
		return "bool"
	case Error:
		return "error"
	}
	return "invalid"
}

// Check is a consent check call found in a function. Call is an
// *ssa.Call, or an *ssa.Go or *ssa.Defer, whose result is always
// ignored.
type Check struct {
	Call    ssa.CallInstruction
	Purpose string
	Shape   Shape
}

// Oracle tells whether a call is a consent check, for which purpose and
// of which shape. The engine answers from directives, facts and the
// policy's consent entries.
type Oracle func(c *ssa.CallCommon) (purpose string, shape Shape, ok bool)

// Guards is the analysis of one function.
type Guards struct {
	fn       *ssa.Function
	purposes []string          // sorted; bit i of a set is purposes[i]
	words    int               // length of a set
	checks   []Check           // in instruction order
	bit      []int             // purpose bit of each check
	decision map[ssa.Value]int // value deciding a check -> index in checks
	in       []set             // per block index; nil when unreachable
	stops    []bool            // per block index: the block never returns

	// Estimates for phi nodes, refined with the blocks' sets.
	phiIndex map[phiKey]int
	phiKeys  []phiKey
	phiRes   []result
	stamp    []int // the round in which each phi was last computed
	round    int   // the solver's round; -1 once the estimates are final
	changed  bool  // something changed in this round
	loads    map[*ssa.UnOp]ssa.Value

	// The result that makes the function a check of its own, if any.
	wrapIdx int

	ignored, propagated []Check
	wrapShape           Shape
	wrapPurposes        []string
}

// Compute analyses fn. For every basic block reachable from the entry it
// computes the purposes guaranteed on entry (see the package
// documentation), with a must-dataflow over the control-flow graph
// iterated to its greatest fixed point.
func Compute(fn *ssa.Function, oracle Oracle) *Guards {
	g := &Guards{fn: fn, wrapIdx: -1}
	g.findChecks(oracle)
	if len(g.checks) == 0 || len(fn.Blocks) == 0 {
		// Nothing is guarded (code that cannot run neither), and there
		// is nothing to classify. Most functions call no check, and the
		// engine computes their guards at each of their analyses: they
		// allocate nothing more.
		return g
	}
	g.phiIndex = make(map[phiKey]int)
	g.loads = make(map[*ssa.UnOp]ssa.Value)
	g.in = make([]set, len(fn.Blocks))
	g.stops = make([]bool, len(fn.Blocks))
	for _, b := range fn.Blocks {
		g.stops[b.Index] = noReturn(b)
	}
	g.solve()
	g.prune()
	g.classify()
	g.wrapper()
	return g
}

// findChecks collects the checks, their purposes and the values that
// carry their decisions.
func (g *Guards) findChecks(oracle Oracle) {
	var seen map[string]bool // purposes, made at the first check
	for _, b := range g.fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			purpose, shape, ok := oracle(ci.Common())
			if !ok || purpose == "" {
				continue
			}
			idx, ok := decisionIndex(ci.Common().Signature(), shape)
			if !ok {
				continue // no result of its shape: not a check
			}
			if seen == nil {
				seen = make(map[string]bool)
				g.decision = make(map[ssa.Value]int)
			}
			n := len(g.checks)
			g.checks = append(g.checks, Check{Call: ci, Purpose: purpose, Shape: shape})
			if !seen[purpose] {
				seen[purpose] = true
				g.purposes = append(g.purposes, purpose)
			}
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if ci.Common().Signature().Results().Len() == 1 {
				g.decision[call] = n
				continue
			}
			for _, r := range *call.Referrers() {
				if ex, ok := r.(*ssa.Extract); ok && ex.Index == idx {
					g.decision[ex] = n
				}
			}
		}
	}
	sort.Strings(g.purposes)
	g.words = (len(g.purposes) + 63) / 64
	g.bit = make([]int, len(g.checks))
	for i, c := range g.checks {
		g.bit[i] = sort.SearchStrings(g.purposes, c.Purpose)
	}
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// decisionIndex returns the index of the result that decides a check of
// the given shape: the last bool result, or the last error result.
func decisionIndex(sig *types.Signature, shape Shape) (int, bool) {
	res := sig.Results()
	for i := res.Len() - 1; i >= 0; i-- {
		if isShape(res.At(i).Type(), shape) {
			return i, true
		}
	}
	return 0, false
}

func isShape(t types.Type, shape Shape) bool {
	switch shape {
	case Bool:
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Kind() == types.Bool
	case Error:
		switch t.Underlying().(type) {
		case *types.Interface, *types.Pointer:
			return types.Implements(t, errorType)
		}
	}
	return false
}

// solve iterates the dataflow to its greatest fixed point: every set
// starts full (except the entry's, which is empty), and so does every
// phi estimate (a phi first assumed never to have an outcome). Each
// round visits the blocks in reverse postorder and intersects each new
// value with the old one, so values only shrink; a phi is recomputed
// when first asked for in a round. It ends after a round that changes
// nothing.
func (g *Guards) solve() {
	order := postorder(g.fn.Blocks[0], len(g.fn.Blocks))
	for _, b := range order {
		g.in[b.Index] = g.full()
	}
	g.in[0] = g.empty()
	g.wrapIdx = g.resultIndex()
	for g.changed = true; g.changed; {
		g.changed = false
		g.round++
		for i := len(order) - 1; i >= 0; i-- {
			b := order[i]
			if b.Index == 0 {
				continue
			}
			meet := g.full()
			for _, p := range b.Preds {
				if g.in[p.Index] == nil {
					continue
				}
				if e, ok := g.edge(p, b); ok {
					meet.and(e)
				}
			}
			if g.in[b.Index].and(meet) {
				g.changed = true
			}
		}
		for i := 0; i < len(g.phiKeys); i++ {
			g.phiResult(g.phiKeys[i].phi, g.phiKeys[i].want)
		}
		// Meet the phi nodes that returned values depend on.
		g.returns(func(*ssa.BasicBlock, result) {})
	}
	g.round = -1 // estimates are final
}

// postorder returns the blocks reachable from entry, in postorder.
func postorder(entry *ssa.BasicBlock, n int) []*ssa.BasicBlock {
	seen := make([]bool, n)
	var order []*ssa.BasicBlock
	type frame struct {
		b    *ssa.BasicBlock
		next int
	}
	stack := []frame{{entry, 0}}
	seen[entry.Index] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(top.b.Succs) {
			s := top.b.Succs[top.next]
			top.next++
			if !seen[s.Index] {
				seen[s.Index] = true
				stack = append(stack, frame{s, 0})
			}
			continue
		}
		order = append(order, top.b)
		stack = stack[:len(stack)-1]
	}
	return order
}

// prune forgets the blocks that no feasible edge leads to, such as the
// body of if false { ... }: they keep the full set the solver started
// with, which would claim every purpose.
func (g *Guards) prune() {
	live := make([]bool, len(g.fn.Blocks))
	work := []*ssa.BasicBlock{g.fn.Blocks[0]}
	live[0] = true
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range b.Succs {
			if live[s.Index] {
				continue
			}
			if _, ok := g.edge(b, s); ok {
				live[s.Index] = true
				work = append(work, s)
			}
		}
	}
	for i := range g.in {
		if !live[i] {
			g.in[i] = nil
		}
	}
}

// edge returns the purposes guaranteed on the edge from p to s: those on
// entry to p, plus those that p's branch condition guarantees when it
// goes to s. ok is false when the edge cannot be taken.
func (g *Guards) edge(p, s *ssa.BasicBlock) (set, bool) {
	if g.stops[p.Index] {
		return nil, false
	}
	out := g.in[p.Index].clone()
	if len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return out, true
	}
	cond := p.Instrs[len(p.Instrs)-1].(*ssa.If).Cond
	r := g.eval(cond, s == p.Succs[0], 0)
	if r.dead {
		return nil, false
	}
	out.or(r.facts)
	return out, true
}

// At returns the purposes guaranteed at instr, sorted: those guaranteed
// on entry to its block. (Within a block nothing more can be known: a
// check's success is only known from a branch, which ends a block.) It
// returns nil for an instruction of another function, or in code that
// cannot run: not reachable from the entry, or only through a branch
// that is never taken.
func (g *Guards) At(instr ssa.Instruction) []string {
	b := instr.Block()
	if b == nil || b.Parent() != g.fn || b.Index >= len(g.in) || g.in[b.Index] == nil {
		return nil
	}
	return g.names(g.in[b.Index])
}

// Guarded reports whether a sink at instr serving purpose is guarded: a
// check for purpose, or for a parent of it, is guaranteed there. A check
// for "marketing" guards "marketing.communications.email"; the reverse
// does not hold.
func (g *Guards) Guarded(instr ssa.Instruction, purpose string) bool {
	for _, p := range g.At(instr) {
		if p == purpose || strings.HasPrefix(purpose, p+".") {
			return true
		}
	}
	return false
}

// Checks lists every consent check call in the function, in
// instruction order.
func (g *Guards) Checks() []Check { return g.checks }

// Ignored lists the checks whose result decides no branch and is not
// returned: discarded, assigned to _, or only logged, stored or passed
// to a function. The engine reports these.
func (g *Guards) Ignored() []Check { return g.ignored }

// Propagated lists the checks whose result flows to a return statement
// (directly, negated, compared or merged), whether or not it also
// decides a branch.
func (g *Guards) Propagated() []Check { return g.propagated }

// Wrapper reports whether the function is a consent check of its own:
// its last bool result (or, if it has none, its last error result) is
// true (nil) only after checks for the purposes returned have succeeded,
// on every return. It returns 0 and nil when it is not.
func (g *Guards) Wrapper() (Shape, []string) { return g.wrapShape, g.wrapPurposes }

func (g *Guards) names(s set) []string {
	if s == nil {
		return nil
	}
	var out []string
	for i, p := range g.purposes {
		if s.has(i) {
			out = append(out, p)
		}
	}
	return out
}

// noReturn reports whether the block calls a function that never
// returns normally.
func noReturn(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		call, ok := instr.(*ssa.Call)
		if !ok {
			continue
		}
		fn := call.Call.StaticCallee()
		path := pkgPath(fn)
		if path == "" {
			continue
		}
		name := fn.Name()
		switch path {
		case "os":
			if name == "Exit" && fn.Signature.Recv() == nil {
				return true
			}
		case "runtime":
			if name == "Goexit" {
				return true
			}
		case "log":
			for _, pre := range []string{"Fatal", "Panic"} {
				if strings.HasPrefix(name, pre) && len(name) <= len(pre)+2 {
					return true
				}
			}
		}
	}
	return false
}

// pkgPath returns the path of the package that declares fn, or "". It
// reads the declaring object, not fn.Pkg: the engine creates only the
// imported packages whose functions or variables the code names, so a
// method of any other imported type is created on demand, with no Pkg.
func pkgPath(fn *ssa.Function) string {
	if fn == nil {
		return ""
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != nil {
		return obj.Pkg().Path()
	}
	if fn.Pkg != nil {
		return fn.Pkg.Pkg.Path()
	}
	return ""
}
