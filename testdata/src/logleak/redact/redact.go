// Package redact: types that render without their personal fields are
// clean when logged whole; a sanitizer cleans what it returns.
package redact

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
)

type Masked struct {
	ID    int
	Email string `privacy:"user.contact.email"`
}

func (m Masked) String() string { return fmt.Sprintf("Masked{%d}", m.ID) }

type Leaky struct {
	ID    int
	Email string `privacy:"user.contact.email"`
}

func (l Leaky) String() string { return "Leaky{" + l.Email + "}" }

type Attr struct {
	Email string `privacy:"user.contact.email"`
}

func (a Attr) LogValue() slog.Value { return slog.StringValue("[redacted]") }

type Doc struct {
	Email string `privacy:"user.contact.email"`
}

func (d Doc) MarshalJSON() ([]byte, error) { return []byte(`{"email":"***"}`), nil }

// Mask keeps the domain only.
//
//privacy:sanitizer user.contact.email
func Mask(email string) string { return "***" }

//privacy:data user.contact.email
type Email string

func logs(m Masked, l Leaky, a Attr, d Doc, e Email) {
	log.Print(m)
	log.Print(l) // want `user.contact.email \(Leaky.Email\)`
	slog.Info("attr", "a", a)
	data, _ := json.Marshal(d)
	log.Print(string(data))
	log.Print(Mask(l.Email))
	log.Print(string(e)) // want `user.contact.email \(type Email\)`
	log.Print(Mask(string(e)))
}

// Card masks itself for logs, but not for JSON.
type Card struct {
	Number string `json:"number" privacy:"user.financial.credit_card"`
}

//privacy:sanitizer
func (c Card) String() string { return "**** " }

func rendered(c Card) {
	log.Print(c)
	data, _ := json.Marshal(map[string]any{"card": c})
	log.Print(string(data)) // want `user.financial.credit_card \(Card.Number\) reaches log sink log.Print`
}

// Through a parameter, the rendering still decides: a helper that logs
// what it is given shows what fmt shows of the caller's value.
func logVia(v any) {
	log.Print(v) // want `user.contact.email \(Leaky.Email\) reaches log sink log.Print`
}

func logCard(c Card) { log.Print(c) }

func jsonVia(v any) {
	data, _ := json.Marshal(v)
	log.Print(string(data)) // want `user.financial.credit_card \(Card.Number\) reaches log sink log.Print`
}

func viaParams(c Card, l Leaky, m Masked) {
	logCard(c)
	logVia(c)
	logVia(m)
	logVia(l)
	jsonVia(c)
}
