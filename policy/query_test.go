package policy

import (
	"sort"
	"strings"
	"testing"
	"time"
)

func TestBuiltinCategories(t *testing.T) {
	cats := BuiltinCategories()
	if len(cats) != 85 {
		t.Errorf("%d built-in categories, want fideslang 3.1's 85", len(cats))
	}
	if !sort.StringsAreSorted(cats) {
		t.Error("BuiltinCategories is not sorted")
	}
	for _, c := range cats {
		if !ValidCategorySyntax(c) {
			t.Errorf("built-in category %q has invalid syntax", c)
		}
		if p := parentOf(c); p != "" && !IsBuiltinCategory(p) {
			t.Errorf("built-in category %q has no built-in parent", c)
		}
	}
	for _, c := range []string{"user.contact.email", "user.device.ip_address", "user.authorization.password",
		"user.financial.credit_card", "user.location.precise", "user.childrens", "system.authentication"} {
		if !IsBuiltinCategory(c) {
			t.Errorf("IsBuiltinCategory(%q) = false", c)
		}
	}
	cats[0] = "mutated"
	if BuiltinCategories()[0] == "mutated" {
		t.Error("BuiltinCategories returns the package's own slice")
	}
}

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		parent, child string
		want          bool
	}{
		{"user.contact", "user.contact.email", true},
		{"user.contact", "user.contact", true},
		{"user", "user.contact.address.city", true},
		{"user.contact", "user.contactx", false},
		{"user.contact", "user.contactx.email", false},
		{"user.contact.email", "user.contact", false},
		{"user.contact", "user", false},
		{"", "user", false},
		{"user", "", false},
		{"marketing", "marketing.communications.email", true},
	} {
		if got := Covers(tc.parent, tc.child); got != tc.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", tc.parent, tc.child, got, tc.want)
		}
	}
}

func TestValidCategorySyntax(t *testing.T) {
	for id, want := range map[string]bool{
		"user": true, "user.contact.email": true, "user.device.ip_address": true, "a1.b_2": true,
		"": false, "User": false, "user.": false, ".user": false, "user..email": false,
		"user.1email": false, "user.e-mail": false, "user contact": false, "_user": false, "user.émail": false,
	} {
		if got := ValidCategorySyntax(id); got != want {
			t.Errorf("ValidCategorySyntax(%q) = %v, want %v", id, got, want)
		}
	}
}

// queryPolicy is small enough to read alongside the tables below.
const queryPolicy = head + `aliases:
  email: user.contact.email
  imei: user.device.imei
categories:
  user.contact: {clause: c1}
  user.contact.email: {clause: c1, log: allow}
  user.device.imei: {clause: c1}
  user.device.imei.hash: {clause: c1, log: allow}
purposes:
  marketing: {clause: c1, consent: opt-out}
  marketing.communications.sms: {clause: c1, consent: required}
recipients:
  mailer: {clause: c1, hosts: [api.mailer.example, "*.mailer.example"], packages: [example.com/mailer], categories: [user.contact], purposes: [marketing.communications]}
  eu: {clause: c1, hosts: ["*.eu.mailer.example"], packages: [example.com/mailer/eu], categories: [email]}
  any: {clause: c1, hosts: [cdn.example]}
retention:
  user: {max: account, clause: c1}
  user.contact: {max: 2y, clause: c1}
  user.contact.email: {max: 30d, clause: c1}
`

