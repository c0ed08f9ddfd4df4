package app

import (
	"fmt"

	"xpkg/middle"
	"xpkg/model"
	"xpkg/sink"
)

func Signup(a *model.Account) {
	middle.Forward("signup", a.Email) // want `user.contact.email \(Account.Email\) reaches log sink slog.Info`
	middle.Forward("signup", fmt.Sprint(a.ID))
	middle.Quiet("signup", a.Phone)
}

func Typed(e model.Email) {
	middle.Forward("typed", string(e)) // want `user.contact.email \(type Email\) reaches log sink slog.Info`
}

// A closure that hands a captured account's e-mail to another package
// that logs it is reported once, at that call, not again where the
// closure is made.
func Async(a *model.Account, done chan bool) {
	go func() {
		middle.Forward("async", a.Email) // want `user.contact.email \(Account.Email\) reaches log sink slog.Info`
		done <- true
	}()
}

// recipient makes an account a sink.Recipient: sink sees only the
// interface, and its summary says which method's result it logs.
type recipient struct{ a *model.Account }

func (r recipient) Name() string    { return fmt.Sprint(r.a.ID) }
func (r recipient) Address() string { return r.a.Email }

func Notify(a *model.Account) {
	sink.Notice(recipient{a}) // want `user.contact.email \(Account.Email\) reaches log sink slog.Info`
	sink.Greet(recipient{a})
}

// find defers another package's function that recovers: a panic in step
// returns the error that quotes the address.
func find(a *model.Account, step func()) (err error) {
	defer sink.Recover()
	err = fmt.Errorf("no account %s", a.Email)
	step()
	return nil
}

// lookup defers one that does not: only the nil it returns is returned.
func lookup(a *model.Account, step func()) (err error) {
	defer sink.Flush()
	err = fmt.Errorf("no account %s", a.Email)
	step()
	return nil
}

func Lookups(a *model.Account, step func()) {
	sink.Audit("find", fmt.Sprint(find(a, step))) // want `user.contact.email \(Account.Email\) reaches log sink slog.Info`
	sink.Audit("lookup", fmt.Sprint(lookup(a, step)))
}

// Methods of another package's type are followed through its summaries.
func Relayed(a *model.Account) {
	r := &middle.Relay{}
	r.Forward(a.Email) // want `user.contact.email \(Account.Email\) reaches log sink slog.Info`
	r.Quiet(a.Email)
	sink.Audit("echo", r.Echo(a.Email)) // want `user.contact.email \(Account.Email\) reaches log sink slog.Info`
	sink.Audit("echo", r.Echo("anonymous"))
}

// Methods of another package's generic type too.
func Queued(a *model.Account) {
	q := &middle.Queue[int]{}
	q.Forward(a.Email) // want `user.contact.email \(Account.Email\) reaches log sink slog.Info`
	_ = q.Len(a.Email)
}
