// Package marketing sends promotional mail, fires the retargeting pixel of the
// advertising partner and reports product analytics.
package marketing

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// adsOptOutCookie is set by the interest-based-ads opt-out page (§2).
const adsOptOutCookie = "itsaas_ads_optout"

// PrefStore holds the users' communication preferences (§9). Promotional mail
// is opt-out: a user receives it until they say stop.
type PrefStore struct {
	mu       sync.RWMutex
	optedOut map[int64]time.Time
	key      []byte
}

// NewPrefStore returns an empty store; key signs unsubscribe links.
func NewPrefStore(key []byte) *PrefStore {
	return &PrefStore{optedOut: make(map[int64]time.Time), key: key}
}

// PromoAllowed reports whether the user has not opted out of promotional mail.
//
//privacy:consent marketing.communications.email
func (p *PrefStore) PromoAllowed(userID int64) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	_, out := p.optedOut[userID]
	return !out
}

// OptOut records that the user wants no more promotional mail.
func (p *PrefStore) OptOut(userID int64) {
	p.mu.Lock()
	p.optedOut[userID] = time.Now()
	p.mu.Unlock()
}

func (p *PrefStore) sign(userID int64) string {
	mac := hmac.New(sha256.New, p.key)
	mac.Write([]byte(strconv.FormatInt(userID, 10)))
	return hex.EncodeToString(mac.Sum(nil))
}

// UnsubscribeURL is the one-click link placed in every promotional mail.
func (p *PrefStore) UnsubscribeURL(base string, userID int64) string {
	return base + "/unsubscribe?u=" + strconv.FormatInt(userID, 10) + "&s=" + p.sign(userID)
}

// Unsubscribe handles GET /unsubscribe.
func (p *PrefStore) Unsubscribe(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.URL.Query().Get("u"), 10, 64)
	if err != nil || !hmac.Equal([]byte(p.sign(id)), []byte(r.URL.Query().Get("s"))) {
		http.Error(w, "invalid link", http.StatusBadRequest)
		return
	}
	p.OptOut(id)
	w.Write([]byte("You will receive no more promotional e-mail from us.\n"))
}

// AdsAllowed reports whether the browser of r has not opted out of
// interest-based advertising.
//
//privacy:consent marketing.advertising.third_party.targeted
func AdsAllowed(r *http.Request) bool {
	c, err := r.Cookie(adsOptOutCookie)
	return err != nil || c.Value != "1"
}
