package main

import "strings"

// Service packages hold the business logic: sign-up (validation, password
// hashing, storage), transactional and promotional mail (the promotional
// sends are //privacy:purpose marketing.communications.email, guarded by
// the kit's consent check, or left to their callers to guard), payments
// over https, legacy refunds over http://, analytics, a session cache,
// concurrent imports, segmentation with maps and closures, calls into
// lower services, and two relay chains (Forward to the audit log,
// ShareNote to the partner hook) that cross up to maxRelayDepth packages.
// Leaks planted here: an error that quotes an e-mail address logged, a
// phone number to the partner (PV201 through the kit) or to an unknown
// enrichment API, a phone number to the mailer and an e-mail address to
// analytics (PV202), e-mail addresses in a sale (PV203), an IP cached
// forever (PV401), a card number over http:// (PV501).

func (g *gen) serviceUnits() ([]unit, string) {
	s := g.q
	v := vars{"S": s.name, "K": s.kit.name}
	var fields, inits strings.Builder
	for _, sv := range s.served {
		ev := entityVars(sv.e).with("ST", sv.via.name)
		fields.WriteString(expand("\t{{es}} *{{ST}}.{{E}}Repo\n", ev))
		inits.WriteString(expand("\t\t{{es}}: {{ST}}.New{{E}}Repo(db),\n", ev))
	}
	for _, lo := range s.lower {
		fields.WriteString("\t" + lo.name + " *" + lo.name + ".Service\n")
		inits.WriteString("\t\t" + lo.name + ": " + lo.name + ".New(db),\n")
	}
	v["FIELDS"], v["INITS"] = fields.String(), inits.String()
	if s.next != nil {
		v["FORWARD"] = expand(`s.{{N}}.Forward("{{S}}."+action, subject)`, v.with("N", s.next.name))
		v["SHARE"] = expand(`s.{{N}}.ShareNote(ctx, id, "{{S}}: "+note)`, v.with("N", s.next.name))
	} else {
		v["FORWARD"] = expand(`{{ST}}.Note("{{S}}."+action, subject)`, v.with("ST", s.stores[0].name))
		v["SHARE"] = "s.kit.Partner.Note(ctx, id, note)"
	}
	units := []unit{
		{file: s.name + ".go", must: true, render: func(bool) string { return expand(serviceNew, v) }},
	}
	for _, sv := range s.served {
		ev := entityVars(sv.e).with("S", s.name, "K", s.kit.name, "ST", sv.via.name)
		file := lower(sv.e.Name) + ".go"
		mail := lower(sv.e.Name) + "_mail.go"
		pay := lower(sv.e.Name) + "_pay.go"
		planted := func(tmpl, rule, clean, leak string, extra ...string) func(bool) string {
			return func(p bool) string {
				x := clean
				if p {
					x = leak
				}
				return expand(tmpl, ev.with(append([]string{"X", expand(x, ev), "MARK", mark(p, rule)}, extra...)...))
			}
		}
		units = append(units,
			unit{file: file, must: true, render: func(bool) string { return expand(serviceRegister, ev) }},
			unit{file: mail, must: true, rule: "PV202", render: planted(serviceWelcome, "PV202",
				`// The plan decides which onboarding series follows.`,
				`msg.Vars["callback"] = x.{{PHONE}}`)},
			unit{file: mail, must: true, render: func(bool) string { return expand(serviceBlast, ev) }},
			unit{file: mail, render: func(bool) string { return expand(serviceDigest, ev) }},
			unit{file: file, must: true, rule: "PV202", render: planted(serviceTrack, "PV202",
				`"plan": x.Plan,`,
				`"plan": x.Plan, "email": x.{{EMAIL}},`)},
			unit{file: pay, must: true, render: func(bool) string { return expand(serviceCharge, ev) }},
			unit{file: pay, rule: "PV501", render: planted(serviceRefund, "PV501",
				`"last4": card.Last4(),`,
				`"card": card.Number,`)},
			unit{file: file, must: true, render: func(bool) string { return expand(serviceSegment, ev) }},
			unit{file: file, rule: "PV101", render: planted(serviceReconcile, "PV101",
				`slog.Warn("{{S}}: e-mail lookup failed", "{{e}}", x.ID)`,
				`slog.Warn("{{S}}: e-mail lookup failed", "err", err)`)},
			unit{file: file, rule: "PV201", render: planted(serviceEscalate, "PV201",
				`"status " + x.Status + ": " + reason`,
				`"call " + x.{{PHONE}} + ": " + reason`)},
			unit{file: file, rule: "PV201", render: planted(serviceEnrich, "PV201",
				`"plan": x.Plan, "status": x.Status,`,
				`"plan": x.Plan, "email": x.{{EMAIL}},`)},
			unit{file: file, rule: "PV401", render: func(p bool) string {
				// Two ways to break a 90-day limit: no expiry, or a year.
				ttl := pick(g.r, []string{"0", "365 * 24 * time.Hour"})
				return planted(serviceRemember, "PV401", `30 * 24 * time.Hour`, ttl)(p)
			}},
			unit{file: file, rule: "PV101", render: planted(serviceBlocked, "PV101",
				`log.Printf("{{S}}: {{e}} %d is blocked", x.ID)`,
				`log.Printf("{{S}}: {{e}} %d (%s) is blocked", x.ID, x.{{EMAIL}})`)},
			// Clean only: a leak handed on from a goroutine's closure is
			// reported twice, at the call and at the go statement (an
			// engine bug), so none is planted in this shape.
			unit{file: file, render: planted(serviceAsync, "",
				`"{{e}} " + x.Status + " on " + x.Plan`, "")},
			unit{file: lower(sv.e.Name) + "_copy.go", render: func(bool) string { return expand(serviceCopy, ev) }},
			unit{file: file, rule: "PV203", render: planted(serviceExport, "PV203",
				`// Figures only: the partner buys no contact data.`,
				`for _, x := range list {
		figures[x.{{EMAIL}}] = x.Score
	}`)},
			unit{file: file, render: func(bool) string { return expand(serviceImport, ev) }},
		)
		if len(s.lower) > 0 {
			lo := s.lower[g.r.IntN(len(s.lower))]
			lv := ev.with("L", lo.name, "E2", lo.served[0].e.Name)
			units = append(units, unit{file: file, render: func(bool) string { return expand(serviceLink, lv) }})
		}
	}
	doc := "Package " + s.name + " is the " + strings.TrimSuffix(s.word, "svc") + " service." + synthNote(g.p.cfg.Seed)
	return units, doc
}

