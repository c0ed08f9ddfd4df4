package app

import (
	"log"

	"policyentries/pb"
	"policyentries/web"
)

// Audit is named a log sink by the policy.
func Audit(v ...any) {}

// Redact is named a sanitizer of e-mail addresses by the policy.
func Redact(s string) string { return "***" }

// TrackingEnabled is named a consent check by the policy.
func TrackingEnabled(device int64) bool { return false }

func sources(c *pb.Contact, ctx *web.Context) {
	log.Print(c.Email)         // want `user.contact.email \(Contact.Email\) reaches log sink log.Print`
	log.Print(string(c.Phone)) // want `user.contact.phone_number \(type Phone\) reaches log sink log.Print`
	log.Print(ctx.ClientIP())  // want `user.device.ip_address \(func web.Context.ClientIP\) reaches log sink log.Print`
	log.Print(c.ID, ctx.Path())
	Audit(c.Email) // want `reaches log sink app.Audit`
	log.Print(Redact(c.Email))
}

// Builder builds a request; the policy names Body a sink of its argument
// only (args: [1]).
type Builder struct{ to string }

func (b *Builder) Body(data string) *Builder { return b }

// Note is a sink whose policy entry names a position it does not have.
func Note(event, detail string) {}

func builder(c *pb.Contact) {
	b := &Builder{to: c.Email}
	b.Body("hello")
	b.Body(c.Email)         // want `user.contact.email \(Contact.Email\) reaches log sink app.Builder.Body`
	Note("signup", c.Email) // want `user.contact.email \(Contact.Email\) reaches log sink app.Note`
}
