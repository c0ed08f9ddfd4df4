package ttl

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"time"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/ssamem"
)

// y2k is 2000-01-01 in Unix seconds: a constant date before it is past.
const y2k = 946684800

// time evaluates a time.Time expiry relative to now.
func (w *walker) time(v ssa.Value) Expiry {
	if stop := w.enter(v); stop != "" {
		return unknownExpiry(stop)
	}
	defer w.leave(v)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return Expiry{Kind: None} // time.Time{}
		}
	case *ssa.Call:
		a := v.Call.Args
		switch ssamem.CalleeName(&v.Call) {
		case "(time.Time).Add":
			if !w.isNow(a[0]) {
				return w.relative(a[0])
			}
			e := w.num(a[1]).duration(false)
			if e.Kind == Known && e.Duration <= 0 {
				return Expiry{Kind: Delete}
			}
			return e
		case "(time.Time).AddDate":
			if !w.isNow(a[0]) {
				return w.relative(a[0])
			}
			d := time.Duration(0)
			for i, unit := range []time.Duration{365 * 24 * time.Hour, 30 * 24 * time.Hour, 24 * time.Hour} {
				n := w.num(a[i+1])
				switch {
				case n.why != "":
					return unknownExpiry(n.why)
				case len(n.vals) != 1:
					return unknownExpiry("one of several dates")
				}
				k, _ := constant.Int64Val(constant.ToInt(n.vals[0]))
				d += time.Duration(k) * unit
			}
			if d <= 0 {
				return Expiry{Kind: Delete}
			}
			return Expiry{Kind: Known, Duration: d}
		case "(time.Time).UTC", "(time.Time).Local", "(time.Time).In", "(time.Time).Round", "(time.Time).Truncate":
			return w.time(a[0])
		case "time.Unix", "time.UnixMilli", "time.Date":
			return w.fixed(ssamem.CalleeName(&v.Call), a)
		case "time.Now":
			return Expiry{Kind: Delete} // expires as it is set
		}
		if es, ok := returns(w, v, 0, w.time); ok {
			return mergeExpiry(es)
		}
	case *ssa.Phi:
		var es []Expiry
		for _, e := range v.Edges {
			es = append(es, w.time(e))
		}
		return mergeExpiry(es)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return loadVia(w, v.X, "", v, w.time, unknownExpiry, mergeExpiry, Expiry{Kind: None})
		}
	case *ssa.Field:
		if p, name, ok := fieldOf(v); ok {
			return loadVia(w, p, name, v, w.time, unknownExpiry, mergeExpiry, Expiry{Kind: None})
		}
	case *ssa.FreeVar:
		if bs := ssamem.Bindings(v); len(bs) > 0 {
			var es []Expiry
			for _, b := range bs {
				es = append(es, w.time(b))
			}
			return mergeExpiry(es)
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			if es, ok := returns(w, call, v.Index, w.time); ok {
				return mergeExpiry(es)
			}
		}
	}
	return unknownExpiry(ssamem.Origin(v))
}

// relative is the expiry of a time computed from a time that is not now.
func (w *walker) relative(base ssa.Value) Expiry {
	return Expiry{Kind: Unknown, Why: "relative to a time " + ssamem.Origin(base)}
}

// fixed evaluates time.Unix(sec, nsec), time.UnixMilli(ms) and
// time.Date(year, ...): a constant date before 2000 has passed.
func (w *walker) fixed(name string, a []ssa.Value) Expiry {
	n := w.num(a[0])
	if n.why != "" || len(n.vals) != 1 {
		return Expiry{Kind: Unknown, Why: "a date computed at run time"}
	}
	k, exact := constant.Int64Val(constant.ToInt(n.vals[0]))
	past := false
	switch name {
	case "time.Unix":
		past = exact && k < y2k
	case "time.UnixMilli":
		past = exact && k < y2k*1000
	case "time.Date":
		past = exact && k < 2000
	}
	if past {
		return Expiry{Kind: Delete}
	}
	return Expiry{Kind: Unknown, Why: "a fixed date"}
}

// isNow reports whether v is the current time.
func (w *walker) isNow(v ssa.Value) bool {
	if w.enter(v) != "" {
		return false
	}
	defer w.leave(v)
	switch v := v.(type) {
	case *ssa.Call:
		switch ssamem.CalleeName(&v.Call) {
		case "time.Now":
			return true
		case "(time.Time).UTC", "(time.Time).Local", "(time.Time).In", "(time.Time).Round", "(time.Time).Truncate":
			return w.isNow(v.Call.Args[0])
		}
	case *ssa.UnOp:
		if v.Op == token.MUL && ssamem.Tracked(v.X) {
			vals, _ := ssamem.Stored(v.X)
			return len(vals) > 0 && !slices.ContainsFunc(vals, func(x ssa.Value) bool { return !w.isNow(x) })
		}
	case *ssa.Phi:
		return !slices.ContainsFunc(v.Edges, func(x ssa.Value) bool { return !w.isNow(x) })
	case *ssa.FreeVar:
		bs := ssamem.Bindings(v)
		return len(bs) > 0 && !slices.ContainsFunc(bs, func(x ssa.Value) bool { return !w.isNow(x) })
	}
	return false
}

