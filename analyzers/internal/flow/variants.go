package flow

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Test variants.
//
// With tests, go/packages loads some packages more than once. When x has
// tests in package x, and a test of x imports q, which imports x, then q
// is type-checked again against x-with-its-tests: "q [x.test]". On
// ory/kratos 314 of the 1,608 packages loaded are such copies (its
// driver package, 14 times), and analysing each afresh took a quarter of
// the engine's time under the standalone checker.
//
// A copy has the same files as the package; only its imports differ.
// The engine's result is a function of the files and of the facts read
// from the imports, so when those facts are the same the result is too,
// and the copy re-exports it on its own objects instead of analysing
// again. To tell, each package gets a digest of what its importers can
// read from it: its facts on the objects of its non-test files, and the
// digests of those files' imports (importers read facts on the types of
// indirect imports as well). x with its tests usually has the digest of
// x, since other packages cannot name what tests add, so q [x.test]
// finds the import digests q had and takes q's result. When the tests
// change what x's own functions do (a test type implementing one of x's
// interfaces, say), the digests differ and the copy is analysed.
//
// The standalone checker runs every package in one process and keeps the
// analyses in memory (Variants.Share). Under go vet each package is a
// process of its own: there a package's digest travels to its importers
// as a fact (DigestFact), and each analysis is left in a directory of the
// go command's run for the processes of copies (Variants.ShareDir,
// variants_vet.go).

// digest identifies what importers can read from a package's facts.
type digest [sha256.Size]byte

// stdDigest stands for any standard-library package: the engine exports
// nothing for them, and they have no variants that matter.
var stdDigest = digest{1}

// Variants is shared by the passes of one checker run: the digests of
// the packages analysed so far, and the results of packages loaded more
// than once with the same files.
type Variants struct {
	shared map[string]bool // package paths to share (set by Share, before the run)
	dir    *vetDir         // under go vet (set by ShareDir, before the run)

	mu      sync.Mutex
	digests map[*types.Package]*digest // nil: unknown, so no importer reuses a result
	groups  map[string]*variantGroup   // by package path and file names
	reused  int
}

// variantGroup is the analyses of one package path and file list.
type variantGroup struct {
	done    chan struct{} // closed when the first analysis ends
	entries []*variantEntry
}

// variantEntry is one analysis that a variant with the same files and
// imports of the same digests can reuse.
type variantEntry struct {
	files   []*ast.File
	imports []importDigest
	facts   []namedFact
	res     Result
	digest  *digest
}

type importDigest struct {
	path string
	d    digest
}

// export is a fact the engine exported: on obj, or on the package when
// obj is nil.
type export struct {
	obj  types.Object
	fact analysis.Fact
}

// namedFact is an exported fact by the name of its object ("" for a
// package fact): how a variant finds the object again in its own package.
type namedFact struct {
	name string
	fact analysis.Fact
}

// encodedFact is an exported fact as bytes: Kind is "package", "func",
// "methods" or "type", Name the object's name ("" for a package fact).
// The digest reads them, and go vet's processes write them for their
// copies (variants_vet.go).
type encodedFact struct {
	Kind, Name string
	Data       []byte
	test       bool // the object is declared in a test file (not written)
}

// NewVariants returns a Variants that shares nothing until Share.
func NewVariants() *Variants {
	return &Variants{digests: make(map[*types.Package]*digest), groups: make(map[string]*variantGroup)}
}

// Share makes the packages of these paths share their analysis across
// variants with the same files. It must be called before the run.
func (vs *Variants) Share(paths []string) {
	vs.shared = make(map[string]bool, len(paths))
	for _, p := range paths {
		vs.shared[p] = true
	}
}

// Reused reports how many packages took another variant's analysis.
func (vs *Variants) Reused() int {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	return vs.reused
}

// enabled reports whether the standalone checker shares analyses.
func (vs *Variants) enabled() bool { return vs != nil && len(vs.shared) > 0 }

func (vs *Variants) setDigest(pkg *types.Package, d *digest) {
	if !vs.enabled() {
		return
	}
	vs.mu.Lock()
	vs.digests[pkg] = d
	vs.mu.Unlock()
}

// find returns the analysis of another variant of the pass's package
// that the pass can reuse, if any. The first pass over a package path
// and file list leads: it gets a function to call when its analysis is
// recorded. The others wait for it, so that a copy analysed while the
// package itself is under way still finds its result. (The leader is
// already running, its imports analysed, and it waits for nothing: no
// wait can be circular.)
func (vs *Variants) find(pass *analysis.Pass) (ent *variantEntry, done func()) {
	if !vs.enabled() || !vs.shared[pass.Pkg.Path()] {
		return nil, func() {}
	}
	key := groupKey(pass)
	vs.mu.Lock()
	g := vs.groups[key]
	if g == nil {
		g = &variantGroup{done: make(chan struct{})}
		vs.groups[key] = g
		vs.mu.Unlock()
		return nil, func() { close(g.done) }
	}
	vs.mu.Unlock()
	<-g.done
	imps, ok := vs.importDigests(pass, false)
	if !ok {
		return nil, func() {}
	}
	vs.mu.Lock()
	defer vs.mu.Unlock()
	for _, ent := range g.entries {
		if slices.Equal(ent.files, pass.Files) && slices.Equal(ent.imports, imps) {
			vs.reused++
			return ent, func() {}
		}
	}
	return nil, func() {}
}

