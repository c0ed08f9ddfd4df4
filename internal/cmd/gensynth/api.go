package main

import (
	"sort"
	"strings"
)

// API packages are net/http handlers registered as method values on a
// ServeMux. They decode forms, call services, guard promotional mail with
// the consent check, set the visitor cookie, log what the statement
// allows (ids, client IPs, masked addresses, a card through its masking
// String method) and start the relay chains. Leaks planted here: an
// e-mail address or a name logged directly, an e-mail address handed to
// the audit relay (PV101 two to eight packages away), a phone number
// handed to the partner relay (PV201, likewise), a promotional mail sent
// without the consent check (PV301), a visitor cookie kept two years
// (PV401).

func (g *gen) apiUnits() ([]unit, string) {
	a := g.q
	v := vars{"A": a.name, "K": a.kit.name}
	var fields, inits strings.Builder
	for _, s := range a.lower {
		fields.WriteString("\t" + s.name + " *" + s.name + ".Service\n")
		inits.WriteString("\t\t" + s.name + ": " + s.name + ".New(db),\n")
	}
	v["FIELDS"], v["INITS"] = fields.String(), inits.String()

	var routes []string
	route := func(pattern, method string) {
		routes = append(routes, "\tmux.HandleFunc(\""+pattern+"\", h."+method+")\n")
	}
	units := []unit{
		{file: a.name + ".go", must: true, render: func(bool) string { return expand(apiNew, v) }},
		{file: "helpers.go", must: true, render: func(bool) string { return expand(apiHelpers, v) }},
		// Routes registers exactly the handlers the package ended up with,
		// so it is rendered after them.
		{file: a.name + ".go", must: true, late: true, render: func(bool) string {
			sort.Strings(routes)
			return expand(apiRoutes, v.with("ROUTES", strings.Join(routes, "")))
		}},
	}
	for _, sv := range a.served {
		ev := entityVars(sv.e).with("A", a.name, "K", a.kit.name, "SV", sv.via.name)
		file := lower(sv.e.Name) + "_handlers.go"
		extra := lower(sv.e.Name) + "_ops.go"
		handler := func(tmpl, pattern, method, rule, clean, leak string) unit {
			return unit{file: file, rule: rule, render: func(p bool) string {
				route(expand(pattern, ev), expand(method, ev))
				x := clean
				if p {
					x = leak
				}
				return expand(tmpl, ev.with("X", expand(x, ev), "MARK", mark(p, rule)))
			}}
		}
		must := func(u unit) unit { u.must = true; return u }
		opt := func(u unit) unit { u.file = extra; return u }
		units = append(units,
			must(handler(apiCreate, "POST /{{es}}", "create{{E}}", "", "", "")),
			must(handler(apiGet, "GET /{{es}}/{id}", "get{{E}}", "", "", "")),
			must(handler(apiPromo, "POST /{{es}}/{id}/promo", "promo{{E}}", "PV301",
				`if !h.kit.Prefs.PromoAllowed(x.ID) {
		w.WriteHeader(http.StatusNoContent)
		return
	}`,
				`// The campaign tool checks the opt-outs before calling.`)),
			must(handler(apiVisit, "POST /{{es}}/{id}/visit", "visit{{E}}", "PV401",
				`90 * 24 * 3600`, `2 * 365 * 24 * 3600`)),
			opt(handler(apiNote, "POST /{{es}}/{id}/note", "note{{E}}", "PV101",
				`"{{e}} " + strconv.FormatInt(x.ID, 10) + ": " + in.Text`, `x.{{EMAIL}}`)),
			opt(handler(apiShare, "POST /{{es}}/{id}/share", "share{{E}}", "PV201",
				`"status " + x.Status`, `"call " + x.{{PHONE}}`)),
			opt(handler(apiDebug, "GET /{{es}}/{id}/debug", "debug{{E}}", "PV101",
				`log.Printf("{{A}}: {{e}} %d (%s) from %s", x.ID, {{M}}.MaskEmail(x.{{EMAIL}}), {{K}}.RealIP(r))`,
				`slog.Info("{{A}}: {{e}} lookup", "id", x.ID, "name", x.{{FULL}})`)),
			opt(handler(apiCharge, "POST /{{es}}/{id}/charge", "charge{{E}}", "", "", "")),
			opt(handler(apiOptOut, "POST /{{es}}/{id}/optout", "optOut{{E}}", "", "", "")),
			opt(handler(apiPatch, "PATCH /{{es}}/{id}", "patch{{E}}", "", "", "")),
			opt(handler(apiSegment, "GET /{{es}}/segments/{plan}", "segment{{Es}}", "", "", "")),
		)
	}
	doc := "Package " + a.name + " serves the " + strings.TrimSuffix(a.word, "api") + " HTTP API." + synthNote(g.p.cfg.Seed)
	return units, doc
}

