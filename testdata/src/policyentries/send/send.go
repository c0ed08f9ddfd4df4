package send

import (
	"net/smtp"

	crm "github.com/acme/crm-sdk"
	"policyentries/pb"
)

func sdk(cl *crm.Client, c *pb.Contact) {
	cl.Upsert(c.Email, "")                                                               // declared recipient crm, allowed category
	cl.Upsert("", string(c.Phone))                                                       // want `user.contact.phone_number \(type Phone\) reaches thirdparty sink crm.Client.Upsert \(recipient crm\); recipient crm may receive only user.contact.email`
	smtp.SendMail("mail.example:25", nil, "noreply@example.com", []string{c.Email}, nil) // want `host mail.example belongs to no declared recipient`
}
