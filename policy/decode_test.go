package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func loadFull(t *testing.T) *Policy {
	t.Helper()
	p, err := Load(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatalf("Load(full.yaml):\n%v", err)
	}
	return p
}

func TestDecodeFull(t *testing.T) {
	p := loadFull(t)
	f := filepath.Join("testdata", "full.yaml")
	at := func(line, col int) Pos { return Pos{f, line, col} }

	if want := (Statement{Title: "Privacy Statement - Example", Effective: "2016-05-18", Text: "statement.md",
		TextPath: filepath.Join("testdata", "statement.md")}); p.Statement != want {
		t.Errorf("Statement = %+v, want %+v", p.Statement, want)
	}
	if p.Version != 1 || p.Source != f {
		t.Errorf("Version, Source = %d, %q", p.Version, p.Source)
	}
	if got := p.Clause("s7-tls"); got == nil || got.Section != "7" || got.Quote != "Card numbers travel over TLS." || got.Pos != at(15, 3) {
		t.Errorf("Clause(s7-tls) = %+v", got)
	}
	if diff := cmp.Diff(map[string]string{"email": "user.contact.email", "imei": "user.device.imei"}, p.Aliases); diff != "" {
		t.Errorf("Aliases (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"PV201": "s3-no-share"}, p.Cite); diff != "" {
		t.Errorf("Cite (-want +got):\n%s", diff)
	}

	// Rules come out merged with their ancestors': credit_card inherits
	// transport: tls with the clause that imposed it; imei inherits the
	// gate; cookie_id overrides collect.
	wantRules := map[string]*CategoryRule{
		"user.device.ip_address": {Category: "user.device.ip_address", Clause: "s2-log-files", Log: LogAllow,
			Collect: CollectGated, Gate: "essential.service.device",
			Cite: map[string]string{"log": "s2-log-files", "collect": "s2-personal-info"}, Pos: at(25, 3)},
		"user.contact.email": {Category: "user.contact.email", Clause: "s2-personal-info", Log: LogDeny, Cite: map[string]string{}, Pos: at(26, 3)},
		"user.name":          {Category: "user.name", Clause: "s2-personal-info", Log: LogDeny, Cite: map[string]string{}, Pos: at(27, 3)},
		"user.authorization.password": {Category: "user.authorization.password", Clause: "s2-personal-info", Log: LogDeny,
			Store: StoreSanitized, Cite: map[string]string{"store": "s2-personal-info"}, Pos: at(28, 3)},
		"user.financial": {Category: "user.financial", Clause: "s2-personal-info", Log: LogDeny, Transport: TransportTLS,
			Cite: map[string]string{"transport": "s7-tls"}, Pos: at(29, 3)},
		"user.financial.credit_card": {Category: "user.financial.credit_card", Clause: "s2-personal-info", Log: LogDeny,
			Store: StoreSanitized, Transport: TransportTLS, Cite: map[string]string{"store": "s2-personal-info", "transport": "s7-tls"}, Pos: at(30, 3)},
		"user.device": {Category: "user.device", Clause: "s2-personal-info", Log: LogDeny, Collect: CollectGated,
			Gate: "essential.service.device", Cite: map[string]string{"collect": "s2-personal-info"}, Pos: at(31, 3)},
		"user.device.imei": {Category: "user.device.imei", Clause: "s2-personal-info", Log: LogDeny, Collect: CollectGated,
			Gate: "essential.service.device", Cite: map[string]string{"collect": "s2-personal-info"}, Pos: at(32, 3)},
		"user.device.cookie_id": {Category: "user.device.cookie_id", Clause: "s2-cookies", Log: LogDeny, Collect: CollectAllow,
			Cite: map[string]string{"collect": "s2-cookies"}, Pos: at(33, 3)},
		"user.childrens": {Category: "user.childrens", Clause: "s6-children", Log: LogDeny, Collect: CollectForbidden,
			Cite: map[string]string{"collect": "s6-children"}, Pos: at(34, 3)},
	}
	if diff := cmp.Diff(wantRules, p.Categories); diff != "" {
		t.Errorf("Categories (-want +got):\n%s", diff)
	}

	wantPurposes := map[string]*Purpose{
		"essential.service":              {ID: "essential.service", Clause: "s9-notices", Consent: ConsentNone, Pos: at(36, 3)},
		"essential.service.device":       {ID: "essential.service.device", Clause: "s2-personal-info", Consent: ConsentRequired, Pos: at(37, 3)},
		"marketing.communications.email": {ID: "marketing.communications.email", Clause: "s9-promo-opt-out", Consent: ConsentOptOut, Pos: at(38, 3)},
		"third_party_sharing.sale":       {ID: "third_party_sharing.sale", Clause: "s3-no-sell", Consent: ConsentNone, Forbidden: true, Pos: at(39, 3)},
	}
	if diff := cmp.Diff(wantPurposes, p.Purposes); diff != "" {
		t.Errorf("Purposes (-want +got):\n%s", diff)
	}

	wantRecipients := map[string]*Recipient{"mailer": {
		Name: "mailer", Clause: "s3-service-providers",
		Hosts:      []string{"api.mailer.example", "*.mailer.example"},
		Packages:   []string{"example.com/mailer-sdk"},
		Categories: []string{"user.contact.email", "user.name"},
		Purposes:   []string{"marketing.communications.email", "essential.service.notifications"},
		Pos:        at(41, 3),
	}}
	if diff := cmp.Diff(wantRecipients, p.Recipients); diff != "" {
		t.Errorf("Recipients (-want +got):\n%s", diff)
	}

	if diff := cmp.Diff([]*ConsentEntry{{Purpose: "marketing.communications.email",
		Functions: []string{"example.com/app/prefs.PromoAllowed"}, Pos: at(48, 5)}}, p.Consent); diff != "" {
		t.Errorf("Consent (-want +got):\n%s", diff)
	}

	wantSources := Sources{
		Fields: map[string][]string{
			"example.com/pb.User.Email": {"user.contact.email"},
			"example.com/pb.User.Phone": {"user.contact.phone_number", "user.contact"},
		},
		Types:     map[string][]string{"example.com/pb.Traits": {"user"}},
		Functions: map[string][]string{"(*github.com/gin-gonic/gin.Context).ClientIP": {"user.device.ip_address"}},
		Pos: map[string]Pos{
			"example.com/pb.User.Email":                    at(50, 15),
			"example.com/pb.User.Phone":                    at(50, 51),
			"example.com/pb.Traits":                        at(51, 15),
			"(*github.com/gin-gonic/gin.Context).ClientIP": at(52, 15),
		},
	}
	if diff := cmp.Diff(wantSources, p.Sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}

	wantSinks := []*SinkEntry{
		{Kind: SinkLog, Functions: []string{"example.com/app/audit.Write"}, Args: []int{0, 2}, Pos: at(54, 5)},
		{Kind: SinkThirdParty, Recipient: "mailer", Purpose: "marketing.communications.email",
			Functions: []string{"example.com/app/crm.Push"}, Pos: at(55, 5)},
	}
	if diff := cmp.Diff(wantSinks, p.Sinks); diff != "" {
		t.Errorf("Sinks (-want +got):\n%s", diff)
	}
	wantSanitizers := []*SanitizerEntry{
		{Functions: []string{"golang.org/x/crypto/bcrypt.GenerateFromPassword"},
			Categories: []string{"user.authorization.password"}, Pos: at(57, 5)},
		{Functions: []string{"(*example.com/app/mask.Masker[T]).Mask"}, Pos: at(58, 5)},
	}
	if diff := cmp.Diff(wantSanitizers, p.Sanitizers); diff != "" {
		t.Errorf("Sanitizers (-want +got):\n%s", diff)
	}
	wantRetention := map[string]*Retention{
		"user":                  {Category: "user", Max: RetentionMax{Account: true}, Clause: "s8-retention", Pos: at(60, 3)},
		"user.device.cookie_id": {Category: "user.device.cookie_id", Max: RetentionMax{Duration: 390 * 24 * time.Hour}, Clause: "s2-cookies", Pos: at(61, 3)},
		"user.childrens":        {Category: "user.childrens", Clause: "s6-children", Pos: at(62, 3)},
	}
	if diff := cmp.Diff(wantRetention, p.Retention); diff != "" {
		t.Errorf("Retention (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]*ErasureEntry{{Categories: []string{"user"},
		Functions: []string{"(*example.com/app/account.Service).Delete"}, Pos: at(64, 5)}}, p.Erasure); diff != "" {
		t.Errorf("Erasure (-want +got):\n%s", diff)
	}
}

