package session

import (
	"crypto/rand"
	"net/http"
	"time"
)

// VisitorID identifies a browser across visits, logged in or not.
//
//privacy:data user.device.cookie_id
type VisitorID string

const (
	visitorCookie = "_itsaas_vid"
	attrCookie    = "_itsaas_attr"

	visitorMaxAge = 2 * 365 * 24 * time.Hour // two years
	attrMaxAge    = 90 * 24 * time.Hour
)

// Visitor returns the visitor id of r, issuing a new visitor cookie when the
// browser has none.
func Visitor(w http.ResponseWriter, r *http.Request) VisitorID {
	if c, err := r.Cookie(visitorCookie); err == nil && c.Value != "" {
		return VisitorID(c.Value)
	}
	vid := VisitorID(rand.Text())
	http.SetCookie(w, &http.Cookie{Name: visitorCookie, Value: string(vid), Path: "/", MaxAge: int(visitorMaxAge / time.Second), Secure: true, SameSite: http.SameSiteLaxMode}) // BUG(PV401): cookie id kept two years; retention allows 390 days
	return vid
}

// RememberCampaign records which campaign brought the visitor, for the
// signup attribution report.
func RememberCampaign(w http.ResponseWriter, vid VisitorID, campaign string) {
	http.SetCookie(w, &http.Cookie{Name: attrCookie, Value: string(vid) + "." + campaign, Path: "/", MaxAge: int(attrMaxAge / time.Second), Secure: true, SameSite: http.SameSiteLaxMode}) // OK: 90 days, within the 390-day limit
}
