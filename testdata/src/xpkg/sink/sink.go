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
