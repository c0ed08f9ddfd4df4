package flow

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// TestConstCond: the value of each function's branches, in the order of
// its blocks ("?" when the condition is not a constant), and the blocks
// that never run.
func TestConstCond(t *testing.T) {
	const src = `package p

const off = false
const name = "linux"
const ratio = 2.0

var v bool
var s string

func ifOff()     { if off { println() } }
func ifNotOff()  { if !off { println() } }
func ifVar()     { if v { println() } }
func andVar()    { if off && v { println() } }
func switched()  { switch name { case "windows": println(1); case "linux": println(2) } }
func switchVar() { switch s { case "windows": println(1) } }
func number()    { switch ratio { case 2: println(1); case 2.5: println(2) } }
func nilPtrs()   { if (*int)(nil) == nil { println() } }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		fn    string
		conds string // each branch's constant value, in block order; ? if none
		dead  []int  // the blocks that never run
	}{
		{"ifOff", "false", []int{1}},
		{"ifNotOff", "false", nil}, // !off swaps the branch's targets: the body runs
		{"ifVar", "?", nil},
		{"andVar", "false ?", []int{1, 3}},
		{"switched", "false true", []int{2}}, // the "windows" case
		{"switchVar", "?", nil},
		{"number", "true false", []int{3, 4}},
		{"nilPtrs", "?", nil},
	} {
		fn := pkg.Func(tc.fn)
		var conds []string
		for _, b := range fn.Blocks {
			if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); !ok {
				continue
			}
			switch v, ok := constCond(b); {
			case !ok:
				conds = append(conds, "?")
			default:
				conds = append(conds, strconv.FormatBool(v))
			}
		}
		_, pos, _, _, _ := reversePostorder(fn)
		var dead []int
		for i, p := range pos {
			if p < 0 {
				dead = append(dead, i)
			}
		}
		var buf bytes.Buffer
		ssa.WriteFunction(&buf, fn)
		if diff := cmp.Diff(tc.conds, strings.Join(conds, " ")); diff != "" {
			t.Errorf("%s: branches (-want +got):\n%s\n%s", tc.fn, diff, &buf)
		}
		if diff := cmp.Diff(tc.dead, dead); diff != "" {
			t.Errorf("%s: dead blocks (-want +got):\n%s\n%s", tc.fn, diff, &buf)
		}
	}
}