func unknownExpiry(why string) Expiry { return Expiry{Kind: Unknown, Why: why} }

// rank orders expiries by how long the data may live.
func rank(e Expiry) (int, time.Duration) {
	switch e.Kind {
	case Delete:
		return 0, 0
	case Session:
		return 1, 0
	case Known:
		return 2, e.Duration
	case None:
		return 3, 0
	}
	return 4, 0
}

// mergeExpiry combines the expiries a write may have: the first Unknown
// if any, else the one that keeps the data longest.
func mergeExpiry(es []Expiry) Expiry {
	if len(es) == 0 {
		return Expiry{Kind: Unknown, Why: "no value"}
	}
	best := es[0]
	for _, e := range es[1:] {
		if best.Kind == Unknown {
			break
		}
		r1, d1 := rank(best)
		r2, d2 := rank(e)
		if r2 > r1 || r2 == r1 && d2 > d1 {
			best = e
		}
	}
	return best
}

// cookie evaluates the expiry of a cookie.
func (w *walker) cookie(v ssa.Value) Expiry {
	if stop := w.enter(v); stop != "" {
		return unknownExpiry(stop)
	}
	defer w.leave(v)
	switch v := v.(type) {
	case *ssa.Alloc:
		return w.cookieFields(v)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		if ssamem.IsNamed(v.Type(), "net/http", "Cookie") && !isPointer(v) {
			return w.cookie(v.X) // a copy of the cookie *v.X points to
		}
		if ssamem.Tracked(v.X) {
			vals, _ := ssamem.Stored(v.X)
			var es []Expiry
			for _, x := range vals {
				es = append(es, w.cookie(x))
			}
			if len(es) > 0 {
				return mergeExpiry(es)
			}
		}
	case *ssa.Phi:
		var es []Expiry
		for _, e := range v.Edges {
			es = append(es, w.cookie(e))
		}
		return mergeExpiry(es)
	case *ssa.MakeInterface:
		return w.cookie(v.X)
	case *ssa.ChangeType:
		return w.cookie(v.X)
	case *ssa.FreeVar:
		if bs := ssamem.Bindings(v); len(bs) > 0 {
			var es []Expiry
			for _, b := range bs {
				es = append(es, w.cookie(b))
			}
			return mergeExpiry(es)
		}
	case *ssa.Call:
		if es, ok := returns(w, v, 0, w.cookie); ok {
			return mergeExpiry(es)
		}
	}
	return unknownExpiry("cookie " + ssamem.Origin(v))
}

// cookieFields evaluates MaxAge and Expires of a cookie allocated in the
// function.
func (w *walker) cookieFields(c *ssa.Alloc) Expiry {
	maxAge, from, ok := ssamem.FieldStored(c, "MaxAge", 0)
	if !ok {
		return unknownExpiry("MaxAge " + ssamem.Origin(from))
	}
	var es []Expiry
	for _, m := range maxAge {
		n := w.num(m)
		if n.why != "" {
			return unknownExpiry("MaxAge " + n.why)
		}
		for _, x := range n.vals {
			switch s := constant.Sign(x); {
			case s > 0:
				es = append(es, values{vals: []constant.Value{x}}.duration(true))
			case s < 0:
				es = append(es, Expiry{Kind: Delete})
			default:
				es = append(es, w.expires(c))
			}
		}
	}
	if len(maxAge) == 0 {
		es = append(es, w.expires(c))
	}
	return mergeExpiry(es)
}

// expires evaluates the Expires field of a cookie whose MaxAge is 0.
func (w *walker) expires(c *ssa.Alloc) Expiry {
	vals, from, ok := ssamem.FieldStored(c, "Expires", 0)
	if !ok {
		return unknownExpiry("Expires " + ssamem.Origin(from))
	}
	var es []Expiry
	for _, x := range vals {
		e := w.time(x)
		switch e.Kind {
		case None:
			e = Expiry{Kind: Session}
		case Unknown:
			e.Why = "Expires " + e.Why
		}
		es = append(es, e)
	}
	if len(es) == 0 {
		return Expiry{Kind: Session}
	}
	return mergeExpiry(es)
}

func isPointer(v ssa.Value) bool {
	_, ok := v.Type().Underlying().(*types.Pointer)
	return ok
}
