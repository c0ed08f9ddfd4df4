package x_test

import (
	"testing"

	"example.com/variants/q"
	"example.com/variants/x"
)

type user struct {
	Email string `privacy:"user.contact.email"`
}

func save(u user) {
	q.Save(x.Nop(), u.Email) // in the test binary, x.Record may log
}

func TestSave(t *testing.T) { save(user{}) }
