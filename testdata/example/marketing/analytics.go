package marketing

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"example.com/itsaas/account"
	"example.com/itsaas/session"
)

const analyticsURL = "https://collect.analytics.example/v1/events"

// Tracker reports product events to the analytics provider.
type Tracker struct {
	HTTP *http.Client
	salt []byte
}

// NewTracker returns a Tracker; salt keys the pseudonymous subject ids.
func NewTracker(salt []byte) *Tracker {
	return &Tracker{HTTP: &http.Client{Timeout: 5 * time.Second}, salt: salt}
}

type event struct {
	Name    string            `json:"name"`
	Visitor session.VisitorID `json:"vid"`
	Subject string            `json:"sub,omitempty"`
	Page    string            `json:"page,omitempty"`
	Props   map[string]string `json:"props,omitempty"`
	At      time.Time         `json:"at"`
}

// pseudonym derives a stable subject id for a user that the provider cannot
// turn back into the address.
//
//privacy:sanitizer
func (t *Tracker) pseudonym(e account.Email) string {
	mac := hmac.New(sha256.New, t.salt)
	mac.Write([]byte(strings.ToLower(string(e))))
	return hex.EncodeToString(mac.Sum(nil))
}

// PageView reports a page view; u is nil for anonymous visitors.
//
//privacy:purpose analytics.reporting
func (t *Tracker) PageView(ctx context.Context, vid session.VisitorID, u *account.User, page string) {
	ev := event{Name: "page_view", Visitor: vid, Page: page, At: time.Now().UTC()}
	if u != nil {
		ev.Props = map[string]string{"email": string(u.Email), "plan": u.Plan}
	}
	body, err := json.Marshal(ev)
	if err != nil {
		return
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, analyticsURL, bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.HTTP.Do(req) // BUG(PV202): the analytics provider may receive cookie ids and IP addresses, not e-mail addresses
	if err == nil {
		resp.Body.Close()
	}
}

// Signup reports a completed signup, attributed to the visitor.
//
//privacy:purpose analytics.reporting
func (t *Tracker) Signup(ctx context.Context, vid session.VisitorID, u *account.User) {
	ev := event{Name: "signup", Visitor: vid, Subject: t.pseudonym(u.Email), Props: map[string]string{"plan": u.Plan}, At: time.Now().UTC()}
	body, err := json.Marshal(ev)
	if err != nil {
		return
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, analyticsURL, bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.HTTP.Do(req) // OK: a keyed hash of the address instead of the address
	if err == nil {
		resp.Body.Close()
	}
}
