// Package clientreq: an http.Client does not send the fields a server
// fills in on the requests it receives, RemoteAddr among them.
package clientreq

import "net/http"

func ping() {
	out, _ := http.NewRequest("GET", "https://tracker.example/ping", nil)
	_, _ = http.DefaultClient.Do(out)
}

// forward copies the caller's address into a header: that is sent.
func forward(in *http.Request) {
	out, _ := http.NewRequest("POST", "https://tracker.example/hook", nil)
	out.Header.Set("X-Forwarded-For", in.RemoteAddr)
	_, _ = http.DefaultClient.Do(out) // want `user.device.ip_address \(Request.RemoteAddr\) reaches thirdparty sink http.Client.Do`
}

// A client keeping its request in a field, as request builders do.
type client struct{ req *http.Request }

func (c *client) send() { _, _ = http.DefaultClient.Do(c.req) }

func newClient() *client { return &client{req: &http.Request{Method: "GET"}} }

func use() { newClient().send() }
