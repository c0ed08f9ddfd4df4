// Package logleak defines an Analyzer that reports personal data written
// to logs against the privacy statement.
//
// # Analyzer logleak
//
// logleak: report personal data that reaches a log (PV101)
//
// A privacy statement says what a service keeps in its log files (the
// kaseya-2016 statement: "We gather certain information automatically and
// store it in log files. This information may include internet protocol
// (IP) addresses, browser type, ..."). Anything else that reaches a log is
// collected in a way the statement does not disclose, kept as long as the
// logs are, and readable by everyone who reads them.
//
// # PV101: personal data reaches a log sink
//
// Reported when data of a category reaches a log sink and the policy does
// not allow that category in logs (log: allow in the category's entry or
// an ancestor's). Log sinks are: package log and log/slog (functions,
// Logger methods; slog attributes carry their values), fmt.Print* and
// fmt.Fprint* to os.Stdout or os.Stderr, go.uber.org/zap (Logger and
// SugaredLogger; zap.String, zap.Any and other fields carry their
// values), github.com/sirupsen/logrus (including WithField and
// WithFields), github.com/rs/zerolog (events carry their fields until Msg
// or Send), k8s.io/klog/v2, github.com/golang/glog,
// github.com/hashicorp/go-hclog, functions marked //privacy:sink log, and
// the policy's sinks of kind log.
//
// A value logged whole (a struct, a pointer to one) carries every
// category of its tagged fields, unless its type renders without them: a
// String, Error, Format, GoString or LogValue method that is a
// //privacy:sanitizer, or whose result carries none of the receiver's
// personal fields.
//
// Suppress one finding with //privacy:allow PV101 REASON on the line or
// the line above.
//
//	func signup(u *User) {
//		log.Printf("new user %s", u.Email) // PV101: user.contact.email
//		log.Printf("new user %d", u.ID)    // fine: ID is not personal data
//	}
package logleak
