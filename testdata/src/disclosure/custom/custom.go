// Package custom exercises PV601 under a policy of its own (custom.yaml),
// whose sources name this package's code.
package custom

type Row struct {
	Name  string `privacy:"user.name"` // disclosed
	Email string // not marked at all
	Phone string // want `^user.contact.phone_number \(Row.Phone\) is collected but the statement does not disclose it: neither it nor a parent is listed under categories in custom.yaml \(of user.contact, custom.yaml lists only user.contact.email\); add it under categories in custom.yaml with the clause that discloses it, or stop collecting it \[PV601\]$`
	First string `privacy:"user.name.first"` // a child of a listed category
}

type Traits map[string]string // want `^user.demographic \(type Traits\) is collected`

// Lookup is a source of a disclosed category (sources.functions).
func Lookup(id int) string { return "" }

type Store struct{}

// Fax is a source of an undisclosed one.
func (*Store) Fax(id int) string { return "" } // want `^user.contact.fax_number \(func \(\*Store\).Fax\) is collected`
