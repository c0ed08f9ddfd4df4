package flow

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

// paramHop prefixes the hop of a parameter: paths name it in Related
// information, and short paths leave it out.
const paramHop = "parameter "

// maxRounds bounds the fixed-point iteration over one function's
// instructions; loops converge in two or three rounds in practice.
const maxRounds = 12

// state is the intraprocedural analysis of one function: taint per SSA
// value, and per abstract memory root (an allocation, a parameter, a map,
// slice or channel) the labels stored into it at field paths.
type state struct {
	e       *engine
	fn      *ssa.Function
	nparam  int
	purpose string // the function's //privacy:purpose (or its enclosing function's)
	vals    map[ssa.Value]taint
	mem     map[ssa.Value]taint
	tuples  map[ssa.Value][]taint
	// params holds the symbolic label of each parameter, then of each
	// free variable. Shared: never modified in place.
	params []taint
	// results per result index, from every return.
	results []taint
	// hits of sinks reached in the last round.
	hits []hit
	// inherited: callees' consent requirements at their call sites.
	inherited []inheritedReq
	changed   bool
	// memRead holds the memory roots read in this round, each with the
	// position (in the order blocks are run) of the first block that read
	// it; backUse, the values a φ-node reads along a loop's back edge,
	// with the position of the first such φ's block. stale is set when
	// one of them changes after it was read, and from is then the
	// earliest position that read it: the next round starts there.
	memRead map[ssa.Value]int
	backUse map[ssa.Value]int
	stale   bool
	from    int
	pos     int // the position of the block being run
	// live: the successors each block can pass control to, when some
	// edge never runs (constbranch.go; reversePostorder).
	live   [][]*ssa.BasicBlock
	ptypes map[*ssa.Parameter]taint // paramTypeLabels, computed once
	// fills: the parameters this function writes through (see fills.go).
	fills  []ParamFill
	holds  map[ssa.Value][]int           // local memory roots holding parameters' pointers
	spills map[*ssa.Alloc]*ssa.Parameter // see spilled
	// cells: variables in memory read flow-sensitively (cells.go), and
	// what each store into one stored.
	cells    *cellInfo
	cellVals map[*ssa.Store]taint
	// narrow: false type tests of errors (narrow.go); block: the block
	// being run, where they apply.
	narrow map[ssa.Value][]narrowing
	block  *ssa.BasicBlock
	// instr is the instruction being run; memBy, per local allocation,
	// what each instruction stored into it; readAt, when set, the sink
	// whose arguments are being read; reach, blocks reachable from a
	// block (before.go).
	instr   ssa.Instruction
	memBy   map[ssa.Value][]storeAt
	memAt   map[memStore]int // index in memBy of an instruction's stores
	readAt  ssa.Instruction
	reach   map[*ssa.BasicBlock][]bool
	rereads int
}

