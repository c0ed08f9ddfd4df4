package dest

import (
	"fmt"
	"go/constant"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/ssamem"
)

// Destination is where an outbound call sends its data.
type Destination struct {
	// Known: the scheme and the host could be determined.
	Known bool
	// Scheme is "https", "http", "smtp", "tls", a network of net.Dial
	// ("tcp", "udp"), or "" when unknown. It is set when it is known
	// even if the host is not.
	Scheme string
	// Host is in lower case, without port or user information.
	Host string
	// URL is the constant prefix that was resolved, for messages, e.g.
	// "https://api.mailer.example/v1/".
	URL string
	// Why says, when !Known, what could not be resolved: "URL from
	// parameter endpoint", "host from field Config.Host", "one of several
	// hosts (a.example, b.example)".
	Why string
	// Insecure: TLS verification is off (InsecureSkipVerify: true) on
	// the client, transport or configuration used.
	Insecure bool
	// MinTLS is the tls.Config MinVersion set to a constant (the lowest
	// one when several may be used), or 0 when none is.
	MinTLS uint16
	// TestServer: the send goes to a net/http/httptest server of the
	// process itself (the URL is its URL field, or the request goes
	// through its Client); Known is set, Scheme and Host are not.
	TestServer bool
	// Elsewhere, when !Known, says that one of the places the send may
	// go is a known host other than a test server of the process: "one
	// of several hosts (a test server, tracker.example)".
	Elsewhere bool
	// Param, when !Known, says that the destination is given by a
	// parameter of the sending function: a caller that passes a value
	// it can resolve knows the destination (Substitute).
	Param *Param
}

// OfURL resolves a value that denotes a URL: a string, a *url.URL or a
// url.URL, or an interface holding one.
func OfURL(v ssa.Value) Destination {
	return fromURLs(newWalker().str(v))
}

// OfRequest resolves the URL of an *http.Request value.
func OfRequest(v ssa.Value) Destination {
	return fromURLs(newWalker().request(v))
}

// OfClient returns the TLS settings (Insecure, MinTLS) of an
// *http.Client value; it says nothing of a host.
func OfClient(v ssa.Value) Destination {
	w := newWalker()
	if fn := v.Parent(); fn != nil {
		w.pkg = fn.Pkg
	}
	t := w.client(v)
	return Destination{Insecure: t.insecure, MinTLS: t.min}
}

// OfAddr resolves a "host:port" string, as given to net.Dial or
// smtp.SendMail, reached with scheme.
func OfAddr(v ssa.Value, scheme string) Destination {
	return fromAddrs(newWalker().str(v), scheme)
}

// OfConn resolves the peer of a net.Conn (or *tls.Conn) from the dial
// that opened it.
func OfConn(v ssa.Value) Destination {
	return newWalker().conn(v)
}

// OfCall resolves the destination of an outbound call to the function
// named name (as types.Func.FullName prints it), with args its
// arguments, receiver first for methods: the sends of net/http, net/smtp
// and writes to connections, and the dials of net and crypto/tls. fn is
// the calling function, or nil: changes its package makes to
// http.DefaultTransport and http.DefaultClient count for the calls that
// use them. ok is false when name is not an outbound call the package
// knows.
func OfCall(fn *ssa.Function, name string, args []ssa.Value) (d Destination, ok bool) {
	s, isSend := sends[name]
	dl, isDial := dials[name]
	switch {
	case !isSend && !isDial:
		return Destination{}, false
	case isSend && (s.at >= len(args) || s.via >= len(args)),
		isDial && (dl.addr >= len(args) || dl.network >= len(args) || dl.config >= len(args)):
		return Destination{Why: "arguments missing"}, true
	}
	w := newWalker()
	if fn != nil {
		w.pkg, w.root = fn.Pkg, fn
	}
	if isDial {
		return w.dial(name, args), true
	}
	var t tlsInfo
	viaTest := s.via >= 0 && strings.Contains(name, "Client") && w.testClient(args[s.via])
	switch s.form {
	case "url":
		d = fromURLsVia(w.str(args[s.at]), viaTest)
	case "request":
		d = fromURLsVia(w.request(args[s.at]), viaTest)
	case "smtp":
		d = fromAddrs(w.str(args[s.at]), "smtp")
	case "conn":
		return w.conn(args[s.at]), true
	}
	switch {
	case s.via == -1:
		t = w.defaults()
	case s.via < 0:
	case strings.Contains(name, "Client"):
		t = w.client(args[s.via])
	default:
		t = w.transport(args[s.via])
	}
	d.Insecure, d.MinTLS = t.insecure, t.min
	return d, true
}