func groupKey(pass *analysis.Pass) string {
	var b strings.Builder
	b.WriteString(pass.Pkg.Path())
	for _, f := range pass.Files {
		b.WriteByte(0)
		b.WriteString(pass.Fset.File(f.FileStart).Name())
	}
	return b.String()
}

// record keeps a full analysis: its digest for importers, and, for a
// package with copies, the analysis itself for them (in memory, or under
// go vet in the work directory: store). own is the package's part of the
// inventory.
func (vs *Variants) record(e *engine, res *Result, own []StoredCategory) {
	onDisk := vs.onDisk()
	if !onDisk && !vs.enabled() {
		return
	}
	pass := e.pass
	var d *digest
	facts, ok := encodeFacts(pass, e.exports)
	if imps, ok2 := vs.importDigests(pass, true); ok && ok2 {
		d = digestOf(imps, testMethods(pass), facts)
	}
	if onDisk {
		if d == nil {
			return
		}
		pass.ExportPackageFact(&DigestFact{Digest: *d})
	} else {
		vs.setDigest(pass.Pkg, d)
		if !vs.shared[pass.Pkg.Path()] {
			return
		}
	}
	named, ok := namedFacts(e.exports)
	if d == nil || !ok {
		return
	}
	imps, ok := vs.importDigests(pass, false)
	if !ok {
		return
	}
	if onDisk {
		vs.store(e, res, own, *d, imps, facts)
		return
	}
	vs.mu.Lock()
	defer vs.mu.Unlock()
	g := vs.groups[groupKey(pass)]
	g.entries = append(g.entries, &variantEntry{files: pass.Files, imports: imps, facts: named, res: *res, digest: d})
}

// namedFacts returns the facts to re-export in a variant, by their
// objects' names (the inventory is recomputed by each variant from its
// own imports); false when one is on a local type, which a variant
// cannot find by name.
func namedFacts(exports []export) ([]namedFact, bool) {
	out := make([]namedFact, 0, len(exports))
	for _, x := range exports {
		if _, inv := x.fact.(*InventoryFact); inv {
			continue
		}
		if x.obj == nil {
			out = append(out, namedFact{"", x.fact})
			continue
		}
		if x.obj.Parent() != x.obj.Pkg().Scope() {
			return nil, false
		}
		out = append(out, namedFact{x.obj.Name(), x.fact})
	}
	return out, true
}

// encodeFacts encodes the exported facts but the inventory; false when
// one is of a kind it does not know.
func encodeFacts(pass *analysis.Pass, exports []export) ([]encodedFact, bool) {
	out := make([]encodedFact, 0, len(exports))
	for _, x := range exports {
		var f encodedFact
		var err error
		switch fact := x.fact.(type) {
		case *InventoryFact:
			continue
		case *PackageFact:
			f.Kind = "package"
		case *FuncFact:
			f.Kind = "func"
			f.Data, err = fact.GobEncode()
		case *MethodsFact:
			f.Kind = "methods"
			f.Data, err = fact.GobEncode()
		case *TypeFact:
			f.Kind = "type"
			f.Data = []byte(strings.Join(fact.Categories, "\n"))
		default:
			return nil, false
		}
		if err != nil {
			return nil, false
		}
		if x.obj != nil {
			f.Name, f.test = x.obj.Name(), inTestFile(pass, x.obj.Pos())
		}
		out = append(out, f)
	}
	return out, true
}

// decodeFact is the inverse of encodeFacts for one fact.
func decodeFact(f encodedFact) (analysis.Fact, error) {
	switch f.Kind {
	case "package":
		return new(PackageFact), nil
	case "func":
		fact := new(FuncFact)
		return fact, fact.GobDecode(f.Data)
	case "methods":
		fact := new(MethodsFact)
		return fact, fact.GobDecode(f.Data)
	case "type":
		return &TypeFact{Categories: strings.Split(string(f.Data), "\n")}, nil
	}
	return nil, fmt.Errorf("privacyvet: a fact of unknown kind %q", f.Kind)
}

