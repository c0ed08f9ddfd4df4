// Package mailer is the client for the mail delivery provider that sends both
// transactional mail (password resets, invoices) and marketing campaigns.
package mailer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

const endpoint = "https://api.mailer.example/v3/messages"

// ErrRejected is returned when the provider refuses a message.
var ErrRejected = errors.New("mailer: message rejected")

// Address is one recipient.
type Address struct {
	Email string `json:"email" privacy:"email"`
	Name  string `json:"name,omitempty" privacy:"user.name"`
}

// Message is one mail, rendered by the provider from Template and Vars.
type Message struct {
	To       Address           `json:"to"`
	Template string            `json:"template"`
	Subject  string            `json:"subject,omitempty"`
	Vars     map[string]string `json:"vars,omitempty"`
	Tags     []string          `json:"tags,omitempty"`
}

// Client talks to the provider's HTTP API.
type Client struct {
	http   *http.Client
	apiKey string
}

// New returns a client authenticating with apiKey.
func New(apiKey string) *Client {
	return &Client{http: &http.Client{Timeout: 10 * time.Second}, apiKey: apiKey}
}

// Send hands one message to the provider for delivery.
//
//privacy:sink thirdparty mailer
func (c *Client) Send(ctx context.Context, m Message) error {
	body, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("mailer: encode: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("mailer: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("mailer: deliver: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%w: status %d", ErrRejected, resp.StatusCode)
	}
	return nil
}
