// Package lib declares types that carry categories of their own, for
// importers' fields.
package lib

//privacy:data user.contact.email
type Email string

// Contact's fields are tagged: a field of type Contact carries them.
type Contact struct {
	Phone string `privacy:"user.contact.phone_number"`
	Label string
}

// Plain has no tags.
type Plain string
