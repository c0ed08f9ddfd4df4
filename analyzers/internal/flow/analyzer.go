package flow

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
	"github.com/privacyvet/privacyvet/policy"
)

// Flow is one flow of personal data from a source to a sink, found in
// the package under analysis.
type Flow struct {
	Category  string
	Origin    string // where the category was attached: "User.Email", "func RealIP"
	Kind      models.SinkKind
	Sink      string // display name of the sink, e.g. "log.Printf"
	Recipient string // for thirdparty sinks named with a recipient (directive, policy, SDK package)
	Purpose   string // the purpose the sink serves (//privacy:purpose on the sending function or a caller that hands the data on, or the policy's sink entry)
	// Dest is where an outbound send goes, as far as the code lets it be
	// known; nil when the sink is not an outbound call the engine can
	// resolve (a //privacy:sink thirdparty function, an SDK call). Sends
	// to a test server of the process itself make no Flow.
	Dest *dest.Destination
	// Expiry is how long a store or cookie write keeps the data, for
	// writes that can carry an expiry (a cache set, a cookie, a
	// //privacy:sink store function with a time.Duration parameter);
	// nil for writes that cannot.
	Expiry *ttl.Expiry
	// Pos is where the flow is reported: the sink when it is in this
	// package, else the call in this package that hands the data on.
	Pos token.Pos
	// Path walks from the source to the sink.
	Path []Step
	// Remote is true when the sink lies in another package.
	Remote bool
}

// Result is the flow analyzer's result.
type Result struct {
	Err    error // the policy could not be read: rules fail with it
	Policy *policy.Policy
	Marks  *marks.Marks
	Flows  []*Flow
	// Consent lists unguarded sends under purposes that need consent, at
	// the package's entry points; Ignored, consent checks whose result
	// decides nothing.
	Consent []*ConsentFinding
	Ignored []IgnoredCheck
	// Retained (main packages only) lists categories with a retention
	// limit that the program stores where entries cannot expire and that
	// no erase function covers.
	Retained []Retained
	// Bounds lists the engine limits hit while analysing the package
	// (fixed-point rounds, label sets): the findings may be incomplete.
	Bounds []string
}

// PackageFact marks a package as analysed by the engine: in an importer,
// a function of such a package with no FuncFact is known to be clean,
// while a function of an unanalysed package (the standard library, whose
// behaviour comes from models) gets the conservative default.
type PackageFact struct{}

func (*PackageFact) AFact()         {}
func (*PackageFact) String() string { return "analysed" }

// New returns the flow engine analyzer, reading annotations from mk and
// sharing the analysis of test variants through vs (nil: not shared).
func New(mk *analysis.Analyzer, vs *Variants) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "privacyflow",
		Doc:        "follow personal data from its sources to sinks (the engine shared by privacyvet's rules)",
		URL:        "https://github.com/privacyvet/privacyvet/blob/main/docs/rules.md",
		Requires:   []*analysis.Analyzer{mk},
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(FuncFact), new(MethodsFact), new(TypeFact), new(PackageFact), new(InventoryFact), new(DigestFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[mk].(*marks.Marks)
			return run(pass, m, vs)
		},
	}
}

// isStd reports whether path is a standard-library package: its first
// element has no dot. The engine does not summarise the standard
// library; models describe what matters of it.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func run(pass *analysis.Pass, m *marks.Marks, vs *Variants) (res *Result, err error) {
	res = &Result{Policy: m.Policy, Marks: m, Err: m.Err}
	if m.Err != nil {
		return res, nil
	}
	if stdPackage(pass) {
		vs.setDigest(pass.Pkg, &stdDigest)
		return res, nil
	}
	defer func() {
		// An engine bug must not take down the whole vet run: it becomes
		// an error of this package, with the panic value, so the user can
		// report it and the other packages are still analysed.
		if r := recover(); r != nil {
			err = fmt.Errorf("privacyvet: internal error analysing %s: %v (please report this)", pass.Pkg.Path(), r)
		}
	}()
	e := newEngine(pass, m)
	ent, done := vs.find(pass)
	defer done() // after record: a variant waiting for this analysis finds it
	if ent != nil && e.replay(ent, res) {
		vs.setDigest(pass.Pkg, ent.digest)
		return res, nil
	}
	if vs.load(e, res) {
		return res, nil
	}
	e.exportMarks()
	e.build()
	e.solve()
	e.exportSummaries()
	e.exportPackage(new(PackageFact))
	res.Flows = e.sortedFlows()
	own := e.ownStores(res.Flows)
	res.Retained = e.inventory(own)
	res.Consent = e.consent
	for _, fn := range e.funcs {
		res.Ignored = append(res.Ignored, e.ignored[fn]...)
	}
	res.Bounds = e.bounds
	vs.record(e, res, own)
	return res, nil
}

