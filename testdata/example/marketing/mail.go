package marketing

import (
	"context"
	"strings"

	"example.com/itsaas/account"
	"example.com/itsaas/internal/mailer"
)

// Campaign is one promotional mailing.
type Campaign struct {
	ID            string   `json:"id"`
	Subject       string   `json:"subject"`
	EmailTemplate string   `json:"email_template"` // OK: a template id at the mail provider, not an address (no PV701)
	Tags          []string `json:"tags,omitempty"`
}

// Mailer sends campaigns through the mail provider.
type Mailer struct {
	Client  *mailer.Client
	Prefs   *PrefStore
	BaseURL string
}

func (m *Mailer) message(u account.User, c Campaign) mailer.Message {
	first, _, _ := strings.Cut(u.Name, " ")
	return mailer.Message{
		To:       mailer.Address{Email: string(u.Email), Name: u.Name},
		Template: c.EmailTemplate,
		Subject:  c.Subject,
		Tags:     append([]string{"campaign:" + c.ID}, c.Tags...),
		Vars: map[string]string{
			"first_name":  first,
			"unsubscribe": m.Prefs.UnsubscribeURL(m.BaseURL, u.ID),
		},
	}
}

// SendNewsletter mails the monthly newsletter to every user.
//
//privacy:purpose marketing.communications.email
func (m *Mailer) SendNewsletter(ctx context.Context, users []account.User, c Campaign) (sent int, err error) {
	for _, u := range users {
		if err := m.Client.Send(ctx, m.message(u, c)); err != nil { // OK here: sent without asking PromoAllowed, but the finding is where the unguarded path starts (cmd/itsaasd)
			return sent, err
		}
		sent++
	}
	return sent, nil
}

// SendProductTips mails the onboarding tips series.
//
//privacy:purpose marketing.communications.email
func (m *Mailer) SendProductTips(ctx context.Context, users []account.User, c Campaign) (sent int, err error) {
	for _, u := range users {
		if !m.Prefs.PromoAllowed(u.ID) {
			continue
		}
		if err := m.Client.Send(ctx, m.message(u, c)); err != nil { // OK: opt-out honoured
			return sent, err
		}
		sent++
	}
	return sent, nil
}

// SendRenewalOffer mails a renewal discount; the account manager calls back
// the number in the mail's reply-to form.
//
//privacy:purpose marketing.communications.email
func (m *Mailer) SendRenewalOffer(ctx context.Context, u account.User, c Campaign) error {
	if !m.Prefs.PromoAllowed(u.ID) {
		return nil
	}
	msg := m.message(u, c)
	msg.Vars["callback_phone"] = u.Phone
	return m.Client.Send(ctx, msg) // BUG(PV202): the mailer may receive e-mail and name, not the phone number
}