const apiNew = `// Handler serves the endpoints of this API.
type Handler struct {
	kit *{{K}}.Kit
{{FIELDS}}}

// New wires a handler to db.
func New(db *sql.DB) *Handler {
	return &Handler{
		kit: {{K}}.New(),
{{INITS}}	}
}
`

const apiRoutes = `// Routes registers the endpoints on mux.
func (h *Handler) Routes(mux *http.ServeMux) {
{{ROUTES}}	mux.HandleFunc("GET /{{A}}/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
}
`

const apiHelpers = `const maxBody = 1 << 16

// decode reads the JSON body into v, answering 400 when it cannot.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(v); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		// Not the error: an encoding error may quote the value.
		log.Printf("{{A}}: response with status %d not written", status)
	}
}

// pathID parses the {id} of the path, answering 400 when it is not a number.
func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.Error(w, "bad id", http.StatusBadRequest)
		return 0, false
	}
	return id, true
}

// newVisitorID returns a fresh visitor cookie value.
func newVisitorID() string {
	return rand.Text()
}
`

// Every handler of an entity starts the same way: the record named by the
// path, or 404.
const apiLoad = `	id, ok := pathID(w, r)
	if !ok {
		return
	}
	x, err := h.{{SV}}.Get{{E}}(r.Context(), id)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
`

const apiCreate = `// create{{E}} handles sign-up: POST /{{es}}.
func (h *Handler) create{{E}}(w http.ResponseWriter, r *http.Request) {
	var req {{M}}.{{E}}Signup
	if !decode(w, r, &req) {
		return
	}
	x, err := h.{{SV}}.Register{{E}}(r.Context(), req)
	if err != nil {
		slog.Warn("{{A}}: {{e}} sign-up failed", "err", err)
		http.Error(w, "sign-up failed", http.StatusUnprocessableEntity)
		return
	}
	if err := h.{{SV}}.Welcome{{E}}(r.Context(), x); err != nil {
		// Not the error: one from encoding the message may quote it.
		slog.Warn("{{A}}: welcome mail failed", "{{e}}", x.ID)
	}
	log.Printf("{{A}}: {{e}} %d signed up from %s", x.ID, {{K}}.RealIP(r))
	writeJSON(w, http.StatusCreated, map[string]int64{"id": x.ID})
}
`

const apiGet = `// get{{E}} returns {{ae}}: GET /{{es}}/{id}.
func (h *Handler) get{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	writeJSON(w, http.StatusOK, x)
}
`

const apiPromo = `// promo{{E}} mails a promotional campaign: POST /{{es}}/{id}/promo?campaign=NAME.
func (h *Handler) promo{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	{{X}}
	if err := h.{{SV}}.Blast{{E}}(r.Context(), x, r.URL.Query().Get("campaign")); err != nil {{{MARK}}
		http.Error(w, "mail provider unavailable", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
`

const apiVisit = `// visit{{E}} records a profile view and sets the visitor cookie:
// POST /{{es}}/{id}/visit.
func (h *Handler) visit{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	vid := {{M}}.VisitorID(newVisitorID())
	if ck, err := r.Cookie("vid"); err == nil {
		vid = {{M}}.VisitorID(ck.Value)
	}
	ip := {{K}}.RealIP(r)
	if err := h.{{SV}}.Track{{E}}Visit(r.Context(), x, vid, ip, r.URL.Path); err != nil {
		log.Printf("{{A}}: analytics unavailable for a visit from %s", ip)
	}
	http.SetCookie(w, &http.Cookie{Name: "vid", Value: string(vid), Path: "/", MaxAge: {{X}}, HttpOnly: true, Secure: true}){{MARK}}
	w.WriteHeader(http.StatusNoContent)
}
`

