package main

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
)

// layer is a package's place in the architecture. A package imports
// packages of lower layers only (services also lower-indexed services),
// so the import graph is a DAG by construction.
type layer int

const (
	layerModel   layer = iota // tagged structs, request types, interfaces
	layerKit                  // platform: audit log, mail, payments, partners, analytics, cache, consent
	layerStore                // database/sql repositories
	layerService              // business logic: relays, sends, consent-gated campaigns
	layerAPI                  // net/http handlers
	layerCmd                  // main packages wiring handlers to a server
	numLayers
)

// Each layer's package names are a word and the package's index in the
// layer; the word lists are disjoint so that no two layers share a name.
var layerWords = [numLayers][]string{
	layerModel:   {"crm", "hr", "clinic", "fleet", "travel", "retail", "support", "identity", "learning", "events", "insure", "realty", "payroll", "loyalty", "fitness", "media"},
	layerKit:     {"kit"},
	layerStore:   {"crmdb", "ledgerdb", "profiledb", "casedb", "tripdb", "orderdb", "claimdb", "rosterdb"},
	layerService: {"billingsvc", "signupsvc", "casesvc", "notifysvc", "tripsvc", "ordersvc", "claimsvc", "rostersvc", "growthsvc", "trustsvc"},
	layerAPI:     {"portalapi", "adminapi", "mobileapi", "partnerapi", "publicapi", "opsapi"},
	layerCmd:     {"apid"},
}

var layerDirs = [numLayers]string{
	layerModel: "internal/model", layerKit: "internal/platform", layerStore: "internal/store",
	layerService: "internal/service", layerAPI: "internal/api", layerCmd: "cmd",
}

// maxRelayDepth bounds the packages a relay chain (Service.Forward,
// Service.ShareNote) crosses, the service itself included; an API
// handler adds one, so the longest chain from a field read to a sink
// spans maxRelayDepth+1 packages.
const maxRelayDepth = 7

type pkg struct {
	idx   int // position in plan.pkgs: layer order
	layer layer
	li    int    // index within the layer
	word  string // name without the index
	name  string // package name
	dir   string // slash path relative to the module root
	path  string // import path

	deps []*pkg // direct imports (internal), in a stable order

	entities []*entity // model: declared here; store: served by its repositories
	kit      *pkg      // store, service, api: the platform kit used
	stores   []*pkg    // service: stores whose repositories it uses
	lower    []*pkg    // service: lower services it calls; api: services it serves; cmd: apis
	served   []served  // service: entities through a store; api: entities through a service
	next     *pkg      // service: next hop of the relay chain, nil for a store (stores[0])
	depth    int       // service: packages the relay chain crosses, this one included
	seed     uint64
	plants   []string // rules of the leaks planted here, one per leak
}

// served is an entity a service serves through one of its stores, or an
// API serves through one of its services.
type served struct {
	e   *entity
	via *pkg
}

// entity is one kind of person a model package describes.
type entity struct {
	model  *pkg
	Name   string // Go type name: Customer
	Plural string // Customers
	Table  string // customers
	Email  string // field names: they vary, as in real code
	Full   string
	Phone  string
	IP     string
}

type plan struct {
	cfg     Config
	pkgs    []*pkg
	byLayer [numLayers][]*pkg
}

