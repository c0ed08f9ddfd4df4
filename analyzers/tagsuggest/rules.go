package tagsuggest

import (
	"strings"
)

// kind is what a field's type can hold, as far as the rules care.
type kind uint16

const (
	kText  kind = 1 << iota // string, named string types, sql.NullString
	kBytes                  // []byte, [N]byte
	kInt                    // integers, sql.NullInt64
	kFloat                  // floating point
	kTime                   // time.Time, sql.NullTime
	kIP                     // net.IP, net.IPAddr, netip.Addr, netip.AddrPort
	kMAC                    // net.HardwareAddr
)

// ctx is what a struct's name (or one of its fields) says about its
// fields.
type ctx uint8

const (
	ctxPerson  ctx = 1 << iota // User, Customer, SignupRequest
	ctxDevice                  // Device, Handset, Trip
	ctxOrg                     // Company, Store, Office
	ctxInfra                   // Config, Server, Options
	ctxClient                  // Client, Crawler: software with its own User-Agent
	ctxAddress                 // Address, Home: a postal address
)

// rule is one kind of personal data and the names it goes by.
type rule struct {
	// phrases are runs of words matched at the end of a name (after
	// trailing words like Confirm or 2 are dropped): the personal noun
	// must be the head of the name, so EmailTemplate is a template.
	phrases []string
	cat     string
	// alt are finer categories that some policies declare (kaseya-2016
	// declares user.device.mac_address): the first one the policy lists
	// is suggested instead of cat, which is always a built-in id.
	alt   []string
	kinds kind // the types the data comes in; kText|kBytes when zero
	veto  ctx  // owners whose fields are not personal data
	// need, when set, is what a bare noun's owner must be (Name in a User,
	// not in a Product); a modifier in front must then vouch for it
	// instead (CustomerName), and any other modifier rules it out
	// (HostName, FileName).
	need  ctx
	vouch map[string]bool // personNouns when nil
	typed kind            // types that satisfy need by themselves (a bare MAC of type net.HardwareAddr)
	caps  bool            // alone, the noun must be written in capitals (PIN, not Pin)
	deny  map[string]bool // modifiers that rule it out, besides denyModifiers
	addr  bool            // an address: on an IP or MAC type it is that instead
	// evidence: a field of this kind shows that its struct is about a
	// person, so that its bare Name, Address and City are a person's too.
	evidence bool

	personCat string // the category in a person's struct, when it differs
	infraCat  string // the category in a configuration struct, when it differs
}

var (
	ipDeny = set(`server host node local listen bind gateway proxy dns router pod cluster
		service internal private loopback dest destination dst target upstream backend vip
		floating allowed blocked trusted whitelist allowlist denylist blacklist subnet network
		broadcast multicast nat egress ingress advertise advertised redis db database api
		endpoint controller master leader seed instance vm container docker external public
		interface iface bridge tunnel vpn peer static reserved elastic lb balancer metrics wan
		lan geo`)
	emailDeny = set(`sender reply`)
	addrVouch = set(`home mailing postal billing shipping delivery residential residence
		physical permanent current previous contact user customer member personal patient
		employee mail`)
	placeVouch  = set(`home current last live gps device user precise exact`)
	mobileVouch = set(`primary secondary home work personal contact emergency alternate alt
		user customer member`)
	serialVouch = set(`device hardware handset phone`)
	macVouch    = set(`device client user hardware wifi wlan bluetooth ethernet eth nic`)
	serialDeny  = set(`volume disk drive partition cert certificate key license`)
	// secretDeny are the secrets of cryptographic protocols (TLS master
	// and traffic secrets): key material, not anyone's credentials.
	secretDeny = set(`master pre premaster traffic handshake resumption early exporter binder
		finished derived ecdh ecdhe dh hkdf prk ikm`)

	// ipRule and macRule are what an address is when its type is an IP
	// or a MAC address (Addr net.IP, Address net.HardwareAddr).
	ipRule  = &rule{cat: "user.device.ip_address", kinds: kText | kIP, veto: ctxInfra, deny: ipDeny}
	macRule = &rule{cat: "user.device.device_id", alt: []string{"user.device.mac_address"}, kinds: kText | kMAC, veto: ctxInfra, deny: ipDeny}
)

