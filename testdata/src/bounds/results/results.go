package results // want package:"analysed"

// This package has a function whose result carries 18 fields of its
// parameters: more than a summary lists. The engine keeps 16 and says
// it hit the bound; with 16 fields it says nothing.

type Many struct {
	A, B, C, D, E, F string
}

// Join's result carries 6 fields of each of its 3 parameters.
func Join(x, y, z *Many) []string { // want Join:`summary\(p0.A->r0; p0.B->r0; p0.C->r0; p0.D->r0; p0.E->r0; p0.F->r0; p1.A->r0; p1.B->r0; p1.C->r0; p1.D->r0; p1.E->r0; p1.F->r0; p2.A->r0; p2.B->r0; p2.C->r0; p2.D->r0\)`
	return []string{x.A, x.B, x.C, x.D, x.E, x.F, y.A, y.B, y.C, y.D, y.E, y.F, z.A, z.B, z.C, z.D, z.E, z.F}
}

// Join16 carries 16: within the bound.
func Join16(x, y, z *Many) []string { // want Join16:`summary\(p0.A->r0; p0.B->r0; p0.C->r0; p0.D->r0; p0.E->r0; p0.F->r0; p1.A->r0; p1.B->r0; p1.C->r0; p1.D->r0; p1.E->r0; p1.F->r0; p2.A->r0; p2.B->r0; p2.C->r0; p2.D->r0\)`
	return []string{x.A, x.B, x.C, x.D, x.E, x.F, y.A, y.B, y.C, y.D, y.E, y.F, z.A, z.B, z.C, z.D}
}

func Use(m *Many) int {
	return len(Join(m, m, m)) + len(Join16(m, m, m))
}
