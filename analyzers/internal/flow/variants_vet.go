package flow

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// Test variants under go vet (see variants.go).
//
// go vet runs a process per package, dependencies and test variants
// included, so the copies of a package cannot see its analysis in
// memory. Each process exports its package's digest as a fact, which its
// direct importers read (the digest is transitive by construction), and
// writes its analysis (facts and result) into a directory of the go
// command's work directory, named by the package path, its files and its
// imports' digests. Every process looks there first: go vet often runs
// a copy before its package, so the package itself may take the copy's
// analysis. The result's positions hold because each process parses the
// package's files first, in the same order, into a file set of its own:
// the files have the same bases in every process (the entry records them,
// and a process whose bases differ analyses afresh). Positions in other
// packages (a path step at an imported tagged field) come from export
// data, which differs between a package and its copies, so a result that
// holds one serves only processes that run for facts, which report
// nothing. go vet removes the
// work directory when it ends, so nothing outlives the run; a package
// whose copies have not been analysed yet, or not in this run (go vet's
// cache), is analysed.

// DigestFact carries a package's digest to its importers under go vet.
type DigestFact struct {
	Digest digest
}

func (*DigestFact) AFact() {}

func (f *DigestFact) String() string { return fmt.Sprintf("digest %x", f.Digest[:6]) }

// vetDir is where, under go vet, processes leave their analyses.
type vetDir struct {
	path      string      // in the go command's work directory
	factsOnly bool        // the process runs for facts only: it reports nothing
	on        func() bool // the -share-variants flag, once the flags are parsed
}

// ShareDir makes the process (run by go vet) take the analysis of the
// same files with imports of the same digests from dir, when one is
// there, and leave its own there otherwise. factsOnly says that the
// process runs for facts only (go vet's VetxOnly). on is read at analysis
// time: false shares nothing. Call it before the run.
func (vs *Variants) ShareDir(dir string, factsOnly bool, on func() bool) {
	vs.dir = &vetDir{path: dir, factsOnly: factsOnly, on: on}
}

func (vs *Variants) onDisk() bool { return vs != nil && vs.dir != nil && vs.dir.on() }

// importedDigest returns the digest of an import from its fact: that of
// the standard library for a standard package, which exports none; nil
// when unknown.
func importedDigest(pass *analysis.Pass, p *types.Package) *digest {
	var f DigestFact
	if pass.ImportPackageFact(p, &f) {
		return &f.Digest
	}
	if isStd(p.Path()) && !pass.ImportPackageFact(p, new(PackageFact)) {
		return &stdDigest
	}
	return nil
}

// vetEntry is one package's analysis as written for its copies.
type vetEntry struct {
	Digest    digest
	Facts     []encodedFact
	Stored    []StoredCategory // the package's own part of the inventory
	StoredPos []token.Pos      // the writes of Stored (unexported there)
	Bases     []int            // of the package's files in the file set
	// Reportable: every position of the result is in the package's own
	// files, so a process that reports may take it.
	Reportable bool
	Flows      []*Flow
	// Consent, Ignored and Bounds are the rest of the Result.
	Consent []*ConsentFinding
	Ignored []IgnoredCheck
	Bounds  []string
}

// variantFile names the analysis of the pass's files with these import
// digests.
func variantFile(pass *analysis.Pass, imps []importDigest) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q\n", groupKey(pass))
	for _, im := range imps {
		fmt.Fprintf(h, "import %q ", im.path)
		h.Write(im.d[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// store writes a package's analysis for its copies: d is its digest,
// imps its imports' digests, facts its exported facts. A failure to write
// only means that copies analyse afresh.
func (vs *Variants) store(e *engine, res *Result, own []StoredCategory, d digest, imps []importDigest, facts []encodedFact) {
	pass := e.pass
	ent := vetEntry{Digest: d, Facts: facts, Stored: own, Bases: bases(pass), Reportable: e.ownPositions(res),
		Flows: res.Flows, Consent: res.Consent, Ignored: res.Ignored, Bounds: res.Bounds}
	for _, s := range own {
		ent.StoredPos = append(ent.StoredPos, s.pos)
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(&ent) != nil {
		return
	}
	// Written under a temporary name and renamed: a copy reading it at
	// the same time sees the whole entry or none.
	if os.MkdirAll(vs.dir.path, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(vs.dir.path, "tmp-")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		_ = os.Remove(tmp.Name()) // the work directory goes anyway
		return
	}
	if os.Rename(tmp.Name(), filepath.Join(vs.dir.path, variantFile(pass, imps))) != nil {
		_ = os.Remove(tmp.Name())
	}
}

// load takes the analysis of a package with the same files and imports
// of the same digests, when one was written: it re-exports its facts on
// the pass's objects, returns its result and recomputes the inventory.
// It reports false, exporting nothing, when there is none or it does not
// fit the package.
func (vs *Variants) load(e *engine, res *Result) bool {
	if !vs.onDisk() {
		return false
	}
	pass := e.pass
	imps, ok := vs.importDigests(pass, false)
	if !ok {
		return false
	}
	name := filepath.Join(vs.dir.path, variantFile(pass, imps))
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	var ent vetEntry
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&ent) != nil || !slices.Equal(ent.Bases, bases(pass)) ||
		!ent.Reportable && !vs.dir.factsOnly || len(ent.StoredPos) != len(ent.Stored) {
		return false
	}
	for i := range ent.Stored {
		ent.Stored[i].pos = ent.StoredPos[i]
	}
	named := make([]namedFact, len(ent.Facts))
	for i, f := range ent.Facts {
		fact, err := decodeFact(f)
		if err != nil {
			return false
		}
		named[i] = namedFact{f.Name, fact}
	}
	if !e.reexport(named) {
		return false
	}
	pass.ExportPackageFact(&DigestFact{Digest: ent.Digest})
	res.Flows, res.Consent, res.Ignored, res.Bounds = ent.Flows, ent.Consent, ent.Ignored, ent.Bounds
	res.Retained = e.inventory(ent.Stored)
	// A mark of the reuse, for a run kept with go vet -work.
	if f, err := os.Create(name + ".reused"); err == nil {
		_ = f.Close()
	}
	return true
}

// bases returns the bases of the package's files in the file set.
func bases(pass *analysis.Pass) []int {
	out := make([]int, len(pass.Files))
	for i, f := range pass.Files {
		out[i] = pass.Fset.File(f.FileStart).Base()
	}
	return out
}

// ownPositions reports whether every position of res lies in the
// package's own files (or is unknown).
func (e *engine) ownPositions(res *Result) bool {
	ok := func(pos token.Pos) bool { return !pos.IsValid() || e.local(pos) }
	path := func(p []Step) bool {
		for _, s := range p {
			if !ok(s.Pos) {
				return false
			}
		}
		return true
	}
	for _, f := range res.Flows {
		if !ok(f.Pos) || !path(f.Path) {
			return false
		}
	}
	for _, c := range res.Consent {
		if !ok(c.Pos) || !path(c.Path) {
			return false
		}
	}
	for _, c := range res.Ignored {
		if !ok(c.Pos) {
			return false
		}
	}
	return true
}