// rules are the kinds of personal data PV701 knows, with the fideslang
// category each one suggests.
var rules = []*rule{
	{phrases: []string{"email", "email address", "email addr", "mail address", "mail addr"},
		cat: "user.contact.email", veto: ctxInfra | ctxOrg, deny: emailDeny, evidence: true},
	{phrases: []string{"phone", "phone number", "phone no", "phone num", "telephone",
		"telephone number", "tel", "mobile number", "mobile phone", "mobile no", "cell phone",
		"cell number", "msisdn", "contact number"},
		cat: "user.contact.phone_number", kinds: kText | kInt, veto: ctxInfra | ctxOrg, evidence: true},
	{phrases: []string{"mobile", "cell"}, cat: "user.contact.phone_number",
		veto: ctxInfra | ctxOrg, need: ctxPerson, vouch: mobileVouch},
	{phrases: []string{"fax", "fax number"}, cat: "user.contact.fax_number",
		kinds: kText | kInt, veto: ctxInfra | ctxOrg},

	{phrases: []string{"first name", "given name", "forename", "fore name"},
		cat: "user.name.first", veto: ctxInfra | ctxOrg, evidence: true},
	{phrases: []string{"surname", "family name", "sur name"},
		cat: "user.name.last", veto: ctxInfra | ctxOrg, evidence: true},
	{phrases: []string{"last name"}, cat: "user.name.last", veto: ctxInfra | ctxOrg, need: ctxPerson},
	{phrases: []string{"middle name", "real name", "legal name", "maiden name", "birth name",
		"person name", "contact name", "holder name"},
		cat: "user.name", veto: ctxInfra | ctxOrg, evidence: true},
	// FullName and DisplayName name functions, packages and UI elements
	// as often as people; lastName is often the name seen last.
	{phrases: []string{"full name", "display name"}, cat: "user.name", veto: ctxInfra | ctxOrg,
		need: ctxPerson},
	{phrases: []string{"name"}, cat: "user.name", veto: ctxInfra | ctxOrg, need: ctxPerson},
	{phrases: []string{"user name", "login name", "screen name", "nick name"},
		cat: "user.account.username", veto: ctxInfra | ctxOrg, evidence: true},

	{phrases: []string{"address", "addr"}, cat: "user.contact.address",
		kinds: kText, veto: ctxInfra | ctxOrg, need: ctxPerson | ctxAddress, vouch: addrVouch, addr: true},
	{phrases: []string{"street", "street address", "street line", "street name", "address line",
		"addr line", "house number", "street number"},
		cat: "user.contact.address.street", veto: ctxInfra | ctxOrg, evidence: true},
	{phrases: []string{"city", "town"}, cat: "user.contact.address.city",
		veto: ctxInfra | ctxOrg, need: ctxPerson | ctxAddress, vouch: addrVouch},
	{phrases: []string{"postal code", "post code", "zip code", "postal"},
		cat: "user.contact.address.postal_code", kinds: kText | kInt, veto: ctxInfra | ctxOrg, evidence: true},
	// A bare Zip is as often an archive.
	{phrases: []string{"zip"}, cat: "user.contact.address.postal_code", kinds: kText | kInt,
		veto: ctxInfra | ctxOrg, need: ctxPerson | ctxAddress, vouch: addrVouch},

	{phrases: []string{"ip", "ip address", "ip addr", "ipv4", "ipv6", "ipv4 address",
		"ipv6 address", "ipv4 addr", "ipv6 addr", "remote addr", "remote address",
		"client addr", "client address", "forwarded for"},
		cat: "user.device.ip_address", kinds: kText | kIP, veto: ctxInfra, deny: ipDeny},
	// A bare MAC is as often a message authentication code (an SSH
	// algorithm name): it needs a device's struct or a MAC address type.
	{phrases: []string{"mac"}, cat: "user.device.device_id", alt: []string{"user.device.mac_address"},
		kinds: kText | kMAC, veto: ctxInfra, deny: ipDeny, need: ctxDevice | ctxPerson, typed: kMAC,
		vouch: macVouch},
	{phrases: []string{"mac address", "mac addr", "hardware addr", "hardware address",
		"hw addr", "hw address"},
		cat: "user.device.device_id", alt: []string{"user.device.mac_address"},
		kinds: kText | kMAC, veto: ctxInfra, deny: ipDeny},
	{phrases: []string{"imei"}, cat: "user.device.device_id", alt: []string{"user.device.imei"},
		kinds: kText | kInt},
	{phrases: []string{"imsi", "meid", "iccid", "udid", "idfa", "idfv", "device id",
		"device identifier", "device uuid", "device token", "device fingerprint",
		"advertising id", "android id"},
		cat: "user.device.device_id", kinds: kText | kBytes, veto: ctxInfra},
	{phrases: []string{"serial number", "serial no", "serial num"},
		cat: "user.device.device_id", alt: []string{"user.device.serial_number"}, kinds: kText | kInt,
		deny: serialDeny},
	{phrases: []string{"serial"}, cat: "user.device.device_id", alt: []string{"user.device.serial_number"},
		kinds: kText, need: ctxDevice, vouch: serialVouch},
	{phrases: []string{"user agent"}, cat: "user.device", alt: []string{"user.device.browser_type"},
		kinds: kText, veto: ctxInfra | ctxClient},

	{phrases: []string{"lat", "latitude", "lng", "lon", "longitude", "coordinates", "coords",
		"coord", "lat lng", "lat lon", "geo point", "gps", "gps location"},
		cat: "user.location.precise", kinds: kText | kFloat, veto: ctxInfra | ctxOrg},
	{phrases: []string{"long"}, cat: "user.location.precise", kinds: kFloat, veto: ctxInfra | ctxOrg},
	{phrases: []string{"location", "geo", "geo location"}, cat: "user.location",
		veto: ctxInfra | ctxOrg, need: ctxPerson | ctxDevice, vouch: placeVouch},

	{phrases: []string{"birth date", "date of birth", "dob", "birth day", "born on",
		"birth year", "year of birth"},
		cat: "user.demographic.date_of_birth", kinds: kText | kTime | kInt, evidence: true},
	{phrases: []string{"gender", "sex"}, cat: "user.demographic.gender", kinds: kText | kInt, evidence: true},

	{phrases: []string{"ssn", "social security number", "social security", "social security no",
		"national id", "national identification number", "national identity number",
		"nin", "nino", "tax id", "taxpayer id", "tax number", "tax identification number",
		"itin", "aadhaar"},
		cat: "user.government_id.national_identification_number", kinds: kText | kInt, veto: ctxOrg, evidence: true},
	{phrases: []string{"tin"}, cat: "user.government_id.national_identification_number",
		kinds: kText | kInt, veto: ctxOrg, caps: true},
	{phrases: []string{"passport", "passport number", "passport no", "passport id"},
		cat: "user.government_id.passport_number", evidence: true},
	{phrases: []string{"drivers license", "driver license", "driving license", "driving licence",
		"drivers licence", "driver licence", "drivers license number", "driver license number"},
		cat: "user.government_id.drivers_license_number", evidence: true},
	{phrases: []string{"license plate", "number plate", "plate number", "registration plate"},
		cat: "user.government_id.vehicle_registration", veto: ctxOrg},

	// Not Pwd: as often the working directory.
	{phrases: []string{"password", "passwd", "passphrase", "pass phrase", "pin code"},
		cat: "user.authorization.password", infraCat: "system.authentication"},
	{phrases: []string{"pin"}, cat: "user.authorization.password", infraCat: "system.authentication",
		kinds: kText | kBytes | kInt, caps: true},
	// Secrets as bytes are mostly key material of protocols.
	{phrases: []string{"secret", "client secret", "secret key", "api secret", "shared secret"},
		cat: "system.authentication", personCat: "user.authorization.credentials", kinds: kText,
		deny: secretDeny},

	{phrases: []string{"card number", "card no", "card num", "credit card", "credit card number",
		"debit card", "cc number", "primary account number", "cvv", "cvc", "card security code",
		"card verification code", "card verification value"},
		cat: "user.financial.credit_card", kinds: kText | kInt},
	{phrases: []string{"pan"}, cat: "user.financial.credit_card", kinds: kText | kInt, caps: true},
	{phrases: []string{"iban", "account number", "account no", "account num", "bank account",
		"bank account number"},
		cat: "user.financial.bank_account", kinds: kText | kInt, veto: ctxOrg | ctxInfra},
}

