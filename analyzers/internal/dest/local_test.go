package dest_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
)

var testServer = dest.Destination{Known: true, TestServer: true}

// localCases are sends made in f: to a test server of the process, or
// to a destination one of f's parameters gives.
var localCases = []destCase{
	{"test server URL and a path", "call", `func f(ts *httptest.Server) { http.Post(ts.URL+"/hook", "text/plain", nil) }`, testServer},
	{"test server URL parsed, then a path joined", "call", `func f(ts *httptest.Server, id string) {
	u, _ := url.Parse(ts.URL)
	http.Get(u.JoinPath("users", id).String())
}`, testServer},
	{"test server URL in Sprintf", "call", `func f(ts *httptest.Server, id int) { http.Get(fmt.Sprintf("%s/users/%d", ts.URL, id)) }`, testServer},
	{"request to a test server through the default client", "call", `func f(ts *httptest.Server) {
	req, _ := http.NewRequest("GET", ts.URL+"/x", nil)
	http.DefaultClient.Do(req)
}`, testServer},
	{"test server captured by a closure", "call", `func f() {
	ts := httptest.NewServer(nil)
	func() { http.Get(ts.URL + "/x") }()
}`, testServer},
	{"test server URL stored in a variable", "call", `func f(ts *httptest.Server, v2 bool) {
	base := ts.URL + "/v1"
	if v2 {
		base = ts.URL + "/v2"
	}
	http.Get(base + "/users")
}`, testServer},
	{"text that goes on with the test server's host", "call", `func f(ts *httptest.Server) { http.Get(ts.URL + "evil.example/") }`,
		unknown("", "", "host changed after a test server's URL")},
	{"test server or another host", "call", `func f(ts *httptest.Server, local bool) {
	u := "https://api.x.example"
	if local {
		u = ts.URL
	}
	http.Get(u)
}`, elsewhere(unknown("", "", "one of several hosts (api.x.example, a test server)"))},
	{"host of a test server URL replaced", "call", `func f(ts *httptest.Server) {
	u, _ := url.Parse(ts.URL)
	u.Host = "api.x.example"
	http.Get(u.String())
}`, unknown("", "", "URL changed after it was built")},
	// The test server's client.
	{"test server client, URL computed at run time", "call", `func f(ts *httptest.Server) { ts.Client().Get(os.Getenv("NEXT")) }`, testServer},
	{"test server client kept in a variable", "call", `func f(ts *httptest.Server, next string) {
	c := ts.Client()
	req, _ := http.NewRequest("GET", "https://"+next, nil)
	c.Do(req)
}`, testServer},
	{"test server client, example.com", "call", `func f(ts *httptest.Server) { ts.Client().Get("http://www.example.com/x") }`, testServer},
	{"test server client, another host", "call", `func f(ts *httptest.Server) { ts.Client().Get("https://api.x.example/") }`,
		https("api.x.example", "https://api.x.example/")},
	{"another client, URL computed at run time", "call", `func f() { http.DefaultClient.Get(os.Getenv("NEXT")) }`,
		unknown("", "", "URL from the environment")},
	// Parameters.
	{"URL from a parameter, then a path", "call", `func f(base string) { http.Post(base+"/v1", "", nil) }`,
		dest.Destination{Why: "URL from parameter base", Param: &dest.Param{Index: 0, Form: "url", Then: "/v1"}}},
	{"URL from a parameter in Sprintf", "call", `func f(c *http.Client, base string, id string) { c.Get(fmt.Sprintf("%s/u/%s", base, id)) }`,
		dest.Destination{Why: "URL from parameter base", Param: &dest.Param{Index: 1, Form: "url", Then: "/u/", More: "value"}}},
	{"request from a parameter", "call", `func f(c *http.Client, r *http.Request) { c.Do(r) }`,
		dest.Destination{Why: "URL from parameter r", Param: &dest.Param{Index: 1, Form: "request"}}},
	{"request from a parameter, its host changed", "call", `func f(r *http.Request) {
	r.URL.Host = "api.x.example"
	http.DefaultClient.Do(r)
}`, unknown("", "", "URL changed after it was built")},
	{"parameter or constant", "call", `func f(base string, def bool) {
	if def {
		base = "https://api.x.example"
	}
	http.Get(base)
}`, elsewhere(unknown("", "", "URL from parameter base"))},
	{"URL from a parameter through the test server's client", "call", `func f(ts *httptest.Server, u string) { ts.Client().Get(u) }`,
		dest.Destination{Why: "URL from parameter u", Param: &dest.Param{Index: 1, Form: "url", TestClient: true}}},
}

