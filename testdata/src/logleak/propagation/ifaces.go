package propagation

import "log"

// Mailer is what a mail package asks of a user: an interface value is
// its methods to whoever holds it.
type Mailer interface {
	DisplayName() string
	Address() string
}

type mailUser struct{ u *User }

func (m mailUser) DisplayName() string { return m.u.Plan }
func (m mailUser) Address() string     { return m.u.Email }

func newMailUser(u *User) Mailer { return mailUser{u} }

func greeting(m Mailer) string { return "Hello " + m.DisplayName() }
func envelope(m Mailer) string { return "To: " + m.Address() }

func mails(u *User) {
	m := newMailUser(u)
	log.Print(greeting(m))
	log.Print(envelope(m)) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	log.Print(m.DisplayName())
	log.Print(m.Address()) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	var direct Mailer = mailUser{u}
	log.Print(direct.DisplayName())
	if mu, ok := direct.(mailUser); ok {
		log.Print(mu.u.Plan)
		log.Print(mu.u.Email) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}
