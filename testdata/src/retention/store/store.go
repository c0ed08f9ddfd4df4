package store

import "database/sql"

type Member struct {
	ID    int64
	Email string  `privacy:"user.contact.email"`
	Lat   float64 `privacy:"user.location.precise"`
}

func Save(db *sql.DB, m *Member) {
	db.Exec("INSERT INTO members VALUES ($1, $2, $3)", m.ID, m.Email, m.Lat)
}
