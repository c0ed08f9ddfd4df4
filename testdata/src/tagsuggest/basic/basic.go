// Package basic exercises PV701 under the kaseya-2016 policy.
package basic

import (
	"net"
	"time"
)

type User struct {
	ID        int
	Email     string           // want `field User.Email looks like personal data \(user.contact.email\) but has no privacy tag; tag it, or write privacy:"-" if it is not \[PV701\]`
	Phone     string           `json:"phone,omitempty"`            // want `field User.Phone looks like personal data \(user.contact.phone_number\)`
	FirstName string           `json:"first_name" db:"first_name"` // want `field User.FirstName looks like personal data \(user.name.first\)`
	Surname   string           "json:\"surname\""                  // want `field User.Surname looks like personal data \(user.name.last\)`
	Data      string           `json:"email_address"`              // want `field User.Data looks like personal data \(user.contact.email\)`
	Name      string           // want `field User.Name looks like personal data \(user.name\)`
	Notes     string           `privacy:"-"` // declared not personal
	Tagged    string           `json:"mail" privacy:"user.contact.email"`
	BirthDate time.Time        // want `field User.BirthDate looks like personal data \(user.demographic.date_of_birth\)`
	ClientIP  net.IP           // want `field User.ClientIP looks like personal data \(user.device.ip_address\)`
	MAC       net.HardwareAddr // want `field User.MAC looks like personal data \(user.device.mac_address\)`
	UserAgent string           // want `field User.UserAgent looks like personal data \(user.device.browser_type\)`
	Lat, Lng  float64          // want `field User.Lat looks like personal data \(user.location.precise\)` `field User.Lng looks like personal data \(user.location.precise\)`
	Home      struct {
		Street string // want `field User.Home.Street looks like personal data \(user.contact.address.street\)`
		City   string // want `field User.Home.City looks like personal data \(user.contact.address.city\)`
	}

	//privacy:allow PV701 the display handle is public, shown on every post
	Nickname string

	// Not personal data.
	EmailTemplate     string
	EmailEnabled      bool
	PasswordPolicy    string
	PasswordMinLength int
	PasswordHash      []byte
	IPv6Enabled       bool
	NameServer        string
	HostName          string
	FileName          string
	PhoneVerified     bool
	Emails            int
	OnEmail           func(string)
	PhoneCh           chan string
	Extra             any
}

// Email carries its category: fields of this type need no tag.
//
//privacy:data user.contact.email
type Email string // want Email:"data user.contact.email"

// Address has tagged fields: a field of this type carries them.
type Address struct {
	Street string `privacy:"user.contact.address.street"`
	Note   string
}

type Customer struct {
	Address               // embedded struct with tagged fields
	Email         Email   // a //privacy:data type
	Backup        *Email  // through a pointer
	Billing       Address // a struct with tagged fields
	Email2, Phone string  // want `field Customer.Email2 looks like personal data \(user.contact.email\)` `field Customer.Phone looks like personal data \(user.contact.phone_number\)`
	Mobile, Fax   string  // want `field Customer.Mobile looks like personal data \(user.contact.phone_number\)` `field Customer.Fax looks like personal data \(user.contact.fax_number\)`
}

type ServerConfig struct {
	ListenAddr string
	IP         string
	Email      string // an operator's mailbox, not a user's
	Password   string // want `field ServerConfig.Password looks like personal data \(system.authentication\)`
}

type Product struct {
	Name  string
	Price float64
}

// Row has no telling name, but its tagged Email shows that it describes a
// person: its Name is that person's.
type Row struct {
	Email string `privacy:"user.contact.email"`
	Name  string // want `field Row.Name looks like personal data \(user.name\)`
}

// Widget's Name is a widget's.
type Widget struct {
	Name string
}

func handler() {
	var signup struct {
		Name     string `json:"name"`     // want `field signup.Name looks like personal data \(user.name\)`
		Password string `json:"password"` // want `field signup.Password looks like personal data \(user.authorization.password\)`
		Remember bool   `json:"remember"`
	}
	_ = signup
}
