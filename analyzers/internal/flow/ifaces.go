package flow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Interface values.
//
// A value converted to an interface is, to whoever holds the interface,
// its methods: a mailer that takes a User interface and calls
// u.DisplayName() gets what DisplayName returns, not the whole
// structure behind it. When a concrete value is converted to a named
// interface type (not error: an error is rendered whole, through Error
// or its fields), the engine places on the interface value,
// at the path "M()" of each method M, what M's summary says it returns
// of its receiver, and the value itself at "#value", where a type
// assertion finds it again. Printing the interface value (whole) still
// shows everything; a call of M on it, here or in a callee that receives
// it (whose summary names the path "M()" of its parameter), gets only
// M's part.

// valuePath is where an interface value holds its dynamic value.
const valuePath = "#value"

// maxIfaceMethods bounds the interfaces handled so: each method adds
// entries to the summaries of functions that return such values. Real
// code's flow and store interfaces have nine to a dozen methods (kratos's
// flow.Flow, gogs's lfs.Store); at 8, their values were whole and a type
// assertion gave back every field.
const maxIfaceMethods = 16

// methodPath is the field path of method m's results.
func methodPath(m string) string { return m + "()" }

// programInterface returns the interface type t denotes when it is a
// named one with methods, at most maxIfaceMethods, other than error.
func programInterface(t types.Type) *types.Interface {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil // error, any, interface literals
	}
	it, ok := n.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 || it.NumMethods() > maxIfaceMethods {
		return nil
	}
	return it
}

// makeInterface is the taint of x converted to interface type t.
func (st *state) makeInterface(x ssa.Value, t types.Type) taint {
	base := st.eff(x)
	if isError(t) && !types.IsInterface(x.Type()) {
		return st.e.in.box(whole(base), boxName(x.Type()))
	}
	it := programInterface(t)
	if it == nil || len(base) == 0 || types.IsInterface(x.Type()) {
		return whole(base)
	}
	ts := []taint{st.e.in.shift(base, valuePath)}
	for i := 0; i < it.NumMethods(); i++ {
		m := it.Method(i)
		r, ok := st.methodResult(x.Type(), m.Name(), base)
		if !ok {
			return whole(base)
		}
		ts = append(ts, st.e.in.shift(whole(r), methodPath(m.Name())))
	}
	return union(ts...)
}

