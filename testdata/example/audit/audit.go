// Package audit writes the security audit trail: who did what to which
// account, as JSON lines on stderr, collected by the log shipper.
package audit

import (
	"io"
	"log/slog"
	"os"
	"sync"
)

var (
	mu     sync.Mutex
	logger = newLogger(os.Stderr)
)

func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})).With("stream", "audit")
}

// SetOutput redirects the audit trail (tests, local runs).
func SetOutput(w io.Writer) {
	mu.Lock()
	defer mu.Unlock()
	logger = newLogger(w)
}

// Record appends one entry to the audit trail. subject names the account or
// tenant the action was about.
//
//privacy:sink log
func Record(action, subject, detail string) {
	mu.Lock()
	l := logger
	mu.Unlock()
	l.Info("audit", "action", action, "subject", subject, "detail", detail)
}
