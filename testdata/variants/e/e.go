package e

import (
	"log"

	"example.com/variants/w"
)

// Trans is implemented, in w's test binary only, by S.
type Trans interface{ Tr(s string) string }

type S struct{ w.T }

// F logs what t makes of s.
func F(t Trans, s string) { log.Print(t.Tr(s)) }
