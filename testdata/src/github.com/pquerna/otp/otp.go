// Package otp is a stub of github.com/pquerna/otp: a key is the
// otpauth URL that holds the account name.
package otp

import (
	"net/url"
	"strings"
)

type Key struct {
	orig string
	url  *url.URL
}

func NewKeyFromURL(orig string) (*Key, error) {
	s := strings.TrimSpace(orig)
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	return &Key{orig: s, url: u}, nil
}

func (k *Key) String() string { return k.orig }

func (k *Key) Secret() string { return k.url.Query().Get("secret") }
