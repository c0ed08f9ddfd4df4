package basic

import (
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"strings"
)

type User struct {
	ID    int
	Email string `privacy:"user.contact.email"`
	Name  string `privacy:"user.name"`
	IP    string `privacy:"user.device.ip_address"`
	Notes string `privacy:"-"`
}

func direct(u *User) {
	log.Printf("signup %s", u.Email) // want `user.contact.email \(User.Email\) reaches log sink log.Printf`
	log.Printf("signup %d", u.ID)
	log.Printf("from %s", u.IP) // allowed in log files by kaseya-2016
	log.Print(u.Notes)
}

func whole(u *User) {
	slog.Info("user", "u", u) // want `user.contact.email \(User.Email\) and user.name \(User.Name\) reach log sink slog.Info`
}

func concat(u User) {
	msg := "hello " + strings.ToUpper(u.Name)
	fmt.Println(msg) // want `user.name \(User.Name\) reaches log sink fmt.Println`
}

func stdout(u *User) {
	fmt.Fprintf(os.Stderr, "%s\n", u.Email) // want `user.contact.email \(User.Email\) reaches log sink fmt.Fprintf`
	var b strings.Builder
	fmt.Fprintf(&b, "%s", u.Email)
	_ = b.String()
}

func wrapped(u *User) {
	err := fmt.Errorf("no account for %s: %w", u.Email, errors.New("missing"))
	log.Println(err) // want `user.contact.email \(User.Email\) reaches log sink log.Println`
}

func helper(s string) {
	log.Print("value: " + s) // want `user.contact.email \(User.Email\) reaches log sink log.Print`
}

func viaHelper(u *User) {
	helper(u.Email)
	helper(fmt.Sprint(u.ID))
}

func suppressed(u *User) {
	//privacy:allow PV101 support needs the address while debugging a ticket
	log.Print(u.Email)
}

type Redacted struct {
	Email string `privacy:"user.contact.email"`
}

func (r Redacted) String() string { return "Redacted{***}" }

func redacted(r Redacted) {
	log.Print(r)
}

func closure(u *User) {
	f := func() {
		log.Print(u.Name) // want `user.name \(User.Name\) reaches log sink log.Print`
	}
	f()
}
