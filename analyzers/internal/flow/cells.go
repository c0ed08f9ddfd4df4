package flow

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Cells: flow-sensitive reads of variables that live in memory.
//
// go/ssa keeps a local variable in memory (an Alloc) when a closure
// captures it or, for a named result, when the function defers a call.
// The engine's memory is flow-insensitive: a read of such a variable
// would see every value ever stored into it, including those stored
// after the read:
//
//	func merge() (err error) {
//		defer func() { ... }()
//		if err = step(); err != nil {
//			log.Print(err) // sees only step's error
//		}
//		err = fmt.Errorf("no user %s", u.Email) // stored after
//
// A cell is such a variable whose address is only stored to and loaded
// from, by the function itself or by closures that only read it. For
// each load of a cell, the stores that may reach it are computed once
// (reaching definitions over the control-flow graph; the allocation
// itself is a store of the zero value), and the load sees only what
// those stored. Closures reading the cell still see every store: they
// may run at any time.
//
// A closure's captured variable is a cell of the closure too, when the
// closure only stores to it and loads from it: a load that a store of
// the closure reaches on every path sees only what the closure stored,
//
//	defer func() {
//		if pr, err = find(); err != nil {
//			c.Error(err) // not the err of UpdatePatch below
//		}
//		if err = pr.UpdatePatch(); err != nil { ... }
//	}()
//
// and a load the closure's entry reaches sees what it did before: all
// the variable ever held, in the enclosing function or stored by an
// earlier call of the closure. This holds only for a variable of the
// enclosing function (not a captured pointer) whose address goes nowhere
// else and that no other closure writes: nothing the closure calls can
// write it between its store and its read (capturedVar).
//
// A function that defers calls has a recover block, entered when a
// deferred call stops a panic, which reads the named results as the panic
// left them: any store may reach it. A deferred call stops a panic only
// if the function it calls calls recover itself, so the block is taken
// as entered only when some deferred call's function does: one of the
// package's (its body says), or another package's whose summary says so
// (FuncFact.Recovers). A deferred call of a function value or an
// interface method is taken not to recover (defer cancel() is by far
// the common case), nor is a method of a package the importer cannot
// see facts of (under go vet, one two imports away).

// cellInfo is what the engine knows of one function's cells.
type cellInfo struct {
	reach map[*ssa.UnOp][]*ssa.Store // per load of a cell, the stores that may reach it
	entry map[*ssa.UnOp]bool         // loads of a captured variable that the closure's entry reaches
	cell  map[*ssa.Store]ssa.Value   // stores into cells: the Alloc or FreeVar
	over  bool                       // a variable has more than maxCellStores stores
}

// maxCellStores bounds the stores of one cell; a variable stored more
// often is left flow-insensitive. A named err of a long function with a
// defer is stored at every assignment and every return: gogs's
// PullRequest.Merge has more than 64.
const maxCellStores = 1024

// storeSet is a set of a cell's stores, by index.
type storeSet []uint64

func newStoreSet(n int) storeSet { return make(storeSet, (n+63)/64) }

func (s storeSet) only(i int) {
	clear(s)
	s[i/64] |= 1 << (i % 64)
}