func TestLocalDestinations(t *testing.T) {
	b := newBuilder()
	for _, tc := range localCases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			got := outbound(t, b.build(t, tc.src))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%s", diff, tc.src)
			}
		})
	}
}

// substCases resolve the send made in function send for the call of
// send in f.
var substCases = []struct {
	name, src string
	want      dest.Destination
}{
	{"test server URL", `func send(base string, b []byte) { http.Post(base+"/hook", "", nil) }
func f(ts *httptest.Server) { send(ts.URL, nil) }`, testServer},
	{"constant URL", `func send(base string) { http.Get(base + "/x") }
func f() { send("https://api.x.example") }`, https("api.x.example", "https://api.x.example/x")},
	{"caller's own parameter", `func send(base string) { http.Get(base + "/x") }
func f(u string) { send(u + "/v1") }`,
		dest.Destination{Why: "URL from parameter u", Param: &dest.Param{Index: 0, Form: "url", Then: "/v1/x"}}},
	{"from the environment", `func send(base string) { http.Get(base + "/x") }
func f() { send(os.Getenv("BASE")) }`, unknown("", "", "URL from the environment")},
	{"request to a test server", `func send(c *http.Client, r *http.Request) { c.Do(r) }
func f(ts *httptest.Server) {
	req, _ := http.NewRequest("GET", ts.URL, nil)
	send(http.DefaultClient, req)
}`, testServer},
	{"constant host, then a number", `func send(base string, n int) { http.Get(base + strconv.Itoa(n)) }
func f(n int) { send("https://node", n) }`, unknown("https", "https://node", "host computed at run time")},
	{"through the test server's client, URL computed at run time", `var ts *httptest.Server
func send(u string) { ts.Client().Get(u) }
func f() { send(os.Getenv("NEXT")) }`, testServer},
	{"through the test server's client, another host", `var ts *httptest.Server
func send(u string) { ts.Client().Get(u) }
func f() { send("https://api.x.example/") }`, https("api.x.example", "https://api.x.example/")},
}

func TestSubstitute(t *testing.T) {
	b := newBuilder()
	for _, tc := range substCases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			pkg := b.build(t, tc.src)
			d := outboundIn(t, pkg.Func("send"))
			if d.Param == nil {
				t.Fatalf("send's destination %+v names no parameter", d)
			}
			var got *dest.Destination
			f := pkg.Func("f")
			for _, c := range calls(f) {
				if cc := c.Common(); cc.StaticCallee() == pkg.Func("send") {
					x := dest.Substitute(f, d, cc.Args)
					got = &x
				}
			}
			if got == nil {
				t.Fatal("no call to send in f")
			}
			if diff := cmp.Diff(tc.want, *got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%s", diff, tc.src)
			}
		})
	}
	if d := dest.Substitute(nil, dest.Destination{Why: "URL from parameter u", Param: &dest.Param{Index: 3}}, nil); d.Param != nil {
		t.Errorf("Substitute without the argument kept the parameter: %+v", d)
	}
}

// outboundIn resolves the first outbound call in fn.
func outboundIn(t *testing.T, fn *ssa.Function) dest.Destination {
	t.Helper()
	for _, c := range calls(fn) {
		cc := c.Common()
		args := cc.Args
		if cc.IsInvoke() {
			args = append([]ssa.Value{cc.Value}, cc.Args...)
		}
		if d, ok := dest.OfCall(fn, fullName(cc), args); ok {
			return d
		}
	}
	t.Fatalf("no outbound call in %s", fn.Name())
	return dest.Destination{}
}

// elsewhere marks d as possibly going to a known outside host.
func elsewhere(d dest.Destination) dest.Destination {
	d.Elsewhere = true
	return d
}
