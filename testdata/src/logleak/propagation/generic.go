package propagation

import "log"

// A method of a generic type is analysed like any other.
type journal[T any] struct{ entries []T }

func (j *journal[T]) note(s string) {
	log.Print(s) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

func (j *journal[T]) count(s string) int { return len(j.entries) + len(s) }

func journaled(u *User) {
	j := &journal[int]{}
	j.note(u.Email)
	_ = j.count(u.Phone)
}
