package tagsuggest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestClassify pins the classifier's verdict on names, with the struct
// they are in and what their type holds. want is the built-in category,
// "" for not personal data.
func TestClassify(t *testing.T) {
	tests := []struct {
		name, owner string
		k           kind
		want        string
	}{
		// Personal data.
		{"Email", "User", kText, "user.contact.email"},
		{"EmailAddress", "", kText, "user.contact.email"},
		{"email_address", "", kText, "user.contact.email"},
		{"E-Mail", "", kText, "user.contact.email"},
		{"Emails", "Customer", kText, "user.contact.email"},
		{"WorkEmail", "Employee", kText, "user.contact.email"},
		{"Phone", "", kText, "user.contact.phone_number"},
		{"PhoneNumber", "", kInt, "user.contact.phone_number"},
		{"MSISDN", "", kText, "user.contact.phone_number"},
		{"Mobile", "Member", kText, "user.contact.phone_number"},
		{"FirstName", "", kText, "user.name.first"},
		{"firstname", "", kText, "user.name.first"},
		{"Surname", "", kText, "user.name.last"},
		{"Name", "User", kText, "user.name"},
		{"Name", "CreateCustomerRequest", kText, "user.name"},
		{"CustomerName", "Order", kText, "user.name"},
		{"DisplayName", "Member", kText, "user.name"},
		{"DisplayName", "", kText, ""},
		{"UserName", "", kText, "user.account.username"},
		{"Username", "Account", kText, "user.account.username"},
		{"Address", "Contact", kText, "user.contact.address"},
		{"ShippingAddress", "Order", kText, "user.contact.address"},
		{"AddressLine1", "", kText, "user.contact.address.street"},
		{"Street", "", kText, "user.contact.address.street"},
		{"City", "User.Home", kText, "user.contact.address.city"},
		{"ZipCode", "", kInt, "user.contact.address.postal_code"},
		{"postal_code", "", kText, "user.contact.address.postal_code"},
		{"IP", "Session", kText, "user.device.ip_address"},
		{"ClientIP", "", kIP, "user.device.ip_address"},
		{"IPv6Addr", "", kText, "user.device.ip_address"},
		{"RemoteAddr", "LoginEvent", kText, "user.device.ip_address"},
		{"Addr", "Visit", kIP, "user.device.ip_address"},
		{"MACAddress", "", kMAC, "user.device.device_id"},
		{"IMEI", "", kText, "user.device.device_id"},
		{"SerialNumber", "", kText, "user.device.device_id"},
		{"Serial", "Device", kText, "user.device.device_id"},
		{"DeviceID", "", kText, "user.device.device_id"},
		{"UserAgent", "Request", kText, "user.device"},
		{"Latitude", "", kFloat, "user.location.precise"},
		{"Lng", "Checkin", kFloat, "user.location.precise"},
		{"Long", "Trip", kFloat, "user.location.precise"},
		{"Location", "Device", kText, "user.location"},
		{"BirthDate", "", kTime, "user.demographic.date_of_birth"},
		{"DOB", "", kText, "user.demographic.date_of_birth"},
		{"date_of_birth", "", kText, "user.demographic.date_of_birth"},
		{"Gender", "", kInt, "user.demographic.gender"},
		{"SSN", "", kText, "user.government_id.national_identification_number"},
		{"TaxID", "", kText, "user.government_id.national_identification_number"},
		{"PassportNo", "", kText, "user.government_id.passport_number"},
		{"DriversLicense", "", kText, "user.government_id.drivers_license_number"},
		{"Password", "User", kText, "user.authorization.password"},
		{"PasswordConfirm", "SignupForm", kText, "user.authorization.password"},
		{"Password", "SMTPConfig", kText, "system.authentication"},
		{"PIN", "", kInt, "user.authorization.password"},
		{"ClientSecret", "OAuthApp", kText, "system.authentication"},
		{"TOTPSecret", "User", kText, "user.authorization.credentials"},
		{"masterSecret", "", kText, ""},
		{"VolumeSerialNumber", "", kText, ""},
		{"lastName", "printer", kText, ""},
		{"LastName", "Member", kText, "user.name.last"},
		{"FullName", "Func", kText, ""},
		{"Zip", "Module", kText, ""},
		{"Zip", "Address", kText, "user.contact.address.postal_code"},
		{"Pwd", "Shell", kText, ""},
		{"Name", "Visitor", kText, ""},
		{"Name", "Address", kText, ""},
		{"Name", "Candidate", kText, ""},
		{"Name", "Parent", kText, ""},
		{"MAC", "DirectionAlgorithms", kText, ""},
		{"MAC", "Device", kText, "user.device.device_id"},
		{"MAC", "", kMAC, "user.device.device_id"},
		{"DeviceID", "MountPoint", kText, ""},
		{"RemoteAddress", "IPVSBackendStatus", kText, ""},
		{"Name", "Profile", kText, ""},
		{"Name", "UserProfile", kText, "user.name"},
		{"CardNumber", "", kText, "user.financial.credit_card"},
		{"PAN", "", kText, "user.financial.credit_card"},
		{"CVV", "", kText, "user.financial.credit_card"},
		{"IBAN", "", kText, "user.financial.bank_account"},
		{"AccountNumber", "Payout", kText, "user.financial.bank_account"},

		// Not personal data.
		{"EmailTemplate", "", kText, ""},
		{"EmailEnabled", "", kText, ""},
		{"PasswordPolicy", "", kText, ""},
		{"PasswordMinLength", "", kInt, ""},
		{"PasswordHash", "User", kBytes, ""},
		{"IPv6Enabled", "", kText, ""},
		{"NameServer", "", kText, ""},
		{"HostName", "", kText, ""},
		{"FileName", "User", kText, ""},
		{"PhoneVerified", "", kText, ""},
		{"SupportEmail", "", kText, ""},
		{"Email", "SMTPConfig", kText, ""},
		{"Email", "Company", kText, ""},
		{"Emails", "", kInt, ""},
		{"Name", "Product", kText, ""},
		{"Name", "UserGroup", kText, ""},
		{"Name", "", kText, ""},
		{"SecretName", "", kText, ""},
		{"ServerIP", "", kText, ""},
		{"IP", "Node", kText, ""},
		{"ListenAddr", "", kText, ""},
		{"Address", "Server", kText, ""},
		{"Address", "", kText, ""},
		{"City", "Office", kText, ""},
		{"Location", "Response", kText, ""},
		{"Lat", "Store", kFloat, ""},
		{"Long", "", kText, ""},
		{"UserAgent", "ClientConfig", kText, ""},
		{"UserAgent", "HTTPClient", kText, ""},
		{"Pin", "GPIO", kInt, ""},
		{"Pan", "Camera", kFloat, ""},
		{"MAC", "", kBytes, ""},
		{"BirthDate", "", kFloat, ""},
		{"Phone", "", kFloat, ""},
		{"Serial", "Port", kText, ""},
		{"ZipFile", "", kText, ""},
		{"CardCount", "", kInt, ""},
		{"EmailDomain", "", kText, ""},
		{"DefaultPassword", "", kText, ""},
		{"MaxEmailLength", "", kInt, ""},
		{"Data", "", kText, ""},
		{"ID", "User", kInt, ""},
	}
	var got, want []string
	for _, tt := range tests {
		g := classify(tt.name, tt.k, ownerContext(tt.owner))
		got = append(got, fmt.Sprintf("%s.%s: %s", tt.owner, tt.name, g.cat))
		want = append(want, fmt.Sprintf("%s.%s: %s", tt.owner, tt.name, tt.want))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("classify (-want +got):\n%s", d)
	}
}

// TestTokenize: words in capitals are shown in capitals.
func TestTokenize(t *testing.T) {
	tests := map[string]string{
		"IPv6Enabled":     "IPV6 enabled",
		"HTTPServer":      "HTTP server",
		"EMailAddress":    "email address",
		"first_name":      "first name",
		"AddressLine1":    "address line 1",
		"UserPIN":         "user PIN",
		"Firstname":       "first name",
		"x-forwarded-for": "x forwarded for",
	}
	got := make(map[string]string)
	for in := range tests {
		var ws []string
		for _, w := range tokenize(in) {
			if w.caps {
				ws = append(ws, strings.ToUpper(w.text))
			} else {
				ws = append(ws, w.text)
			}
		}
		got[in] = strings.Join(ws, " ")
	}
	if d := cmp.Diff(tests, got); d != "" {
		t.Errorf("tokenize (-want +got):\n%s", d)
	}
}
