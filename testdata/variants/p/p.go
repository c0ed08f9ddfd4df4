package p

import "example.com/variants/y"

// Notify mails s.
func Notify(s string) { y.Mail(s) }
