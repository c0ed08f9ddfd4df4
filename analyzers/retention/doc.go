// Package retention defines an Analyzer that holds stored personal data
// to the statement's promises about keeping it.
//
// # Analyzer retention
//
// retention: report personal data the statement says is never collected (PV403)
//
// The kaseya-2016 statement says "Kaseya does not knowingly collect or
// use personal information from children under the age of 13". A policy
// says so with collect: forbidden on the category (user.childrens).
//
// # PV403: a forbidden category is stored or sent
//
// Reported when data of a category with collect: forbidden (or a child
// of one) reaches any sink: a log, a store, a cookie, an outside party.
// Reading it in memory is not reported: the finding is where it is kept
// or leaves.
//
//	type Student struct {
//		Name string `privacy:"user.childrens"`
//	}
//
//	db.Exec("INSERT INTO students (name) VALUES ($1)", s.Name) // PV403
package retention