// byPhrase indexes the rules by phrase; headWords are the last words of
// the phrases (the nouns whose plurals are understood).
var (
	byPhrase  = make(map[string]*rule)
	headWords = make(map[string]bool)
	maxWords  int
)

func init() {
	for _, r := range rules {
		if r.kinds == 0 {
			r.kinds = kText | kBytes
		}
		for _, p := range r.phrases {
			if byPhrase[p] != nil {
				panic("tagsuggest: phrase " + p + " in two rules")
			}
			byPhrase[p] = r
			ws := strings.Fields(p)
			headWords[ws[len(ws)-1]] = true
			maxWords = max(maxWords, len(ws))
		}
	}
}

// match returns the rule whose phrase is the longest that ws ends with,
// and the phrase's length in words.
func match(ws []word) (*rule, int) {
	for n := min(maxWords, len(ws)); n > 0; n-- {
		texts := make([]string, n)
		for i, w := range ws[len(ws)-n:] {
			texts[i] = w.text
		}
		if r := byPhrase[strings.Join(texts, " ")]; r != nil {
			return r, n
		}
	}
	return nil, 0
}

// guess is what the classifier makes of one name.
type guess struct {
	cat  string // the built-in category; "" when the name is not personal data
	rule *rule
	// mentioned: the name speaks of a personal noun and was ruled out
	// anyway (EmailTemplate, ServerIP). The field's Go name then has the
	// last word: its tags are not consulted.
	mentioned bool
}

