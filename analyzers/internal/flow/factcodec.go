package flow

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"time"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

// The encoding of function summaries.
//
// Under go vet, the facts of a package are written into its vet output
// together with the facts it imported about methods and types, which
// every importer decodes and writes again: a package near the top of a
// program carries the method summaries of most of the program (one fact
// per type: methodfacts.go), and each of its importers reads them all. A
// FuncFact is therefore encoded by hand, compactly (a string table: paths
// repeat their files, sinks and parameters), and it is decoded lazily:
// GobDecode keeps the bytes, the engine decodes the few summaries it
// reads (load), and a fact that a package only passes on is written out
// again as the bytes it came in.

// factCodecVersion starts every encoded summary; a summary of another
// version fails to load (vet's caches are keyed by the tool's build, so
// this is a guard, not a compatibility scheme).
const factCodecVersion = 4

// GobEncode writes the summary compactly, or the bytes it was read from
// when it was never loaded.
func (f *FuncFact) GobEncode() ([]byte, error) {
	if f.raw != nil {
		return f.raw, nil
	}
	w := factWriter{strs: make(map[string]uint64)}
	w.buf = append(w.buf, factCodecVersion)
	w.funcFact(f)
	return w.buf, nil
}

// GobDecode keeps the bytes; load decodes them.
func (f *FuncFact) GobDecode(data []byte) error {
	if len(data) == 0 || data[0] != factCodecVersion {
		return fmt.Errorf("privacyvet: function summary of an unknown encoding")
	}
	*f = FuncFact{raw: bytes.Clone(data)}
	return nil
}

// load decodes a summary read from another package's facts (after
// ImportObjectFact, which copies the fact as read). A summary that does
// not decode is an engine bug: load panics, and the engine reports the
// package's analysis as an internal error.
func (f *FuncFact) load() {
	if f.raw == nil {
		return
	}
	dec, err := decodeFuncFact(f.raw)
	if err != nil {
		panic(fmt.Sprintf("privacyvet: corrupt function summary: %v", err))
	}
	*f = dec
}

func decodeFuncFact(data []byte) (FuncFact, error) {
	var f FuncFact
	if len(data) == 0 || data[0] != factCodecVersion {
		return f, errors.New("unknown encoding")
	}
	r := factReader{data: data, pos: 1}
	r.funcFact(&f)
	if r.err == nil && r.pos != len(r.data) {
		r.err = errors.New("trailing bytes")
	}
	return f, r.err
}

// importFuncFact imports and decodes the summary of a function of
// another package.
func (e *engine) importFuncFact(obj *types.Func, fact *FuncFact) bool {
	if obj.Signature().Recv() != nil {
		return e.importMethodFact(obj, fact)
	}
	if !e.pass.ImportObjectFact(obj, fact) {
		return false
	}
	fact.load()
	return true
}

type factWriter struct {
	buf  []byte
	strs map[string]uint64
}

func (w *factWriter) uint(x uint64) { w.buf = binary.AppendUvarint(w.buf, x) }
func (w *factWriter) int(x int64)   { w.buf = binary.AppendVarint(w.buf, x) }

func (w *factWriter) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

// str writes "" as 0, a string seen before as 2 + its index in the
// table, and a new one as 1, its length and its bytes.
func (w *factWriter) str(s string) {
	if s == "" {
		w.uint(0)
		return
	}
	if i, ok := w.strs[s]; ok {
		w.uint(i + 2)
		return
	}
	w.strs[s] = uint64(len(w.strs))
	w.uint(1)
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *factWriter) strList(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

// loc writes a "file:line" location as the file (shared in the table)
// and line+1, anything else as the string and 0.
func (w *factWriter) loc(s string) {
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		if n, err := strconv.ParseUint(s[i+1:], 10, 32); err == nil && strconv.FormatUint(n, 10) == s[i+1:] {
			w.str(s[:i])
			w.uint(n + 1)
			return
		}
	}
	w.str(s)
	w.uint(0)
}

