package lib

type User struct {
	ID    int64
	Email string `privacy:"user.contact.email"`
}

//privacy:sink thirdparty mailer
func Send(to, body string) {}

//privacy:consent marketing.communications
func PromoAllowed(u *User) bool { return true }

// Promo needs its callers, in other packages, to check.
//
//privacy:purpose marketing.communications
func Promo(u *User) {
	Send(u.Email, "offer")
}

// Allowed wraps the check: importers may use it as one.
func Allowed(u *User) bool { return PromoAllowed(u) }
