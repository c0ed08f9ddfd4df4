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

// A function that defers a call has a recover block, which returns the
// named results as a panic left them. It is entered only when a deferred
// call stops the panic, so without one a return sees its own store only.
func noRecover(u *User) (err error) {
	defer log.Print("done")
	err = fmt.Errorf("no user %s", u.Email)
	log.Print("lookup failed")
	err = errors.New("lookup failed")
	return err
}

// A deferred closure that calls recover does stop a panic: what err held
// when step panicked is returned.
func recovers(u *User, step func()) (err error) {
	defer func() { _ = recover() }()
	err = fmt.Errorf("no user %s", u.Email)
	step()
	return nil
}

// So does a deferred function of the package's that calls recover.
func recovery() {
	if r := recover(); r != nil {
		log.Print("recovered")
	}
}

func recoversNamed(u *User, step func()) (err error) {
	defer recovery()
	err = fmt.Errorf("no user %s", u.Email)
	step()
	return nil
}

func callRecovers(u *User, step func()) {
	log.Print(noRecover(u))
	log.Print(recovers(u, step))      // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	log.Print(recoversNamed(u, step)) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// A closure's own stores into a variable it captures are read where they
// reach: a read after the closure's store sees that store only, a read
// before it sees what the variable held before (in the enclosing
// function, or from an earlier call of the closure).
func closureStores(u *User, run func(func())) {
	err := fmt.Errorf("no user %s", u.Email)
	run(func() {
		if err = errors.New("lookup failed"); err != nil {
			log.Print(err)
		}
	})
	prev := fmt.Errorf("no user %s", u.Email)
	run(func() {
		log.Print(prev) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
		prev = errors.New("later")
	})
	last := "none"
	run(func() {
		log.Print(last) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
		last = u.Email
	})
}