// send describes an outbound call: the argument that holds the
// destination (a URL, a request, an SMTP address or a connection), and
// the one that holds the client or transport used (-1: the defaults of
// net/http; -2: none).
type send struct {
	form    string
	at, via int
}

var sends = map[string]send{
	"net/http.Get":                      {"url", 0, -1},
	"net/http.Head":                     {"url", 0, -1},
	"net/http.Post":                     {"url", 0, -1},
	"net/http.PostForm":                 {"url", 0, -1},
	"(*net/http.Client).Get":            {"url", 1, 0},
	"(*net/http.Client).Head":           {"url", 1, 0},
	"(*net/http.Client).Post":           {"url", 1, 0},
	"(*net/http.Client).PostForm":       {"url", 1, 0},
	"(*net/http.Client).Do":             {"request", 1, 0},
	"(*net/http.Transport).RoundTrip":   {"request", 1, 0},
	"(net/http.RoundTripper).RoundTrip": {"request", 1, 0},
	"net/smtp.SendMail":                 {"smtp", 0, -2},
	"(net.Conn).Write":                  {"conn", 0, -1},
	"(*net.TCPConn).Write":              {"conn", 0, -1},
	"(*net.UDPConn).Write":              {"conn", 0, -1},
	"(*net.UDPConn).WriteTo":            {"conn", 0, -1},
	"(*crypto/tls.Conn).Write":          {"conn", 0, -1},
}

// dial describes the arguments of a dialling function.
type dial struct {
	network, addr, config int // argument indexes, -1 for none
	scheme                string
}

var dials = map[string]dial{
	"net.Dial":                         {0, 1, -1, ""},
	"net.DialTimeout":                  {0, 1, -1, ""},
	"(*net.Dialer).Dial":               {1, 2, -1, ""},
	"(*net.Dialer).DialContext":        {2, 3, -1, ""},
	"crypto/tls.Dial":                  {-1, 1, 2, "tls"},
	"crypto/tls.DialWithDialer":        {-1, 2, 3, "tls"},
	"(*crypto/tls.Dialer).Dial":        {-1, 2, -1, "tls"},
	"(*crypto/tls.Dialer).DialContext": {-1, 3, -1, "tls"},
	"net/smtp.Dial":                    {-1, 0, -1, "smtp"},
}

func (w *walker) dial(name string, args []ssa.Value) Destination {
	dl := dials[name]
	if dl.addr < 0 || dl.addr >= len(args) {
		return Destination{Why: "address unknown"}
	}
	scheme := dl.scheme
	if dl.network >= 0 && dl.network < len(args) {
		if c, ok := args[dl.network].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			scheme = constant.StringVal(c.Value)
		}
	}
	d := fromAddrs(w.str(args[dl.addr]), scheme)
	var t tlsInfo
	if dl.config >= 0 && dl.config < len(args) {
		t = w.tlsConfig(args[dl.config])
	} else if strings.HasPrefix(name, "(*crypto/tls.Dialer)") {
		for _, s := range w.sites(args[0], nil) {
			for _, x := range directStores(s, "Config") {
				t = t.join(w.tlsConfig(x))
			}
		}
	}
	d.Insecure, d.MinTLS = t.insecure, t.min
	return d
}

