package annotations

import (
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ignorePositions compares directives by content: the canonical form moves
// the arguments.
var ignorePositions = cmpopts.IgnoreFields(Directive{}, "Pos", "CategoryPos", "RecipientPos", "PurposePos", "RulePos")

// base is where the test comments "start"; error and argument positions are
// base plus a byte offset, written below as len(prefix-of-the-text) so that
// the table shows what each position points at.
const base = token.Pos(1000)

func p(off int) token.Pos { return base + token.Pos(off) }

func TestParseDirective(t *testing.T) {
	const (
		syntaxHint = "write lowercase identifiers joined by dots, e.g. user.contact.email"
		kinds      = "KIND is log, thirdparty, store or cookie"
	)
	tests := []struct {
		text string
		ok   bool
		want *Directive
		err  *Error // Pos given as base+offset
	}{
		// Not directives.
		{text: "// privacy:data user"},
		{text: "//privacy"},
		{text: "//privacy data"},
		{text: "//Privacy:data user"},
		{text: "/*privacy:data user*/"},
		{text: "// plain comment"},
		{text: ""},

		// data, source, erase: one or more categories.
		{text: "//privacy:data user.contact.email", ok: true, want: &Directive{Kind: Data, Pos: base,
			Categories: []string{"user.contact.email"}, CategoryPos: []token.Pos{p(15)}}},
		{text: "//privacy:data user.contact.email, user.name", ok: true, want: &Directive{Kind: Data, Pos: base,
			Categories:  []string{"user.contact.email", "user.name"},
			CategoryPos: []token.Pos{p(15), p(len("//privacy:data user.contact.email, "))}}},
		{text: "//privacy:data\tuser,email  \t", ok: true, want: &Directive{Kind: Data, Pos: base,
			Categories: []string{"user", "email"}, CategoryPos: []token.Pos{p(15), p(20)}}},
		{text: "//privacy:source user.device.ip_address user.location.precise", ok: true, want: &Directive{Kind: Source, Pos: base,
			Categories:  []string{"user.device.ip_address", "user.location.precise"},
			CategoryPos: []token.Pos{p(17), p(len("//privacy:source user.device.ip_address "))}}},
		{text: "//privacy:erase user", ok: true, want: &Directive{Kind: Erase, Pos: base,
			Categories: []string{"user"}, CategoryPos: []token.Pos{p(16)}}},
		{text: "//privacy:data", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg:  "//privacy:data needs at least one category",
			Hint: "write //privacy:data CATEGORY..., e.g. //privacy:data user.contact.email"}},
		{text: "//privacy:source   ", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg:  "//privacy:source needs at least one category",
			Hint: "write //privacy:source CATEGORY..., e.g. //privacy:source user.contact.email"}},
		{text: "//privacy:erase", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg:  "//privacy:erase needs at least one category",
			Hint: "write //privacy:erase CATEGORY..., e.g. //privacy:erase user.contact.email"}},
		{text: "//privacy:data ,user", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: "empty category before ',' in //privacy:data", Hint: "remove the comma"}},
		{text: "//privacy:data user, ,x", ok: true, err: &Error{Pos: p(len("//privacy:data user, ")), Rule: RuleMalformed,
			Msg: "empty category between commas in //privacy:data", Hint: "remove the extra comma"}},
		{text: "//privacy:source user,", ok: true, err: &Error{Pos: p(len("//privacy:source user")), Rule: RuleMalformed,
			Msg: "trailing ',' after the last category in //privacy:source", Hint: "remove the comma"}},
		{text: "//privacy:data user User.Email", ok: true, err: &Error{Pos: p(20), Rule: RuleMalformed,
			Msg: `malformed category "User.Email" in //privacy:data: categories are lowercase`, Hint: "write user.email"}},
		{text: "//privacy:data user..email", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg:  `malformed category "user..email" in //privacy:data: it has an empty segment (a leading, trailing or doubled dot)`,
			Hint: syntaxHint}},
		{text: "//privacy:data .user", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg:  `malformed category ".user" in //privacy:data: it has an empty segment (a leading, trailing or doubled dot)`,
			Hint: syntaxHint}},
		{text: "//privacy:data user.ip-address", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `malformed category "user.ip-address" in //privacy:data: it contains '-'`, Hint: "write user.ip_address, with '_'"}},
		{text: "//privacy:erase user.*", ok: true, err: &Error{Pos: p(16), Rule: RuleMalformed,
			Msg:  `malformed category "user.*" in //privacy:erase: it has a wildcard`,
			Hint: "write user: a category covers everything below it"}},
		{text: "//privacy:data user.1x", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `malformed category "user.1x" in //privacy:data: segment "1x" does not start with a letter`, Hint: syntaxHint}},
		{text: "//privacy:data _user", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `malformed category "_user" in //privacy:data: segment "_user" does not start with a letter`, Hint: syntaxHint}},
		{text: "//privacy:data user.contact.émail", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `malformed category "user.contact.émail" in //privacy:data: 'é' is not allowed in a category`, Hint: syntaxHint}},
		{text: "//privacy:data user/email", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `malformed category "user/email" in //privacy:data: '/' is not allowed in a category`, Hint: syntaxHint}},
		{text: "//privacy:data user.Contact-x", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `malformed category "user.Contact-x" in //privacy:data: 'C' is not allowed in a category`, Hint: syntaxHint}},
		{text: "//privacy:data user user.name user", ok: true, err: &Error{Pos: p(len("//privacy:data user user.name ")), Rule: RuleMalformed,
			Msg: `category "user" appears twice in //privacy:data`, Hint: "remove the duplicate"}},
		{text: "//privacy:data user // the whole record", ok: true, err: &Error{Pos: p(20), Rule: RuleMalformed,
			Msg: "//privacy:data does not take a trailing comment", Hint: "put the comment on a line of its own"}},
		{text: "//privacy:data User // x", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed, // the earlier problem wins
			Msg: `malformed category "User" in //privacy:data: categories are lowercase`, Hint: "write user"}},
		{text: "//privacy:data /* x */", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg:  "//privacy:data needs at least one category",
			Hint: "write //privacy:data CATEGORY..., e.g. //privacy:data user.contact.email"}},

		// sanitizer: zero or more categories.
		{text: "//privacy:sanitizer", ok: true, want: &Directive{Kind: Sanitizer, Pos: base}},
		{text: "//privacy:sanitizer user.authorization.password", ok: true, want: &Directive{Kind: Sanitizer, Pos: base,
			Categories: []string{"user.authorization.password"}, CategoryPos: []token.Pos{p(20)}}},
		{text: "//privacy:sanitizer // hashes", ok: true, err: &Error{Pos: p(20), Rule: RuleMalformed,
			Msg: "//privacy:sanitizer does not take a trailing comment", Hint: "put the comment on a line of its own"}},

		// sink KIND [RECIPIENT].
		{text: "//privacy:sink log", ok: true, want: &Directive{Kind: Sink, Pos: base, SinkKind: SinkLog}},
		{text: "//privacy:sink store", ok: true, want: &Directive{Kind: Sink, Pos: base, SinkKind: SinkStore}},
		{text: "//privacy:sink cookie", ok: true, want: &Directive{Kind: Sink, Pos: base, SinkKind: SinkCookie}},
		{text: "//privacy:sink thirdparty", ok: true, want: &Directive{Kind: Sink, Pos: base, SinkKind: SinkThirdParty}},
		{text: "//privacy:sink  thirdparty\tmailer", ok: true, want: &Directive{Kind: Sink, Pos: base,
			SinkKind: SinkThirdParty, Recipient: "mailer", RecipientPos: p(27)}},
		{text: "//privacy:sink thirdparty google-analytics.v4", ok: true, want: &Directive{Kind: Sink, Pos: base,
			SinkKind: SinkThirdParty, Recipient: "google-analytics.v4", RecipientPos: p(26)}},
		{text: "//privacy:sink", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg: "//privacy:sink needs a KIND", Hint: "write //privacy:sink log, store, cookie, or thirdparty RECIPIENT"}},
		{text: "//privacy:sink logs", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `unknown sink kind "logs"`, Hint: "did you mean log?"}},
		{text: "//privacy:sink LOG", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `unknown sink kind "LOG"`, Hint: "did you mean log?"}},
		{text: "//privacy:sink database", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `unknown sink kind "database"`, Hint: "did you mean store?"}},
		{text: "//privacy:sink third-party mailer", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `unknown sink kind "third-party"`, Hint: "did you mean thirdparty?"}},
		{text: "//privacy:sink queue", ok: true, err: &Error{Pos: p(15), Rule: RuleMalformed,
			Msg: `unknown sink kind "queue"`, Hint: kinds}},
		{text: "//privacy:sink log mailer", ok: true, err: &Error{Pos: p(19), Rule: RuleMalformed,
			Msg: `//privacy:sink log takes no recipient, found "mailer"`, Hint: `remove "mailer": only thirdparty sinks name a recipient`}},
		{text: "//privacy:sink thirdparty mail/er", ok: true, err: &Error{Pos: p(26), Rule: RuleMalformed,
			Msg:  `malformed recipient "mail/er" in //privacy:sink`,
			Hint: "name a recipient declared in the policy, e.g. mailer: a letter, then letters, digits, '_', '-' or '.'"}},
		{text: "//privacy:sink thirdparty mailer-", ok: true, err: &Error{Pos: p(26), Rule: RuleMalformed,
			Msg:  `malformed recipient "mailer-" in //privacy:sink`,
			Hint: "name a recipient declared in the policy, e.g. mailer: a letter, then letters, digits, '_', '-' or '.'"}},
		{text: "//privacy:sink thirdparty mailer crm", ok: true, err: &Error{Pos: p(33), Rule: RuleMalformed,
			Msg: `unexpected argument "crm" after the recipient in //privacy:sink`, Hint: "//privacy:sink takes a KIND and, for thirdparty, one RECIPIENT"}},
		{text: "//privacy:sink thirdparty,mailer", ok: true, err: &Error{Pos: p(25), Rule: RuleMalformed,
			Msg: "unexpected ',' in //privacy:sink", Hint: "separate the arguments of //privacy:sink with spaces"}},
		{text: "//privacy:sink log // to stderr", ok: true, err: &Error{Pos: p(19), Rule: RuleMalformed,
			Msg: "//privacy:sink does not take a trailing comment", Hint: "put the comment on a line of its own"}},

		// purpose and consent: exactly one purpose.
		{text: "//privacy:purpose marketing.communications.email", ok: true, want: &Directive{Kind: Purpose, Pos: base,
			Purpose: "marketing.communications.email", PurposePos: p(18)}},
		{text: "//privacy:consent marketing", ok: true, want: &Directive{Kind: Consent, Pos: base,
			Purpose: "marketing", PurposePos: p(18)}},
		{text: "//privacy:purpose", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg: "//privacy:purpose needs a purpose", Hint: "write //privacy:purpose PURPOSE, e.g. //privacy:purpose marketing.communications.email"}},
		{text: "//privacy:consent", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg: "//privacy:consent needs a purpose", Hint: "write //privacy:consent PURPOSE, e.g. //privacy:consent marketing.communications.email"}},
		{text: "//privacy:purpose analytics marketing", ok: true, err: &Error{Pos: p(28), Rule: RuleMalformed,
			Msg: `//privacy:purpose takes one purpose, found "marketing" after "analytics"`, Hint: "name the one purpose this function serves"}},
		{text: "//privacy:consent analytics marketing", ok: true, err: &Error{Pos: p(28), Rule: RuleMalformed,
			Msg: `//privacy:consent takes one purpose, found "marketing" after "analytics"`, Hint: "a consent check is for one purpose: write //privacy:consent analytics"}},
		{text: "//privacy:consent analytics,marketing", ok: true, err: &Error{Pos: p(27), Rule: RuleMalformed,
			Msg: "unexpected ',' in //privacy:consent", Hint: "separate the arguments of //privacy:consent with spaces"}},
		{text: "//privacy:purpose Marketing.Email", ok: true, err: &Error{Pos: p(18), Rule: RuleMalformed,
			Msg: `malformed purpose "Marketing.Email" in //privacy:purpose: purposes are lowercase`, Hint: "write marketing.email"}},
		{text: "//privacy:purpose marketing..email", ok: true, err: &Error{Pos: p(18), Rule: RuleMalformed,
			Msg:  `malformed purpose "marketing..email" in //privacy:purpose: it has an empty segment (a leading, trailing or doubled dot)`,
			Hint: "write lowercase identifiers joined by dots, e.g. marketing.communications.email"}},
		{text: "//privacy:purpose marketing // promo mail", ok: true, err: &Error{Pos: p(28), Rule: RuleMalformed,
			Msg: "//privacy:purpose does not take a trailing comment", Hint: "put the comment on a line of its own"}},

		// allow RULE REASON...
		{text: "//privacy:allow PV101 the address is hashed upstream", ok: true, want: &Directive{Kind: Allow, Pos: base,
			Rule: "PV101", RulePos: p(16), Reason: "the address is hashed upstream"}},
		{text: "//privacy:allow\tPV201   test fixture, see https://example.com/x // not a comment  ", ok: true, want: &Directive{Kind: Allow, Pos: base,
			Rule: "PV201", RulePos: p(16), Reason: "test fixture, see https://example.com/x // not a comment"}},
		{text: "//privacy:allow", ok: true, err: &Error{Pos: p(10), Rule: RuleMalformed,
			Msg:  "//privacy:allow needs a rule and a reason",
			Hint: "write //privacy:allow RULE REASON..., e.g. //privacy:allow PV101 the address is hashed before this call"}},
		{text: "//privacy:allow PV101", ok: true, err: &Error{Pos: p(10), Rule: RuleAllowNoReason,
			Msg: "//privacy:allow PV101 has no reason", Hint: "say why the finding does not apply: //privacy:allow PV101 REASON..."}},
		{text: "//privacy:allow PV101 \t ", ok: true, err: &Error{Pos: p(10), Rule: RuleAllowNoReason,
			Msg: "//privacy:allow PV101 has no reason", Hint: "say why the finding does not apply: //privacy:allow PV101 REASON..."}},
		{text: "//privacy:allow pv101 hashed", ok: true, err: &Error{Pos: p(16), Rule: RuleMalformed,
			Msg: `malformed rule "pv101" in //privacy:allow`, Hint: "write PV101"}},
		{text: "//privacy:allow PV101,PV201 hashed", ok: true, err: &Error{Pos: p(16), Rule: RuleMalformed,
			Msg:  `malformed rule "PV101,PV201" in //privacy:allow`,
			Hint: "allow one rule per directive: write //privacy:allow PV101 REASON, and another line for the next rule"}},
		{text: "//privacy:allow PV101: hashed", ok: true, err: &Error{Pos: p(16), Rule: RuleMalformed,
			Msg: `malformed rule "PV101:" in //privacy:allow`, Hint: "write //privacy:allow PV101 REASON, without the punctuation"}},
		{text: "//privacy:allow logleak hashed", ok: true, err: &Error{Pos: p(16), Rule: RuleMalformed,
			Msg: `malformed rule "logleak" in //privacy:allow`, Hint: "a rule is PV and three digits, e.g. PV101"}},

		// The directive name.
		{text: "//privacy:", ok: true, err: &Error{Pos: p(0), Rule: RuleMalformed,
			Msg:  "//privacy: without a directive name",
			Hint: "write //privacy:data, source, sanitizer, sink, purpose, consent, erase or allow, followed by its arguments"}},
		{text: "//privacy: data user", ok: true, err: &Error{Pos: p(0), Rule: RuleMalformed,
			Msg: "//privacy: without a directive name", Hint: "remove the space after the colon: //privacy:data"}},
		{text: "//privacy: see the statement", ok: true, err: &Error{Pos: p(0), Rule: RuleMalformed,
			Msg:  "//privacy: without a directive name",
			Hint: "write //privacy:data, source, sanitizer, sink, purpose, consent, erase or allow, followed by its arguments"}},
		{text: "//privacy:sinks log", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:sinks", Hint: "did you mean //privacy:sink?"}},
		{text: "//privacy:Data user", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:Data", Hint: "did you mean //privacy:data?"}},
		{text: "//privacy:sanitize", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:sanitize", Hint: "did you mean //privacy:sanitizer?"}},
		{text: "//privacy:consnet marketing", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:consnet", Hint: "did you mean //privacy:consent?"}},
		{text: "//privacy:ignore PV101 ok", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:ignore", Hint: "did you mean //privacy:allow?"}},
		{text: "//privacy:redact", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:redact", Hint: "did you mean //privacy:sanitizer?"}},
		{text: "//privacy:data2 user", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:data2", Hint: "did you mean //privacy:data?"}},
		{text: "//privacy:retention 30d", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg:  "unknown directive //privacy:retention",
			Hint: "the directives are //privacy:data, source, sanitizer, sink, purpose, consent, erase or allow"}},
		{text: "//privacy:+data", ok: true, err: &Error{Pos: p(10), Rule: RuleUnknownDirective,
			Msg: "unknown directive //privacy:+data", Hint: "did you mean //privacy:data?"}},
		{text: "//privacy:data:user", ok: true, err: &Error{Pos: p(14), Rule: RuleMalformed,
			Msg: `missing space after //privacy:data (found ":user")`, Hint: "put a space between //privacy:data and its arguments"}},
		{text: "//privacy:sink=log", ok: true, err: &Error{Pos: p(14), Rule: RuleMalformed,
			Msg: `missing space after //privacy:sink (found "=log")`, Hint: "put a space between //privacy:sink and its arguments"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, ok, err := ParseDirective(tt.text, base)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, d); diff != "" {
				t.Errorf("directive (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.err, err); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if ok && (d == nil) == (err == nil) {
				t.Errorf("want exactly one of directive and error, got %v and %v", d, err)
			}
			if d != nil {
				back, _, err := ParseDirective(d.String(), base)
				if err != nil {
					t.Fatalf("String() = %q does not parse: %v", d.String(), err)
				}
				if diff := cmp.Diff(d, back, ignorePositions); diff != "" {
					t.Errorf("ParseDirective(%q) (-first +again):\n%s", d.String(), diff)
				}
			}
		})
	}
}

func TestParseDirectiveNoPos(t *testing.T) {
	d, _, _ := ParseDirective("//privacy:data user email", token.NoPos)
	if d.Pos != token.NoPos || d.CategoryPos[0] != token.NoPos || d.CategoryPos[1] != token.NoPos {
		t.Errorf("with NoPos, positions = %v %v, want NoPos", d.Pos, d.CategoryPos)
	}
	_, _, err := ParseDirective("//privacy:data User", token.NoPos)
	if err.Pos != token.NoPos {
		t.Errorf("with NoPos, error position = %v, want NoPos", err.Pos)
	}
}

func TestDirectiveString(t *testing.T) {
	tests := []struct {
		d    *Directive
		want string
	}{
		{&Directive{Kind: Data, Categories: []string{"user.contact.email", "user.name"}}, "//privacy:data user.contact.email user.name"},
		{&Directive{Kind: Source, Categories: []string{"user"}}, "//privacy:source user"},
		{&Directive{Kind: Sanitizer}, "//privacy:sanitizer"},
		{&Directive{Kind: Sanitizer, Categories: []string{"user.authorization.password"}}, "//privacy:sanitizer user.authorization.password"},
		{&Directive{Kind: Sink, SinkKind: SinkLog}, "//privacy:sink log"},
		{&Directive{Kind: Sink, SinkKind: SinkThirdParty, Recipient: "mailer"}, "//privacy:sink thirdparty mailer"},
		{&Directive{Kind: Purpose, Purpose: "analytics"}, "//privacy:purpose analytics"},
		{&Directive{Kind: Consent, Purpose: "analytics"}, "//privacy:consent analytics"},
		{&Directive{Kind: Erase, Categories: []string{"user"}}, "//privacy:erase user"},
		{&Directive{Kind: Allow, Rule: "PV101", Reason: "hashed\tupstream"}, "//privacy:allow PV101 hashed\tupstream"},
		{nil, "<nil>"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestKind(t *testing.T) {
	want := []string{"data", "source", "sanitizer", "sink", "purpose", "consent", "erase", "allow"}
	for i, name := range want {
		k := Kind(i + 1)
		if k.String() != name {
			t.Errorf("Kind(%d).String() = %q, want %q", i+1, k.String(), name)
		}
		if got, ok := LookupKind(name); !ok || got != k {
			t.Errorf("LookupKind(%q) = %v, %v", name, got, ok)
		}
	}
	if Data != 1 || Allow != 8 {
		t.Errorf("Data = %d, Allow = %d: the Kind values are part of the API", Data, Allow)
	}
	if s := Kind(0).String(); s != "Kind(0)" {
		t.Errorf("Kind(0).String() = %q", s)
	}
	if _, ok := LookupKind("Data"); ok {
		t.Error(`LookupKind("Data") succeeded; names are lowercase`)
	}
	for _, k := range SinkKinds() {
		if !k.Valid() {
			t.Errorf("%q not Valid", k)
		}
	}
	if SinkKind("logs").Valid() {
		t.Error(`"logs" is Valid`)
	}
}

func TestError(t *testing.T) {
	e := &Error{Rule: RuleMalformed, Msg: "bad", Hint: "write good"}
	if got, want := e.Error(), "bad; write good [PV901]"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e.Hint = ""
	if got, want := e.Error(), "bad [PV901]"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := (*Error)(nil).Error(); got != "<nil>" {
		t.Errorf("nil Error() = %q", got)
	}
}

func TestRuleIDs(t *testing.T) {
	got := []string{RuleMalformed, RuleUnknownCategory, RuleUnknownPurpose, RuleUnknownRecipient, RuleUnknownRule,
		RuleAllowNoReason, RuleWrongTarget, RuleUnknownDirective, RuleMisplaced}
	want := []string{"PV901", "PV902", "PV903", "PV904", "PV905", "PV906", "PV907", "PV908", "PV909"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rule ids changed (-want +got):\n%s", diff)
	}
}
