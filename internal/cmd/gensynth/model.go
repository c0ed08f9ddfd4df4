package main

// Model packages hold the tagged structs everything else passes around:
// each declares two or three entities (a kind of person) with personal
// fields (e-mail, name, phone, IP, postal address) and ordinary ones
// (plan, status, score, timestamps), their sign-up forms, list types with
// closures, a repository interface that store packages implement, and
// sanitizers (masking, fingerprints). Leaks planted here are logs of a
// field the method reads itself.

func (g *gen) modelUnits() ([]unit, string) {
	m := g.q
	v := vars{"M": m.name}
	units := []unit{
		{file: "common.go", must: true, render: func(bool) string { return expand(modelCommon, v) }},
		{file: "common.go", must: true, render: func(bool) string { return expand(modelPage, v) }}, // stores page with it
	}
	for _, e := range m.entities {
		ev := entityVars(e)
		file := lower(e.Name) + ".go"
		units = append(units,
			unit{file: file, must: true, render: func(bool) string { return expand(modelTypes, ev) }},
			unit{file: file, must: true, render: func(bool) string { return expand(modelBuild, ev) }},
			unit{file: file, must: true, rule: "PV101", render: func(planted bool) string {
				line := `log.Printf("{{M}}: rejected {{e}} sign-up for plan %q: bad e-mail address", x.Plan)`
				if planted {
					line = `log.Printf("{{M}}: rejected {{e}} sign-up: bad e-mail address %q", x.{{EMAIL}})` + mark(true, "PV101")
				}
				return expand(modelValidate, ev.with("LOG", expand(line, ev)))
			}},
			unit{file: file, rule: "PV101", render: func(planted bool) string {
				line := `slog.Debug(op, "{{e}}", x.ID, "status", x.Status, "ip", x.{{IP}})`
				if planted {
					line = `slog.Debug(op, "{{e}}", x.ID, "status", x.Status, "email", x.{{EMAIL}})` + mark(true, "PV101")
				}
				return expand(modelTrace, ev.with("LOG", expand(line, ev)))
			}},
			// Lists, methods and Merge are used by the other layers.
			unit{file: file, must: true, render: func(bool) string { return expand(modelList, ev) }},
			unit{file: file, must: true, render: func(bool) string { return expand(modelMethods, ev) }},
			unit{file: file, must: true, render: func(bool) string { return expand(modelMerge, ev) }},
			unit{file: lower(e.Name) + "_stats.go", render: func(bool) string { return expand(modelStats, ev) }},
		)
	}
	doc := "Package " + m.name + " holds the " + m.word + " domain model: the people it knows about\nand the forms they submit." + synthNote(g.p.cfg.Seed)
	return units, doc
}