// conn resolves the peer of a connection.
func (w *walker) conn(v ssa.Value) Destination {
	if stop := w.descend(); stop != "" {
		return Destination{Why: "connection " + stop}
	}
	defer w.ascend()
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return w.conn(v.X)
	case *ssa.ChangeInterface:
		return w.conn(v.X)
	case *ssa.ChangeType:
		return w.conn(v.X)
	case *ssa.TypeAssert:
		if !v.CommaOk {
			return w.conn(v.X)
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return w.conn(call)
		}
	case *ssa.Call:
		name := ssamem.CalleeName(&v.Call)
		if _, ok := dials[name]; ok {
			return w.dial(name, ssamem.Args(&v.Call))
		}
		if name == "crypto/tls.Client" {
			d := w.conn(v.Call.Args[0])
			t := w.tlsConfig(v.Call.Args[1])
			d.Scheme, d.Insecure, d.MinTLS = "tls", t.insecure, t.min
			return d
		}
		if ds, ok := returns(w, v, 0, func(r ssa.Value) []Destination { return []Destination{w.conn(r)} }); ok {
			return merge(ds)
		}
	case *ssa.Phi:
		if !w.enter(v) {
			return Destination{Why: "connection changed in a loop"}
		}
		defer w.leave(v)
		var ds []Destination
		for _, e := range v.Edges {
			ds = append(ds, w.conn(e))
		}
		return merge(ds)
	case *ssa.UnOp:
		if v.Op == token.MUL && ssamem.Tracked(v.X) && w.enter(v.X) {
			defer w.leave(v.X)
			vals, _ := ssamem.Stored(v.X)
			var ds []Destination
			for _, x := range vals {
				ds = append(ds, w.conn(x))
			}
			if len(ds) > 0 {
				return merge(ds)
			}
		}
	}
	return Destination{Why: "connection " + ssamem.Origin(v)}
}

// defaults returns the TLS settings that the package of the calling
// function gives http.DefaultTransport and http.DefaultClient.
func (w *walker) defaults() tlsInfo {
	var t tlsInfo
	if w.pkg == nil || w.inDefaults || !ssamem.HasCode(w.pkg) {
		return t
	}
	w.inDefaults = true
	defer func() { w.inDefaults = false }()
	for g, uses := range ssamem.UsesIn(w.pkg) {
		if g.Pkg == nil || g.Pkg.Pkg.Path() != "net/http" {
			continue
		}
		for _, in := range uses {
			ld, ok := in.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL {
				continue
			}
			switch g.Name() {
			case "DefaultTransport":
				for _, r := range *ld.Referrers() {
					if ta, ok := r.(*ssa.TypeAssert); ok {
						t = t.join(w.transport(ta))
					}
				}
			case "DefaultClient":
				t = t.join(w.client(ld))
			}
		}
	}
	return t
}

// fromURLs resolves the alternatives of a URL.
func fromURLs(alts []str) Destination { return fromURLsVia(alts, false) }

// fromURLsVia resolves the alternatives of a URL requested through a
// test server's client (viaTest) or another.
func fromURLsVia(alts []str, viaTest bool) Destination {
	var ds []Destination
	for _, s := range alts {
		d := fromURL(s)
		if viaTest {
			d = onTestClient(d)
		}
		ds = append(ds, d)
	}
	return merge(ds)
}

func fromURL(s str) Destination {
	if len(s) > 0 && (s[0].server || s[0].param > 0) {
		return fromLeading(s)
	}
	d := Destination{URL: s.prefix()}
	u, ok := split(s)
	if !ok {
		for _, p := range s {
			if p.hole {
				d.Why = "URL " + p.why
				return d
			}
		}
		d.Why = fmt.Sprintf("no scheme and host in %q", d.URL)
		return d
	}
	scheme, _ := u.scheme.constant()
	if !validScheme(scheme) {
		d.Why = fmt.Sprintf("no scheme in %q", d.URL)
		return d
	}
	d.Scheme = strings.ToLower(scheme)
	d.Host, d.Why = hostOf(u.auth, true)
	d.Known = d.Why == ""
	return d
}

func fromAddrs(alts []str, scheme string) Destination {
	var ds []Destination
	for _, s := range alts {
		d := Destination{Scheme: scheme, URL: s.prefix()}
		if scheme != "" {
			d.URL = scheme + "://" + d.URL
		}
		d.Host, d.Why = hostOf(s, false)
		d.Known = d.Why == "" && scheme != ""
		if d.Why == "" && scheme == "" {
			d.Why = "network chosen at run time"
		}
		ds = append(ds, d)
	}
	return merge(ds)
}

