package propagation

import "log"

// A summary holds at most 16 sends per function. Sends of a parameter's
// fields that a send of the whole parameter covers are dropped first, so
// that the send of the note, after them, is kept (and reported where it
// is, in this package).
type Wide struct {
	A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q string
}

func sendsAll(w Wide, note string) {
	log.Print(w.A)
	log.Print(w.B)
	log.Print(w.C)
	log.Print(w.D)
	log.Print(w.E)
	log.Print(w.F)
	log.Print(w.G)
	log.Print(w.H)
	log.Print(w.I)
	log.Print(w.J)
	log.Print(w.K)
	log.Print(w.L)
	log.Print(w.M)
	log.Print(w.N)
	log.Print(w.O)
	log.Print(w.P)
	log.Print(w.Q)
	log.Print(w)
	log.Print(note) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

func callSendsAll(u *User) {
	sendsAll(Wide{}, u.Email)
}
