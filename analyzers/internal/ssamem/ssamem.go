// Package ssamem follows SSA values through memory: what a function
// stores into a local variable or a field of a struct it allocates, and
// what a package stores into a package-level variable. The destination
// (dest) and expiry (ttl) resolvers share it.
package ssamem

import (
	"go/token"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// Refs returns the instructions that use v: its referrers, or for a
// package-level variable every instruction of its package that names it.
func Refs(v ssa.Value) []ssa.Instruction {
	if g, ok := v.(*ssa.Global); ok {
		return GlobalUses(g)
	}
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

// Tracked reports whether the stores into p are all visible: p is an
// allocation of this function or a package-level variable of a package
// whose code was built.
func Tracked(p ssa.Value) bool {
	switch p := p.(type) {
	case *ssa.Alloc:
		return true
	case *ssa.Global:
		return p.Pkg != nil && HasCode(p.Pkg)
	}
	return false
}

// Stored returns the values stored whole into *p, and the display name
// of a call that receives p itself (which may write through it), if any.
func Stored(p ssa.Value) (vals []ssa.Value, setBy string) {
	for _, in := range Refs(p) {
		switch in := in.(type) {
		case *ssa.Store:
			if in.Addr == p {
				vals = append(vals, in.Val)
			}
		case ssa.CallInstruction:
			if setBy == "" && Passes(in, p) {
				setBy = CallName(in.Common())
			}
		case *ssa.MakeInterface:
			if setBy == "" {
				if c := CalledWith(in); c != nil {
					setBy = CallName(c.Common())
				}
			}
		}
	}
	return vals, setBy
}

// Passes reports whether call hands v to its callee.
func Passes(call ssa.CallInstruction, v ssa.Value) bool {
	c := call.Common()
	if c.Value == v && c.IsInvoke() {
		return true
	}
	for _, a := range c.Args {
		if a == v {
			return true
		}
	}
	return false
}

// CalledWith returns a call that takes the interface value mi directly.
func CalledWith(mi *ssa.MakeInterface) ssa.CallInstruction {
	for _, in := range *mi.Referrers() {
		if c, ok := in.(ssa.CallInstruction); ok && Passes(c, mi) {
			return c
		}
	}
	return nil
}

// FieldStored returns the values stored into field name of the struct p
// points to: stores through &p.name, or, when there are none, the field
// of a struct copied whole into *p. ok is false when p is not tracked or
// its struct was copied from something that cannot be followed; from is
// then that value.
func FieldStored(p ssa.Value, name string, depth int) (vals []ssa.Value, from ssa.Value, ok bool) {
	if !Tracked(p) || depth > 4 {
		return nil, p, false
	}
	var copies []ssa.Value
	for _, in := range Refs(p) {
		switch in := in.(type) {
		case *ssa.FieldAddr:
			if in.X == p && FieldName(in) == name {
				for _, r := range *in.Referrers() {
					if st, isStore := r.(*ssa.Store); isStore && st.Addr == in {
						vals = append(vals, st.Val)
					}
				}
			}
		case *ssa.Store:
			if in.Addr == p {
				copies = append(copies, in.Val)
			}
		}
	}
	if len(vals) > 0 {
		return vals, nil, true
	}
	for _, c := range copies {
		switch c := c.(type) {
		case *ssa.Const:
			continue // the zero value
		case *ssa.UnOp:
			if c.Op == token.MUL {
				more, from, ok := FieldStored(c.X, name, depth+1)
				if !ok {
					return nil, from, false
				}
				vals = append(vals, more...)
				continue
			}
		}
		return nil, c, false
	}
	return vals, nil, true
}

// FieldLoads returns the loads of field name through p (p.name read as
// a value), for writes made through a pointer held in that field.
func FieldLoads(p ssa.Value, name string) []ssa.Value {
	var out []ssa.Value
	for _, in := range Refs(p) {
		fa, ok := in.(*ssa.FieldAddr)
		if !ok || fa.X != p || FieldName(fa) != name {
			continue
		}
		for _, r := range *fa.Referrers() {
			if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
				out = append(out, ld)
			}
		}
	}
	return out
}

// FieldName is the name of the field fa addresses.
func FieldName(fa *ssa.FieldAddr) string {
	if st, ok := Deref(fa.X.Type()).Underlying().(*types.Struct); ok && fa.Field < st.NumFields() {
		return st.Field(fa.Field).Name()
	}
	return ""
}

// FieldDisplay is "Type.Field" for field i of the struct t is or points
// to, for messages.
func FieldDisplay(t types.Type, i int) string {
	t = Deref(t)
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return "a field"
	}
	name := st.Field(i).Name()
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name() + "." + name
	}
	return name
}

func Deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// Bindings returns the values a closure's free variable is bound to
// where the closure is made.
func Bindings(fv *ssa.FreeVar) []ssa.Value {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	parent := fn.Parent()
	if idx < 0 || parent == nil {
		return nil
	}
	var out []ssa.Value
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == fn && idx < len(mc.Bindings) {
				out = append(out, mc.Bindings[idx])
			}
		}
	}
	return out
}

// CalleeName is the callee's name as go/types prints it
// ("net/http.Get", "(*net/url.URL).String"), or "" for calls of
// function values.
func CalleeName(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return c.Method.FullName()
	}
	if fn := c.StaticCallee(); fn != nil {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		if obj, ok := fn.Object().(*types.Func); ok {
			return obj.FullName()
		}
		return fn.String()
	}
	return ""
}