func parseQuery(t *testing.T) *Policy {
	t.Helper()
	p, err := Parse("q.yaml", []byte(queryPolicy))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCanonicalRuleRetention(t *testing.T) {
	p := parseQuery(t)
	for _, tc := range []struct {
		id        string
		canonical string
		known     bool
		rule      string // category of Rule(id), "" for nil
		logs      bool
		retention string // category of RetentionFor(id)
	}{
		{"email", "user.contact.email", true, "user.contact.email", true, "user.contact.email"},
		{"user.contact.email", "user.contact.email", true, "user.contact.email", true, "user.contact.email"},
		{"user.contact.phone_number", "user.contact.phone_number", true, "user.contact", false, "user.contact"},
		{"user.contact.address.city", "user.contact.address.city", true, "user.contact", false, "user.contact"},
		{"user.contact", "user.contact", true, "user.contact", false, "user.contact"},
		{"user", "user", true, "", false, "user"},
		{"user.name", "user.name", true, "", false, "user"},
		{"imei", "user.device.imei", true, "user.device.imei", false, "user"},
		{"user.device.imei.hash", "user.device.imei.hash", true, "user.device.imei.hash", true, "user"},
		{"user.device.imei.other", "user.device.imei.other", false, "user.device.imei", false, "user"},
		{"user.contact.email.work", "user.contact.email.work", false, "user.contact.email", true, "user.contact.email"},
		{"system.authentication", "system.authentication", true, "", false, ""},
		{"foo.bar", "foo.bar", false, "", false, ""},
		{"user.contactx", "user.contactx", false, "", false, "user"},
	} {
		c, ok := p.Canonical(tc.id)
		if c != tc.canonical || ok != tc.known {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tc.id, c, ok, tc.canonical, tc.known)
		}
		r := p.Rule(tc.id)
		if got := ruleCat(r); got != tc.rule {
			t.Errorf("Rule(%q) = %q, want %q", tc.id, got, tc.rule)
		}
		if p.Disclosed(tc.id) != (tc.rule != "") {
			t.Errorf("Disclosed(%q) = %v", tc.id, p.Disclosed(tc.id))
		}
		if got := p.LogAllowed(tc.id); got != tc.logs {
			t.Errorf("LogAllowed(%q) = %v, want %v", tc.id, got, tc.logs)
		}
		got := ""
		if ret := p.RetentionFor(tc.id); ret != nil {
			got = ret.Category
		}
		if got != tc.retention {
			t.Errorf("RetentionFor(%q) = %q, want %q", tc.id, got, tc.retention)
		}
	}
}

func ruleCat(r *CategoryRule) string {
	if r == nil {
		return ""
	}
	return r.Category
}