const modelCommon = `// ErrNotFound is returned by repositories of this model when nothing matches.
var ErrNotFound = errors.New("{{M}}: not found")

// Address is a postal address.
type Address struct {
	Street     string ` + "`json:\"street\" privacy:\"user.contact.address.street\"`" + `
	City       string ` + "`json:\"city\" privacy:\"user.contact.address.city\"`" + `
	PostalCode string ` + "`json:\"postal_code\" privacy:\"user.contact.address.postal_code\"`" + `
	Country    string ` + "`json:\"country\" privacy:\"user.contact.address.country\"`" + `
}

// Lines renders the address for a shipping label.
func (a Address) Lines() []string {
	return []string{a.Street, a.PostalCode + " " + a.City, a.Country}
}

// Empty reports whether no part of the address is set.
func (a Address) Empty() bool {
	return a.Street == "" && a.City == "" && a.PostalCode == "" && a.Country == ""
}

// PaymentCard is a card as the checkout form submits it.
type PaymentCard struct {
	Number   string ` + "`json:\"number\" privacy:\"user.financial.credit_card\"`" + `
	Holder   string ` + "`json:\"holder\" privacy:\"user.name\"`" + `
	ExpMonth int    ` + "`json:\"exp_month\"`" + `
	ExpYear  int    ` + "`json:\"exp_year\"`" + `
	Brand    string ` + "`json:\"brand\"`" + `
}

// String masks the card: the brand and the last four digits only.
//
//privacy:sanitizer
func (c PaymentCard) String() string {
	return c.Brand + " ****" + c.Last4()
}

// Last4 returns the last four digits of the card number.
//
//privacy:sanitizer
func (c PaymentCard) Last4() string {
	if len(c.Number) < 4 {
		return ""
	}
	return c.Number[len(c.Number)-4:]
}

// Expired reports whether the card is past its expiry month at now.
func (c PaymentCard) Expired(now time.Time) bool {
	y, m, _ := now.Date()
	return c.ExpYear < y || (c.ExpYear == y && c.ExpMonth < int(m))
}

// VisitorID identifies a browser across visits: the visitor cookie.
//
//privacy:data user.device.cookie_id
type VisitorID string

// MaskEmail keeps the first letter and the domain of an e-mail address,
// for support screens and logs.
//
//privacy:sanitizer
func MaskEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at < 1 {
		return "***"
	}
	return s[:1] + "***" + s[at:]
}

// Fingerprint is a stable pseudonym of a personal value: it joins
// records without revealing them.
//
//privacy:sanitizer
func Fingerprint(s string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(s))))
	return hex.EncodeToString(sum[:8])
}
`

const modelPage = `// Page is a window on a listing.
type Page struct {
	Offset int ` + "`json:\"offset\"`" + `
	Limit  int ` + "`json:\"limit\"`" + `
}

// Clamp bounds the page to n items and returns the slice bounds.
func (p Page) Clamp(n int) (from, to int) {
	limit := p.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	from = min(max(p.Offset, 0), n)
	to = min(from+limit, n)
	return from, to
}

// Next returns the page after p.
func (p Page) Next() Page {
	return Page{Offset: p.Offset + max(p.Limit, 1), Limit: p.Limit}
}
`

const modelTypes = `// {{E}} is {{ae}} as the {{M}} domain keeps it.
type {{E}} struct {
	ID        int64     ` + "`json:\"id\"`" + `
	AccountID int64     ` + "`json:\"account_id\"`" + `
	{{EMAIL}} string    ` + "`json:\"email\" privacy:\"user.contact.email\"`" + `
	{{FULL}}  string    ` + "`json:\"name\" privacy:\"user.name\"`" + `
	{{PHONE}} string    ` + "`json:\"phone,omitempty\" privacy:\"user.contact.phone_number\"`" + `
	{{IP}}    string    ` + "`json:\"ip,omitempty\" privacy:\"user.device.ip_address\"`" + `
	Address   Address   ` + "`json:\"address\"`" + `
	Plan      string    ` + "`json:\"plan\"`" + `
	Status    string    ` + "`json:\"status\"`" + `
	Score     int       ` + "`json:\"score\"`" + `
	Tags      []string  ` + "`json:\"tags,omitempty\"`" + `
	CreatedAt time.Time ` + "`json:\"created_at\"`" + `
	UpdatedAt time.Time ` + "`json:\"updated_at\"`" + `
}

// {{E}}Signup is the body of the {{e}} sign-up form.
type {{E}}Signup struct {
	{{EMAIL}} string  ` + "`json:\"email\" privacy:\"user.contact.email\"`" + `
	{{FULL}}  string  ` + "`json:\"name\" privacy:\"user.name\"`" + `
	{{PHONE}} string  ` + "`json:\"phone\" privacy:\"user.contact.phone_number\"`" + `
	Password  string  ` + "`json:\"password\" privacy:\"user.authorization.password\"`" + `
	Address   Address ` + "`json:\"address\"`" + `
	Plan      string  ` + "`json:\"plan\"`" + `
}

// {{E}}Event tells other services that {{ae}} changed: ids only.
type {{E}}Event struct {
	Kind    string    ` + "`json:\"kind\"`" + `
	{{E}}ID int64     ` + "`json:\"{{e}}_id\"`" + `
	Plan    string    ` + "`json:\"plan\"`" + `
	At      time.Time ` + "`json:\"at\"`" + `
}

// {{E}}Repository is implemented by the stores that keep {{es}}.
type {{E}}Repository interface {
	Insert(ctx context.Context, x *{{E}}) error
	Get(ctx context.Context, id int64) (*{{E}}, error)
	Delete(ctx context.Context, id int64) error
}

// {{E}}List is a list of {{es}}.
type {{E}}List []{{E}}
`

