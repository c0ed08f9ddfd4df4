package local

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"thirdparty/testhelp"
)

func newServer(t *testing.T) *httptest.Server {
	ts := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(ts.Close)
	return ts
}

// The test's own server is no third party.
func TestOwnServer(t *testing.T) {
	ts := newServer(t)
	u := User{Email: "jane@x.example", Phone: "555"}

	http.Post(ts.URL+"/signup", "text/plain", strings.NewReader(u.Email))
	http.PostForm(ts.URL, url.Values{"email": {u.Email}})
	base, _ := url.Parse(ts.URL)
	http.Get(base.JoinPath("users").String() + "?email=" + url.QueryEscape(u.Email))
	req, _ := http.NewRequest("POST", ts.URL+"/login", strings.NewReader(u.Phone))
	http.DefaultClient.Do(req)
	func() {
		http.Post(ts.URL+"/later", "text/plain", strings.NewReader(u.Email))
	}()

	// Through the server's own client: a URL it handed out.
	res, err := ts.Client().Get(ts.URL + "/start")
	if err != nil {
		t.Fatal(err)
	}
	next := res.Header.Get("Location")
	ts.Client().PostForm(next, url.Values{"email": {u.Email}})
	ts.Client().Post("http://www.example.com/in", "text/plain", strings.NewReader(u.Email))

	// Through helpers of another package.
	testhelp.HookRequest(ts, "/hook", u.Email)
	testhelp.PostTo(http.DefaultClient, ts.URL, "/x", u.Email)
	testhelp.PostTo(ts.Client(), ts.URL+"/v1", "/x", u.Phone)
	testhelp.PostJSON(ts.URL, u.Email)
	req2, _ := http.NewRequest("PUT", ts.URL+"/profile", strings.NewReader(u.Email))
	testhelp.Do(http.DefaultClient, req2)
}

// Sends to a constant outside host are what they are, in tests too; a
// test's sends to places it computes at run time (its configuration, a
// server's answer) go to what it set up.
func TestElsewhere(t *testing.T) {
	ts := newServer(t)
	u := User{Email: "jane@x.example", Phone: "555"}

	http.Post("https://tracker.example/collect", "text/plain", strings.NewReader(u.Email))  // want `host tracker.example belongs to no declared recipient`
	ts.Client().Post("https://tracker.example/c", "text/plain", strings.NewReader(u.Email)) // want `host tracker.example belongs to no declared recipient`
	endpoint := os.Getenv("WEBHOOK_URL")
	http.Post(endpoint, "text/plain", strings.NewReader(u.Email))
	http.Post(endpoint+ts.URL, "text/plain", strings.NewReader(u.Email))

	testhelp.PostTo(http.DefaultClient, "https://tracker.example", "/c", u.Email) // want `host tracker.example belongs to no declared recipient`
	testhelp.PostTo(http.DefaultClient, endpoint, "/c", u.Email)
	testhelp.PostJSON("https://tracker.example", u.Email) // want `host tracker.example belongs to no declared recipient`
	testhelp.Notify(&testhelp.Config{WebhookURL: ts.URL}, u.Email)
	req, _ := http.NewRequest("POST", "https://tracker.example/r", strings.NewReader(u.Email))
	testhelp.Do(ts.Client(), req) // want `host tracker.example belongs to no declared recipient`

	// A declared recipient, known through the helper's parameter.
	testhelp.PostTo(http.DefaultClient, "https://api.mailer.example", "/v3/contacts", u.Email)
	testhelp.PostTo(http.DefaultClient, "https://api.mailer.example", "/v3/contacts", u.Phone) // want `recipient mailer may receive only user.contact.email and user.name`

	// One call, one of two places.
	target := ts.URL
	if os.Getenv("REMOTE") != "" {
		target = "https://tracker.example"
	}
	http.Post(target, "text/plain", strings.NewReader(u.Email)) // want `one of several hosts \(a test server, tracker.example\)`

	// The environment or a constant outside host: the latter may be used.
	other := endpoint
	if os.Getenv("PROD") != "" {
		other = "https://tracker.example"
	}
	http.Post(other, "text/plain", strings.NewReader(u.Email)) // want `the destination cannot be known from the code \(URL from the environment\)`
}

// A test follows the link its server answered with: the server it set up.
func TestFollowAnswer(t *testing.T) {
	ts := newServer(t)
	u := User{Email: "jane@x.example"}
	res, err := http.Get(ts.URL + "/start")
	if err != nil {
		t.Fatal(err)
	}
	var next struct{ URL string }
	json.NewDecoder(res.Body).Decode(&next)
	http.Post(next.URL, "text/plain", strings.NewReader(u.Email))
}
