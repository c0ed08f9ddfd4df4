package middle

import (
	"strings"

	"xpkg/sink"
)

// Forward only passes the data on.
func Forward(what, who string) {
	sink.Audit(what, strings.TrimSpace(who))
}

// Quiet does not pass the data to any sink.
func Quiet(what, who string) {
	sink.Count(what, len(who))
}

// Relay's methods travel to importers as one fact on the type.
type Relay struct{ prefix string }

// Forward passes the data on, as the function does.
func (r *Relay) Forward(who string) {
	sink.Audit(r.prefix, who)
}

// Echo returns its argument.
func (r Relay) Echo(s string) string { return r.prefix + s }

// Quiet does not pass the data on.
func (r *Relay) Quiet(who string) {
	sink.Count(r.prefix, len(who))
}

// Queue is generic: its methods are summarised too.
type Queue[T any] struct{ items []T }

// Forward passes the data on.
func (q *Queue[T]) Forward(who string) {
	sink.Audit("queue", who)
}

// Len does not.
func (q *Queue[T]) Len(who string) int { return len(q.items) }
