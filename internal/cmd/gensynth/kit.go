package main

// Platform kits are the shared infrastructure every other layer reaches
// the outside world through: the audit log (a //privacy:sink log), the
// mail provider (a //privacy:sink thirdparty mailer), the payment
// processor (https, and a legacy http:// refund API), a partner web hook
// (no declared recipient), the analytics collector, a TTL cache (a
// //privacy:sink store with an expiry), the consent preferences and
// RealIP (a //privacy:source). Each kit after the first builds on the one
// before it. Leaks planted here are debug logs of a field of the request
// a client sends.

func (g *gen) kitUnits() ([]unit, string) {
	k := g.q
	v := vars{"K": k.name}
	if k.li > 0 {
		v["BACKOFF"] = expand("{{P}}.Backoff(attempt) + time.Duration(attempt)*25*time.Millisecond", vars{"P": g.p.byLayer[layerKit][k.li-1].name})
	} else {
		v["BACKOFF"] = "min(100*time.Millisecond<<attempt, 5*time.Second)"
	}
	units := []unit{
		{file: k.name + ".go", must: true, render: func(bool) string { return expand(kitNew, v) }},
		{file: "audit.go", must: true, render: func(bool) string { return expand(kitAudit, v) }},
		{file: "mail.go", must: true, rule: "PV101", render: func(planted bool) string {
			line := `log.Printf("{{K}}: mail %q with %d vars", msg.Template, len(msg.Vars))`
			if planted {
				line = `log.Printf("{{K}}: mail %q to %s", msg.Template, msg.To.Email)` + mark(true, "PV101")
			}
			return expand(kitMail, v.with("LOG", expand(line, v)))
		}},
		{file: "pay.go", must: true, rule: "PV101", render: func(planted bool) string {
			line := `log.Printf("{{K}}: charging %d %s, reference %s", req.AmountCents, req.Currency, req.Reference)`
			if planted {
				line = `log.Printf("{{K}}: charging %d %s for %s", req.AmountCents, req.Currency, req.Holder)` + mark(true, "PV101")
			}
			return expand(kitPay, v.with("LOG", expand(line, v)))
		}},
		{file: "partner.go", must: true, render: func(bool) string { return expand(kitPartner, v) }},
		{file: "analytics.go", must: true, rule: "PV101", render: func(planted bool) string {
			line := `log.Printf("{{K}}: track %s from %s", ev.Path, ev.IP)`
			if planted {
				line = `log.Printf("{{K}}: track %s for visitor %s", ev.Path, ev.Visitor)` + mark(true, "PV101")
			}
			return expand(kitAnalytics, v.with("LOG", expand(line, v)))
		}},
		{file: "cache.go", must: true, render: func(bool) string { return expand(kitCache, v) }},
		{file: "consent.go", must: true, render: func(bool) string { return expand(kitConsent, v) }},
		{file: "retry.go", must: true, render: func(bool) string { return expand(kitRetry, v) }},
		{file: "retry.go", render: func(bool) string { return expand(kitLimiter, v) }},
		{file: "audit.go", render: func(bool) string { return expand(kitCounter, v) }},
	}
	doc := "Package " + k.name + " is the platform kit: the clients through which the services\nreach the audit log, the mail provider, the payment processor, partners and\nthe analytics collector, with the cache and the consent preferences." + synthNote(g.p.cfg.Seed)
	return units, doc
}

const kitNew = `// Kit bundles the platform clients a service needs.
type Kit struct {
	Mail      *Mailer
	Pay       *Payments
	Partner   *Partner
	Analytics *Analytics
	Cache     *Cache
	Prefs     *Prefs
}

// New returns a kit with the production endpoints and timeouts; the API
// keys come from the environment.
func New() *Kit {
	client := &http.Client{Timeout: 10 * time.Second}
	return &Kit{
		Mail:      &Mailer{http: client, key: os.Getenv("MAILER_KEY")},
		Pay:       &Payments{http: client, key: os.Getenv("PAYMENTS_KEY")},
		Partner:   &Partner{http: client},
		Analytics: &Analytics{http: client},
		Cache:     NewCache(),
		Prefs:     NewPrefs(),
	}
}
`

const kitAudit = `var (
	auditMu  sync.Mutex
	auditLog = slog.New(slog.NewJSONHandler(os.Stderr, nil)).With("stream", "audit")
)

// SetAuditOutput redirects the audit trail (tests, local runs).
func SetAuditOutput(w io.Writer) {
	auditMu.Lock()
	defer auditMu.Unlock()
	auditLog = slog.New(slog.NewJSONHandler(w, nil)).With("stream", "audit")
}

// Record appends one entry to the audit trail. subject names the record
// the action was about.
//
//privacy:sink log
func Record(action, subject string) {
	auditMu.Lock()
	l := auditLog
	auditMu.Unlock()
	l.Info("audit", "action", action, "subject", subject)
}
`

