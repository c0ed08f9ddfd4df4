// Package policy is privacyvet's model of a privacy statement: the policy
// file (privacy.yaml) that encodes what the statement promises, its strict
// decoding and validation with positions, the data category taxonomy
// (fideslang's default categories, their hierarchy and the policy's aliases),
// and the built-in policies.
//
// A *Policy is immutable once Parse returns it; the analyzers share one
// value across goroutines and only call its query methods.
package policy

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Pos is a position in a policy file. Line and Col are 1-based; Col is 0
// when only the line is known (errors reported by the YAML parser itself).
// File is the path the policy was read from, or "builtin:NAME".
type Pos struct {
	File      string
	Line, Col int
}

// String formats p as "file:line:col", dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

func (p Pos) before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Error is one problem in a policy file.
type Error struct {
	Pos  Pos
	Key  string // dotted path of the YAML key, e.g. "recipients.mailer.hosts[1]"; "" for the whole file
	Msg  string // what is wrong
	Hint string // what to do about it; may be ""
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// ErrorList is every problem found in a policy. Parse collects them all
// rather than stopping at the first, so one edit-run cycle fixes a file.
type ErrorList []*Error

// Error joins the errors with newlines, in position order.
func (l ErrorList) Error() string {
	s := l.sorted()
	lines := make([]string, len(s))
	for i, e := range s {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the individual *Error values.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// sorted returns a copy ordered by position, then key and message, so that
// output is stable whatever order the checks ran in.
func (l ErrorList) sorted() ErrorList {
	s := append(ErrorList(nil), l...)
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos != b.Pos {
			return a.Pos.before(b.Pos)
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.Msg < b.Msg
	})
	return s
}

// Policy is a decoded and validated policy file.
type Policy struct {
	Source     string // file path, or "builtin:NAME"
	Version    int
	Statement  Statement
	Clauses    map[string]*Clause
	Aliases    map[string]string        // alias -> canonical category
	Categories map[string]*CategoryRule // keys canonical; rules already merged with their ancestors' (see CategoryRule)
	Cite       map[string]string        // rule id (e.g. "PV201") -> clause id to cite when nothing more specific applies
	Purposes   map[string]*Purpose
	Recipients map[string]*Recipient
	Consent    []*ConsentEntry
	Sources    Sources
	Sinks      []*SinkEntry
	Sanitizers []*SanitizerEntry
	Retention  map[string]*Retention // keys canonical
	Erasure    []*ErasureEntry

	data    []byte       // the source bytes, for Fingerprint
	recips  []*Recipient // Recipients by name, for deterministic lookups
	textPos Pos          // of statement.text
}

// Statement describes the privacy statement the policy encodes.
type Statement struct {
	Title     string
	Effective string // YYYY-MM-DD
	Text      string // path of the statement's text, as written
	TextPath  string // Text resolved against the policy file's directory ("builtin:FILE" for built-in policies)
}

// Clause is a passage of the statement that policy entries cite.
type Clause struct {
	ID, Section, Quote string
	Pos                Pos // of the clause's key

	quotePos Pos // of the quote, where CheckQuotes reports
}

// LogRule says whether a category may be written to logs.
type LogRule string

const (
	LogAllow LogRule = "allow"
	LogDeny  LogRule = "deny"
)

// Values of CategoryRule.Store, Transport and Collect.
const (
	StoreSanitized   = "sanitized"
	StoreAllow       = "allow"
	TransportTLS     = "tls"
	TransportAny     = "any"
	CollectAllow     = "allow"
	CollectForbidden = "forbidden"
	CollectGated     = "gated"
)

// CategoryRule is what the statement says about one category.
//
// A rule inherits every constraint it does not set from the rule of its
// nearest listed ancestor, together with the clause that set it: a child
// may tighten or loosen a constraint by setting it, but never silently
// loses one. Parse stores the merged rules, so consumers need not walk up.
type CategoryRule struct {
	Category  string
	Clause    string            // the clause that discloses the category
	Log       LogRule           // LogAllow or LogDeny (never empty after Parse)
	Store     string            // "" | "sanitized" | "allow"
	Transport string            // "" | "tls" | "any"
	Collect   string            // "" | "allow" | "forbidden" | "gated"
	Gate      string            // the purpose whose consent/setting check must guard collection when Collect == "gated"
	Cite      map[string]string // constraint key (log, store, transport, collect) -> clause that imposes it
	Pos       Pos
}

// ClauseFor returns the clause to cite for a finding about constraint key
// (log, store, transport or collect): the clause that imposed it, else the
// rule's own clause.
func (r *CategoryRule) ClauseFor(key string) string {
	if c := r.Cite[key]; c != "" {
		return c
	}
	return r.Clause
}

// ConsentMode is what consent a purpose needs.
type ConsentMode string

const (
	ConsentRequired ConsentMode = "required" // opt-in: a consent check must guard every use
	ConsentOptOut   ConsentMode = "opt-out"  // allowed until the user opts out: an opt-out check must guard every use
	ConsentNone     ConsentMode = "none"
)

// Purpose is a declared purpose of processing.
type Purpose struct {
	ID, Clause string
	Consent    ConsentMode // never empty after Parse
	Forbidden  bool
	Pos        Pos
}

// Recipient is a declared outside party.
type Recipient struct {
	Name, Clause string
	Hosts        []string // exact hosts or "*.example.com" wildcards, lower case
	Packages     []string // import paths (a package and its subpackages)
	Categories   []string // canonical
	Purposes     []string // empty: any purpose
	Pos          Pos
}

// MatchHost reports whether host (possibly with a port) is one of r's hosts.
// Matching is case-insensitive; "*.x.y" matches "a.x.y" and "a.b.x.y" but
// not "x.y".
func (r *Recipient) MatchHost(host string) bool {
	return r.hostRank(host) > 0
}

// hostRank is 0 for no match; otherwise larger means more specific, so
// that RecipientForHost prefers an exact host over the longest wildcard.
func (r *Recipient) hostRank(host string) int {
	h := normalizeHost(host)
	if h == "" {
		return 0
	}
	best := 0
	for _, p := range r.Hosts {
		if suffix, ok := strings.CutPrefix(p, "*"); ok {
			if len(h) > len(suffix) && strings.HasSuffix(h, suffix) && len(suffix) > best {
				best = len(suffix)
			}
		} else if h == p {
			return 1 << 30
		}
	}
	return best
}

// normalizeHost lower-cases host and strips a port, IPv6 brackets and a
// trailing dot.
func normalizeHost(host string) string {
	h := strings.ToLower(strings.TrimSpace(host))
	if strings.HasPrefix(h, "[") {
		if i := strings.Index(h, "]"); i > 0 {
			return h[1:i]
		}
		return ""
	}
	if i := strings.LastIndex(h, ":"); i >= 0 && strings.Count(h, ":") == 1 {
		h = h[:i]
	}
	return strings.TrimSuffix(h, ".")
}

// MatchPackage reports whether import path is one of r's packages or inside one.
func (r *Recipient) MatchPackage(path string) bool {
	return r.packageRank(path) > 0
}

func (r *Recipient) packageRank(path string) int {
	best := 0
	for _, p := range r.Packages {
		if (path == p || strings.HasPrefix(path, p+"/")) && len(p) > best {
			best = len(p)
		}
	}
	return best
}

// ConsentEntry names consent checks for code that cannot be annotated.
type ConsentEntry struct {
	Purpose   string
	Functions []string
	Pos       Pos
}

// Sources marks personal data in code that cannot be tagged. Each map goes
// from a name in go/types form to canonical categories.
type Sources struct {
	Fields    map[string][]string // "pkg/path.Type.Field"
	Types     map[string][]string // "pkg/path.Type"
	Functions map[string][]string // "pkg/path.Func", "(*pkg/path.Type).Method"
	Pos       map[string]Pos      // name -> position of its entry
}

// Sink kinds.
const (
	SinkLog        = "log"
	SinkThirdParty = "thirdparty"
	SinkStore      = "store"
	SinkCookie     = "cookie"
)

// SinkEntry declares functions whose arguments leave the process.
type SinkEntry struct {
	Kind      string // SinkLog, SinkThirdParty, SinkStore or SinkCookie
	Recipient string // thirdparty only; "" means an unknown party
	Purpose   string
	Functions []string
	// Args, when set, are the arguments whose data the functions send,
	// counting a method's receiver as 0 and its first parameter as 1;
	// unset, every argument's data leaves.
	Args []int
	Pos  Pos
}

// SanitizerEntry declares functions whose results no longer carry Categories.
type SanitizerEntry struct {
	Functions  []string
	Categories []string // canonical; empty means all
	Pos        Pos
}

// Retention is how long a category may be kept.
type Retention struct {
	Category string
	Max      RetentionMax
	Clause   string
	Pos      Pos
}

// RetentionMax is a retention limit: while the account lives, or a duration.
type RetentionMax struct {
	Account  bool
	Duration time.Duration // valid when !Account; 0 means "must not be kept"
}

// ErasureEntry declares functions that erase stored data of Categories.
type ErasureEntry struct {
	Categories []string // canonical
	Functions  []string
	Pos        Pos
}

// Canonical resolves an alias and reports whether id names a category the
// policy knows: one of the built-in taxonomy or one the policy declares
// under categories.
func (p *Policy) Canonical(id string) (string, bool) {
	if c, ok := p.Aliases[id]; ok {
		return c, true
	}
	if IsBuiltinCategory(id) {
		return id, true
	}
	_, ok := p.Categories[id]
	return id, ok
}

// Rule returns the rule for cat or for its nearest listed ancestor, or nil
// when the statement does not disclose cat.
func (p *Policy) Rule(cat string) *CategoryRule {
	cat, _ = p.Canonical(cat)
	for c := cat; c != ""; c = parentOf(c) {
		if r := p.Categories[c]; r != nil {
			return r
		}
	}
	return nil
}

// Disclosed reports whether the statement discloses collecting cat.
func (p *Policy) Disclosed(cat string) bool { return p.Rule(cat) != nil }

// LogAllowed reports whether cat is disclosed and allowed in logs.
func (p *Policy) LogAllowed(cat string) bool {
	r := p.Rule(cat)
	return r != nil && r.Log == LogAllow
}

// RetentionFor returns the retention entry of cat or its nearest ancestor.
func (p *Policy) RetentionFor(cat string) *Retention {
	cat, _ = p.Canonical(cat)
	for c := cat; c != ""; c = parentOf(c) {
		if r := p.Retention[c]; r != nil {
			return r
		}
	}
	return nil
}

// Clause returns the clause with id, or nil.
func (p *Policy) Clause(id string) *Clause { return p.Clauses[id] }

// CiteClause returns the clause the policy cites for findings of rule
// (e.g. "PV201") that have no more specific clause, or nil.
func (p *Policy) CiteClause(rule string) *Clause { return p.Clauses[p.Cite[rule]] }

// Purpose returns the declared purpose id or its nearest declared ancestor
// (purposes are dotted ids like categories), or nil.
func (p *Policy) Purpose(id string) *Purpose {
	for c := id; c != ""; c = parentOf(c) {
		if pu := p.Purposes[c]; pu != nil {
			return pu
		}
	}
	return nil
}

// RecipientForHost returns the recipient that host belongs to: an exact
// host wins over a wildcard, and a longer wildcard over a shorter one.
func (p *Policy) RecipientForHost(host string) *Recipient {
	var best *Recipient
	bestRank := 0
	for _, r := range p.recipients() {
		if k := r.hostRank(host); k > bestRank {
			best, bestRank = r, k
		}
	}
	return best
}

// RecipientForPackage returns the recipient whose package (or its parent
// directory path) is the longest prefix of path, or nil.
func (p *Policy) RecipientForPackage(path string) *Recipient {
	var best *Recipient
	bestRank := 0
	for _, r := range p.recipients() {
		if k := r.packageRank(path); k > bestRank {
			best, bestRank = r, k
		}
	}
	return best
}

// recipients lists the recipients by name, so that ties resolve the same
// way on every run.
func (p *Policy) recipients() []*Recipient {
	if p.recips != nil {
		return p.recips
	}
	rs := make([]*Recipient, 0, len(p.Recipients))
	for _, r := range p.Recipients {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Name < rs[j].Name })
	return rs
}

// RecipientAllowsCategory reports whether any of r's categories covers cat.
func (p *Policy) RecipientAllowsCategory(r *Recipient, cat string) bool {
	cat, _ = p.Canonical(cat)
	for _, c := range r.Categories {
		if Covers(c, cat) {
			return true
		}
	}
	return false
}

// RecipientAllowsPurpose reports whether r may receive data for purpose:
// one of r's purposes covers it, or r lists no purposes at all.
func (p *Policy) RecipientAllowsPurpose(r *Recipient, purpose string) bool {
	if len(r.Purposes) == 0 {
		return true
	}
	for _, c := range r.Purposes {
		if Covers(c, purpose) {
			return true
		}
	}
	return false
}

// parentOf returns the dotted id without its last element ("" at the top).
func parentOf(id string) string {
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return id[:i]
	}
	return ""
}
