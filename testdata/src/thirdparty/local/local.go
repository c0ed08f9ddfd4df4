// Package local is an application package whose tests send personal
// data to their own httptest servers, and elsewhere.
package local

type User struct {
	ID    int64
	Email string `privacy:"user.contact.email"`
	Phone string `privacy:"user.contact.phone_number"`
}
