package propagation

import "log"

// A branch on a constant takes one way only, as in the compiled program:
// what only the other way does is not followed. A variable condition
// takes both.

const tracing = false

var verbose = false

func traced(u *User) {
	if tracing {
		log.Print(u.Email) // the build never runs this
	}
}

func tracedVerbose(u *User) {
	if verbose {
		log.Print(u.Email) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}

// trace logs its arguments when tracing is on: its summary holds no log,
// so its callers report none.
func trace(args ...any) {
	if tracing {
		log.Print(args...)
	}
}

func callsTrace(u *User) {
	trace("user", u.Email)
}

// verboseTrace does log them (reported at the log, the path going
// through the call).
func verboseTrace(args ...any) {
	if verbose {
		log.Print(args...) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}

func callsVerboseTrace(u *User) {
	verboseTrace("user", u.Email)
}

// A negated constant and the way taken: the log after it runs.
func untraced(u *User) {
	if !tracing {
		log.Print(u.Email) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	}
}

// An early return on a constant true: the rest never runs.
func returnsEarly(u *User) {
	if !tracing {
		return
	}
	log.Print(u.Email)
}

// A φ-node does not read the value of the way not taken.
func merged(u *User) {
	s := "anonymous"
	if tracing {
		s = u.Email
	}
	log.Print(s)
}

// Nor the value that reaches it along an edge the branch never takes,
// though the block it comes from runs.
func overwritten(u *User) {
	s := u.Email
	if !tracing {
		s = "anonymous"
	}
	log.Print(s)
}

func mergedVerbose(u *User) {
	s := "anonymous"
	if verbose {
		s = u.Email
	}
	log.Print(s) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

// A constant condition inside a loop: the loop's back edge still runs,
// carrying the phone number, not the e-mail, to the next round's log.
func loopTraced(users []*User) {
	s := ""
	for _, u := range users {
		if tracing {
			s = u.Email
			continue
		}
		log.Print(s) // want `user.contact.phone_number \(User.Phone\) reaches log sink log.Print`
		s = u.Phone
	}
}

// A switch on a constant compares it with each case: only the case that
// matches runs.
const mode = "quiet"

var modeNow = "quiet"

func switched(u *User) {
	switch mode {
	case "verbose":
		log.Print(u.Email)
	case "quiet":
		log.Print(u.ID)
	default:
		log.Print(u.Phone)
	}
}

func switchedNow(u *User) {
	switch modeNow {
	case "verbose":
		log.Print(u.Email) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	case "quiet":
		log.Print(u.ID)
	}
}

// Numbers compare by value, whatever their representation.
const ratio = 2.0

func switchedNumber(u *User) {
	switch ratio {
	case 2:
		log.Print(u.ID)
	case 2.5:
		log.Print(u.Email)
	}
}
