package ttl_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

// prelude is the start of every test package: the imports the snippets
// use, and sink, whose argument is the value under test.
const prelude = `package p

import (
	"flag"
	"net/http"
	"os"
	"time"
)

var (
	_ = flag.Duration
	_ = http.SetCookie
	_ = os.Getenv
	_ = time.Now
)

func sink(v any) {}

`

type builder struct {
	fset *token.FileSet
	imp  types.Importer
	n    int
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

// sinkArg is the value passed to sink in function f (or a function
// nested in it).
func sinkArg(t *testing.T, fn *ssa.Function) ssa.Value {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if callee := c.Common().StaticCallee(); callee != nil && callee.Name() == "sink" {
				v := c.Common().Args[0]
				if mi, ok := v.(*ssa.MakeInterface); ok {
					v = mi.X
				}
				return v
			}
		}
	}
	for _, a := range fn.AnonFuncs {
		if v := sinkArg(t, a); v != nil {
			return v
		}
	}
	return nil
}

func known(d time.Duration) ttl.Expiry { return ttl.Expiry{Kind: ttl.Known, Duration: d} }
func unknown(why string) ttl.Expiry    { return ttl.Expiry{Kind: ttl.Unknown, Why: why} }

var (
	none    = ttl.Expiry{Kind: ttl.None}
	session = ttl.Expiry{Kind: ttl.Session}
	del     = ttl.Expiry{Kind: ttl.Delete}
)

const day = 24 * time.Hour