// layerSizes splits n packages over the layers: about one main package
// per 40, and the rest in the proportions of a layered service
// (models 12%, platform 6%, stores 20%, services 37%, APIs 25%).
func layerSizes(n int) [numLayers]int {
	var s [numLayers]int
	s[layerCmd] = max(1, n/40)
	rest := n - s[layerCmd]
	share := func(pct int) int { return max(1, (rest*pct+50)/100) }
	s[layerModel] = share(12)
	s[layerKit] = share(6)
	s[layerStore] = share(20)
	s[layerAPI] = share(25)
	s[layerService] = max(1, rest-s[layerModel]-s[layerKit]-s[layerStore]-s[layerAPI])
	// Rounding may overshoot for tiny n: take the excess from services,
	// then APIs, keeping one of each.
	for total := sum(s[:]); total > n; total-- {
		switch {
		case s[layerService] > 1:
			s[layerService]--
		case s[layerAPI] > 1:
			s[layerAPI]--
		default:
			s[layerStore]--
		}
	}
	return s
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

var entityNames = []string{
	"Customer", "Subscriber", "Member", "Patient", "Employee", "Contact", "Lead", "Driver",
	"Guest", "Traveler", "Applicant", "Volunteer", "Donor", "Agent", "Courier", "Learner",
	"Author", "Reviewer", "Buyer", "Seller", "Host", "Rider", "Player",
}

// The personal fields of an entity are named differently from package to
// package; the tags, not the names, make them personal.
var (
	emailFields = []string{"Email", "ContactEmail", "WorkEmail", "PrimaryEmail"}
	nameFields  = []string{"FullName", "DisplayName", "LegalName"}
	phoneFields = []string{"Phone", "MobilePhone", "PhoneNumber"}
	ipFields    = []string{"LastIP", "SignupIP", "ClientIP"}
)

func newPlan(cfg Config) *plan {
	p := &plan{cfg: cfg}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	sizes := layerSizes(cfg.Pkgs)
	for l := range numLayers {
		words := layerWords[l]
		for i := range sizes[l] {
			word := words[i%len(words)]
			name := word + itoa(i)
			dir := layerDirs[l] + "/" + name
			q := &pkg{idx: len(p.pkgs), layer: l, li: i, word: word, name: name, dir: dir, path: cfg.Module + "/" + dir}
			q.seed = r.Uint64()
			p.pkgs = append(p.pkgs, q)
			p.byLayer[l] = append(p.byLayer[l], q)
		}
	}
	for _, m := range p.byLayer[layerModel] {
		p.planModel(r, m)
	}
	for _, k := range p.byLayer[layerKit] {
		// A kit builds on the one before it (retries, redaction).
		if k.li > 0 {
			k.deps = []*pkg{p.byLayer[layerKit][k.li-1]}
		}
	}
	for _, s := range p.byLayer[layerStore] {
		p.planStore(r, s)
	}
	for _, s := range p.byLayer[layerService] {
		p.planService(r, s)
	}
	for _, a := range p.byLayer[layerAPI] {
		p.planAPI(r, a)
	}
	cmds := p.byLayer[layerCmd]
	for _, a := range p.byLayer[layerAPI] {
		c := cmds[a.li%len(cmds)]
		c.lower = append(c.lower, a)
		c.deps = append(c.deps, a)
	}
	for _, c := range cmds {
		c.kit = p.byLayer[layerKit][0]
		c.deps = append(c.deps, c.kit)
	}
	for _, q := range p.pkgs {
		sort.Slice(q.deps, func(i, j int) bool { return q.deps[i].idx < q.deps[j].idx })
		q.deps = dedup(q.deps)
	}
	p.planLeaks(r)
	return p
}

// plantable returns, per rule, how many units of q can plant a leak of
// it; it mirrors the units of each layer's generator.
func plantable(q *pkg) map[string]int {
	switch q.layer {
	case layerModel:
		return map[string]int{"PV101": 2 * len(q.entities)}
	case layerKit:
		return map[string]int{"PV101": 3}
	case layerStore:
		return map[string]int{"PV101": len(q.entities), "PV502": len(q.entities)}
	case layerService:
		n := len(q.served)
		return map[string]int{"PV101": 2 * n, "PV201": 2 * n, "PV202": 2 * n, "PV203": n, "PV401": n, "PV501": n}
	case layerAPI:
		n := len(q.served)
		return map[string]int{"PV101": 2 * n, "PV201": n, "PV301": n, "PV401": n}
	}
	return nil
}

// planLeaks decides the rules of the one to three leaks of each package
// (none in main packages). Each leak takes the rule planted least so far
// among those the package can plant, preferring one it does not have
// yet, so that every rule is planted even in a small module and none
// crowds out the others in a large one.
func (p *plan) planLeaks(r *rand.Rand) {
	count := make(map[string]int)
	for _, q := range p.pkgs {
		room := plantable(q)
		if len(room) == 0 {
			continue
		}
		rules := make([]string, 0, len(room))
		for rule := range room {
			rules = append(rules, rule)
		}
		sort.Strings(rules)
		for range 1 + r.IntN(3) {
			best, bestKey := "", [3]int{}
			for _, rule := range rules {
				if room[rule] == 0 {
					continue
				}
				key := [3]int{0, count[rule], r.IntN(1 << 20)}
				if slices.Contains(q.plants, rule) {
					key[0] = 1
				}
				if best == "" || less(key, bestKey) {
					best, bestKey = rule, key
				}
			}
			if best == "" {
				break
			}
			q.plants = append(q.plants, best)
			room[best]--
			count[best]++
		}
	}
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func dedup(ps []*pkg) []*pkg {
	out := ps[:0]
	for i, q := range ps {
		if i == 0 || q != ps[i-1] {
			out = append(out, q)
		}
	}
	return out
}

// skewed picks an index in [0, n): low indices are picked more often, so
// that a few packages of each layer become hubs with a large fan-in.
func skewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(float64(n) * u * u)
}

// near picks an index in [0, n) close to the relative position pos of the
// importing package in its own layer, which keeps domains together.
func near(r *rand.Rand, n int, pos float64) int {
	i := int(pos*float64(n)) + r.IntN(3) - 1
	return min(max(i, 0), n-1)
}

func relpos(q *pkg, n int) float64 { return (float64(q.li) + 0.5) / float64(n) }

func (p *plan) planModel(r *rand.Rand, m *pkg) {
	n := 2 + r.IntN(2)
	perm := r.Perm(len(entityNames))
	for _, i := range perm[:n] {
		name := entityNames[i]
		m.entities = append(m.entities, &entity{
			model: m, Name: name, Plural: name + "s", Table: strings.ToLower(name) + "s",
			Email: pick(r, emailFields), Full: pick(r, nameFields), Phone: pick(r, phoneFields), IP: pick(r, ipFields),
		})
	}
}

func (p *plan) pickKit(r *rand.Rand) *pkg {
	kits := p.byLayer[layerKit]
	return kits[skewed(r, len(kits))]
}

// planStore gives a store two entities (one when the names it draws
// collide), from one or two models.
func (p *plan) planStore(r *rand.Rand, s *pkg) {
	models := p.byLayer[layerModel]
	s.kit = p.pickKit(r)
	s.deps = append(s.deps, s.kit)
	for tries := 0; len(s.entities) < 2 && tries < 8; tries++ {
		m := p.pickFrom(r, models, tries, s, layerStore)
		e := pick(r, m.entities)
		if !hasEntityName(s.entities, e.Name) {
			s.entities = append(s.entities, e)
			s.deps = append(s.deps, m)
		}
	}
}

func hasEntityName(es []*entity, name string) bool {
	for _, e := range es {
		if e.Name == name {
			return true
		}
	}
	return false
}

func hasServed(ss []served, name string) bool {
	return slices.ContainsFunc(ss, func(s served) bool { return s.e.Name == name })
}

// pickFrom picks a dependency of self among from: on even tries one near
// self's relative position in its layer (so the graph has locality), on
// odd tries one skewed towards the popular first few (so it has hubs).
func (p *plan) pickFrom(r *rand.Rand, from []*pkg, tries int, self *pkg, l layer) *pkg {
	if tries%2 == 0 {
		return from[near(r, len(from), relpos(self, len(p.byLayer[l])))]
	}
	return from[skewed(r, len(from))]
}

// planService gives a service one to three stores (it serves their
// entities, two at most), a kit, and up to two lower services. The relay
// chain goes through one of the lower services when that keeps it within
// maxRelayDepth, else to its first store.
func (p *plan) planService(r *rand.Rand, s *pkg) {
	stores := p.byLayer[layerStore]
	s.kit = p.pickKit(r)
	s.deps = append(s.deps, s.kit)
	nstores := 1 + r.IntN(2)
	for tries := 0; len(s.stores) < nstores && tries < 6; tries++ {
		st := p.pickFrom(r, stores, tries, s, layerService)
		if slices.Contains(s.stores, st) {
			continue
		}
		added := false
		for _, e := range st.entities {
			if len(s.served) < 2 && !hasServed(s.served, e.Name) {
				s.served = append(s.served, served{e, st})
				s.deps = append(s.deps, e.model)
				added = true
			}
		}
		if added {
			s.stores = append(s.stores, st)
			s.deps = append(s.deps, st)
		}
	}
	s.depth = 3 // itself, its first store, the store's kit
	if s.li > 0 {
		nlower := r.IntN(3)
		for tries := 0; len(s.lower) < nlower && tries < 4; tries++ {
			// Half the picks are hubs, half recent services, whose chains
			// are the deepest: chain depths then spread over 3..maxRelayDepth.
			i := skewed(r, s.li)
			if r.IntN(2) == 0 {
				i = s.li - 1 - r.IntN(min(s.li, 6))
			}
			lo := p.byLayer[layerService][i]
			if !slices.Contains(s.lower, lo) {
				s.lower = append(s.lower, lo)
				s.deps = append(s.deps, lo)
			}
		}
		for _, lo := range s.lower {
			if 1+lo.depth <= maxRelayDepth && (s.next == nil || lo.depth > s.next.depth) {
				s.next = lo
			}
		}
		if s.next != nil {
			s.depth = 1 + s.next.depth
		}
	}
}

// planAPI gives an API one to three services and one to three of their
// entities to serve.
func (p *plan) planAPI(r *rand.Rand, a *pkg) {
	svcs := p.byLayer[layerService]
	a.kit = p.pickKit(r)
	a.deps = append(a.deps, a.kit)
	n := 1 + r.IntN(3)
	for tries := 0; len(a.served) < n && tries < 8; tries++ {
		s := p.pickFrom(r, svcs, tries, a, layerAPI)
		sv := pick(r, s.served)
		if hasServed(a.served, sv.e.Name) {
			continue
		}
		a.served = append(a.served, served{sv.e, s})
		if !slices.Contains(a.lower, s) {
			a.lower = append(a.lower, s)
		}
		a.deps = append(a.deps, s, sv.e.model)
	}
}
