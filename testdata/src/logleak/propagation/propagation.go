// Package propagation holds one case per propagation form the engine
// follows, each with a clean twin.
package propagation

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log"
	"reflect"
	"strconv"
	"strings"

	"xorm.io/xorm"
)

type User struct {
	ID       int
	Email    string `privacy:"user.contact.email" json:"email"`
	Phone    string `privacy:"user.contact.phone_number" json:"-" xml:"-"`
	Password string `privacy:"user.authorization.password" json:"-"`
	Plan     string `json:"plan"`
}

type Profile struct {
	Owner   User
	Contact *User
	Tags    []string
}

func phi(u *User, b bool) {
	s := "anonymous"
	if b {
		s = u.Email
	}
	log.Print(s) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
	t := "anonymous"
	if b {
		t = u.Plan
	}
	log.Print(t)
}

func conversions(u *User) {
	b := []byte(u.Email)
	log.Print(string(b)) // want `user.contact.email`
	log.Print(string([]byte(u.Plan)))
}

func sprintf(u *User) {
	log.Print(fmt.Sprintf("%s/%d", u.Phone, u.ID)) // want `user.contact.phone_number \(User.Phone\)`
	log.Print(fmt.Sprintf("%d", u.ID))
}

func stringsBytesStrconv(u *User) {
	log.Print(strings.Split(u.Email, "@")[1]) // want `user.contact.email`
	log.Print(bytes.ToUpper([]byte(u.Phone))) // want `user.contact.phone_number`
	n, _ := strconv.Atoi(u.Phone)
	log.Print(n) // want `user.contact.phone_number`
	log.Print(strconv.Itoa(u.ID), strings.ToLower(u.Plan))
}

func builder(u *User) {
	var b strings.Builder
	b.WriteString("to: ")
	b.WriteString(u.Email)
	log.Print(b.String()) // want `user.contact.email`
	var c bytes.Buffer
	c.WriteString(u.Plan)
	log.Print(c.String())
}

func jsonMarshal(u *User) {
	data, _ := json.Marshal(u)
	log.Print(string(data)) // want `user.contact.email \(User.Email\)`
	type public struct {
		Plan  string `json:"plan"`
		Phone string `json:"-" privacy:"user.contact.phone_number"`
	}
	clean, _ := json.Marshal(public{Plan: u.Plan})
	log.Print(string(clean))
}

func xmlMarshal(u *User) {
	type card struct {
		Phone string `xml:"-" privacy:"user.contact.phone_number"`
		Plan  string
	}
	data, _ := xml.Marshal(card{Plan: u.Plan})
	log.Print(string(data))
	data, _ = xml.Marshal(u) // json:"-" does not hide a field from XML
	log.Print(string(data))  // want `user.authorization.password \(User.Password\) and user.contact.email \(User.Email\) reach`
}

func errorsWrap(u *User) {
	base := errors.New("lookup failed for " + u.Email)
	err := fmt.Errorf("signup: %w", base)
	log.Print(err) // want `user.contact.email`
	log.Print(fmt.Errorf("signup %d: %w", u.ID, errors.New("failed")))
}

func slicesMaps(u *User) {
	parts := []string{"user", u.Email}
	log.Print(strings.Join(parts, ":")) // want `user.contact.email`
	m := map[string]string{}
	m["phone"] = u.Phone
	log.Print(m["phone"]) // want `user.contact.phone_number`
	clean := map[string]int{"id": u.ID}
	log.Print(clean)
	all := append([]string{}, u.Email)
	log.Print(all) // want `user.contact.email`
}

func nested(p *Profile) {
	log.Print(p.Owner.Email)   // want `user.contact.email \(User.Email\)`
	log.Print(p.Contact.Phone) // want `user.contact.phone_number`
	log.Print(p.Owner.ID, p.Tags)
	log.Print(p) // want `user.authorization.password \(User.Password\), user.contact.email \(User.Email\) and user.contact.phone_number \(User.Phone\) reach log sink log.Print`
}

func storedField(u *User) {
	type note struct{ Body, Kind string }
	n := &note{Kind: "signup"}
	n.Body = "welcome " + u.Email
	log.Print(n.Body) // want `user.contact.email`
	log.Print(n.Kind)
}

func closures(u *User) {
	email := u.Email
	defer func() {
		log.Print(email) // want `user.contact.email`
	}()
	go func(p string) {
		log.Print(p) // want `user.contact.phone_number`
	}(u.Phone)
	plan := u.Plan
	func() { log.Print(plan) }()
}

func (u *User) Describe() string { return u.Email + " on " + u.Plan }

func (u *User) Kind() string { return u.Plan }

func methodValues(u *User) {
	f := u.Describe
	log.Print(f())          // want `user.contact.email`
	log.Print(u.Describe()) // want `user.contact.email`
	log.Print(u.Kind())
}

func deferGo(u *User) {
	defer log.Print(u.Phone) // want `user.contact.phone_number`
	go log.Print(u.Email)    // want `user.contact.email`
	defer log.Print(u.ID)
}

func hashed(u *User) {
	sum := sha256.Sum256([]byte(u.Email))
	log.Printf("%x", sum)
	log.Print(u.Password) // want `user.authorization.password \(User.Password\)`
}

func channels(u *User) {
	ch := make(chan string, 1)
	ch <- u.Email
	log.Print(<-ch) // want `user.contact.email`
}

func loops(users []User) {
	for _, u := range users {
		log.Print(u.Email) // want `user.contact.email`
	}
	for i := range users {
		log.Print(users[i].ID)
	}
}

// Type names carry no data: an ORM's "unsupported type" error, an
// encoder's error.
func typeNames(u *User) {
	log.Print(fmt.Errorf("cannot handle %T", u))
	log.Print(reflect.TypeOf(u).String())
	log.Print(fmt.Errorf("unsupported type %s", reflect.ValueOf(u).Elem().Type().String()))
	if _, err := json.Marshal(u); err != nil {
		log.Print(err)
	}
	log.Print(fmt.Errorf("cannot handle %v", u)) // want `user.contact.email \(User.Email\)`
}

// An ORM's error does not quote the bean it fills (xorm.io/xorm is among
// the packages with clean errors); the bean itself does hold the row.
func orm(x *xorm.Engine, id int64) {
	u := new(User)
	if _, err := x.ID(id).Get(u); err != nil {
		log.Print(err)
	}
	log.Print(u) // want `user.contact.email \(User.Email\)`
}
