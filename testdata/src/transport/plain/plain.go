package plain

import (
	"crypto/tls"
	"net/http"
	"net/url"
)

type Order struct {
	ID   int64
	Card string `privacy:"user.financial.credit_card"`
}

func charge(o *Order) {
	http.PostForm("http://api.pay.example/charge", url.Values{"card": {o.Card}}) // want `user.financial.credit_card \(Order.Card\) reaches thirdparty sink http.PostForm; it goes over plain http://`
	http.PostForm("https://api.pay.example/charge", url.Values{"card": {o.Card}})
	http.PostForm("http://api.pay.example/status", url.Values{"id": {"1"}})
}

func insecure(o *Order) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	c.PostForm("https://api.pay.example/charge", url.Values{"card": {o.Card}}) // want `skips TLS certificate verification`
	safe := &http.Client{}
	safe.PostForm("https://api.pay.example/charge", url.Values{"card": {o.Card}})
}
