package flow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
	"slices"
	"strings"
)

// maxPathDepth bounds field paths (At, Src): deeper reads fold into the
// last tracked level. Data reaching a sink through a path longer than
// this is still reported, only less precisely placed.
const maxPathDepth = 4

// maxLabels bounds the labels held by one value; past it, further labels
// are dropped and the engine records that it hit the bound.
const maxLabels = 64

// label is one unit of taint: a concrete personal-data category, or a
// symbolic stand-in for "whatever the caller passed in parameter param"
// (used to build summaries). Its identity is an interned *key, so a label
// is five words, and comparing two is comparing pointers: label sets are
// built and merged in the engine's innermost loops.
type label struct {
	*key
	hide uint8 // renderings that do not show it (hideText, hideJSON, hideXML)
	// symbolic: the rendering the parameter's data went through to get
	// here, if any; the caller drops what it hides in what it passes.
	rendered uint8
	origin   string // concrete: where the category was attached, e.g. "User.Email"
	trace    *hop   // the path that brought it here, newest hop first
}

// labelKey is what identifies a label.
type labelKey struct {
	cat   string // concrete category; "" for a symbolic label
	param int    // symbolic: parameter index (free variables follow params); -1 when concrete
	src   string // symbolic: field path within the parameter ("" = the whole parameter)
	at    string // field path within the value holding the label ("" = anywhere in it)
	san   string // symbolic: comma-joined categories sanitized on the way (for category-specific sanitizers)
	// via: concrete, of a tagged field read from a parameter: "i:path",
	// the parameter and the field path read. The category is there only
	// if the caller's argument can hold data at that path: a caller that
	// passes memory of its own where nothing was written there drops it.
	via string
	// box: the error type that holds the data (narrow.go); for a
	// symbolic label, "-" when the parameter's data was rendered into
	// the text of another error on the way.
	box string
}

// key is an interned labelKey, with the keys that the engine derives from
// it most often computed once.
type key struct {
	labelKey
	anyAt      *key // the same label anywhere in the value (at == "")
	wholeParam *key // symbolic: the whole parameter (src, at and san empty)
	// pathOf: symbolic, the key of the parameter's path alone (param,
	// src and at; san and box empty): labels with the same pathOf are
	// one path of the parameter.
	pathOf *key
	// projections caches project's results by field path (nil: dropped).
	projections map[string]*key
}

func (k *key) symbolic() bool { return k.param >= 0 }

// interner interns the label keys of one package's analysis.
type interner struct {
	keys map[labelKey]*key
}

func newInterner() *interner { return &interner{keys: make(map[labelKey]*key)} }

// key returns the interned key for lk.
func (in *interner) key(lk labelKey) *key {
	if k := in.keys[lk]; k != nil {
		return k
	}
	k := &key{labelKey: lk}
	in.keys[lk] = k
	if lk.at == "" {
		k.anyAt = k
	} else {
		w := lk
		w.at = ""
		k.anyAt = in.key(w)
	}
	if lk.param >= 0 {
		if lk.src == "" && lk.at == "" && lk.san == "" {
			k.wholeParam = k
		} else {
			k.wholeParam = in.key(labelKey{param: lk.param})
		}
		if p := (labelKey{param: lk.param, src: lk.src, at: lk.at}); p == lk {
			k.pathOf = k
		} else {
			k.pathOf = in.key(p)
		}
	}
	return k
}

// concrete returns a label of category cat at field path at.
func (in *interner) concrete(cat, at, origin string, hide uint8, trace *hop) label {
	return in.concreteVia(cat, at, "", origin, hide, trace)
}

// concreteVia is concrete for a category read from a parameter's field
// (see labelKey.via).
func (in *interner) concreteVia(cat, at, via, origin string, hide uint8, trace *hop) label {
	return label{key: in.key(labelKey{cat: cat, param: -1, at: at, via: via}), hide: hide, origin: origin, trace: trace}
}

// symbolic returns the label of parameter (or free variable) i, v.
func (in *interner) symbolic(i int, v ssa.Value) label {
	return label{key: in.key(labelKey{param: i}), trace: &hop{pos: v.Pos(), what: paramHop + v.Name()}}
}

