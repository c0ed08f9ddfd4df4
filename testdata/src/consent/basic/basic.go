package basic

import "errors"

type User struct {
	ID    int64
	Email string `privacy:"user.contact.email"`
}

// Send hands a message to the mailing provider.
//
//privacy:sink thirdparty mailer
func Send(to, body string) {}

//privacy:consent marketing.communications
func PromoAllowed(u *User) bool { return true }

//privacy:consent marketing.advertising.third_party.targeted
func AdsConsent(u *User) error { return errors.New("no") }

//privacy:purpose marketing.communications
func oneBranch(u *User, vip bool) {
	if vip && PromoAllowed(u) {
		Send(u.Email, "vip offer")
	}
	Send(u.Email, "offer") // want `user.contact.email \(User.Email\) reaches thirdparty sink basic.Send for marketing.communications without a consent check for it on every path \(unguarded from oneBranch\)`
}

//privacy:purpose marketing.communications
func earlyReturn(u *User) {
	if !PromoAllowed(u) {
		return
	}
	Send(u.Email, "offer")
}

//privacy:purpose marketing.communications
func storedCheck(u *User) {
	ok := PromoAllowed(u)
	body := "offer"
	if ok {
		Send(u.Email, body)
	}
}

//privacy:purpose marketing.communications
func wrongPurpose(u *User) {
	if AdsConsent(u) == nil {
		Send(u.Email, "offer") // want `without a consent check for it on every path`
	}
}

//privacy:purpose marketing.advertising.third_party.targeted
func errorShape(u *User) {
	if err := AdsConsent(u); err != nil {
		return
	}
	Send(u.Email, "retarget")
}

//privacy:purpose marketing.communications
func ignored(u *User) {
	PromoAllowed(u)        // want `the result of consent check basic.PromoAllowed \(marketing.communications\) is ignored`
	Send(u.Email, "offer") // want `without a consent check`
}

//privacy:purpose marketing.communications
func loop(users []*User) {
	for _, u := range users {
		if !PromoAllowed(u) {
			continue
		}
		Send(u.Email, "offer")
	}
}

//privacy:purpose marketing.communications
func goroutine(u *User) {
	if PromoAllowed(u) {
		go func() {
			Send(u.Email, "offer")
		}()
	}
	go func() {
		Send(u.Email, "offer") // want `without a consent check`
	}()
}

//privacy:purpose essential.service.notifications
func receipt(u *User) {
	Send(u.Email, "your invoice") // notifications need no consent
}

// promo needs its callers to check.
//
//privacy:purpose marketing.communications
func promo(u *User) {
	Send(u.Email, "offer")
}

func guardedCaller(u *User) {
	if PromoAllowed(u) {
		promo(u)
	}
}

func unguardedCaller(u *User) {
	promo(u) // want `without a consent check for it on every path \(unguarded from unguardedCaller\)`
}

func allowed(u *User) bool { return PromoAllowed(u) }

func viaWrapper(u *User) {
	if allowed(u) {
		promo(u)
	}
}
