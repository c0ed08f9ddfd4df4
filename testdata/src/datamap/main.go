// Command drift is the data-map drift test: see privacy.yaml.
package main

import "log"

// User is a user.
type User struct {
	Email  string `privacy:"user.contact.email"`
	Gender string `privacy:"user.demographic.gender"`
}

func main() {
	u := User{Email: "a@b.example", Gender: "x"}
	log.Println(u.Email)
	_ = u.Gender
}