const serviceNew = `// Service is the business logic over the stores; its zero value is not
// usable, call New.
type Service struct {
	kit *{{K}}.Kit
{{FIELDS}}	now func() time.Time
}

// New wires a service to db.
func New(db *sql.DB) *Service {
	return &Service{
		kit: {{K}}.New(),
{{INITS}}		now: time.Now,
	}
}

// Forward records an action in the audit trail, through the services
// this one builds on. subject names the record.
func (s *Service) Forward(action, subject string) {
	{{FORWARD}}
}

// ShareNote tells the CRM partner about record id.
func (s *Service) ShareNote(ctx context.Context, id int64, note string) error {
	return {{SHARE}}
}
`

const serviceRegister = `// Get{{E}} returns the {{e}} with the given id.
func (s *Service) Get{{E}}(ctx context.Context, id int64) (*{{M}}.{{E}}, error) {
	x, err := s.{{es}}.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("{{S}}: {{e}} %d: %w", id, err)
	}
	return x, nil
}

// Register{{E}} signs {{ae}} up: it validates the form, stores the
// {{e}} and the hash of the password.
func (s *Service) Register{{E}}(ctx context.Context, req {{M}}.{{E}}Signup) (*{{M}}.{{E}}, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	x := req.New{{E}}(s.now())
	if err := s.{{es}}.Insert(ctx, x); err != nil {
		return nil, fmt.Errorf("{{S}}: register {{e}}: %w", err)
	}
	sum := sha256.Sum256([]byte(req.Password))
	if err := s.{{es}}.SaveCredentials(ctx, x.ID, hex.EncodeToString(sum[:])); err != nil {
		return nil, fmt.Errorf("{{S}}: credentials of {{e}} %d: %w", x.ID, err)
	}
	s.Forward("{{e}}.registered", strconv.FormatInt(x.ID, 10))
	slog.Info("{{e}} registered", "id", x.ID, "plan", x.Plan, "email", {{M}}.MaskEmail(x.{{EMAIL}}))
	return x, nil
}
`

