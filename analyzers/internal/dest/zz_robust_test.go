package dest_test

import (
	"go/types"
	"os"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

func TestRobust(t *testing.T) {
	if os.Getenv("ROBUST") == "" {
		t.Skip()
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "net/http", "net/smtp", "net/http/httputil", "golang.org/x/tools/go/ssa", "github.com/privacyvet/privacyvet/...")
	if err != nil {
		t.Fatal(err)
	}
	prog, _ := ssautil.AllPackages(pkgs, ssa.InstantiateGenerics)
	prog.Build()
	start := time.Now()
	n, known, calls := 0, 0, 0
	for fn := range ssautil.AllFunctions(prog) {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(ssa.CallInstruction); ok {
					cc := c.Common()
					args := cc.Args
					if cc.IsInvoke() {
						args = append([]ssa.Value{cc.Value}, cc.Args...)
					}
					if d, ok := dest.OfCall(fn, fullName(cc), args); ok {
						calls++
						if d.Known {
							known++
						}
						t.Logf("%s: %s %+v", prog.Fset.Position(c.Pos()), fullName(cc), d)
					}
				}
				v, ok := in.(ssa.Value)
				if !ok {
					continue
				}
				n++
				switch typ := v.Type().String(); {
				case typ == "string":
					dest.OfURL(v)
				case typ == "*net/http.Request":
					dest.OfRequest(v)
				case typ == "*net/http.Client":
					dest.OfClient(v)
				case typ == "net.Conn":
					dest.OfConn(v)
				case typ == "time.Duration":
					ttl.OfDuration(v, false)
				case typ == "int":
					ttl.OfDuration(v, true)
				case typ == "time.Time":
					ttl.OfTime(v)
				case typ == "*net/http.Cookie", typ == "net/http.Cookie":
					ttl.OfCookie(v)
				case types.Identical(v.Type(), types.NewPointer(types.Typ[types.String])):
				}
			}
		}
	}
	t.Logf("%d values, %d outbound calls (%d known) in %v", n, calls, known, time.Since(start))
}
