package policy

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBuiltinNames(t *testing.T) {
	if diff := cmp.Diff([]string{"baseline", "kaseya-2016"}, BuiltinNames()); diff != "" {
		t.Errorf("BuiltinNames (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"nope", "../policy", "baseline.yaml", ""} {
		if _, err := Builtin(bad); err == nil {
			t.Errorf("Builtin(%q) succeeded", bad)
		}
	}
}

func TestBuiltinsParse(t *testing.T) {
	for _, name := range BuiltinNames() {
		p, err := Builtin(name)
		if err != nil {
			t.Errorf("Builtin(%q):\n%v", name, err)
			continue
		}
		if p.Source != "builtin:"+name {
			t.Errorf("Builtin(%q).Source = %q", name, p.Source)
		}
		// Every quote of a built-in policy with a statement text must be a
		// verbatim passage of it.
		if errs := p.CheckStatement(); len(errs) > 0 {
			t.Errorf("Builtin(%q): quotes not in the statement:\n%v", name, errs)
		}
		if p.Fingerprint() == "" || len(p.Fingerprint()) != 16 {
			t.Errorf("Builtin(%q).Fingerprint() = %q", name, p.Fingerprint())
		}
	}
}

func TestKaseyaStatementText(t *testing.T) {
	p, err := Builtin("kaseya-2016")
	if err != nil {
		t.Fatal(err)
	}
	if p.Statement.TextPath != "builtin:kaseya-2016.md" {
		t.Errorf("TextPath = %q", p.Statement.TextPath)
	}
	text, err := p.ReadStatement()
	if err != nil || !strings.Contains(text, "# Privacy Statement - Kaseya") {
		t.Fatalf("ReadStatement: %v", err)
	}
	if errs := p.CheckQuotes(text); len(errs) > 0 {
		t.Errorf("CheckQuotes:\n%v", errs)
	}
	// The check has teeth: a changed word is found.
	p.Clauses["s8-retention"].Quote = strings.Replace(p.Clauses["s8-retention"].Quote, "active", "open", 1)
	if errs := p.CheckQuotes(text); len(errs) != 1 || errs[0].Key != "clauses.s8-retention.quote" {
		t.Errorf("CheckQuotes after an edit = %v", errs)
	}
}

// TestKaseyaCommitments pins how the statement's promises read as policy,
// so that an edit of the YAML that changes what is checked is deliberate.
func TestKaseyaCommitments(t *testing.T) {
	p, err := Builtin("kaseya-2016")
	if err != nil {
		t.Fatal(err)
	}
	// §2 log files: only what the statement lists.
	for cat, want := range map[string]bool{
		"user.device.ip_address": true, "ip": true, "user.behavior.browsing_history": true,
		"user.device.browser_type": true, "user.device.operating_system": true, "user.device.isp": true,
		"user.contact.email": false, "user.authorization.password": false, "user.financial.credit_card": false,
		"user.behavior": false, "user.device.cookie_id": false, "user.device.device_id": false,
	} {
		if got := p.LogAllowed(cat); got != want {
			t.Errorf("LogAllowed(%s) = %v, want %v", cat, got, want)
		}
	}
	// Undisclosed: what §2 never mentions.
	for _, cat := range []string{"user.health_and_medical", "user.government_id.passport_number", "user.biometric",
		"user.demographic.religious_belief", "user.criminal_history", "user.contact.fax_number", "user.device"} {
		if p.Disclosed(cat) {
			t.Errorf("%s is disclosed", cat)
		}
	}
	rule := func(cat string) *CategoryRule {
		r := p.Rule(cat)
		if r == nil {
			t.Fatalf("%s is not disclosed", cat)
		}
		return r
	}
	if r := rule("user.authorization.password"); r.Store != StoreSanitized || r.Transport != TransportTLS ||
		r.ClauseFor("store") != "s7-security" || r.ClauseFor("transport") != "s7-security-tech" {
		t.Errorf("password rule = %+v", r)
	}
	for _, cat := range []string{"user.financial.credit_card", "user.contact.address.street", "user.behavior.purchase_history", "user.payment"} {
		if r := rule(cat); r.Transport != TransportTLS || r.ClauseFor("transport") != "s7-order-tls" {
			t.Errorf("%s rule = %+v, want TLS citing s7-order-tls", cat, r)
		}
	}
	for _, cat := range []string{"user.location.precise", "user.device.imei", "user.device.device_id", "user.telemetry"} {
		if r := rule(cat); r.Collect != CollectGated || r.Gate != "essential.service.operations.device_monitoring" {
			t.Errorf("%s rule = %+v, want gated", cat, r)
		}
	}
	if r := rule("user.childrens"); r.Collect != CollectForbidden {
		t.Errorf("children rule = %+v", r)
	}
	if r := p.RetentionFor("user.childrens"); r == nil || r.Max != (RetentionMax{}) {
		t.Errorf("children retention = %+v", r)
	}
	if r := p.RetentionFor("user.contact.email"); r == nil || !r.Max.Account || r.Clause != "s8-retention" {
		t.Errorf("email retention = %+v", r)
	}
	if r := p.RetentionFor("user.device.cookie_id"); r == nil || r.Max.String() != "390d" {
		t.Errorf("cookie retention = %+v", r)
	}
	for id, want := range map[string]ConsentMode{
		"marketing.communications.email":                 ConsentOptOut,
		"marketing.advertising.third_party.targeted":     ConsentOptOut,
		"essential.service.notifications.email":          ConsentNone,
		"essential.service.operations.device_monitoring": ConsentRequired,
		"analytics.reporting":                            ConsentNone,
	} {
		if pu := p.Purpose(id); pu == nil || pu.Consent != want {
			t.Errorf("Purpose(%s) = %+v, want consent %s", id, pu, want)
		}
	}
	if pu := p.Purpose("third_party_sharing.sale"); pu == nil || !pu.Forbidden {
		t.Errorf("sale purpose = %+v", pu)
	}
	if len(p.Recipients) == 0 {
		t.Fatal("no recipients")
	}
	for _, r := range p.Recipients {
		if len(r.Hosts)+len(r.Packages) != 0 {
			t.Errorf("recipient %s names hosts or packages; the statement names no company", r.Name)
		}
	}
	if !p.RecipientAllowsCategory(p.Recipients["mailer"], "email") || p.RecipientAllowsCategory(p.Recipients["mailer"], "card") {
		t.Error("mailer categories")
	}
	for rule, clause := range map[string]string{"PV101": "s2-log-contents", "PV201": "s3-no-share", "PV202": "s3-need-only", "PV601": "s2-nothing-else"} {
		if c := p.CiteClause(rule); c == nil || c.ID != clause {
			t.Errorf("CiteClause(%s) = %+v, want %s", rule, c, clause)
		}
	}
}

func TestBaselineCommitments(t *testing.T) {
	p, err := Builtin("baseline")
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range BuiltinCategories() {
		if !p.Disclosed(cat) {
			t.Errorf("baseline does not disclose %s", cat)
		}
	}
	for cat, want := range map[string]bool{
		"user.device.ip_address": true, "user.contact.email": false, "user.authorization.password": false,
		"user.financial.credit_card": false, "system.authentication": false, "user.device.cookie_id": false,
	} {
		if got := p.LogAllowed(cat); got != want {
			t.Errorf("LogAllowed(%s) = %v, want %v", cat, got, want)
		}
	}
	for _, cat := range []string{"user.authorization.credentials", "system.authentication"} {
		if r := p.Rule(cat); r.Store != StoreSanitized || r.Transport != TransportTLS {
			t.Errorf("%s rule = %+v", cat, r)
		}
	}
	if r := p.Rule("user.financial.bank_account"); r.Transport != TransportTLS {
		t.Errorf("bank account rule = %+v", r)
	}
	if r := p.Rule("user.childrens"); r.Collect != CollectForbidden {
		t.Errorf("children rule = %+v", r)
	}
	if len(p.Recipients) != 0 {
		t.Errorf("baseline declares recipients: %v", p.Recipients)
	}
	if pu := p.Purpose("marketing.communications.email"); pu == nil || pu.Consent != ConsentOptOut {
		t.Errorf("marketing purpose = %+v", pu)
	}
	if pu := p.Purpose("third_party_sharing.sale"); pu == nil || !pu.Forbidden {
		t.Errorf("sale purpose = %+v", pu)
	}
	if r := p.RetentionFor("user.name"); r == nil || !r.Max.Account {
		t.Errorf("user retention = %+v", r)
	}
}