const serviceWelcome = `// Welcome{{E}} mails the welcome message. It is a notice about the
// service, which needs no consent.
//
//privacy:purpose essential.service.notifications
func (s *Service) Welcome{{E}}(ctx context.Context, x *{{M}}.{{E}}) error {
	msg := {{K}}.Message{
		To:       {{K}}.Address{Email: x.{{EMAIL}}, Name: x.{{FULL}}},
		Template: "{{e}}-welcome",
		Vars:     map[string]string{"plan": x.Plan},
	}
	{{X}}
	return s.kit.Mail.Send(ctx, msg){{MARK}}
}
`

const serviceBlast = `// Blast{{E}} mails a promotional campaign to x. It does not check the
// opt-out: callers must.
//
//privacy:purpose marketing.communications.email
func (s *Service) Blast{{E}}(ctx context.Context, x *{{M}}.{{E}}, campaign string) error {
	return s.kit.Mail.Send(ctx, {{K}}.Message{
		To:       {{K}}.Address{Email: x.{{EMAIL}}, Name: x.{{FULL}}},
		Template: "promo-" + campaign,
		Tags:     []string{"campaign:" + campaign},
	})
}
`

const serviceDigest = `// Digest{{Es}} mails the monthly digest to the {{es}} on plan who did not
// opt out, and returns how many were sent.
//
//privacy:purpose marketing.communications.email
func (s *Service) Digest{{Es}}(ctx context.Context, plan string) (int, error) {
	list, err := s.{{es}}.ListByPlan(ctx, plan)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, x := range list.Active() {
		if !s.kit.Prefs.PromoAllowed(x.ID) {
			continue
		}
		msg := {{K}}.Message{
			To:       {{K}}.Address{Email: x.{{EMAIL}}, Name: x.{{FULL}}},
			Template: "{{e}}-digest",
			Vars:     map[string]string{"plan": x.Plan, "score": strconv.Itoa(x.Score)},
		}
		if err := s.kit.Mail.Send(ctx, msg); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}
`

const serviceTrack = `// Track{{E}}Visit reports a page view of x's profile to the analytics
// collector: the visitor cookie and the address are what it may receive.
func (s *Service) Track{{E}}Visit(ctx context.Context, x *{{M}}.{{E}}, vid {{M}}.VisitorID, ip, path string) error {
	if err := s.{{es}}.RecordVisit(ctx, x.ID, vid, ip); err != nil {
		slog.Warn("{{S}}: visit not recorded", "{{e}}", x.ID, "ip", ip)
	}
	ev := {{K}}.Event{
		Visitor: string(vid),
		IP:      ip,
		Path:    path,
		Props: map[string]string{
			{{X}}
		},
		At: s.now(),
	}
	return s.kit.Analytics.Track(ctx, ev){{MARK}}
}
`

const serviceCharge = `// Charge{{E}} charges x's card and returns the processor's reference.
//
//privacy:purpose essential.service.payment_processing
func (s *Service) Charge{{E}}(ctx context.Context, x *{{M}}.{{E}}, card {{M}}.PaymentCard, cents int64) (string, error) {
	if card.Expired(s.now()) {
		return "", errors.New("{{S}}: card expired")
	}
	req := {{K}}.ChargeRequest{
		Card:        card.Number,
		Holder:      card.Holder,
		Email:       x.{{EMAIL}},
		AmountCents: cents,
		Currency:    "EUR",
		Reference:   "{{e}}-" + strconv.FormatInt(x.ID, 10),
	}
	ref, err := s.kit.Pay.Charge(ctx, req)
	if err != nil {
		return "", fmt.Errorf("{{S}}: charge {{e}} %d: %w", x.ID, err)
	}
	log.Printf("{{S}}: charged {{e}} %d %d cents on card ending %s", x.ID, cents, card.Last4())
	return ref, nil
}
`

