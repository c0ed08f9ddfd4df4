package flow

import (
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Re-analysis from the previous fixed point.
//
// A function in a recursive cluster (functions that call each other,
// directly or not) is analysed again each time the summary of a callee in
// the cluster grows. Summaries only grow while the cluster converges, and
// the analysis is monotone in them: what one analysis of the function
// found, the next finds too. So the next analysis starts from the state
// the previous one converged to, not from nothing: its first round adds
// what the grown summaries bring, and it ends there unless that reaches a
// value read earlier in the round. Started from nothing, every analysis
// ran all its rounds again; in transpiled C (modernc.org/sqlite/lib) a
// 13,000-instruction interpreter loop in a cluster was analysed 4 times
// at 6 rounds each.
//
// Hits and inherited consent requirements are rebuilt in every round, so
// the last round's stand as before. The paths found first are kept: a
// label's path is the one by which it was found first, in this analysis
// or an earlier one.
//
// A state is kept only while its cluster can still be analysed again, and
// only up to maxWarmInstrs instructions of kept functions in all.

// maxWarmInstrs bounds the instructions of the functions whose states
// are kept for re-analysis at one time; past it a function is analysed
// again from nothing, as without the reuse.
const maxWarmInstrs = 1 << 18

// clusterEnds returns, for each function of the post-order, the largest
// post-order index in its recursive cluster (strongly connected component
// of the call graph), or -1 for a function in no cycle. Once the worklist,
// which hands out the smallest index first, has handed out an index past
// a cluster's end, no function of the cluster is analysed again: all
// their callees come at or before that end in the post-order.
func clusterEnds(order []*ssa.Function, index map[*ssa.Function]int, callees map[*ssa.Function][]*ssa.Function) []int {
	n := len(order)
	ends := make([]int, n)
	low := make([]int, n)
	num := make([]int, n) // discovery number + 1; 0: not yet discovered
	onStack := make([]bool, n)
	var stack []int
	next := 0
	var connect func(v int)
	connect = func(v int) {
		next++
		num[v], low[v] = next, next
		stack = append(stack, v)
		onStack[v] = true
		self := false
		for _, g := range callees[order[v]] {
			w := index[g]
			switch {
			case w == v:
				self = true
			case num[w] == 0:
				connect(w)
				low[v] = min(low[v], low[w])
			case onStack[w]:
				low[v] = min(low[v], num[w])
			}
		}
		if low[v] != num[v] {
			return
		}
		i := len(stack) - 1
		for stack[i] != v {
			i--
		}
		members := stack[i:]
		stack = stack[:i]
		end := -1
		if len(members) > 1 || self {
			end = slices.Max(members)
		}
		for _, m := range members {
			onStack[m] = false
			ends[m] = end
		}
	}
	for v := range order {
		if num[v] == 0 {
			connect(v)
		}
	}
	return ends
}

// warmStates holds the states of analysed functions of recursive
// clusters that may be analysed again, by post-order index.
type warmStates struct {
	ends   []int
	states map[int]*state
	instrs map[int]int
	total  int
}

func newWarmStates(ends []int) *warmStates {
	return &warmStates{ends: ends, states: make(map[int]*state), instrs: make(map[int]int)}
}

// take returns the state to analyse function i from: its last state when
// one is kept and still applies, a new one otherwise. Called as i is
// handed out, it first drops the states of clusters already done.
func (w *warmStates) take(e *engine, i int, fn *ssa.Function) *state {
	w.sweep(i)
	if st := w.states[i]; st != nil {
		w.drop(i)
		// A false type test by a helper whose summary came since
		// narrows errors the earlier analysis did not: that cannot be
		// undone from its state.
		if narrow := e.narrowingsOf(fn); sameNarrowings(st.narrow, narrow) {
			return st
		}
	}
	return e.newState(fn)
}

// keep keeps the state of function i's analysis when the function may be
// analysed again and the bound allows.
func (w *warmStates) keep(i int, st *state) {
	if w.ends[i] < 0 {
		return
	}
	n := 0
	for _, b := range st.fn.Blocks {
		n += len(b.Instrs)
	}
	if w.total+n > maxWarmInstrs {
		return
	}
	w.states[i], w.instrs[i] = st, n
	w.total += n
}

// sweep drops the states of the clusters that end before index i.
func (w *warmStates) sweep(i int) {
	for j := range w.states {
		if w.ends[j] < i {
			w.drop(j)
		}
	}
}

func (w *warmStates) drop(i int) {
	w.total -= w.instrs[i]
	delete(w.states, i)
	delete(w.instrs, i)
}

func sameNarrowings(a, b map[ssa.Value][]narrowing) bool {
	return maps.EqualFunc(a, b, slices.Equal)
}
