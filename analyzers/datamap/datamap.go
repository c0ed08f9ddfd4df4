// Package datamap builds privacyvet's data map: the report a privacy
// reviewer reads instead of the code. For each personal-data category it
// says where the code collects it, every sink and recipient it reaches,
// the consent checks and erase functions that cover it; for each clause
// of the privacy statement, whether a rule checks it and whether the code
// honours it; and the drift between the code and the statement, both
// ways. It renders as Markdown and as one self-contained HTML page.
//
// The map is built from an analysis graph of the suite (the result of
// checker.Analyze over the suite's analyzers): the results of the marks
// and flow analyzers in the root packages, and the diagnostics of the
// rules. `privacyvet report` (Main) loads the packages and runs it.
package datamap

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/privacyvet/privacyvet/analyzers"
	"github.com/privacyvet/privacyvet/analyzers/internal/flow"
	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/policy"
)

// Map is the data map of a set of packages under one policy.
type Map struct {
	Policy      PolicyInfo
	Root        string   // directory locations are shown relative to (the first root package's module)
	Packages    []string // the packages analysed, by import path
	Categories  []*Category
	Recipients  []*Recipient
	Purposes    []*Purpose
	Clauses     []*Clause
	Undisclosed []*Drift // categories marked in code that the statement does not disclose
	Unseen      []*Drift // categories the statement lists that the code never marks nor sends
	Findings    []*Finding
	Notes       []string // what limits the map: engine bounds hit, a second policy
	// LinkBase is the directory that links are relative to (where the
	// report is written); "" makes links absolute file:// URLs.
	LinkBase string
}

// PolicyInfo describes the policy the map is held against.
type PolicyInfo struct {
	Source, Title, Effective string
}

// Loc is a position in the code.
type Loc struct {
	File string // absolute
	Line int
	Rel  string // File relative to Map.Root, slash-separated, for display
}

func (l Loc) String() string {
	if l.File == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", l.Rel, l.Line)
}

// Site is a place where a category is attached to code: a struct tag, a
// //privacy:data type, a //privacy:source function, a policy source entry.
type Site struct {
	What string // "User.Email", "type Email", "func RealIP", "policy sources.functions: NAME"
	Loc  Loc    // zero for policy entries naming code outside the packages analysed
}

// Category is everything the map knows of one category.
type Category struct {
	ID          string
	Disclosed   bool
	ListedAs    string // the policy entry that discloses it: itself or its nearest listed ancestor
	Clause      string // the clause that entry cites
	Constraints string // what the policy says of it: "log: deny, store: sanitized, ..."
	Retention   string // "while the account is active", "at most 90 days", "none set"
	Collected   []Site
	Reaches     []*Reach
	Unguarded   []*Unguarded // sends under a purpose that needs consent, unguarded on some path
	Consent     []*Func      // consent checks for the purposes its sends serve (and its collection gate)
	Erase       []*Func      // erase functions that cover it
	Retained    []string     // "sql.DB.ExecContext at telemetry/store.go:47": stored, cannot expire, no erase function
	SeenAs      []string     // when the code never marks nor sends it itself: its subcategories that it does
}

// Reach is one flow of a category to a sink.
type Reach struct {
	Kind      string // log, thirdparty, store, cookie
	Sink      string
	Recipient string // declared recipient, or "" (see Dest)
	Purpose   string
	Dest      string // URL or host as far as known, or why it is not
	Expiry    string // for writes that can carry one
	Origin    string // where the data came from: "User.Email"
	Loc       Loc    // the sink, or the call in the package that knows the data is personal
	SinkAt    string // when the sink lies in another package: its "file:line" (last two path elements)
	Path      string // the short path
	Rules     []string
}

// Unguarded is a send that needs a consent check on every path.
type Unguarded struct {
	Purpose, Sink, Origin, Entry string
	Gate                         bool // a collection gate rather than the purpose of the send
	Loc                          Loc
}

// Func is a function that plays a role: a consent check, an erase
// function, a function serving a purpose.
type Func struct {
	Name  string
	About []string // purposes or categories
	From  string   // "//privacy:consent", "policy consent (privacy.yaml:12)", ...
	Loc   Loc      // zero when declared by the policy only

	full string // go/types full name, as the policy writes it
}

// Recipient is a declared third party and what reaches it.
type Recipient struct {
	Name, Clause string
	Hosts        []string // hosts and packages
	Allowed      []string // categories it may receive
	Purposes     []string // purposes it is declared for (empty: any)
	Seen         []string // categories the code sends it
}

