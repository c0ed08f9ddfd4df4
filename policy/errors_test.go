package policy

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// head starts most cases with a valid version and clause, so that their
// errors come from line 4 on.
const head = "version: 1\nclauses:\n  c1: {quote: \"We collect email.\"}\n"

// badPolicies pins the exact text of policy errors: position, key, message
// and hint are the user interface of a policy file, so a change to any of
// them should be deliberate.
var badPolicies = []struct {
	name string
	src  string
	want []string
}{
	{
		name: "empty",
		src:  "",
		want: []string{
			"bad.yaml:1:1: the policy file is empty (hint: start it with version: 1)",
		},
	},
	{
		name: "comments only",
		src: `# nothing
`,
		want: []string{
			"bad.yaml:1:1: the policy file is empty (hint: start it with version: 1)",
		},
	},
	{
		name: "syntax error",
		src: `version: 1
categories: [a
`,
		want: []string{
			"bad.yaml:2: invalid YAML: did not find expected ',' or ']'",
		},
	},
	{
		name: "tab indentation",
		src:  "version: 1\nclauses:\n\tc1: {quote: x}\n",
		want: []string{
			"bad.yaml:3: invalid YAML: found character that cannot start any token",
		},
	},
	{
		name: "top level list",
		src: `- version: 1
`,
		want: []string{
			"bad.yaml:1:1: a policy is a mapping of keys, got a list (hint: start with version: 1, then statement:, clauses:, categories: and so on)",
		},
	},
	{
		name: "missing version",
		src: `clauses:
  c1: {quote: "x"}
`,
		want: []string{
			"bad.yaml:1:1: missing version (hint: add version: 1 at the top of the file)",
		},
	},
	{
		name: "version 2",
		src: `version: 2
`,
		want: []string{
			"bad.yaml:1:10: version: unsupported version 2 (hint: this privacyvet reads version 1)",
		},
	},
	{
		name: "version string",
		src: `version: "1"
`,
		want: []string{
			"bad.yaml:1:10: version: must be an integer, got \"1\" (hint: write version: 1)",
		},
	},
	{
		name: "unknown top key",
		src: head + `categorie:
  user: {clause: c1}
`,
		want: []string{
			"bad.yaml:4:1: categorie: unknown key \"categorie\" (hint: did you mean categories? valid keys: version, statement, clauses, cite, aliases, categories, purposes, recipients, consent, sources, sinks, sanitizers, retention, erasure)",
		},
	},
	{
		name: "duplicate key",
		src: head + `categories:
  user.name: {clause: c1}
  user.name: {clause: c1}
`,
		want: []string{
			"bad.yaml:6:3: categories.user.name: duplicate key \"user.name\" (first at line 5) (hint: merge the two entries)",
		},
	},
	{
		name: "unknown rule key",
		src: head + `categories:
  user.name: {clause: c1, logs: allow}
`,
		want: []string{
			"bad.yaml:5:27: categories.user.name.logs: unknown key \"logs\" (hint: did you mean log? valid keys: clause, log, store, transport, collect, gate, cite)",
		},
	},
	{
		name: "bad log value",
		src: head + `categories:
  user.name: {clause: c1, log: yes}
`,
		want: []string{
			"bad.yaml:5:32: categories.user.name.log: must be allow or deny, got \"yes\" (hint: deny is the default; allow only what the statement says log files hold)",
		},
	},
	{
		name: "unknown clause",
		src: head + `categories:
  user.name: {clause: c2}
`,
		want: []string{
			"bad.yaml:5:23: categories.user.name.clause: unknown clause \"c2\" (hint: did you mean c1?)",
		},
	},
	{
		name: "missing clause",
		src: head + `categories:
  user.name: {log: allow}
`,
		want: []string{
			"bad.yaml:5:3: categories.user.name: missing clause (hint: add clause: ID naming the passage of the statement behind this entry)",
		},
	},
	{
		name: "null rule",
		src: head + `categories:
  user.name:
`,
		want: []string{
			"bad.yaml:5:3: categories.user.name: missing clause (hint: add clause: ID naming the passage of the statement behind this entry)",
		},
	},
	{
		name: "category syntax",
		src: head + `categories:
  User.Name: {clause: c1}
`,
		want: []string{
			"bad.yaml:5:3: categories.User.Name: invalid category \"User.Name\" (hint: categories are lower-case identifiers joined by dots, e.g. user.contact.email)",
		},
	},
	{
		name: "category near miss",
		src: head + `categories:
  user.contact.emial: {clause: c1}
`,
		want: []string{
			"bad.yaml:5:3: categories.user.contact.emial: category \"user.contact.emial\" is not in the taxonomy and too close to user.contact.email to declare (hint: did you mean user.contact.email? A new category's name must not be a near-miss of a built-in one)",
		},
	},
	{
		name: "category unknown parent",
		src: head + `categories:
  user.contct.email: {clause: c1}
`,
		want: []string{
			"bad.yaml:5:3: categories.user.contct.email: unknown category \"user.contct.email\" (hint: did you mean user.contact.email?)",
		},
	},
	{
		name: "category unknown top",
		src: head + `categories:
  foo.bar: {clause: c1}
`,
		want: []string{
			"bad.yaml:5:3: categories.foo.bar: unknown category \"foo.bar\" (hint: a new category must sit under a built-in or declared one, e.g. user.device.imei)",
		},
	},
	{
		name: "custom category ok but child of unknown",
		src: head + `categories:
  user.device.imei: {clause: c1}
  user.device.imei.hash: {clause: c1}
  user.devices.imei: {clause: c1}
`,
		want: []string{
			"bad.yaml:7:3: categories.user.devices.imei: unknown category \"user.devices.imei\" (hint: did you mean user.device.imei?)",
		},
	},
	{
		name: "categories is a list",
		src: head + `categories:
  - user.name
`,
		want: []string{
			"bad.yaml:5:3: categories: must be a mapping, got a list",
		},
	},
	{
		name: "gated without gate",
		src: head + `categories:
  user.location: {clause: c1, collect: gated}
`,
		want: []string{
			"bad.yaml:5:40: categories.user.location.collect: collect: gated needs a gate (hint: add gate: PURPOSE, naming the purpose whose consent or setting check must guard collecting it)",
		},
	},
	{
		name: "gate without gated",
		src: head + `purposes:
  essential: {clause: c1}
categories:
  user.location: {clause: c1, gate: essential}
`,
		want: []string{
			"bad.yaml:7:31: categories.user.location.gate: gate applies only to collect: gated (hint: add collect: gated, or drop gate:)",
		},
	},
	{
		name: "gate unknown purpose",
		src: head + `purposes:
  essential: {clause: c1}
categories:
  user.location: {clause: c1, collect: gated, gate: esential.service}
`,
		want: []string{
			"bad.yaml:7:53: categories.user.location.gate: unknown purpose \"esential.service\" (hint: declare it under purposes)",
		},
	},
	{
		name: "forbidden and consent",
		src: head + `purposes:
  third_party_sharing.sale: {clause: c1, forbidden: true, consent: opt-out}
`,
		want: []string{
			"bad.yaml:5:68: purposes.third_party_sharing.sale.consent: a forbidden purpose cannot also be consent-gated (hint: drop consent: (consent never makes a forbidden purpose allowed), or drop forbidden: true)",
		},
	},
	{
		name: "bad consent mode",
		src: head + `purposes:
  marketing: {clause: c1, consent: optout}
`,
		want: []string{
			"bad.yaml:5:36: purposes.marketing.consent: must be required, opt-out or none, got \"optout\" (hint: none is the default)",
		},
	},
	{
		name: "forbidden not bool",
		src: head + `purposes:
  marketing: {clause: c1, forbidden: yes}
`,
		want: []string{
			"bad.yaml:5:38: purposes.marketing.forbidden: must be true or false, got \"yes\"",
		},
	},
	{
		name: "bad hosts",
		src: head + `recipients:
  mailer:
    clause: c1
    hosts: ["https://api.mailer.example/v1", "*.com", "api.mailer.example:443", "a*.mailer.example", "bad_host.example"]
`,
		want: []string{
			"bad.yaml:7:13: recipients.mailer.hosts[0]: invalid host \"https://api.mailer.example/v1\": a host has no scheme (hint: write the bare host name, e.g. api.mailer.example or *.mailer.example)",
			"bad.yaml:7:46: recipients.mailer.hosts[1]: invalid host \"*.com\": a wildcard needs a domain with a dot, as in *.mailer.example (hint: write the bare host name, e.g. api.mailer.example or *.mailer.example)",
			"bad.yaml:7:55: recipients.mailer.hosts[2]: invalid host \"api.mailer.example:443\": a host has no port (ports are ignored when matching) (hint: write the bare host name, e.g. api.mailer.example or *.mailer.example)",
			"bad.yaml:7:81: recipients.mailer.hosts[3]: invalid host \"a*.mailer.example\": * may only be the whole first label, as in *.mailer.example (hint: write the bare host name, e.g. api.mailer.example or *.mailer.example)",
			"bad.yaml:7:102: recipients.mailer.hosts[4]: invalid host \"bad_host.example\": a label holds only letters, digits and '-' (hint: write the bare host name, e.g. api.mailer.example or *.mailer.example)",
		},
	},
	{
		name: "host twice",
		src: head + `recipients:
  a: {clause: c1, hosts: [api.x.example]}
  b: {clause: c1, hosts: [API.x.example]}
`,
		want: []string{
			"bad.yaml:6:27: recipients.b.hosts[0]: host \"API.x.example\" is already listed by recipient a (hint: a host belongs to one recipient)",
		},
	},
	{
		name: "hosts not a list",
		src: head + `recipients:
  a: {clause: c1, hosts: api.x.example}
`,
		want: []string{
			"bad.yaml:5:26: recipients.a.hosts: must be a list, got \"api.x.example\" (hint: write a list: [api.x.example])",
		},
	},
	{
		name: "bad package and purpose",
		src: head + `recipients:
  a: {clause: c1, packages: ["https://github.com/x/y", "github.com//y"], categories: [user.contct.email], purposes: [marketing]}
`,
		want: []string{
			"bad.yaml:5:30: recipients.a.packages[0]: invalid package \"https://github.com/x/y\" (hint: write an import path, e.g. github.com/stripe/stripe-go/v76)",
			"bad.yaml:5:56: recipients.a.packages[1]: invalid package \"github.com//y\" (hint: write an import path, e.g. github.com/stripe/stripe-go/v76)",
			"bad.yaml:5:87: recipients.a.categories[0]: unknown category \"user.contct.email\" (hint: did you mean user.contact.email?)",
			"bad.yaml:5:118: recipients.a.purposes[0]: unknown purpose \"marketing\" (hint: declare it under purposes)",
		},
	},
	{
		name: "recipient forbidden",
		src: head + `categories:
  user.childrens: {clause: c1, collect: forbidden}
purposes:
  third_party_sharing.sale: {clause: c1, forbidden: true}
recipients:
  a: {clause: c1, categories: [user.childrens], purposes: [third_party_sharing.sale.data]}
`,
		want: []string{
			"bad.yaml:9:32: recipients.a.categories[0]: recipient a may not receive user.childrens, whose collection is forbidden (hint: remove it: a forbidden category is sent to no one)",
			"bad.yaml:9:60: recipients.a.purposes[0]: recipient a may not serve third_party_sharing.sale.data, which is forbidden (hint: remove it: a forbidden purpose is allowed to no one)",
		},
	},
	{
		name: "consent entries",
		src: head + `purposes:
  marketing: {clause: c1}
consent:
  - {purpose: marketing.email, functions: ["example.com/prefs.PromoAllowed", "PromoAllowed", "(*example.com/prefs.Store.Allowed"]}
  - {functions: []}
`,
		want: []string{
			"bad.yaml:7:78: consent[0].functions[1]: invalid function name \"PromoAllowed\" (hint: write functions as go/types prints them: pkg/path.Func, (*pkg/path.Type).Method or (pkg/path.Type).Method)",
			"bad.yaml:7:94: consent[0].functions[2]: invalid function name \"(*example.com/prefs.Store.Allowed\" (hint: write functions as go/types prints them: pkg/path.Func, (*pkg/path.Type).Method or (pkg/path.Type).Method)",
			"bad.yaml:8:5: consent[1]: missing purpose (hint: name the purpose this function checks consent for)",
			"bad.yaml:8:17: consent[1].functions: no functions (hint: write functions as go/types prints them: pkg/path.Func, (*pkg/path.Type).Method or (pkg/path.Type).Method)",
		},
	},
	{
		name: "sources",
		src: head + `sources:
  fields: {"example.com/pb.User": user.name, "example.com/pb.User.Email": "user.contact.email, user.contact.emial"}
  types: {"example.com/pb.Traits": []}
  functions: {"(*github.com/gin-gonic/gin.Context).ClientIP": [user.device.ip_address, 7]}
`,
		want: []string{
			"bad.yaml:5:12: sources.fields.example.com/pb.User: invalid name \"example.com/pb.User\" (hint: write pkg/path.Type.Field, e.g. example.com/pb.User.Email)",
			"bad.yaml:5:75: sources.fields.example.com/pb.User.Email: unknown category \"user.contact.emial\" (hint: did you mean user.contact.email?)",
			"bad.yaml:6:11: sources.types.example.com/pb.Traits: no categories (hint: name the categories its values carry, e.g. user.contact.email)",
			"bad.yaml:7:88: sources.functions.(*github.com/gin-gonic/gin.Context).ClientIP[1]: invalid category \"7\" (hint: categories are lower-case identifiers joined by dots, e.g. user.contact.email)",
		},
	},
	{
		name: "sinks",
		src: head + `recipients:
  mailer: {clause: c1}
sinks:
  - {kind: email, functions: ["example.com/a.F"]}
  - {kind: log, recipient: mailer, functions: ["example.com/a.F"]}
  - {kind: thirdparty, recipient: maler, functions: ["example.com/a.F"]}
  - {kind: store}
`,
		want: []string{
			"bad.yaml:7:12: sinks[0].kind: must be log, thirdparty, store or cookie, got \"email\"",
			"bad.yaml:8:28: sinks[1].recipient: only a thirdparty sink names a recipient (hint: drop recipient:, or make the sink kind: thirdparty)",
			"bad.yaml:9:35: sinks[2].recipient: unknown recipient \"maler\" (hint: did you mean mailer?)",
			"bad.yaml:10:5: sinks[3]: missing functions (hint: write functions as go/types prints them: pkg/path.Func, (*pkg/path.Type).Method or (pkg/path.Type).Method)",
		},
	},
	{
		name: "sink args",
		src: head + `sinks:
  - {kind: log, args: [body], functions: ["example.com/a.F"]}
  - {kind: log, args: [1, -1, 1], functions: ["example.com/a.F"]}
  - {kind: log, args: [], functions: ["example.com/a.F"]}
  - {kind: log, args: 1, functions: ["example.com/a.F"]}
`,
		want: []string{
			"bad.yaml:5:24: sinks[0].args[0]: must be an argument position from 0 to 64, got \"body\" (hint: list the positions of the arguments the functions send, e.g. [1]; a method's receiver is 0, its first parameter 1)",
			"bad.yaml:6:27: sinks[1].args[1]: must be an argument position from 0 to 64, got \"-1\" (hint: list the positions of the arguments the functions send, e.g. [1]; a method's receiver is 0, its first parameter 1)",
			"bad.yaml:6:31: sinks[1].args[2]: position 1 listed twice (hint: list each position once)",
			"bad.yaml:7:23: sinks[2].args: empty list (hint: list the positions of the arguments the functions send, e.g. [1]; a method's receiver is 0, its first parameter 1 (or drop args: to send them all))",
			"bad.yaml:8:23: sinks[3].args: must be a list, got \"1\" (hint: write a list: [1])",
		},
	},
	{
		name: "retention",
		src: head + `retention:
  user: {max: 12, clause: c1}
  user.contact: {max: 1d2d, clause: c1}
  user.name: {max: 3M, clause: c1}
  user.device: {clause: c1}
`,
		want: []string{
			"bad.yaml:5:15: retention.user.max: invalid retention \"12\": missing unit after 12 (hint: write account, 0, or a duration such as 390d, 12h, 2w, 1y or 1d12h)",
			"bad.yaml:6:23: retention.user.contact.max: invalid retention \"1d2d\": units must go from largest to smallest, each once (hint: write account, 0, or a duration such as 390d, 12h, 2w, 1y or 1d12h)",
			"bad.yaml:7:20: retention.user.name.max: invalid retention \"3M\": unknown unit \"M\" (use y, w, d, h, m or s) (hint: write account, 0, or a duration such as 390d, 12h, 2w, 1y or 1d12h)",
			"bad.yaml:8:3: retention.user.device: missing max (hint: write max: account, 0, or a duration such as 390d)",
		},
	},
	{
		name: "erasure",
		src: head + `erasure:
  - {categories: [user]}
  - functions: ["example.com/a.Delete"]
  - user
`,
		want: []string{
			"bad.yaml:5:5: erasure[0]: missing functions (hint: write functions as go/types prints them: pkg/path.Func, (*pkg/path.Type).Method or (pkg/path.Type).Method)",
			"bad.yaml:6:5: erasure[1]: missing categories (hint: name the categories these functions erase, e.g. [user])",
			"bad.yaml:7:5: erasure[2]: must be a mapping, got \"user\"",
		},
	},
	{
		name: "aliases",
		src: head + `aliases:
  e.mail: user.contact.email
  user: user.name
  mail: user.contact.emial
  email: user.contact.email
  em: email
`,
		want: []string{
			"bad.yaml:5:3: aliases.e.mail: invalid alias \"e.mail\" (hint: an alias is one lower-case identifier without dots, e.g. email)",
			"bad.yaml:6:3: aliases.user: alias \"user\" hides the category of the same name (hint: choose another name)",
			"bad.yaml:7:9: aliases.mail: unknown category \"user.contact.emial\" (hint: did you mean user.contact.email?)",
			"bad.yaml:9:7: aliases.em: alias target \"email\" is itself an alias (hint: point it at the category: user.contact.email)",
		},
	},
	{
		name: "alias duplicate",
		src: head + `aliases:
  email: user.contact.email
categories:
  user.contact.email: {clause: c1}
  email: {clause: c1}
`,
		want: []string{
			"bad.yaml:8:3: categories.email: category user.contact.email is listed twice (as user.contact.email at line 7 and as email) (hint: merge the two entries)",
		},
	},
	{
		name: "statement",
		src: head + `statement:
  title: [x]
  effective: May 18, 2016
  text: https://example.com/privacy
`,
		want: []string{
			"bad.yaml:5:10: statement.title: must be a string, got a list",
			"bad.yaml:6:14: statement.effective: \"May 18, 2016\" is not a date of the form YYYY-MM-DD (hint: write the date the statement took effect as YYYY-MM-DD, e.g. 2016-05-18)",
			"bad.yaml:7:9: statement.text: must be a file path, not a URL (hint: save the statement as a file next to the policy and name that file)",
		},
	},
	{
		name: "cite",
		src: head + `cite:
  PV102: c1
  PV201: c9
categories:
  user.name: {clause: c1, cite: {transport: c1, logs: c1}}
`,
		want: []string{
			"bad.yaml:5:3: cite.PV102: unknown rule \"PV102\" (hint: did you mean PV101 or PV202 or PV402?)",
			"bad.yaml:6:10: cite.PV201: unknown clause \"c9\" (hint: did you mean c1?)",
			"bad.yaml:8:34: categories.user.name.cite.transport: cites a clause for transport, which this entry does not set (hint: set transport: in this entry, or drop cite.transport)",
			"bad.yaml:8:49: categories.user.name.cite.logs: unknown key \"logs\" (hint: valid keys: log, store, transport, collect)",
		},
	},
	{
		name: "log and forbidden",
		src: head + `categories:
  user.childrens: {clause: c1, log: allow, collect: forbidden}
`,
		want: []string{
			"bad.yaml:5:37: categories.user.childrens.log: log: allow contradicts collect: forbidden (hint: a category that must not be collected cannot be logged; drop log: allow)",
		},
	},
	{
		name: "two documents",
		src: head + `---
version: 1
`,
		want: []string{
			"bad.yaml:4:1: more than one YAML document (hint: a policy file holds one document; remove the --- separator)",
		},
	},
	{
		name: "merge key",
		src: head + `categories:
  user.name: {<<: {clause: c1}, log: allow}
`,
		want: []string{
			"bad.yaml:5:3: categories.user.name: missing clause (hint: add clause: ID naming the passage of the statement behind this entry)",
			"bad.yaml:5:15: categories.user.name.<<: YAML merge keys are not supported (hint: write the keys out instead of merging them)",
		},
	},
	{
		name: "clause problems",
		src: `version: 1
clauses:
  "s 2": {quote: x}
  c1: {section: 2}
  c2: {quote: ""}
`,
		want: []string{
			"bad.yaml:3:3: clauses.s 2: invalid clause id \"s 2\" (hint: clause ids are letters, digits, '-', '_' and '.', e.g. s2-log-files)",
			"bad.yaml:4:3: clauses.c1: missing quote (hint: copy the sentence of the statement that this clause stands for)",
			"bad.yaml:5:8: clauses.c2: missing quote (hint: copy the sentence of the statement that this clause stands for)",
		},
	},
	{
		name: "invalid utf8",
		src:  "version: 1\nclauses:\n  c1: {quote: \"caf\xe9\"}\n",
		want: []string{
			"bad.yaml:3:19: the file is not valid UTF-8 (hint: save the policy as UTF-8)",
		},
	},
}

