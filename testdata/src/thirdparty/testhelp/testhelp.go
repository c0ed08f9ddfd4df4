// Package testhelp holds helpers that tests call, in a package of its
// own (not a _test.go file), as applications keep them.
package testhelp

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

// HookRequest posts body to path on the test server ts.
func HookRequest(ts *httptest.Server, path, body string) (*http.Response, error) {
	req, err := http.NewRequest("POST", ts.URL+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	return ts.Client().Do(req)
}

// PostTo posts body to base + path with c.
func PostTo(c *http.Client, base, path, body string) (*http.Response, error) {
	return c.Post(base+path, "text/plain", strings.NewReader(body))
}

// PostJSON posts body to base's /json endpoint, through PostTo.
func PostJSON(base, body string) {
	_, _ = PostTo(http.DefaultClient, base, "/json", body)
}

// Do sends a request the caller made.
func Do(c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(req)
}

// Config is a test configuration.
type Config struct {
	WebhookURL string
}

// Notify posts body to the configured webhook.
func Notify(cfg *Config, body string) {
	_, _ = PostTo(http.DefaultClient, cfg.WebhookURL, "", body)
}
