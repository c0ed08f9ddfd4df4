package account

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Lookup errors.
var (
	ErrNotFound = errors.New("account: not found")
	ErrExists   = errors.New("account: e-mail address already registered")
)

const (
	insertUser = `INSERT INTO users (tenant_id, email, name, phone, street, city, postal_code, country, plan, password_hash, created)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`
	insertLegacyUser = `INSERT INTO users (tenant_id, email, name, plan, password_hash, created, needs_rehash)
VALUES ($1, $2, $3, 'legacy', $4, now(), true)`
	selectUser = `SELECT id, tenant_id, email, name, phone, street, city, postal_code, country, plan, password_hash, created FROM users`
	existsUser = `SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)`
	existsID   = `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1)`
	updateHash = `UPDATE users SET password_hash = $2, needs_rehash = false WHERE id = $1`
	insertTok  = `INSERT INTO reset_tokens (user_id, token, expires) VALUES ($1, $2, $3)`
	selectOpt  = selectUser + ` WHERE plan <> 'legacy' ORDER BY id`
)

// Store is the accounts database.
type Store struct {
	db *sql.DB
}

// NewStore wraps db.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// CreateUser inserts u and sets its ID.
func (s *Store) CreateUser(ctx context.Context, u *User) error {
	var exists bool
	if err := s.db.QueryRowContext(ctx, existsUser, u.Email).Scan(&exists); err != nil {
		return fmt.Errorf("account: create: %w", err)
	}
	if exists {
		return ErrExists
	}
	a := u.Address
	err := s.db.QueryRowContext(ctx, insertUser, u.TenantID, u.Email, u.Name, u.Phone, a.Street, a.City, a.PostalCode, a.Country, u.Plan, u.PasswordHash, u.Created).Scan(&u.ID) // OK: password stored only as its PBKDF2 verifier; Service.Delete erases the rest
	if err != nil {
		return fmt.Errorf("account: create: %w", err)
	}
	return nil
}

// ImportLegacy copies accounts over from the on-premise server. Their
// passwords are rehashed at first login.
func (s *Store) ImportLegacy(ctx context.Context, tenantID int64, recs []LegacyRecord) error {
	for _, rec := range recs {
		if _, err := s.db.ExecContext(ctx, insertLegacyUser, tenantID, rec.Email.Normalize(), rec.Name, rec.Password); err != nil { // BUG(PV502): the plain-text password is stored until first login
			return fmt.Errorf("account: import: %w", err)
		}
	}
	return nil
}

// SetPassword replaces a user's password.
func (s *Store) SetPassword(ctx context.Context, id int64, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, updateHash, id, hash) // OK: HashPassword is a sanitizer
	return err
}

// ByEmail finds the account registered with email.
func (s *Store) ByEmail(ctx context.Context, email Email) (*User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, selectUser+` WHERE email = $1`, email.Normalize()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("account: no user with e-mail %q: %w", email, ErrNotFound)
	}
	return u, err
}

// ByID finds the account with the given id.
func (s *Store) ByID(ctx context.Context, id int64) (*User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, selectUser+` WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("account %d: %w", id, ErrNotFound)
	}
	return u, err
}

// Exists returns nil if the account with the given id exists, and an error
// wrapping ErrNotFound if not.
func (s *Store) Exists(ctx context.Context, id int64) error {
	var ok bool
	if err := s.db.QueryRowContext(ctx, existsID, id).Scan(&ok); err != nil {
		return fmt.Errorf("account %d: %w", id, err)
	}
	if !ok {
		return fmt.Errorf("account %d: %w", id, ErrNotFound)
	}
	return nil
}

// Marketable lists the accounts a campaign may be addressed to. Opt-outs are
// the campaign sender's business.
func (s *Store) Marketable(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, selectOpt)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		users = append(users, *u)
	}
	return users, rows.Err()
}

// SaveResetToken stores a single-use password reset token.
func (s *Store) SaveResetToken(ctx context.Context, userID int64, token string, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, insertTok, userID, token, expires)
	return err
}

type scanner interface{ Scan(dest ...any) error }

func scanUser(row scanner) (*User, error) {
	var u User
	a := &u.Address
	if err := row.Scan(&u.ID, &u.TenantID, &u.Email, &u.Name, &u.Phone, &a.Street, &a.City, &a.PostalCode, &a.Country, &u.Plan, &u.PasswordHash, &u.Created); err != nil {
		return nil, err
	}
	return &u, nil
}
