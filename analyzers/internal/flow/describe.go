package flow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/policy"
)

// callInfo is everything the engine knows of a callee.
type callInfo struct {
	name      string // types.Func.FullName, "" for anonymous functions
	display   string // short name for messages: "slog.Info", "User.String"
	sink      *models.Sink
	recipient string
	purpose   string // a policy sink entry's purpose
	sanitizer bool
	sanCats   []string
	source    []string
	marshal   string
	marshalAt int
	writeInto int
	propagate bool
	keep      bool // models.Model.Keep
	format    int  // 1 + index of a printf format argument, 0 for none
	cleanErr  bool
	// sum is the callee's summary; known is false when the engine knows
	// nothing of the callee and must assume the conservative default.
	sum   *FuncFact
	known bool
	local bool // the callee is a function of this package: sum is e.sums[callee]
	// recvOnly: a method of another package's interface, whose package
	// was analysed, or of this package's interface that no type of this
	// package implements: a dynamic call of it gets its receiver's part
	// only.
	recvOnly bool
	// impls: for a method of this package's interface, the package's
	// methods that implement it (dispatch.go); nil when some
	// implementation cannot be followed.
	impls []*ssa.Function
	// implsModelled: one of impls is a modelled method (dispatch takes
	// the call as unknown); implsChecked once it is known.
	implsModelled, implsChecked bool
	// recvFree is withoutReceiver(recvFreeOf), kept for dispatch while
	// sum is still recvFreeOf.
	recvFree, recvFreeOf *FuncFact
}

// funcObject returns the declared function of fn (its generic origin for
// instances), or nil for anonymous and synthetic functions.
func funcObject(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	switch {
	case fn.Synthetic == "", strings.HasPrefix(fn.Synthetic, "from type information"):
		return obj // declared in source, here or in another package
	}
	return nil // wrappers, thunks, range-over-func bodies
}

// displayName is a short, readable name: "slog.Info", "Logger.Printf".
func displayName(obj *types.Func) string {
	if obj == nil {
		return "func literal"
	}
	sig := obj.Signature()
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			pkg := ""
			if n.Obj().Pkg() != nil {
				pkg = n.Obj().Pkg().Name() + "."
			}
			return pkg + n.Obj().Name() + "." + obj.Name()
		}
		return obj.Name()
	}
	if obj.Pkg() != nil {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	return obj.Name()
}

// describe gathers models, directives, policy entries and the summary of
// a callee. fn is the static callee if any; obj its declared function
// (or the interface method of a dynamic call).
//
// The description of a callee is the same at every call and in every
// round, but for the summary of a function of this package, which grows
// while summaries converge: descriptions are cached, and that summary is
// read afresh. Callers must not modify the result.
func (e *engine) describe(fn *ssa.Function, obj *types.Func) *callInfo {
	k := descKey{fn, obj}
	if ci, ok := e.descs[k]; ok {
		if ci.local {
			ci.sum = e.sums[origin(fn)]
		}
		return ci
	}
	ci := e.describeOnce(fn, obj)
	e.descs[k] = ci
	return ci
}

type descKey struct {
	fn  *ssa.Function
	obj *types.Func
}

