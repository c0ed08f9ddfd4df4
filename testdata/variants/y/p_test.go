package y_test

import (
	"testing"

	"example.com/variants/p"
	"example.com/variants/r"
)

var _ = r.Greet // r is loaded again for y's tests

type user struct {
	Email string `privacy:"user.contact.email"`
}

func notify(u user) {
	p.Notify(u.Email)
}

func TestNotify(t *testing.T) { notify(user{}) }
