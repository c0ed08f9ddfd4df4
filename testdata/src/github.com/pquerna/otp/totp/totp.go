// Package totp is a stub of github.com/pquerna/otp/totp.
package totp

import (
	"net/url"

	"github.com/pquerna/otp"
)

type GenerateOpts struct {
	Issuer      string
	AccountName string
}

func Generate(opts GenerateOpts) (*otp.Key, error) {
	v := url.Values{}
	v.Set("issuer", opts.Issuer)
	u := url.URL{
		Scheme:   "otpauth",
		Host:     "totp",
		Path:     "/" + opts.Issuer + ":" + opts.AccountName,
		RawQuery: v.Encode(),
	}
	return otp.NewKeyFromURL(u.String())
}