// stdPackage reports whether the pass is over a standard-library
// package: a dot-less path with files under GOROOT. (Dot-less test
// packages elsewhere, and "command-line-arguments", are analysed.)
func stdPackage(pass *analysis.Pass) bool {
	if !isStd(pass.Pkg.Path()) {
		return false
	}
	// Some files of a cgo package are generated into the build cache, so
	// one file under GOROOT decides.
	root := filepath.ToSlash(filepath.Join(build.Default.GOROOT, "src")) + "/"
	for _, f := range pass.Files {
		if strings.HasPrefix(filepath.ToSlash(pass.Fset.File(f.Pos()).Name()), root) {
			return true
		}
	}
	return false
}

type engine struct {
	pass      *analysis.Pass
	pol       *policy.Policy
	marks     *marks.Marks
	prog      *ssa.Program
	pkg       *ssa.Package
	funcs     []*ssa.Function
	sums      map[*ssa.Function]*FuncFact
	files     map[*token.File]bool
	types     typeCache
	deciding  int // redactions being decided (types.go)
	locs      map[token.Pos]string
	fields    map[*types.Var][]string
	redact    map[redactKey]bool
	flows     map[string]*Flow
	bounds    []string
	boundSeen map[string]bool
	in        *interner // label keys
	descs     map[descKey]*callInfo
	cells     map[*ssa.Function]*cellInfo
	recovers  map[*ssa.Function]bool          // callsRecover
	impls     map[types.Type][]implementer    // interfaces of the package: the types of it implementing them
	methods   map[*types.Func][]*ssa.Function // localImpls, by interface method
	// policy function lists by name
	polSinks      map[string]*policy.SinkEntry
	polSanitizers map[string][]string
	polConsent    map[string]string
	// consent: functions that wrap a check, checks whose result is ignored
	wrappers map[*ssa.Function]wrapper
	ignored  map[*ssa.Function][]IgnoredCheck
	consent  []*ConsentFinding
	consents map[*types.Func]string // consentOf
	// methodFacts: imported method summaries, by type (importMethodFact)
	methodFacts map[*types.TypeName]*MethodsFact
	exports     []export // the facts exported, for the variants (variants.go)
}

func newEngine(pass *analysis.Pass, m *marks.Marks) *engine {
	e := &engine{
		pass:     pass,
		in:       newInterner(),
		descs:    make(map[descKey]*callInfo),
		pol:      m.Policy,
		marks:    m,
		sums:     make(map[*ssa.Function]*FuncFact),
		files:    make(map[*token.File]bool),
		fields:   make(map[*types.Var][]string),
		redact:   make(map[redactKey]bool),
		flows:    make(map[string]*Flow),
		wrappers: make(map[*ssa.Function]wrapper),
		ignored:  make(map[*ssa.Function][]IgnoredCheck),
	}
	for _, f := range pass.Files {
		e.files[pass.Fset.File(f.Pos())] = true
	}
	return e
}

// local reports whether pos lies in the package being analysed.
func (e *engine) local(pos token.Pos) bool {
	return pos.IsValid() && e.files[e.pass.Fset.File(pos)]
}

