// Package sources has code that the policy's sources mark, as code that
// cannot be tagged (generated, vendored) is marked.
package sources

// Phone is marked by sources.types.
type Phone string

type Row struct {
	Email  string  // marked by sources.fields
	Phone  Phone   // a sources.types type
	Phones []Phone // and a slice of it
	Fax    string  // want `field Row.Fax looks like personal data \(user.contact.fax_number\)`
}
