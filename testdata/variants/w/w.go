package w

// T is embedded by importers.
type T struct{}