// CallName is the short name of a callee for messages: "os.Getenv",
// "Config.URL", "a function value".
func CallName(c *ssa.CallCommon) string {
	var obj *types.Func
	if c.IsInvoke() {
		obj = c.Method
	} else if fn := c.StaticCallee(); fn != nil {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		obj, _ = fn.Object().(*types.Func)
		if obj == nil {
			return fn.Name()
		}
	}
	if obj == nil {
		return "a function value"
	}
	if recv := obj.Signature().Recv(); recv != nil {
		if n, ok := types.Unalias(Deref(recv.Type())).(*types.Named); ok {
			return n.Obj().Name() + "." + obj.Name()
		}
		return obj.Name()
	}
	if obj.Pkg() != nil {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	return obj.Name()
}

// Args returns the arguments of a call, receiver first for invoke-mode
// calls, as for static method calls.
func Args(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// Origin says where a value the helpers cannot evaluate comes from.
func Origin(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Parameter:
		return "from parameter " + v.Name()
	case *ssa.FreeVar:
		return "from captured variable " + v.Name()
	case *ssa.Field:
		return "from field " + FieldDisplay(v.X.Type(), v.Field)
	case *ssa.Extract:
		return Origin(v.Tuple)
	case *ssa.Call:
		switch CalleeName(&v.Call) {
		case "os.Getenv", "os.LookupEnv", "syscall.Getenv":
			return "from the environment"
		}
		if strings.HasPrefix(CalleeName(&v.Call), "flag.") || strings.HasPrefix(CalleeName(&v.Call), "(*flag.FlagSet).") {
			return "from a command-line flag"
		}
		return "returned by " + CallName(&v.Call)
	case *ssa.Lookup, *ssa.Index:
		return "from a map, slice or array element"
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			return "from field " + FieldDisplay(x.X.Type(), x.Field)
		case *ssa.Global:
			if Tracked(x) {
				if vals, _ := Stored(x); len(vals) == 1 {
					if c, ok := vals[0].(*ssa.Call); ok {
						return Origin(c) // var endpoint = flag.String(...)
					}
				}
			}
			return "from package variable " + x.Pkg.Pkg.Name() + "." + x.Name()
		case *ssa.IndexAddr:
			return "from a slice or array element"
		case *ssa.Call, *ssa.Parameter, *ssa.FreeVar, *ssa.UnOp:
			return Origin(x)
		}
	case *ssa.ChangeType:
		return Origin(v.X)
	case *ssa.Convert:
		return Origin(v.X)
	case *ssa.MakeInterface:
		return Origin(v.X)
	case *ssa.TypeAssert:
		return Origin(v.X)
	}
	return "computed at run time"
}

// Package-level variables have no referrers in go/ssa: their uses are
// found by scanning the code of their package once, and kept for a few
// packages at a time (a driver analyses packages one after another, or
// a few at once).
var globals struct {
	sync.Mutex
	uses map[*ssa.Package]map[*ssa.Global][]ssa.Instruction
}

const keptPackages = 8

func GlobalUses(g *ssa.Global) []ssa.Instruction {
	if g.Pkg == nil || !HasCode(g.Pkg) {
		return nil
	}
	return UsesIn(g.Pkg)[g]
}

// UsesIn returns the uses of package-level variables (its own and those
// of the packages it imports) in the code of pkg.
func UsesIn(pkg *ssa.Package) map[*ssa.Global][]ssa.Instruction {
	globals.Lock()
	defer globals.Unlock()
	if u, ok := globals.uses[pkg]; ok {
		return u
	}
	if globals.uses == nil || len(globals.uses) >= keptPackages {
		globals.uses = make(map[*ssa.Package]map[*ssa.Global][]ssa.Instruction)
	}
	u := IndexGlobals(pkg)
	globals.uses[pkg] = u
	return u
}

// HasCode reports whether the bodies of pkg's functions were built (a
// package created from export data has none).
func HasCode(pkg *ssa.Package) bool {
	init := pkg.Func("init")
	return init != nil && len(init.Blocks) > 0
}

func IndexGlobals(pkg *ssa.Package) map[*ssa.Global][]ssa.Instruction {
	uses := make(map[*ssa.Global][]ssa.Instruction)
	seen := make(map[*ssa.Function]bool)
	var work []*ssa.Function
	add := func(fn *ssa.Function) {
		if fn != nil && !seen[fn] && fn.Pkg == pkg {
			seen[fn] = true
			work = append(work, fn)
		}
	}
	for _, m := range pkg.Members {
		switch m := m.(type) {
		case *ssa.Function:
			add(m)
		case *ssa.Type:
			n, ok := m.Type().(*types.Named)
			if !ok {
				continue
			}
			for i := range n.NumMethods() {
				add(pkg.Prog.FuncValue(n.Method(i)))
			}
		}
	}
	var ops []*ssa.Value
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, a := range fn.AnonFuncs {
			add(a)
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				ops = in.Operands(ops[:0])
				for _, op := range ops {
					if op == nil {
						continue
					}
					switch v := (*op).(type) {
					case *ssa.Global:
						uses[v] = append(uses[v], in)
					case *ssa.Function:
						add(v)
					}
				}
			}
		}
	}
	return uses
}

// IsInteger reports whether t is an integer type.
func IsInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// IsNamed reports whether t (or what it points to) is the named type
// path.name.
func IsNamed(t types.Type, path, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}
