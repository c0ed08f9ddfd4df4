package caller

import (
	"net/http"

	"consent/lib"
)

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

// Routes is exported, but the handlers it registers run per request,
// where no check of Routes holds: each is an entry point of its own, in
// a library as in a main package.
func Routes(mux *http.ServeMux, u *lib.User) {
	mux.HandleFunc("/promo", func(w http.ResponseWriter, r *http.Request) {
		lib.Promo(u) // want `without a consent check for it on every path \(unguarded from func literal in Routes\)`
	})
	mux.HandleFunc("/checked", func(w http.ResponseWriter, r *http.Request) {
		if lib.PromoAllowed(u) {
			lib.Promo(u)
		}
	})
}

// Later runs the closure it makes at once: the check before it holds.
func Later(u *lib.User) {
	if !lib.PromoAllowed(u) {
		return
	}
	func() {
		lib.Promo(u)
	}()
}
