package dest

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/ssamem"
)

// url evaluates a *url.URL or url.URL value as the string it prints.
func (w *walker) url(v ssa.Value) []str {
	if stop := w.descend(); stop != "" {
		return holes(stop)
	}
	defer w.ascend()
	switch v := v.(type) {
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 {
			break
		}
		a := ssamem.Args(&call.Call)
		switch ssamem.CalleeName(&call.Call) {
		case "net/url.Parse", "net/url.ParseRequestURI":
			return w.override(v, w.str(a[0]))
		case "(*net/url.URL).Parse":
			return w.override(v, w.resolve(w.url(a[0]), w.str(a[1])))
		}
		if s, ok := returns(w, call, v.Index, w.url); ok {
			return s
		}
	case *ssa.Call:
		a := ssamem.Args(&v.Call)
		switch ssamem.CalleeName(&v.Call) {
		case "(*net/url.URL).JoinPath":
			return w.override(v, joinPath(w.url(a[0])))
		case "(*net/url.URL).ResolveReference":
			return w.override(v, w.resolve(w.url(a[0]), w.url(a[1])))
		}
		if s, ok := returns(w, v, 0, w.url); ok {
			return s
		}
	case *ssa.Alloc:
		for _, in := range ssamem.Refs(v) {
			if st, ok := in.(*ssa.Store); ok && st.Addr == v {
				if _, zero := st.Val.(*ssa.Const); !zero {
					return w.override(v, w.url(st.Val)) // u := *other
				}
			}
		}
		return w.urlLiteral(v)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		if fa, ok := v.X.(*ssa.FieldAddr); ok && ssamem.IsNamed(fa.X.Type(), "net/http", "Request") && ssamem.FieldName(fa) == "URL" {
			return w.override(v, w.request(fa.X))
		}
		if isURL(v.Type()) && !isPointer(v.Type()) {
			return w.url(v.X) // a copy of the URL *v.X points to
		}
		return w.load(v.X, v, w.url)
	case *ssa.Phi:
		return w.phi(v, w.url)
	case *ssa.MakeInterface:
		return w.url(v.X)
	case *ssa.ChangeType:
		return w.url(v.X)
	case *ssa.TypeAssert:
		if !v.CommaOk {
			return w.url(v.X)
		}
	case *ssa.FreeVar:
		if bs := ssamem.Bindings(v); len(bs) > 0 {
			var alts [][]str
			for _, b := range bs {
				alts = append(alts, w.url(b))
			}
			return union(alts...)
		}
	case *ssa.Parameter:
		if s, ok := w.param(v, "url"); ok {
			return w.override(v, s)
		}
	}
	return holes(ssamem.Origin(v))
}

// urlLiteral evaluates a url.URL built field by field (a composite
// literal, or a variable whose fields are assigned).
func (w *walker) urlLiteral(a *ssa.Alloc) []str {
	get := func(name string) []str {
		vals, _, _ := ssamem.FieldStored(a, name, 0)
		if len(vals) == 0 {
			return one(lit(""))
		}
		var alts [][]str
		for _, x := range vals {
			alts = append(alts, w.str(x))
		}
		return union(alts...)
	}
	s := product(get("Scheme"), one(lit("://")))
	s = product(s, get("Host"))
	return product(s, get("Path"))
}

// override applies assignments to the Scheme or Host field of the URL p
// points to (u.Host = "..." after url.Parse) to its evaluation base.
func (w *walker) override(p ssa.Value, base []str) []str {
	if !isPointer(p.Type()) {
		return base
	}
	var scheme, host []ssa.Value
	for _, in := range ssamem.Refs(p) {
		fa, ok := in.(*ssa.FieldAddr)
		if !ok || fa.X != p {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				switch ssamem.FieldName(fa) {
				case "Scheme":
					scheme = append(scheme, st.Val)
				case "Host":
					host = append(host, st.Val)
				}
			}
		}
	}
	if scheme == nil && host == nil {
		return base
	}
	var out [][]str
	for _, b := range base {
		u, ok := split(b)
		if !ok {
			out = append(out, holes("changed after it was built"))
			continue
		}
		sch, auth := one(u.scheme), one(u.auth)
		if scheme != nil {
			sch = w.each(scheme)
		}
		if host != nil {
			auth = w.each(host)
		}
		out = append(out, product(product(product(sch, one(lit("://"))), auth), one(u.rest)))
	}
	return union(out...)
}

