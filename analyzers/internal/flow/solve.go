package flow

import (
	"cmp"
	"container/heap"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

// maxAnalysesPerFunc bounds how often one function is re-analysed while
// the package's summaries converge (recursion, mutual recursion).
const maxAnalysesPerFunc = 8

// solve computes every function's summary to a fixed point, callees
// before callers, re-analysing the callers of a function whose summary
// grew; then the flows found in each function's last analysis stand.
func (e *engine) solve() {
	e.polIndex()
	callers := make(map[*ssa.Function][]*ssa.Function)
	callees := make(map[*ssa.Function][]*ssa.Function)
	inPkg := make(map[*ssa.Function]bool, len(e.funcs))
	for _, fn := range e.funcs {
		inPkg[fn] = true
	}
	// called: functions some function of the package calls (a closure
	// handed to a router or stored is made here, but called from
	// elsewhere).
	called := make(map[*ssa.Function]bool)
	for _, fn := range e.funcs {
		seen := make(map[*ssa.Function]bool)
		edge := func(g *ssa.Function) {
			if g != nil && inPkg[g] && !seen[g] {
				seen[g] = true
				callers[g] = append(callers[g], fn)
				callees[fn] = append(callees[fn], g)
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case ssa.CallInstruction:
					if c := in.Common().StaticCallee(); c != nil {
						called[origin(c)] = true
						edge(origin(c))
					} else if m := in.Common().Method; m != nil {
						// A dynamic call of the package's interface
						// runs its implementations (dispatch.go).
						// (They stay entry points: importers call
						// them too.)
						for _, g := range e.localImpls(m) {
							edge(g)
						}
					}
				case *ssa.MakeClosure:
					g, _ := in.Fn.(*ssa.Function)
					edge(g)
				case *ssa.MakeInterface:
					// The interface value holds its methods' results
					// (ifaces.go): they are callees of a sort.
					if it := programInterface(in.Type()); it != nil {
						for i := 0; i < it.NumMethods(); i++ {
							if m, _, _ := types.LookupFieldOrMethod(in.X.Type(), false, nil, it.Method(i).Name()); m != nil {
								if f, ok := m.(*types.Func); ok && f.Pkg() == e.pass.Pkg {
									edge(e.prog.FuncValue(f))
								}
							}
						}
					}
				}
			}
		}
	}
	// Post-order: callees first, so most functions are analysed once.
	var order []*ssa.Function
	visited := make(map[*ssa.Function]bool)
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if visited[fn] {
			return
		}
		visited[fn] = true
		for _, g := range callees[fn] {
			visit(g)
		}
		order = append(order, fn)
	}
	// Rendering methods first: whether a type redacts is decided from
	// their summaries.
	for _, fn := range e.funcs {
		if fn.Signature.Recv() != nil && isRenderMethod(fn.Name()) {
			visit(fn)
		}
	}
	for _, fn := range e.funcs {
		visit(fn)
	}

	// Decide redaction from the rendering methods' summaries: analyse
	// them first, then forget what was cached about types while their
	// summaries were still missing.
	for _, fn := range order {
		if fn.Signature.Recv() != nil && isRenderMethod(fn.Name()) {
			st := e.newState(fn)
			st.run()
			e.sums[fn], _ = e.finish(st)
		}
	}
	e.types = typeCache{}
	e.redact = make(map[redactKey]bool)

	// The worklist hands out the pending function earliest in the
	// post-order, so that in a recursive cluster callees settle before
	// their callers are analysed again.
	index := make(map[*ssa.Function]int, len(order))
	for i, fn := range order {
		index[fn] = i
	}
	queue := &worklist{queued: make([]bool, len(order))}
	for i := range order {
		queue.push(i)
	}
	count := make([]int, len(order))
	fnFlows := make(map[*ssa.Function][]*Flow)
	warm := newWarmStates(clusterEnds(order, index, callees))
	for queue.Len() > 0 {
		i := queue.pop()
		fn := order[i]
		count[i]++
		st := warm.take(e, i, fn)
		st.run()
		sum, flows := e.finish(st)
		warm.keep(i, st)
		fnFlows[fn] = flows
		old := e.sums[fn]
		e.sums[fn] = sum
		if sameSummary(old, sum) {
			continue
		}
		for _, c := range callers[fn] {
			j := index[c]
			if count[j] >= maxAnalysesPerFunc {
				e.bound("summary iterations for " + c.String())
				continue
			}
			queue.push(j)
		}
	}
	e.entryPoints(order, called)
	for _, fn := range order {
		for _, f := range fnFlows[fn] {
			k := fmt.Sprintf("%d|%s|%s|%s|%s|%s", f.Pos, f.Category, f.Sink, f.Kind, f.Recipient, f.Purpose)
			if _, dup := e.flows[k]; !dup {
				e.flows[k] = f
			}
		}
	}
}

