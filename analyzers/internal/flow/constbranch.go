package flow

import (
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// The engine analyses the program the build configuration gives, as the
// compiler builds it: a branch on a constant condition takes one way
// only. go/ssa keeps both successors of such a branch (the compiler
// drops the other), so the engine itself does not run the blocks that
// only the untaken way leads to, nor read a φ-node's edge from them.
//
// Constant conditions are how Go code selects by build configuration
// outside build tags: runtime.GOOS == "windows", a const debug = false
// set in a file a tag selects, and the tracing that transpiled C code
// carries in every function (modernc.org/libc's
// if __ccgo_strace { trc(...) }, which formats every argument to
// os.Stdout). Following such a branch would report data reaching a log
// that this build never writes, and put that log into the summary of
// every function that holds one: in modernc.org/sqlite/lib, 19,000
// parameter-to-log entries, all of them for code that is not built.

// liveSuccs returns the successors of b that control can reach: both of
// an If's, unless its condition is a constant.
func liveSuccs(b *ssa.BasicBlock) []*ssa.BasicBlock {
	if len(b.Succs) != 2 || len(b.Instrs) == 0 {
		return b.Succs
	}
	if k, ok := constCond(b); ok {
		if k {
			return b.Succs[:1]
		}
		return b.Succs[1:]
	}
	return b.Succs
}

// constCond returns the value of the condition of the If ending b, if
// it is a constant: a constant expression (go/ssa folds those), or a
// comparison of two constants, which is how a switch on a constant
// (switch runtime.GOOS { case "windows": ... }) compares its cases.
func constCond(b *ssa.BasicBlock) (value, ok bool) {
	in, isIf := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !isIf {
		return false, false
	}
	var v constant.Value
	switch c := in.Cond.(type) {
	case *ssa.Const:
		v = c.Value
	case *ssa.BinOp:
		x, okx := c.X.(*ssa.Const)
		y, oky := c.Y.(*ssa.Const)
		if !okx || !oky || x.Value == nil || y.Value == nil {
			return false, false
		}
		switch c.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		default:
			return false, false
		}
		if x.Value.Kind() != y.Value.Kind() && !(isNumeric(x.Value) && isNumeric(y.Value)) {
			return false, false
		}
		v = constant.MakeBool(constant.Compare(x.Value, c.Op, y.Value))
	}
	if v == nil || v.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(v), true
}

func isNumeric(v constant.Value) bool {
	switch v.Kind() {
	case constant.Int, constant.Float, constant.Complex:
		return true
	}
	return false
}

// liveEdge reports whether control can pass from block p to its
// successor b, given the live successors of each block (nil: every edge
// is live).
func liveEdge(live [][]*ssa.BasicBlock, p, b *ssa.BasicBlock) bool {
	return live == nil || slices.Contains(live[p.Index], b)
}