var ttlCases = []struct {
	name string
	how  string // "duration", "seconds", "time", "cookie"
	src  string
	want ttl.Expiry
}{
	// Durations.
	{"constant", "duration", `func f() { sink(24 * time.Hour) }`, known(day)},
	{"zero", "duration", `func f() { sink(time.Duration(0)) }`, known(0)},
	{"package constant", "duration", `const sessionTTL = 30 * 24 * time.Hour
func f() { sink(sessionTTL) }`, known(30 * day)},
	{"arithmetic on a local constant", "duration", `func f() {
	d := time.Hour
	sink(d*2 + 30*time.Minute)
}`, known(150 * time.Minute)},
	{"integer division", "duration", `func f() {
	d := 10 * time.Second
	sink(d / 3)
}`, known(3333333333)},
	{"doubled in a loop", "duration", `func f(n int) {
	d := time.Second
	for i := 0; i < n; i++ {
		d *= 2
	}
	sink(d)
}`, unknown("changed in a loop")},
	{"integer count times a unit", "duration", `func f() {
	days := 90
	sink(time.Duration(days) * 24 * time.Hour)
}`, known(90 * day)},
	{"integer count from a parameter", "duration", `func f(days int) { sink(time.Duration(days) * 24 * time.Hour) }`,
		unknown("from parameter days")},
	{"package variable set once", "duration", `var cacheTTL = 7 * 24 * time.Hour
func f() { sink(cacheTTL) }`, known(7 * day)},
	{"package variable set by a flag", "duration", `var cacheTTL = time.Hour
func init() { flag.DurationVar(&cacheTTL, "ttl", time.Hour, "") }
func f() { sink(cacheTTL) }`, unknown("set by flag.DurationVar")},
	{"ParseDuration of a constant", "duration", `func f() {
	d, _ := time.ParseDuration("720h")
	sink(d)
}`, known(30 * day)},
	{"ParseDuration from the environment", "duration", `func f() {
	d, _ := time.ParseDuration(os.Getenv("TTL"))
	sink(d)
}`, unknown("parsed from the environment")},
	{"field of a configuration struct", "duration", `type Config struct{ TTL time.Duration }
func f(c *Config) { sink(c.TTL) }`, unknown("from field Config.TTL")},
	{"longest of two constants", "duration", `func f(long bool) {
	d := time.Hour
	if long {
		d = 48 * time.Hour
	}
	sink(d)
}`, known(2 * day)},
	{"no expiry on one path", "duration", `func f(keep bool) {
	d := time.Hour
	if keep {
		d = 0
	}
	sink(d)
}`, unknown("one of several durations (0s, 1h0m0s)")},
	{"result of a local function", "duration", `func retention() time.Duration { return 2 * 24 * time.Hour }
func f() { sink(retention()) }`, known(2 * day)},
	{"time.Until", "duration", `func f() { sink(time.Until(time.Now().Add(2 * time.Hour))) }`, known(2 * time.Hour)},
	{"seconds", "seconds", `func f() { sink(86400) }`, known(day)},
	{"seconds from Duration.Seconds", "seconds", `const ttl = 30 * time.Minute
func f() { sink(int(ttl.Seconds())) }`, known(30 * time.Minute)},
	// Times.
	{"now plus a duration", "time", `func f() { sink(time.Now().Add(7 * 24 * time.Hour)) }`, known(7 * day)},
	{"now in UTC plus a package variable", "time", `var ttl = 12 * time.Hour
func f() {
	now := time.Now().UTC()
	sink(now.Add(ttl))
}`, known(12 * time.Hour)},
	{"AddDate", "time", `func f() { sink(time.Now().AddDate(1, 1, 1)) }`, known(365*day + 30*day + day)},
	{"AddDate from a parameter", "time", `func f(days int) { sink(time.Now().AddDate(0, 0, days)) }`, unknown("from parameter days")},
	{"zero time", "time", `func f() { sink(time.Time{}) }`, none},
	{"in the past", "time", `func f() { sink(time.Now().Add(-time.Hour)) }`, del},
	{"Unix epoch", "time", `func f() { sink(time.Unix(0, 0)) }`, del},
	{"fixed future date", "time", `func f() { sink(time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)) }`, unknown("a fixed date")},
	{"relative to a stored time", "time", `type User struct{ CreatedAt time.Time }
func f(u *User) { sink(u.CreatedAt.Add(30 * 24 * time.Hour)) }`, unknown("relative to a time from field User.CreatedAt")},
	// Cookies.
	{"cookie MaxAge", "cookie", `func f(w http.ResponseWriter) {
	c := &http.Cookie{Name: "sid", Value: "x", MaxAge: 3600}
	http.SetCookie(w, c)
	sink(c)
}`, known(time.Hour)},
	{"session cookie", "cookie", `func f() { sink(&http.Cookie{Name: "sid", Value: "x"}) }`, session},
	{"deleting cookie", "cookie", `func f() { sink(&http.Cookie{Name: "sid", MaxAge: -1}) }`, del},
	{"cookie Expires", "cookie", `func f() { sink(&http.Cookie{Name: "sid", Expires: time.Now().Add(24 * time.Hour)}) }`, known(day)},
	{"MaxAge wins over Expires", "cookie", `func f() {
	sink(&http.Cookie{Name: "sid", MaxAge: 60, Expires: time.Now().AddDate(1, 0, 0)})
}`, known(time.Minute)},
	{"Expires at the epoch", "cookie", `func f() {
	var c http.Cookie
	c.Name = "sid"
	c.Expires = time.Unix(0, 0)
	sink(&c)
}`, del},
	{"MaxAge from a duration", "cookie", `var rememberMe = 390 * 24 * time.Hour
func f(w http.ResponseWriter) {
	var c http.Cookie
	c.MaxAge = int(rememberMe.Seconds())
	http.SetCookie(w, &c)
	sink(&c)
}`, known(390 * day)},
	{"cookie value copied", "cookie", `func f(w http.ResponseWriter) {
	ck := http.Cookie{Name: "sid", MaxAge: 7200}
	http.SetCookie(w, &ck)
	sink(ck)
}`, known(2 * time.Hour)},
	{"cookie made by a local function", "cookie", `func newCookie(v string) *http.Cookie {
	return &http.Cookie{Name: "sid", Value: v, Expires: time.Now().Add(time.Hour)}
}
func f() { sink(newCookie("x")) }`, known(time.Hour)},
	{"cookie from a parameter", "cookie", `func f(c *http.Cookie) { sink(c) }`, unknown("cookie from parameter c")},
	{"MaxAge from a parameter", "cookie", `func f(age int) { sink(&http.Cookie{Name: "sid", MaxAge: age}) }`,
		unknown("MaxAge from parameter age")},
	{"Expires from a parameter", "cookie", `func f(exp time.Time) { sink(&http.Cookie{Name: "sid", Expires: exp}) }`,
		unknown("Expires from parameter exp")},
}

func TestExpiries(t *testing.T) {
	fset := token.NewFileSet()
	b := &builder{fset: fset, imp: importer.ForCompiler(fset, "source", nil)}
	for _, tc := range ttlCases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			pkg := b.build(t, tc.src)
			v := sinkArg(t, pkg.Func("f"))
			if v == nil {
				t.Fatal("no call to sink in f")
			}
			var got ttl.Expiry
			switch tc.how {
			case "duration":
				got = ttl.OfDuration(v, false)
			case "seconds":
				got = ttl.OfDuration(v, true)
			case "time":
				got = ttl.OfTime(v)
			case "cookie":
				got = ttl.OfCookie(v)
			default:
				t.Fatalf("bad case kind %q", tc.how)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%s", diff, tc.src)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	var got []string
	for _, k := range []ttl.Kind{ttl.None, ttl.Known, ttl.Unknown, ttl.Session, ttl.Delete, 9} {
		got = append(got, k.String())
	}
	want := []string{"None", "Known", "Unknown", "Session", "Delete", "Kind(9)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}