func TestBadPolicies(t *testing.T) {
	for _, tc := range badPolicies {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse("bad.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", p)
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Parse returned %T, want a non-empty ErrorList", err)
			}
			for _, e := range list {
				if e.Pos.File != "bad.yaml" || e.Pos.Line < 1 {
					t.Errorf("error without a position: %v", e)
				}
			}
			got := strings.Split(err.Error(), "\n")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		err  *Error
		want string
	}{
		{&Error{Pos: Pos{"p.yaml", 3, 7}, Key: "recipients.mailer.hosts[1]", Msg: "invalid host", Hint: "fix it"},
			"p.yaml:3:7: recipients.mailer.hosts[1]: invalid host (hint: fix it)"},
		{&Error{Pos: Pos{"p.yaml", 3, 7}, Key: "version", Msg: "unsupported version 2"},
			"p.yaml:3:7: version: unsupported version 2"},
		{&Error{Pos: Pos{"p.yaml", 3, 0}, Msg: "invalid YAML"}, "p.yaml:3: invalid YAML"},
		{&Error{Pos: Pos{File: "builtin:baseline"}, Msg: "m"}, "builtin:baseline: m"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
	list := ErrorList{
		{Pos: Pos{"a", 9, 1}, Msg: "late"},
		{Pos: Pos{"a", 2, 5}, Msg: "early"},
		{Pos: Pos{"a", 2, 1}, Msg: "first"},
	}
	if got, want := list.Error(), "a:2:1: first\na:2:5: early\na:9:1: late"; got != want {
		t.Errorf("ErrorList.Error() = %q, want %q", got, want)
	}
	var e *Error
	if !errors.As(error(list), &e) || e.Msg != "late" {
		t.Errorf("errors.As(ErrorList) = %v, want the first element", e)
	}
}
