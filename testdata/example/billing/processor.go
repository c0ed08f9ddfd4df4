package billing

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"example.com/itsaas/account"
)

const (
	chargeURL = "https://api.payprocessor.example/v1/charges"
	// legacyRefundURL is the processor's v0 refund API, reached over the
	// site-to-site VPN from the old data centre.
	legacyRefundURL = "http://api.payprocessor.example/v0/refunds"

	insertInvoice = `INSERT INTO invoices (account_id, amount_cents, currency, card_last4, processor_ref, created) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`
)

// ErrDeclined is returned when the processor declines a card.
var ErrDeclined = errors.New("billing: card declined")

// Processor charges and refunds cards and records invoices.
type Processor struct {
	http   *http.Client
	db     *sql.DB
	apiKey string
}

// NewProcessor returns a Processor that records invoices in db and
// authenticates to the processor with apiKey.
func NewProcessor(db *sql.DB, apiKey string) *Processor {
	return &Processor{http: &http.Client{Timeout: 30 * time.Second}, db: db, apiKey: apiKey}
}

type chargeBody struct {
	Amount   int64           `json:"amount"`
	Currency string          `json:"currency"`
	Card     Card            `json:"card"`
	Billing  account.Address `json:"billing_details"`
	Receipt  account.Email   `json:"receipt_email,omitempty"`
}

type chargeResult struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// Charge charges the card of req and records the invoice.
//
//privacy:purpose essential.service.payment_processing
func (p *Processor) Charge(ctx context.Context, req ChargeRequest) (invoiceID int64, err error) {
	body, err := json.Marshal(chargeBody{Amount: req.AmountCents, Currency: req.Currency, Card: req.Card, Billing: req.Billing, Receipt: req.Receipt})
	if err != nil {
		return 0, err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.SetBasicAuth(p.apiKey, "")
	resp, err := p.http.Do(hreq) // OK: card data to the declared processor over TLS
	if err != nil {
		return 0, errors.New("billing: processor unreachable")
	}
	defer resp.Body.Close()
	var res chargeResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return 0, fmt.Errorf("billing: processor response: %w", err)
	}
	if res.Status != "succeeded" {
		return 0, ErrDeclined
	}
	err = p.db.QueryRowContext(ctx, insertInvoice, req.AccountID, req.AmountCents, req.Currency, Last4(req.Card.Number), res.ID, time.Now().UTC()).Scan(&invoiceID) // OK: only the last four digits are stored
	return invoiceID, err
}

// Refund pays an invoice back to the card it was charged to.
//
//privacy:purpose essential.service.payment_processing
func (p *Processor) Refund(ctx context.Context, req RefundRequest) error {
	body, err := json.Marshal(map[string]any{"invoice": req.InvoiceID, "amount": req.AmountCents, "card": req.Card})
	if err != nil {
		return err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, legacyRefundURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.SetBasicAuth(p.apiKey, "")
	resp, err := p.http.Do(hreq) // BUG(PV501): the card number travels over plain http://; §7 promises TLS
	if err != nil {
		return errors.New("billing: processor unreachable")
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("billing: refund of invoice %d: status %d", req.InvoiceID, resp.StatusCode)
	}
	return nil
}