const kitCounter = `// Counter counts events for the metrics endpoint.
type Counter struct {
	mu sync.Mutex
	n  map[string]int64
}

// Inc adds one to the named counter.
func (c *Counter) Inc(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = make(map[string]int64)
	}
	c.n[name]++
}

// Snapshot returns a copy of the counters.
func (c *Counter) Snapshot() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int64, len(c.n))
	for name, v := range c.n {
		out[name] = v
	}
	return out
}
`

const kitMail = `const mailEndpoint = "https://api.mailer.example/v3/messages"

// ErrRejected is returned when the mail provider refuses a message.
var ErrRejected = errors.New("{{K}}: message rejected")

// Address is one mail recipient.
type Address struct {
	Email string ` + "`json:\"email\" privacy:\"user.contact.email\"`" + `
	Name  string ` + "`json:\"name,omitempty\" privacy:\"user.name\"`" + `
}

// Message is one mail, rendered by the provider from Template and Vars.
type Message struct {
	To       Address           ` + "`json:\"to\"`" + `
	Template string            ` + "`json:\"template\"`" + `
	Vars     map[string]string ` + "`json:\"vars,omitempty\"`" + `
	Tags     []string          ` + "`json:\"tags,omitempty\"`" + `
}

// Mailer is the client of the mail delivery provider.
type Mailer struct {
	http *http.Client
	key  string
}

// Send hands one message to the provider for delivery.
//
//privacy:sink thirdparty mailer
func (m *Mailer) Send(ctx context.Context, msg Message) error {
	{{LOG}}
	body, err := json.Marshal(msg)
	if err != nil {
		return fmt.Errorf("{{K}}: encode mail: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, mailEndpoint, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("{{K}}: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+m.key)
	resp, err := m.http.Do(req)
	if err != nil {
		return errors.New("{{K}}: mail provider unreachable")
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%w: status %d", ErrRejected, resp.StatusCode)
	}
	return nil
}
`

const kitPay = `const (
	chargeURL = "https://api.payments.example/v2/charges"
	// legacyRefundURL is the processor's v0 refund API, reached over the
	// site-to-site VPN from the old data centre.
	legacyRefundURL = "http://api.payments.example/v0/refunds"
)

// ErrDeclined is returned when the processor declines a charge.
var ErrDeclined = errors.New("{{K}}: payment declined")

// ChargeRequest is what the payment processor needs to charge a card.
type ChargeRequest struct {
	Card        string ` + "`json:\"card\" privacy:\"user.financial.credit_card\"`" + `
	Holder      string ` + "`json:\"holder\" privacy:\"user.name\"`" + `
	Email       string ` + "`json:\"receipt_email,omitempty\" privacy:\"user.contact.email\"`" + `
	AmountCents int64  ` + "`json:\"amount\"`" + `
	Currency    string ` + "`json:\"currency\"`" + `
	Reference   string ` + "`json:\"reference\"`" + `
}

// Payments is the payment processor's client.
type Payments struct {
	http *http.Client
	key  string
}

// Charge charges a card and returns the processor's reference.
func (p *Payments) Charge(ctx context.Context, req ChargeRequest) (string, error) {
	{{LOG}}
	body, err := json.Marshal(req)
	if err != nil {
		return "", err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.SetBasicAuth(p.key, "")
	resp, err := p.http.Do(hreq)
	if err != nil {
		return "", errors.New("{{K}}: processor unreachable")
	}
	defer resp.Body.Close()
	var res struct {
		ID     string ` + "`json:\"id\"`" + `
		Status string ` + "`json:\"status\"`" + `
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return "", fmt.Errorf("{{K}}: processor response: %w", err)
	}
	if res.Status != "succeeded" {
		return "", ErrDeclined
	}
	return res.ID, nil
}

// RefundLegacy posts a refund to the processor's v0 API; body is the
// JSON that API takes.
func (p *Payments) RefundLegacy(ctx context.Context, body []byte) error {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, legacyRefundURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.SetBasicAuth(p.key, "")
	resp, err := p.http.Do(hreq)
	if err != nil {
		return errors.New("{{K}}: processor unreachable")
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("{{K}}: refund: status %d", resp.StatusCode)
	}
	return nil
}
`

const kitPartner = `const partnerHook = "https://hooks.partner.example/v1/notes"

// Partner is the client of the CRM partner's web hook. The partner is not
// one of the service providers the statement names: it may receive ids
// and figures, never personal data.
type Partner struct {
	http *http.Client
}

// Note posts a free-text note about record id.
func (p *Partner) Note(ctx context.Context, id int64, note string) error {
	body, err := json.Marshal(map[string]any{"id": id, "note": note})
	if err != nil {
		return err
	}
	resp, err := p.http.Post(partnerHook, "application/json", bytes.NewReader(body))
	if err != nil {
		return errors.New("{{K}}: partner unreachable")
	}
	return resp.Body.Close()
}

// Stats posts aggregate figures.
func (p *Partner) Stats(ctx context.Context, figures map[string]int) error {
	body, err := json.Marshal(map[string]any{"figures": figures, "at": time.Now().UTC()})
	if err != nil {
		return err
	}
	resp, err := p.http.Post(partnerHook+"?kind=stats", "application/json", bytes.NewReader(body))
	if err != nil {
		return errors.New("{{K}}: partner unreachable")
	}
	return resp.Body.Close()
}
`

