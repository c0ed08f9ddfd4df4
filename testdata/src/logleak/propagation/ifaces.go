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

// Record is a wide interface, as a flow or a store interface is (a
// dozen methods): the model covers it as it covers a small one.
type Record interface {
	ID() string
	Kind() string
	Owner() string
	State() string
	URL() string
	Created() string
	Updated() string
	Expires() string
	Note() string
	Source() string
	Tag() string
}

type userRecord struct{ u *User }

func (r *userRecord) ID() string      { return "r1" }
func (r *userRecord) Kind() string    { return "user" }
func (r *userRecord) Owner() string   { return r.u.Email }
func (r *userRecord) State() string   { return r.u.Plan }
func (r *userRecord) URL() string     { return "/u" }
func (r *userRecord) Created() string { return "" }
func (r *userRecord) Updated() string { return "" }
func (r *userRecord) Expires() string { return "" }
func (r *userRecord) Note() string    { return "" }
func (r *userRecord) Source() string  { return "" }
func (r *userRecord) Tag() string     { return "" }

func loadRecord(u *User) Record { return &userRecord{u} }

func describeRecord(r Record) string { return r.Kind() + " " + r.ID() }

func records(u *User) {
	r := loadRecord(u)
	log.Print(describeRecord(r))
	log.Print(r.State())
	log.Print(r.Owner()) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	if ur, ok := r.(*userRecord); ok {
		log.Print(ur.u.Plan)
		log.Print(ur.u.Email) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}

// Plugin is implemented only by importers (sign-in plug-ins): the engine
// cannot see the methods that will run, as for another package's
// interface, and their results are not their arguments.
type Plugin interface {
	PluginLogin(u *User, realm string) (string, error)
}

func signIn(p Plugin, u *User) {
	id, err := p.PluginLogin(u, "main")
	log.Print(id)
	log.Print(err)
}

// Resolver has an implementation here: a call of it may run it.
type Resolver interface {
	ResolveContact(u *User) string
}

type emailResolver struct{}

func (emailResolver) ResolveContact(u *User) string { return u.Email }

func contact(r Resolver, u *User) {
	log.Print(r.ResolveContact(u)) // want `user.contact.email \(User.Email\)`
}

// A dynamic call of the package's own interface runs one of its
// implementations: each implementation's summary is applied to the
// arguments, and what none of them returns does not flow. Options reads
// only the user's plan, in every implementation.
type Optioner interface {
	Options(u *User) []string
}

type planOptions struct{ prefix string }

func (o planOptions) Options(u *User) []string { return []string{o.prefix + u.Plan} }

type noOptions struct{}

func (noOptions) Options(u *User) []string { return nil }

func options(o Optioner, u *User) {
	log.Print(o.Options(u))
}

// One implementation of two returns the address: the call may.
type Labeler interface {
	Label(u *User, short bool) string
}

type planLabel struct{}

func (planLabel) Label(u *User, short bool) string { return u.Plan }

type mailLabel struct{ sep string }

func (m *mailLabel) Label(u *User, short bool) string {
	if short {
		return u.Plan
	}
	return u.Plan + m.sep + u.Email
}

func label(l Labeler, u *User) {
	log.Print(l.Label(u, true)) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// An implementation that logs its argument is a sink for the call (the
// finding is at the implementation's log, as for a static call).
type Auditor interface {
	Audit(event, detail string)
}

type logAuditor struct{}

func (logAuditor) Audit(event, detail string) {
	log.Print(event, detail) // want `user.contact.phone_number \(User.Phone\) reaches log sink log.Print`
}

func audit(a Auditor, u *User) {
	a.Audit("signup", u.Phone)
}

// An implementation that is a directive sink makes the dynamic call a
// send, and one that is a source makes it return its data.
type Notifier interface {
	Notify(to string)
}

type smsNotifier struct{}

//privacy:sink log
func (smsNotifier) Notify(to string) {}

func notify(n Notifier, u *User) {
	n.Notify(u.Phone) // want `user.contact.phone_number \(User.Phone\) reaches log sink propagation.smsNotifier.Notify`
}

type Locator interface {
	Locate() string
}

type gpsLocator struct{}

//privacy:source user.location.precise
func (gpsLocator) Locate() string { return "" }

func locate(l Locator) {
	log.Print(l.Locate()) // want `user.location.precise \(func propagation.gpsLocator.Locate\) reaches log sink log.Print`
}

func notifyStatic(u *User) {
	smsNotifier{}.Notify(u.Phone) // want `user.contact.phone_number \(User.Phone\) reaches log sink propagation.smsNotifier.Notify`
}

// Implementations that are sanitizers return their arguments sanitized:
// when every implementation is one, the call's result is clean.
type Masker interface {
	Mask(s string) string
}

type starMasker struct{}

//privacy:sanitizer
func (starMasker) Mask(s string) string { return s[:1] + "***" }

type hashMasker struct{}

//privacy:sanitizer
func (hashMasker) Mask(s string) string { return "#" + s[len(s)-1:] }

func mask(m Masker, u *User) {
	log.Print(m.Mask(u.Email))
}

type Shortener interface {
	Short(s string) string
}

type cutShortener struct{}

//privacy:sanitizer
func (cutShortener) Short(s string) string { return "" }

type keepShortener struct{}

func (keepShortener) Short(s string) string { return s }

func short(sh Shortener, u *User) {
	log.Print(sh.Short(u.Email)) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}
