package y

import "log"

// Mail logs s.
func Mail(s string) { log.Print(s) }

type User struct {
	Email string `privacy:"user.contact.email"`
}
