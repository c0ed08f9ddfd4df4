package propagation

import (
	"errors"
	"log"
)

// Functions of a recursive cluster are analysed again as their callees'
// summaries grow, from the state their last analysis reached.

// relay and passOnward call each other: passOnward's first analysis sees no
// result from relay, its next one sees the e-mail, which must then go
// round passOnward's loop.
func relay(u *User, n int) string {
	if n == 0 {
		return u.Email
	}
	return passOnward(u, n-1)
}

func passOnward(u *User, n int) string {
	s, t := "", ""
	for i := 0; i < 3; i++ {
		s, t = t, relay(u, n)
	}
	return s
}

func relayed(u *User) {
	log.Print(passOnward(u, 3)) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

func createUsed(u *User) error { return ErrEmailUsed{Email: u.Email} }

// retried is analysed before isUsedAgain, which it calls and which calls
// it: its first analysis does not know that isUsedAgain tests the error's
// type. The next one does, and starts again from nothing: the log does
// not see the ErrEmailUsed the test filters out.
func retried(u *User) {
	err := createUsed(u)
	if isUsedAgain(err) {
		return
	}
	log.Print(err)
}

func isUsedAgain(err error) bool {
	if err == nil {
		retried(&User{})
		return false
	}
	return errors.As(err, &ErrEmailUsed{})
}

// A round after the first starts at the first block that read what
// changed (here the loop's header, when t reaches s along the back
// edge); the log before the loop is found in the first round and stands.
func beforeTheLoop(u *User) {
	log.Print(u.Email) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	s, t := "", ""
	for i := 0; i < 3; i++ {
		s, t = t, u.Email
	}
	log.Print(s) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// Memory read in a loop before the store that changes it: the next round
// starts at the block of the read.
func readBeforeStore(u *User) {
	var box struct{ v string }
	out := ""
	for i := 0; i < 2; i++ {
		if i > 0 {
			out = box.v
		}
		box.v = u.Email
	}
	log.Print(out) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}