func isRenderMethod(name string) bool {
	for _, names := range redactMethods {
		for _, n := range names {
			if n == name {
				return true
			}
		}
	}
	return false
}

// sameSummary reports whether two summaries say the same, paths aside:
// labels only grow, so equal summaries mean the fixed point is reached.
func sameSummary(a, b *FuncFact) bool {
	if a == nil {
		a = &FuncFact{}
	}
	if b == nil {
		b = &FuncFact{}
	}
	return slices.EqualFunc(a.Sinks, b.Sinks, func(x, y ParamSink) bool {
		return x.Param == y.Param && x.Src == y.Src && x.San == y.San && x.Kind == y.Kind &&
			x.Sink == y.Sink && x.Recipient == y.Recipient && x.Purpose == y.Purpose && x.Render == y.Render
	}) && slices.EqualFunc(a.Flows, b.Flows, func(x, y ParamFlow) bool {
		return x.Param == y.Param && x.Src == y.Src && x.San == y.San && x.Result == y.Result && x.At == y.At && x.Render == y.Render && x.Box == y.Box
	}) && slices.EqualFunc(a.Results, b.Results, func(x, y ResultSource) bool {
		return x.Result == y.Result && x.Category == y.Category && x.At == y.At && x.Via == y.Via && x.Box == y.Box
	}) && slices.Equal(a.Fills, b.Fills) && a.TypeTest == b.TypeTest && a.Recovers == b.Recovers && slices.EqualFunc(a.Requires, b.Requires, func(x, y Requirement) bool {
		return x.Purpose == y.Purpose && x.Category == y.Category && x.Sink == y.Sink && x.Gate == y.Gate
	})
}

