package annotations

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseTag(t *testing.T) {
	const (
		example  = `privacy:"user.contact.email"`
		noSpaces = "write " + example + ", with no space around the colon"
	)
	malformed := func(msg, hint string) *Error { return &Error{Rule: RuleMalformed, Msg: msg, Hint: hint} }
	tests := []struct {
		tag     string
		cats    []string
		present bool
		optOut  bool
		err     *Error
	}{
		// Well-formed.
		{tag: ``},
		{tag: `json:"email"`},
		{tag: `privacy:"user.contact.email"`, cats: []string{"user.contact.email"}, present: true},
		{tag: `json:"email" privacy:"user.contact.email"`, cats: []string{"user.contact.email"}, present: true},
		{tag: `privacy:"user.financial.credit_card,user.payment" json:"card"`, cats: []string{"user.financial.credit_card", "user.payment"}, present: true},
		{tag: `  privacy:" email ,  user.name "  `, cats: []string{"email", "user.name"}, present: true},
		{tag: `privacy:"-"`, present: true, optOut: true},
		{tag: `json:"-" privacy:"-"`, present: true, optOut: true},
		{tag: `privacy:"user.contact.email" json:email`, cats: []string{"user.contact.email"}, present: true}, // reflect reads privacy before the bad pair
		{tag: `json:email`}, // malformed, but not about privacy: go vet's structtag reports it
		{tag: `json:"privacy"`},
		{tag: `privacy:"\u0075ser"`, cats: []string{"user"}, present: true}, // a Go string, as reflect unquotes it

		// The value.
		{tag: `privacy:""`, present: true, err: malformed("empty privacy tag",
			`name the categories, e.g. `+example+`, or write privacy:"-" for a field that is not personal data`)},
		{tag: `privacy:" "`, present: true, err: malformed("empty privacy tag",
			`name the categories, e.g. `+example+`, or write privacy:"-" for a field that is not personal data`)},
		{tag: `privacy:"a,,b"`, cats: []string{"a", "b"}, present: true, err: malformed(`empty category in privacy tag "a,,b"`, "remove the extra comma")},
		{tag: `privacy:"a,"`, cats: []string{"a"}, present: true, err: malformed(`empty category in privacy tag "a,"`, "remove the extra comma")},
		{tag: `privacy:",a"`, cats: []string{"a"}, present: true, err: malformed(`empty category in privacy tag ",a"`, "remove the extra comma")},
		{tag: `privacy:"user,-"`, cats: []string{"user"}, present: true, err: malformed(`"-" combined with categories in privacy tag "user,-"`,
			`write privacy:"-" alone for a field that is not personal data, or only the categories`)},
		{tag: `privacy:"User.Email"`, present: true, err: malformed(`malformed category "User.Email" in privacy tag: categories are lowercase`, "write user.email")},
		{tag: `privacy:"user..email,user.name"`, cats: []string{"user.name"}, present: true, err: malformed(
			`malformed category "user..email" in privacy tag: it has an empty segment (a leading, trailing or doubled dot)`,
			"write lowercase identifiers joined by dots, e.g. user.contact.email")},
		{tag: `privacy:"user. contact"`, present: true, err: malformed(`malformed category "user. contact" in privacy tag: it contains a space`,
			"remove the space, or separate categories with commas")},
		{tag: `privacy:"user.contact.email user.name"`, present: true, err: malformed(`malformed category "user.contact.email user.name" in privacy tag: it contains a space`,
			"remove the space, or separate categories with commas")},
		{tag: `privacy:"user.device.ip-address"`, present: true, err: malformed(`malformed category "user.device.ip-address" in privacy tag: it contains '-'`,
			"write user.device.ip_address, with '_'")},
		{tag: `privacy:"user,user.name,user"`, cats: []string{"user", "user.name"}, present: true, err: malformed(`category "user" appears twice in privacy tag`, "remove the duplicate")},
		{tag: `privacy:"A,b,,"`, cats: []string{"b"}, present: true, err: malformed(`malformed category "A" in privacy tag: categories are lowercase`, "write a")}, // the first problem

		// The key.
		{tag: `privacy:"user" privacy:"user.name"`, cats: []string{"user"}, present: true, err: malformed(`second privacy key in struct tag (privacy:"user.name")`,
			`list every category in one key: privacy:"user.contact.email,user.name"`)},
		{tag: `privacy: "user"`, err: malformed(`space after the colon in struct tag at "privacy: \"user\""`, noSpaces)},
		{tag: `privacy :"user"`, err: malformed(`space before the colon in struct tag at "privacy :\"user\""`, noSpaces)},
		{tag: `privacy "user"`, err: malformed(`missing ':' after the privacy key in struct tag at "privacy \"user\""`, "write "+example)},
		{tag: `privacy:'user'`, err: malformed(`privacy tag value is not in double quotes at "privacy:'user'"`, "write "+example)},
		{tag: `privacy:user`, err: malformed(`privacy tag value is not in double quotes at "privacy:user"`, "write "+example)},
		{tag: `json:"x" privacy`, err: malformed(`privacy key without a value in struct tag at "privacy"`, "write "+example)},
		{tag: `privacy="user"`, err: malformed(`'=' instead of ':' in struct tag at "privacy=\"user\""`, "write "+example)},
		{tag: `privacy:"user`, err: malformed(`unterminated value in struct tag at "privacy:\"user"`, "close the quoted value with a double quote")},
		{tag: `privacy:"a\x"`, err: malformed(`privacy tag value "a\x" is not a valid Go string`, "write plain categories separated by commas, e.g. "+example)},
		{tag: `Privacy:"user"`, err: malformed(`struct tag key "Privacy" is not "privacy"`, "write "+example)},
		{tag: `privcy:"user"`, err: malformed(`struct tag key "privcy" is not "privacy"`, "write "+example)},
		{tag: `json:"email",privacy:"user"`, err: malformed(`struct tag key ",privacy" is not "privacy"`,
			"separate struct tag pairs with spaces, not commas: "+example)},
		{tag: `Privacy:"x" privacy:"user"`, cats: []string{"user"}, present: true}, // the real key wins; the near miss is harmless
		{tag: `json:"email" db privacy:"user"`, err: malformed(`malformed struct tag at "db privacy:\"user\"", before the privacy key, which cannot be read`,
			`struct tags are key:"value" pairs separated by spaces, e.g. json:"email" `+example)},
		{tag: `json:"a very long value" validate:required privacy:"user"`, err: malformed(
			`malformed struct tag at "validate:required privac"..., before the privacy key, which cannot be read`,
			`struct tags are key:"value" pairs separated by spaces, e.g. json:"email" `+example)},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			cats, present, optOut, err := ParseTag(tt.tag)
			if diff := cmp.Diff(tt.cats, cats); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
			if present != tt.present || optOut != tt.optOut {
				t.Errorf("present, optOut = %v, %v; want %v, %v", present, optOut, tt.present, tt.optOut)
			}
			if diff := cmp.Diff(tt.err, err); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			// Whenever the tag is read, it is read as reflect reads it.
			if v, ok := reflect.StructTag(tt.tag).Lookup(TagKey); ok != present {
				t.Errorf("present = %v, but reflect.StructTag.Lookup = %q, %v", present, v, ok)
			}
		})
	}
}