// build constructs SSA for the package alone. The engine does not use
// the buildssa pass: buildssa requires ctrlflow, whose facts would make
// every dependency (the whole standard library) pay for CFG analysis.
func (e *engine) build() {
	// BareInits: the package initialiser does not call its imports'
	// initialisers, so imports need not all exist in the program.
	e.prog = ssa.NewProgram(e.pass.Fset, ssa.BareInits)
	createImports(e.prog, e.pass.Pkg, e.pass.TypesInfo)
	e.pkg = e.prog.CreatePackage(e.pass.Pkg, e.pass.Files, e.pass.TypesInfo, false)
	e.pkg.Build()

	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		if f == nil || f.Blocks == nil {
			return
		}
		e.funcs = append(e.funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, name := range sortedMembers(e.pkg) {
		switch mem := e.pkg.Members[name].(type) {
		case *ssa.Function:
			add(mem)
		case *ssa.Type:
			for _, m := range declaredMethods(mem.Type(), e.pass.Pkg) {
				add(e.prog.FuncValue(m))
			}
		}
	}
}

// createImports creates, for each import whose package-level functions
// or variables the package names, an SSA package holding just those: the
// only imported members the SSA builder must find. Creating a whole
// imported package allocates a function for every function and method it
// declares; done for every import of every package (net/http has over a
// thousand), it was the largest cost of the engine after the type check.
//
// go/ssa creates a package's members from its files' declarations, so
// each import gets one file of bodiless declarations that the Defs map to
// the real objects: the members are exactly those a package created from
// export data would have for them, and no function of an import is built.
// Methods of imported types are made on demand by go/ssa, and imported
// constants are plain values.
func createImports(prog *ssa.Program, pkg *types.Package, info *types.Info) {
	named := make(map[*types.Package]map[types.Object]bool)
	for _, obj := range info.Uses {
		p := obj.Pkg()
		if p == nil || p == pkg {
			continue
		}
		switch o := obj.(type) {
		case *types.Func:
			if o.Signature().Recv() != nil {
				continue
			}
			obj = o.Origin()
		case *types.Var:
			if o.IsField() {
				continue
			}
		default:
			continue
		}
		if named[p] == nil {
			named[p] = make(map[types.Object]bool)
		}
		named[p][obj] = true
	}
	for _, p := range pkg.Imports() {
		if named[p] == nil {
			continue
		}
		objs := slices.SortedFunc(maps.Keys(named[p]), func(a, b types.Object) int {
			return strings.Compare(a.Name(), b.Name())
		})
		defs := make(map[*ast.Ident]types.Object, len(objs))
		decls := make([]ast.Decl, 0, len(objs))
		for _, obj := range objs {
			id := &ast.Ident{Name: obj.Name(), NamePos: obj.Pos()}
			defs[id] = obj
			if _, ok := obj.(*types.Func); ok {
				decls = append(decls, &ast.FuncDecl{Name: id, Type: &ast.FuncType{}})
			} else {
				decls = append(decls, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{id}}}})
			}
		}
		file := &ast.File{Name: ast.NewIdent(p.Name()), Decls: decls}
		prog.CreatePackage(p, []*ast.File{file}, &types.Info{Defs: defs}, true)
	}
}

// declaredMethods returns the methods that package pkg declares on the
// named type t (or the type an alias of t names): those with a value
// receiver, then those with a pointer receiver, each in the order of a
// method set (by Id). A generic type's methods are among them, though
// their receivers, with type parameters of their own, are not identical
// to the type.
func declaredMethods(t types.Type, pkg *types.Package) []*types.Func {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	var val, ptr []*types.Func
	for m := range named.Methods() {
		if m.Pkg() != pkg {
			continue
		}
		if _, isPtr := m.Signature().Recv().Type().(*types.Pointer); isPtr {
			ptr = append(ptr, m)
		} else {
			val = append(val, m)
		}
	}
	byID := func(a, b *types.Func) int { return strings.Compare(a.Id(), b.Id()) }
	slices.SortFunc(val, byID)
	slices.SortFunc(ptr, byID)
	return append(val, ptr...)
}

