package guard_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/privacyvet/privacyvet/analyzers/internal/guard"
)

// prelude declares the checks the test oracle knows, and the sink send.
const prelude = `package p

import (
	"errors"
	"fmt"
	"log"
	"os"
	"runtime"
)

func PromoAllowed(id int) bool         { return id > 0 }
func AdsConsent(id int) error          { return errors.New("no") }
func Other(id int) bool                { return id > 1 }
func Marketing(id int) bool            { return id > 2 }
func PromoPref(id int) (int, bool)     { return id, id > 0 }
func AdsToken(id int) (string, error)  { return "", nil }
func send(args ...any)                 {}

var flag bool
var ids []int

var _, _, _, _ = fmt.Sprint, log.Print, os.Exit, runtime.Goexit
`

var checks = map[string]struct {
	purpose string
	shape   guard.Shape
}{
	"PromoAllowed": {"marketing.communications.email", guard.Bool},
	"AdsConsent":   {"marketing.advertising", guard.Error},
	"Other":        {"analytics", guard.Bool},
	"Marketing":    {"marketing", guard.Bool},
	"PromoPref":    {"marketing.communications.email", guard.Bool},
	"AdsToken":     {"marketing.advertising", guard.Error},
}

func oracle(c *ssa.CallCommon) (string, guard.Shape, bool) {
	fn := c.StaticCallee()
	if fn == nil {
		return "", 0, false
	}
	k, ok := checks[fn.Name()]
	return k.purpose, k.shape, ok
}

// build type-checks and builds the package made of the prelude and src.
func build(t *testing.T, src string) (*token.FileSet, []*ssa.Function, string) {
	t.Helper()
	text := prelude + src
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", text, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage("example.com/p", "p")
	conf := &types.Config{Importer: importer.Default()}
	spkg, _, err := ssautil.BuildPackage(conf, fset, pkg, []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	var fns []*ssa.Function
	for fn := range ssautil.AllFunctions(spkg.Prog) {
		if fn.Pkg == spkg && fn.Synthetic == "" {
			fns = append(fns, fn)
		}
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	return fset, fns, text
}

type sinkLine struct {
	Line   int
	Guards string // the purposes guaranteed, space-separated; "-" for none
}

type outcome struct {
	Sinks      []sinkLine
	Ignored    []int // lines of ignored checks
	Propagated []int // lines of propagated checks
	Wrappers   []string
}

var marker = regexp.MustCompile(`// (g|wrap): (.*)$|// (ignored|propagated)\b`)

// want reads the expected outcome from the markers in the source:
// "// g: P..." (or "// g: -") on a send, "// ignored" and "// propagated"
// on a check, "// wrap: SHAPE P..." on a function that is a check.
func want(text string) outcome {
	var o outcome
	for i, line := range strings.Split(text, "\n") {
		m := marker.FindStringSubmatch(line)
		switch {
		case m == nil:
		case m[1] == "g":
			o.Sinks = append(o.Sinks, sinkLine{i + 1, strings.TrimSpace(m[2])})
		case m[1] == "wrap":
			o.Wrappers = append(o.Wrappers, fmt.Sprintf("%d: %s", i+1, strings.TrimSpace(m[2])))
		case m[3] == "ignored":
			o.Ignored = append(o.Ignored, i+1)
		case m[3] == "propagated":
			o.Propagated = append(o.Propagated, i+1)
		}
	}
	return o
}

func got(fset *token.FileSet, fns []*ssa.Function) outcome {
	var o outcome
	line := func(p token.Pos) int { return fset.Position(p).Line }
	for _, fn := range fns {
		g := guard.Compute(fn, oracle)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "send" {
					continue
				}
				s := strings.Join(g.At(call), " ")
				if s == "" {
					s = "-"
				}
				o.Sinks = append(o.Sinks, sinkLine{line(call.Pos()), s})
			}
		}
		for _, c := range g.Ignored() {
			o.Ignored = append(o.Ignored, line(c.Call.Pos()))
		}
		for _, c := range g.Propagated() {
			o.Propagated = append(o.Propagated, line(c.Call.Pos()))
		}
		if shape, ps := g.Wrapper(); shape != 0 {
			o.Wrappers = append(o.Wrappers, fmt.Sprintf("%d: %s %s", line(fn.Pos()), shape, strings.Join(ps, " ")))
		}
	}
	sort.Slice(o.Sinks, func(i, j int) bool { return o.Sinks[i].Line < o.Sinks[j].Line })
	sort.Ints(o.Ignored)
	sort.Ints(o.Propagated)
	sort.Strings(o.Wrappers)
	return o
}

