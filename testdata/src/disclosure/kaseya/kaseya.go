// Package kaseya exercises PV601 under the built-in kaseya-2016 policy.
package kaseya

type Member struct {
	ID     int
	Email  string `privacy:"user.contact.email"`        // disclosed by §2
	City   string `privacy:"user.contact.address.city"` // under user.contact.address, which is listed
	Card   string `privacy:"card"`                      // an alias; under user.financial, which is listed
	Lang   string `privacy:"user.demographic.language"` // listed
	Notes  string `privacy:"-"`                         // marks nothing
	Gender string `privacy:"user.demographic.gender"`   // want `^user.demographic.gender \(Member.Gender\) is collected but the statement does not disclose it: statement §2 "Other than as set forth above, We do not collect personal information unless you choose to provide such personal\.\.\." \(of user.demographic, builtin:kaseya-2016 lists only user.demographic.language\); marked 1 more time in this package; add it under categories in builtin:kaseya-2016 with the clause that discloses it, or stop collecting it \[PV601\]$`
	Sex    string `privacy:"user.demographic.gender"`   // the same category again: no second finding
}

// Passport numbers are not in the statement.
// want +2 `^user.government_id.passport_number \(type Passport\) is collected but the statement does not disclose it`
//
//privacy:data user.government_id.passport_number
type Passport string

type Traveler struct {
	Passport Passport // a field of a data type marks nothing new
	Scan     string   `privacy:"user.government_id.passport_number"` // a second marking: no second finding
}

// BirthDate reads a birth date the statement never mentions.
// want +2 `^user.demographic.date_of_birth \(func BirthDate\) is collected`
//
//privacy:source user.demographic.date_of_birth
func BirthDate(id int) string { return "" }

// Device marks the parent of categories the policy lists, which they do
// not cover.
type Device struct {
	Info string `privacy:"user.device"` // want `^user.device \(Device.Info\) is collected but .* \(builtin:kaseya-2016 lists only parts of it: user.device.browser_type, user.device.cookie, user.device.cookie_id and 7 more\);`
}

type Audit struct {
	//privacy:allow PV601 kept only for the fraud review the card networks require
	Fingerprint string `privacy:"user.biometric.fingerprint"`
}