// reversePostorder returns the blocks of fn that may run, in reverse
// postorder from the entry (blocks not reachable from it, such as the
// recover block, last), with the position of each block in that order
// (-1 for a block that never runs: constbranch.go); the values that a
// φ-node reads along a loop's back edge (the only values read before
// they are computed in that order) with the position of the first such
// φ's block; and whether some block is not reachable from the entry
// (then rounds go on until nothing changes). When some edge never runs,
// live holds the successors each block can pass control to, by block
// index (nil for a block that never runs), and φ-nodes skip the others.
func reversePostorder(fn *ssa.Function) (order []*ssa.BasicBlock, pos []int, live [][]*ssa.BasicBlock, back map[ssa.Value]int, irregular bool) {
	if len(fn.Blocks) == 0 {
		return nil, nil, nil, nil, false
	}
	pruned := false
	seen := make([]bool, len(fn.Blocks))
	post := make([]*ssa.BasicBlock, 0, len(fn.Blocks))
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		seen[b.Index] = true
		succs := liveSuccs(b)
		if len(succs) != len(b.Succs) {
			pruned = true
		}
		for _, s := range succs {
			if !seen[s.Index] {
				visit(s)
			}
		}
		post = append(post, b)
	}
	visit(fn.Blocks[0])
	slices.Reverse(post)
	for _, b := range fn.Blocks {
		if !seen[b.Index] && len(b.Preds) == 0 {
			visit(b)
			irregular = true
			// Appended in postorder after the reversed part: such
			// blocks are rare, and the irregular flag covers them.
		}
	}
	pos = make([]int, len(fn.Blocks))
	for i := range pos {
		pos[i] = -1
	}
	for i, b := range post {
		pos[b.Index] = i
	}
	if pruned {
		live = make([][]*ssa.BasicBlock, len(fn.Blocks))
		for _, b := range post {
			live[b.Index] = liveSuccs(b)
		}
	}
	for _, b := range post {
		for _, instr := range b.Instrs {
			phi, ok := instr.(*ssa.Phi)
			if !ok {
				break // φ-nodes come first in a block
			}
			for i, ed := range phi.Edges {
				p := b.Preds[i]
				if pos[p.Index] >= pos[b.Index] && liveEdge(live, p, b) {
					if back == nil {
						back = make(map[ssa.Value]int)
					}
					if q, ok := back[ed]; !ok || pos[b.Index] < q {
						back[ed] = pos[b.Index]
					}
				}
			}
		}
	}
	return post, pos, live, back, irregular
}

// path is the path of label l of the hit, the call included, and on to
// the sink.
func (h *hit) path(l label) []Step {
	return l.trace.push(h.pos, h.hop).stepsThen(h.rest)
}

// hit is data reaching a sink, either directly in this function or via a
// callee's summary.
type hit struct {
	pos       token.Pos // the call in this function
	instr     ssa.Instruction
	guarded   bool // a consent check for purpose guards it inside the callee
	kind      string
	sink      string
	recipient string
	purpose   string
	// for outbound calls the engine can resolve: the callee and its
	// arguments, resolved once the function converges; for sends
	// reached through a callee whose destination one of its parameters
	// gives (dest.Param), the arguments of the call, destName empty
	destName string
	destArgs []ssa.Value
	// for sends reached through a callee: the destination it resolved
	dest *dest.Destination
	// for writes that can carry an expiry: the value setting it
	ttlArg  ssa.Value
	ttlForm string
	expiry  *ttl.Expiry
	// labels: the data reaching the call. Their paths go on with the
	// hop of the call itself (at pos, named hop), added only to the
	// labels whose paths are built (path): most labels of a large
	// function's hits repeat what an earlier hit says.
	labels taint
	hop    string
	// ignore: field paths of a parameter's data that the sink does not
	// send (models.Sink.Ignore), for the summary.
	ignore []string
	// rest is the path beyond this function's call, for sinks reached
	// through callees; its last step is the sink.
	rest []Step
}

func (e *engine) newState(fn *ssa.Function) *state {
	params := make([]taint, 0, len(fn.Params)+len(fn.FreeVars))
	for i, p := range fn.Params {
		params = append(params, taint{e.in.symbolic(i, p)})
	}
	for i, fv := range fn.FreeVars {
		params = append(params, taint{e.in.symbolic(len(fn.Params)+i, fv)})
	}
	return &state{
		params:  params,
		e:       e,
		fn:      fn,
		nparam:  len(fn.Params),
		vals:    make(map[ssa.Value]taint),
		mem:     make(map[ssa.Value]taint),
		memRead: make(map[ssa.Value]int),
		tuples:  make(map[ssa.Value][]taint),
		results: make([]taint, fn.Signature.Results().Len()),
		purpose: e.purposeOf(fn),
		cells:   e.cellsOf(fn),
		narrow:  e.narrowingsOf(fn), // not cached: tests by helpers whose summaries come later
	}
}