const modelBuild = `// New{{E}} turns a validated sign-up form into {{ae}}. The password
// is not copied: it is hashed and stored apart.
func (x *{{E}}Signup) New{{E}}(now time.Time) *{{E}} {
	return &{{E}}{
		{{EMAIL}}: strings.ToLower(strings.TrimSpace(x.{{EMAIL}})),
		{{FULL}}:  strings.TrimSpace(x.{{FULL}}),
		{{PHONE}}: x.{{PHONE}},
		Address:   x.Address,
		Plan:      x.Plan,
		Status:    "pending",
		CreatedAt: now,
		UpdatedAt: now,
	}
}

// Event describes a change of x for other services.
func (x *{{E}}) Event(kind string, now time.Time) {{E}}Event {
	return {{E}}Event{Kind: kind, {{E}}ID: x.ID, Plan: x.Plan, At: now}
}
`

const modelValidate = `// Errors of {{E}}Signup.Validate. They never quote the submitted values.
var (
	Err{{E}}Email    = errors.New("{{M}}: {{e}} e-mail address is invalid")
	Err{{E}}Name     = errors.New("{{M}}: {{e}} name is required")
	Err{{E}}Password = errors.New("{{M}}: password must have at least 12 characters")
)

// Validate checks a sign-up form and fills in defaults.
func (x *{{E}}Signup) Validate() error {
	if !strings.Contains(x.{{EMAIL}}, "@") || strings.ContainsAny(x.{{EMAIL}}, " \t\n") {
		{{LOG}}
		return Err{{E}}Email
	}
	if strings.TrimSpace(x.{{FULL}}) == "" {
		return Err{{E}}Name
	}
	if len(x.Password) < 12 {
		return Err{{E}}Password
	}
	if x.Plan == "" {
		x.Plan = "free"
	}
	return nil
}
`

const modelTrace = `// Trace logs a state change of x at debug level: ids and the client
// address only, which the statement allows in logs.
func (x *{{E}}) Trace(op string) {
	if x == nil {
		slog.Debug(op, "{{e}}", "none")
		return
	}
	{{LOG}}
}
`

const modelList = `// Filter returns the {{es}} keep accepts.
func (l {{E}}List) Filter(keep func(*{{E}}) bool) {{E}}List {
	var out {{E}}List
	for i := range l {
		if keep(&l[i]) {
			out = append(out, l[i])
		}
	}
	return out
}

// IDs returns the ids of the list, in order.
func (l {{E}}List) IDs() []int64 {
	ids := make([]int64, 0, len(l))
	for _, x := range l {
		ids = append(ids, x.ID)
	}
	return ids
}

// ByPlan groups the list by plan.
func (l {{E}}List) ByPlan() map[string]{{E}}List {
	out := make(map[string]{{E}}List)
	for _, x := range l {
		out[x.Plan] = append(out[x.Plan], x)
	}
	return out
}

// Active returns the {{es}} whose status is active.
func (l {{E}}List) Active() {{E}}List {
	return l.Filter(func(x *{{E}}) bool { return x.Status == "active" })
}

// SortByScore sorts the list, best first, then by id.
func (l {{E}}List) SortByScore() {
	sort.Slice(l, func(i, j int) bool {
		if l[i].Score != l[j].Score {
			return l[i].Score > l[j].Score
		}
		return l[i].ID < l[j].ID
	})
}
`

