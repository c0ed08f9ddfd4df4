package account

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"example.com/itsaas/notify"
)

// TeamMember is a technician of a tenant: someone who works the device
// inventory and the ticket queue. The invite form also asks for gender, for
// the workforce report that is not built yet; it is not stored.
type TeamMember struct {
	ID        int64     `json:"id"`
	TenantID  int64     `json:"tenant_id"`
	Email     Email     `json:"email"`
	Name      string    `json:"name" privacy:"user.name"`
	JobTitle  string    `json:"job_title,omitempty" privacy:"user.job_title"`        // OK: §2 discloses employment background
	Gender    string    `json:"gender,omitempty" privacy:"user.demographic.gender"`  // BUG(PV601): the statement never says gender is collected
	BirthDate time.Time `json:"birth_date,omitzero"`                                 // BUG(PV701): a date of birth with no privacy tag
	Phone     string    `json:"phone,omitempty" privacy:"user.contact.phone_number"` // OK: tagged
}

// TenantSettings are the security settings a tenant administrator chooses.
type TenantSettings struct {
	TenantID        int64  `json:"tenant_id"`
	PasswordPolicy  string `json:"password_policy"` // OK: a policy name such as "nist-800-63b", not a password (no PV701)
	MFARequired     bool   `json:"mfa_required"`
	SessionHours    int    `json:"session_hours"`
	AllowedNetworks string `json:"allowed_networks,omitempty"`
}

const (
	insertMember = `INSERT INTO team_members (tenant_id, email, name, job_title, birth_date, phone)
VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`
	deleteMember   = `DELETE FROM team_members WHERE id = $1`
	upsertSettings = `INSERT INTO tenant_settings (tenant_id, password_policy, mfa_required, session_hours, allowed_networks)
VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id) DO UPDATE SET password_policy = $2, mfa_required = $3, session_hours = $4, allowed_networks = $5`
)

// AddTeamMember inserts m and sets its ID.
func (s *Store) AddTeamMember(ctx context.Context, m *TeamMember) error {
	return s.db.QueryRowContext(ctx, insertMember, m.TenantID, m.Email, m.Name, m.JobTitle, m.BirthDate, m.Phone).Scan(&m.ID) // OK: RemoveTeamMember erases these categories
}

// RemoveTeamMember deletes a technician's record.
//
//privacy:erase user.contact.email user.contact.phone_number user.name user.job_title
func (s *Store) RemoveTeamMember(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, deleteMember, id)
	return err
}

// SaveSettings stores a tenant's security settings.
func (s *Store) SaveSettings(ctx context.Context, ts TenantSettings) error {
	_, err := s.db.ExecContext(ctx, upsertSettings, ts.TenantID, ts.PasswordPolicy, ts.MFARequired, ts.SessionHours, ts.AllowedNetworks)
	return err
}

// InviteTechnician handles POST /team.
func (h *Handler) InviteTechnician(w http.ResponseWriter, r *http.Request) {
	var m TeamMember
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&m); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := h.Store.AddTeamMember(r.Context(), &m); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	slog.Info("technician invited", "tenant_id", m.TenantID, "member_id", m.ID) // OK: ids only
	writeJSON(w, http.StatusCreated, map[string]int64{"id": m.ID})
}

// UpdateSettings handles PUT /settings.
func (h *Handler) UpdateSettings(w http.ResponseWriter, r *http.Request) {
	var ts TenantSettings
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&ts); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := h.Store.SaveSettings(r.Context(), ts); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	notify.TenantChanged(strconv.FormatInt(ts.TenantID, 10), "password_policy="+ts.PasswordPolicy) // OK: settings are not personal data
	w.WriteHeader(http.StatusNoContent)
}