func TestClauseFor(t *testing.T) {
	p := loadFull(t)
	for _, tc := range []struct{ cat, key, want string }{
		{"user.financial.credit_card", "transport", "s7-tls"},          // inherited with its clause
		{"user.financial.credit_card", "store", "s2-personal-info"},    // set here, no cite: the rule's clause
		{"user.financial.credit_card", "log", "s2-personal-info"},      // default deny: the rule's clause
		{"user.device.imei", "collect", "s2-personal-info"},            // inherited
		{"user.device.ip_address", "log", "s2-log-files"},              // set here
		{"user.financial.bank_account", "transport", "s7-tls"},         // via Rule's nearest ancestor
		{"user.contact.email", "collect", "s2-personal-info"},          // nothing set anywhere
		{"user.authorization.password", "store", "s2-personal-info"},   // set here
		{"user.device.cookie_id", "collect", "s2-cookies"},             // overrides the parent
		{"user.childrens", "collect", "s6-children"},                   // set here
		{"user.financial.credit_card", "nonsense", "s2-personal-info"}, // unknown key: the rule's clause
	} {
		r := p.Rule(tc.cat)
		if r == nil {
			t.Errorf("Rule(%q) = nil", tc.cat)
			continue
		}
		if got := r.ClauseFor(tc.key); got != tc.want {
			t.Errorf("Rule(%q).ClauseFor(%q) = %q, want %q", tc.cat, tc.key, got, tc.want)
		}
	}
	if c := p.CiteClause("PV201"); c == nil || c.ID != "s3-no-share" {
		t.Errorf("CiteClause(PV201) = %+v", c)
	}
	if c := p.CiteClause("PV101"); c != nil {
		t.Errorf("CiteClause(PV101) = %+v, want nil", c)
	}
}