func (w *walker) each(vals []ssa.Value) []str {
	var alts [][]str
	for _, v := range vals {
		alts = append(alts, w.str(v))
	}
	return union(alts...)
}

// resolve evaluates base.ResolveReference(ref): an absolute reference
// replaces the base; a relative one (a constant path) keeps its host.
func (w *walker) resolve(base, ref []str) []str {
	var out [][]str
	for _, r := range ref {
		p := r.prefix()
		switch {
		case strings.Contains(p, "://") || strings.HasPrefix(p, "//"):
			out = append(out, one(r))
		case len(r) > 0 && r[0].hole:
			out = append(out, one(r)) // may be absolute: unknown
		default:
			out = append(out, joinPath(base))
		}
	}
	return union(out...)
}

// request evaluates the URL of an *http.Request.
func (w *walker) request(v ssa.Value) []str {
	if stop := w.descend(); stop != "" {
		return holes(stop)
	}
	defer w.ascend()
	var base []str
	switch v := v.(type) {
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 {
			break
		}
		a := ssamem.Args(&call.Call)
		switch ssamem.CalleeName(&call.Call) {
		case "net/http.NewRequest":
			base = w.str(a[1])
		case "net/http.NewRequestWithContext":
			base = w.str(a[2])
		default:
			base, _ = returns(w, call, v.Index, w.request)
		}
	case *ssa.Call:
		switch ssamem.CalleeName(&v.Call) {
		case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
			base = w.request(v.Call.Args[0])
		default:
			base, _ = returns(w, v, 0, w.request)
		}
	case *ssa.Alloc:
		if vals, _, ok := ssamem.FieldStored(v, "URL", 0); ok {
			if len(vals) == 0 {
				return holes("request without a URL")
			}
			var alts [][]str
			for _, x := range vals {
				alts = append(alts, w.url(x))
			}
			base = union(alts...)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return w.load(v.X, v, w.request)
		}
	case *ssa.Phi:
		return w.phi(v, w.request)
	case *ssa.FreeVar:
		if bs := ssamem.Bindings(v); len(bs) > 0 {
			var alts [][]str
			for _, b := range bs {
				alts = append(alts, w.request(b))
			}
			return union(alts...)
		}
	case *ssa.Parameter:
		base, _ = w.param(v, "request") // then changes made to it here
	}
	if base == nil {
		return holes(ssamem.Origin(v))
	}
	if _, alloc := v.(*ssa.Alloc); alloc {
		return base
	}
	// req.URL = u, and req.URL.Host = "..." after the request was made.
	var urls [][]str
	for _, in := range ssamem.Refs(v) {
		fa, ok := in.(*ssa.FieldAddr)
		if !ok || ssamem.FieldName(fa) != "URL" {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				urls = append(urls, w.url(st.Val))
			}
		}
	}
	if urls != nil {
		base = union(urls...)
	}
	for _, ld := range ssamem.FieldLoads(v, "URL") {
		base = w.override(ld, base)
	}
	return base
}

// tlsInfo is what is known of the TLS settings used for a connection.
type tlsInfo struct {
	insecure bool
	min      uint16
}

func (t tlsInfo) join(u tlsInfo) tlsInfo {
	t.insecure = t.insecure || u.insecure
	if u.min != 0 && (t.min == 0 || u.min < t.min) {
		t.min = u.min
	}
	return t
}