const serviceRefund = `// Refund{{E}} pays an invoice back through the processor's v0 API.
//
//privacy:purpose essential.service.payment_processing
func (s *Service) Refund{{E}}(ctx context.Context, x *{{M}}.{{E}}, card {{M}}.PaymentCard, invoice string, cents int64) error {
	body, err := json.Marshal(map[string]any{
		"invoice": invoice,
		"amount":  cents,
		{{X}}
	})
	if err != nil {
		return err
	}
	if err := s.kit.Pay.RefundLegacy(ctx, body); err != nil {{{MARK}}
		return fmt.Errorf("{{S}}: refund {{e}} %d: %w", x.ID, err)
	}
	return nil
}
`

const serviceSegment = `// Segment{{Es}} splits the active {{es}} on plan by their own plan
// changes and keeps the n best of each group, for the account managers.
func (s *Service) Segment{{Es}}(ctx context.Context, plan string, n int) (map[string][]int64, error) {
	list, err := s.{{es}}.ListByPlan(ctx, plan)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]int64)
	for p, group := range list.Active().ByPlan() {
		group.SortByScore()
		if len(group) > n {
			group = group[:n]
		}
		out[p] = group.IDs()
	}
	slog.Info("{{S}}: segmented {{es}}", "plan", plan, "groups", len(out), "total", len(list))
	return out, nil
}
`

const serviceReconcile = `// Reconcile{{E}} checks that x is still the record on file and logs
// what drifted.
func (s *Service) Reconcile{{E}}(ctx context.Context, x *{{M}}.{{E}}) bool {
	cur, err := s.{{es}}.Get(ctx, x.ID)
	if err != nil {
		slog.Warn("{{S}}: reconcile failed", "{{e}}", x.ID, "err", err)
		return false
	}
	if _, err := s.{{es}}.FindByEmail(ctx, x.{{EMAIL}}); err != nil {
		{{X}}{{MARK}}
		return false
	}
	changed := cur.Changes(x)
	if len(changed) > 0 {
		slog.Info("{{S}}: {{e}} drifted", "{{e}}", x.ID, "fields", strings.Join(changed, ","))
	}
	return len(changed) == 0
}
`

const serviceEscalate = `// Escalate{{E}} asks the CRM partner to call x back.
func (s *Service) Escalate{{E}}(ctx context.Context, x *{{M}}.{{E}}, reason string) error {
	note := {{X}}
	if err := s.kit.Partner.Note(ctx, x.ID, note); err != nil {{{MARK}}
		return fmt.Errorf("{{S}}: escalate {{e}} %d: %w", x.ID, err)
	}
	s.Forward("{{e}}.escalated", strconv.FormatInt(x.ID, 10))
	return nil
}
`

const serviceEnrich = `const enrich{{E}}URL = "https://api.enrich.example/v1/segments"

// Enrich{{E}} asks the enrichment API which market segment x's plan
// belongs to.
func (s *Service) Enrich{{E}}(ctx context.Context, x *{{M}}.{{E}}) (string, error) {
	body, err := json.Marshal(map[string]string{
		{{X}}
	})
	if err != nil {
		return "", err
	}
	resp, err := http.Post(enrich{{E}}URL, "application/json", bytes.NewReader(body)){{MARK}}
	if err != nil {
		return "", errors.New("{{S}}: enrichment unavailable")
	}
	defer resp.Body.Close()
	var out struct {
		Segment string ` + "`json:\"segment\"`" + `
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	return out.Segment, nil
}
`

const serviceRemember = `// Remember{{E}} caches x's session address for the fraud checks; a
// long-lived login keeps it longer.
func (s *Service) Remember{{E}}(x *{{M}}.{{E}}, longLived bool) {
	if longLived {
		s.kit.Cache.Put("sess:"+x.Key(), x.{{IP}}, {{X}}){{MARK}}
		return
	}
	s.kit.Cache.Put("sess:"+x.Key(), x.{{IP}}, 12*time.Hour)
}
`