// with returns l with its key changed by f.
func (in *interner) with(l label, f func(*labelKey)) label {
	lk := l.labelKey
	f(&lk)
	l.key = in.key(lk)
	return l
}

// hop is one step of a path: a source read, a call, a sink.
type hop struct {
	pos  token.Pos // in the current package; NoPos for steps elsewhere
	loc  string    // "file:line" for steps in other packages
	what string
	prev *hop
}

// maxHops bounds a recorded path; older hops beyond it are dropped from
// the middle so the source and the latest hops survive.
const maxHops = 12

func (h *hop) push(pos token.Pos, what string) *hop {
	if h != nil && h.pos == pos && h.what == what {
		return h
	}
	return &hop{pos: pos, what: what, prev: h}
}

// steps returns the path oldest first.
func (h *hop) steps() []Step { return h.stepsThen(nil) }

// stepsThen returns the path oldest first, then rest, in one slice. A
// path longer than maxHops keeps its first two hops and its last ones.
func (h *hop) stepsThen(rest []Step) []Step {
	n := 0
	for x := h; x != nil; x = x.prev {
		n++
	}
	keep := min(n, maxHops)
	if keep+len(rest) == 0 {
		return nil
	}
	out := make([]Step, keep, keep+len(rest))
	i := n - 1 // the position of x in the whole path, oldest first
	for x := h; x != nil; x, i = x.prev, i-1 {
		j := i
		if n > maxHops {
			switch {
			case i >= n-(maxHops-2):
				j = i - (n - maxHops)
			case i >= 2:
				continue
			}
		}
		out[j] = Step{Pos: x.pos, Loc: x.loc, What: x.what}
	}
	return append(out, rest...)
}

// taint is a small set of labels.
type taint []label

func (t *taint) add(l label) bool {
	for i := range *t {
		x := &(*t)[i]
		if x.key == l.key {
			// The same data shown by one rendering and hidden by
			// another is shown: keep the hidings both agree on.
			// Likewise, data that also arrives unrendered arrives whole.
			h, r := x.hide&l.hide, x.rendered&l.rendered
			if h != x.hide || r != x.rendered {
				x.hide, x.rendered = h, r
				return true
			}
			return false
		}
	}
	if l.symbolic() && (l.src != "" || l.at != "") {
		// Field paths of one parameter multiply in big structs: past a
		// few, stand for all of them with the whole parameter (which
		// projects onto any field), so label sets stay small.
		// Count paths, not labels: the same field boxed in two error
		// types, or sanitized of different categories, is one path.
		var paths [maxParamPaths]*key
		n, seen := 0, false
		for _, x := range *t {
			if x.param != l.param {
				continue
			}
			if x.pathOf == l.pathOf {
				seen = true
				break
			}
			if n < maxParamPaths && !slices.Contains(paths[:n], x.pathOf) {
				paths[n] = x.pathOf
				n++
			}
		}
		if !seen && n >= maxParamPaths {
			w := l
			w.key = l.wholeParam
			return t.add(w)
		}
	}
	if len(*t) >= maxLabels {
		return false
	}
	*t = append(*t, l)
	return true
}

// maxParamPaths bounds the labels of one parameter held by a value.
const maxParamPaths = 8

func (t *taint) addAll(u taint) bool {
	changed := false
	for _, l := range u {
		if t.add(l) {
			changed = true
		}
	}
	return changed
}

// union returns a new set holding the labels of ts.
func union(ts ...taint) taint {
	n := 0
	for _, t := range ts {
		n += len(t)
	}
	if n == 0 {
		return nil
	}
	out := make(taint, 0, min(n, maxLabels))
	for _, t := range ts {
		out.addAll(t)
	}
	return out
}

// joinPath appends field path q to p.
func joinPath(p, q string) string {
	switch {
	case p == "":
		return clampPath(q)
	case q == "":
		return p
	}
	return clampPath(p + "." + q)
}

func clampPath(p string) string {
	if strings.Count(p, ".") < maxPathDepth {
		return p
	}
	parts := strings.SplitN(p, ".", maxPathDepth+1)
	return strings.Join(parts[:maxPathDepth], ".")
}

