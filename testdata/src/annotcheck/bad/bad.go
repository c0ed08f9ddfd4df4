// Package bad holds the annotation problems that analysistest can
// express: those on lines that may end in a comment. Problems on
// directive lines (where a trailing comment is itself an error) are
// tested in analyzers/internal/marks.
package bad

type User struct {
	Email  string `privacy:"user.contact.email"`
	Alias  string `privacy:"email"`                // an alias kaseya-2016 declares
	Mail   string `privacy:"mail"`                 // want `unknown personal-data category mail`
	Bogus  string `privacy:"user.contact.emial"`   // want `unknown personal-data category user.contact.emial`
	Broken string `privacy:"User.Email"`           // want `\[PV901\]`
	Twice  string `privacy:"user.name,,user.name"` // want `\[PV901\]`
	Notes  string `privacy:"-"`
	Plain  string `json:"plain"`
}

//privacy:data user.contact.email
type Email string

//privacy:sink log
func Good(v any) {}

//privacy:consent marketing.communications.email
func PromoAllowed(id int) bool { return true }
