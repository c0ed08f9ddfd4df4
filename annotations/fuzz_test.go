package annotations

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var directiveSeeds = []string{
	"//privacy:data user.contact.email",
	"//privacy:data user.contact.email, user.name",
	"//privacy:source user,,x",
	"//privacy:sanitizer",
	"//privacy:sanitizer user.authorization.password // x",
	"//privacy:sink thirdparty mailer",
	"//privacy:sink log mailer",
	"//privacy:sink thirdparty,mailer",
	"//privacy:purpose marketing.communications.email",
	"//privacy:consent a b",
	"//privacy:erase user.*",
	"//privacy:allow PV101 the address is hashed",
	"//privacy:allow PV101",
	"//privacy:allow pv101,PV201: x",
	"//privacy:",
	"//privacy: data",
	"//privacy:sinks",
	"//privacy::data",
	"//privacy:data:user",
	"//privacy:data user.contact.émail",
	"// privacy:data user",
}

func FuzzParseDirective(f *testing.F) {
	for _, s := range directiveSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, ok, err := ParseDirective(text, base)
		if !ok {
			if d != nil || err != nil {
				t.Fatalf("not a directive, yet d = %v, err = %v", d, err)
			}
			if strings.HasPrefix(text, Prefix) {
				t.Fatalf("%q starts with %s but is not a directive", text, Prefix)
			}
			return
		}
		if (d == nil) == (err == nil) {
			t.Fatalf("want exactly one of directive and error, got %v and %v", d, err)
		}
		if err != nil {
			if err.Rule != RuleMalformed && err.Rule != RuleAllowNoReason && err.Rule != RuleUnknownDirective {
				t.Errorf("error rule %q: ParseDirective reports only PV901, PV906 and PV908", err.Rule)
			}
			if err.Msg == "" || err.Hint == "" {
				t.Errorf("error without message or hint: %#v", err)
			}
			if off := int(err.Pos - base); off < 0 || off > len(text) {
				t.Errorf("error offset %d outside the text (%d bytes)", off, len(text))
			}
			return
		}
		if d.Pos != base || d.Kind < Data || d.Kind > Allow {
			t.Fatalf("bad directive %#v", d)
		}
		if len(d.Categories) != len(d.CategoryPos) {
			t.Fatalf("%d categories, %d positions", len(d.Categories), len(d.CategoryPos))
		}
		for i, c := range d.Categories {
			if !ValidCategorySyntax(c) {
				t.Errorf("category %q is not well-formed", c)
			}
			if off := int(d.CategoryPos[i] - base); !strings.HasPrefix(text[off:], c) {
				t.Errorf("category %q at offset %d, where the text is %q", c, off, text[off:])
			}
		}
		s := d.String()
		again, ok, err := ParseDirective(s, base)
		if !ok || err != nil {
			t.Fatalf("String() = %q does not parse: %v", s, err)
		}
		if diff := cmp.Diff(d, again, ignorePositions); diff != "" {
			t.Fatalf("ParseDirective(%q) differs (-first +again):\n%s", s, diff)
		}
		if again.String() != s {
			t.Fatalf("String() not stable: %q then %q", s, again.String())
		}
	})
}

var tagSeeds = []string{
	``,
	`json:"email" privacy:"user.contact.email"`,
	`privacy:"user.financial.credit_card, user.payment"`,
	`privacy:"-"`,
	`privacy:""`,
	`privacy:"a,,b"`,
	`privacy:"a,-"`,
	`privacy:"User.Email"`,
	`privacy:"a" privacy:"b"`,
	`privacy: "a"`,
	`privacy:'a'`,
	`Privacy:"a"`,
	`json:"email",privacy:"a"`,
	`json:email privacy:"a"`,
	`privacy:"a\x"`,
	`privacy:"\u0075ser"`,
	`privacy:"abc`,
}

func FuzzParseTag(f *testing.F) {
	for _, s := range tagSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		cats, present, optOut, err := ParseTag(tag)
		if err != nil && (err.Rule != RuleMalformed || err.Msg == "" || err.Hint == "" || err.Pos.IsValid()) {
			t.Errorf("bad error %#v: want PV901, a message, a hint and NoPos", err)
		}
		value, found := reflect.StructTag(tag).Lookup(TagKey)
		if present != found {
			t.Fatalf("present = %v, but reflect.StructTag.Lookup = %q, %v", present, value, found)
		}
		if !present && (cats != nil || optOut) {
			t.Fatalf("no privacy key, yet cats = %q, optOut = %v", cats, optOut)
		}
		if optOut && cats != nil {
			t.Fatalf("opt-out with categories %q", cats)
		}
		seen := map[string]bool{}
		for _, c := range cats {
			if !ValidCategorySyntax(c) || seen[c] {
				t.Fatalf("category %q malformed or repeated in %q", c, cats)
			}
			seen[c] = true
		}
		if !present || optOut {
			return
		}
		if err == nil {
			// Without an error, the categories are exactly the value's elements.
			var elems []string
			for e := range strings.SplitSeq(value, ",") {
				elems = append(elems, strings.TrimSpace(e))
			}
			if !cmp.Equal(elems, cats) {
				t.Fatalf("categories %q, but the value %q has %q", cats, value, elems)
			}
		}
		if len(cats) == 0 {
			return
		}
		// The well-formed categories re-format into a tag that reads back the same.
		canon := TagKey + `:"` + strings.Join(cats, ",") + `"`
		again, present, optOut, err := ParseTag(canon)
		if err != nil || !present || optOut || !cmp.Equal(again, cats) {
			t.Fatalf("ParseTag(%q) = %q, %v, %v, %v; want %q", canon, again, present, optOut, err, cats)
		}
	})
}