func (e *engine) describeOnce(fn *ssa.Function, obj *types.Func) *callInfo {
	ci := &callInfo{writeInto: -1, display: displayName(obj)}
	if obj == nil {
		if fn != nil && e.inPackage(fn) {
			ci.sum, ci.known, ci.local = e.sums[origin(fn)], true, true
			ci.display = fn.Name()
		}
		return ci
	}
	ci.name = obj.FullName()
	if m := models.Lookup(ci.name); m != nil {
		ci.sink = m.Sink
		ci.sanitizer, ci.sanCats = m.Sanitizer, m.SanitizeCats
		ci.marshal, ci.marshalAt = m.Marshal, m.MarshalArg
		ci.writeInto = m.WriteInto
		ci.propagate = m.Propagate
		ci.keep = m.Keep
		ci.format = m.Format
	}
	if obj.Pkg() != nil && models.CleanErrors(obj.Pkg().Path()) {
		ci.cleanErr = true
	}
	if e.chainMethod(obj) || e.fieldConstructor(obj) {
		ci.propagate = true
	}
	// Policy entries for code the user cannot annotate.
	if s := e.polSinks[ci.name]; s != nil {
		ci.sink = &models.Sink{Kind: models.SinkKind(s.Kind), Writer: -1, Args: sinkArgs(s.Args, obj)}
		ci.recipient = s.Recipient
		ci.purpose = s.Purpose
	}
	// A call into an SDK the policy names under a recipient's packages
	// sends its arguments to that recipient.
	if ci.sink == nil && obj.Pkg() != nil && obj.Pkg() != e.pass.Pkg {
		if r := e.pol.RecipientForPackage(obj.Pkg().Path()); r != nil && e.pol.RecipientForPackage(e.pass.Pkg.Path()) != r {
			ci.sink = &models.Sink{Kind: models.ThirdParty, Writer: -1}
			ci.recipient = r.Name
		}
	}
	if cats, ok := e.polSanitizers[ci.name]; ok {
		ci.sanitizer, ci.sanCats = true, cats
	}
	ci.source = append(ci.source, e.pol.Sources.Functions[ci.name]...)

	// Directives and summary.
	if mk := e.marks.Funcs[obj]; mk != nil {
		e.applyMarks(ci, mk.Source, mk.Sanitizer, mk.SanitizeCats, string(mk.Sink), mk.Recipient)
	}
	if fn != nil && e.inPackage(fn) {
		ci.sum, ci.known, ci.local = e.sums[origin(fn)], true, true
		ci.sink = withDurationParam(ci.sink, obj)
		return ci
	}
	if e.implsUnseen(obj) {
		// A call of it is taken as clean (a context, a logger, a
		// registry's store passed along is not its result), but for what
		// an interface value made in the program holds for the method
		// (ifaces.go).
		ci.recvOnly = true
		return ci
	}
	if impls := e.localImpls(obj); impls != nil {
		ci.impls = impls
		return ci
	}
	if obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		ci.sink = withDurationParam(ci.sink, obj)
		return ci
	}
	var fact FuncFact
	if e.importFuncFact(obj, &fact) {
		e.applyMarks(ci, fact.Source, fact.Sanitizer, fact.SanitizeCats, fact.Sink, fact.Recipient)
		ci.sink = withDurationParam(ci.sink, obj)
		ci.sum, ci.known = &fact, true
	} else if e.pass.ImportPackageFact(obj.Pkg(), new(PackageFact)) {
		ci.known = true // analysed, and nothing to say: clean
	}
	return ci
}

// sinkArgs is a policy sink's args for obj, or nil (every argument)
// when one names a position obj does not have: an entry that does not
// fit its function sends everything rather than nothing.
func sinkArgs(args []int, obj *types.Func) []int {
	sig := obj.Signature()
	n := sig.Params().Len()
	if sig.Recv() != nil {
		n++
	}
	for _, a := range args {
		if a >= n {
			return nil
		}
	}
	return args
}

// implsUnseen reports whether obj is an interface method whose
// implementations the package cannot see: a method of another package's
// interface, when that package was analysed, or of this package's
// interface when none of its types implements it (a strategy or a
// persister that importers implement).
func (e *engine) implsUnseen(obj *types.Func) bool {
	r := obj.Signature().Recv()
	switch {
	case r == nil || !types.IsInterface(r.Type()) || obj.Pkg() == nil:
		return false
	case obj.Pkg() == e.pass.Pkg:
		return !e.implementedHere(r.Type())
	default:
		return e.pass.ImportPackageFact(obj.Pkg(), new(PackageFact))
	}
}

