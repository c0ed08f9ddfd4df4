package annotations

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func parseFile(t *testing.T, src string) (*token.FileSet, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f
}

// diag renders an error as "line:col: Rule: Msg; Hint" for comparison.
func diag(fset *token.FileSet, e *Error) string {
	p := fset.Position(e.Pos)
	return fmt.Sprintf("%d:%d: %s: %s; %s", p.Line, p.Column, e.Rule, e.Msg, e.Hint)
}

func diags(fset *token.FileSet, errs []*Error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, diag(fset, e))
	}
	return out
}

func strs(ds []*Directive) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

const declSrc = `package app

// RealIP returns the client's address.
//
//privacy:source user.device.ip_address
//privacy:allow PV101 callers log it on purpose
func RealIP() string { return "" }

//privacy:sink thirdparty mailer
//privacy:purpose marketing.communications.email
func (c *Client) Push(e Email) {}

//privacy:data user.contact.email
func Wrong() {}

//privacy:sinks log
//privacy:sink queue
//privacy:consent
func Broken() {}

//privacy:data user
//privacy:sink log
func (l *List[T]) Both() {}

func NoDoc() {}

//privacy:data user.contact.email
type Email string

type (
	//privacy:data user.name
	Name string

	//privacy:sink log
	//privacy:source user
	Logger int
)

type (
	//privacy:data user.account
	Account struct{}
)

//privacy:data user.contact.phone_number
type Phone = string

//privacy:data User
//privacy:erase user
//privacy:dat user
type Bad int
`

