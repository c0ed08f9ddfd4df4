package flow

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Errors handled by their type.
//
// A function that returns an error quoting personal data in one of its
// error types, ErrUserNotExist{Email: e}, often has callers that handle
// exactly that type and pass the others on:
//
//	if IsErrUserNotExist(err) { return nil }  // or errors.As(err, &ErrUserNotExist{})
//	log.Print(err)                            // never the e-mail
//
// Labels remember the error type that boxed them (labelKey.box: the
// first conversion of a concrete type to error), and keep it while the
// error is passed on as itself or wrapped (fmt.Errorf's %w, pkg/errors'
// Wrap, errors.Join); a label rendered into the text of another error
// loses it, since that error's chain no longer holds the type. Where a
// test that the error's chain holds type T is false (errors.As, a type
// assertion, or a function that does one, such as IsErrUserNotExist,
// whose summary says so), the blocks that edge dominates see the tested
// error without the labels boxed in T.

// unboxed is the box of a symbolic label whose data was rendered into
// text on the way: the caller drops its own labels' boxes.
const unboxed = "-"

// boxName names the error type t (or *t) for labelKey.box.
func boxName(t types.Type) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path() + "." + n.Obj().Name()
	}
	return ""
}

// box marks the labels of a value of type t converted to error.
func (in *interner) box(t taint, name string) taint {
	if name == "" {
		return t
	}
	out := make(taint, 0, len(t))
	for _, l := range t {
		if l.box == "" || l.box == unboxed {
			l = in.with(l, func(k *labelKey) { k.box = name })
		}
		out.add(l)
	}
	return out
}

// unbox forgets the error types of labels rendered into text.
func (in *interner) unbox(t taint) taint {
	if !slices.ContainsFunc(t, func(l label) bool {
		if l.symbolic() {
			return l.box != unboxed
		}
		return l.box != ""
	}) {
		return t
	}
	var out taint
	for _, l := range t {
		switch {
		case l.symbolic() && l.box != unboxed:
			l = in.with(l, func(k *labelKey) { k.box = unboxed })
		case !l.symbolic() && l.box != "":
			l = in.with(l, func(k *labelKey) { k.box = "" })
		}
		out.add(l)
	}
	return out
}

// substBox applies the box a summary entry records for a parameter's
// data to the labels the caller passes.
func (in *interner) substBox(t taint, box string) taint {
	switch box {
	case "":
		return t
	case unboxed:
		return in.unbox(t)
	}
	return in.box(t, box)
}

// The calls whose error result holds an argument in its chain: that
// argument's labels keep their boxes. errors.Join's operands are handled
// where its variadic arguments are (joined).

// wrapsOperand reports whether the named function wraps a format operand
// printed with verb (fmt.Errorf's %w).
func wrapsOperand(name string, verb rune) bool { return name == "fmt.Errorf" && verb == 'w' }

// wrapsArg reports whether the named function wraps its argument i.
func wrapsArg(name string, i int) bool {
	switch name {
	case "github.com/pkg/errors.Wrap", "github.com/pkg/errors.Wrapf", "github.com/pkg/errors.WithStack",
		"github.com/pkg/errors.WithMessage", "github.com/pkg/errors.WithMessagef":
		return i == 0
	}
	return false
}

// narrowing is a test that the chain of error value holds type box,
// false in the blocks that block dominates.
type narrowing struct {
	box   string
	block *ssa.BasicBlock
}

// narrowingsOf finds fn's false type tests of errors. It runs for every
// analysis of fn: a helper's summary saying what it tests may come later.
func (e *engine) narrowingsOf(fn *ssa.Function) map[ssa.Value][]narrowing {
	var out map[ssa.Value][]narrowing
	for _, b := range fn.Blocks {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || len(b.Succs) != 2 {
			continue
		}
		cond, neg := iff.Cond, false
		for {
			u, ok := cond.(*ssa.UnOp)
			if !ok || u.Op != token.NOT {
				break
			}
			cond, neg = u.X, !neg
		}
		v, box := e.typeTest(cond)
		if v == nil {
			continue
		}
		f := b.Succs[1]
		if neg {
			f = b.Succs[0]
		}
		if len(f.Preds) != 1 {
			continue // reached some other way too
		}
		if out == nil {
			out = make(map[ssa.Value][]narrowing)
		}
		out[v] = append(out[v], narrowing{box: box, block: f})
	}
	return out
}