func (e *engine) applyMarks(ci *callInfo, source []string, san bool, sanCats []string, sink, recipient string) {
	ci.source = append(ci.source, source...)
	if san {
		ci.sanitizer, ci.sanCats = true, sanCats
	}
	if sink != "" {
		ci.sink = &models.Sink{Kind: models.SinkKind(sink), Writer: -1}
		ci.recipient = recipient
	}
}

// withDurationParam gives a //privacy:sink store or cookie function that
// declares a time.Duration parameter that parameter as its expiry.
func withDurationParam(s *models.Sink, obj *types.Func) *models.Sink {
	if s == nil || s.Expiry > 0 || (s.Kind != models.Store && s.Kind != models.Cookie) {
		return s
	}
	sig := obj.Signature()
	off := 0
	if sig.Recv() != nil {
		off = 1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if n, ok := types.Unalias(sig.Params().At(i).Type()).(*types.Named); ok && n.Obj().Pkg() != nil &&
			n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration" {
			c := *s
			c.Expiry, c.ExpiryForm = i+off+1, "duration"
			return &c
		}
	}
	return s
}

func (e *engine) inPackage(fn *ssa.Function) bool {
	return origin(fn).Pkg == e.pkg
}

// origin is the generic function an instance was made from, or fn.
func origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// chainMethod: a builder-style logging method returning its own type.
func (e *engine) chainMethod(obj *types.Func) bool {
	recv := obj.Signature().Recv()
	if recv == nil {
		return false
	}
	rn := namedOf(recv.Type())
	if rn == "" || !models.Chain(rn) {
		return false
	}
	res := obj.Signature().Results()
	return res.Len() == 1 && namedOf(res.At(0).Type()) == rn
}

func (e *engine) fieldConstructor(obj *types.Func) bool {
	if obj.Signature().Recv() != nil {
		return false
	}
	res := obj.Signature().Results()
	return res.Len() == 1 && models.FieldConstructor(namedOf(res.At(0).Type()))
}

// namedOf returns "pkg/path.Name" for a named type or pointer to one.
func namedOf(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

func kindOf(s string) models.SinkKind { return models.SinkKind(s) }

// polIndex indexes the policy's function lists by name.
func (e *engine) polIndex() {
	e.polConsent = make(map[string]string)
	for _, c := range e.pol.Consent {
		for _, f := range c.Functions {
			e.polConsent[f] = c.Purpose
		}
	}
	e.polSinks = make(map[string]*policy.SinkEntry)
	e.polSanitizers = make(map[string][]string)
	for _, s := range e.pol.Sinks {
		for _, f := range s.Functions {
			e.polSinks[f] = s
		}
	}
	for _, s := range e.pol.Sanitizers {
		for _, f := range s.Functions {
			e.polSanitizers[f] = s.Categories
		}
	}
}

// summaryOf returns the summary of a declared function and whether the
// engine knows it (in this package, or a fact of an analysed package).
func (e *engine) summaryOf(obj *types.Func) (*FuncFact, bool) {
	if obj.Pkg() == e.pass.Pkg {
		fn := e.prog.FuncValue(obj)
		if fn == nil {
			return nil, false
		}
		sum := e.sums[fn]
		if sum == nil {
			sum = new(FuncFact)
		}
		if mk := e.marks.Funcs[obj]; mk != nil && mk.Sanitizer {
			s := *sum
			s.Sanitizer = true
			sum = &s
		}
		return sum, e.sums[fn] != nil || (e.marks.Funcs[obj] != nil && e.marks.Funcs[obj].Sanitizer)
	}
	if obj.Pkg() == nil {
		return nil, false
	}
	var fact FuncFact
	if e.importFuncFact(obj, &fact) {
		return &fact, true
	}
	if e.pass.ImportPackageFact(obj.Pkg(), new(PackageFact)) {
		return new(FuncFact), true
	}
	return nil, false
}
