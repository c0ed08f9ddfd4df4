package propagation

import (
	"fmt"
	"log"
)

// Ranging over a map for its keys yields the keys, not the values: the
// keys are what was stored as keys, and the map's data as a whole.
type Kind string

func kinds(byKind map[Kind]User) {
	for k := range byKind {
		log.Print(k)
	}
	for k, u := range byKind {
		log.Print(k, u.Plan)
	}
	for _, u := range byKind {
		log.Print(u) // want `user.contact.email \(User.Email\)`
	}
}

func keyed(u *User) {
	seen := map[string]bool{}
	seen[u.Email] = true
	for k := range seen {
		log.Print(k) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}

// Across a call: checkKinds's error quotes a key.
func checkKinds(m map[Kind]User) error {
	for k, u := range m {
		if u.Plan == "" {
			return fmt.Errorf("kind %s has no plan", k)
		}
	}
	return nil
}

func firstKey(m map[string]int) string {
	for k := range m {
		return k
	}
	return ""
}

func callKinds(m map[Kind]User, u *User) {
	log.Print(checkKinds(m))
	log.Print(firstKey(map[string]int{u.Email: 1})) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}
