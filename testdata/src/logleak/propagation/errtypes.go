package propagation

import (
	"errors"
	"fmt"
	"log"
	"strings"

	crerrors "github.com/cockroachdb/errors"
	"github.com/ory/herodot"
	"github.com/pquerna/otp/totp"
)

// Errors handled by their type: a caller that filters out the error
// types quoting personal data passes on only the others.

type ErrEmailUsed struct{ Email string }

func (e ErrEmailUsed) Error() string { return "e-mail already used: " + e.Email }

func IsErrEmailUsed(err error) bool { return errors.As(err, &ErrEmailUsed{}) }

type ErrNoAccount struct{ Email string }

func (e *ErrNoAccount) Error() string { return "no account for " + e.Email }

func IsErrNoAccount(err error) bool {
	_, ok := err.(*ErrNoAccount)
	return ok
}

func create(u *User) error {
	if u.ID == 0 {
		return ErrEmailUsed{Email: u.Email}
	}
	if u.Plan == "" {
		return &ErrNoAccount{Email: u.Email}
	}
	return errors.New("database is locked")
}

func createWrapped(u *User) error {
	if err := create(u); err != nil {
		return fmt.Errorf("create: %w", err)
	}
	return nil
}

func createText(u *User) error {
	if err := create(u); err != nil {
		return fmt.Errorf("create: %v", err)
	}
	return nil
}

func handled(u *User) {
	err := create(u)
	if errors.As(err, &ErrEmailUsed{}) || IsErrNoAccount(err) {
		return
	}
	log.Print(err)
}

func handledOne(u *User) {
	err := create(u)
	if IsErrEmailUsed(err) {
		return
	}
	log.Print(err) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// %w keeps the error in the chain; %v renders it into text.
func handledWrapped(u *User) {
	err := createWrapped(u)
	if IsErrEmailUsed(err) || IsErrNoAccount(err) {
		return
	}
	log.Print(err)
}

func handledText(u *User) {
	err := createText(u)
	if IsErrEmailUsed(err) || IsErrNoAccount(err) {
		return
	}
	log.Print(err) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

func handledSwitch(u *User) {
	switch err := create(u); {
	case err == nil:
	case IsErrEmailUsed(err), IsErrNoAccount(err):
		log.Print("taken")
	default:
		log.Print(err)
	}
}

func selected(u *User) {
	if err := create(u); IsErrEmailUsed(err) {
		log.Print(err) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}

// Data that went through string functions before it was boxed is boxed
// all the same.
func normalize(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func lookup(email string) error {
	if email == "" {
		return errors.New("no e-mail address")
	}
	return &ErrNoAccount{Email: normalize(email)}
}

func handledLookup(u *User) {
	err := lookup(u.Email)
	if IsErrNoAccount(err) {
		return
	}
	log.Print(err)
}

// An error's text put into another error leaves the type behind.
func retold(u *User) {
	err := create(u)
	if err == nil {
		return
	}
	err = errors.New(err.Error())
	if IsErrEmailUsed(err) || IsErrNoAccount(err) {
		return
	}
	log.Print(err) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// Another errors package's As and Cause test the chain the same way.
type ErrTaken struct{ Email string }

func (e ErrTaken) Error() string { return e.Email + " is taken" }

func IsErrTaken(err error) bool { return crerrors.As(err, &ErrTaken{}) }

func IsErrTakenCause(err error) bool {
	_, ok := crerrors.Cause(err).(ErrTaken)
	return ok
}

func register(u *User) error {
	if u.ID == 0 {
		return ErrTaken{Email: u.Email}
	}
	return nil
}

func handledTaken(u *User) {
	if err := register(u); err != nil && !IsErrTaken(err) {
		log.Print(err)
	}
	if err := register(u); err != nil && !IsErrTakenCause(err) {
		log.Print(err)
	}
	if err := register(u); err != nil {
		log.Print(err) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}

// herodot's With*f methods format: %T of a value carries none of it.
func herodotErrors(u *User) {
	log.Print(herodot.ErrInternalServerError.WithDetailf("cause", "unexpected type %T", u))
	log.Print(herodot.ErrInternalServerError.WithReasonf("no account for %s", u.Email)) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	log.Print(herodot.ErrInternalServerError.WithDebugf("type %T, id %d", u, u.ID))
}

// totp.Generate's only error that could quote its input is url.Parse of
// a URL the library has just built and escaped: it does not fail. The key
// is that URL, account name included.
func enrol(u *User) {
	key, err := totp.Generate(totp.GenerateOpts{Issuer: "app", AccountName: u.Email})
	if err != nil {
		log.Print(err)
		return
	}
	log.Print(key.String()) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}