// purposeOf returns the //privacy:purpose of fn or of the function that
// encloses it (a closure serves its parent's purpose).
func (e *engine) purposeOf(fn *ssa.Function) string {
	for ; fn != nil; fn = fn.Parent() {
		if obj, ok := fn.Object().(*types.Func); ok {
			if mk := e.marks.Funcs[obj]; mk != nil && mk.Purpose != "" {
				return mk.Purpose
			}
		}
	}
	return ""
}

// run iterates the function's instructions to a fixed point.
//
// Blocks are visited in reverse postorder, so an SSA value is computed
// before it is used, but by a φ-node on a loop's back edge. A round in
// which nothing was changed after being read is a fixed point already
// (the next round would read the same inputs and compute the same): so
// rounds go on only while a back-edge value or memory already read
// changes, and most functions take one.
//
// A further round starts at the first block that read such a value or
// memory: the blocks before it read what they read in the last round
// (their operands come from blocks before them, and they read nothing
// that changed), so they would compute the same, and their hits stand.
// With blocks not reachable from the entry, rounds run the whole body.
func (st *state) run() {
	order, _, live, back, irregular := reversePostorder(st.fn)
	st.backUse, st.live = back, live
	// hitsAt and inheritedAt: the hits and requirements found before
	// each block, in the last round that ran it.
	hitsAt := make([]int, len(order)+1)
	inheritedAt := make([]int, len(order)+1)
	start := 0
	for round := 0; ; round++ {
		st.changed, st.stale, st.from = false, false, len(order)
		for root, p := range st.memRead {
			if p >= start {
				delete(st.memRead, root)
			}
		}
		st.hits = st.hits[:hitsAt[start]]
		st.inherited = st.inherited[:inheritedAt[start]]
		for i := start; i < len(order); i++ {
			b := order[i]
			hitsAt[i], inheritedAt[i] = len(st.hits), len(st.inherited)
			st.block, st.pos = b, i
			for _, instr := range b.Instrs {
				st.instr = instr
				st.step(instr)
			}
		}
		if !st.changed || !irregular && !st.stale {
			return
		}
		if round == maxRounds {
			st.e.bound("fixed-point rounds in " + st.fn.String())
			return
		}
		if !irregular {
			start = st.from
		}
	}
}

// read records a read of memory root in the block being run.
func (st *state) read(root ssa.Value) {
	if _, ok := st.memRead[root]; !ok {
		st.memRead[root] = st.pos
	}
}

// changedAfterRead records a change of memory root, which makes the
// round stale if a block already read it.
func (st *state) changedAfterRead(root ssa.Value) {
	if p, ok := st.memRead[root]; ok {
		st.staleFrom(p)
	}
}

func (st *state) staleFrom(p int) {
	st.stale = true
	st.from = min(st.from, p)
}

// t returns the taint of a value as computed so far.
func (st *state) t(v ssa.Value) taint {
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range st.fn.Params {
			if p == v {
				return st.params[i]
			}
		}
	case *ssa.FreeVar:
		for i, fv := range st.fn.FreeVars {
			if fv == v {
				return st.params[st.nparam+i]
			}
		}
	case *ssa.Const, *ssa.Function, *ssa.Builtin:
		return nil
	}
	if st.narrow != nil {
		return st.narrowed(v, st.vals[v])
	}
	return st.vals[v]
}

// set adds the labels of ts to v's. It takes several sets so that a
// union need not be built only to be copied.
func (st *state) set(v ssa.Value, ts ...taint) {
	cur := st.vals[v]
	changed := false
	for _, t := range ts {
		if cur.addAll(t) {
			changed = true
		}
	}
	if changed {
		st.vals[v] = cur
		st.changed = true
		if p, ok := st.backUse[v]; ok {
			st.staleFrom(p)
		}
	}
}