const apiNote = `// note{{E}} adds a support note to the audit trail: POST /{{es}}/{id}/note.
func (h *Handler) note{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	var in struct {
		Text string ` + "`json:\"text\"`" + `
	}
	if !decode(w, r, &in) {
		return
	}
	h.{{SV}}.Forward("{{e}}.note", {{X}}){{MARK}}
	w.WriteHeader(http.StatusAccepted)
}
`

const apiShare = `// share{{E}} tells the CRM partner about {{ae}}: POST /{{es}}/{id}/share.
func (h *Handler) share{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	if err := h.{{SV}}.ShareNote(r.Context(), x.ID, {{X}}); err != nil {{{MARK}}
		http.Error(w, "partner unavailable", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
`

const apiDebug = `// debug{{E}} shows what the support team may see of {{ae}}:
// GET /{{es}}/{id}/debug.
func (h *Handler) debug{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	{{X}}{{MARK}}
	writeJSON(w, http.StatusOK, map[string]any{
		"id":     x.ID,
		"email":  {{M}}.MaskEmail(x.{{EMAIL}}),
		"plan":   x.Plan,
		"status": x.Status,
		"key":    {{M}}.Fingerprint(x.{{EMAIL}}),
	})
}
`

const apiCharge = `// charge{{E}} charges a card: POST /{{es}}/{id}/charge.
func (h *Handler) charge{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	var req struct {
		Card  {{M}}.PaymentCard ` + "`json:\"card\"`" + `
		Cents int64 ` + "`json:\"amount_cents\"`" + `
	}
	if !decode(w, r, &req) {
		return
	}
	if req.Card.Expired(time.Now()) {
		log.Printf("{{A}}: {{e}} %d offered an expired card %v", x.ID, req.Card)
		http.Error(w, "card expired", http.StatusPaymentRequired)
		return
	}
	ref, err := h.{{SV}}.Charge{{E}}(r.Context(), x, req.Card, req.Cents)
	if err != nil {
		http.Error(w, "payment failed", http.StatusPaymentRequired)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"reference": ref})
}
`

const apiOptOut = `// optOut{{E}} stops promotional mail to {{ae}}: POST /{{es}}/{id}/optout.
func (h *Handler) optOut{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	h.kit.Prefs.OptOut(x.ID, time.Now())
	h.{{SV}}.Forward("{{e}}.opted_out", strconv.FormatInt(x.ID, 10))
	w.WriteHeader(http.StatusNoContent)
}
`

const apiPatch = `// patch{{E}} updates {{ae}} from a partial record: PATCH /{{es}}/{id}.
func (h *Handler) patch{{E}}(w http.ResponseWriter, r *http.Request) {
` + apiLoad + `	var patch {{M}}.{{E}}
	if !decode(w, r, &patch) {
		return
	}
	before := *x
	x.Merge(&patch, time.Now())
	changed := x.Changes(&before)
	if len(changed) == 0 {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	h.{{SV}}.Forward("{{e}}.patched", strconv.FormatInt(x.ID, 10)+" "+strings.Join(changed, ","))
	writeJSON(w, http.StatusOK, x)
}
`

const apiSegment = `// segment{{Es}} lists the best {{es}} of each plan group:
// GET /{{es}}/segments/{plan}?n=10.
func (h *Handler) segment{{Es}}(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil || n <= 0 {
		n = 10
	}
	groups, err := h.{{SV}}.Segment{{Es}}(r.Context(), r.PathValue("plan"), n)
	if err != nil {
		slog.Error("{{A}}: segmentation failed", "plan", r.PathValue("plan"), "err", err)
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, http.StatusOK, groups)
}
`