func sortedMembers(p *ssa.Package) []string {
	names := make([]string, 0, len(p.Members))
	for n := range p.Members {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// exportMarks publishes the package's directives as facts so that
// importers see sources, sinks and sanitizers they cannot parse.
func (e *engine) exportMarks() {
	for tn, cats := range e.marks.Types {
		if len(cats) > 0 {
			e.exportObject(tn, &TypeFact{Categories: cats})
		}
	}
}

// exportSummaries exports the summary of each function and method that
// another package can call: one whose name is exported. An importer
// cannot name the others (a method with an unexported name is out of its
// reach even when promoted), and the engine reads only other packages'
// summaries. Under the standalone checker a method's fact is copied into
// the facts of every package that depends on its package, however far
// (go/analysis/checker keeps facts on methods at each hop): on kratos,
// with 1,100 packages, that copying took half the checker's CPU time. So
// the summaries of a type's methods are exported together, as one fact
// on the type (methodfacts.go).
func (e *engine) exportSummaries() {
	methods := make(methodSums)
	for _, fn := range e.funcs {
		obj, _ := fn.Object().(*types.Func)
		if obj == nil || fn.Parent() != nil || !obj.Exported() {
			continue
		}
		sum := e.sums[fn]
		if sum == nil {
			sum = new(FuncFact)
		}
		fact := e.exportable(sum)
		if mk := e.marks.Funcs[obj]; mk != nil {
			fact.Source = mk.Source
			fact.Sanitizer = mk.Sanitizer
			fact.SanitizeCats = mk.SanitizeCats
			fact.Sink = string(mk.Sink)
			fact.Recipient = mk.Recipient
			fact.Purpose = mk.Purpose
			fact.Consent = mk.Consent
			fact.Erase = mk.Erase
		}
		if w, ok := e.wrappers[fn]; ok && fact.Consent == "" {
			fact.Consent = w.purpose // a wrapper of a check is a check for its importers
		}
		switch {
		case fact.empty():
		case obj.Signature().Recv() != nil:
			methods.add(obj, fact)
		default:
			e.exportObject(obj, fact)
		}
	}
	for tn, f := range methods {
		e.exportObject(tn, f)
	}
}

// exportable rewrites positions as "file:line" strings: a token.Pos means
// nothing in another package's file set.
func (e *engine) exportable(s *FuncFact) *FuncFact {
	out := &FuncFact{}
	for _, x := range s.Sinks {
		x.Path = e.portable(x.Path)
		out.Sinks = append(out.Sinks, x)
	}
	for _, x := range s.Flows {
		x.Path = e.portable(x.Path)
		out.Flows = append(out.Flows, x)
	}
	for _, x := range s.Results {
		x.Path = e.portable(x.Path)
		out.Results = append(out.Results, x)
	}
	out.Fills = s.Fills
	out.TypeTest = s.TypeTest
	out.Recovers = s.Recovers
	for _, x := range s.Requires {
		x.Path = e.portable(x.Path)
		out.Requires = append(out.Requires, x)
	}
	return out
}

func (e *engine) portable(path []Step) []Step {
	out := make([]Step, len(path))
	for i, s := range path {
		if s.Pos.IsValid() {
			s.Loc = e.loc(s.Pos)
			s.Pos = token.NoPos
		}
		out[i] = s
	}
	return out
}

// loc returns "file:line" for pos, one string per position: the paths
// of a package's summaries pass through the same positions again and
// again.
func (e *engine) loc(pos token.Pos) string {
	if l, ok := e.locs[pos]; ok {
		return l
	}
	if e.locs == nil {
		e.locs = make(map[token.Pos]string)
	}
	p := e.pass.Fset.Position(pos)
	l := fmt.Sprintf("%s:%d", shortFile(p.Filename), p.Line)
	e.locs[pos] = l
	return l
}

// shortFile keeps the last two path elements: enough to find the file,
// short enough for a message, and stable across machines.
func shortFile(name string) string {
	parts := strings.Split(strings.ReplaceAll(name, "\\", "/"), "/")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, "/")
}

func (e *engine) sortedFlows() []*Flow {
	out := make([]*Flow, 0, len(e.flows))
	for _, f := range e.flows {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pos != out[j].Pos {
			return out[i].Pos < out[j].Pos
		}
		if out[i].Category != out[j].Category {
			return out[i].Category < out[j].Category
		}
		return out[i].Sink < out[j].Sink
	})
	return out
}

func (e *engine) bound(msg string) {
	if e.boundSeen[msg] {
		return
	}
	if e.boundSeen == nil {
		e.boundSeen = make(map[string]bool)
	}
	e.boundSeen[msg] = true
	e.bounds = append(e.bounds, msg)
}
