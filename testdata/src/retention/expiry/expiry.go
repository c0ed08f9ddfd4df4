package expiry

import (
	"context"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

type Visitor struct {
	ID     string `privacy:"user.device.cookie_id"`
	Locale string
}

const year = 365 * 24 * time.Hour

func cookies(w http.ResponseWriter, v *Visitor) {
	http.SetCookie(w, &http.Cookie{Name: "vid", Value: v.ID, MaxAge: 2 * 365 * 24 * 3600}) // want `user.device.cookie_id \(Visitor.ID\) reaches cookie sink http.SetCookie; it is kept for 17520h0m0s, longer than the 390 days`
	http.SetCookie(w, &http.Cookie{Name: "vid", Value: v.ID, MaxAge: 30 * 24 * 3600})
	http.SetCookie(w, &http.Cookie{Name: "vid", Value: v.ID, Expires: time.Now().Add(2 * year)}) // want `it is kept for 17520h0m0s`
	http.SetCookie(w, &http.Cookie{Name: "vid", Value: v.ID})                                    // a session cookie ends with the browser session
	http.SetCookie(w, &http.Cookie{Name: "locale", Value: v.Locale, MaxAge: 10 * 365 * 24 * 3600})
}

func cache(ctx context.Context, rdb *redis.Client, v *Visitor) {
	rdb.Set(ctx, "visitor:"+v.Locale, v.ID, 0) // want `it is written with no expiry, but the policy keeps it at most 390 days`
	rdb.Set(ctx, "visitor:"+v.Locale, v.ID, 24*time.Hour)
	rdb.SetNX(ctx, "visitor:"+v.Locale, v.ID, 2*year) // want `longer than the 390 days`
	rdb.Set(ctx, "locale", v.Locale, 0)
}

// Remember keeps a value in the session store for ttl.
//
//privacy:sink store
func Remember(key string, value any, ttl time.Duration) {}

func remember(v *Visitor) {
	Remember("v", v.ID, time.Hour)
	Remember("v", v.ID, 3*year) // want `reaches store sink expiry.Remember; it is kept for`
}
