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
