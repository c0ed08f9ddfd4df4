package y

import (
	"log"
	"testing"
)

// Shout logs s too, but only tests can call it.
func Shout(s string) { log.Print(s) }

var mails = []struct{ to, body string }{
	{"user1@example.com", "hello 1"},
	{"user2@example.com", "hello 2"},
	{"user3@example.com", "hello 3"},
	{"user4@example.com", "hello 4"},
	{"user5@example.com", "hello 5"},
	{"user6@example.com", "hello 6"},
	{"user7@example.com", "hello 7"},
	{"user8@example.com", "hello 8"},
	{"user9@example.com", "hello 9"},
	{"user10@example.com", "hello 10"},
	{"user11@example.com", "hello 11"},
	{"user12@example.com", "hello 12"},
	{"user13@example.com", "hello 13"},
	{"user14@example.com", "hello 14"},
	{"user15@example.com", "hello 15"},
	{"user16@example.com", "hello 16"},
	{"user17@example.com", "hello 17"},
	{"user18@example.com", "hello 18"},
	{"user19@example.com", "hello 19"},
	{"user20@example.com", "hello 20"},
	{"user21@example.com", "hello 21"},
	{"user22@example.com", "hello 22"},
	{"user23@example.com", "hello 23"},
	{"user24@example.com", "hello 24"},
	{"user25@example.com", "hello 25"},
	{"user26@example.com", "hello 26"},
	{"user27@example.com", "hello 27"},
	{"user28@example.com", "hello 28"},
	{"user29@example.com", "hello 29"},
	{"user30@example.com", "hello 30"},
}

func TestMail(t *testing.T) {
	for _, m := range mails {
		Mail(m.body)
	}
}

// Archive collects what tests send. It comes first in y's test binary's
// export data, before y's own declarations: positions in y read from
// export data are not the same in r's process and in the process of r's
// copy for y's tests.
type Archive struct{ Sent []string }

func (a *Archive) Send(s string) { a.Sent = append(a.Sent, s) }
