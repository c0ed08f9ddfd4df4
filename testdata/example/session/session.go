// Package session keeps logged-in sessions and the visitor cookie.
//
// Sessions live in a process-local cache; the web tier runs with sticky
// load balancing, so a user's requests reach the process holding the session.
package session

import (
	"crypto/rand"
	"net/http"
	"sync"
	"time"

	"example.com/itsaas/telemetry"
)

const (
	cookieName = "itsaas_session"
	// sessionTTL bounds an ordinary login.
	sessionTTL = 12 * time.Hour
	// rememberFor is how long the browser keeps a "remember me" cookie.
	rememberFor = 30 * 24 * time.Hour
)

// Session is one logged-in browser.
type Session struct {
	ID        string    `json:"id"`
	UserID    int64     `json:"user_id"`
	IP        string    `json:"ip" privacy:"ip"`
	UserAgent string    `json:"user_agent"` // BUG(PV701): the browser's user agent is device data; it needs a tag
	Created   time.Time `json:"created"`
}

type entry struct {
	s       Session
	expires time.Time // zero: never
}

// Cache holds sessions in memory, each with an optional time to live.
type Cache struct {
	mu      sync.Mutex
	entries map[string]entry
	now     func() time.Time
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: make(map[string]entry), now: time.Now}
}

// Set stores s under key. A ttl of zero keeps the entry until it is deleted.
//
//privacy:sink store
func (c *Cache) Set(key string, s Session, ttl time.Duration) {
	e := entry{s: s}
	if ttl > 0 {
		e.expires = c.now().Add(ttl)
	}
	c.mu.Lock()
	c.entries[key] = e
	c.mu.Unlock()
}

// Get returns the live session stored under key.
func (c *Cache) Get(key string) (Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return Session{}, false
	}
	if !e.expires.IsZero() && c.now().After(e.expires) {
		delete(c.entries, key)
		return Session{}, false
	}
	return e.s, true
}

// Delete removes the entry under key.
func (c *Cache) Delete(key string) {
	c.mu.Lock()
	delete(c.entries, key)
	c.mu.Unlock()
}

// DeleteUser removes every session of a user.
func (c *Cache) DeleteUser(userID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if e.s.UserID == userID {
			delete(c.entries, k)
		}
	}
}

// Manager issues and resolves session cookies.
type Manager struct {
	Cache *Cache
}

// Start logs userID in on this browser. With remember set, the session
// survives browser restarts.
func (m *Manager) Start(w http.ResponseWriter, r *http.Request, userID int64, remember bool) {
	s := Session{
		ID:        rand.Text(),
		UserID:    userID,
		IP:        telemetry.RealIP(r),
		UserAgent: r.UserAgent(),
		Created:   time.Now(),
	}
	c := &http.Cookie{Name: cookieName, Value: s.ID, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
	if remember {
		m.Cache.Set(s.ID, s, 0) // BUG(PV401): a remembered session (with the user's IP) never expires server-side
		c.MaxAge = int(rememberFor / time.Second)
	} else {
		m.Cache.Set(s.ID, s, sessionTTL) // OK: expires after 12 hours
	}
	http.SetCookie(w, c)
}

// Lookup returns the session of r, if any.
func (m *Manager) Lookup(r *http.Request) (Session, bool) {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return Session{}, false
	}
	return m.Cache.Get(c.Value)
}

// End logs the browser of r out.
func (m *Manager) End(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(cookieName); err == nil {
		m.Cache.Delete(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1})
}

// RevokeUser ends every session of a user (password change, account deletion).
func (m *Manager) RevokeUser(userID int64) { m.Cache.DeleteUser(userID) }
