package policy

import (
	"sort"
	"strings"

	"github.com/privacyvet/privacyvet/annotations"
)

// builtinCategories are the keys of fideslang 3.1's default data categories
// (src/fideslang/default_taxonomy/data_categories.py, unchanged from 3.0.9
// to 3.1.2), all 85 of them, in byte order. Renames that fideslang made
// after 3.1 (user.childrens -> user.children, ...) are not applied:
// privacyvet's taxonomy is 3.1's, and code tagged with it must stay valid.
var builtinCategories = []string{
	"system",
	"system.authentication",
	"system.operations",
	"user",
	"user.account",
	"user.account.settings",
	"user.account.username",
	"user.authorization",
	"user.authorization.biometric",
	"user.authorization.credentials",
	"user.authorization.password",
	"user.behavior",
	"user.behavior.browsing_history",
	"user.behavior.media_consumption",
	"user.behavior.purchase_history",
	"user.behavior.search_history",
	"user.biometric",
	"user.biometric.fingerprint",
	"user.biometric.health",
	"user.biometric.retinal",
	"user.biometric.voice",
	"user.childrens",
	"user.contact",
	"user.contact.address",
	"user.contact.address.city",
	"user.contact.address.country",
	"user.contact.address.postal_code",
	"user.contact.address.state",
	"user.contact.address.street",
	"user.contact.email",
	"user.contact.fax_number",
	"user.contact.organization",
	"user.contact.phone_number",
	"user.contact.url",
	"user.content",
	"user.content.private",
	"user.content.public",
	"user.content.self_image",
	"user.criminal_history",
	"user.demographic",
	"user.demographic.age_range",
	"user.demographic.date_of_birth",
	"user.demographic.gender",
	"user.demographic.language",
	"user.demographic.marital_status",
	"user.demographic.political_opinion",
	"user.demographic.profile",
	"user.demographic.race_ethnicity",
	"user.demographic.religious_belief",
	"user.demographic.sexual_orientation",
	"user.device",
	"user.device.cookie",
	"user.device.cookie_id",
	"user.device.device_id",
	"user.device.ip_address",
	"user.financial",
	"user.financial.bank_account",
	"user.financial.credit_card",
	"user.government_id",
	"user.government_id.birth_certificate",
	"user.government_id.drivers_license_number",
	"user.government_id.immigration",
	"user.government_id.national_identification_number",
	"user.government_id.passport_number",
	"user.government_id.vehicle_registration",
	"user.health_and_medical",
	"user.health_and_medical.genetic",
	"user.health_and_medical.insurance_beneficiary_id",
	"user.health_and_medical.record_id",
	"user.job_title",
	"user.location",
	"user.location.imprecise",
	"user.location.precise",
	"user.name",
	"user.name.first",
	"user.name.last",
	"user.payment",
	"user.privacy_preferences",
	"user.sensor",
	"user.social",
	"user.telemetry",
	"user.unique_id",
	"user.unique_id.pseudonymous",
	"user.user_sensor",
	"user.workplace",
}

var builtinSet = func() map[string]bool {
	m := make(map[string]bool, len(builtinCategories))
	for _, c := range builtinCategories {
		m[c] = true
	}
	return m
}()

// BuiltinCategories returns the built-in taxonomy's categories, sorted.
func BuiltinCategories() []string {
	return append([]string(nil), builtinCategories...)
}

// IsBuiltinCategory reports whether id is a category of the built-in taxonomy.
func IsBuiltinCategory(id string) bool { return builtinSet[id] }

// Covers reports whether parent is child or one of its ancestors:
// "user.contact" covers "user.contact.email" and itself, not "user.contactx".
// Purposes are dotted the same way, so Covers serves them too.
func Covers(parent, child string) bool {
	if parent == "" {
		return false
	}
	return child == parent || strings.HasPrefix(child, parent) && child[len(parent)] == '.'
}

// ValidCategorySyntax reports whether id is lower-case identifiers
// ([a-z][a-z0-9_]*) joined by dots. Purpose ids follow the same syntax.
func ValidCategorySyntax(id string) bool {
	if id == "" {
		return false
	}
	for _, part := range strings.Split(id, ".") {
		if !isLowerIdent(part) {
			return false
		}
	}
	return true
}

// isLowerIdent reports whether s matches [a-z][a-z0-9_]*.
func isLowerIdent(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// isName reports whether s is a clause id or recipient name: letters,
// digits, '_', '-' and '.', starting with a letter or digit. Such names
// appear in directives, so they must not hold spaces.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '_' && c != '-' && c != '.') {
			return false
		}
	}
	return true
}

// closeMatches returns up to three candidates near s by edit distance,
// nearest first, for "did you mean" hints.
func closeMatches(s string, candidates []string) []string {
	type scored struct {
		c string
		d int
	}
	limit := 2
	if len(s) > 12 {
		limit = 3
	}
	var found []scored
	for _, c := range candidates {
		if d := annotations.Distance(s, c); d <= limit && c != s {
			found = append(found, scored{c, d})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		return found[i].c < found[j].c
	})
	var out []string
	for i := 0; i < len(found) && i < 3; i++ {
		out = append(out, found[i].c)
	}
	return out
}

// didYouMean formats closeMatches as a hint, or returns fallback.
func didYouMean(s string, candidates []string, fallback string) string {
	m := closeMatches(s, candidates)
	if len(m) == 0 {
		return fallback
	}
	return "did you mean " + strings.Join(m, " or ") + "?"
}
