package x

type Logger interface{ Log(s string) }

type nop struct{}

func (nop) Log(string) {}

// Nop returns a Logger that drops what it gets.
func Nop() Logger { return nop{} }

// Record hands s to l.
func Record(l Logger, s string) { l.Log(s) }
