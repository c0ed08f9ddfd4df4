package r

import (
	"log"

	"example.com/variants/y"
)

// Greet logs the user's e-mail address.
func Greet(u y.User) { log.Print(u.Email) }
