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
