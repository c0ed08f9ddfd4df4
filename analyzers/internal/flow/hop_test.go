package flow

import (
	"fmt"
	"go/token"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHopSteps: a path is listed oldest first; past maxHops it keeps its
// first two hops and its last ones; rest follows.
func TestHopSteps(t *testing.T) {
	var h *hop
	if got := h.steps(); got != nil {
		t.Errorf("steps of no hop = %v, want nil", got)
	}
	for _, n := range []int{1, 2, maxHops, maxHops + 1, maxHops + 5} {
		h = nil
		var all []Step
		for i := range n {
			h = h.push(token.Pos(i+1), fmt.Sprint("hop ", i))
			all = append(all, Step{Pos: token.Pos(i + 1), What: fmt.Sprint("hop ", i)})
		}
		want := all
		if n > maxHops {
			want = append(slices.Clip(all[:2]), all[n-(maxHops-2):]...)
		}
		rest := []Step{{What: "sink"}}
		if diff := cmp.Diff(append(slices.Clip(want), rest...), h.stepsThen(rest), cmp.AllowUnexported(Step{})); diff != "" {
			t.Errorf("%d hops (-want +got):\n%s", n, diff)
		}
	}
}
