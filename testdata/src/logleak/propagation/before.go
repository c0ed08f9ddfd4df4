package propagation

import "log"

// A sink sees what was stored before it, not what is stored after: a
// value filled by the call, then completed.

func completedAfter(email string) {
	var u User
	log.Println(&u)
	u.Email = email
}

func completedBefore(email string) {
	var u User
	u.Email = email
	log.Println(&u) // want `user.contact.email \(User.Email\) reaches log sink log.Println`
}

// In a loop, a store after the sink reaches it on the next iteration.
func completedInLoop(emails []string) {
	var u User
	for _, e := range emails {
		log.Println(&u) // want `user.contact.email \(User.Email\) reaches log sink log.Println`
		u.Email = e
	}
}

// On one branch only: the store may happen before.
func completedOnBranch(email string, early bool) {
	var u User
	if early {
		u.Email = email
	}
	log.Println(&u) // want `user.contact.email \(User.Email\) reaches log sink log.Println`
}

// Through a callee that sends its parameter, converted to an interface
// for it (the flow is reported at the callee's sink, in this package).
func showAfter(v any) { log.Println(v) }

func completedAfterCall(email string) {
	var u User
	showAfter(&u)
	u.Email = email
}

func showBefore(v any) { log.Println(v) } // want `user.contact.email \(User.Email\) reaches log sink log.Println`

func completedBeforeCall(email string) {
	var u User
	u.Email = email
	showBefore(&u)
}

// A field overwritten on every path to the sink holds the last value.
func cleared(email string) {
	var u User
	u.Email = email
	u.Email = ""
	log.Println(&u)
}

func clearedOnBranch(email string, c bool) {
	var u User
	u.Email = email
	if c {
		u.Email = ""
	}
	log.Println(&u) // want `user.contact.email \(User.Email\) reaches log sink log.Println`
}

func clearedThenSet(email string, c bool) {
	var u User
	u.Email = ""
	if c {
		u.Email = email
	}
	log.Println(&u) // want `user.contact.email \(User.Email\) reaches log sink log.Println`
}
