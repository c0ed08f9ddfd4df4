package main

import (
	"retention/store" // want `user.contact.email \(Member.Email\) is stored where entries cannot expire \(sql.DB.Exec at store/store.go:12, reached through retention/store\) and no erase function` `user.location.precise \(Member.Lat\) is stored where entries cannot expire`
)

func main() {
	store.Save(nil, &store.Member{})
}
