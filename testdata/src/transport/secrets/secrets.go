package secrets

import (
	"crypto/sha256"
	"database/sql"
	"net/http"
	"os"

	"golang.org/x/crypto/bcrypt"
)

type Login struct {
	User     string
	Password string `privacy:"user.authorization.password"`
}

// Obscure stands in for the team's own secret wrapping.
//
//privacy:sanitizer user.authorization.password
func Obscure(s string) string { return "***" }

func raw(db *sql.DB, l *Login) {
	db.Exec("UPDATE users SET password = $1 WHERE name = $2", l.Password, l.User) // want `user.authorization.password \(Login.Password\) reaches store sink sql.DB.Exec; the policy requires it to be hashed`
}

func hashed(db *sql.DB, l *Login) {
	h, _ := bcrypt.GenerateFromPassword([]byte(l.Password), bcrypt.DefaultCost)
	db.Exec("UPDATE users SET password = $1 WHERE name = $2", h, l.User)
	sum := sha256.Sum256([]byte(l.Password))
	db.Exec("UPDATE users SET digest = $1", sum[:])
	db.Exec("UPDATE users SET wrapped = $1", Obscure(l.Password))
}

func file(l *Login) {
	os.WriteFile("/tmp/creds", []byte(l.User+":"+l.Password), 0o600) // want `reaches store sink os.WriteFile`
	os.WriteFile("/tmp/users", []byte(l.User), 0o600)
}

func cookie(w http.ResponseWriter, l *Login) {
	http.SetCookie(w, &http.Cookie{Name: "pw", Value: l.Password}) // want `reaches cookie sink http.SetCookie`
	http.SetCookie(w, &http.Cookie{Name: "user", Value: l.User})
	w.Header().Set("Set-Cookie", "pw="+l.Password) // want `reaches cookie sink http.Header.Set`
	w.Header().Set("X-User", l.Password)
}

func send(l *Login) {
	http.PostForm("https://auth.partner.example/login", map[string][]string{"p": {l.Password}}) // want `reaches thirdparty sink http.PostForm`
}
