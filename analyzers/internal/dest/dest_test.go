package dest_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
)

// prelude is the start of every test package: the imports the snippets
// use, and sink, whose argument is the value under test.
const prelude = `package p

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/smtp"
	"net/url"
	"os"
	"strconv"
	"strings"
)

var (
	_ = context.Background
	_ = tls.Dial
	_ = json.Unmarshal
	_ = flag.String
	_ = fmt.Sprintf
	_ = net.Dial
	_ = http.Get
	_ = httptest.NewServer
	_ = smtp.SendMail
	_ = url.Parse
	_ = os.Getenv
	_ = strconv.Itoa
	_ = strings.NewReader
)

func sink(v any) {}

`

// builder type-checks snippets against the standard library, imported
// from source once for all tests.
type builder struct {
	fset *token.FileSet
	imp  types.Importer
	n    int
}

func newBuilder() *builder {
	fset := token.NewFileSet()
	return &builder{fset: fset, imp: importer.ForCompiler(fset, "source", nil)}
}

func (b *builder) build(t *testing.T, src string) *ssa.Package {
	t.Helper()
	b.n++
	f, err := parser.ParseFile(b.fset, fmt.Sprintf("case%d.go", b.n), prelude+src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage(fmt.Sprintf("example.com/case%d", b.n), "p")
	ssaPkg, _, err := ssautil.BuildPackage(&types.Config{Importer: b.imp}, b.fset, pkg, []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return ssaPkg
}

// calls returns the calls in f and the functions nested in it.
func calls(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(ssa.CallInstruction); ok {
				out = append(out, c)
			}
		}
	}
	for _, a := range fn.AnonFuncs {
		out = append(out, calls(a)...)
	}
	return out
}

// sinkArg is the value passed to sink in function f.
func sinkArg(t *testing.T, pkg *ssa.Package) ssa.Value {
	t.Helper()
	for _, c := range calls(pkg.Func("f")) {
		if fn := c.Common().StaticCallee(); fn != nil && fn.Name() == "sink" {
			v := c.Common().Args[0]
			if mi, ok := v.(*ssa.MakeInterface); ok {
				v = mi.X
			}
			return v
		}
	}
	t.Fatal("no call to sink in f")
	return nil
}

func fullName(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return c.Method.FullName()
	}
	if fn := c.StaticCallee(); fn != nil {
		if obj, ok := fn.Object().(*types.Func); ok {
			return obj.FullName()
		}
	}
	return ""
}

// outbound resolves the first outbound call in f that OfCall knows.
func outbound(t *testing.T, pkg *ssa.Package) dest.Destination {
	t.Helper()
	return outboundIn(t, pkg.Func("f"))
}

type destCase struct {
	name string
	how  string // "url", "request", "client", "conn", "call"
	src  string
	want dest.Destination
}

func https(host, url string) dest.Destination {
	return dest.Destination{Known: true, Scheme: "https", Host: host, URL: url}
}

func unknown(scheme, url, why string) dest.Destination {
	return dest.Destination{Scheme: scheme, URL: url, Why: why}
}