// methodResult is what method name of type recv returns when called on
// a receiver holding base, from the method's summary; ok is false when
// the method is not known well enough to say.
func (st *state) methodResult(recv types.Type, name string, base taint) (taint, bool) {
	obj, index, _ := types.LookupFieldOrMethod(recv, false, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok || len(index) != 1 {
		return nil, false // promoted from an embedded field: not followed
	}
	var sfn *ssa.Function
	if fn.Pkg() == st.e.pass.Pkg {
		sfn = st.e.prog.FuncValue(fn)
	}
	ci := st.e.describe(sfn, fn)
	switch {
	case ci.sanitizer:
		return nil, true
	case !ci.known || ci.sink != nil || ci.propagate || ci.marshal != "" || len(ci.source) > 0:
		return nil, false
	case ci.local && ci.sum == nil:
		return nil, false // not analysed yet
	case ci.sum == nil:
		return nil, true // analysed, and clean
	}
	var out taint
	for _, f := range ci.sum.Flows {
		if f.Param != 0 {
			continue
		}
		t := st.e.in.sanitizeStr(st.e.in.project(base, f.Src), f.San)
		out = union(out, st.e.in.shift(renderBits(t, f.Render), f.At))
	}
	for _, r := range ci.sum.Results {
		// Only what the method reads of its receiver (and only if the
		// receiver holds data there): the interface value holds its
		// receiver; what the method gets from elsewhere (its arguments,
		// storage) comes with the dynamic call itself, as for any call
		// the engine cannot resolve.
		i, path, _ := strings.Cut(r.Via, ":")
		if i != "0" || len(st.e.in.project(base, path)) == 0 {
			continue
		}
		var tr *hop
		for _, s := range r.Path {
			tr = &hop{pos: s.Pos, loc: s.Loc, what: s.What, prev: tr}
		}
		out.add(st.e.in.concrete(r.Category, r.At, r.Origin, 0, tr))
	}
	return out, true
}

// invokeReceiver is the taint a dynamic call of method name passes on of
// its receiver v: the method's part of a value made here, and for a
// parameter, that part of whatever the caller passes.
func (st *state) invokeReceiver(v ssa.Value, name string) taint {
	return st.e.in.project(st.eff(v), methodPath(name))
}

// methodPart is what an interface value v holds for method name, when it
// was made in the program (ifaces.go): only the labels placed at the
// method's path, not those on the value as a whole.
//
// For a method of the package's own interface (own is set), a
// parameter's labels on the value as a whole are projected to the
// method's path too: the summary then says that what the caller's value
// holds for the method flows on, and each caller supplies it (a mail
// package's SendMail(u User) sends u.Email() of the user its caller
// converted). Another package's interface values that a function only
// passes through (a context, a tracer) are left out: their methods'
// results would fill its summary with paths no caller fills.
func (st *state) methodPart(v ssa.Value, name string, own bool) taint {
	p := methodPath(name)
	var out, whole taint
	for _, l := range st.eff(v) {
		switch {
		case l.at != "" && hasPathPrefix(l.at, p):
			if k := st.e.in.projectKey(l.key, p); k != nil {
				l.key = k
				out.add(l)
			}
		case own && l.at == "" && l.symbolic():
			whole.add(l)
		}
	}
	return union(out, st.e.in.project(whole, p))
}

// assertValue is the taint of the dynamic value an interface value with
// taint t holds.
func (st *state) assertValue(t taint) taint {
	return st.e.in.project(t, valuePath)
}

// implementedHere reports whether a type the package declares implements
// the interface t. An interface only importers implement is, to the
// package, like another package's: the engine cannot see the methods
// that will run, and takes their results as clean but for what a value
// converted in the package holds for them. A generic type counts when it
// has the interface's methods by name.
func (e *engine) implementedHere(t types.Type) bool {
	it, _ := t.Underlying().(*types.Interface)
	if it == nil || it.NumMethods() == 0 {
		return true
	}
	return len(e.implementers(t, it)) > 0
}

// implementer is a type of the package that implements an interface:
// recv is the named type or a pointer to it; generic marks a generic type
// that has the interface's methods by name (its instances are not
// followed).
type implementer struct {
	recv    types.Type
	generic bool
}

// implementers returns the package's types that implement interface t
// (it, its underlying interface), in scope order; the scope is walked
// once per interface.
func (e *engine) implementers(t types.Type, it *types.Interface) []implementer {
	if v, ok := e.impls[t]; ok {
		return v
	}
	var out []implementer
	scope := e.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		nt, ok := tn.Type().(*types.Named)
		if !ok || types.IsInterface(nt) {
			continue
		}
		switch {
		case nt.TypeParams().Len() > 0:
			if hasMethodNames(nt, it) {
				out = append(out, implementer{recv: nt, generic: true})
			}
		case types.Implements(nt, it):
			out = append(out, implementer{recv: nt})
		case types.Implements(types.NewPointer(nt), it):
			out = append(out, implementer{recv: types.NewPointer(nt)})
		}
	}
	if e.impls == nil {
		e.impls = make(map[types.Type][]implementer)
	}
	e.impls[t] = out
	return out
}

// hasMethodNames reports whether the generic type nt declares every
// method of it, by name.
func hasMethodNames(nt *types.Named, it *types.Interface) bool {
	for i := 0; i < it.NumMethods(); i++ {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(nt), false, it.Method(i).Pkg(), it.Method(i).Name())
		if _, ok := obj.(*types.Func); !ok {
			return false
		}
	}
	return true
}