func TestFuncDirectives(t *testing.T) {
	fset, f := parseFile(t, declSrc)
	tests := []struct {
		name string
		want []string
		errs []string
	}{
		{"RealIP", []string{"//privacy:source user.device.ip_address"}, nil},
		{"Push", []string{"//privacy:sink thirdparty mailer", "//privacy:purpose marketing.communications.email"}, nil},
		{"Wrong", nil, []string{
			"13:11: PV907: //privacy:data on func Wrong: it marks the values of a type, not a function; to mark what Wrong returns, write //privacy:source with the categories",
		}},
		{"Broken", nil, []string{
			"16:11: PV908: unknown directive //privacy:sinks; did you mean //privacy:sink?",
			`17:16: PV901: unknown sink kind "queue"; KIND is log, thirdparty, store or cookie`,
			"18:11: PV901: //privacy:consent needs a purpose; write //privacy:consent PURPOSE, e.g. //privacy:consent marketing.communications.email",
		}},
		{"Both", []string{"//privacy:sink log"}, []string{
			"21:11: PV907: //privacy:data on func List.Both: it marks the values of a type, not a function; to mark what List.Both returns, write //privacy:source with the categories",
		}},
		{"NoDoc", nil, nil},
	}
	funcs := map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			funcs[fd.Name.Name] = fd
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, errs := FuncDirectives(funcs[tt.name])
			if diff := cmp.Diff(tt.want, strs(ds)); diff != "" {
				t.Errorf("directives (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, diags(fset, errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
	if ds, errs := FuncDirectives(nil); ds != nil || errs != nil {
		t.Errorf("FuncDirectives(nil) = %v, %v", ds, errs)
	}
}

func TestTypeDirectives(t *testing.T) {
	fset, f := parseFile(t, declSrc)
	tests := []struct {
		name string
		want []string
		errs []string
	}{
		{"Email", []string{"//privacy:data user.contact.email"}, nil},
		{"Name", []string{"//privacy:data user.name"}, nil},
		{"Logger", nil, []string{
			"34:12: PV907: //privacy:sink on type Logger: it belongs on a function; move it to the doc comment of the function that sends the data out",
			"35:12: PV907: //privacy:source on type Logger: it belongs on a function; to mark every value of type Logger, write //privacy:data",
		}},
		{"Account", []string{"//privacy:data user.account"}, nil},
		{"Phone", nil, []string{
			"44:11: PV907: //privacy:data on type alias Phone: an alias is not a type of its own, so every string would be marked; declare a defined type: type Phone string (without '=')",
		}},
		{"Bad", nil, []string{
			`47:16: PV901: malformed category "User" in //privacy:data: categories are lowercase; write user`,
			"48:11: PV907: //privacy:erase on type Bad: it belongs on a function; move it to the doc comment of the function that erases the data",
			"49:11: PV908: unknown directive //privacy:dat; did you mean //privacy:data?",
		}},
	}
	type pair struct {
		gen  *ast.GenDecl
		spec *ast.TypeSpec
	}
	specs := map[string]pair{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				specs[ts.Name.Name] = pair{gd, ts}
			}
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := specs[tt.name]
			ds, errs := TypeDirectives(p.gen, p.spec)
			if diff := cmp.Diff(tt.want, strs(ds)); diff != "" {
				t.Errorf("directives (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, diags(fset, errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
	// Without the GenDecl, only the spec's own doc is read.
	if ds, _ := TypeDirectives(nil, specs["Email"].spec); ds != nil {
		t.Errorf("TypeDirectives(nil, Email) = %v, want none: its doc is on the GenDecl", strs(ds))
	}
	if ds, errs := TypeDirectives(nil, nil); ds != nil || errs != nil {
		t.Errorf("TypeDirectives(nil, nil) = %v, %v", ds, errs)
	}
}

const misplacedSrc = `// Package app does things.
//
//privacy:data user
package app

import (
	//privacy:source user
	"fmt"
)

//privacy:source user.name

func Floating() string { return "" }

type User struct {
	//privacy:data user.contact.email
	Email string
	Name  string //privacy:source user.name
	//privacy:sink log
	Log func(string)
}

type Logger interface {
	//privacy:sink log
	Print(string)
}

// Shared doc of two types.
//
//privacy:data user
type (
	A string
	B string
)

type Token string //privacy:data system.authentication

//privacy:source user
var Current = func() string { return "" }

const (
	//privacy:purpose marketing
	P = 1
)

func Handle() {
	//privacy:source user.name
	name := Floating()
	//privacy:data user.name
	type Local string
	f := func() {
		//privacy:sink log
	}
	fmt.Println(name) //privacy:allow PV101 shown on the console only
	//privacy:sinks log
	//privacy:sink
	_ = f
}

//privacy:erase user
`

func TestMisplaced(t *testing.T) {
	fset, f := parseFile(t, misplacedSrc)
	want := []string{
		"3:11: PV909: //privacy:data in the package doc comment: nothing reads it there; move it to the doc comment of the type it marks",
		"7:12: PV909: //privacy:source on an import declaration: nothing reads it there; directives go in the doc comment of a func or type declaration; for code you cannot annotate, list it in the policy file (sources, sinks, sanitizers, consent, erasure)",
		"11:11: PV909: //privacy:source is not in a doc comment: nothing reads it there; put it in the doc comment directly above the function it marks, with no blank line between",
		`16:12: PV909: //privacy:data on struct field Email: nothing reads it there; tag the field instead: privacy:"user.contact.email"`,
		`18:25: PV909: //privacy:source on struct field Name: nothing reads it there; tag the field instead: privacy:"user.name"`,
		"19:12: PV909: //privacy:sink on struct field Log: nothing reads it there; fields take a privacy struct tag; directives go in the doc comment of a func or type",
		"24:12: PV909: //privacy:sink on interface method Print: nothing reads it there; annotate the methods that implement it, or list it in the policy file (sources, sinks, sanitizers, consent, erasure)",
		"30:11: PV909: //privacy:data on a grouped type declaration: nothing reads it there; put it in the doc comment of the one type it marks, inside the parentheses",
		"36:29: PV909: //privacy:data after type Token on its line: nothing reads it there; move it to a line of its own directly above type Token",
		"38:11: PV909: //privacy:source on a var declaration: nothing reads it there; mark the type of the value with //privacy:data, or its struct fields with privacy tags",
		"42:12: PV909: //privacy:purpose on a const declaration: nothing reads it there; directives go in the doc comment of a func or type declaration; declare the const as a func",
		"47:12: PV909: //privacy:source inside the body of func Handle: nothing reads it there; move it to the doc comment of func Handle, or of a named function (function literals cannot be annotated)",
		"49:12: PV909: //privacy:data inside the body of func Handle: nothing reads it there; declare the type at package level, with the directive in its doc comment",
		"52:13: PV909: //privacy:sink inside the body of func Handle: nothing reads it there; move it to the doc comment of func Handle, or of a named function (function literals cannot be annotated)",
		"55:12: PV908: unknown directive //privacy:sinks; did you mean //privacy:sink?",
		"56:12: PV909: //privacy:sink inside the body of func Handle: nothing reads it there; move it to the doc comment of func Handle, or of a named function (function literals cannot be annotated)",
		"60:11: PV909: //privacy:erase is not in a doc comment: nothing reads it there; put it in the doc comment directly above the function it marks, with no blank line between",
	}
	if diff := cmp.Diff(want, diags(fset, Misplaced(fset, f))); diff != "" {
		t.Errorf("Misplaced (-want +got):\n%s", diff)
	}
	if errs := Misplaced(fset, nil); errs != nil {
		t.Errorf("Misplaced(nil) = %v", errs)
	}
}

// TestEachDirectiveOnce checks the division of labour: every directive
// comment is returned or reported by exactly one of FuncDirectives,
// TypeDirectives, FileAllows and Misplaced.
func TestEachDirectiveOnce(t *testing.T) {
	for _, src := range []string{declSrc, misplacedSrc, allowSrc} {
		fset, f := parseFile(t, src)
		seen := map[int]int{} // line -> times seen
		note := func(pos token.Pos) { seen[fset.Position(pos).Line]++ }
		noteAll := func(ds []*Directive, errs []*Error) {
			for _, d := range ds {
				note(d.Pos)
			}
			for _, e := range errs {
				note(e.Pos)
			}
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				noteAll(FuncDirectives(decl))
			case *ast.GenDecl:
				for _, s := range decl.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						noteAll(TypeDirectives(decl, ts))
					}
				}
			}
		}
		allows, errs := FileAllows(fset, f)
		noteAll(allows.All(), errs)
		noteAll(nil, Misplaced(fset, f))
		for _, g := range f.Comments {
			for _, c := range g.List {
				line := fset.Position(c.Slash).Line
				_, isDirective, _ := ParseDirective(c.Text, c.Slash)
				switch n := seen[line]; {
				case isDirective && n != 1:
					t.Errorf("line %d: %s seen %d times, want once", line, c.Text, n)
				case !isDirective && n != 0:
					t.Errorf("line %d: %s is no directive but was seen %d times", line, c.Text, n)
				}
			}
		}
	}
}

func TestNames(t *testing.T) {
	_, f := parseFile(t, `package p
func F() {}
func (m *Map[K, V]) Get() {}
func (s (Set[T])) Has() {}
func (S) Len() {}
type X struct {
	fmt.Stringer
	*Y
	A, B int
}`)
	var got []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			got = append(got, funcName(d))
		case *ast.GenDecl:
			for _, fld := range d.Specs[0].(*ast.TypeSpec).Type.(*ast.StructType).Fields.List {
				got = append(got, fieldName(fld))
			}
		}
	}
	want := []string{"F", "Map.Get", "Set.Has", "S.Len", "fmt.Stringer", "*Y", "A"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}