const serviceExport = `// Export{{E}}Figures sells the partner the size of each plan.
//
//privacy:purpose third_party_sharing.sale
func (s *Service) Export{{E}}Figures(ctx context.Context, plan string) error {
	list, err := s.{{es}}.ListByPlan(ctx, plan)
	if err != nil {
		return err
	}
	// Keyed by the plan field itself: a key taken from a grouping map
	// would carry every field of the grouped records.
	figures := make(map[string]int)
	for _, x := range list {
		figures[x.Plan]++
	}
	{{X}}
	return s.kit.Partner.Stats(ctx, figures){{MARK}}
}
`

const serviceImport = `// Import{{Es}} stores a batch of {{es}} concurrently, four at a time, and
// returns how many failed.
func (s *Service) Import{{Es}}(ctx context.Context, list {{M}}.{{E}}List) int {
	sem := make(chan struct{}, 4)
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed []int64
	)
	for i := range list {
		wg.Add(1)
		sem <- struct{}{}
		go func(x *{{M}}.{{E}}) {
			defer wg.Done()
			defer func() { <-sem }()
			if err := s.{{es}}.Insert(ctx, x); err != nil {
				mu.Lock()
				failed = append(failed, x.ID)
				mu.Unlock()
			}
		}(&list[i])
	}
	wg.Wait()
	if len(failed) > 0 {
		slog.Warn("{{S}}: import incomplete", "failed", len(failed), "first", failed[0])
	}
	s.Forward("{{e}}.imported", strconv.Itoa(len(list)-len(failed)))
	return len(failed)
}
`

const serviceLink = `// Link{{E}} checks that x's account is known to the {{L}} service and
// flags the {{e}} when it is closed there.
func (s *Service) Link{{E}}(ctx context.Context, x *{{M}}.{{E}}) error {
	other, err := s.{{L}}.Get{{E2}}(ctx, x.AccountID)
	if err != nil {
		return fmt.Errorf("{{S}}: link {{e}} %d: %w", x.ID, err)
	}
	if other.Status == "closed" {
		s.Forward("{{e}}.orphaned", strconv.FormatInt(x.ID, 10))
		return errors.New("{{S}}: account closed")
	}
	return nil
}
`

const serviceBlocked = `// Blocked{{Es}} returns the {{es}} on plan whose account is blocked,
// logging each for the trust and safety team.
func (s *Service) Blocked{{Es}}(ctx context.Context, plan string) ({{M}}.{{E}}List, error) {
	list, err := s.{{es}}.ListByPlan(ctx, plan)
	if err != nil {
		return nil, err
	}
	return list.Filter(func(x *{{M}}.{{E}}) bool {
		if x.Status != "blocked" {
			return false
		}
		{{X}}{{MARK}}
		return true
	}), nil
}
`

const serviceAsync = `// Announce{{E}}PlanChange tells the CRM partner about a plan change
// without making the caller wait for it.
func (s *Service) Announce{{E}}PlanChange(ctx context.Context, x *{{M}}.{{E}}) {
	ctx = context.WithoutCancel(ctx)
	go func() {
		if err := s.kit.Partner.Note(ctx, x.ID, {{X}}); err != nil {{{MARK}}
			slog.Warn("{{S}}: plan change not announced", "{{e}}", x.ID)
		}
	}()
}
`

const serviceCopy = `// Copy{{E}} moves {{e}} id from one repository to another: both are
// {{M}}.{{E}}Repository, so any store, or a test double, will do.
func Copy{{E}}(ctx context.Context, from, to {{M}}.{{E}}Repository, id int64) error {
	x, err := from.Get(ctx, id)
	if err != nil {
		return err
	}
	if err := to.Insert(ctx, x); err != nil {
		return fmt.Errorf("{{S}}: copy {{e}} %d: %w", id, err)
	}
	return from.Delete(ctx, id)
}

// Rehome{{E}} re-inserts {{e}} id under a new id, which the sharding
// migration needs.
func (s *Service) Rehome{{E}}(ctx context.Context, id int64) error {
	var repo {{M}}.{{E}}Repository = s.{{es}}
	return Copy{{E}}(ctx, repo, repo, id)
}
`