func (s storeSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// or adds t to s and reports whether s grew.
func (s storeSet) or(t storeSet) bool {
	grew := false
	for i, w := range t {
		if s[i]|w != s[i] {
			s[i] |= w
			grew = true
		}
	}
	return grew
}

func (e *engine) cellsOf(fn *ssa.Function) *cellInfo {
	if ci, ok := e.cells[fn]; ok {
		return ci
	}
	ci := &cellInfo{}
	recovers := fn.Recover != nil && e.mayRecover(fn)
	for i, fv := range fn.FreeVars {
		if capturedVar(fn, i) {
			ci.add(fn, fv, recovers)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if a, ok := instr.(*ssa.Alloc); ok {
				ci.add(fn, a, recovers)
			}
		}
	}
	if ci.over {
		e.bound(fmt.Sprintf("%d stores of one variable in %s", maxCellStores, fn))
	}
	if e.cells == nil {
		e.cells = make(map[*ssa.Function]*cellInfo)
	}
	e.cells[fn] = ci
	return ci
}

// add computes the reaching stores of a's loads, if a (an Alloc or a
// FreeVar of fn) is a cell. recovers says whether fn's recover block may
// be entered.
func (ci *cellInfo) add(fn *ssa.Function, a ssa.Value, recovers bool) {
	stores, loads, ok := cellUses(a, fn, nil)
	if !ok {
		return
	}
	if len(stores) > maxCellStores {
		ci.over = true
	}
	if loads == 0 || len(stores) == 0 || len(stores) > maxCellStores {
		return
	}
	// Index n stands for the closure's entry: what a captured variable
	// held before the closure ran.
	_, captured := a.(*ssa.FreeVar)
	n := len(stores)
	index := make(map[ssa.Instruction]int, n)
	for i, s := range stores {
		index[s] = i
	}
	all := newStoreSet(n + 1)
	for i := range n {
		all[i/64] |= 1 << (i % 64)
	}
	if captured {
		all[n/64] |= 1 << (n % 64)
	}
	// transfer runs block b from the stores reaching its entry (cur,
	// updated in place), calling at for each load of a with the stores
	// reaching it.
	transfer := func(b *ssa.BasicBlock, cur storeSet, at func(*ssa.UnOp, storeSet)) {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Alloc:
				if x == a {
					clear(cur) // the zero value
				}
			case *ssa.Store:
				if i, ok := index[x]; ok {
					cur.only(i)
				}
			case *ssa.UnOp:
				if x.X == a && x.Op == token.MUL && at != nil {
					at(x, cur)
				}
			}
		}
	}
	out := make([]storeSet, len(fn.Blocks))
	for i := range out {
		out[i] = newStoreSet(n + 1)
	}
	cur := newStoreSet(n + 1)
	entry := func(b *ssa.BasicBlock) storeSet {
		clear(cur)
		if len(b.Preds) == 0 {
			switch {
			case b.Index == 0 && captured:
				cur.only(n)
			case b.Index != 0 && recovers:
				copy(cur, all) // the recover block: entered from any panic
			}
			return cur
		}
		for _, p := range b.Preds {
			cur.or(out[p.Index])
		}
		return cur
	}
	for changed := true; changed; {
		changed = false
		for _, b := range fn.Blocks {
			in := entry(b)
			transfer(b, in, nil)
			if out[b.Index].or(in) {
				changed = true
			}
		}
	}
	if ci.reach == nil {
		ci.reach = make(map[*ssa.UnOp][]*ssa.Store)
		ci.cell = make(map[*ssa.Store]ssa.Value)
	}
	for _, s := range stores {
		ci.cell[s] = a
	}
	for _, b := range fn.Blocks {
		transfer(b, entry(b), func(ld *ssa.UnOp, m storeSet) {
			var rs []*ssa.Store
			for i, s := range stores {
				if m.has(i) {
					rs = append(rs, s)
				}
			}
			ci.reach[ld] = rs
			if captured && m.has(n) {
				if ci.entry == nil {
					ci.entry = make(map[*ssa.UnOp]bool)
				}
				ci.entry[ld] = true
			}
		})
	}
}

// capturedVar reports whether free variable i of closure fn is a
// variable of the enclosing function that only fn may write while fn
// runs: an Alloc of its parent whose address goes nowhere else, and that
// every other closure only reads. (A captured pointer value, or a
// variable another closure writes, may be written by a call the closure
// makes between its store and its read.)
func capturedVar(fn *ssa.Function, i int) bool {
	parent := fn.Parent()
	if parent == nil {
		return false
	}
	var alloc *ssa.Alloc
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || i >= len(mc.Bindings) {
				continue
			}
			a, ok := mc.Bindings[i].(*ssa.Alloc)
			if !ok || alloc != nil && alloc != a {
				return false
			}
			alloc = a
		}
	}
	if alloc == nil {
		return false
	}
	_, _, ok := cellUses(alloc, parent, fn)
	return ok
}

// cellUses returns the stores into a and the number of fn's loads of it,
// when a's address is only stored to, loaded from, and given to closures
// that only read it (but writer, which may write it); ok is false
// otherwise.
func cellUses(a ssa.Value, fn *ssa.Function, writer *ssa.Function) (stores []*ssa.Store, loads int, ok bool) {
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || r.Val == a {
				return nil, 0, false
			}
			stores = append(stores, r)
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, 0, false
			}
			if r.Parent() == fn {
				loads++
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			if (writer == nil || r.Fn != writer) && !readsOnly(r, a) {
				return nil, 0, false
			}
		default:
			return nil, 0, false
		}
	}
	return stores, loads, true
}

// readsOnly reports whether the closure mc makes only reads a, one of its
// captured variables.
func readsOnly(mc *ssa.MakeClosure, a ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != a || i >= len(fn.FreeVars) {
			continue
		}
		for _, r := range *fn.FreeVars[i].Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op != token.MUL {
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

// mayRecover reports whether a call fn defers may stop a panic.
func (e *engine) mayRecover(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok {
				continue
			}
			g := d.Call.StaticCallee()
			if g == nil {
				continue
			}
			if g = origin(g); e.inPackage(g) || len(g.Blocks) > 0 {
				if e.callsRecover(g) {
					return true
				}
				continue
			}
			if obj, ok := g.Object().(*types.Func); ok {
				var f FuncFact
				if e.importFuncFact(obj, &f) && f.Recovers {
					return true
				}
			}
		}
	}
	return false
}

// callsRecover reports whether fn's body calls recover. The answer is
// kept: every analysis of fn puts it in fn's summary.
func (e *engine) callsRecover(fn *ssa.Function) bool {
	if r, ok := e.recovers[fn]; ok {
		return r
	}
	r := false
scan:
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "recover" {
					r = true
					break scan
				}
			}
		}
	}
	if e.recovers == nil {
		e.recovers = make(map[*ssa.Function]bool)
	}
	e.recovers[fn] = r
	return r
}
