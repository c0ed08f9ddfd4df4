// Command itsaasd serves the IT-management web application: the customer
// portal, the endpoint-agent check-in API and the billing API.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"
	"time"

	"example.com/itsaas/account"
	"example.com/itsaas/billing"
	"example.com/itsaas/internal/mailer"
	"example.com/itsaas/marketing"
	"example.com/itsaas/session"
	"example.com/itsaas/telemetry" // BUG(PV402): telemetry stores location history in SQL and nothing in the program erases it
)

// visitors remembers the visitor ids seen recently, for audience exports.
type visitors struct {
	mu  sync.Mutex
	ids map[session.VisitorID]time.Time
}

func (v *visitors) add(id session.VisitorID) {
	v.mu.Lock()
	v.ids[id] = time.Now()
	v.mu.Unlock()
}

func (v *visitors) since(t time.Time) []session.VisitorID {
	v.mu.Lock()
	defer v.mu.Unlock()
	var out []session.VisitorID
	for id, seen := range v.ids {
		if seen.After(t) {
			out = append(out, id)
		}
	}
	return out
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func main() {
	// The SQL driver is linked in by the deployment build.
	db, err := sql.Open(env("ITSAAS_DB_DRIVER", "postgres"), os.Getenv("ITSAAS_DATABASE_URL"))
	if err != nil {
		log.Fatalf("database: %v", err)
	}
	defer db.Close()

	baseURL := env("ITSAAS_BASE_URL", "https://portal.itsaas.example")
	mail := mailer.New(os.Getenv("ITSAAS_MAILER_KEY"))
	sessions := &session.Manager{Cache: session.NewCache()}
	accounts := account.NewStore(db)
	prefs := marketing.NewPrefStore([]byte(os.Getenv("ITSAAS_LINK_KEY")))
	tracker := marketing.NewTracker([]byte(os.Getenv("ITSAAS_ANALYTICS_SALT")))
	ads := &marketing.Ads{HTTP: &http.Client{Timeout: 5 * time.Second}}
	campaigns := &marketing.Mailer{Client: mail, Prefs: prefs, BaseURL: baseURL}
	devices := telemetry.NewStore(db)
	seen := &visitors{ids: make(map[session.VisitorID]time.Time)}

	acct := &account.Handler{Store: accounts, Sessions: sessions, Mail: mail, BaseURL: baseURL}
	acct.OnSignup = func(ctx context.Context, w http.ResponseWriter, r *http.Request, u *account.User) {
		vid := session.Visitor(w, r)
		tracker.Signup(ctx, vid, u)
		ads.TrackConversion(r, vid, u.Plan)
	}
	deletion := &account.Service{Store: accounts, Sessions: sessions}
	bill := &billing.Handler{Processor: billing.NewProcessor(db, os.Getenv("ITSAAS_PAYMENTS_KEY"))}
	collector := &telemetry.Collector{Store: devices, HTTP: &http.Client{Timeout: 10 * time.Second}, Debug: os.Getenv("ITSAAS_DEBUG") != ""}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /signup", acct.Signup)
	mux.HandleFunc("POST /login", acct.Login)
	mux.HandleFunc("POST /password-reset", acct.RequestPasswordReset)
	mux.HandleFunc("POST /team", acct.InviteTechnician)
	mux.HandleFunc("PUT /settings", acct.UpdateSettings)
	mux.HandleFunc("DELETE /account", deletion.DeleteAccount)
	mux.HandleFunc("POST /billing/charge", bill.Charge)
	mux.HandleFunc("POST /billing/refund", bill.Refund)
	mux.HandleFunc("GET /unsubscribe", prefs.Unsubscribe)
	mux.Handle("POST /agent/checkin", collector)
	mux.HandleFunc("POST /agent/roster", func(w http.ResponseWriter, r *http.Request) {
		var roster []telemetry.RosterEntry
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&roster); err != nil {
			http.Error(w, "bad roster", http.StatusBadRequest)
			return
		}
		assign := devices.AssignClassrooms
		if r.URL.Query().Get("find_by_student") == "1" {
			assign = devices.AssignStudents
		}
		if err := assign(r.Context(), roster); err != nil {
			http.Error(w, "storage unavailable", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /admin/campaigns/{kind}", func(w http.ResponseWriter, r *http.Request) {
		users, err := accounts.Marketable(r.Context())
		if err != nil {
			http.Error(w, "storage unavailable", http.StatusServiceUnavailable)
			return
		}
		var c marketing.Campaign
		if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
			http.Error(w, "bad campaign", http.StatusBadRequest)
			return
		}
		send := campaigns.SendProductTips
		if r.PathValue("kind") == "newsletter" {
			send = campaigns.SendNewsletter // BUG(PV301): the newsletter goes out without PromoAllowed; opted-out users get it too
		}
		n, err := send(r.Context(), users, c)
		if err != nil {
			http.Error(w, "mail provider unavailable", http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "%d sent\n", n)
	})
	mux.HandleFunc("POST /admin/renewals/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			http.Error(w, "bad id", http.StatusBadRequest)
			return
		}
		u, err := accounts.ByID(r.Context(), id)
		if err != nil {
			http.Error(w, "no such account", http.StatusNotFound)
			return
		}
		c := marketing.Campaign{ID: "renewal-" + time.Now().Format("2006-01"), Subject: "Your renewal offer", EmailTemplate: "renewal-offer"}
		if err := campaigns.SendRenewalOffer(r.Context(), *u, c); err != nil {
			http.Error(w, "mail provider unavailable", http.StatusBadGateway)
		}
	})
	mux.HandleFunc("POST /admin/audiences/{segment}", func(w http.ResponseWriter, r *http.Request) {
		if err := ads.ExportAudience(r.Context(), r.PathValue("segment"), seen.since(time.Now().Add(-30*24*time.Hour))); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	})
	mux.Handle("GET /", http.FileServer(http.Dir(env("ITSAAS_STATIC", "static"))))

	// Page views of the public site and the portal are tracked; API calls are not.
	track := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodGet {
				vid := session.Visitor(w, r)
				seen.add(vid)
				ads.Retarget(r, vid) // BUG(PV301): the retargeting pixel fires without AdsAllowed; the visitor's opt-out is ignored
				var u *account.User
				if s, ok := sessions.Lookup(r); ok {
					u, _ = accounts.ByID(r.Context(), s.UserID)
				}
				go tracker.PageView(context.WithoutCancel(r.Context()), vid, u, r.URL.Path)
			}
			next.ServeHTTP(w, r)
		})
	}
	accessLog := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			next.ServeHTTP(w, r)
			log.Printf("%s %s from %s in %s", r.Method, r.URL.Path, telemetry.RealIP(r), time.Since(start)) // OK: §2 discloses IP addresses in log files
		})
	}

	srv := &http.Server{
		Addr:              env("ITSAAS_ADDR", ":8080"),
		Handler:           accessLog(track(mux)),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	log.Printf("itsaasd listening on %s", srv.Addr)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err) // OK: the server's error carries nothing the handlers saw
	}
}
