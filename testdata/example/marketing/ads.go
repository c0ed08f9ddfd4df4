package marketing

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"

	"example.com/itsaas/session"
)

const (
	pixelURL    = "https://pixel.adpartner.example/p.gif"
	audienceURL = "https://pixel.adpartner.example/v1/audiences"
)

// Ads talks to the advertising partner that runs our retargeting (§2,
// Behavioral Targeting/Re-Targeting).
type Ads struct {
	HTTP *http.Client
}

// Retarget fires the partner's pixel for a page view so that the visitor can
// be shown our ads elsewhere.
//
//privacy:purpose marketing.advertising.third_party.targeted
func (a *Ads) Retarget(r *http.Request, vid session.VisitorID) {
	q := url.Values{"vid": {string(vid)}, "ev": {"pageview"}, "p": {r.URL.Path}}
	resp, err := a.HTTP.Get(pixelURL + "?" + q.Encode()) // OK here: the finding is where the unguarded path starts (cmd/itsaasd, which calls Retarget without AdsAllowed)
	if err == nil {
		resp.Body.Close()
	}
}

// TrackConversion tells the partner that a visitor became a customer, so the
// campaign stops showing them ads.
//
//privacy:purpose marketing.advertising.third_party.targeted
func (a *Ads) TrackConversion(r *http.Request, vid session.VisitorID, plan string) {
	if !AdsAllowed(r) {
		return
	}
	q := url.Values{"vid": {string(vid)}, "ev": {"conversion"}, "plan": {plan}}
	resp, err := a.HTTP.Get(pixelURL + "?" + q.Encode()) // OK: opt-out checked first; declared partner, allowed category
	if err == nil {
		resp.Body.Close()
	}
}

type audienceExport struct {
	Segment  string              `json:"segment"`
	Visitors []session.VisitorID `json:"visitors"`
	// CPM is what the partner pays us per thousand visitor ids.
	CPM int `json:"cpm_cents"`
}

// ExportAudience uploads a segment of our visitors to the partner's audience
// marketplace; the partner pays per thousand ids under the 2016 revenue-share
// agreement.
//
//privacy:purpose third_party_sharing.sale
func (a *Ads) ExportAudience(ctx context.Context, segment string, visitors []session.VisitorID) error {
	body, err := json.Marshal(audienceExport{Segment: segment, Visitors: visitors, CPM: 250})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, audienceURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.HTTP.Do(req) // BUG(PV203): selling visitor ids; §3 says we will not sell personal information
	if err != nil {
		return errors.New("marketing: audience upload failed")
	}
	return resp.Body.Close()
}
