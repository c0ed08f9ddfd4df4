package wide // want package:"analysed"

// This package has a struct with more kinds of personal data than one
// value may hold labels for: the engine says it hit that bound.

import "log"

// Wide has a field of each of 70 categories.
type Wide struct {
	F00 string `privacy:"user"`
	F01 string `privacy:"user.account"`
	F02 string `privacy:"user.account.settings"`
	F03 string `privacy:"user.account.username"`
	F04 string `privacy:"user.authorization"`
	F05 string `privacy:"user.authorization.biometric"`
	F06 string `privacy:"user.authorization.credentials"`
	F07 string `privacy:"user.authorization.password"`
	F08 string `privacy:"user.behavior"`
	F09 string `privacy:"user.behavior.browsing_history"`
	F10 string `privacy:"user.behavior.media_consumption"`
	F11 string `privacy:"user.behavior.purchase_history"`
	F12 string `privacy:"user.behavior.search_history"`
	F13 string `privacy:"user.biometric"`
	F14 string `privacy:"user.biometric.fingerprint"`
	F15 string `privacy:"user.biometric.health"`
	F16 string `privacy:"user.biometric.retinal"`
	F17 string `privacy:"user.biometric.voice"`
	F18 string `privacy:"user.childrens"`
	F19 string `privacy:"user.contact"`
	F20 string `privacy:"user.contact.address"`
	F21 string `privacy:"user.contact.address.city"`
	F22 string `privacy:"user.contact.address.country"`
	F23 string `privacy:"user.contact.address.postal_code"`
	F24 string `privacy:"user.contact.address.state"`
	F25 string `privacy:"user.contact.address.street"`
	F26 string `privacy:"user.contact.email"`
	F27 string `privacy:"user.contact.fax_number"`
	F28 string `privacy:"user.contact.organization"`
	F29 string `privacy:"user.contact.phone_number"`
	F30 string `privacy:"user.contact.url"`
	F31 string `privacy:"user.content"`
	F32 string `privacy:"user.content.private"`
	F33 string `privacy:"user.content.public"`
	F34 string `privacy:"user.content.self_image"`
	F35 string `privacy:"user.criminal_history"`
	F36 string `privacy:"user.demographic"`
	F37 string `privacy:"user.demographic.age_range"`
	F38 string `privacy:"user.demographic.date_of_birth"`
	F39 string `privacy:"user.demographic.gender"`
	F40 string `privacy:"user.demographic.language"`
	F41 string `privacy:"user.demographic.marital_status"`
	F42 string `privacy:"user.demographic.political_opinion"`
	F43 string `privacy:"user.demographic.profile"`
	F44 string `privacy:"user.demographic.race_ethnicity"`
	F45 string `privacy:"user.demographic.religious_belief"`
	F46 string `privacy:"user.demographic.sexual_orientation"`
	F47 string `privacy:"user.device"`
	F48 string `privacy:"user.device.cookie"`
	F49 string `privacy:"user.device.cookie_id"`
	F50 string `privacy:"user.device.device_id"`
	F51 string `privacy:"user.device.ip_address"`
	F52 string `privacy:"user.financial"`
	F53 string `privacy:"user.financial.bank_account"`
	F54 string `privacy:"user.financial.credit_card"`
	F55 string `privacy:"user.government_id"`
	F56 string `privacy:"user.government_id.birth_certificate"`
	F57 string `privacy:"user.government_id.drivers_license_number"`
	F58 string `privacy:"user.government_id.immigration"`
	F59 string `privacy:"user.government_id.national_identification_number"`
	F60 string `privacy:"user.government_id.passport_number"`
	F61 string `privacy:"user.government_id.vehicle_registration"`
	F62 string `privacy:"user.health_and_medical"`
	F63 string `privacy:"user.health_and_medical.genetic"`
	F64 string `privacy:"user.health_and_medical.insurance_beneficiary_id"`
	F65 string `privacy:"user.health_and_medical.record_id"`
	F66 string `privacy:"user.job_title"`
	F67 string `privacy:"user.location"`
	F68 string `privacy:"user.location.imprecise"`
	F69 string `privacy:"user.location.precise"`
}

func Dump(w *Wide) { // want Dump:`summary\(p0->log:log.Print\)`
	log.Print(*w)
}