// sites returns the pointers whose fields may hold the settings of the
// object v refers to: v itself, and through interfaces, phis, copies
// into variables, and the results of functions whose body is at hand.
func (w *walker) sites(v ssa.Value, out []ssa.Value) []ssa.Value {
	if w.descend() != "" {
		return out
	}
	defer w.ascend()
	if !w.enter(v) {
		return out
	}
	defer w.leave(v)
	out = append(out, v)
	switch v := v.(type) {
	case *ssa.MakeInterface:
		out = w.sites(v.X, out)
	case *ssa.ChangeInterface:
		out = w.sites(v.X, out)
	case *ssa.ChangeType:
		out = w.sites(v.X, out)
	case *ssa.TypeAssert:
		out = w.sites(v.X, out)
	case *ssa.Extract:
		out = w.sites(v.Tuple, out)
	case *ssa.Phi:
		for _, e := range v.Edges {
			out = w.sites(e, out)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL && ssamem.Tracked(v.X) {
			vals, _ := ssamem.Stored(v.X)
			for _, x := range vals {
				out = w.sites(x, out)
			}
		}
	case *ssa.Call:
		switch ssamem.CalleeName(&v.Call) {
		case "(*net/http.Transport).Clone", "(*crypto/tls.Config).Clone":
			out = w.sites(v.Call.Args[0], out)
		default:
			more, _ := returns(w, v, 0, func(r ssa.Value) []ssa.Value { return w.sites(r, nil) })
			out = append(out, more...)
		}
	}
	return out
}

// client returns the TLS settings of an *http.Client.
func (w *walker) client(v ssa.Value) tlsInfo {
	var t tlsInfo
	for _, s := range w.sites(v, nil) {
		if loadOf(s, "net/http", "DefaultClient") {
			t = t.join(w.defaults())
			continue
		}
		tr := directStores(s, "Transport")
		if len(tr) == 0 && ssamem.Tracked(s) {
			t = t.join(w.defaults()) // a nil Transport is http.DefaultTransport
		}
		for _, x := range tr {
			t = t.join(w.transport(x))
		}
	}
	return t
}

// transport returns the TLS settings of an http.RoundTripper that is an
// *http.Transport.
func (w *walker) transport(v ssa.Value) tlsInfo {
	var t tlsInfo
	for _, s := range w.sites(v, nil) {
		if loadOf(s, "net/http", "DefaultTransport") {
			t = t.join(w.defaults())
			continue
		}
		for _, x := range directStores(s, "TLSClientConfig") {
			t = t.join(w.tlsConfig(x))
		}
		for _, ld := range ssamem.FieldLoads(s, "TLSClientConfig") {
			t = t.join(w.tlsConfig(ld)) // tr.TLSClientConfig.InsecureSkipVerify = true
		}
	}
	return t
}

// loadOf reports whether v is a load of the package-level variable
// path.name.
func loadOf(v ssa.Value, path, name string) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	g, ok := ld.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == path && g.Name() == name
}

// tlsConfig returns the settings of a *tls.Config: InsecureSkipVerify
// set to true, and MinVersion set to a constant.
func (w *walker) tlsConfig(v ssa.Value) tlsInfo {
	var t tlsInfo
	for _, s := range w.sites(v, nil) {
		for _, x := range directStores(s, "InsecureSkipVerify") {
			if c, ok := x.(*ssa.Const); ok && c.Value != nil && constant.BoolVal(c.Value) {
				t.insecure = true
			}
		}
		for _, x := range directStores(s, "MinVersion") {
			if c, ok := x.(*ssa.Const); ok && c.Value != nil {
				if n, exact := constant.Uint64Val(c.Value); exact && n > 0 && n <= 0xffff {
					t = t.join(tlsInfo{min: uint16(n)})
				}
			}
		}
	}
	return t
}

// directStores returns the values stored into field name through p,
// whatever p is (a pointer loaded from a field included).
func directStores(p ssa.Value, name string) []ssa.Value {
	if vals, _, ok := ssamem.FieldStored(p, name, 0); ok {
		return vals
	}
	var out []ssa.Value
	for _, in := range ssamem.Refs(p) {
		fa, ok := in.(*ssa.FieldAddr)
		if !ok || fa.X != p || ssamem.FieldName(fa) != name {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				out = append(out, st.Val)
			}
		}
	}
	return out
}
