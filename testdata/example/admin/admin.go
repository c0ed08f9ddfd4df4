// Package admin holds the administrators' account tools.
package admin

import (
	"log"

	"example.com/itsaas/internal/directory"
)

// Rename sets a name only: the e-mail error of Apply cannot arise.
func Rename(id int64, name string) {
	if err := directory.Apply(id, directory.Update{Name: &name}); err != nil {
		log.Printf("rename %d: %v", id, err)
	}
}

func ChangeEmail(id int64, email string) {
	if err := directory.Apply(id, directory.Update{Email: &email}); err != nil {
		log.Printf("change e-mail %d: %v", id, err) // BUG(PV101): Apply's error quotes the new address
	}
}

// Lookup handles the error that quotes the address before logging the
// others.
func Lookup(email string) *directory.Account {
	a, err := directory.ByEmail(email)
	if directory.IsErrNoAccount(err) {
		log.Print("lookup: no such account")
		return nil
	}
	if err != nil {
		log.Printf("lookup: %v", err)
	}
	return a
}

// Audit checks a fresh account, which holds nothing of its own, and a
// loaded one, which holds the stored address and name.
func Audit(id int64) {
	a := &directory.Account{ID: id}
	if err := directory.Check(a); err != nil {
		log.Print(err)
	}
	b := new(directory.Account)
	directory.Load(id, b)
	if err := directory.Check(b); err != nil {
		log.Print(err) // BUG(PV101): Check's error quotes the loaded account, address and name
	}
}

// Greet logs what the mailer will use of an account.
func Greet(a *directory.Account) {
	r := directory.RecipientOf(a)
	log.Print(r.Greeting())
	log.Print(r.Address()) // BUG(PV101): the recipient's address
}