// typeTest recognises cond as a test that the chain of an error value v
// holds type box: errors.As(v, &T{}), _, ok := v.(T), the same of
// pkg/errors.Cause(v), or a call of a function that does one.
func (e *engine) typeTest(cond ssa.Value) (ssa.Value, string) {
	switch c := cond.(type) {
	case *ssa.Extract:
		ta, ok := c.Tuple.(*ssa.TypeAssert)
		if !ok || c.Index != 1 || types.IsInterface(ta.AssertedType) {
			return nil, ""
		}
		return errorOf(ta.X), boxName(ta.AssertedType)
	case *ssa.Call:
		callee := c.Call.StaticCallee()
		if callee == nil || len(c.Call.Args) == 0 {
			return nil, ""
		}
		obj, _ := callee.Object().(*types.Func)
		if obj == nil {
			return nil, ""
		}
		if n := obj.FullName(); n == "errors.As" || strings.HasSuffix(n, "/errors.As") {
			// The standard library's, or an errors package's that
			// mirrors it (pkg/errors, cockroachdb/errors).
			if len(c.Call.Args) != 2 {
				return nil, ""
			}
			target := stripInterface(c.Call.Args[1])
			p, ok := target.Type().Underlying().(*types.Pointer)
			if !ok {
				return nil, ""
			}
			return errorOf(c.Call.Args[0]), boxName(p.Elem())
		}
		// A helper that does the test says so in its summary (read
		// through describe, which decodes another package's once).
		if ci := e.describe(callee, obj); ci.sum != nil && ci.sum.TypeTest != "" {
			return errorOf(c.Call.Args[0]), ci.sum.TypeTest
		}
	}
	return nil, ""
}

// errorOf sees through pkg/errors.Cause and interface conversions to the
// error value tested.
func errorOf(v ssa.Value) ssa.Value {
	for {
		v = stripInterface(v)
		c, ok := v.(*ssa.Call)
		if !ok {
			return v
		}
		callee := c.Call.StaticCallee()
		if callee == nil || len(c.Call.Args) != 1 {
			return v
		}
		if obj, _ := callee.Object().(*types.Func); obj == nil || !strings.HasSuffix(obj.FullName(), "/errors.Cause") {
			return v
		}
		v = c.Call.Args[0]
	}
}

// typeTestOf returns the type a function with one error parameter and a
// bool result tests its parameter's chain for, if every return is such a
// test or false.
func (e *engine) typeTestOf(fn *ssa.Function) string {
	sig := fn.Signature
	if len(fn.Params) != 1 || sig.Results().Len() != 1 || !isError(fn.Params[0].Type()) || !isBool(sig.Results().At(0).Type()) {
		return ""
	}
	box := ""
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if c, ok := ret.Results[0].(*ssa.Const); ok && c.Value != nil && c.Value.String() == "false" {
			continue
		}
		v, t := e.typeTest(ret.Results[0])
		if v != fn.Params[0] || t == "" || box != "" && box != t {
			return ""
		}
		box = t
	}
	return box
}

// narrowed is t, the taint of v, as seen in the current block: without
// the labels boxed in a type that a false test there rules out.
func (st *state) narrowed(v ssa.Value, t taint) taint {
	ns := st.narrow[v]
	if len(ns) == 0 || st.block == nil || len(t) == 0 {
		return t
	}
	var drop []string
	for _, n := range ns {
		if n.block.Dominates(st.block) {
			drop = append(drop, n.box)
		}
	}
	if len(drop) == 0 {
		return t
	}
	var out taint
	for _, l := range t {
		if l.box != "" && l.box != unboxed && slices.Contains(drop, l.box) {
			continue
		}
		out.add(l)
	}
	return out
}
