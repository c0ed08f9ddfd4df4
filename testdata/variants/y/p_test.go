package y_test

import (
	"testing"

	"example.com/variants/p"
)

type user struct {
	Email string `privacy:"user.contact.email"`
}

func notify(u user) {
	p.Notify(u.Email)
}

func TestNotify(t *testing.T) { notify(user{}) }