func (st *state) store(root ssa.Value, t taint) {
	if root == nil {
		return
	}
	st.storedAt(root, t) // even when empty: it may overwrite another
	if len(t) == 0 {
		return
	}
	cur := st.mem[root]
	if cur.addAll(t) {
		st.mem[root] = cur
		st.changed = true
		st.changedAfterRead(root)
	}
}

// storeInto records t as the contents of what reference v (a pointer,
// map, slice, channel, or an interface holding one) gives access to. When
// v was itself loaded from a field (req.Header, u.Tags), the struct it was
// loaded from holds the data too: req.Header.Set("X-Email", e) taints req.
func (st *state) storeInto(v ssa.Value, t taint) {
	if len(t) == 0 {
		return
	}
	st.wrote(stripInterface(v), "")
	root, path := rootOf(stripInterface(v))
	st.store(root, st.e.in.shift(t, path))
	if ld, ok := root.(*ssa.UnOp); ok && ld.Op == token.MUL {
		outer, p := rootOf(ld.X)
		st.store(outer, st.e.in.shift(t, p))
	}
}

func (st *state) setTuple(v ssa.Value, ts []taint) {
	cur := st.tuples[v]
	if cur == nil {
		cur = make([]taint, len(ts))
	}
	for i, t := range ts {
		if i < len(cur) && cur[i].addAll(t) {
			st.changed = true
		}
	}
	st.tuples[v] = cur
}

// rootOf strips field, index and slice addressing down to the abstract
// memory root, returning the field path within it.
func rootOf(v ssa.Value) (ssa.Value, string) {
	path := ""
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			path = joinPath(fieldNameAt(x.X.Type(), x.Field), path)
			v = x.X
			continue
		case *ssa.IndexAddr:
			v = x.X
			continue
		case *ssa.Slice:
			v = x.X
			continue
		}
		return v, path
	}
}

// fieldNameAt names field i of the struct that t (a struct or a pointer
// to one) denotes.
func fieldNameAt(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Name()
	}
	return ""
}

// paramField returns "i:path" when v reads field path path of the
// function's parameter i (through fields, pointers and interface
// conversions), and "" otherwise.
func (st *state) paramField(v ssa.Value) string {
	if i, path, ok := st.paramPath(v, false); ok {
		return strconv.Itoa(i) + ":" + path
	}
	return ""
}

// paramPath returns the parameter (free variables after the
// parameters) that v is reached from, and the field path within it.
//
// For a read (write false), v must read the parameter's data through
// fields, loads and interface conversions. For a write (write true), v
// addresses memory the caller can see: memory reached through pointers
// loaded from a parameter's memory counts as the parameter's (the caller
// reaches it the same way), elements and type assertions too, and the
// local copy of a parameter passed by value does not, until a pointer is
// loaded from it.
func (st *state) paramPath(v ssa.Value, write bool) (int, string, bool) {
	path, deref := "", false
	for {
		if write && !holdsReference(v.Type()) {
			return 0, "", false // a copy: writing it writes nothing of the caller's
		}
		switch v.(type) {
		case *ssa.IndexAddr, *ssa.Index, *ssa.Slice, *ssa.TypeAssert, *ssa.SliceToArrayPointer:
			if !write {
				return 0, "", false // a read of an element is not the parameter's field
			}
		}
		switch x := v.(type) {
		case *ssa.Field:
			path = joinPath(fieldNameAt(x.X.Type(), x.Field), path)
			v = x.X
		case *ssa.FieldAddr:
			path = joinPath(fieldNameAt(x.X.Type(), x.Field), path)
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return 0, "", false
			}
			deref = true
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Index:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.TypeAssert:
			v = x.X
		case *ssa.SliceToArrayPointer:
			v = x.X
		case *ssa.Alloc:
			p := st.spilled(x)
			if p == nil || write && !deref {
				return 0, "", false
			}
			v = p
		case *ssa.Parameter:
			i := slices.Index(st.fn.Params, x)
			return i, path, i >= 0
		case *ssa.FreeVar:
			i := slices.Index(st.fn.FreeVars, x)
			return st.nparam + i, path, write && i >= 0
		default:
			return 0, "", false
		}
	}
}