func (w *factWriter) path(p []Step) {
	w.uint(uint64(len(p)))
	for _, s := range p {
		w.int(int64(s.Pos))
		w.loc(s.Loc)
		w.str(s.What)
	}
}

func (w *factWriter) dest(d *dest.Destination) {
	w.bool(d != nil)
	if d == nil {
		return
	}
	w.bool(d.Known)
	w.str(d.Scheme)
	w.str(d.Host)
	w.str(d.URL)
	w.str(d.Why)
	w.bool(d.Insecure)
	w.uint(uint64(d.MinTLS))
	w.bool(d.TestServer)
	w.bool(d.Elsewhere)
	w.bool(d.Param != nil)
	if p := d.Param; p != nil {
		w.int(int64(p.Index))
		w.str(p.Form)
		w.str(p.Then)
		w.str(p.More)
		w.bool(p.TestClient)
	}
}

func (w *factWriter) expiry(x *ttl.Expiry) {
	w.bool(x != nil)
	if x == nil {
		return
	}
	w.int(int64(x.Kind))
	w.int(int64(x.Duration))
	w.str(x.Why)
}

func (w *factWriter) funcFact(f *FuncFact) {
	w.strList(f.Source)
	w.bool(f.Sanitizer)
	w.strList(f.SanitizeCats)
	w.str(f.Sink)
	w.str(f.Recipient)
	w.str(f.Purpose)
	w.str(f.Consent)
	w.strList(f.Erase)
	w.str(f.TypeTest)
	w.bool(f.Recovers)
	w.uint(uint64(len(f.Fills)))
	for _, x := range f.Fills {
		w.int(int64(x.Param))
		w.str(x.At)
	}
	w.uint(uint64(len(f.Sinks)))
	for _, s := range f.Sinks {
		w.int(int64(s.Param))
		w.str(s.Src)
		w.str(s.San)
		w.str(s.Kind)
		w.str(s.Sink)
		w.str(s.Recipient)
		w.str(s.Purpose)
		w.bool(s.Guarded)
		w.dest(s.Dest)
		w.expiry(s.Expiry)
		w.uint(uint64(s.Render))
		w.strList(s.Ignore)
		w.path(s.Path)
	}
	w.uint(uint64(len(f.Flows)))
	for _, s := range f.Flows {
		w.int(int64(s.Param))
		w.str(s.Src)
		w.str(s.San)
		w.int(int64(s.Result))
		w.str(s.At)
		w.uint(uint64(s.Render))
		w.str(s.Box)
		w.path(s.Path)
	}
	w.uint(uint64(len(f.Results)))
	for _, s := range f.Results {
		w.int(int64(s.Result))
		w.str(s.Category)
		w.str(s.At)
		w.str(s.Origin)
		w.str(s.Via)
		w.str(s.Box)
		w.path(s.Path)
	}
	w.uint(uint64(len(f.Requires)))
	for _, r := range f.Requires {
		w.str(r.Purpose)
		w.bool(r.Gate)
		w.str(r.Category)
		w.str(r.Origin)
		w.str(r.Kind)
		w.str(r.Sink)
		w.int(int64(r.Calls))
		w.path(r.Path)
	}
}

// factReader decodes what factWriter wrote. Errors are sticky: after the
// first, every read returns zero values.
type factReader struct {
	data []byte
	pos  int
	strs []string
	err  error
}

func (r *factReader) fail(msg string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s at byte %d", msg, r.pos)
	}
}

func (r *factReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.data[r.pos:])
	if n <= 0 {
		r.fail("bad unsigned number")
		return 0
	}
	r.pos += n
	return x
}

func (r *factReader) int() int64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Varint(r.data[r.pos:])
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	r.pos += n
	return x
}

func (r *factReader) bool() bool { return r.uint() != 0 }

// count reads a length, bounded by the bytes left (each element takes
// at least one).
func (r *factReader) count() int {
	n := r.uint()
	if n > uint64(len(r.data)-r.pos) {
		r.fail("bad length")
		return 0
	}
	return int(n)
}