const modelMethods = `// Key is the cache and lock key of x.
func (x *{{E}}) Key() string {
	return "{{M}}:{{e}}:" + strconv.FormatInt(x.ID, 10)
}

// Summary describes x without personal data, for dashboards.
func (x *{{E}}) Summary() string {
	return fmt.Sprintf("{{e}} %d (%s, %s, score %d)", x.ID, x.Plan, x.Status, x.Score)
}

// Contact is the "Name <address>" form of x, for mail headers.
func (x *{{E}}) Contact() string {
	return x.{{FULL}} + " <" + x.{{EMAIL}} + ">"
}

// Changes names the fields that differ between x and y.
func (x *{{E}}) Changes(y *{{E}}) []string {
	var out []string
	if x.{{EMAIL}} != y.{{EMAIL}} {
		out = append(out, "email")
	}
	if x.{{FULL}} != y.{{FULL}} {
		out = append(out, "name")
	}
	if x.{{PHONE}} != y.{{PHONE}} {
		out = append(out, "phone")
	}
	if x.Address != y.Address {
		out = append(out, "address")
	}
	if x.Plan != y.Plan {
		out = append(out, "plan")
	}
	if x.Status != y.Status {
		out = append(out, "status")
	}
	return out
}
`

const modelMerge = `// Merge copies the fields set in y over x, as a PATCH request does.
func (x *{{E}}) Merge(y *{{E}}, now time.Time) {
	if y.{{EMAIL}} != "" {
		x.{{EMAIL}} = y.{{EMAIL}}
	}
	if y.{{FULL}} != "" {
		x.{{FULL}} = y.{{FULL}}
	}
	if y.{{PHONE}} != "" {
		x.{{PHONE}} = y.{{PHONE}}
	}
	if !y.Address.Empty() {
		x.Address = y.Address
	}
	if y.Plan != "" {
		x.Plan = y.Plan
	}
	if len(y.Tags) > 0 {
		x.Tags = append(x.Tags[:0:0], y.Tags...)
	}
	x.UpdatedAt = now
}
`

const modelStats = `// {{E}}Stats summarises a list of {{es}} for the operations dashboard.
type {{E}}Stats struct {
	Total    int            ` + "`json:\"total\"`" + `
	ByStatus map[string]int ` + "`json:\"by_status\"`" + `
	ByPlan   map[string]int ` + "`json:\"by_plan\"`" + `
	MeanScore float64       ` + "`json:\"mean_score\"`" + `
	Newest   time.Time      ` + "`json:\"newest\"`" + `
}

// Stats computes the statistics of l.
func (l {{E}}List) Stats() {{E}}Stats {
	st := {{E}}Stats{ByStatus: make(map[string]int), ByPlan: make(map[string]int)}
	total := 0
	for _, x := range l {
		st.Total++
		st.ByStatus[x.Status]++
		st.ByPlan[x.Plan]++
		total += x.Score
		if x.CreatedAt.After(st.Newest) {
			st.Newest = x.CreatedAt
		}
	}
	if st.Total > 0 {
		st.MeanScore = float64(total) / float64(st.Total)
	}
	return st
}

// TopPlans returns the n plans with the most {{es}}, most first.
func (st {{E}}Stats) TopPlans(n int) []string {
	plans := make([]string, 0, len(st.ByPlan))
	for plan := range st.ByPlan {
		plans = append(plans, plan)
	}
	sort.Slice(plans, func(i, j int) bool {
		if st.ByPlan[plans[i]] != st.ByPlan[plans[j]] {
			return st.ByPlan[plans[i]] > st.ByPlan[plans[j]]
		}
		return plans[i] < plans[j]
	})
	if len(plans) > n {
		plans = plans[:n]
	}
	return plans
}
`
