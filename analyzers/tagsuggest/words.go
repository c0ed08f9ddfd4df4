package tagsuggest

import (
	"regexp"
	"strings"
	"unicode"
)

// word is one word of an identifier or tag name, lower case. caps records
// that it was written in capitals (PIN, PAN): a few nouns are personal
// data only as acronyms (a GPIO Pin, a camera Pan are not).
type word struct {
	text string
	caps bool
}

// ipvN keeps IPv4 and IPv6 whole: the camel-case split would cut them
// into I, Pv and 6.
var ipvN = regexp.MustCompile(`(?i)ipv([46])`)

// tokenize splits an identifier or a tag name into words: on anything
// that is not a letter or digit, at camel-case humps (HTTPServer is HTTP
// and Server), and between letters and digits. Words that Go and JSON
// names write as one (Firstname, hostname, zipcode) are split into their
// parts, so that one rule covers FirstName, Firstname and first_name.
func tokenize(s string) []word {
	s = ipvN.ReplaceAllString(s, "_IPV${1}_")
	var out []word
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, piece := range camelSplit(part) {
			lower := strings.ToLower(piece)
			caps := len(piece) > 1 && strings.ToUpper(piece) == piece && unicode.IsLetter([]rune(piece)[0])
			if parts, ok := compounds[lower]; ok {
				for _, p := range strings.Fields(parts) {
					out = append(out, word{text: p})
				}
				continue
			}
			out = append(out, word{text: lower, caps: caps})
		}
	}
	return merge(out)
}

