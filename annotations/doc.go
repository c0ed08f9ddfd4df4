// Package annotations reads what programmers write in Go source to mark
// personal data for privacyvet: the privacy struct tag on fields and the
// //privacy: directives on types, functions and lines.
//
//	type User struct {
//		Email string `json:"email" privacy:"user.contact.email"`
//		Notes string `privacy:"-"` // explicitly not personal data
//	}
//
//	//privacy:data user.contact.email
//	type Email string
//
//	//privacy:sink thirdparty mailer
//	//privacy:purpose marketing.communications.email
//	func Push(e Email) error
//
//	log.Print(u.Email) //privacy:allow PV101 the test fixture has no real users
//
// The package is pure syntax. It knows the grammar, not the policy: names
// are returned as written (aliases unresolved), with positions, and
// problems are reported as *Error values carrying a PV9xx rule id, a
// message naming the offending text and a hint saying what to write
// instead. Whether a category, purpose, recipient or rule exists (PV902 to
// PV905) is for callers that hold the policy and the rule list to check; the
// ids are defined here with the others, and Suggest gives them the same
// did-you-mean as the parser uses.
//
// Each directive comment is read by exactly one of FuncDirectives,
// TypeDirectives, FileAllows and Misplaced, so a checker calling all four
// reports every problem once. The user-facing grammar is documented in
// docs/annotations.md.
package annotations