func (r *factReader) str() string {
	switch k := r.uint(); {
	case r.err != nil || k == 0:
		return ""
	case k == 1:
		n := r.count()
		if r.err != nil {
			return ""
		}
		s := string(r.data[r.pos : r.pos+n])
		r.pos += n
		r.strs = append(r.strs, s)
		return s
	case k-2 < uint64(len(r.strs)):
		return r.strs[k-2]
	default:
		r.fail("bad string reference")
		return ""
	}
}

func (r *factReader) strList() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *factReader) loc() string {
	s := r.str()
	if line := r.uint(); line > 0 {
		return s + ":" + strconv.FormatUint(line-1, 10)
	}
	return s
}

func (r *factReader) path() []Step {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]Step, n)
	for i := range out {
		out[i].Pos = token.Pos(r.int())
		out[i].Loc = r.loc()
		out[i].What = r.str()
	}
	return out
}

func (r *factReader) dest() *dest.Destination {
	if !r.bool() {
		return nil
	}
	d := new(dest.Destination)
	d.Known = r.bool()
	d.Scheme = r.str()
	d.Host = r.str()
	d.URL = r.str()
	d.Why = r.str()
	d.Insecure = r.bool()
	d.MinTLS = uint16(r.uint())
	d.TestServer = r.bool()
	d.Elsewhere = r.bool()
	if r.bool() {
		d.Param = &dest.Param{Index: int(r.int()), Form: r.str(), Then: r.str(), More: r.str(), TestClient: r.bool()}
	}
	return d
}

func (r *factReader) expiry() *ttl.Expiry {
	if !r.bool() {
		return nil
	}
	x := new(ttl.Expiry)
	x.Kind = ttl.Kind(r.int())
	x.Duration = time.Duration(r.int())
	x.Why = r.str()
	return x
}

func (r *factReader) funcFact(f *FuncFact) {
	f.Source = r.strList()
	f.Sanitizer = r.bool()
	f.SanitizeCats = r.strList()
	f.Sink = r.str()
	f.Recipient = r.str()
	f.Purpose = r.str()
	f.Consent = r.str()
	f.Erase = r.strList()
	f.TypeTest = r.str()
	f.Recovers = r.bool()
	if n := r.count(); n > 0 {
		f.Fills = make([]ParamFill, n)
		for i := range f.Fills {
			f.Fills[i] = ParamFill{Param: int(r.int()), At: r.str()}
		}
	}
	if n := r.count(); n > 0 {
		f.Sinks = make([]ParamSink, n)
		for i := range f.Sinks {
			s := &f.Sinks[i]
			s.Param = int(r.int())
			s.Src = r.str()
			s.San = r.str()
			s.Kind = r.str()
			s.Sink = r.str()
			s.Recipient = r.str()
			s.Purpose = r.str()
			s.Guarded = r.bool()
			s.Dest = r.dest()
			s.Expiry = r.expiry()
			s.Render = uint8(r.uint())
			s.Ignore = r.strList()
			s.Path = r.path()
		}
	}
	if n := r.count(); n > 0 {
		f.Flows = make([]ParamFlow, n)
		for i := range f.Flows {
			s := &f.Flows[i]
			s.Param = int(r.int())
			s.Src = r.str()
			s.San = r.str()
			s.Result = int(r.int())
			s.At = r.str()
			s.Render = uint8(r.uint())
			s.Box = r.str()
			s.Path = r.path()
		}
	}
	if n := r.count(); n > 0 {
		f.Results = make([]ResultSource, n)
		for i := range f.Results {
			s := &f.Results[i]
			s.Result = int(r.int())
			s.Category = r.str()
			s.At = r.str()
			s.Origin = r.str()
			s.Via = r.str()
			s.Box = r.str()
			s.Path = r.path()
		}
	}
	if n := r.count(); n > 0 {
		f.Requires = make([]Requirement, n)
		for i := range f.Requires {
			q := &f.Requires[i]
			q.Purpose = r.str()
			q.Gate = r.bool()
			q.Category = r.str()
			q.Origin = r.str()
			q.Kind = r.str()
			q.Sink = r.str()
			q.Calls = int(r.int())
			q.Path = r.path()
		}
	}
}
