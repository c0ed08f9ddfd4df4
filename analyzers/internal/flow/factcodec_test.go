package flow

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/tools/go/analysis"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

// randomFact fills every field of a summary from a small pool of
// strings (so that the string table is exercised), with locations of
// every shape.
func randomFact(r *rand.Rand) *FuncFact {
	pool := []string{"", "user.contact.email", "a/b.go:12", "b.go:0", "x:007", "x:", ":5",
		"f.go:99999999999", "parameter u", "log.Printf", "é:1", "a:b:3"}
	str := func() string { return pool[r.IntN(len(pool))] }
	strs := func() []string {
		var out []string
		for range r.IntN(3) {
			out = append(out, str())
		}
		return out
	}
	path := func() []Step {
		var out []Step
		for range r.IntN(4) {
			out = append(out, Step{Pos: 0, Loc: str(), What: str()})
		}
		return out
	}
	f := &FuncFact{Source: strs(), Sanitizer: r.IntN(2) == 0, SanitizeCats: strs(), Sink: str(),
		Recipient: str(), Purpose: str(), Consent: str(), Erase: strs(), TypeTest: str(), Recovers: r.IntN(2) == 0}
	for range r.IntN(3) {
		f.Fills = append(f.Fills, ParamFill{Param: r.IntN(5), At: str()})
	}
	for range r.IntN(4) {
		s := ParamSink{Param: r.IntN(5) - 1, Src: str(), San: str(), Kind: str(), Sink: str(),
			Recipient: str(), Purpose: str(), Guarded: r.IntN(2) == 0, Render: uint8(r.IntN(256)), Ignore: strs(), Path: path()}
		if r.IntN(3) == 0 {
			s.Dest = &dest.Destination{Known: r.IntN(2) == 0, Scheme: str(), Host: str(), URL: str(), Why: str(),
				Insecure: r.IntN(2) == 0, MinTLS: uint16(r.IntN(1 << 16)), TestServer: r.IntN(2) == 0, Elsewhere: r.IntN(2) == 0}
			if r.IntN(2) == 0 {
				s.Dest.Param = &dest.Param{Index: r.IntN(4), Form: str(), Then: str(), More: str(), TestClient: r.IntN(2) == 0}
			}
		}
		if r.IntN(3) == 0 {
			s.Expiry = &ttl.Expiry{Kind: ttl.Kind(r.IntN(5)), Duration: time.Duration(r.Int64() - r.Int64()), Why: str()}
		}
		if r.IntN(5) == 0 {
			s.Dest, s.Expiry = &dest.Destination{}, &ttl.Expiry{}
		}
		f.Sinks = append(f.Sinks, s)
	}
	for range r.IntN(4) {
		f.Flows = append(f.Flows, ParamFlow{Param: r.IntN(5), Src: str(), San: str(), Result: r.IntN(3),
			At: str(), Render: uint8(r.IntN(8)), Box: str(), Path: path()})
	}
	for range r.IntN(3) {
		f.Results = append(f.Results, ResultSource{Result: r.IntN(3), Category: str(), At: str(), Origin: str(),
			Via: str(), Box: str(), Path: path()})
	}
	for range r.IntN(3) {
		f.Requires = append(f.Requires, Requirement{Purpose: str(), Gate: r.IntN(2) == 0, Category: str(),
			Origin: str(), Kind: str(), Sink: str(), Calls: r.IntN(9), Path: path()})
	}
	return f
}

// plainFact has FuncFact's fields and none of its methods: gob encodes
// it field by field, as it encoded summaries before they had a codec.
type plainFact FuncFact

