// Package consent defines an Analyzer that checks that sends under a
// purpose needing consent are guarded by a check for it on every path.
//
// # Analyzer consent
//
// consent: report sends under an opt-in or opt-out purpose that no consent check guards on every path (PV301)
//
// A statement promises choices: kaseya-2016 lets users opt out of
// interest-based ads (§2 "Behavioral Targeting") and of promotional e-mail
// (§9), and collects location and screen data on managed devices only as
// the administrator configures it (§2 "Mobile Device Information"). The
// policy says so with consent: required or opt-out on a purpose, and with
// collect: gated and gate: PURPOSE on a category.
//
// # PV301: personal data sent under a purpose without its consent check
//
// A consent check is a function marked //privacy:consent PURPOSE, or
// named under the policy's consent entries, or a function of the package
// that returns such a check's verdict. It returns bool (true: may
// proceed) or error (nil: may proceed).
//
// A sink serves a purpose from //privacy:purpose on the function that
// sends (or the function enclosing a closure), on the function of a
// callee's summary, or from the policy's sink entry. A send of personal
// data under a purpose whose consent is required or opt-out is guarded
// when every path from the function's entry to it passes the success
// branch of a check for that purpose or a parent purpose: the true branch
// of a bool check, the nil branch of an error check, through early
// returns, if !ok { return }, switch, && conditions and a result stored
// in a variable and tested later. A check for another purpose does not
// count; a check inside a loop does not guard what follows the loop
// unless every path to it passes the check.
//
// A function whose send is not guarded needs its callers to check: a
// call dominated by a check satisfies the need, an unguarded call passes
// it on. The finding is reported where an unguarded path starts: in a
// function that nothing in the package calls and that other packages
// cannot call (unexported, in package main, a function literal handed to
// a router). An exported function's need travels to its importers, which
// report it where they call it unguarded.
//
// A category marked collect: gated (kaseya-2016: precise location, screen
// captures, the apps on a managed device) may be stored or sent only
// behind a check for its gate purpose, whatever the purpose of the send.
//
// A consent check whose result decides nothing (discarded, assigned to _,
// only logged) is reported too.
//
// Not decided: whether a check is for the same subject as the data sent
// (a check for one user guarding a send of another's e-mail).
//
//	//privacy:consent marketing.communications
//	func PromoAllowed(u *User) bool
//
//	//privacy:purpose marketing.communications
//	func newsletter(u *User) {
//		if PromoAllowed(u) {
//			mailer.Send(u.Email) // guarded
//		}
//		mailer.Send(u.Email) // PV301
//	}
package consent
