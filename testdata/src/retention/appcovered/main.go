package main

import (
	"retention/eraser"
	"retention/store"
)

func main() {
	store.Save(nil, &store.Member{})
	eraser.DeleteAccount(nil, 1)
}
