package propagation

import (
	"errors"
	"fmt"
	"log"
)

// Variables that live in memory (a named result with a defer, a variable
// a closure captures) are read where they are read: a load sees the
// stores that reach it, not those made after it.
func namedResult(u *User) (err error) {
	defer func() {
		if err != nil {
			log.Print("merge failed")
		}
	}()
	err = errors.New("first step failed")
	if err != nil {
		log.Print(err)
	}
	err = fmt.Errorf("no user %s", u.Email)
	log.Print(err) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	return err
}

func captured(u *User, later func(func())) {
	msg := "start"
	later(func() { log.Print(msg) }) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	log.Print(msg)
	msg = u.Email
	log.Print(msg) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// A store in a loop reaches the next iteration's reads.
func previous(users []User) {
	last := "none"
	for _, u := range users {
		log.Print(last) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
		last = u.Email
	}
	func() { _ = last }()
}