// classify decides whether a field called name, whose type holds k, in a
// struct whose name says oc, holds personal data, and which kind.
func classify(name string, k kind, oc ctx) guess {
	ws := tokenize(name)
	for len(ws) > 1 && (isDigits(ws[len(ws)-1].text) || trailing[ws[len(ws)-1].text]) {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return guess{}
	}
	last := &ws[len(ws)-1]
	var plural bool
	last.text, plural = singular(last.text, func(w string) bool { return headWords[w] })
	r, n := match(ws)
	if r == nil {
		return guess{mentioned: mentions(ws)}
	}
	no := guess{mentioned: true}
	mods := ws[:len(ws)-n]
	if r.addr && k&kIP != 0 {
		r = ipRule
	} else if r.addr && k&kMAC != 0 {
		r = macRule
	}
	for _, m := range mods {
		if denyModifiers[m.text] || r.deny[m.text] {
			return no
		}
	}
	if r.caps && n == 1 && !last.caps {
		return no
	}
	if r.kinds&k == 0 || plural && k == kInt {
		return no // Emails int is a count
	}
	if oc&r.veto != 0 {
		return no
	}
	if r.need != 0 && k&r.typed == 0 {
		vouch := r.vouch
		if vouch == nil {
			vouch = personNouns
		}
		switch {
		case len(mods) > 0 && vouch[mods[len(mods)-1].text]:
		case len(mods) > 0, oc&r.need == 0:
			return no
		}
	}
	cat := r.cat
	switch {
	case oc&ctxInfra != 0 && r.infraCat != "":
		cat = r.infraCat
	case oc&ctxPerson != 0 && r.personCat != "":
		cat = r.personCat
	}
	return guess{cat: cat, rule: r}
}

// mentions reports whether a phrase of a rule ends anywhere in ws but at
// its end.
func mentions(ws []word) bool {
	for i := len(ws) - 1; i > 0; i-- {
		if r, _ := match(ws[:i]); r != nil {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// ownerContext reads a struct's name: "User", "SignupRequest", or a path
// of names for a struct nested in another ("User.Home"), where any
// segment may speak.
func ownerContext(owner string) ctx {
	var c ctx
	for _, seg := range strings.Split(owner, ".") {
		c |= segmentContext(seg)
	}
	return c
}

// segmentContext reads one name by its head noun, looking through
// wrappers: CreateUserRequest is about a user, UserGroup is a group. A
// name that mentions machinery anywhere (MountPoint, BackendStatus) is
// machinery, unless its head is a person (ServerUser).
func segmentContext(seg string) ctx {
	ws := tokenize(seg)
	var c ctx
	for i := len(ws) - 1; i >= 0; i-- {
		w, _ := singular(ws[i].text, knownOwnerWord)
		if wrappers[w] && i > 0 {
			continue
		}
		c = nounContext(w)
		break
	}
	if c&ctxPerson == 0 {
		for _, w := range ws {
			if infraNouns[w.text] {
				c |= ctxInfra
			}
		}
	}
	return c
}

func knownOwnerWord(w string) bool {
	return wrappers[w] || nounContext(w) != 0
}

func nounContext(w string) ctx {
	var c ctx
	if personNouns[w] {
		c |= ctxPerson
	}
	if deviceNouns[w] {
		c |= ctxDevice
	}
	if orgNouns[w] {
		c |= ctxOrg
	}
	if addressNouns[w] {
		c |= ctxAddress
	}
	if infraNouns[w] {
		c |= ctxInfra
	}
	if clientNouns[w] {
		c |= ctxClient
	}
	return c
}
