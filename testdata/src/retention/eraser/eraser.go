package eraser

import "database/sql"

// DeleteAccount removes a member's contact details and locations.
//
//privacy:erase user.contact user.location
func DeleteAccount(db *sql.DB, id int64) {
	db.Exec("DELETE FROM members WHERE id = $1", id)
}