var destCases = []destCase{
	// Strings.
	{"constant", "url", `func f() { sink("https://API.Mailer.example:443/v1/send") }`,
		https("api.mailer.example", "https://API.Mailer.example:443/v1/send")},
	{"package constant and concatenation", "url", `const base = "https://api.x.example/v1"
func f() { sink(base + "/users") }`, https("api.x.example", "https://api.x.example/v1/users")},
	{"constant host then a parameter path", "url", `func f(path string) { sink("https://api.x.example" + path) }`,
		https("api.x.example", "https://api.x.example")},
	{"host from a parameter", "url", `func f(host string) { sink("https://" + host + "/v1") }`,
		unknown("https", "https://", "host from parameter host")},
	{"URL from a parameter", "url", `func f(u string) { sink(u + "/users") }`,
		unknown("", "", "URL from parameter u")},
	{"computed part inside the host", "url", `func f(region string) { sink("https://api." + region + ".x.example/v1") }`,
		unknown("https", "https://api.", "host from parameter region")},
	{"Sprintf with a constant host", "url", `func f(id int) { sink(fmt.Sprintf("https://api.x.example/users/%d", id)) }`,
		https("api.x.example", "https://api.x.example/users/")},
	{"Sprintf with the host from a parameter", "url", `func f(host string) { sink(fmt.Sprintf("https://%s/v1", host)) }`,
		unknown("https", "https://", "host from parameter host")},
	{"Sprintf with a constant operand and a numeric port", "url", `func f(port int) { sink(fmt.Sprintf("http://%s:%d/%%s", "Localhost", port)) }`,
		dest.Destination{Known: true, Scheme: "http", Host: "localhost", URL: "http://Localhost:"}},
	{"strconv.Itoa after the host", "url", `func f(id int) { sink("https://api.x.example/u/" + strconv.Itoa(id)) }`,
		https("api.x.example", "https://api.x.example/u/")},
	{"package variable set once", "url", `var base = "https://api.x.example"
func f() { sink(base + "/users") }`, https("api.x.example", "https://api.x.example/users")},
	{"package variable from the environment", "url", `var base = os.Getenv("API_URL")
func f() { sink(base + "/users") }`, unknown("", "", "URL from the environment")},
	{"package variable changed elsewhere", "url", `var base = "https://api.x.example"
func set(b string) { base = b }
func f() { sink(base) }`, elsewhere(unknown("", "", "URL from parameter b"))},
	{"phi of one host", "url", `func f(v2 bool) {
	u := "https://api.x.example/v1/"
	if v2 {
		u = "https://api.x.example/v2/"
	}
	sink(u + "users")
}`, https("api.x.example", "https://api.x.example/v")},
	{"phi of two hosts", "url", `func f(eu bool) {
	u := "https://us.x.example"
	if eu {
		u = "https://eu.x.example"
	}
	sink(u)
}`, elsewhere(unknown("https", "https://", "one of several hosts (us.x.example, eu.x.example)"))},
	{"query built in a loop", "url", `func f(params []string) {
	u := "https://api.x.example/search?"
	for _, p := range params {
		u += "&q=" + p
	}
	sink(u)
}`, https("api.x.example", "https://api.x.example/search?")},
	{"host built in a loop", "url", `func f(labels []string) {
	u := "https://"
	for _, l := range labels {
		u += l + "."
	}
	sink(u + "x.example")
}`, elsewhere(unknown("https", "https://", "host appended in a loop"))},
	{"configuration decoded into a local struct", "url", `type Config struct{ BaseURL string }
func f(b []byte) {
	var c Config
	json.Unmarshal(b, &c)
	sink(c.BaseURL + "/v1")
}`, unknown("", "", "URL set by json.Unmarshal")},
	{"command-line flag", "url", `var endpoint = flag.String("endpoint", "https://api.x.example", "")
func f() { sink(*endpoint + "/v1") }`, unknown("", "", "URL from a command-line flag")},
	{"package variable extended in init", "url", `var base = "https://api.x.example"
func init() { base += "/v2" }
func f() { sink(base) }`, https("api.x.example", "https://api.x.example")},
	{"field of a configuration struct", "url", `type Config struct{ BaseURL string }
func f(c *Config) { sink(c.BaseURL + "/x") }`, unknown("", "", "URL from field Config.BaseURL")},
	{"result of an unknown call", "url", `func f() { sink(strings.ToLower("HTTPS://X.EXAMPLE")) }`,
		unknown("", "", "URL returned by strings.ToLower")},
	{"result of a local function", "url", `func endpoint(p string) string { return "https://api.x.example/" + p }
func f() { sink(endpoint("users")) }`, https("api.x.example", "https://api.x.example/")},
	{"captured variable", "url", `func f(path string) {
	base := "https://api.x.example"
	func() { sink(base + path) }()
}`, https("api.x.example", "https://api.x.example")},
	{"no scheme", "url", `func f() { sink("api.x.example/v1") }`,
		unknown("", "api.x.example/v1", `no scheme and host in "api.x.example/v1"`)},
	{"user information before the host", "url", `func f(pw string) { sink("https://user:" + pw + "@API.x.example/") }`,
		https("api.x.example", "https://user:")},
	// *url.URL values.
	{"url.Parse of a constant, then String", "url", `func f() {
	u, _ := url.Parse("https://api.x.example/v1")
	sink(u.String())
}`, https("api.x.example", "https://api.x.example/v1")},
	{"url.Parse, then the host is changed", "url", `func f(h string) {
	u, _ := url.Parse("https://api.x.example/v1")
	u.Host = h
	sink(u)
}`, unknown("https", "https://", "host from parameter h")},
	{"url.URL literal", "url", `func f(p string) { sink(&url.URL{Scheme: "https", Host: "api.x.example:8443", Path: p}) }`,
		https("api.x.example", "https://api.x.example:8443")},
	{"url.URL variable with field stores", "url", `func f() {
	var u url.URL
	u.Scheme = "http"
	u.Host = "plain.x.example"
	sink(u.String())
}`, dest.Destination{Known: true, Scheme: "http", Host: "plain.x.example", URL: "http://plain.x.example"}},
	{"JoinPath", "url", `func f(id string) {
	u, _ := url.Parse("https://api.x.example")
	sink(u.JoinPath("users", id))
}`, https("api.x.example", "https://api.x.example/")},
	{"url.JoinPath of a string", "url", `func f(id string) {
	s, _ := url.JoinPath("https://api.x.example/v1", id)
	sink(s)
}`, https("api.x.example", "https://api.x.example/v1/")},
	{"ResolveReference of a relative path", "url", `func f() {
	base, _ := url.Parse("https://api.x.example/v1/")
	ref, _ := url.Parse("users")
	sink(base.ResolveReference(ref))
}`, https("api.x.example", "https://api.x.example/v1/")},
	{"ResolveReference of an absolute URL", "url", `func f() {
	base, _ := url.Parse("https://api.x.example/v1/")
	ref, _ := url.Parse("https://other.example/")
	sink(base.ResolveReference(ref))
}`, https("other.example", "https://other.example/")},
	// Requests.
	{"NewRequest", "request", `func f() {
	req, _ := http.NewRequest("POST", "https://api.x.example/v1/send", nil)
	sink(req)
}`, https("api.x.example", "https://api.x.example/v1/send")},
	{"NewRequestWithContext, then WithContext", "request", `func f(ctx context.Context, id string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.x.example/u/"+id, nil)
	sink(req.WithContext(ctx))
}`, https("api.x.example", "https://api.x.example/u/")},
	{"request literal", "request", `func f() {
	u, _ := url.Parse("https://api.x.example/")
	sink(&http.Request{Method: "GET", URL: u})
}`, https("api.x.example", "https://api.x.example/")},
	{"request URL replaced", "request", `func f(u *url.URL) {
	req, _ := http.NewRequest("GET", "https://api.x.example/", nil)
	req.URL = u
	sink(req)
}`, unknown("", "", "URL from parameter u")},
	{"req.URL read back", "url", `func f() {
	req, _ := http.NewRequest("GET", "https://api.x.example/", nil)
	sink(req.URL)
}`, https("api.x.example", "https://api.x.example/")},
	{"request from a parameter", "request", `func f(r *http.Request) { sink(r) }`,
		unknown("", "", "URL from parameter r")},
	{"request cloned", "request", `func f(ctx context.Context) {
	req, _ := http.NewRequest("GET", "http://plain.x.example/", nil)
	sink(req.Clone(ctx))
}`, dest.Destination{Known: true, Scheme: "http", Host: "plain.x.example", URL: "http://plain.x.example/"}},
	{"URL.Parse of a relative reference", "url", `func f() {
	base, _ := url.Parse("https://api.x.example/v1/")
	u, _ := base.Parse("users?limit=10")
	sink(u)
}`, https("api.x.example", "https://api.x.example/v1/")},
	// Clients and TLS settings.
	{"default client", "client", `func f() { sink(http.DefaultClient) }`, dest.Destination{}},
	{"client with TLS verification off", "client", `func f() {
	sink(&http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}}})
}`, dest.Destination{Insecure: true, MinTLS: tls10}},
	{"transport changed after it was made", "client", `func f() {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{}
	tr.TLSClientConfig.InsecureSkipVerify = true
	sink(&http.Client{Transport: tr})
}`, dest.Destination{Insecure: true}},
	// Outbound calls.
	{"http.Post", "call", `func f() { http.Post("http://plain.x.example/in", "text/plain", nil) }`,
		dest.Destination{Known: true, Scheme: "http", Host: "plain.x.example", URL: "http://plain.x.example/in"}},
	{"http.Get with DefaultTransport changed in init", "call", `func init() {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
}
func f() { http.Get("https://api.x.example/") }`,
		dest.Destination{Known: true, Scheme: "https", Host: "api.x.example", URL: "https://api.x.example/", Insecure: true}},
	{"Client.Do with an insecure client", "call", `var client = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
func f() {
	req, _ := http.NewRequest("GET", "https://api.x.example/", nil)
	client.Do(req)
}`, dest.Destination{Known: true, Scheme: "https", Host: "api.x.example", URL: "https://api.x.example/", Insecure: true}},
	{"Client.Post with a minimum TLS version", "call", `func f() {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS11}}}
	c.Post("https://api.x.example/", "", nil)
}`, dest.Destination{Known: true, Scheme: "https", Host: "api.x.example", URL: "https://api.x.example/", MinTLS: tls11}},
	{"RoundTrip through an interface", "call", `func f(rt http.RoundTripper) {
	req, _ := http.NewRequest("GET", "https://api.x.example/", nil)
	rt.RoundTrip(req)
}`, https("api.x.example", "https://api.x.example/")},
	{"tls.Dialer with verification off", "call", `func f(ctx context.Context) {
	d := &tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}}
	d.DialContext(ctx, "tcp", "collector.x.example:9443")
}`, dest.Destination{Known: true, Scheme: "tls", Host: "collector.x.example", URL: "tls://collector.x.example:9443", Insecure: true}},
	{"smtp.SendMail", "call", `func f(msg []byte) { smtp.SendMail("SMTP.x.example:587", nil, "a@x.example", nil, msg) }`,
		dest.Destination{Known: true, Scheme: "smtp", Host: "smtp.x.example", URL: "smtp://SMTP.x.example:587"}},
	{"smtp.SendMail with the port from configuration", "call", `var port = os.Getenv("SMTP_PORT")
func f(msg []byte) { smtp.SendMail("smtp.x.example:"+port, nil, "a@x.example", nil, msg) }`,
		dest.Destination{Known: true, Scheme: "smtp", Host: "smtp.x.example", URL: "smtp://smtp.x.example:"}},
	{"net.Dial", "call", `func f() { net.Dial("tcp", "collector.x.example:9000") }`,
		dest.Destination{Known: true, Scheme: "tcp", Host: "collector.x.example", URL: "tcp://collector.x.example:9000"}},
	{"write to a connection from tls.Dial", "call", `func f(b []byte) {
	c, _ := tls.Dial("tcp", "collector.x.example:9443", &tls.Config{InsecureSkipVerify: true})
	c.Write(b)
}`, dest.Destination{Known: true, Scheme: "tls", Host: "collector.x.example", URL: "tls://collector.x.example:9443", Insecure: true}},
	{"write to a connection from a parameter", "call", `func f(c net.Conn, b []byte) { c.Write(b) }`,
		unknown("", "", "connection from parameter c")},
	{"net.Dial with the address from the environment", "conn", `func f() {
	c, _ := net.Dial("tcp", os.Getenv("COLLECTOR"))
	sink(c)
}`, dest.Destination{Scheme: "tcp", URL: "tcp://", Why: "host from the environment"}},
}

const (
	tls10 = 0x0301
	tls11 = 0x0302
)

func TestDestinations(t *testing.T) {
	b := newBuilder()
	for _, tc := range destCases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			pkg := b.build(t, tc.src)
			var got dest.Destination
			switch tc.how {
			case "url":
				got = dest.OfURL(sinkArg(t, pkg))
			case "request":
				got = dest.OfRequest(sinkArg(t, pkg))
			case "client":
				got = dest.OfClient(sinkArg(t, pkg))
			case "conn":
				got = dest.OfConn(sinkArg(t, pkg))
			case "call":
				got = outbound(t, pkg)
			default:
				t.Fatalf("bad case kind %q", tc.how)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%s", diff, tc.src)
			}
		})
	}
}

func TestUnknownCall(t *testing.T) {
	if _, ok := dest.OfCall(nil, "fmt.Println", nil); ok {
		t.Error("fmt.Println is not an outbound call")
	}
}
