package sends

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
)

type User struct {
	ID    int64
	Email string `privacy:"user.contact.email" json:"email"`
	Name  string `privacy:"user.name" json:"name"`
	Phone string `privacy:"user.contact.phone_number" json:"-"`
	Card  string `privacy:"user.financial.credit_card" json:"card,omitempty"`
}

const mailerBase = "https://api.mailer.example/v3"

func declared(u *User) {
	http.PostForm(mailerBase+"/messages", url.Values{"to": {u.Email}})
	http.Get("https://eu.mailer.example/lookup?email=" + url.QueryEscape(u.Email))
	body, _ := json.Marshal(u)                                                                  // the phone number is json:"-", the card is not
	http.Post("https://api.mailer.example/contacts", "application/json", bytes.NewReader(body)) // want `user.financial.credit_card \(User.Card\) reaches thirdparty sink http.Post; recipient mailer may receive only`
}

func undeclared(u *User) {
	http.Get("https://tracker.example/collect?e=" + u.Email) // want `user.contact.email \(User.Email\) reaches thirdparty sink http.Get; host tracker.example belongs to no declared recipient`
	http.Get(fmt.Sprintf("https://api.mailer.example/users/%d", u.ID))
}

func unknownHost(u *User) {
	endpoint := os.Getenv("WEBHOOK_URL")
	http.Post(endpoint, "text/plain", strings.NewReader(u.Email)) // want `the destination cannot be known from the code`
}

func tooMuch(u *User) {
	http.PostForm(mailerBase+"/messages", url.Values{"to": {u.Email}, "sms": {u.Phone}}) // want `user.contact.phone_number \(User.Phone\) reaches thirdparty sink http.PostForm; recipient mailer may receive only user.contact.email and user.name`
}

//privacy:purpose essential.service.payment_processing
func wrongPurpose(u *User) {
	http.PostForm(mailerBase+"/messages", url.Values{"to": {u.Email}}) // want `recipient mailer is declared for marketing.communications and essential.service.notifications, not essential.service.payment_processing`
}

//privacy:purpose third_party_sharing.sale
func sell(u *User) {
	http.PostForm("https://api.pay.example/leads", url.Values{"e": {u.Email}}) // want `user.contact.email \(User.Email\) reaches thirdparty sink http.PostForm; it serves third_party_sharing.sale, which the statement forbids`
}

//privacy:sink thirdparty mailer
func Deliver(to, body string) {}

//privacy:sink thirdparty
func Beacon(v any) {}

func directives(u *User) {
	Deliver(u.Email, "hi")
	Deliver(u.Phone, "hi") // want `recipient mailer may receive only`
	Beacon(u.ID)
	Beacon(u.Name) // want `the destination is not a declared recipient`
}

func request(u *User) {
	req, _ := http.NewRequest("POST", "https://api.pay.example/charge", strings.NewReader(u.Card))
	http.DefaultClient.Do(req)
	req2, _ := http.NewRequest("POST", "https://collector.example/ingest", nil)
	req2.Header.Set("X-User", u.Email)
	http.DefaultClient.Do(req2) // want `host collector.example belongs to no declared recipient`
}

func raw(u *User) {
	conn, err := net.Dial("tcp", "collector.example:9000")
	if err != nil {
		return
	}
	conn.Write([]byte(u.Email)) // want `host collector.example belongs to no declared recipient`
	conn.Write([]byte("ping"))
}
