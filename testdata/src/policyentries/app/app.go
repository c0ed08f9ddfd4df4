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
