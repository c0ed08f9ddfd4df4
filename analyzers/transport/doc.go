// Package transport defines an Analyzer that holds secrets and
// transport-protected data to the statement's promises.
//
// # Analyzer transport
//
// transport: report secrets stored or sent raw (PV502) and protected data sent in the clear (PV501)
//
// A statement promises how some data travels and rests: the kaseya-2016
// statement says order information including card numbers "is
// transmitted through the Internet using Transport Layer Security (TLS)
// technology", and users' passwords are secrets no one else should hold.
// The policy says so per category: transport: tls, store: sanitized.
//
// # PV501: protected data sent in the clear
//
// Reported when data of a category with transport: tls (kaseya-2016:
// user.financial, the order information of §7) is sent to an http://
// destination, or through an HTTP client or transport whose TLS
// configuration has InsecureSkipVerify: true. The destination is resolved
// as for PV201 (see the thirdparty analyzer); a destination the code does
// not let privacyvet know is not reported here (PV201 says so).
//
//	http.Post("http://pay.example/charge", "application/json", body) // PV501
//
// # PV502: a secret stored, sent or logged without a sanitizer
//
// Reported when data of a category with store: sanitized (kaseya-2016:
// user.authorization.password and the credentials under system) reaches a
// store, cookie or third-party sink, or a log sink where PV101 does not
// already report it, and no sanitizer lies on the path: bcrypt, argon2,
// scrypt, pbkdf2, a hash, a //privacy:sanitizer function or the policy's
// sanitizers. Storage sinks are database/sql, pgx, gorm, the mongo
// driver, go-redis, os.WriteFile and *os.File writes, http.SetCookie,
// and //privacy:sink store and cookie functions.
//
//	db.Exec("UPDATE users SET password = $1", req.Password)   // PV502
//	hash, _ := bcrypt.GenerateFromPassword([]byte(req.Password), bcrypt.DefaultCost)
//	db.Exec("UPDATE users SET password = $1", hash)            // fine
package transport