func validScheme(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

type urlParts struct{ scheme, auth, rest str }

// split cuts a URL into its scheme, its authority and the rest; ok is
// false when no "://" precedes the first hole.
func split(s str) (u urlParts, ok bool) {
	for i, p := range s {
		if p.hole {
			return u, false
		}
		if k := strings.Index(p.text, "://"); k >= 0 {
			u.scheme = lit(p.text[:k])
			rest := lit(p.text[k+3:]).cat(s[i+1:])
			for j, q := range rest {
				if q.hole {
					continue
				}
				if e := strings.IndexAny(q.text, "/?#"); e >= 0 {
					u.auth = rest[:j:j].cat(lit(q.text[:e]))
					u.rest = lit(q.text[e:]).cat(rest[j+1:])
					return u, true
				}
			}
			u.auth = rest
			return u, true
		}
	}
	return u, false
}

// hostOf finds the host in an authority ("user@host:port", or
// "host:port" when userinfo is false). Values computed at run time may
// follow the constant host, directly or after its ':', and are taken to
// begin the port, the path or the query; anything computed before or
// inside the host, or constant text after a computed value, makes the
// host unknown.
func hostOf(auth str, userinfo bool) (host, why string) {
	if userinfo {
		for i := len(auth) - 1; i >= 0; i-- {
			if k := strings.LastIndexByte(auth[i].text, '@'); !auth[i].hole && k >= 0 {
				auth = lit(auth[i].text[k+1:]).cat(auth[i+1:])
				break
			}
		}
	}
	if len(auth) == 0 {
		return "", "no host"
	}
	if auth[0].hole {
		return "", "host " + auth[0].why
	}
	text, rest := auth[0].text, auth[1:]
	for _, p := range rest {
		if !p.hole {
			return "", "host " + rest[0].why // constant text after a computed part
		}
	}
	h, port := text, ""
	if strings.HasPrefix(text, "[") {
		k := strings.IndexByte(text, ']')
		if k < 0 {
			return "", fmt.Sprintf("malformed host %q", text)
		}
		h, port = text[1:k], text[k+1:]
	} else if k := strings.IndexByte(text, ':'); k >= 0 {
		h, port = text[:k], text[k:]
	}
	if port != "" && port[0] != ':' {
		return "", fmt.Sprintf("malformed host %q", text)
	}
	if port == "" && len(rest) > 0 && (rest[0].num || strings.HasSuffix(h, ".") || strings.HasSuffix(h, "-")) {
		return "", "host " + rest[0].why // the host itself goes on
	}
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	if h == "" {
		return "", "no host"
	}
	return h, ""
}

// merge combines the destinations a value may have.
func merge(ds []Destination) Destination {
	switch len(ds) {
	case 0:
		return Destination{Why: "no value"}
	case 1:
		return ds[0]
	}
	out := ds[0]
	var hosts, schemes []string
	elsewhere := false
	for _, d := range ds {
		elsewhere = elsewhere || d.Elsewhere || d.Known && !d.TestServer && d.Host != ""
		out.Insecure = out.Insecure || d.Insecure
		if d.MinTLS != 0 && (out.MinTLS == 0 || d.MinTLS < out.MinTLS) {
			out.MinTLS = d.MinTLS
		}
		if !d.Known && out.Known {
			out.Known, out.Host, out.Why = false, "", d.Why
		}
		if d.Param == nil || out.Param == nil || *d.Param != *out.Param {
			out.Param = nil // a caller can fill in one parameter, not several
		}
		out.TestServer = out.TestServer && d.TestServer
		host := d.Host
		if d.TestServer {
			host = "a test server"
		}
		if host != "" && !slices.Contains(hosts, host) {
			hosts = append(hosts, host)
		}
		if !slices.Contains(schemes, d.Scheme) {
			schemes = append(schemes, d.Scheme)
		}
		out.URL = commonPrefix(out.URL, d.URL)
	}
	if len(schemes) > 1 {
		out.Scheme = ""
		if slices.Contains(schemes, "http") {
			out.Scheme = "http" // the plain-text one is what PV501 must see
		}
	}
	if out.Known && len(hosts) > 1 {
		out.Known, out.Host, out.TestServer = false, "", false
		out.Why = "one of several hosts (" + strings.Join(hosts, ", ") + ")"
	}
	out.Elsewhere = !out.Known && elsewhere
	return out
}

func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}
