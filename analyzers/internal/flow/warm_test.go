package flow

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ssa"
)

// TestClusterEnds: functions in a cycle of calls get the largest
// post-order index of their cycle; the others -1.
func TestClusterEnds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		calls map[int][]int // by post-order index
		n     int
		want  []int
	}{
		{"chain", map[int][]int{2: {1}, 1: {0}}, 3, []int{-1, -1, -1}},
		{"self", map[int][]int{1: {1, 0}}, 2, []int{-1, 1}},
		{"pair", map[int][]int{0: {1}, 1: {0}, 2: {1}}, 3, []int{1, 1, -1}},
		// 0 and 2 call each other through 1; 3 is a cycle of its own
		// above them; 4 calls into both.
		{"nested", map[int][]int{0: {2}, 1: {0}, 2: {1}, 3: {3, 2}, 4: {3, 0}}, 5, []int{2, 2, 2, 3, -1}},
		{"two", map[int][]int{0: {1}, 1: {0}, 2: {3}, 3: {2}}, 4, []int{1, 1, 3, 3}},
	} {
		order := make([]*ssa.Function, tc.n)
		index := make(map[*ssa.Function]int)
		for i := range order {
			order[i] = new(ssa.Function)
			index[order[i]] = i
		}
		callees := make(map[*ssa.Function][]*ssa.Function)
		for from, tos := range tc.calls {
			for _, to := range tos {
				callees[order[from]] = append(callees[order[from]], order[to])
			}
		}
		if diff := cmp.Diff(tc.want, clusterEnds(order, index, callees)); diff != "" {
			t.Errorf("%s: clusterEnds (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestWarmStatesBound: states are kept for functions of a cycle only,
// within maxWarmInstrs, and dropped once their cycle is done.
func TestWarmStatesBound(t *testing.T) {
	fn := func(instrs int) *ssa.Function {
		b := &ssa.BasicBlock{Instrs: make([]ssa.Instruction, instrs)}
		return &ssa.Function{Blocks: []*ssa.BasicBlock{b}}
	}
	w := newWarmStates([]int{1, 1, -1, 4, 4})
	w.keep(0, &state{fn: fn(10)})
	w.keep(2, &state{fn: fn(10)}) // in no cycle
	w.keep(3, &state{fn: fn(maxWarmInstrs)})
	w.keep(4, &state{fn: fn(maxWarmInstrs - 10)})
	if got := len(w.states); got != 2 || w.states[0] == nil || w.states[4] == nil {
		t.Fatalf("kept %v, want the states of 0 and 4", w.states)
	}
	if w.total != maxWarmInstrs {
		t.Errorf("total %d, want %d", w.total, maxWarmInstrs)
	}
	w.sweep(2) // past 0's cycle
	if got := len(w.states); got != 1 || w.states[4] == nil || w.total != maxWarmInstrs-10 {
		t.Errorf("after the first cycle: kept %v (%d instructions), want 4's", w.states, w.total)
	}
}
