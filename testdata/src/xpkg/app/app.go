package app

import (
	"fmt"

	"xpkg/middle"
	"xpkg/model"
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
