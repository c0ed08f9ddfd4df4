// Package pb stands for generated code that cannot be tagged.
package pb

type Contact struct {
	ID    int64
	Email string
	Phone Phone
}

type Phone string
