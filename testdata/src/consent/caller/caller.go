package caller

import "consent/lib"

func guarded(u *lib.User) {
	if lib.PromoAllowed(u) {
		lib.Promo(u)
	}
}

func viaWrapper(u *lib.User) {
	if !lib.Allowed(u) {
		return
	}
	lib.Promo(u)
}

func unguarded(u *lib.User) {
	lib.Promo(u) // want `user.contact.email \(User.Email\) reaches thirdparty sink lib.Send for marketing.communications without a consent check for it on every path \(unguarded from unguarded\)`
}