// importDigests returns the digests of the packages that the pass's
// files import (only its non-test files, with nonTest), by path; false
// when one is unknown. Under go vet the digests are read from facts.
func (vs *Variants) importDigests(pass *analysis.Pass, nonTest bool) ([]importDigest, bool) {
	var out []importDigest
	seen := make(map[*types.Package]bool)
	for _, f := range pass.Files {
		if nonTest && inTestFile(pass, f.FileStart) {
			continue
		}
		for _, spec := range f.Imports {
			pn := pass.TypesInfo.PkgNameOf(spec)
			if pn == nil || seen[pn.Imported()] {
				continue // import "C"
			}
			p := pn.Imported()
			seen[p] = true
			var d *digest
			if vs.onDisk() {
				d = importedDigest(pass, p)
			} else {
				vs.mu.Lock()
				d = vs.digests[p]
				vs.mu.Unlock()
			}
			if d == nil {
				return nil, false
			}
			out = append(out, importDigest{p.Path(), *d})
		}
	}
	slices.SortFunc(out, func(a, b importDigest) int { return cmp.Compare(a.path, b.path) })
	return out, true
}

// testMethods lists, as "Type.Method", the methods that the package's
// test files declare on named types of its other files, sorted.
func testMethods(pass *analysis.Pass) []string {
	var out []string
	for _, f := range pass.Files {
		if !inTestFile(pass, f.FileStart) {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil {
				continue
			}
			m, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if tn := receiverType(m); tn != nil && !inTestFile(pass, tn.Pos()) {
				out = append(out, tn.Name()+"."+m.Name())
			}
		}
	}
	slices.Sort(out)
	return out
}

// inTestFile reports whether pos lies in a test file of the pass.
func inTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.File(pos).Name(), "_test.go")
}

// digestOf returns the digest of a package analysed in full: its facts
// on objects declared outside test files, the methods that test files
// declare on types of the other files (testMethods), and the digests of
// its non-test files' imports, imps. The inventory is left out: a variant
// recomputes its own from its imports'.
//
// A method that a test file adds to a type of the package changes the
// type's method set in every package compiled against the tests, facts
// or not: an importer's type embedding it may then implement one of the
// importer's interfaces, or a String method may redact it. So such
// methods are part of the digest, by name, whatever their summary.
func digestOf(imps []importDigest, testMethods []string, facts []encodedFact) *digest {
	h := sha256.New()
	for _, im := range imps {
		fmt.Fprintf(h, "import %q ", im.path)
		h.Write(im.d[:])
	}
	for _, name := range testMethods {
		fmt.Fprintf(h, "test method %q ", name)
	}
	// Package facts say nothing (the PackageFact) or are recomputed (the
	// inventory); no other package can name an object of a test file.
	var own []encodedFact
	for _, f := range facts {
		if f.Name != "" && !f.test {
			own = append(own, f)
		}
	}
	slices.SortFunc(own, func(a, b encodedFact) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Kind, b.Kind), bytes.Compare(a.Data, b.Data))
	})
	for _, f := range own {
		fmt.Fprintf(h, "fact %q %q %d ", f.Name, f.Kind, len(f.Data))
		h.Write(f.Data)
	}
	var d digest
	h.Sum(d[:0])
	return &d
}

// replay re-exports a variant's analysis on the pass's own objects and
// recomputes the inventory from the pass's imports. It reports false,
// exporting nothing, when the analysis does not fit the package.
func (e *engine) replay(ent *variantEntry, res *Result) bool {
	if !e.reexport(ent.facts) {
		return false
	}
	r := ent.res
	r.Policy, r.Marks, r.Err = res.Policy, res.Marks, res.Err
	r.Retained = e.inventory(e.ownStores(r.Flows))
	*res = r
	return true
}

// reexport exports facts on the objects of the pass's package with their
// names. It reports false, exporting nothing, when a name has no object
// of the kind its fact goes on: a function for a summary, a type for
// method summaries and categories.
func (e *engine) reexport(facts []namedFact) bool {
	scope := e.pass.Pkg.Scope()
	objs := make([]types.Object, len(facts))
	for i, f := range facts {
		if f.name == "" {
			continue
		}
		o := scope.Lookup(f.name)
		var ok bool
		switch f.fact.(type) {
		case *FuncFact:
			_, ok = o.(*types.Func)
		default:
			_, ok = o.(*types.TypeName)
		}
		if !ok {
			return false
		}
		objs[i] = o
	}
	for i, f := range facts {
		if objs[i] == nil {
			e.exportPackage(f.fact)
		} else {
			e.exportObject(objs[i], f.fact)
		}
	}
	return true
}

// exportObject exports a fact on obj, keeping it for the variants.
func (e *engine) exportObject(obj types.Object, fact analysis.Fact) {
	e.pass.ExportObjectFact(obj, fact)
	e.exports = append(e.exports, export{obj, fact})
}

// exportPackage exports a package fact, keeping it for the variants.
func (e *engine) exportPackage(fact analysis.Fact) {
	e.pass.ExportPackageFact(fact)
	e.exports = append(e.exports, export{nil, fact})
}
