package annotations

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
)

// Kind of a //privacy: directive.
type Kind int

const (
	Data      Kind = iota + 1 // //privacy:data CAT...: values of a named type carry CAT
	Source                    // //privacy:source CAT...: a function's results carry CAT
	Sanitizer                 // //privacy:sanitizer [CAT...]: a function's results no longer carry CAT
	Sink                      // //privacy:sink KIND [RECIPIENT]: a function's arguments leave the process
	Purpose                   // //privacy:purpose PURPOSE: what a function sends serves PURPOSE
	Consent                   // //privacy:consent PURPOSE: a function checks consent for PURPOSE
	Erase                     // //privacy:erase CAT...: a function erases stored CAT
	Allow                     // //privacy:allow RULE REASON...: suppress RULE on a line
)

// kindNames is in the order of the Kind constants, which is also the order
// in which did-you-mean prefers candidates and the docs list directives.
var kindNames = [...]string{
	Data: "data", Source: "source", Sanitizer: "sanitizer", Sink: "sink",
	Purpose: "purpose", Consent: "consent", Erase: "erase", Allow: "allow",
}

// String returns the directive name as written after //privacy:.
func (k Kind) String() string {
	if k >= Data && k <= Allow {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// LookupKind returns the Kind whose name (as written after //privacy:) is
// name, exactly.
func LookupKind(name string) (Kind, bool) {
	for k := Data; k <= Allow; k++ {
		if kindNames[k] == name {
			return k, true
		}
	}
	return 0, false
}

// SinkKind is the KIND of //privacy:sink: what the arguments leave through.
type SinkKind string

const (
	SinkLog        SinkKind = "log"        // a log line
	SinkThirdParty SinkKind = "thirdparty" // an outside party, optionally a named policy recipient
	SinkStore      SinkKind = "store"      // persistent storage (database, files)
	SinkCookie     SinkKind = "cookie"     // a cookie sent to the browser
)

// SinkKinds lists the sink kinds in documentation order.
func SinkKinds() []SinkKind {
	return []SinkKind{SinkLog, SinkThirdParty, SinkStore, SinkCookie}
}

// Valid reports whether k is one of the SinkKinds.
func (k SinkKind) Valid() bool {
	switch k {
	case SinkLog, SinkThirdParty, SinkStore, SinkCookie:
		return true
	}
	return false
}

// Prefix starts every directive. Like //go: directives it has no space after
// the slashes, so that prose such as "// privacy: see the statement" is
// never mistaken for one, and gofmt keeps it out of rendered documentation.
const Prefix = "//privacy:"

// Directive is one parsed //privacy: comment. Only the fields of its Kind
// are set. Names are kept as written: aliases are not resolved and nothing
// is checked against the policy; the *Pos fields let callers that do so
// point at the argument they reject.
type Directive struct {
	Kind Kind
	// Pos is the position of the comment's "//".
	Pos token.Pos
	// Categories of data, source, sanitizer (none = every category) and
	// erase, in the order written, without duplicates; nil when none.
	Categories []string
	// CategoryPos holds the position of each of Categories.
	CategoryPos []token.Pos
	// SinkKind of a sink.
	SinkKind SinkKind
	// Recipient of a thirdparty sink; "" when not named.
	Recipient    string
	RecipientPos token.Pos
	// Purpose of purpose and consent.
	Purpose    string
	PurposePos token.Pos
	// Rule of allow, such as "PV101".
	Rule    string
	RulePos token.Pos
	// Reason of allow: the rest of the line after the rule, trimmed.
	Reason string
}

// String renders d canonically: arguments separated by single spaces, in
// the order parsed. ParseDirective(d.String(), pos) gives d back.
func (d *Directive) String() string {
	if d == nil {
		return "<nil>"
	}
	var b strings.Builder
	b.WriteString(Prefix)
	b.WriteString(d.Kind.String())
	arg := func(s string) {
		if s != "" {
			b.WriteByte(' ')
			b.WriteString(s)
		}
	}
	switch d.Kind {
	case Data, Source, Sanitizer, Erase:
		for _, c := range d.Categories {
			arg(c)
		}
	case Sink:
		arg(string(d.SinkKind))
		arg(d.Recipient)
	case Purpose, Consent:
		arg(d.Purpose)
	case Allow:
		arg(d.Rule)
		arg(d.Reason)
	}
	return b.String()
}

// ParseDirective parses the text of one comment (ast.Comment.Text, starting
// with "//"), found at pos. ok is false when the comment is not a privacy
// directive: only line comments starting exactly "//privacy:" are ("//
// privacy:" with a space, "//Privacy:", "/*privacy:...*/" are prose). When
// ok is true, exactly one of d and err is non-nil. Error positions are pos
// plus the byte offset of the offending text (NoPos when pos is NoPos).
//
// Arguments are separated by spaces or tabs; category lists may also use
// commas. A trailing "// comment" is not allowed after the arguments (it
// would be read as more arguments by anyone skimming the line, and a typo
// could hide a category): put it on its own line. The exception is allow,
// whose reason is the whole rest of the line.
func ParseDirective(text string, pos token.Pos) (d *Directive, ok bool, err *Error) {
	_, d, ok, err = parse(text, pos)
	return d, ok, err
}

// parse is ParseDirective that also returns the Kind when the directive name
// is known, even if the arguments are malformed: the declaration-level
// functions need it to decide who reports the error (allow errors belong to
// FileAllows, others to the declaration holding them).
func parse(text string, pos token.Pos) (Kind, *Directive, bool, *Error) {
	if !strings.HasPrefix(text, Prefix) {
		return 0, nil, false, nil
	}
	p := &scanner{text: text, pos: pos}
	k, d, err := p.directive()
	if err != nil {
		d = nil
	}
	return k, d, true, err
}

type scanner struct {
	text string
	pos  token.Pos
	kind Kind
	name int // offset of the directive name, the place of "missing argument" errors
}

// arg is one argument and its byte offset in the comment text.
type arg struct {
	s   string
	off int
}

func (p *scanner) errorf(off int, rule, hint, format string, args ...any) *Error {
	return &Error{Pos: at(p.pos, off), Rule: rule, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

func isNameByte(c byte) bool {
	return isLetter(c) || '0' <= c && c <= '9' || c == '_'
}

// directiveList names every directive, for hints.
const directiveList = "//privacy:data, source, sanitizer, sink, purpose, consent, erase or allow"

// kindSynonyms maps words people reach for to the directive they mean.
var kindSynonyms = map[string]Kind{
	"pii": Data, "personal": Data, "category": Data, "categories": Data,
	"redact": Sanitizer, "mask": Sanitizer, "hash": Sanitizer, "sanitise": Sanitizer, "sanitiser": Sanitizer,
	"delete": Erase, "purge": Erase, "remove": Erase,
	"ignore": Allow, "suppress": Allow, "nolint": Allow,
}

func suggestKind(name string) string {
	if k, ok := kindSynonyms[strings.ToLower(name)]; ok {
		return k.String()
	}
	return Suggest(name, kindNames[Data:])
}

func (p *scanner) directive() (Kind, *Directive, *Error) {
	text := p.text
	p.name = len(Prefix)
	i := p.name
	for i < len(text) && isNameByte(text[i]) {
		i++
	}
	name := text[p.name:i]
	end := i
	for end < len(text) && !isSpace(text[end]) {
		end++
	}
	if end == p.name {
		hint := "write " + directiveList + ", followed by its arguments"
		if rest := strings.TrimLeft(text[p.name:], " \t"); rest != "" {
			w, _, _ := strings.Cut(strings.ReplaceAll(rest, "\t", " "), " ")
			if _, ok := LookupKind(w); ok {
				hint = "remove the space after the colon: //privacy:" + w
			}
		}
		return 0, nil, p.errorf(0, RuleMalformed, hint, "//privacy: without a directive name")
	}
	k, known := LookupKind(name)
	if !known {
		word := name
		if word == "" {
			word = text[p.name:end]
		}
		hint := "the directives are " + directiveList
		if s := suggestKind(word); s != "" {
			hint = "did you mean //privacy:" + s + "?"
		}
		return 0, nil, p.errorf(p.name, RuleUnknownDirective, hint, "unknown directive //privacy:%s", word)
	}
	p.kind = k
	if i < end {
		return k, nil, p.errorf(i, RuleMalformed, "put a space between //privacy:"+name+" and its arguments",
			"missing space after //privacy:%s (found %q)", name, text[i:end])
	}
	d := &Directive{Kind: k, Pos: p.pos}
	var err *Error
	switch k {
	case Allow:
		err = p.allow(d, i)
	case Data, Source, Sanitizer, Erase:
		err = p.categories(d, i)
	case Sink:
		err = p.sink(d, i)
	case Purpose, Consent:
		err = p.purpose(d, i)
	}
	return k, d, err
}

// split cuts text[from:] into arguments separated by spaces and tabs (and
// commas, when commas is set). It stops at an argument that starts a
// comment ("//" or "/*") and returns that offset as comment (-1 if none).
// Stray commas are errors: an empty category between commas is more likely
// a deleted one than intended.
func (p *scanner) split(from int, commas bool) (args []arg, comment int, err *Error) {
	text := p.text
	comment = -1
	lastComma := -1 // offset of a comma not yet followed by an argument
	i := from
	for i < len(text) {
		c := text[i]
		switch {
		case isSpace(c):
			i++
		case c == ',' && !commas:
			return nil, -1, p.errorf(i, RuleMalformed, "separate the arguments of //privacy:"+p.kind.String()+" with spaces",
				"unexpected ',' in //privacy:%s", p.kind)
		case c == ',':
			if len(args) == 0 {
				return nil, -1, p.errorf(i, RuleMalformed, "remove the comma", "empty category before ',' in //privacy:%s", p.kind)
			}
			if lastComma >= 0 {
				return nil, -1, p.errorf(i, RuleMalformed, "remove the extra comma", "empty category between commas in //privacy:%s", p.kind)
			}
			lastComma = i
			i++
		case strings.HasPrefix(text[i:], "//") || strings.HasPrefix(text[i:], "/*"):
			comment = i
			i = len(text)
		default:
			j := i
			for j < len(text) && !isSpace(text[j]) && text[j] != ',' {
				j++
			}
			args = append(args, arg{text[i:j], i})
			lastComma = -1
			i = j
		}
	}
	if lastComma >= 0 {
		return nil, -1, p.errorf(lastComma, RuleMalformed, "remove the comma", "trailing ',' after the last category in //privacy:%s", p.kind)
	}
	return args, comment, nil
}

// trailingComment reports a comment after the arguments. It is checked
// after the arguments so that an error in them, nearer the start, wins.
func (p *scanner) trailingComment(off int) *Error {
	if off < 0 {
		return nil
	}
	return p.errorf(off, RuleMalformed, "put the comment on a line of its own",
		"//privacy:%s does not take a trailing comment", p.kind)
}

func (p *scanner) categories(d *Directive, from int) *Error {
	args, comment, err := p.split(from, true)
	if err != nil {
		return err
	}
	if len(args) == 0 && d.Kind != Sanitizer {
		return p.errorf(p.name, RuleMalformed,
			fmt.Sprintf("write //privacy:%s CATEGORY..., e.g. //privacy:%[1]s user.contact.email", d.Kind),
			"//privacy:%s needs at least one category", d.Kind)
	}
	seen := make(map[string]bool, len(args))
	for _, a := range args {
		if !ValidCategorySyntax(a.s) {
			problem, hint := idProblem("category", a.s)
			return p.errorf(a.off, RuleMalformed, hint, "malformed category %q in //privacy:%s: %s", a.s, d.Kind, problem)
		}
		if seen[a.s] {
			return p.errorf(a.off, RuleMalformed, "remove the duplicate", "category %q appears twice in //privacy:%s", a.s, d.Kind)
		}
		seen[a.s] = true
		d.Categories = append(d.Categories, a.s)
		d.CategoryPos = append(d.CategoryPos, at(p.pos, a.off))
	}
	return p.trailingComment(comment)
}

var sinkSynonyms = map[string]SinkKind{
	"logger": SinkLog, "logging": SinkLog, "logs": SinkLog, "stdout": SinkLog, "stderr": SinkLog,
	"external": SinkThirdParty, "vendor": SinkThirdParty, "3p": SinkThirdParty, "network": SinkThirdParty, "http": SinkThirdParty,
	"db": SinkStore, "database": SinkStore, "sql": SinkStore, "storage": SinkStore, "file": SinkStore, "disk": SinkStore, "cache": SinkStore,
	"cookies": SinkCookie,
}

func (p *scanner) sink(d *Directive, from int) *Error {
	args, comment, err := p.split(from, false)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return p.errorf(p.name, RuleMalformed, "write //privacy:sink log, store, cookie, or thirdparty RECIPIENT",
			"//privacy:sink needs a KIND")
	}
	kind := SinkKind(args[0].s)
	if !kind.Valid() {
		hint := "KIND is log, thirdparty, store or cookie"
		if s, ok := sinkSynonyms[strings.ToLower(args[0].s)]; ok {
			hint = "did you mean " + string(s) + "?"
		} else if s := Suggest(args[0].s, []string{"log", "thirdparty", "store", "cookie"}); s != "" {
			hint = "did you mean " + s + "?"
		}
		return p.errorf(args[0].off, RuleMalformed, hint, "unknown sink kind %q", args[0].s)
	}
	d.SinkKind = kind
	if len(args) >= 2 {
		r := args[1]
		if kind != SinkThirdParty {
			return p.errorf(r.off, RuleMalformed, fmt.Sprintf("remove %q: only thirdparty sinks name a recipient", r.s),
				"//privacy:sink %s takes no recipient, found %q", kind, r.s)
		}
		if !validRecipientSyntax(r.s) {
			return p.errorf(r.off, RuleMalformed,
				"name a recipient declared in the policy, e.g. mailer: a letter, then letters, digits, '_', '-' or '.'",
				"malformed recipient %q in //privacy:sink", r.s)
		}
		d.Recipient, d.RecipientPos = r.s, at(p.pos, r.off)
	}
	if len(args) > 2 {
		return p.errorf(args[2].off, RuleMalformed, "//privacy:sink takes a KIND and, for thirdparty, one RECIPIENT",
			"unexpected argument %q after the recipient in //privacy:sink", args[2].s)
	}
	return p.trailingComment(comment)
}

func (p *scanner) purpose(d *Directive, from int) *Error {
	args, comment, err := p.split(from, false)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return p.errorf(p.name, RuleMalformed,
			fmt.Sprintf("write //privacy:%s PURPOSE, e.g. //privacy:%[1]s marketing.communications.email", d.Kind),
			"//privacy:%s needs a purpose", d.Kind)
	}
	a := args[0]
	if !ValidCategorySyntax(a.s) {
		problem, hint := idProblem("purpose", a.s)
		return p.errorf(a.off, RuleMalformed, hint, "malformed purpose %q in //privacy:%s: %s", a.s, d.Kind, problem)
	}
	d.Purpose, d.PurposePos = a.s, at(p.pos, a.off)
	if len(args) > 1 {
		hint := "name the one purpose this function serves"
		if d.Kind == Consent {
			hint = fmt.Sprintf("a consent check is for one purpose: write //privacy:consent %s", a.s)
		}
		return p.errorf(args[1].off, RuleMalformed, hint, "//privacy:%s takes one purpose, found %q after %q", d.Kind, args[1].s, a.s)
	}
	return p.trailingComment(comment)
}

func (p *scanner) allow(d *Directive, from int) *Error {
	text := p.text
	i := from
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i == len(text) {
		return p.errorf(p.name, RuleMalformed, "write //privacy:allow RULE REASON..., e.g. //privacy:allow PV101 the address is hashed before this call",
			"//privacy:allow needs a rule and a reason")
	}
	j := i
	for j < len(text) && !isSpace(text[j]) {
		j++
	}
	rule := text[i:j]
	if !ValidRuleSyntax(rule) {
		return p.errorf(i, RuleMalformed, ruleHint(rule), "malformed rule %q in //privacy:allow", rule)
	}
	d.Rule, d.RulePos = rule, at(p.pos, i)
	d.Reason = strings.Trim(text[j:], " \t")
	if d.Reason == "" {
		return p.errorf(p.name, RuleAllowNoReason,
			fmt.Sprintf("say why the finding does not apply: //privacy:allow %s REASON...", rule),
			"//privacy:allow %s has no reason", rule)
	}
	return nil
}

func ruleHint(rule string) string {
	if up := strings.ToUpper(rule); ValidRuleSyntax(up) {
		return "write " + up
	}
	if first, _, ok := strings.Cut(rule, ","); ok && ValidRuleSyntax(strings.ToUpper(first)) {
		return "allow one rule per directive: write //privacy:allow " + strings.ToUpper(first) + " REASON, and another line for the next rule"
	}
	if bare := strings.TrimRight(rule, ":;,.-"); bare != rule && ValidRuleSyntax(strings.ToUpper(bare)) {
		return "write //privacy:allow " + strings.ToUpper(bare) + " REASON, without the punctuation"
	}
	return "a rule is PV and three digits, e.g. PV101"
}
