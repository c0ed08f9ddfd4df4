package marks

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/privacyvet/privacyvet/policy"
)

type problem struct {
	Line int
	Rule string
	Msg  string
}

func collect(t *testing.T, src string) (*Marks, []problem) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: make(map[*ast.Ident]types.Object), Types: make(map[ast.Expr]types.TypeAndValue)}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	pol, err := policy.Builtin("kaseya-2016")
	if err != nil {
		t.Fatal(err)
	}
	m := Collect(fset, []*ast.File{f}, info, pkg, pol)
	var got []problem
	for _, p := range m.Problems {
		got = append(got, problem{fset.Position(p.Pos).Line, p.Rule, p.Msg})
	}
	return m, got
}

func TestDirectiveProblems(t *testing.T) {
	src := `package p

//privacy:data user.nothing.here
type Weird string

//privacy:sink logs
func Bad1(v any) {}

//privacy:sink thirdparty nobody
func Bad2(v any) {}

//privacy:purpose marketing.nonsense
func Bad3() {}

//privacy:consent marketing.communications.email
func Bad4() {}

//privacy:sinks log
func Bad5(v any) {}

//privacy:consent marketing.communications.email
func PromoAllowed(id int) bool { return true }

//privacy:sink log
func Good(v any) {}

func use() {
	//privacy:allow PV101
	_ = 1
	//privacy:allow PV999 support asked for it
	_ = 2
	//privacy:allow PV101 the address is needed to answer the ticket
	_ = 3
}
`
	m, got := collect(t, src)
	want := []problem{
		{3, "PV902", "unknown personal-data category user.nothing.here"},
		{6, "PV901", got[1].Msg},
		{9, "PV904", "unknown recipient nobody"},
		{12, "PV903", "unknown purpose marketing.nonsense"},
		{15, "PV907", "//privacy:consent on Bad4, which returns neither bool nor error"},
		{18, "PV908", got[5].Msg},
		{28, "PV906", got[6].Msg},
		{30, "PV905", "//privacy:allow names unknown rule PV999"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// Every message of a syntax error says what is wrong with the text.
	for _, i := range []int{1, 5, 6} {
		if len(got) > i && got[i].Msg == "" {
			t.Errorf("problem %d has no message", i)
		}
	}
	// Resolved marks.
	var kinds []string
	for fn, fm := range m.Funcs {
		switch {
		case fn.Name() == "PromoAllowed" && fm.Consent == "marketing.communications.email":
			kinds = append(kinds, "consent")
		case fn.Name() == "Good" && fm.Sink == "log":
			kinds = append(kinds, "sink")
		}
	}
	if len(kinds) != 2 {
		t.Errorf("resolved marks: got %v, want consent and sink", kinds)
	}
}

func TestTagMarkings(t *testing.T) {
	src := "package p\n\ntype U struct {\n\tEmail string `privacy:\"user.contact.email\"`\n\tID int\n\tIP string `privacy:\"user.device.ip_address\"`\n}\n"
	m, got := collect(t, src)
	if len(got) != 0 {
		t.Fatalf("unexpected problems: %v", got)
	}
	var marks []string
	for _, mk := range m.Markings {
		marks = append(marks, mk.What+"="+mk.Category)
	}
	want := []string{"U.Email=user.contact.email", "U.IP=user.device.ip_address"}
	if diff := cmp.Diff(want, marks); diff != "" {
		t.Errorf("markings (-want +got):\n%s", diff)
	}
}
