// Package baseline marks categories that the built-in baseline policy
// discloses (it lists user and system whole): no PV601.
package baseline

type Member struct {
	Gender   string `privacy:"user.demographic.gender"`
	Passport string `privacy:"user.government_id.passport_number"`
	Token    string `privacy:"system.authentication"`
}

//privacy:data user.biometric.fingerprint
type Fingerprint []byte
