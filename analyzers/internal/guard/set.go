package guard

// set is a set of purposes, one bit per purpose of the function.
type set []uint64

func (g *Guards) empty() set { return make(set, g.words) }

func (g *Guards) full() set {
	s := make(set, g.words)
	for i := range len(g.purposes) {
		s[i/64] |= 1 << (i % 64)
	}
	return s
}

func (g *Guards) single(i int) set {
	s := g.empty()
	s[i/64] |= 1 << (i % 64)
	return s
}

func (s set) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

func (s set) clone() set {
	c := make(set, len(s))
	copy(c, s)
	return c
}

// and intersects s with o in place and reports whether s changed; a
// nil o is empty.
func (s set) and(o set) bool {
	changed := false
	for i := range s {
		var w uint64
		if i < len(o) {
			w = o[i]
		}
		if n := s[i] & w; n != s[i] {
			s[i] = n
			changed = true
		}
	}
	return changed
}

// or adds o to s in place; a nil o is empty.
func (s set) or(o set) {
	for i := range o {
		s[i] |= o[i]
	}
}