// spilled returns the parameter that alloc holds when it is the
// parameter's own variable, moved to memory because its address is taken
// (opts.Email on a struct parameter). go/ssa stores the parameter into
// it in the entry block; the function's spills are found once.
func (st *state) spilled(alloc *ssa.Alloc) *ssa.Parameter {
	if st.spills == nil {
		st.spills = make(map[*ssa.Alloc]*ssa.Parameter)
		if len(st.fn.Blocks) > 0 {
			for _, instr := range st.fn.Blocks[0].Instrs {
				s, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				a, ok := s.Addr.(*ssa.Alloc)
				if p, isParam := s.Val.(*ssa.Parameter); ok && isParam && a.Block() == st.fn.Blocks[0] && p.Name() == a.Comment {
					st.spills[a] = p
				}
			}
		}
	}
	return st.spills[alloc]
}

// cleanErrorField reports whether field i of the struct t denotes is an
// error field of a type from a package whose errors are clean (gorm's
// DB.Error): it holds the same errors as that package's error results.
func cleanErrorField(t types.Type, i int) bool {
	owner, s := structOf(t)
	if owner == nil || s == nil || i >= s.NumFields() || owner.Pkg() == nil {
		return false
	}
	return isError(s.Field(i).Type()) && models.CleanErrors(owner.Pkg().Path())
}

// structOf returns the struct and its named owner for a FieldAddr/Field
// operand type.
func structOf(t types.Type) (*types.TypeName, *types.Struct) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	var owner *types.TypeName
	if n, ok := types.Unalias(t).(*types.Named); ok {
		owner = n.Obj()
	}
	st, _ := t.Underlying().(*types.Struct)
	return owner, st
}

// referenceLike reports whether values of t give access to memory whose
// contents travel with the value.
func referenceLike(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan:
		return true
	}
	return false
}

// contents returns what is stored in the memory v gives access to.
func (st *state) contents(v ssa.Value) taint {
	root, path := rootOf(v)
	if root != v || referenceLike(v.Type()) {
		st.read(root)
		return st.e.in.projectAll(path, st.memOf(root), st.t(root))
	}
	return nil
}

// dyn is the taint v carries as data: its own labels and the memory it
// gives access to, without what its static type implies (which every
// holder of the same type sees anyway).
func (st *state) dyn(v ssa.Value) taint {
	return union(st.t(v), st.contents(v))
}

// eff is the taint of v as a whole, when it is handed on: its own labels,
// the memory it gives access to, and the categories its type carries.
//
// The type's categories stand for data the value may hold when it comes
// from elsewhere (a parameter, a field, a call). A value rooted in memory
// this function allocated holds exactly what was stored into it, so its
// type says nothing more: an empty slice handed to db.Select as the
// destination carries nothing into Select's error. Nor does a value
// loaded whole from such memory: an options struct built as a literal
// and passed by value, Options{Name: &n}, carries its Name and not the
// Email field it leaves nil.
func (st *state) eff(v ssa.Value) taint {
	if mi, ok := v.(*ssa.MakeInterface); ok && st.readAt != nil && localRoot(mi.X) {
		// Local memory converted for a sink (token.Claims(&claims)): read
		// it as the sink sees it (before.go), not as the conversion did.
		return st.makeInterface(mi.X, mi.Type())
	}
	if localRoot(v) || loadsLocal(v) {
		return st.dyn(v)
	}
	if p, ok := v.(*ssa.Parameter); ok {
		return union(st.t(v), st.contents(v), st.paramTypeLabels(p))
	}
	return union(st.t(v), st.contents(v), st.e.typeLabels(v.Type(), fmtText))
}

