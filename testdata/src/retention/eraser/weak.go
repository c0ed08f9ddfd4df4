package eraser

import (
	"database/sql"
	"log"
)

// ForgetDevice claims to erase device data but only logs.
//
//privacy:erase user.device
func ForgetDevice(db *sql.DB, id int64) { // want `erase function ForgetDevice declares user.device but never reaches a delete`
	log.Printf("forgetting device %d", id)
}

// ForgetVisits erases through a helper.
//
//privacy:erase user.behavior
func ForgetVisits(db *sql.DB, id int64) {
	purge(db, "visits", id)
}

func purge(db *sql.DB, table string, id int64) {
	db.Exec("DELETE FROM visits WHERE user_id = $1", id)
}
