package model

// Account is a customer account.
type Account struct {
	ID    int64
	Email string `privacy:"user.contact.email"`
	Phone string `privacy:"user.contact.phone_number"`
}

// Email is an e-mail address wherever it goes.
//
//privacy:data user.contact.email
type Email string
