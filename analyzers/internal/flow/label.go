package flow

import (
	"go/token"
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
// (used to build summaries).
type label struct {
	cat    string // concrete category; "" for a symbolic label
	param  int    // symbolic: parameter index (free variables follow params); -1 when concrete
	src    string // symbolic: field path within the parameter ("" = the whole parameter)
	at     string // field path within the value holding the label ("" = anywhere in it)
	san    string // symbolic: comma-joined categories sanitized on the way (for category-specific sanitizers)
	hide   uint8  // renderings that do not show it (hideText, hideJSON, hideXML)
	origin string // concrete: where the category was attached, e.g. "User.Email"
	trace  *hop   // the path that brought it here, newest hop first
}

func (l label) symbolic() bool { return l.param >= 0 }

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
func (h *hop) steps() []Step {
	var out []Step
	for ; h != nil; h = h.prev {
		out = append(out, Step{Pos: h.pos, Loc: h.loc, What: h.what})
	}
	slices.Reverse(out)
	if len(out) > maxHops {
		out = append(out[:2:2], out[len(out)-(maxHops-2):]...)
	}
	return out
}

// taint is a small set of labels.
type taint []label

// sameKey reports whether a and b are the same label (traces aside).
func sameKey(a, b label) bool {
	return a.param == b.param && a.cat == b.cat && a.at == b.at && a.src == b.src && a.san == b.san
}

func (t *taint) add(l label) bool {
	for i, x := range *t {
		if sameKey(x, l) {
			// The same data shown by one rendering and hidden by
			// another is shown: keep the hidings both agree on.
			if h := x.hide & l.hide; h != x.hide {
				(*t)[i].hide = h
				return true
			}
			return false
		}
	}
	if l.symbolic() && (l.src != "" || l.at != "") {
		// Field paths of one parameter multiply in big structs: past a
		// few, stand for all of them with the whole parameter (which
		// projects onto any field), so label sets stay small.
		n := 0
		for _, x := range *t {
			if x.param == l.param {
				n++
			}
		}
		if n >= maxParamPaths {
			w := l
			w.src, w.at, w.san = "", "", ""
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

func union(ts ...taint) taint {
	var out taint
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
	return q == "" || p == q || strings.HasPrefix(p, q+".")
}

// shift places the labels of t at field path p of a larger value (a store
// into a field).
func shift(t taint, p string) taint {
	if p == "" {
		return t
	}
	out := make(taint, 0, len(t))
	for _, l := range t {
		l.at = joinPath(p, l.at)
		out = append(out, l)
	}
	return out
}

// project reads field path p of a value with taint t: labels at other
// fields drop out, labels on the whole value stay, and a symbolic label
// for a whole parameter refines to that parameter's field.
func project(t taint, p string) taint {
	if p == "" {
		return t
	}
	var out taint
	for _, l := range t {
		switch {
		case l.at == "":
			if l.symbolic() {
				l.src = joinPath(l.src, p)
			}
			out.add(l)
		case hasPathPrefix(l.at, p):
			if l.at == p {
				l.at = ""
			} else {
				l.at = l.at[len(p)+1:]
			}
			out.add(l)
		case hasPathPrefix(p, l.at):
			if l.symbolic() {
				l.src = joinPath(l.src, p[len(l.at)+1:])
			}
			l.at = ""
			out.add(l)
		}
	}
	return out
}

// whole forgets where in a value the labels sit: the value is handed on
// as one piece (to a sink, a formatter, an unknown function).
func whole(t taint) taint {
	var out taint
	for _, l := range t {
		l.at = ""
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
func sanitize(t taint, cats []string) taint {
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
			l.san = s
			out.add(l)
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
