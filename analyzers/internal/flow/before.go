package flow

import "golang.org/x/tools/go/ssa"

// Sinks see the memory stored before them.
//
// The engine's memory is flow-insensitive: the contents of a struct the
// function allocates are everything ever stored into it. At a sink that
// is wrong in one common shape, a value decoded into and completed after
// the call that fills it:
//
//	var claims Claims
//	token.Claims(&claims)         // a send to the provider's SDK?
//	claims.RawClaims = raw        // stored after: not sent
//
// So each store into memory the function allocates is also recorded with
// the instruction that made it, and at a sink (a call of a sink, or of a
// function whose summary reaches one) the arguments see only the stores
// that may happen before it: those whose instruction can reach the call
// along the control-flow graph (in a loop, every store in it can). A
// store into a field is dropped too when another store into the same
// field replaces it on every path to the sink (overwritten); otherwise
// no store removes another.

// storedAt records, for a store of t into local allocation root made by
// the instruction being run, what that instruction stored.
func (st *state) storedAt(root ssa.Value, t taint) {
	if _, ok := root.(*ssa.Alloc); !ok {
		return
	}
	if st.memBy == nil {
		st.memBy = make(map[ssa.Value][]storeAt)
		st.memAt = make(map[memStore]int)
	}
	k := memStore{root, st.instr}
	if i, ok := st.memAt[k]; ok {
		st.memBy[root][i].t.addAll(t)
		return
	}
	// A nil instruction stands for a store made outside any instruction:
	// always before. The slice keeps the order the stores were first
	// made in, so that reads are deterministic.
	st.memAt[k] = len(st.memBy[root])
	st.memBy[root] = append(st.memBy[root], storeAt{st.instr, union(t)})
}

// memStore names one instruction's stores into one allocation.
type memStore struct {
	root  ssa.Value
	instr ssa.Instruction
}

// storeAt is what one instruction stored into a local allocation.
type storeAt struct {
	instr ssa.Instruction
	t     taint
}

// memOf is the memory at root as a read sees it: at a sink (st.readAt
// set), only what the stores that may happen before it stored.
func (st *state) memOf(root ssa.Value) taint {
	if st.readAt == nil {
		return st.mem[root]
	}
	by := st.memBy[root]
	if by == nil {
		return st.mem[root]
	}
	var out taint
	for _, sa := range by {
		in, t := sa.instr, sa.t
		if in != nil && !st.mayPrecede(in, st.readAt) {
			continue
		}
		if s, ok := in.(*ssa.Store); ok && st.overwritten(s, by) {
			continue
		}
		if s, ok := in.(*ssa.Store); ok && st.rereads < maxRereads && holdsLocal(s) {
			// A pointer to local memory stored into other local memory
			// (log.Println(&u) stores &u into its variadic array): what
			// it points to is read at the sink too, not as it was when
			// the pointer was stored.
			st.rereads++
			_, path := rootOf(s.Addr)
			t = st.e.in.shift(st.eff(s.Val), path)
			st.rereads--
		}
		out.addAll(t)
	}
	return out
}

// overwritten reports whether what store s1 put into a field of the
// allocation is replaced, on every path from it to the sink, by another
// store s2 into the same field: s2 comes before the sink on every path to
// it (it dominates the sink), and s1 cannot run after s2 (no path leads
// from s2 back to s1). user.Password = opts.Password, then user.Password
// = hash(user.Password): the store sees the hash only.
func (st *state) overwritten(s1 *ssa.Store, by []storeAt) bool {
	p1, ok := fieldPath(s1.Addr)
	if !ok || p1 == "" {
		return false
	}
	for _, sa := range by {
		s2, ok := sa.instr.(*ssa.Store)
		if !ok || s2 == s1 {
			continue
		}
		if p2, ok := fieldPath(s2.Addr); !ok || p2 != p1 {
			continue
		}
		if st.beforeRead(s2) && !st.mayPrecede(s2, s1) {
			return true
		}
	}
	return false
}

// beforeRead reports whether instruction in runs before the sink at
// st.readAt on every path to it.
func (st *state) beforeRead(in ssa.Instruction) bool {
	b, r := in.Block(), st.readAt.Block()
	if b == nil || r == nil {
		return false
	}
	if b == r {
		return indexIn(b, in) < indexIn(r, st.readAt)
	}
	return b.Dominates(r)
}

// fieldPath returns the field path of addr within the allocation it
// is a field of, through fields only (no element of a slice or an array,
// no pointer loaded on the way); ok is false otherwise.
func fieldPath(addr ssa.Value) (path string, ok bool) {
	for {
		switch x := addr.(type) {
		case *ssa.FieldAddr:
			path = joinPath(fieldNameAt(x.X.Type(), x.Field), path)
			addr = x.X
		case *ssa.Alloc:
			return path, true
		default:
			return "", false
		}
	}
}

// maxRereads bounds the stores read again through one another.
const maxRereads = 4

// holdsLocal reports whether store s puts a pointer to the function's
// own memory (possibly converted to an interface) into an element of
// other memory: a variadic array, a slice. Stores into fields are not
// read again: a tagged field adds its category at the store.
func holdsLocal(s *ssa.Store) bool {
	if _, ok := s.Addr.(*ssa.FieldAddr); ok {
		return false
	}
	v := s.Val
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return localRoot(v) && referenceLike(v.Type())
}

// mayPrecede reports whether instruction a may run before instruction b
// of the same function.
func (st *state) mayPrecede(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return true
	}
	if ab == bb && indexIn(ab, a) < indexIn(bb, b) {
		return true
	}
	return st.reachable(ab)[bb.Index]
}

// reachable returns, for block b, which blocks a path of one edge or
// more leads to from b (b itself when it is in a loop).
func (st *state) reachable(b *ssa.BasicBlock) []bool {
	if r, ok := st.reach[b]; ok {
		return r
	}
	r := make([]bool, len(b.Parent().Blocks))
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if r[x.Index] {
			continue
		}
		r[x.Index] = true
		stack = append(stack, x.Succs...)
	}
	if st.reach == nil {
		st.reach = make(map[*ssa.BasicBlock][]bool)
	}
	st.reach[b] = r
	return r
}

func indexIn(b *ssa.BasicBlock, in ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == in {
			return i
		}
	}
	return -1
}
