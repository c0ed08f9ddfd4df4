// Package tagsuggest defines an Analyzer that finds struct fields that
// look like personal data but carry no privacy tag, and offers a fix that
// tags them.
//
// # Analyzer tagsuggest
//
// tagsuggest: suggest privacy tags for fields that look like personal data (PV701)
//
// Every other rule follows data from where it is marked: an Email field
// nobody tagged is invisible to all of them. This analyzer looks for such
// fields by their names and types, and suggests the most likely category
// of the taxonomy, so that marking a code base starts from a list rather
// than from a blank page.
//
// # PV701: a field looks like personal data but has no privacy tag
//
// Reported on a field of a struct declared in the package (a named
// struct type, or an anonymous struct anywhere) that has no privacy key
// in its tag, when its name, or, if the Go name says nothing, its json,
// xml, yaml, db, bson or form name, names personal data: email, phone,
// mobile, msisdn, fax; first, last, full or display name, username;
// address, street, city, postal code, zip; IP address, remote address,
// MAC address, IMEI, IMSI, serial number, device id, user agent;
// latitude, longitude, coordinates, location; birth date, gender; SSN,
// national id, tax id, passport, driver's license, license plate;
// password, passphrase, PIN, secret; card number, PAN, CVV; IBAN,
// account number.
//
// The name is split into words (camelCase, snake_case, kebab-case and
// acronyms alike: IPAddress, ip_address and ipAddress are the same) and
// the personal noun must be the head of the name, its last word, so
// EmailTemplate, EmailEnabled, PasswordPolicy, PasswordMinLength,
// PasswordHash, NameServer and PhoneVerified are not personal data.
// Trailing Confirm, Raw, Str and digits are skipped (PasswordConfirm,
// Phone2). A modifier in front may rule the field out: SupportEmail,
// ServerIP, DefaultPassword, HostName, FileName. Some nouns are personal
// only in a person's struct or after a word that vouches for them: Name
// in a User, Customer or SignupRequest (not in a Product), Address in a
// Contact or as HomeAddress (not ListenAddress); likewise City, Zip,
// Location, Mobile, FullName, DisplayName, LastName (often "the name seen
// last") and a bare MAC (often a message authentication code) unless its
// type is net.HardwareAddr. A struct is a person's by its name, or
// because another of its fields shows it: one tagged with, or plainly
// named for, contact details, a name part, a birth date or a government
// id (a Row with a tagged Email has a personal Name). Fields of
// configuration, server and company structs (Config, Server, Options,
// MountPoint, Company, Store) are not anyone's personal data, except their
// passwords and secrets, which are suggested system.authentication.
//
// The type must fit: string (and named string types, sql.NullString),
// []byte, net.IP and netip.Addr for IP addresses, net.HardwareAddr for
// MAC addresses, time.Time for birth dates, floats for coordinates,
// integers only for numbers (phone, postal code, card and account
// numbers, IMEI) and never for a plural (Emails int is a count); slices,
// arrays, pointers and map values of these. bool, func, chan, interface
// and struct fields are never reported: a struct's own fields are checked
// where it is declared.
//
// Not reported: a field whose tag has a privacy key (privacy:"-" says it
// is not personal data); a field whose type already carries categories (a
// //privacy:data type, here or imported; a struct with tagged fields,
// through pointers, slices and maps; the policy's sources.types); a field
// named in the policy's sources.fields; fields in generated files and in
// _test.go files (fixtures).
//
// The fix adds privacy:"CAT" to the field's tag, keeping its quoting, or
// gives the field a tag. When the policy declares a finer category than
// the built-in one (kaseya-2016 declares user.device.mac_address,
// user.device.imei, user.device.serial_number and
// user.device.browser_type), the fix uses it. Several names declared
// together (Email, Phone string) share one tag, so the fix is offered only
// when they all take the same category; otherwise declare them apart.
// Review each fix: the category is a guess.
//
// Suppress one finding with //privacy:allow PV701 REASON on the field's
// line or the line above.
//
//	type User struct {
//		ID        int
//		Email     string `json:"email"` // PV701: user.contact.email
//		BirthDate time.Time             // PV701: user.demographic.date_of_birth
//		EmailOK   bool                  // fine: a bool
//		Template  string                // fine: not personal
//		Notes     string `privacy:"-"`  // fine: declared not personal
//	}
//
// The fix turns the Email field into:
//
//	Email string `json:"email" privacy:"user.contact.email"`
//
// Measured precision on two real applications (listmonk and gogs, see
// docs/case-studies.md): 7 false positives in 123 suggestions (5.7 %).
package tagsuggest