// Purpose is a declared purpose and the code that serves it.
type Purpose struct {
	ID, Clause, Consent string
	Forbidden           bool
	Checks              []*Func
	Servers             []*Func  // functions marked //privacy:purpose with it
	Seen                []string // categories sent under it
	Unguarded           int
}

// Drift is a category on one side only.
type Drift struct {
	Category string
	Sites    []Site // where the code marks it (Undisclosed)
	Note     string
}

// Finding is one diagnostic of a rule.
type Finding struct {
	Rule    string
	Message string
	Loc     Loc
	Clauses []string // the clauses its message cites
	pos     string   // file:line:col, for matching flows
}

// Analyzers are the analyzers to run for Build: the suite's (s.All())
// and its marks and flow analyzers as roots too, since the checker keeps
// the results of root analyzers only.
func Analyzers(s *analyzers.Suite) []*analysis.Analyzer {
	return append(s.All(), s.Marks, s.Flow)
}

// Build makes the data map from g, the result of checker.Analyze over
// Analyzers(s). It reads the flow and marks results of the root
// packages and the diagnostics of the rules; it fails when the policy
// could not be read.
func Build(g *checker.Graph, s *analyzers.Suite) (*Map, error) {
	b := &builder{
		s:     s,
		roots: make(map[*packages.Package]bool),
		cats:  make(map[string]*Category),
		seen:  make(map[string]bool),
	}
	for _, act := range g.Roots {
		b.roots[act.Package] = true
	}
	var errs []string
	for act := range g.All() {
		if !b.roots[act.Package] {
			continue
		}
		b.fset = act.Package.Fset
		if b.root == "" && act.Package.Module != nil {
			b.root = act.Package.Module.Dir
		}
		switch {
		case act.Analyzer == s.Flow:
			if act.Err != nil {
				errs = append(errs, act.Err.Error())
				continue
			}
			if res, ok := act.Result.(*flow.Result); ok && res != nil {
				if res.Err != nil {
					return nil, res.Err
				}
				b.flows = append(b.flows, pkgResult{act.Package, res})
			}
		case act.Analyzer == s.Marks:
			if mk, ok := act.Result.(*marks.Marks); ok && mk != nil && mk.Err == nil {
				b.marks = append(b.marks, pkgMarks{act.Package, mk})
			}
		case slices.Contains(s.Rules, act.Analyzer) && act.IsRoot:
			b.diagnostics(act.Package, act.Diagnostics)
		}
	}
	if b.root == "" {
		b.root = commonDir(b.roots)
	}
	if len(b.flows) == 0 {
		if len(errs) > 0 {
			return nil, errors.New(strings.Join(errs, "\n"))
		}
		return nil, errors.New("no package was analysed: the graph holds no result of the flow analyzer (analyze with datamap.Analyzers)")
	}
	b.choosePolicy()
	b.build()
	return b.m, nil
}

// commonDir is the deepest directory holding every root package's files.
func commonDir(pkgs map[*packages.Package]bool) string {
	var dir string
	for p := range pkgs {
		for _, f := range p.GoFiles {
			d := filepath.Dir(f)
			if dir == "" {
				dir = d
				continue
			}
			for dir != d && !strings.HasPrefix(d, dir+string(filepath.Separator)) {
				parent := filepath.Dir(dir)
				if parent == dir {
					break
				}
				dir = parent
			}
		}
	}
	return dir
}

type pkgResult struct {
	pkg *packages.Package
	res *flow.Result
}

type pkgMarks struct {
	pkg *packages.Package
	mk  *marks.Marks
}

type builder struct {
	s        *analyzers.Suite
	roots    map[*packages.Package]bool
	fset     *token.FileSet
	root     string
	flows    []pkgResult
	marks    []pkgMarks
	findings []*Finding
	pol      *policy.Policy
	m        *Map
	cats     map[string]*Category
	seen     map[string]bool // dedup keys (a file in a package and its test variant)
	checks   []*Func
	erasers  []*Func
	servers  []*Func
}

func (b *builder) once(key string) bool {
	if b.seen[key] {
		return false
	}
	b.seen[key] = true
	return true
}

func (b *builder) loc(pos token.Pos) Loc {
	if !pos.IsValid() || b.fset == nil {
		return Loc{}
	}
	p := b.fset.Position(pos)
	return b.locOf(p.Filename, p.Line)
}

