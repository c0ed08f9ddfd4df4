package flow

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Writes through parameters.
//
// A callee that receives memory of the caller's may write data into it:
// json.Unmarshal(data, &u), rows.Scan(&u.Email), an ORM's Get(&u). What
// it writes is not tracked value by value; the memory's type stands for
// it (a User written by a callee holds a User's categories). For a
// callee the engine knows, its summary says through which parameters it
// writes (Fills), so memory handed to a function that only reads it (a
// formatter, a validator) stays as the caller left it: new(User) passed
// to a function that quotes it holds no e-mail address. For a callee the
// engine does not know, any memory it receives may come back filled.

// ParamFill says that the function may write data into the memory that
// parameter Param gives access to, at field path At ("" = anywhere).
type ParamFill struct {
	Param int
	At    string
}

// maxFillPaths bounds the field paths recorded per parameter; past it
// the whole parameter stands for them.
const maxFillPaths = 4

// reflective reports whether fn is of package reflect, which writes
// through what it is given in ways summaries do not see (v.Elem().Set).
func reflective(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "reflect"
}

// mayFill: memory of this function's own that a callee receives may come
// back filled with data of its type; memory of the caller's that it
// receives makes this function one that writes through its parameter.
func (st *state) mayFill(args []ssa.Value) {
	for _, a := range args {
		st.fillArg(a, "")
	}
}

// applyFills is mayFill for a callee whose summary says which of its
// parameters it writes through.
func (st *state) applyFills(sum *FuncFact, args []ssa.Value) {
	if sum == nil {
		return
	}
	for _, f := range sum.Fills {
		if f.Param < len(args) {
			st.fillArg(args[f.Param], f.At)
		}
	}
}

// fillArg records that a callee may write into what a gives access to,
// at field path at.
func (st *state) fillArg(a ssa.Value, at string) {
	a = stripInterface(a)
	if localRoot(a) {
		root, _ := rootOf(a)
		for _, i := range st.holds[root] {
			st.addFill(i, "") // a parameter's pointer stored in it
		}
		if referenceLike(a.Type()) {
			root, path := rootOf(a)
			labels := st.e.typeLabels(a.Type(), fmtText)
			if at != "" {
				labels = st.e.in.project(labels, at)
			}
			st.store(root, st.e.in.shift(labels, joinPath(path, at)))
		}
		return
	}
	st.wrote(a, at)
}

// wrote records a write into the memory v addresses, at field path at
// within it, when that memory is reached through a parameter (or a
// captured variable): the function then writes through it.
func (st *state) wrote(v ssa.Value, at string) {
	if i, path, ok := st.paramPath(v, true); ok {
		st.addFill(i, joinPath(path, at))
	}
}

// escapes records that v, when it gives access to a parameter's memory,
// is stored or sent where the engine no longer follows it: whoever
// holds it may write through it.
func (st *state) escapes(v ssa.Value) {
	if !holdsReference(v.Type()) {
		return
	}
	if i, _, ok := st.paramPath(v, true); ok {
		st.addFill(i, "")
		return
	}
	if s := stripInterface(v); localRoot(s) {
		root, _ := rootOf(s)
		for _, i := range st.holds[root] {
			st.addFill(i, "")
		}
	}
}

// stored handles the store of v into the memory at addr: a parameter's
// pointer kept in memory of this function's own escapes only when that
// memory is handed on; kept anywhere else, it escapes.
func (st *state) stored(addr, v ssa.Value) {
	if !holdsReference(v.Type()) {
		return
	}
	i, _, ok := st.paramPath(v, true)
	if !ok {
		st.escapes(v)
		return
	}
	if a, ok := addr.(*ssa.Alloc); ok {
		if p := st.spilled(a); p != nil && ssa.Value(p) == v {
			return // the parameter's own variable
		}
	}
	if localRoot(addr) {
		root, _ := rootOf(addr)
		if !slices.Contains(st.holds[root], i) {
			if st.holds == nil {
				st.holds = make(map[ssa.Value][]int)
			}
			st.holds[root] = append(st.holds[root], i)
			st.changed = true
		}
		return
	}
	st.addFill(i, "")
}

func (st *state) addFill(i int, at string) {
	n := 0
	for _, f := range st.fills {
		if f.Param != i {
			continue
		}
		if f.At == "" || f.At == at {
			return
		}
		n++
	}
	if n >= maxFillPaths {
		st.fills = slices.DeleteFunc(st.fills, func(f ParamFill) bool { return f.Param == i })
		at = ""
	}
	st.fills = append(st.fills, ParamFill{Param: i, At: at})
	st.changed = true
}

// holdsReference reports whether values of t may give access to memory:
// pointers, slices, maps, channels, interfaces, functions, and structs
// or arrays holding any.
func holdsReference(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if holdsReference(u.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Array:
		return holdsReference(u.Elem())
	}
	return true
}