// finish turns a converged function state into its summary and the flows
// it reports.
func (e *engine) finish(st *state) (*FuncFact, []*Flow) {
	// A set that reached maxLabels may have dropped labels (taint.add
	// has no engine to tell).
	full := func(t taint) bool { return len(t) >= maxLabels }
	if slices.ContainsFunc(st.hits, func(h hit) bool { return full(h.labels) }) ||
		slices.ContainsFunc(st.results, full) || anyFull(st.vals) || anyFull(st.mem) {
		e.bound(fmt.Sprintf("%d labels on one value in %s", maxLabels, st.fn))
	}
	st.resolveHits()
	sum := &FuncFact{}
	var g interface {
		Guarded(ssa.Instruction, string) bool
	}
	sum.Requires, g = e.requirements(st)
	var flows []*Flow
	// Summary entries are de-duplicated by what they say, paths aside;
	// sends whose destination different parameters give stay apart, as
	// each caller resolves them.
	type entryKey struct {
		kind                     byte
		result                   int
		key                      *key
		sink, recipient, purpose string
		hitKind                  string
		render                   uint8
		destParam                int
	}
	seen := make(map[entryKey]bool)
	for _, h := range st.hits {
		for _, l := range h.labels {
			// The path is built only for what is kept: most labels of a
			// large package's hits repeat an entry already made.
			path := func() []Step { return h.path(l) }
			if l.symbolic() {
				if e.tagged(st.fn, l.param, l.src) {
					// A tagged field of the function's own parameter: the
					// function reports it itself; callers need not know.
					continue
				}
				k := entryKey{kind: 's', key: l.anyAt, hitKind: h.kind, sink: h.sink, recipient: h.recipient, purpose: h.purpose, render: l.rendered}
				if h.dest != nil && h.dest.Param != nil {
					k.destParam = 1 + h.dest.Param.Index
				}
				if seen[k] {
					continue
				}
				seen[k] = true
				guarded := h.guarded || h.instr != nil && h.purpose != "" && g.Guarded(h.instr, h.purpose)
				sum.Sinks = append(sum.Sinks, ParamSink{Param: l.param, Src: l.src, San: l.san, Kind: h.kind, Sink: h.sink, Recipient: h.recipient, Purpose: h.purpose, Guarded: guarded, Dest: h.dest, Expiry: h.expiry, Render: l.rendered, Ignore: h.ignore, Path: path()})
				continue
			}
			pos, remote := h.pos, false
			if len(h.rest) > 0 {
				last := h.rest[len(h.rest)-1]
				if e.local(last.Pos) {
					pos = last.Pos
				} else {
					remote = true
				}
			}
			flows = append(flows, &Flow{
				Category: l.cat, Origin: l.origin, Kind: kindOf(h.kind), Sink: h.sink, Recipient: h.recipient,
				Purpose: h.purpose, Dest: h.dest, Expiry: h.expiry, Pos: pos, Path: path(), Remote: remote,
			})
		}
	}
	// A send of a parameter's field that a send of the field holding it
	// already says is dropped before the bound is applied: p0.conf
	// reaching a sink says p0.conf.URL does.
	if sum.Sinks = dropSubsumed(sum.Sinks); len(sum.Sinks) > maxFactEntries {
		e.bound("summary size of " + st.fn.String())
		sum.Sinks = sum.Sinks[:maxFactEntries]
	}
	cut := false // an entry of Flows or Results past the bound was dropped
	for i, t := range st.results {
		for _, l := range t {
			if l.symbolic() {
				k := entryKey{kind: 'f', key: l.key, result: i, render: l.rendered}
				if seen[k] {
					continue
				}
				if len(sum.Flows) >= maxFactEntries {
					cut = true
					continue
				}
				seen[k] = true
				sum.Flows = append(sum.Flows, ParamFlow{Param: l.param, Src: l.src, San: l.san, Result: i, At: l.at, Render: l.rendered, Box: l.box, Path: l.trace.steps()})
				continue
			}
			k := entryKey{kind: 'r', key: l.key, result: i}
			if seen[k] {
				continue
			}
			if len(sum.Results) >= maxFactEntries {
				cut = true
				continue
			}
			seen[k] = true
			sum.Results = append(sum.Results, ResultSource{Result: i, Category: l.cat, At: l.at, Origin: l.origin, Via: l.via, Box: l.box, Path: l.trace.steps()})
		}
	}
	if cut {
		e.bound("summary size of " + st.fn.String())
	}
	sum.Fills = slices.Clone(st.fills)
	sum.TypeTest = e.typeTestOf(st.fn)
	sum.Recovers = e.callsRecover(st.fn)
	if len(sum.Fills) > maxFactEntries {
		e.bound("summary size of " + st.fn.String())
		sum.Fills = sum.Fills[:maxFactEntries]
	}
	sortSummary(sum)
	return sum, flows
}

// resolveHits resolves, once the function has converged, where its
// outbound sends go and how long its writes keep the data, and drops the
// sends to a test server of the process itself: they reach no outside
// party.
func (st *state) resolveHits() {
	kept := st.hits[:0]
	for _, h := range st.hits {
		switch {
		case h.destName != "" && h.dest == nil:
			if d, ok := dest.OfCall(st.fn, h.destName, h.destArgs); ok {
				h.dest = &d
			}
		case h.destName == "" && h.dest != nil && h.dest.Param != nil:
			d := dest.Substitute(st.fn, *h.dest, h.destArgs)
			h.dest = &d
		}
		if h.ttlForm != "" && h.expiry == nil {
			x := expiryOf(h.ttlArg, h.ttlForm)
			h.expiry = &x
		}
		if h.dest != nil && h.dest.TestServer {
			continue
		}
		kept = append(kept, h)
	}
	st.hits = kept
}

