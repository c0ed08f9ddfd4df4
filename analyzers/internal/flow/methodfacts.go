package flow

import (
	"bytes"
	"encoding/binary"
	"errors"
	"go/types"
	"slices"
	"strings"
)

// Summaries of methods travel together, one fact per named type.
//
// A fact on a method does not stay with the method's importers: a
// method is reachable through its type from any package that sees the
// type, so go/analysis/checker (the standalone checker) copies every
// method's fact into the facts of every package that depends on its
// package, however far, and go vet writes them into every such
// package's vet output again. Generated API clients have thousands of
// methods with a summary (a getter's result is its field): on ory/kratos
// (1,100 packages, 41,000 method summaries, 7,400 of them go-github's)
// that copying took half the standalone checker's CPU time. One fact per
// type, holding its methods' summaries, is copied once per type.

// MethodsFact holds the summaries of a named type's methods that say
// something, by method name (sorted).
type MethodsFact struct {
	Names []string
	Sums  []*FuncFact
}

func (*MethodsFact) AFact() {}

func (f *MethodsFact) String() string {
	parts := make([]string, len(f.Names))
	for i, n := range f.Names {
		parts[i] = n + ": " + f.Sums[i].String()
	}
	return "methods(" + strings.Join(parts, "; ") + ")"
}

// GobEncode writes the number of methods, then each one's name and
// summary (as FuncFact.GobEncode writes it), each with its length.
func (f *MethodsFact) GobEncode() ([]byte, error) {
	buf := []byte{factCodecVersion}
	buf = binary.AppendUvarint(buf, uint64(len(f.Names)))
	for i, n := range f.Names {
		s, err := f.Sums[i].GobEncode()
		if err != nil {
			return nil, err
		}
		buf = binary.AppendUvarint(buf, uint64(len(n)))
		buf = append(buf, n...)
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	return buf, nil
}

// GobDecode splits the methods; each summary is decoded when read
// (FuncFact.load).
func (f *MethodsFact) GobDecode(data []byte) error {
	if len(data) == 0 || data[0] != factCodecVersion {
		return errors.New("privacyvet: method summaries of an unknown encoding")
	}
	data = bytes.Clone(data[1:])
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n {
			return nil, false
		}
		b := data[k : k+int(n) : k+int(n)]
		data = data[k+int(n):]
		return b, true
	}
	count, k := binary.Uvarint(data)
	if k <= 0 || count > uint64(len(data)) {
		return errors.New("privacyvet: corrupt method summaries")
	}
	data = data[k:]
	*f = MethodsFact{Names: make([]string, 0, count), Sums: make([]*FuncFact, 0, count)}
	for range count {
		name, ok1 := next()
		sum, ok2 := next()
		if !ok1 || !ok2 || len(sum) == 0 || sum[0] != factCodecVersion {
			return errors.New("privacyvet: corrupt method summaries")
		}
		f.Names = append(f.Names, string(name))
		f.Sums = append(f.Sums, &FuncFact{raw: sum})
	}
	if len(data) != 0 {
		return errors.New("privacyvet: corrupt method summaries: trailing bytes")
	}
	return nil
}

// receiverType returns the named type that declares method m, nil for
// an interface's method.
func receiverType(m *types.Func) *types.TypeName {
	recv := m.Signature().Recv()
	if recv == nil {
		return nil
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || types.IsInterface(named) {
		return nil
	}
	return named.Origin().Obj()
}

// importMethodFact finds the summary of method m of another package in
// its type's MethodsFact, decoded afresh into *fact.
func (e *engine) importMethodFact(m *types.Func, fact *FuncFact) bool {
	tn := receiverType(m)
	if tn == nil {
		return false
	}
	mf, ok := e.methodFacts[tn]
	if !ok {
		mf = new(MethodsFact)
		if !e.pass.ImportObjectFact(tn, mf) {
			mf = nil
		}
		if e.methodFacts == nil {
			e.methodFacts = make(map[*types.TypeName]*MethodsFact)
		}
		e.methodFacts[tn] = mf
	}
	if mf == nil {
		return false
	}
	i, found := slices.BinarySearch(mf.Names, m.Name())
	if !found {
		return false
	}
	*fact = FuncFact{raw: mf.Sums[i].raw}
	if fact.raw == nil { // a fact of this process, never encoded
		*fact = *mf.Sums[i]
		return true
	}
	fact.load()
	return true
}

// methodSums groups the summaries of the package's methods by type, for
// export.
type methodSums map[*types.TypeName]*MethodsFact

func (mf methodSums) add(m *types.Func, sum *FuncFact) {
	tn := receiverType(m)
	if tn == nil {
		return // not a method of a named type: no importer can call it by name
	}
	f := mf[tn]
	if f == nil {
		f = new(MethodsFact)
		mf[tn] = f
	}
	i, _ := slices.BinarySearch(f.Names, m.Name())
	f.Names = slices.Insert(f.Names, i, m.Name())
	f.Sums = slices.Insert(f.Sums, i, sum)
}