func TestPurpose(t *testing.T) {
	p := parseQuery(t)
	for id, want := range map[string]string{
		"marketing":                      "marketing",
		"marketing.communications.email": "marketing",
		"marketing.communications.sms":   "marketing.communications.sms",
		"marketing.communications.sms.x": "marketing.communications.sms",
		"marketingx":                     "",
		"analytics":                      "",
	} {
		got := ""
		if pu := p.Purpose(id); pu != nil {
			got = pu.ID
		}
		if got != want {
			t.Errorf("Purpose(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestMatchHost(t *testing.T) {
	r := &Recipient{Hosts: []string{"api.mailer.example", "*.mailer.example"}}
	for host, want := range map[string]bool{
		"api.mailer.example":      true,
		"API.Mailer.Example":      true,
		"api.mailer.example:443":  true,
		"api.mailer.example.":     true,
		"a.mailer.example":        true,
		"a.b.mailer.example":      true,
		"mailer.example":          false,
		"xmailer.example":         false,
		"mailer.example.evil.com": false,
		"evil.com":                false,
		"":                        false,
		"[::1]:80":                false,
		":443":                    false,
	} {
		if got := r.MatchHost(host); got != want {
			t.Errorf("MatchHost(%q) = %v, want %v", host, got, want)
		}
	}
	if !(&Recipient{Hosts: []string{"::1"}}).MatchHost("[::1]:8080") {
		t.Error("an IPv6 host in brackets with a port does not match")
	}
}

func TestMatchPackage(t *testing.T) {
	r := &Recipient{Packages: []string{"example.com/mailer"}}
	for path, want := range map[string]bool{
		"example.com/mailer":        true,
		"example.com/mailer/v2/api": true,
		"example.com/mailerx":       false,
		"example.com":               false,
		"example.com/mail":          false,
	} {
		if got := r.MatchPackage(path); got != want {
			t.Errorf("MatchPackage(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestRecipientLookups(t *testing.T) {
	p := parseQuery(t)
	name := func(r *Recipient) string {
		if r == nil {
			return ""
		}
		return r.Name
	}
	for host, want := range map[string]string{
		"api.mailer.example":    "mailer", // exact
		"x.mailer.example":      "mailer",
		"x.eu.mailer.example":   "eu", // the longer wildcard wins
		"eu.mailer.example":     "mailer",
		"CDN.example:8443":      "any",
		"unknown.example":       "",
		"api.eu.mailer.example": "eu",
	} {
		if got := name(p.RecipientForHost(host)); got != want {
			t.Errorf("RecipientForHost(%q) = %q, want %q", host, got, want)
		}
	}
	for path, want := range map[string]string{
		"example.com/mailer":       "mailer",
		"example.com/mailer/smtp":  "mailer",
		"example.com/mailer/eu":    "eu", // the longer package wins
		"example.com/mailer/eu/v2": "eu",
		"example.com/other":        "",
	} {
		if got := name(p.RecipientForPackage(path)); got != want {
			t.Errorf("RecipientForPackage(%q) = %q, want %q", path, got, want)
		}
	}
	mailer, eu, anyR := p.Recipients["mailer"], p.Recipients["eu"], p.Recipients["any"]
	for _, tc := range []struct {
		r    *Recipient
		cat  string
		want bool
	}{
		{mailer, "user.contact.email", true},
		{mailer, "email", true},
		{mailer, "user.contact", true},
		{mailer, "user", false},
		{mailer, "user.name", false},
		{eu, "user.contact.email", true},
		{eu, "user.contact.phone_number", false},
		{anyR, "user.contact.email", false},
	} {
		if got := p.RecipientAllowsCategory(tc.r, tc.cat); got != tc.want {
			t.Errorf("RecipientAllowsCategory(%s, %q) = %v, want %v", tc.r.Name, tc.cat, got, tc.want)
		}
	}
	for _, tc := range []struct {
		r       *Recipient
		purpose string
		want    bool
	}{
		{mailer, "marketing.communications.email", true},
		{mailer, "marketing.communications", true},
		{mailer, "marketing", false},
		{mailer, "analytics", false},
		{eu, "analytics", true}, // no purposes listed: any
	} {
		if got := p.RecipientAllowsPurpose(tc.r, tc.purpose); got != tc.want {
			t.Errorf("RecipientAllowsPurpose(%s, %q) = %v, want %v", tc.r.Name, tc.purpose, got, tc.want)
		}
	}
}

func TestParseRetention(t *testing.T) {
	const day = 24 * time.Hour
	for _, tc := range []struct {
		in   string
		want RetentionMax
		str  string
		err  string
	}{
		{in: "account", want: RetentionMax{Account: true}, str: "account"},
		{in: "0", want: RetentionMax{}, str: "0"},
		{in: "0d", want: RetentionMax{}, str: "0"},
		{in: "390d", want: RetentionMax{Duration: 390 * day}, str: "390d"},
		{in: "12h", want: RetentionMax{Duration: 12 * time.Hour}, str: "12h"},
		{in: "2w", want: RetentionMax{Duration: 14 * day}, str: "14d"},
		{in: "1y", want: RetentionMax{Duration: 365 * day}, str: "365d"},
		{in: "30m", want: RetentionMax{Duration: 30 * time.Minute}, str: "30m"},
		{in: "45s", want: RetentionMax{Duration: 45 * time.Second}, str: "45s"},
		{in: "1d12h", want: RetentionMax{Duration: 36 * time.Hour}, str: "1d12h"},
		{in: "1y2w3d4h5m6s", want: RetentionMax{Duration: 382*day + 4*time.Hour + 5*time.Minute + 6*time.Second}, str: "382d4h5m6s"},
		{in: "36h", want: RetentionMax{Duration: 36 * time.Hour}, str: "1d12h"},
		{in: "", err: `empty retention`},
		{in: "12", err: `invalid retention "12": missing unit after 12`},
		{in: "d", err: `invalid retention "d": expected a number at "d"`},
		{in: "12h1d", err: `invalid retention "12h1d": units must go from largest to smallest, each once`},
		{in: "1d1d", err: `invalid retention "1d1d": units must go from largest to smallest, each once`},
		{in: "3M", err: `invalid retention "3M": unknown unit "M" (use y, w, d, h, m or s)`},
		{in: "1.5d", err: `invalid retention "1.5d": unknown unit "." (use y, w, d, h, m or s)`},
		{in: "1d 12h", err: `invalid retention "1d 12h": unknown unit "d " (use y, w, d, h, m or s)`},
		{in: "-1d", err: `invalid retention "-1d": expected a number at "-1d"`},
		{in: "forever", err: `invalid retention "forever": expected a number at "forever"`},
		{in: "300y", err: `invalid retention "300y": too long`},
		{in: "99999999999999999999s", err: `invalid retention "99999999999999999999s": number too large`},
	} {
		got, err := ParseRetention(tc.in)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("ParseRetention(%q) error = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseRetention(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
		if s := got.String(); s != tc.str {
			t.Errorf("ParseRetention(%q).String() = %q, want %q", tc.in, s, tc.str)
		}
		if back, err := ParseRetention(got.String()); err != nil || back != got {
			t.Errorf("ParseRetention(%q) does not round-trip: %+v, %v", got.String(), back, err)
		}
	}
	if (RetentionMax{Duration: time.Hour}).Allows(2*time.Hour) || !(RetentionMax{Account: true}).Allows(1000*time.Hour) {
		t.Error("Allows")
	}
}

func TestNameSyntax(t *testing.T) {
	for _, tc := range []struct {
		check func(string) bool
		in    string
		want  bool
	}{
		{validFuncName, "example.com/app/prefs.PromoAllowed", true},
		{validFuncName, "fmt.Println", true},
		{validFuncName, "gopkg.in/yaml.v3.Marshal", true},
		{validFuncName, "(*example.com/app/account.Service).Delete", true},
		{validFuncName, "(example.com/app/account.Service).Delete", true},
		{validFuncName, "(*github.com/gin-gonic/gin.Context).ClientIP", true},
		{validFuncName, "(*example.com/list.List[T]).Push", true},
		{validFuncName, "(*example.com/m.Map[K, V]).Put", true},
		{validFuncName, "example.com/app.Ünïcode", true},
		{validFuncName, "PromoAllowed", false},
		{validFuncName, "example.com/app.", false},
		{validFuncName, "example.com/app.Func()", false},
		{validFuncName, "(*example.com/app.Service.Delete", false},
		{validFuncName, "(*example.com/app.Service)Delete", false},
		{validFuncName, "(**example.com/app.Service).Delete", false},
		{validFuncName, "(*example.com/app.List[T).Push", false},
		{validFuncName, "https://example.com/app.F", false},
		{validFuncName, "example.com//app.F", false},
		{validFuncName, "example.com/app.1F", false},
		{validFieldName, "example.com/pb.User.Email", true},
		{validFieldName, "gopkg.in/yaml.v3.Node.Kind", true},
		{validFieldName, "net/http.Request.RemoteAddr", true},
		{validFieldName, "example.com/pb.User", false},
		{validFieldName, "User.Email", false},
		{validTypeName, "example.com/pb.Traits", true},
		{validTypeName, "example.com/pb", false},
		{validImportPath, "github.com/stripe/stripe-go/v76", true},
		{validImportPath, "net/smtp", true},
		{validImportPath, "example.com/a/../b", false},
		{validImportPath, "/abs/path", false},
		{validImportPath, "example.com/", false},
		{validImportPath, "example .com", false},
	} {
		if got := tc.check(tc.in); got != tc.want {
			t.Errorf("check(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	for h, want := range map[string]string{
		"api.mailer.example":                 "",
		"*.mailer.example":                   "",
		"10.0.0.1":                           "",
		"localhost":                          "",
		"*":                                  "a lone * would match every host; name the domain, as in *.mailer.example",
		"*.com":                              "a wildcard needs a domain with a dot, as in *.mailer.example",
		"-a.example":                         "a label may not start or end with '-'",
		"a..example":                         "each dot-separated label must have 1 to 63 characters",
		strings.Repeat("a", 64) + ".example": "each dot-separated label must have 1 to 63 characters",
	} {
		if got := checkHost(h); got != want {
			t.Errorf("checkHost(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestCloseMatches(t *testing.T) {
	if got := closeMatches("user.contact.emial", BuiltinCategories()); len(got) == 0 || got[0] != "user.contact.email" {
		t.Errorf("closeMatches = %v", got)
	}
}