// TestFactCodec: a summary that travels through gob as a fact, as vet
// units write and read them, loads equal to the summary gob would have
// carried field by field, and a summary passed on without being loaded
// is written out byte for byte as it was read.
func TestFactCodec(t *testing.T) {
	gob.Register(new(FuncFact))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		f := randomFact(r)

		var plain bytes.Buffer
		if err := gob.NewEncoder(&plain).Encode((*plainFact)(f)); err != nil {
			t.Fatal(err)
		}
		var want plainFact
		if err := gob.NewDecoder(&plain).Decode(&want); err != nil {
			t.Fatal(err)
		}

		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode([]analysis.Fact{f}); err != nil {
			t.Fatal(err)
		}
		var read []analysis.Fact
		if err := gob.NewDecoder(&buf).Decode(&read); err != nil {
			t.Fatal(err)
		}
		got := *read[0].(*FuncFact)
		if got.raw == nil {
			t.Fatal("decoded summary is not lazy")
		}
		if s1, s2 := f.String(), got.String(); s1 != s2 {
			t.Errorf("fact %d: String of the unloaded summary differs: %s, want %s", i, s2, s1)
		}
		again, _ := read[0].(*FuncFact).GobEncode()
		first, _ := f.GobEncode()
		if !bytes.Equal(again, first) {
			t.Fatalf("fact %d: a summary passed on is not written as it was read", i)
		}
		got.load()
		if diff := cmp.Diff(FuncFact(want), got, cmp.AllowUnexported(FuncFact{})); diff != "" {
			t.Fatalf("fact %d: loaded summary differs from gob's (-want +got):\n%s", i, diff)
		}
	}
}

// FuzzFactDecode: arbitrary bytes decode to a summary or an error, never
// a crash, and what decodes is encoded back to bytes that decode equal.
func FuzzFactDecode(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		b, _ := randomFact(r).GobEncode()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fact, err := decodeFuncFact(data)
		if err != nil {
			return
		}
		b, _ := fact.GobEncode()
		again, err := decodeFuncFact(b)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fact, again, cmp.AllowUnexported(FuncFact{})); diff != "" {
			t.Fatalf("re-encoded summary differs (-first +again):\n%s", diff)
		}
	})
}

// TestFactCodecCoversEveryField: every exported field of a summary and of
// what it holds is set by randomFact in some fact, so TestFactCodec fails
// for a field the codec forgets (a field added to FuncFact, ParamSink or
// dest.Destination must be added to the codec and to randomFact).
func TestFactCodecCoversEveryField(t *testing.T) {
	set := make(map[string]bool)
	all := make(map[string]bool)
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				if !f.IsExported() {
					continue
				}
				k := v.Type().Name() + "." + f.Name
				all[k] = true
				if !v.Field(i).IsZero() {
					set[k] = true
				}
				walk(v.Field(i))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		walk(reflect.ValueOf(randomFact(r)))
	}
	for k := range all {
		if !set[k] && k != "Step.Pos" { // positions do not travel: always 0 in facts
			t.Errorf("randomFact never sets %s: the codec test would not see it lost", k)
		}
	}
}

// TestMethodsFactCodec: a type's method summaries travel through gob as
// one fact; each loads equal to the summary sent, the fact passed on
// without loading is written out as read, and truncated bytes give an
// error, not a crash.
func TestMethodsFactCodec(t *testing.T) {
	gob.Register(new(MethodsFact))
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 200 {
		var mf MethodsFact
		for j := range r.IntN(8) {
			mf.Names = append(mf.Names, fmt.Sprintf("M%02d", j))
			mf.Sums = append(mf.Sums, randomFact(r))
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode([]analysis.Fact{&mf}); err != nil {
			t.Fatal(err)
		}
		var read []analysis.Fact
		if err := gob.NewDecoder(&buf).Decode(&read); err != nil {
			t.Fatal(err)
		}
		got := read[0].(*MethodsFact)
		if diff := cmp.Diff(mf.Names, got.Names, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("fact %d: names (-want +got):\n%s", i, diff)
		}
		first, _ := mf.GobEncode()
		again, _ := got.GobEncode()
		if !bytes.Equal(first, again) {
			t.Fatalf("fact %d: method summaries passed on are not written as read", i)
		}
		for j, s := range got.Sums {
			want, _ := mf.Sums[j].GobEncode()
			w, err := decodeFuncFact(want)
			if err != nil {
				t.Fatal(err)
			}
			s.load()
			if diff := cmp.Diff(w, *s, cmp.AllowUnexported(FuncFact{})); diff != "" {
				t.Fatalf("fact %d, method %d: loaded summary differs (-want +got):\n%s", i, j, diff)
			}
		}
		for cut := 0; cut < len(first); cut += 1 + len(first)/16 {
			var short MethodsFact
			if err := short.GobDecode(first[:cut]); err == nil && cut < len(first) && len(mf.Names) > 0 {
				t.Fatalf("fact %d: %d of %d bytes decode without error", i, cut, len(first))
			}
		}
	}
}