const kitAnalytics = `const analyticsURL = "https://collect.analytics.example/v1/events"

// Event is one page view as the analytics collector takes it.
type Event struct {
	Visitor string            ` + "`json:\"vid\" privacy:\"user.device.cookie_id\"`" + `
	IP      string            ` + "`json:\"ip\" privacy:\"user.device.ip_address\"`" + `
	Path    string            ` + "`json:\"path\"`" + `
	Props   map[string]string ` + "`json:\"props,omitempty\"`" + `
	At      time.Time         ` + "`json:\"at\"`" + `
}

// Analytics is the client of the analytics collector.
type Analytics struct {
	http *http.Client
}

// Track sends one event.
func (a *Analytics) Track(ctx context.Context, ev Event) error {
	{{LOG}}
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, analyticsURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.http.Do(req)
	if err != nil {
		return errors.New("{{K}}: collector unreachable")
	}
	return resp.Body.Close()
}
`

const kitCache = `type cacheEntry struct {
	v       any
	expires time.Time // zero: never
}

// Cache is an in-memory cache with a time to live per entry.
type Cache struct {
	mu sync.Mutex
	m  map[string]cacheEntry
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{m: make(map[string]cacheEntry)}
}

// Put stores v under key for ttl; a ttl of 0 keeps it until it is deleted.
//
//privacy:sink store
func (c *Cache) Put(key string, v any, ttl time.Duration) {
	var expires time.Time
	if ttl > 0 {
		expires = time.Now().Add(ttl)
	}
	c.mu.Lock()
	c.m[key] = cacheEntry{v: v, expires: expires}
	c.mu.Unlock()
}

// Get returns the live entry under key.
func (c *Cache) Get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ent, ok := c.m[key]
	if !ok || (!ent.expires.IsZero() && time.Now().After(ent.expires)) {
		return nil, false
	}
	return ent.v, true
}

// Delete removes key.
func (c *Cache) Delete(key string) {
	c.mu.Lock()
	delete(c.m, key)
	c.mu.Unlock()
}

// Sweep drops expired entries every interval until ctx ends.
func (c *Cache) Sweep(ctx context.Context, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-ticker.C:
			c.mu.Lock()
			for key, ent := range c.m {
				if !ent.expires.IsZero() && now.After(ent.expires) {
					delete(c.m, key)
				}
			}
			c.mu.Unlock()
		}
	}
}
`

const kitConsent = `// Prefs holds the users' marketing preferences.
type Prefs struct {
	mu       sync.RWMutex
	optedOut map[int64]time.Time
}

// NewPrefs returns preferences where nobody opted out yet.
func NewPrefs() *Prefs {
	return &Prefs{optedOut: make(map[int64]time.Time)}
}

// PromoAllowed reports whether promotional mail may go to user id: until
// they opt out (statement section 9).
//
//privacy:consent marketing.communications.email
func (p *Prefs) PromoAllowed(id int64) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	_, out := p.optedOut[id]
	return !out
}

// OptOut records that user id wants no more promotional mail.
func (p *Prefs) OptOut(id int64, now time.Time) {
	p.mu.Lock()
	p.optedOut[id] = now
	p.mu.Unlock()
}

// RealIP returns the client's address, behind the load balancer too.
//
//privacy:source user.device.ip_address
func RealIP(r *http.Request) string {
	if fwd := r.Header.Get("X-Forwarded-For"); fwd != "" {
		first, _, _ := strings.Cut(fwd, ",")
		return strings.TrimSpace(first)
	}
	if i := strings.LastIndexByte(r.RemoteAddr, ':'); i > 0 {
		return strings.Trim(r.RemoteAddr[:i], "[]")
	}
	return r.RemoteAddr
}
`

const kitRetry = `// Retry calls f up to attempts times, backing off between failures,
// until it succeeds or ctx ends.
func Retry(ctx context.Context, attempts int, f func(context.Context) error) error {
	var err error
	for attempt := range attempts {
		if err = f(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(Backoff(attempt)):
		}
	}
	return err
}

// Backoff is the pause before retry number attempt.
func Backoff(attempt int) time.Duration {
	return {{BACKOFF}}
}
`

const kitLimiter = `// Limiter is a token bucket: Allow succeeds rate times per second on
// average, with bursts of up to burst.
type Limiter struct {
	mu     sync.Mutex
	rate   float64
	burst  float64
	tokens float64
	last   time.Time
}

// NewLimiter returns a full bucket.
func NewLimiter(rate float64, burst int) *Limiter {
	return &Limiter{rate: rate, burst: float64(burst), tokens: float64(burst), last: time.Now()}
}

// Allow takes a token if one is left.
func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	l.tokens = min(l.burst, l.tokens+now.Sub(l.last).Seconds()*l.rate)
	l.last = now
	if l.tokens < 1 {
		return false
	}
	l.tokens--
	return true
}
`
