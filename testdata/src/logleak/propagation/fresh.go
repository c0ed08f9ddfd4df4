package propagation

import (
	"encoding/json"
	"fmt"
	"log"
)

// Options is an update request: nil fields are left unchanged.
type Options struct {
	Name  *string
	Email *string `privacy:"user.contact.email"`
}

// update quotes the e-mail in its error only if the caller set one.
func update(opts Options) error {
	if opts.Email != nil {
		return fmt.Errorf("e-mail %s already used", *opts.Email)
	}
	return nil
}

func updatePtr(opts *Options) error {
	if opts.Email != nil {
		return fmt.Errorf("e-mail %s already used", *opts.Email)
	}
	return nil
}

// A literal that leaves the tagged field nil cannot get it back.
func rename(name string) {
	log.Print(update(Options{Name: &name}))
	log.Print(updatePtr(&Options{Name: &name}))
	var o Options
	o.Name = &name
	log.Print(updatePtr(&o))
}

func changeEmail(e string) {
	log.Print(update(Options{Email: &e})) // want `user.contact.email \(Options.Email\) reaches log sink log.Print`
	var o Options
	o.Email = &e
	log.Print(updatePtr(&o)) // want `user.contact.email \(Options.Email\) reaches log sink log.Print`
}

// forward passes its own parameter on: its callers decide.
func forward(opts Options) error { return update(opts) }

func renameForward(name string) {
	log.Print(forward(Options{Name: &name}))
}

func forwardSomeone(opts Options) {
	log.Print(forward(opts)) // want `user.contact.email \(Options.Email\) reaches log sink log.Print`
}

// quote formats what it is given and writes nothing into it.
func quote(v any) error { return fmt.Errorf("bad value %v", v) }

// Memory of the caller's that a callee only reads stays as it was: a
// fresh User holds no e-mail address.
func quoteFresh(id int, e string) {
	log.Print(quote(new(User)))
	log.Print(quote(&User{ID: id}))
	log.Print(quote(&User{ID: id, Email: e})) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// Callees that write through their parameter fill the caller's memory
// with data of its type: directly, by decoding, or from a closure.
func setEmail(u *User, e string) { u.Email = e }

func decodeInto(data []byte, dst any) error { return json.Unmarshal(data, dst) }

func run(f func()) { f() }

func filled(data []byte) {
	u := new(User)
	setEmail(u, "x")
	log.Print(u) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	v := new(User)
	_ = decodeInto(data, v)
	log.Print(v.ID)
	log.Print(v) // want `reach log sink log.Print`
	var w User
	run(func() { _ = json.Unmarshal(data, &w) })
	log.Print(w) // want `reach log sink log.Print`
}
