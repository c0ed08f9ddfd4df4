package sink

import "log/slog"

// Audit writes an audit line.
func Audit(event, detail string) {
	slog.Info(event, "detail", detail) // reported in the caller's package, where the data is known to be personal
}

// Count only counts.
func Count(event string, n int) {
	slog.Info(event, "n", n)
}

// Recipient is what a notice needs of a person; only importers implement
// it.
type Recipient interface {
	Name() string
	Address() string
}

// Notice logs the recipient's address: reported in the caller's package,
// for the value it converts.
func Notice(r Recipient) {
	slog.Info("notice", "to", r.Address())
}

// Greet logs the recipient's name only.
func Greet(r Recipient) {
	slog.Info("greet", "name", r.Name())
}

// Recover stops a panic: deferred, it makes its caller return what its
// named results held when the panic happened.
func Recover() {
	if r := recover(); r != nil {
		slog.Info("recovered")
	}
}

// Flush stops nothing.
func Flush() {}