// hasPathPrefix reports whether path p lies within prefix q.
func hasPathPrefix(p, q string) bool {
	return q == "" || p == q || len(p) > len(q) && p[len(q)] == '.' && strings.HasPrefix(p, q)
}

// shift places the labels of t at field path p of a larger value (a store
// into a field).
func (in *interner) shift(t taint, p string) taint {
	if p == "" {
		return t
	}
	out := make(taint, 0, len(t))
	for _, l := range t {
		out.add(in.with(l, func(k *labelKey) { k.at = joinPath(p, k.at) }))
	}
	return out
}

// project reads field path p of a value with taint t: labels at other
// fields drop out, labels on the whole value stay, and a symbolic label
// for a whole parameter refines to that parameter's field.
func (in *interner) project(t taint, p string) taint {
	if p == "" || len(t) == 0 {
		return t
	}
	return in.projectAll(p, t)
}

// projectAll is project of the union of ts, without building the union.
func (in *interner) projectAll(p string, ts ...taint) taint {
	n := 0
	for _, t := range ts {
		n += len(t)
	}
	if n == 0 {
		return nil
	}
	out := make(taint, 0, min(n, maxLabels))
	for _, t := range ts {
		for _, l := range t {
			if p == "" {
				out.add(l)
			} else if k := in.projectKey(l.key, p); k != nil {
				l.key = k
				out.add(l)
			}
		}
	}
	return out
}

// projectKey is project for one key: the key read at path p, or nil when
// the label sits at another field.
func (in *interner) projectKey(k *key, p string) *key {
	if r, ok := k.projections[p]; ok {
		return r
	}
	lk := k.labelKey
	var r *key
	switch {
	case lk.at == "":
		if lk.param >= 0 {
			lk.src = joinPath(lk.src, p)
		}
		r = in.key(lk)
	case hasPathPrefix(lk.at, p):
		if lk.at == p {
			lk.at = ""
		} else {
			lk.at = lk.at[len(p)+1:]
		}
		r = in.key(lk)
	case hasPathPrefix(p, lk.at):
		if lk.param >= 0 {
			lk.src = joinPath(lk.src, p[len(lk.at)+1:])
		}
		lk.at = ""
		r = in.key(lk)
	}
	if k.projections == nil {
		k.projections = make(map[string]*key)
	}
	k.projections[p] = r
	return r
}

// dropPaths removes the labels at field paths within any of ps.
func (in *interner) dropPaths(t taint, ps []string) taint {
	if len(ps) == 0 || len(t) == 0 {
		return t
	}
	var out taint
	for _, l := range t {
		if l.at != "" && slices.ContainsFunc(ps, func(p string) bool { return hasPathPrefix(l.at, p) }) {
			continue
		}
		out.add(l)
	}
	return out
}

// whole forgets where in a value the labels sit: the value is handed on
// as one piece (to a sink, a formatter, an unknown function).
func whole(t taint) taint {
	if len(t) == 0 {
		return nil
	}
	out := make(taint, 0, len(t))
	for _, l := range t {
		l.key = l.anyAt
		out.add(l)
	}
	return out
}

// withHop records a hop on every label.
func withHop(t taint, pos token.Pos, what string) taint {
	out := make(taint, len(t))
	for i, l := range t {
		l.trace = l.trace.push(pos, what)
		out[i] = l
	}
	return out
}

// sanitize removes cats (all when empty) from t. Symbolic labels are
// dropped by a sanitizer of everything and remember a category-specific
// one, so the caller can drop those categories when it substitutes.
func (in *interner) sanitize(t taint, cats []string) taint {
	var out taint
	for _, l := range t {
		if len(cats) == 0 {
			continue
		}
		if l.symbolic() {
			s := l.san
			for _, c := range cats {
				if !slices.Contains(strings.Split(s, ","), c) {
					if s != "" {
						s += ","
					}
					s += c
				}
			}
			out.add(in.with(l, func(k *labelKey) { k.san = s }))
			continue
		}
		if covered(cats, l.cat) {
			continue
		}
		out.add(l)
	}
	return out
}

// covered reports whether any of cats is cat or an ancestor of it.
func covered(cats []string, cat string) bool {
	for _, c := range cats {
		if c == cat || strings.HasPrefix(cat, c+".") {
			return true
		}
	}
	return false
}
