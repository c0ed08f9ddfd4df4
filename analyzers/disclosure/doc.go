// Package disclosure defines an Analyzer that reports personal-data
// categories the code collects but the privacy statement does not
// disclose.
//
// # Analyzer disclosure
//
// disclosure: report categories the code marks but the statement does not disclose (PV601)
//
// A privacy statement lists what a service collects (the kaseya-2016
// statement: "The types of personal information you provide to us on
// these pages may include name, address, phone number, e-mail address,
// ...", and "Other than as set forth above, We do not collect personal
// information"). Code changes faster than statements: a new Gender field
// is collection the statement never announced. The policy's categories
// are the statement's list, so every category the code marks must be in
// it.
//
// # PV601: code marks a category the statement does not disclose
//
// Reported when the package marks a category (a privacy struct tag, a
// //privacy:data type, a //privacy:source function, or an entry of the
// policy's sources that names a field, type or function of this package)
// that the policy does not disclose: neither the category nor any parent
// of it is listed under categories. A parent covers its children
// (user.contact.address discloses user.contact.address.city); a child
// does not cover its parent (listing user.device.ip_address does not
// disclose user.device). privacy:"-" marks nothing.
//
// Each undisclosed category is reported once per package, at the first
// place (in file and line order) that marks it; the other places are
// counted in the message and listed as related information. The message
// cites the policy's clause for PV601 (cite: PV601: CLAUSE, the passage
// that says nothing else is collected) or, without one, says that the
// policy's categories list neither the category nor a parent; it names
// what the policy does list nearby (parts of the category, or its
// siblings).
//
// Resolve a finding either way: if the statement does disclose the
// category, add it under categories with the clause that says so; if it
// does not, the code should not collect it (or the statement needs
// updating first).
//
// Suppress a finding with //privacy:allow PV601 REASON on the line of the
// marking or the line above. The allow covers that marking only: another
// place in the package that marks the same category is then reported.
//
//	type Member struct {
//		Email  string `privacy:"user.contact.email"`     // disclosed by §2
//		Gender string `privacy:"user.demographic.gender"` // PV601 under kaseya-2016
//	}
package disclosure
