package account

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/itsaas/notify"
	"example.com/itsaas/session"
)

const (
	deleteTokens = `DELETE FROM reset_tokens WHERE user_id = $1`
	deleteUser   = `DELETE FROM users WHERE id = $1`
)

// Service carries out account deletion (§4: you may request to delete your
// personal information).
type Service struct {
	Store    *Store
	Sessions *session.Manager
}

// Delete removes an account and everything stored about its user.
//
//privacy:erase user.contact.email user.contact.phone_number user.contact.address user.name user.authorization.password
func (s *Service) Delete(ctx context.Context, id int64) error {
	tx, err := s.Store.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{deleteTokens, deleteUser} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.Sessions.RevokeUser(id)
	notify.AccountChanged(strconv.FormatInt(id, 10), "deleted") // OK: numeric id only
	return nil
}

// DeleteAccount handles DELETE /account for the logged-in user.
func (s *Service) DeleteAccount(w http.ResponseWriter, r *http.Request) {
	sess, ok := s.Sessions.Lookup(r)
	if !ok {
		http.Error(w, "not logged in", http.StatusUnauthorized)
		return
	}
	if err := s.Store.Exists(r.Context(), sess.UserID); err != nil {
		if errors.Is(err, ErrNotFound) {
			slog.Warn("delete: unknown account", "err", err) // OK: Exists' error names the numeric id only
			http.Error(w, "no such account", http.StatusNotFound)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := s.Delete(r.Context(), sess.UserID); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.Sessions.End(w, r)
	w.WriteHeader(http.StatusNoContent)
}
