// Package retention defines an Analyzer that holds stored personal data
// to the statement's promises about keeping it.
//
// # Analyzer retention
//
// retention: report writes that keep personal data longer than promised (PV401), stored data no erase function covers (PV402), and data the statement says is never collected (PV403)
//
// The kaseya-2016 statement keeps information "for as long as your
// account is active", and says "Kaseya does not knowingly collect or use
// personal information from children under the age of 13". A policy says
// so with retention entries (max: account, or a duration such as 390d)
// and collect: forbidden on a category (user.childrens).
//
// # PV401: a write keeps data longer than its retention limit
//
// Reported when data of a category whose retention max is a duration is
// written where an expiry can be set, and the write sets none, or one
// longer than the max. Writes that can carry an expiry: go-redis Set,
// SetEx, SetNX and SetXX (expiration 0 is none), http.SetCookie (MaxAge,
// else Expires relative to time.Now(); a cookie with neither is a session
// cookie, which is fine; MaxAge < 0 deletes), and //privacy:sink store or
// cookie functions with a time.Duration parameter (that parameter is the
// expiry). Durations are read from constants, typed arithmetic
// (24*time.Hour), time.Now().Add(d) and AddDate; an expiry the code does
// not let privacyvet know (from configuration) is not reported.
// Categories kept while the account lives (max: account) are PV402's.
//
//	http.SetCookie(w, &http.Cookie{Name: "vid", Value: vid, MaxAge: 2 * 365 * 24 * 3600}) // PV401 under a 390d limit
//
// # PV402: stored with no way to erase it
//
// Reported when a category with a retention limit (max: account, or a
// duration) is written to storage whose entries cannot expire (SQL,
// documents, files: database/sql, pgx, gorm, the mongo driver,
// os.WriteFile, //privacy:sink store functions without a duration
// parameter) and no erase function covers the category anywhere in the
// program: a //privacy:erase CAT function, or the policy's erasure
// entries. Writes that can carry an expiry are PV401's.
//
// This is a whole-program question. Each package exports its inventory
// (categories it stores without expiry, categories its erase functions
// cover) merged with its imports', so a main package sees the whole
// program, and the finding is reported there: at the write when it is in
// the main package, else at the import through which the write is
// reached, with the write's file and line in the message. A library with
// no main package is not judged.
//
// A weak check goes with it: a //privacy:erase function that never
// reaches a delete (a DELETE, UPDATE or TRUNCATE statement given as a
// constant to a call, a driver or cache method named Delete, Del, HDel,
// Unlink, Expire, Remove, Purge..., os.Remove, gorm's Delete, or a call
// into another package whose name says it deletes), in its body or in
// the functions of its package it calls, is reported at its name. It
// cannot tell what is deleted, only that something is.
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
