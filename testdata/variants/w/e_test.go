package w_test

import (
	"testing"

	"example.com/variants/e"
)

type user struct {
	Email string `privacy:"user.contact.email"`
}

func use(t e.Trans, u user) { e.F(t, u.Email) }

func TestF(t *testing.T) { use(nil, user{}) }
