// Package directory looks accounts up for the admin pages. Its errors and
// helpers are what the admin package, one import away, relies on: the
// summaries that tell which of them carry an address travel as facts.
package directory

import (
	"errors"
	"fmt"
	"strings"
)

type Account struct {
	ID    int64
	Email string `privacy:"user.contact.email"`
	Name  string `privacy:"user.name"`
}

var accounts = map[string]*Account{}

// ErrNoAccount quotes the address that matched no account.
type ErrNoAccount struct {
	Email string `privacy:"user.contact.email"`
}

func (e ErrNoAccount) Error() string { return "no account for " + e.Email }

// IsErrNoAccount reports whether err is an ErrNoAccount.
func IsErrNoAccount(err error) bool { return errors.As(err, &ErrNoAccount{}) }

// ByEmail returns the account with that address.
func ByEmail(email string) (*Account, error) {
	a, ok := accounts[strings.ToLower(email)]
	if !ok {
		return nil, ErrNoAccount{Email: email}
	}
	return a, nil
}

// Update changes the fields that are set.
type Update struct {
	Name  *string `privacy:"user.name"`
	Email *string `privacy:"user.contact.email"`
}

// Apply applies an update; its error quotes the new address if that is
// taken.
func Apply(id int64, u Update) error {
	if u.Email != nil && accounts[*u.Email] != nil {
		return fmt.Errorf("account %d: e-mail %s already in use", id, *u.Email)
	}
	return nil
}

// Load copies the account into dst.
func Load(id int64, dst *Account) {
	for _, a := range accounts {
		if a.ID == id {
			*dst = *a
		}
	}
}

// Check reports whether the account's ID is set; it writes nothing.
func Check(a *Account) error {
	if a.ID == 0 {
		return fmt.Errorf("account %+v has no ID", a)
	}
	return nil
}

// Recipient is what the mailer asks of an account.
type Recipient interface {
	Greeting() string
	Address() string
}

type recipient struct{ a *Account }

func (r recipient) Greeting() string { return fmt.Sprintf("Hello, account %d", r.a.ID) }
func (r recipient) Address() string  { return r.a.Email }

// RecipientOf returns the mailer's view of an account.
func RecipientOf(a *Account) Recipient { return recipient{a} }