// paramTypeLabels is the categories parameter p's type carries, each
// marked as read from p at its field path (labelKey.via): a caller that
// passes memory of its own with nothing at that field drops them from
// what it gets back.
func (st *state) paramTypeLabels(p *ssa.Parameter) taint {
	if t, ok := st.ptypes[p]; ok {
		return t
	}
	i := slices.Index(st.fn.Params, p)
	var out taint
	for _, l := range st.e.typeLabels(p.Type(), fmtText) {
		if i >= 0 && !l.symbolic() {
			via := strconv.Itoa(i) + ":" + l.at
			l = st.e.in.with(l, func(k *labelKey) { k.via = via })
		}
		out.add(l)
	}
	if st.ptypes == nil {
		st.ptypes = make(map[*ssa.Parameter]taint)
	}
	st.ptypes[p] = out
	return out
}

// loadsLocal reports whether v is read from memory allocated by the
// function being analysed.
func loadsLocal(v ssa.Value) bool {
	ld, ok := stripInterface(v).(*ssa.UnOp)
	return ok && ld.Op == token.MUL && localRoot(ld.X)
}

// localRoot reports whether v lives in memory allocated by the function
// being analysed.
func localRoot(v ssa.Value) bool {
	root, _ := rootOf(stripInterface(v))
	switch root.(type) {
	case *ssa.Alloc, *ssa.MakeSlice, *ssa.MakeMap, *ssa.MakeChan:
		return true
	}
	return false
}

