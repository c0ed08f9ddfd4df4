package flow

import (
	"go/token"

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

// cellInfo is what the engine knows of one function's cells.
type cellInfo struct {
	reach map[*ssa.UnOp][]*ssa.Store // per load of a cell, the stores that may reach it
	cell  map[*ssa.Store]*ssa.Alloc  // stores into cells
}

// maxCellStores bounds the stores of one cell; a variable stored more
// often is left flow-insensitive.
const maxCellStores = 64

func (e *engine) cellsOf(fn *ssa.Function) *cellInfo {
	if ci, ok := e.cells[fn]; ok {
		return ci
	}
	ci := &cellInfo{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if a, ok := instr.(*ssa.Alloc); ok {
				ci.add(fn, a)
			}
		}
	}
	if e.cells == nil {
		e.cells = make(map[*ssa.Function]*cellInfo)
	}
	e.cells[fn] = ci
	return ci
}

// add computes the reaching stores of a's loads, if a is a cell.
func (ci *cellInfo) add(fn *ssa.Function, a *ssa.Alloc) {
	var stores []*ssa.Store
	loads := 0
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || r.Val == a {
				return
			}
			stores = append(stores, r)
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return
			}
			if r.Parent() == fn {
				loads++
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !readsOnly(r, a) {
				return
			}
		default:
			return
		}
	}
	if loads == 0 || len(stores) == 0 || len(stores) > maxCellStores {
		return
	}
	index := make(map[ssa.Instruction]int, len(stores))
	for i, s := range stores {
		index[s] = i
	}
	all := uint64(1)<<len(stores) - 1
	if len(stores) == 64 {
		all = ^uint64(0)
	}
	// transfer runs block b from the stores reaching its entry, calling
	// at for each load of a with the stores reaching it.
	transfer := func(b *ssa.BasicBlock, in uint64, at func(*ssa.UnOp, uint64)) uint64 {
		cur := in
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Alloc:
				if x == a {
					cur = 0 // the zero value
				}
			case *ssa.Store:
				if i, ok := index[x]; ok {
					cur = 1 << i
				}
			case *ssa.UnOp:
				if x.X == a && x.Op == token.MUL && at != nil {
					at(x, cur)
				}
			}
		}
		return cur
	}
	out := make([]uint64, len(fn.Blocks))
	entry := func(b *ssa.BasicBlock) uint64 {
		if len(b.Preds) == 0 {
			if b.Index == 0 {
				return 0
			}
			return all // the recover block: entered from any panic
		}
		var in uint64
		for _, p := range b.Preds {
			in |= out[p.Index]
		}
		return in
	}
	for changed := true; changed; {
		changed = false
		for _, b := range fn.Blocks {
			if o := transfer(b, entry(b), nil); o != out[b.Index] {
				out[b.Index] |= o
				changed = true
			}
		}
	}
	if ci.reach == nil {
		ci.reach = make(map[*ssa.UnOp][]*ssa.Store)
		ci.cell = make(map[*ssa.Store]*ssa.Alloc)
	}
	for _, s := range stores {
		ci.cell[s] = a
	}
	for _, b := range fn.Blocks {
		transfer(b, entry(b), func(ld *ssa.UnOp, m uint64) {
			var rs []*ssa.Store
			for i, s := range stores {
				if m&(1<<i) != 0 {
					rs = append(rs, s)
				}
			}
			ci.reach[ld] = rs
		})
	}
}

// readsOnly reports whether the closure mc makes only reads a, one of its
// captured variables.
func readsOnly(mc *ssa.MakeClosure, a *ssa.Alloc) bool {
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
