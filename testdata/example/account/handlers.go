package account

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"example.com/itsaas/internal/mailer"
	"example.com/itsaas/notify"
	"example.com/itsaas/session"
)

// Handler serves the account endpoints.
type Handler struct {
	Store    *Store
	Sessions *session.Manager
	Mail     *mailer.Client
	BaseURL  string

	// OnSignup, if set, is called after an account was created (attribution
	// and product analytics).
	OnSignup func(ctx context.Context, w http.ResponseWriter, r *http.Request, u *User)
}

const maxBody = 1 << 16

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
	json.NewEncoder(w).Encode(v)
}

// Signup handles POST /signup.
func (h *Handler) Signup(w http.ResponseWriter, r *http.Request) {
	var req SignupRequest
	if !decode(w, r, &req) {
		return
	}
	if err := req.Validate(); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	hash, err := HashPassword(req.Password)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	u := &User{
		Email:        req.Email.Normalize(),
		Name:         req.Name,
		Phone:        req.Phone,
		Address:      req.Address,
		Plan:         req.Plan,
		PasswordHash: hash,
		Created:      time.Now().UTC(),
	}
	if err := h.Store.CreateUser(r.Context(), u); err != nil {
		if errors.Is(err, ErrExists) {
			http.Error(w, "an account with this address exists", http.StatusConflict)
			return
		}
		slog.Error("signup: cannot create account", "user", u) // BUG(PV101): the whole User (e-mail, name, phone, address) goes to the log
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	slog.Info("signup", "email", u.Email, "plan", u.Plan)         // BUG(PV101): e-mail address in the log
	notify.AccountChanged(strconv.FormatInt(u.ID, 10), "created") // OK: only the numeric id reaches the audit trail
	if h.OnSignup != nil {
		h.OnSignup(r.Context(), w, r, u)
	}
	writeJSON(w, http.StatusCreated, map[string]int64{"id": u.ID})
}

// Login handles POST /login.
func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	var req LoginRequest
	if !decode(w, r, &req) {
		return
	}
	u, err := h.Store.ByEmail(r.Context(), req.Email)
	if errors.Is(err, ErrNotFound) {
		slog.Warn("login: unknown account", "err", err) // BUG(PV101): ByEmail's error quotes the e-mail address
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if !CheckPassword(u.PasswordHash, req.Password) {
		log.Printf("login: wrong password for %s", req.Email) // BUG(PV101): e-mail address in the log
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	log.Printf("login: user %d signed in", u.ID) // OK: numeric id only
	h.Sessions.Start(w, r, u.ID, req.Remember)
	writeJSON(w, http.StatusOK, map[string]int64{"id": u.ID})
}

// RequestPasswordReset handles POST /password-reset: it mails a single-use
// link to the account's address.
//
//privacy:purpose essential.service.notifications
func (h *Handler) RequestPasswordReset(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email Email `json:"email"`
	}
	if !decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	u, err := h.Store.ByEmail(ctx, req.Email)
	if err != nil {
		// Same answer whether or not the account exists.
		w.WriteHeader(http.StatusAccepted)
		return
	}
	token := rand.Text()
	if err := h.Store.SaveResetToken(ctx, u.ID, token, time.Now().Add(time.Hour)); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	msg := mailer.Message{
		To:       mailer.Address{Email: string(u.Email), Name: u.Name},
		Template: "password-reset",
		Vars:     map[string]string{"link": h.BaseURL + "/reset?token=" + url.QueryEscape(token)},
	}
	if err := h.Mail.Send(ctx, msg); err != nil { // OK: transactional mail to a declared recipient; §9 needs no opt-out check for it
		http.Error(w, "mail unavailable", http.StatusServiceUnavailable)
		return
	}
	//privacy:allow PV101 support traces reset requests by address; these lines go to the support index, kept 30 days
	slog.Info("password reset mailed", "email", u.Email)               // OK: suppressed with a reason
	notify.AccountChanged(string(u.Email), "password_reset_requested") // BUG(PV101): the e-mail address reaches the audit log through notify -> audit
	w.WriteHeader(http.StatusAccepted)
}