func TestGuards(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fset, fns, text := build(t, tc.src)
			w := want(text)
			sort.Strings(w.Wrappers)
			if len(w.Sinks) == 0 && len(w.Ignored) == 0 && len(w.Propagated) == 0 && len(w.Wrappers) == 0 {
				t.Fatal("case has no markers")
			}
			if diff := cmp.Diff(w, got(fset, fns), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("outcome mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGuardedHierarchy checks that a check guards its purpose and the
// purposes below it, and nothing else.
func TestGuardedHierarchy(t *testing.T) {
	_, fns, _ := build(t, `
func f(id int) {
	if Marketing(id) {
		send(id)
	}
	if PromoAllowed(id) {
		send(id)
	}
	if Other(id) {
		send(id)
	}
}
`)
	var fn *ssa.Function
	for _, f := range fns {
		if f.Name() == "f" {
			fn = f
		}
	}
	g := guard.Compute(fn, oracle)
	var sends []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok && c.Call.StaticCallee().Name() == "send" {
				sends = append(sends, instr)
			}
		}
	}
	if len(sends) != 3 {
		t.Fatalf("found %d sends, want 3", len(sends))
	}
	purposes := []string{"marketing", "marketing.communications", "marketing.communications.email", "marketingx", "analytics"}
	var gotRows []string
	for _, s := range sends {
		var row []string
		for _, p := range purposes {
			if g.Guarded(s, p) {
				row = append(row, p)
			}
		}
		gotRows = append(gotRows, strings.Join(row, " "))
	}
	wantRows := []string{
		"marketing marketing.communications marketing.communications.email",
		"marketing.communications.email",
		"analytics",
	}
	if diff := cmp.Diff(wantRows, gotRows); diff != "" {
		t.Errorf("Guarded mismatch (-want +got):\n%s", diff)
	}
	if n := len(g.Checks()); n != 3 {
		t.Errorf("Checks() has %d checks, want 3", n)
	}
}

// TestClosureCreation checks that the guards at the instruction creating
// a goroutine's closure are known, for the engine to use.
func TestClosureCreation(t *testing.T) {
	_, fns, _ := build(t, `
func f(id int) {
	go func() { send(id) }()
	if !PromoAllowed(id) {
		return
	}
	go func() { send(id) }()
}
`)
	for _, fn := range fns {
		if fn.Name() != "f" {
			continue
		}
		g := guard.Compute(fn, oracle)
		var rows [][]string
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if _, ok := instr.(*ssa.Go); ok {
					rows = append(rows, g.At(instr))
				}
			}
		}
		want := [][]string{nil, {"marketing.communications.email"}}
		if diff := cmp.Diff(want, rows, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("guards at go statements (-want +got):\n%s", diff)
		}
	}
}

// TestLargeFunction runs the analysis on a long chain of conditions kept
// in variables and refined in loops, whose phi nodes depend on one
// another: the solver must stay fast and keep what every path checks.
func TestLargeFunction(t *testing.T) {
	var b strings.Builder
	b.WriteString("\nfunc big(n int) {\n\tv0 := Marketing(n)\n")
	for i := 1; i < 300; i++ {
		fmt.Fprintf(&b, "\tv%d := v%d && Other(%d)\n", i, i-1, i)
		fmt.Fprintf(&b, "\tfor j := 0; j < n; j++ {\n\t\tv%d = v%d && PromoAllowed(j)\n\t}\n", i, i)
	}
	b.WriteString("\tif v299 {\n\t\tsend(n) // g: analytics marketing\n\t}\n}\n")
	fset, fns, text := build(t, b.String())
	start := time.Now()
	o := got(fset, fns)
	t.Logf("analysed in %v", time.Since(start))
	if diff := cmp.Diff(want(text), o, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("outcome mismatch (-want +got):\n%s", diff)
	}
}
