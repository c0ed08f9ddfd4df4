package flow

import (
	"fmt"
	"go/token"
	"sort"

	"github.com/privacyvet/privacyvet/analyzers/internal/models"
	"github.com/privacyvet/privacyvet/policy"
)

// InventoryFact is a package's inventory for the whole-program retention
// question (PV402): which categories it and everything it imports store
// where entries cannot expire, and which categories erase functions
// cover. Package facts reach direct importers only, so each package
// re-exports the merged inventory of its imports: a main package sees
// the whole program's.
type InventoryFact struct {
	Stored []StoredCategory
	Erased []string // categories some erase function covers
}

func (*InventoryFact) AFact() {}

func (f *InventoryFact) String() string {
	return fmt.Sprintf("inventory(%d stored, erased %v)", len(f.Stored), f.Erased)
}

// StoredCategory is one category written to storage without expiry.
type StoredCategory struct {
	Category string
	Sink     string
	Loc      string // "file:line" of the write
	Pkg      string // the package that writes
	Origin   string

	pos token.Pos // in the package that stores it (not exported)
	via string    // the direct import that carried the entry (not exported)
}

// maxInventory bounds the stored categories carried in an inventory.
const maxInventory = 256

// Retained is a stored category that no erase function covers, seen at a
// main package.
type Retained struct {
	StoredCategory
	Pos token.Pos // the write when it is in this package, else the import that leads to it
	Via string    // the import path that carried it, when the write is elsewhere
}

// ownStores lists the package's own writes, among flows, that cannot
// expire: its part of the inventory.
func (e *engine) ownStores(flows []*Flow) []StoredCategory {
	var out []StoredCategory
	for _, f := range flows {
		if f.Kind != models.Store || f.Expiry != nil {
			continue
		}
		p := e.pass.Fset.Position(f.Pos)
		loc := fmt.Sprintf("%s:%d", shortFile(p.Filename), p.Line)
		if f.Remote && len(f.Path) > 0 && f.Path[len(f.Path)-1].Loc != "" {
			loc = f.Path[len(f.Path)-1].Loc // the write itself, in the package that makes it
		}
		out = append(out, StoredCategory{Category: f.Category, Sink: f.Sink, Origin: f.Origin, Loc: loc, Pkg: e.pass.Pkg.Path(), pos: f.Pos})
	}
	return out
}

// inventory builds, exports and (in a main package) decides the
// package's inventory, from its own writes that cannot expire (ownStores)
// and its imports' inventories.
func (e *engine) inventory(own []StoredCategory) []Retained {
	inv := &InventoryFact{}
	seenStore := make(map[string]int)
	addStore := func(s StoredCategory) {
		if i, ok := seenStore[s.Category]; ok {
			// Prefer the entry carried by a direct import of the
			// package that writes: the report points at that import.
			if old := inv.Stored[i]; old.via != "" && old.via != old.Pkg && s.via == s.Pkg {
				inv.Stored[i] = s
			}
			return
		}
		if len(inv.Stored) >= maxInventory {
			return
		}
		seenStore[s.Category] = len(inv.Stored)
		inv.Stored = append(inv.Stored, s)
	}
	for _, s := range own {
		addStore(s)
	}
	erased := make(map[string]bool)
	// Its erase functions, and the policy's (which name functions
	// anywhere in the program).
	for _, fm := range e.marks.Funcs {
		for _, c := range fm.Erase {
			erased[c] = true
		}
	}
	for _, er := range e.pol.Erasure {
		for _, c := range er.Categories {
			erased[c] = true
		}
	}
	// What the imports carry.
	for _, imp := range e.pass.Pkg.Imports() {
		var f InventoryFact
		if !e.pass.ImportPackageFact(imp, &f) {
			continue
		}
		for _, s := range f.Stored {
			s.via = imp.Path()
			addStore(s)
		}
		for _, c := range f.Erased {
			erased[c] = true
		}
	}
	for c := range erased {
		inv.Erased = append(inv.Erased, c)
	}
	sort.Strings(inv.Erased)
	if len(inv.Stored) > 0 || len(inv.Erased) > 0 {
		e.exportPackage(inv)
	}
	if e.pass.Pkg.Name() != "main" {
		return nil
	}
	var out []Retained
	for _, s := range inv.Stored {
		if !e.needsErase(s.Category) || coveredBy(inv.Erased, s.Category) {
			continue
		}
		r := Retained{StoredCategory: s, Pos: s.pos, Via: s.via}
		if s.via != "" {
			r.Pos = e.importPos(s.via)
		}
		out = append(out, r)
	}
	return out
}

// needsErase: the category has a retention limit (while the account
// lives, or a duration), so storage that cannot expire needs an erase path.
func (e *engine) needsErase(cat string) bool {
	r := e.pol.RetentionFor(cat)
	return r != nil && (r.Max.Account || r.Max.Duration > 0)
}

func coveredBy(erased []string, cat string) bool {
	for _, c := range erased {
		if policy.Covers(c, cat) {
			return true
		}
	}
	return false
}

// importPos finds the import spec of path in the package's files.
func (e *engine) importPos(path string) token.Pos {
	for _, f := range e.pass.Files {
		for _, imp := range f.Imports {
			if imp.Path.Value == fmt.Sprintf("%q", path) {
				return imp.Pos()
			}
		}
	}
	if len(e.pass.Files) > 0 {
		return e.pass.Files[0].Name.Pos()
	}
	return token.NoPos
}
