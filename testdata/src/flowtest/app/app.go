package app // want package:"analysed"

import (
	"log"

	"flowtest/lib"
)

func flows(c *lib.Customer) {
	lib.Send("signup", c.Email)
	log.Print(lib.Pass(c.Email))
	log.Print(lib.Lookup(1))
	n := &lib.Note{Title: "t"}
	n.Body = c.Email
	lib.Field(n)
	m := &lib.Note{Body: "b", Title: c.Email}
	lib.Field(m)
	log.Print(lib.Clean(c.Email))
}