// unresolved is d without the parameter it names: for a send reached
// where no call passes that parameter (a closure made here).
func unresolved(d *dest.Destination) *dest.Destination {
	if d == nil || d.Param == nil {
		return d
	}
	c := *d
	c.Param = nil
	return &c
}

// sortSummary orders a summary's entries by everything sameSummary
// compares, so that equal summaries compare equal whatever order the
// labels were found in.
func sortSummary(s *FuncFact) {
	slices.SortStableFunc(s.Sinks, func(a, b ParamSink) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Src, b.Src), cmp.Compare(a.San, b.San),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Sink, b.Sink), cmp.Compare(a.Recipient, b.Recipient),
			cmp.Compare(a.Purpose, b.Purpose), cmp.Compare(a.Render, b.Render))
	})
	slices.SortStableFunc(s.Flows, func(a, b ParamFlow) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Src, b.Src), cmp.Compare(a.San, b.San),
			cmp.Compare(a.Result, b.Result), cmp.Compare(a.At, b.At), cmp.Compare(a.Render, b.Render), cmp.Compare(a.Box, b.Box))
	})
	slices.SortStableFunc(s.Results, func(a, b ResultSource) int {
		return cmp.Or(cmp.Compare(a.Result, b.Result), cmp.Compare(a.Category, b.Category), cmp.Compare(a.At, b.At), cmp.Compare(a.Via, b.Via), cmp.Compare(a.Box, b.Box))
	})
	slices.SortStableFunc(s.Fills, func(a, b ParamFill) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.At, b.At))
	})
	slices.SortStableFunc(s.Requires, func(a, b Requirement) int {
		return cmp.Or(cmp.Compare(a.Purpose, b.Purpose), cmp.Compare(a.Category, b.Category),
			cmp.Compare(a.Sink, b.Sink), compareBool(a.Gate, b.Gate))
	})
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// tagged reports whether field path src of parameter i of fn is a field
// with categories of its own (a tag or a policy source).
func (e *engine) tagged(fn *ssa.Function, i int, src string) bool {
	if src == "" {
		return false
	}
	var t types.Type
	switch {
	case i < len(fn.Params):
		t = fn.Params[i].Type()
	case i-len(fn.Params) < len(fn.FreeVars):
		t = fn.FreeVars[i-len(fn.Params)].Type()
	default:
		return false
	}
	for name := range strings.SplitSeq(src, ".") {
		// Free variables are captured by reference (**User for a
		// captured *User): look through every level of pointer.
		for {
			p, ok := t.Underlying().(*types.Pointer)
			if !ok {
				break
			}
			t = p.Elem()
		}
		owner, st := structOf(t)
		if st == nil {
			return false
		}
		found := false
		for j := 0; j < st.NumFields(); j++ {
			if st.Field(j).Name() == name {
				if len(e.fieldCats(owner, st, j)) > 0 {
					return true
				}
				t = st.Field(j).Type()
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return false
}

// entryPoints reports the consent requirements that reach a function no
// function of this package calls: a function nobody in the package calls
// and that importers cannot call either (unexported, or in package main,
// or a function literal handed elsewhere) is where an unguarded path
// starts. Requirements of exported functions travel to importers as
// facts instead.
func (e *engine) entryPoints(order []*ssa.Function, called map[*ssa.Function]bool) {
	isMain := e.pass.Pkg.Name() == "main"
	for _, fn := range order {
		sum := e.sums[fn]
		if sum == nil || len(sum.Requires) == 0 || called[fn] {
			continue
		}
		if obj, ok := fn.Object().(*types.Func); ok && obj.Exported() && !isMain && fn.Parent() == nil {
			continue
		}
		start, end := fn.Pos(), fn.Pos()
		if syn := fn.Syntax(); syn != nil {
			start, end = syn.Pos(), syn.End()
		}
		for _, rq := range sum.Requires {
			// Reported at the last step of the path inside the entry
			// point (closures included): its own send, or the call in
			// it that starts the unguarded path.
			pos := fn.Pos()
			for _, s := range rq.Path {
				if s.Pos.IsValid() && s.Pos >= start && s.Pos <= end {
					pos = s.Pos
				}
			}
			e.consent = append(e.consent, &ConsentFinding{Requirement: rq, Pos: pos, Entry: entryName(fn)})
		}
	}
	sort.SliceStable(e.consent, func(i, j int) bool { return e.consent[i].Pos < e.consent[j].Pos })
}

// expiryOf reads the expiry a write sets, by the form its model names.
func expiryOf(v ssa.Value, form string) ttl.Expiry {
	if v == nil {
		return ttl.Expiry{Kind: ttl.None}
	}
	switch form {
	case "cookie":
		return ttl.OfCookie(v)
	case "redis":
		x := ttl.OfDuration(v, false)
		if x.Kind == ttl.Known && x.Duration == 0 {
			return ttl.Expiry{Kind: ttl.None} // go-redis: 0 means no expiration
		}
		if x.Kind == ttl.Known && x.Duration < 0 {
			return ttl.Expiry{Kind: ttl.Unknown, Why: "KeepTTL keeps whatever expiry the key had"}
		}
		return x
	}
	x := ttl.OfDuration(v, false)
	if x.Kind == ttl.Known && x.Duration <= 0 {
		return ttl.Expiry{Kind: ttl.None}
	}
	return x
}

// worklist is a set of post-order indexes, smallest first.
type worklist struct {
	heap   []int
	queued []bool
}

func (w *worklist) Len() int           { return len(w.heap) }
func (w *worklist) Less(i, j int) bool { return w.heap[i] < w.heap[j] }
func (w *worklist) Swap(i, j int)      { w.heap[i], w.heap[j] = w.heap[j], w.heap[i] }
func (w *worklist) Push(x any)         { w.heap = append(w.heap, x.(int)) }
func (w *worklist) Pop() any {
	x := w.heap[len(w.heap)-1]
	w.heap = w.heap[:len(w.heap)-1]
	return x
}

func (w *worklist) push(i int) {
	if !w.queued[i] {
		w.queued[i] = true
		heap.Push(w, i)
	}
}

func (w *worklist) pop() int {
	i := heap.Pop(w).(int)
	w.queued[i] = false
	return i
}

// entryName names an entry point for people: closures by the function
// they are written in ("func literal in main"), not by SSA's "main$3".
func entryName(fn *ssa.Function) string {
	if fn.Parent() == nil {
		return fn.Name()
	}
	top := fn
	for top.Parent() != nil {
		top = top.Parent()
	}
	return "func literal in " + top.Name()
}

func anyFull(m map[ssa.Value]taint) bool {
	for _, t := range m {
		if len(t) >= maxLabels {
			return true
		}
	}
	return false
}

// dropSubsumed removes the sinks entries that another entry covers: the
// same send of a field path that holds theirs (p0.conf covers
// p0.conf.Headers), all else equal. Order is kept.
func dropSubsumed(sinks []ParamSink) []ParamSink {
	if len(sinks) < 2 {
		return sinks
	}
	out := sinks[:0:0]
	for i, a := range sinks {
		covered := false
		for j, b := range sinks {
			if i != j && a.Param == b.Param && a.Src != b.Src && hasPathPrefix(a.Src, b.Src) && sameSend(a, b) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, a)
		}
	}
	return out
}

// sameSend reports whether two sink entries say the same of their data
// but where it is read from.
func sameSend(a, b ParamSink) bool {
	return a.San == b.San && a.Kind == b.Kind && a.Sink == b.Sink && a.Recipient == b.Recipient &&
		a.Purpose == b.Purpose && a.Guarded == b.Guarded && a.Render == b.Render &&
		slices.Equal(a.Ignore, b.Ignore) && reflect.DeepEqual(a.Dest, b.Dest) && reflect.DeepEqual(a.Expiry, b.Expiry)
}
