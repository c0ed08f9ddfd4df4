// Package account holds customer accounts: signup, login, password reset,
// the technicians of a tenant, and account deletion.
package account

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/mail"
	"strings"
	"time"
)

// Email is an e-mail address.
//
//privacy:data user.contact.email
type Email string

// Normalize lower-cases the domain part of e.
func (e Email) Normalize() Email {
	local, domain, ok := strings.Cut(string(e), "@")
	if !ok {
		return e
	}
	return Email(local + "@" + strings.ToLower(domain))
}

// Address is a postal address, used for billing.
type Address struct {
	Street     string `json:"street" privacy:"user.contact.address.street"`
	City       string `json:"city" privacy:"user.contact.address.city"`
	PostalCode string `json:"postal_code" privacy:"user.contact.address.postal_code"`
	Country    string `json:"country" privacy:"user.contact.address.country"`
}

// User is a customer account: the administrator of a tenant.
type User struct {
	ID           int64     `json:"id"`
	TenantID     int64     `json:"tenant_id"`
	Email        Email     `json:"email"` // OK: no tag needed, the type carries user.contact.email
	Name         string    `json:"name" privacy:"user.name"`
	Phone        string    `json:"phone,omitempty" privacy:"user.contact.phone_number"`
	Address      Address   `json:"address"`
	Plan         string    `json:"plan"`
	PasswordHash []byte    `json:"-" privacy:"-"` // output of HashPassword, a sanitizer
	Created      time.Time `json:"created"`
}

// SignupRequest is the body of POST /signup.
type SignupRequest struct {
	Email    Email   `json:"email"`
	Name     string  `json:"name" privacy:"user.name"`
	Phone    string  `json:"phone" privacy:"user.contact.phone_number"`
	Address  Address `json:"address"`
	Password string  `json:"password" privacy:"user.authorization.password"`
	Plan     string  `json:"plan"`
}

// LoginRequest is the body of POST /login.
type LoginRequest struct {
	Email    Email  `json:"email"`
	Password string `json:"password" privacy:"user.authorization.password"`
	Remember bool   `json:"remember"`
}

// LegacyRecord is one row exported from the on-premise server that customers
// migrate from; it stored passwords reversibly.
type LegacyRecord struct {
	Email    Email  `json:"email"`
	Name     string `json:"name" privacy:"user.name"`
	Password string `json:"password" privacy:"user.authorization.password"`
}

// Validation errors. They never quote the submitted values.
var (
	ErrBadEmail     = errors.New("account: invalid e-mail address")
	ErrWeakPassword = errors.New("account: password must have at least 12 characters")
	ErrNoName       = errors.New("account: name is required")
)

// Validate checks a signup request.
func (req *SignupRequest) Validate() error {
	if _, err := mail.ParseAddress(string(req.Email)); err != nil {
		return ErrBadEmail
	}
	if strings.TrimSpace(req.Name) == "" {
		return ErrNoName
	}
	if len(req.Password) < 12 {
		return ErrWeakPassword
	}
	return nil
}

const (
	saltLen    = 16
	keyLen     = 32
	pbkdf2Iter = 600_000
)

// HashPassword derives the stored verifier of a password: salt || PBKDF2-SHA256.
//
//privacy:sanitizer user.authorization.password
func HashPassword(password string) ([]byte, error) {
	salt := make([]byte, saltLen)
	rand.Read(salt)
	key, err := pbkdf2.Key(sha256.New, password, salt, pbkdf2Iter, keyLen)
	if err != nil {
		return nil, err
	}
	return append(salt, key...), nil
}

// CheckPassword reports whether password matches a verifier from HashPassword.
func CheckPassword(hash []byte, password string) bool {
	if len(hash) != saltLen+keyLen {
		return false
	}
	key, err := pbkdf2.Key(sha256.New, password, hash[:saltLen], pbkdf2Iter, keyLen)
	return err == nil && subtle.ConstantTimeCompare(key, hash[saltLen:]) == 1
}