// camelSplit cuts one alphanumeric run at its humps.
func camelSplit(s string) []string {
	rs := []rune(s)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		cut := false
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(cur):
			cut = true
		case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			cut = true // the end of an acronym: HTTP|Server
		case unicode.IsLetter(prev) != unicode.IsLetter(cur):
			cut = true // letters and digits: Line|1
		}
		if cut {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// merge joins the pieces that the split tears apart: IPv6 and e-mail.
func merge(ws []word) []word {
	var out []word
	for i := 0; i < len(ws); i++ {
		if i+1 < len(ws) {
			a, b := ws[i].text, ws[i+1].text
			switch {
			case a == "ipv" && (b == "4" || b == "6"):
				out = append(out, word{text: a + b, caps: true})
				i++
				continue
			case a == "e" && b == "mail":
				out = append(out, word{text: "email"})
				i++
				continue
			}
		}
		out = append(out, ws[i])
	}
	return out
}

// compounds are words written as one that the rules know as several.
var compounds = map[string]string{
	"firstname": "first name", "lastname": "last name", "fullname": "full name",
	"middlename": "middle name", "givenname": "given name", "familyname": "family name",
	"displayname": "display name", "username": "user name", "screenname": "screen name",
	"loginname": "login name", "nickname": "nick name", "hostname": "host name",
	"filename": "file name", "pathname": "path name", "dbname": "db name",
	"servername": "server name", "birthdate": "birth date", "birthday": "birth day",
	"dateofbirth": "date of birth", "zipcode": "zip code", "postcode": "post code",
	"postalcode": "postal code", "phonenumber": "phone number", "phoneno": "phone no",
	"cellphone": "cell phone", "emailaddress": "email address", "emailaddr": "email addr",
	"mailaddress": "mail address", "ipaddress": "ip address", "ipaddr": "ip addr",
	"macaddress": "mac address", "macaddr": "mac addr", "hwaddr": "hw addr",
	"useragent": "user agent", "deviceid": "device id", "devicetoken": "device token",
	"cardnumber": "card number", "creditcard": "credit card", "accountnumber": "account number",
	"accountno": "account no", "streetaddress": "street address", "passportnumber": "passport number",
	"taxid": "tax id", "nationalid": "national id", "clientip": "client ip", "remoteip": "remote ip",
	"remoteaddr": "remote addr", "userip": "user ip", "sourceip": "source ip", "srcip": "src ip",
	"serialnumber": "serial number", "serialno": "serial no", "cardholder": "card holder",
	"licenseplate": "license plate", "driverslicense": "drivers license",
	"driverlicense": "driver license", "securitycode": "security code",
	"mobilenumber": "mobile number", "homeaddress": "home address", "latlng": "lat lng",
	"latlon": "lat lon", "geolocation": "geo location", "geopoint": "geo point",
	"pincode": "pin code", "addressline": "address line", "billingaddress": "billing address",
	"shippingaddress": "shipping address", "mailingaddress": "mailing address",
	"hometown": "home town", "bankaccount": "bank account", "housenumber": "house number",
}

// singular returns the singular of a plural head ("emails", "addresses",
// "cities") when known says the singular is a word it knows, and ok.
func singular(w string, known func(string) bool) (string, bool) {
	if known(w) {
		return w, false
	}
	var cands []string
	switch {
	case strings.HasSuffix(w, "ies"):
		cands = append(cands, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "es"):
		cands = append(cands, w[:len(w)-2], w[:len(w)-1])
	case strings.HasSuffix(w, "s"):
		cands = append(cands, w[:len(w)-1])
	}
	for _, c := range cands {
		if known(c) {
			return c, true
		}
	}
	return w, false
}

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// The sets below say what a struct's name tells about its fields, and
// what a modifier in front of a personal noun tells about the field.
// They are tuned for precision: a word goes in only when it rarely means
// anything else in Go code.
var (
	// personNouns name people (and the things that hold a person's own
	// data). A bare Name or Address is personal only in such a struct, or
	// with such a word in front (CustomerName, ContactAddress).
	personNouns = set(`user users person people customer member contact employee staff patient
		owner author recipient student subscriber applicant guest buyer individual citizen
		passenger traveler traveller guardian beneficiary cardholder signup registration
		payer payee borrower prospect attendee participant friend spouse admin identity kyc
		resident shopper consumer donor volunteer rider learner billing shipping delivery
		emergency sender`)

	// addressNouns name a postal address: its City and Zip are a
	// person's as well (a company's Address lives in a Company).
	addressNouns = set(`address home residence mailing postal billing shipping delivery`)

	// deviceNouns name devices: their location and serial numbers are
	// their user's.
	deviceNouns = set(`device handset phone mobile endpoint hardware asset computer laptop
		tablet terminal sim modem sensor tracker vehicle car trip ride checkin visit gps ping
		beacon telemetry`)

	// orgNouns name organisations and places: a company's email, a
	// store's address and an office's coordinates are not personal data.
	orgNouns = set(`company org organization organisation business corporation firm vendor
		merchant supplier partner tenant store shop office venue place poi restaurant branch
		warehouse city country region station airport landmark building site datacenter
		facility center centre bounds box bbox viewport tile map area zone hotel property
		listing depot port stop team department agency bank institution school university`)

	// infraNouns name configuration and machinery: their addresses,
	// names and emails belong to systems and operators.
	infraNouns = set(`config conf cfg configuration settings options opts flags env environment
		server host node cluster listener proxy gateway dns network net interface
		iface subnet route router pod service instance backend upstream db database redis
		smtp broker queue conn connection dialer transport tls peer vm container daemon
		mailer webhook hook dsn addr sockaddr socks mount disk volume partition
		filesystem fs inode`)

	// clientNouns are the software that sends a User-Agent of its own.
	clientNouns = set(`client crawler fetcher scraper spider bot sdk requester downloader
		transport agent`)

	// wrappers are heads that describe a message or record about what
	// precedes them: CreateUserRequest is about a user.
	wrappers = set(`request response req resp input output form payload dto model entity
		record row info details data view params args event message msg body doc document
		object item entry summary snapshot update create patch result claims cmd command
		json dao schema spec list page batch bulk new get set delete profile account status
		stats state metric metrics line`)

	// denyModifiers rule out a match wherever they stand before the
	// personal noun: SupportEmail, DefaultPassword, MaxEmailLength, TestPhone.
	denyModifiers = set(`support noreply reply no sales system service smtp default fallback
		test testing example sample mock fake dummy company org organization organisation
		business corporate team vendor merchant template placeholder regex regexp pattern
		format validation validator max min num count total len length of label column col
		header param env flag config from bounce notification notify alert alerts ops abuse
		postmaster webmaster helpdesk hotline permitted excluded`)

	// trailing words that do not change what a field holds:
	// PasswordConfirm, EmailRaw, Phone2.
	trailing = set(`confirm confirmation again repeat raw plain plaintext cleartext str string
		text value val input entered`)
)