func TestValidCategorySyntax(t *testing.T) {
	for _, s := range []string{"user", "email", "user.contact.email", "user.device.ip_address", "user.childrens", "a1.b_2", "x"} {
		if !ValidCategorySyntax(s) {
			t.Errorf("ValidCategorySyntax(%q) = false", s)
		}
	}
	for _, s := range []string{"", ".", "user.", ".user", "user..email", "User", "user.Email", "1user", "user.1", "_user",
		"user-contact", "user contact", " user", "user.*", "usér", "user\x00"} {
		if ValidCategorySyntax(s) {
			t.Errorf("ValidCategorySyntax(%q) = true", s)
		}
	}
}

func TestValidRuleSyntax(t *testing.T) {
	for _, s := range []string{"PV101", "PV000", "PV999"} {
		if !ValidRuleSyntax(s) {
			t.Errorf("ValidRuleSyntax(%q) = false", s)
		}
	}
	for _, s := range []string{"", "PV", "PV10", "PV1010", "pv101", "Pv101", "PV10a", "XX101", " PV101"} {
		if ValidRuleSyntax(s) {
			t.Errorf("ValidRuleSyntax(%q) = true", s)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"data", "source", "sanitizer", "sink", "purpose", "consent", "erase", "allow"}
	tests := []struct{ in, want string }{
		{"sinks", "sink"}, {"snik", "sink"}, {"SINK", "sink"}, {"dta", "data"}, {"sanitiser", "sanitizer"},
		{"sanitze", "sanitizer"}, {"purpse", "purpose"}, {"alow", "allow"}, {"erse", "erase"},
		{"sin", "sink"}, {"dat", "data"},
		{"foo", ""}, {"", ""}, {"datum", ""}, {"ab", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, names); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Suggest("user.contact.emial", []string{"user.contact.email", "user.contact.phone_number"}); got != "user.contact.email" {
		t.Errorf("Suggest for a category = %q", got)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"sink", "sink", 0}, {"sink", "snik", 1},
		{"kitten", "sitting", 3}, {"ca", "abc", 3}, {"sinks", "sink", 1},
		{strings.Repeat("a", 65), strings.Repeat("a", 65), 0}, {strings.Repeat("a", 65), "a", 65}, // too long to be a typo

	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
