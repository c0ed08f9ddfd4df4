package y

import (
	"log"
	"testing"
)

// Shout logs s too, but only tests can call it.
func Shout(s string) { log.Print(s) }

func TestMail(t *testing.T) { Mail("hello") }
