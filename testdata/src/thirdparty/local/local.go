// Package local is an application package whose tests send personal
// data to their own httptest servers, and elsewhere.
package local

import (
	"encoding/json"
	"net/http"
	"strings"
)

type User struct {
	ID    int64
	Email string `privacy:"user.contact.email"`
	Phone string `privacy:"user.contact.phone_number"`
}

// FollowUp posts the user's address to wherever a server's answer
// points: in the application, an unknown destination.
func FollowUp(u User, res *http.Response) {
	var next struct{ URL string }
	json.NewDecoder(res.Body).Decode(&next)
	http.Post(next.URL, "text/plain", strings.NewReader(u.Email)) // want `the destination cannot be known from the code`
}