func (st *state) step(instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Phi:
		for i, ed := range in.Edges {
			if !liveEdge(st.live, in.Block().Preds[i], in.Block()) {
				continue // an edge that never runs (constbranch.go)
			}
			st.set(in, st.t(ed))
		}
	case *ssa.BinOp:
		switch in.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			// A comparison reveals one bit; implicit flows are not followed.
		default:
			st.set(in, st.t(in.X), st.t(in.Y))
		}
	case *ssa.UnOp:
		switch in.Op {
		case token.MUL: // load
			if rs, ok := st.cells.reach[in]; ok && !st.cells.entry[in] {
				st.read(in.X)
				ts := make([]taint, len(rs))
				for i, s := range rs {
					ts[i] = st.cellVals[s]
				}
				st.set(in, ts...)
				break
			}
			st.set(in, st.load(in.X, in.Pos()))
		case token.ARROW:
			st.set(in, st.t(in.X), st.contents(in.X))
			if in.CommaOk {
				st.setTuple(in, []taint{st.vals[in], nil})
			}
		default:
			st.set(in, st.t(in.X))
		}
	case *ssa.ChangeType:
		st.set(in, st.eff(in.X))
	case *ssa.Convert:
		st.set(in, st.eff(in.X))
	case *ssa.MultiConvert:
		st.set(in, st.eff(in.X))
	case *ssa.ChangeInterface:
		st.set(in, st.t(in.X))
	case *ssa.SliceToArrayPointer:
		st.set(in, st.t(in.X))
	case *ssa.MakeInterface:
		st.set(in, st.makeInterface(in.X, in.Type()))
	case *ssa.TypeAssert:
		t := st.t(in.X)
		if !types.IsInterface(in.AssertedType) {
			t = st.assertValue(t)
		}
		if in.CommaOk {
			st.setTuple(in, []taint{t, nil})
		} else {
			st.set(in, t)
		}
	case *ssa.Extract:
		if ts, ok := st.tuples[in.Tuple]; ok && in.Index < len(ts) {
			st.set(in, ts[in.Index])
		} else {
			st.set(in, st.t(in.Tuple))
		}
	case *ssa.Field:
		if cleanErrorField(in.X.Type(), in.Field) {
			break
		}
		owner, s := structOf(in.X.Type())
		t := st.e.in.project(st.t(in.X), fieldNameAt(in.X.Type(), in.Field))
		if s != nil {
			t = union(t, st.e.fieldSource(owner, s, in.Field, in.Pos(), st.paramField(in)))
		}
		st.set(in, t)
	case *ssa.Index:
		st.set(in, st.t(in.X))
	case *ssa.Lookup:
		t := union(st.t(in.X), st.contents(in.X))
		if in.CommaOk {
			st.setTuple(in, []taint{t, nil})
		} else {
			st.set(in, t)
		}
	case *ssa.Slice:
		st.set(in, st.t(in.X))
	case *ssa.MapUpdate:
		st.storeInto(in.Map, union(st.e.in.shift(st.eff(in.Key), keyPath), st.eff(in.Value)))
		st.escapes(in.Key)
		st.escapes(in.Value)
	case *ssa.Store:
		root, path := rootOf(in.Addr)
		t := st.eff(in.Val)
		if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
			if _, isConst := in.Val.(*ssa.Const); !isConst {
				// A tagged field holds personal data whatever was
				// stored into it: User{Email: r.FormValue("email")}.
				if owner, s := structOf(fa.X.Type()); s != nil {
					t = union(t, st.e.fieldSource(owner, s, fa.Field, in.Pos(), ""))
				}
			}
		}
		st.store(root, st.e.in.shift(t, path))
		if a := st.cells.cell[in]; a != nil {
			cur := st.cellVals[in]
			if cur.addAll(t) {
				if st.cellVals == nil {
					st.cellVals = make(map[*ssa.Store]taint)
				}
				st.cellVals[in] = cur
				st.changed = true
				st.changedAfterRead(a)
			}
		}
		st.wrote(in.Addr, "")
		st.stored(in.Addr, in.Val)
	case *ssa.Send:
		st.storeInto(in.Chan, st.eff(in.X))
		st.escapes(in.X)
	case *ssa.Range:
		st.set(in, st.t(in.X), st.contents(in.X))
	case *ssa.Next:
		t := st.t(in.Iter)
		k := t
		if !in.IsString {
			k = st.e.in.project(t, keyPath) // a map's keys, not its values
		}
		st.setTuple(in, []taint{nil, k, t})
	case *ssa.Select:
		var t taint
		for _, s := range in.States {
			if s.Dir == types.RecvOnly {
				t = union(t, st.contents(s.Chan), st.t(s.Chan))
			}
		}
		ts := []taint{nil, nil}
		for range in.States {
			ts = append(ts, t)
		}
		st.setTuple(in, ts)
	case *ssa.MakeClosure:
		st.makeClosure(in)
	case *ssa.Call:
		st.call(in, in.Common(), in)
	case *ssa.Defer:
		st.call(in, in.Common(), nil)
	case *ssa.Go:
		st.call(in, in.Common(), nil)
	case *ssa.Return:
		for i, r := range in.Results {
			if i < len(st.results) {
				if st.results[i].addAll(st.dyn(r)) {
					st.changed = true
				}
			}
		}
	}
}

// keyPath is where a map holds its keys: the keys a range over it
// yields are what was stored there (and what the map holds as a whole),
// not its values. map[CredentialsType]Credentials ranged for its keys
// yields no credential.
const keyPath = "#key"

// load reads the memory at addr: the labels stored there (projected to
// the field path), and the categories of a tagged field being read.
func (st *state) load(addr ssa.Value, pos token.Pos) taint {
	root, path := rootOf(addr)
	st.read(root)
	if fa, ok := addr.(*ssa.FieldAddr); ok && cleanErrorField(fa.X.Type(), fa.Field) {
		return nil
	}
	t := st.e.in.projectAll(path, st.memOf(root), st.t(root))
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		owner, s := structOf(fa.X.Type())
		if s != nil {
			if !pos.IsValid() {
				pos = fa.Pos()
			}
			t = union(t, st.e.fieldSource(owner, s, fa.Field, pos, st.paramField(fa)))
		}
	}
	return t
}
