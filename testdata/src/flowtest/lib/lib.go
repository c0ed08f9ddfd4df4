package lib // want package:"analysed"

// The summaries of each shape are checked as facts.

import (
	"log"
	"strings"
)

type Customer struct {
	ID    int
	Email string `privacy:"user.contact.email"`
}

// Send logs its second parameter.
func Send(kind, body string) { // want Send:`summary\(p1->log:log.Print\)`
	log.Print(strings.ToUpper(body))
}

// Pass returns its parameter, lowered.
func Pass(s string) string { // want Pass:`summary\(p0->r0\)`
	return strings.ToLower(s)
}

// Lookup returns a customer's email: a source of its own.
func Lookup(id int) string { // want Lookup:`summary\(r0=user.contact.email\)`
	c := &Customer{ID: id}
	return c.Email
}

// Field logs one field of its parameter (not personal by tag: the caller decides).
func Field(c *Note) { // want Field:`summary\(p0.Body->log:log.Print\)`
	log.Print(c.Body)
}

type Note struct {
	Body  string
	Title string
}

// Clean does nothing with its parameter.
func Clean(s string) int { return 1 }

// Email is personal data wherever it goes.
//
//privacy:data user.contact.email
type Email string // want Email:`data\(user.contact.email\)`
