package dest

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/ssamem"
)

// Param names the parameter of the sending function that gives its
// destination, and what the function puts after the parameter's value.
type Param struct {
	// Index is the parameter, receiver first.
	Index int
	// Form is how the parameter is read: "url" (a string, a *url.URL or
	// a url.URL) or "request" (an *http.Request, whose URL is sent to).
	Form string
	// Then is the constant text that directly follows the parameter's
	// value ("/login" in base + "/login").
	Then string
	// More says what follows Then: "" nothing, "value" a value computed
	// at run time, "number" an integer computed at run time.
	More string
	// TestClient: the request goes through the client of a test server
	// ((*httptest.Server).Client()).
	TestClient bool
}

// testServerURL is the value of the URL field of a net/http/httptest
// server.
func testServerURL() []str {
	return one(str{{hole: true, server: true, why: "from a test server's URL"}})
}

// param evaluates a parameter of the sending function as a hole a
// caller can fill in. ok is false for a parameter of another function
// (a callee's, when its results are followed) and for one the function
// assigns through (*u = ...).
func (w *walker) param(v *ssa.Parameter, form string) (s []str, ok bool) {
	fn := v.Parent()
	if w.root == nil || fn != w.root {
		return nil, false
	}
	for _, in := range ssamem.Refs(v) {
		if st, isStore := in.(*ssa.Store); isStore && st.Addr == v {
			return nil, false
		}
	}
	for i, p := range fn.Params {
		if p == v {
			return one(str{{hole: true, why: ssamem.Origin(v), param: i + 1, form: form}}), true
		}
	}
	return nil, false
}

// fromLeading resolves a URL that begins with a test server's URL or
// with a parameter of the sending function.
func fromLeading(s str) Destination {
	first, rest := s[0], s[1:]
	then := ""
	if len(rest) > 0 && !rest[0].hole {
		then, rest = rest[0].text, rest[1:]
	}
	if first.server {
		if then != "" && !strings.ContainsAny(then[:1], "/?#") {
			return Destination{Why: "host changed after a test server's URL"}
		}
		return Destination{Known: true, TestServer: true}
	}
	p := &Param{Index: first.param - 1, Form: first.form, Then: then}
	switch {
	case len(rest) == 0:
	case then == "" && rest[0].num:
		p.More = "number"
	default:
		p.More = "value"
	}
	return Destination{Why: "URL " + first.why, Param: p}
}

// Substitute resolves the destination d of a send made in a callee
// when d comes from one of the callee's parameters (d.Param): args are
// the arguments of the call (receiver first) made in fn. What the
// caller passes decides; when it is a parameter of fn, the result names
// that one. Without d.Param, d is returned as it is; when args lack the
// parameter, d without it.
func Substitute(fn *ssa.Function, d Destination, args []ssa.Value) Destination {
	p := d.Param
	if p == nil {
		return d
	}
	if p.Index < 0 || p.Index >= len(args) || fn == nil {
		d.Param = nil
		return d
	}
	w := newWalker()
	w.root, w.pkg = fn, fn.Pkg
	var alts []str
	if p.Form == "request" {
		alts = w.request(args[p.Index])
	} else {
		alts = w.str(args[p.Index])
	}
	tail := lit(p.Then)
	switch p.More {
	case "number":
		tail = tail.cat(str{{hole: true, num: true, why: "computed at run time"}})
	case "value":
		tail = tail.cat(hole("computed at run time"))
	}
	var ds []Destination
	for _, s := range product(alts, one(tail)) {
		x := fromURL(s)
		if p.TestClient {
			x = onTestClient(x)
		}
		ds = append(ds, x)
	}
	out := merge(ds)
	out.Insecure, out.MinTLS = d.Insecure, d.MinTLS
	return out
}

// onTestClient is where a request through a test server's client goes:
// that client is made to talk to its server; it also sends requests for
// example.com and its subdomains there. A URL computed at run time is
// taken to be one the server handed out; any other known host is that
// host.
func onTestClient(d Destination) Destination {
	switch {
	case d.TestServer:
	case d.Param != nil:
		p := *d.Param
		p.TestClient = true
		d.Param = &p
	case !d.Known, d.Host == "example.com", strings.HasSuffix(d.Host, ".example.com"):
		return Destination{Known: true, TestServer: true, Insecure: d.Insecure, MinTLS: d.MinTLS}
	}
	return d
}

// testClient reports whether the *http.Client v is the client of a test
// server, (*httptest.Server).Client(), whichever way it comes.
func (w *walker) testClient(v ssa.Value) bool {
	if w.descend() != "" {
		return false
	}
	defer w.ascend()
	if !w.enter(v) {
		return true // a cycle adds no other client
	}
	defer w.leave(v)
	switch v := v.(type) {
	case *ssa.Call:
		if ssamem.CalleeName(&v.Call) == "(*net/http/httptest.Server).Client" {
			return true
		}
		all, ok := returns(w, v, 0, func(r ssa.Value) []bool { return []bool{w.testClient(r)} })
		return ok && !slices.Contains(all, false)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !w.testClient(e) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		return v.Op == token.MUL && w.testClientIn(v.X)
	case *ssa.ChangeType:
		return w.testClient(v.X)
	case *ssa.FreeVar:
		bs := ssamem.Bindings(v)
		for _, b := range bs {
			if !w.testClient(b) {
				return false
			}
		}
		return len(bs) > 0
	}
	return false
}

// testClientIn reports whether every client stored in the variable p
// points to (a local or package-level variable, also captured) is the
// client of a test server.
func (w *walker) testClientIn(p ssa.Value) bool {
	if fv, ok := p.(*ssa.FreeVar); ok {
		bs := ssamem.Bindings(fv)
		for _, b := range bs {
			if !w.testClientIn(b) {
				return false
			}
		}
		return len(bs) > 0
	}
	if !ssamem.Tracked(p) {
		return false
	}
	vals, setBy := ssamem.Stored(p)
	if len(vals) == 0 || setBy != "" {
		return false
	}
	for _, x := range vals {
		if !w.testClient(x) {
			return false
		}
	}
	return true
}
