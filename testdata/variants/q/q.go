package q

import "example.com/variants/x"

// Save records s.
func Save(l x.Logger, s string) { x.Record(l, s) }
