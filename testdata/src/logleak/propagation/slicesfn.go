package propagation

import (
	"log"
	"slices"
)

// Target is where a notification goes: the kind of address, and the
// address.
type Target struct {
	Via   string
	Value string `privacy:"user.contact.email"`
}

// slices' functions return the elements they were given, each field
// where it was: logging the kind of each target logs no address.
func notifyTargets(ts []Target) {
	ts = slices.DeleteFunc(ts, func(t Target) bool { return t.Via == "" })
	for _, t := range ts {
		log.Print(t.Via)
	}
	kept := slices.Clone(ts)
	log.Print(kept[0].Via)
	log.Print(kept[0].Value) // want `user.contact.email \(Target.Value\) reaches log sink log.Print`
}