func (b *builder) locOf(file string, line int) Loc {
	rel := file
	if b.root != "" {
		if r, err := filepath.Rel(b.root, file); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	return Loc{File: file, Line: line, Rel: filepath.ToSlash(rel)}
}

func (b *builder) diagnostics(pkg *packages.Package, ds []analysis.Diagnostic) {
	for _, d := range ds {
		p := pkg.Fset.Position(d.Pos)
		key := p.String() + "|" + d.Message
		if !b.once("diag|" + key) {
			continue
		}
		b.findings = append(b.findings, &Finding{
			Rule: d.Category, Message: d.Message, Loc: b.locOf(p.Filename, p.Line), pos: p.String(),
		})
	}
}

// choosePolicy takes the policy most packages were analysed under; a
// module normally has one, and a second one is noted.
func (b *builder) choosePolicy() {
	count := make(map[string]int)
	bySource := make(map[string]*policy.Policy)
	for _, r := range b.flows {
		count[r.res.Policy.Source]++
		bySource[r.res.Policy.Source] = r.res.Policy
	}
	sources := make([]string, 0, len(count))
	for s := range count {
		sources = append(sources, s)
	}
	sort.Slice(sources, func(i, j int) bool {
		if count[sources[i]] != count[sources[j]] {
			return count[sources[i]] > count[sources[j]]
		}
		return sources[i] < sources[j]
	})
	b.pol = bySource[sources[0]]
	b.m = &Map{
		Root: b.root,
		Policy: PolicyInfo{
			Source: b.policySource(), Title: b.pol.Statement.Title, Effective: b.pol.Statement.Effective,
		},
	}
	for _, s := range sources[1:] {
		b.m.Notes = append(b.m.Notes, fmt.Sprintf("%d package(s) were analysed under another policy, %s; this map holds the code against %s only", count[s], s, b.pol.Source))
	}
}

func (b *builder) policySource() string {
	if strings.HasPrefix(b.pol.Source, "builtin:") {
		return b.pol.Source
	}
	return b.locOf(b.pol.Source, 0).Rel
}

// category returns the entry of id, creating it.
func (b *builder) category(id string) *Category {
	if c := b.cats[id]; c != nil {
		return c
	}
	c := &Category{ID: id}
	if r := b.pol.Rule(id); r != nil {
		c.Disclosed = true
		c.ListedAs = r.Category
		c.Clause = r.Clause
		c.Constraints = constraints(r)
	}
	c.Retention = "none set"
	if r := b.pol.RetentionFor(id); r != nil {
		c.Retention = retentionText(r) + " (" + r.Clause + ")"
	}
	b.cats[id] = c
	return c
}

func constraints(r *policy.CategoryRule) string {
	parts := []string{"log: " + string(r.Log)}
	if r.Store != "" {
		parts = append(parts, "store: "+r.Store)
	}
	if r.Transport != "" {
		parts = append(parts, "transport: "+r.Transport)
	}
	if r.Collect != "" {
		s := "collect: " + r.Collect
		if r.Gate != "" {
			s += " (gate " + r.Gate + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func retentionText(r *policy.Retention) string {
	switch {
	case r.Max.Account:
		return "while the account is active"
	case r.Max.Duration == 0:
		return "must not be kept"
	}
	return "at most " + days(r.Max.Duration)
}

// days renders whole days as "90 days", anything else as Go does.
func days(d time.Duration) string {
	const day = 24 * time.Hour
	if d >= day && d%day == 0 {
		return fmt.Sprintf("%d days", d/day)
	}
	return d.String()
}

func (b *builder) build() {
	for _, r := range b.flows {
		b.m.Packages = append(b.m.Packages, r.pkg.PkgPath)
	}
	slices.Sort(b.m.Packages)
	b.m.Packages = slices.Compact(b.m.Packages)
	for c := range b.pol.Categories {
		b.category(c)
	}
	b.collectMarks()
	b.collectFlows()
	b.collectPolicyFuncs()
	b.cover()
	b.recipients()
	b.purposes()
	b.clauses()
	b.drift()
	for _, r := range b.flows {
		for _, bd := range r.res.Bounds {
			if b.once("bound|" + bd) {
				b.m.Notes = append(b.m.Notes, r.pkg.PkgPath+": "+bd)
			}
		}
	}
	for _, c := range b.cats {
		b.m.Categories = append(b.m.Categories, c)
	}
	sort.Slice(b.m.Categories, func(i, j int) bool { return b.m.Categories[i].ID < b.m.Categories[j].ID })
	sort.SliceStable(b.findings, func(i, j int) bool {
		x, y := b.findings[i].Loc, b.findings[j].Loc
		return cmp.Or(cmp.Compare(x.Rel, y.Rel), cmp.Compare(x.Line, y.Line), cmp.Compare(b.findings[i].Message, b.findings[j].Message)) < 0
	})
	b.m.Findings = b.findings
}