func TestLoadMissingStatementText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "privacy.yaml")
	src := "version: 1\nstatement:\n  text: gone.md\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// Parse leaves the text to the caller...
	if _, err := Parse(path, []byte(src)); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	// ...Load reports it at the key.
	_, err := Load(path)
	want := path + ":3:9: statement.text: cannot read the statement text " + filepath.Join(dir, "gone.md") +
		": no such file or directory (hint: the path is relative to the policy file's directory)"
	if err == nil || err.Error() != want {
		t.Errorf("Load error = %v\nwant %s", err, want)
	}
}

func TestCheckStatementFile(t *testing.T) {
	p := loadFull(t)
	errs := p.CheckStatement()
	// statement.md holds only the s2-log-files sentence.
	if len(errs) != len(p.Clauses)-1 {
		t.Fatalf("CheckStatement: %d errors, want %d:\n%v", len(errs), len(p.Clauses)-1, errs)
	}
	for _, e := range errs {
		if e.Key == "clauses.s2-log-files.quote" {
			t.Errorf("s2-log-files reported: %v", e)
		}
		if !strings.HasSuffix(e.Key, ".quote") || e.Pos.Line == 0 {
			t.Errorf("error not at a quote: %v", e)
		}
	}
	var none Policy
	if errs := none.CheckStatement(); errs != nil {
		t.Errorf("CheckStatement without text = %v", errs)
	}
}

func TestAliasesResolveEverywhere(t *testing.T) {
	src := head + `aliases:
  email: user.contact.email
  card: user.financial.credit_card
categories:
  email: {clause: c1}
  card: {clause: c1, transport: tls}
recipients:
  r: {clause: c1, categories: [email]}
sources:
  fields: {"example.com/pb.U.E": "email, card"}
sanitizers:
  - {functions: ["example.com/h.Hash"], categories: [card]}
retention:
  card: {max: 30d, clause: c1}
erasure:
  - {categories: [email], functions: ["example.com/a.Delete"]}
`
	p, err := Parse("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := []any{
		sortedKeys(p.Categories), p.Recipients["r"].Categories, p.Sources.Fields["example.com/pb.U.E"],
		p.Sanitizers[0].Categories, sortedKeys(p.Retention), p.Erasure[0].Categories,
	}
	want := []any{
		[]string{"user.contact.email", "user.financial.credit_card"}, []string{"user.contact.email"},
		[]string{"user.contact.email", "user.financial.credit_card"}, []string{"user.financial.credit_card"},
		[]string{"user.financial.credit_card"}, []string{"user.contact.email"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if c, ok := p.Canonical("card"); !ok || c != "user.financial.credit_card" {
		t.Errorf("Canonical(card) = %q, %v", c, ok)
	}
	if p.LogAllowed("email") != p.LogAllowed("user.contact.email") {
		t.Errorf("LogAllowed differs between alias and category")
	}
}

func TestYAMLAnchorsAndAliases(t *testing.T) {
	// YAML aliases are read as the node they name; merge keys are not
	// (their error is in the table of bad policies).
	src := head + `categories:
  user.name: &r {clause: c1}
  user.contact.email: *r
recipients:
  a: {clause: c1, categories: &cats [user.name, user.contact.email]}
  b: {clause: c1, categories: *cats}
`
	p, err := Parse("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Disclosed("user.contact.email") || len(p.Recipients["b"].Categories) != 2 {
		t.Errorf("aliases not followed: %+v %+v", p.Categories, p.Recipients["b"])
	}
}

func TestAliasBomb(t *testing.T) {
	// Nine levels of ten aliases each would be 10^9 nodes expanded.
	var b strings.Builder
	b.WriteString(head + "x0: &a0 [user.name, user.name, user.name, user.name, user.name, user.name, user.name, user.name, user.name, user.name]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("x" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("recipients:\n  r: {clause: c1, categories: *a8}\n")
	done := make(chan error, 1)
	go func() { _, err := Parse("bomb.yaml", []byte(b.String())); done <- err }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("Parse accepted the alias bomb")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Parse did not finish")
	}
}
