package annotations

import (
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const allowSrc = `package app

//privacy:allow PV601 legacy field, removed in v3
func F(u User) {
	log.Print(u.Email) //privacy:allow PV101 test fixture
	//privacy:allow PV201 the mailer is declared in the staging policy only
	send(u.Email)

	log.Print(u.Email)
	//privacy:allow PV101
	//privacy:allow pv101 reason
	//privacy:allow PV101 line above
	log.Print(u.Email) //privacy:allow PV101 same line
}
`

func TestFileAllows(t *testing.T) {
	fset, f := parseFile(t, allowSrc)
	a, errs := FileAllows(fset, f)
	wantErrs := []string{
		"10:12: PV906: //privacy:allow PV101 has no reason; say why the finding does not apply: //privacy:allow PV101 REASON...",
		`11:18: PV901: malformed rule "pv101" in //privacy:allow; write PV101`,
	}
	if diff := cmp.Diff(wantErrs, diags(fset, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	wantAll := []string{
		"//privacy:allow PV601 legacy field, removed in v3",
		"//privacy:allow PV101 test fixture",
		"//privacy:allow PV201 the mailer is declared in the staging policy only",
		"//privacy:allow PV101 line above",
		"//privacy:allow PV101 same line",
	}
	if diff := cmp.Diff(wantAll, strs(a.All())); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}

	file := fset.File(f.Pos())
	at := func(line int) token.Pos { return file.LineStart(line) + 1 }
	tests := []struct {
		line int
		rule string
		want string // reason of the allow that suppresses, "" for none
	}{
		{3, "PV601", "legacy field, removed in v3"}, // its own line (a doc comment line)
		{4, "PV601", "legacy field, removed in v3"}, // the line below: the func line
		{5, "PV601", ""},
		{5, "PV101", "test fixture"}, // same line
		{6, "PV101", "test fixture"}, // the line below a trailing allow
		{7, "PV201", "the mailer is declared in the staging policy only"}, // line below
		{7, "PV101", ""},
		{8, "PV201", ""},  // two lines below: not covered
		{9, "PV101", ""},  // the allow below does not cover it
		{11, "PV101", ""}, // below the reasonless allow: suppresses nothing
		{12, "PV101", "line above"},
		{13, "PV101", "same line"}, // the allow on the line wins over the one above
		{13, "PV201", ""},
	}
	for _, tt := range tests {
		d, ok := a.Suppressed(fset, at(tt.line), tt.rule)
		got := ""
		if d != nil {
			got = d.Reason
		}
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("line %d %s: Suppressed = %q, %v; want %q", tt.line, tt.rule, got, ok, tt.want)
		}
	}

	// Positions in another file, or none, are never suppressed.
	fset.AddFile("other.go", -1, 1000)
	other := token.Pos(fset.Base() - 10)
	if _, ok := a.Suppressed(fset, other, "PV101"); ok {
		t.Error("a position in another file is suppressed")
	}
	if _, ok := a.Suppressed(fset, token.NoPos, "PV101"); ok {
		t.Error("NoPos is suppressed")
	}
	var none *Allows
	if _, ok := none.Suppressed(fset, at(5), "PV101"); ok || none.All() != nil {
		t.Error("a nil *Allows suppresses something")
	}
	if a, errs := FileAllows(fset, nil); a == nil || errs != nil || a.All() != nil {
		t.Errorf("FileAllows(nil) = %v, %v", a, errs)
	}
}
