// Package billing takes card payments for subscriptions through the payment
// processor and keeps the invoices.
package billing

import (
	"errors"
	"strings"
	"time"
	"unicode"

	"example.com/itsaas/account"
)

// Card is a payment card as entered in the checkout form.
type Card struct {
	Number   string `json:"number" privacy:"user.financial.credit_card"`
	ExpMonth int    `json:"exp_month" privacy:"user.financial.credit_card"`
	ExpYear  int    `json:"exp_year" privacy:"user.financial.credit_card"`
	CVC      string `json:"cvc" privacy:"user.financial.credit_card"`
	Holder   string `json:"holder" privacy:"user.name"`
}

// String masks the card: only the brand and the last four digits are shown.
//
//privacy:sanitizer
func (c Card) String() string {
	return brand(c.Number) + " ending " + Last4(c.Number)
}

// Last4 returns the last four digits of a card number, which may be shown and
// stored.
//
//privacy:sanitizer user.financial.credit_card
func Last4(number string) string {
	digits := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, number)
	if len(digits) < 4 {
		return "????"
	}
	return digits[len(digits)-4:]
}

func brand(number string) string {
	switch {
	case strings.HasPrefix(number, "4"):
		return "visa"
	case strings.HasPrefix(number, "5"):
		return "mastercard"
	case strings.HasPrefix(number, "34"), strings.HasPrefix(number, "37"):
		return "amex"
	}
	return "card"
}

// ChargeRequest is the body of POST /billing/charge.
type ChargeRequest struct {
	AccountID   int64           `json:"account_id"`
	AmountCents int64           `json:"amount_cents"`
	Currency    string          `json:"currency"`
	Card        Card            `json:"card"`
	Billing     account.Address `json:"billing_address"`
	Receipt     account.Email   `json:"receipt_email"`
}

// RefundRequest is the body of POST /billing/refund.
type RefundRequest struct {
	InvoiceID   int64 `json:"invoice_id"`
	AmountCents int64 `json:"amount_cents"`
	Card        Card  `json:"card"`
}

// Validate checks the parts of a charge that need no processor round trip.
func (req *ChargeRequest) Validate(now time.Time) error {
	if req.AmountCents <= 0 {
		return errors.New("billing: amount must be positive")
	}
	if req.Card.ExpYear < now.Year() || (req.Card.ExpYear == now.Year() && req.Card.ExpMonth < int(now.Month())) {
		return errors.New("billing: card expired")
	}
	return nil
}
