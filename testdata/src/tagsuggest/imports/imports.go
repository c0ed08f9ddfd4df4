package imports

import "tagsuggest/lib"

type Member struct {
	Email   lib.Email   // a //privacy:data type of another package
	Emails  []lib.Email // and a slice of it
	Contact lib.Contact // a struct with tagged fields
	Backup  lib.Plain   // not personal by its name
	Phone   lib.Plain   // want `field Member.Phone looks like personal data \(user.contact.phone_number\)`
}
