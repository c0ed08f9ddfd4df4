package children

import (
	"database/sql"
	"fmt"
	"log/slog"
)

type Student struct {
	ID    int64
	Name  string `privacy:"user.childrens"`
	Grade int
}

func enrol(db *sql.DB, s *Student) {
	db.Exec("INSERT INTO students (id, name) VALUES ($1, $2)", s.ID, s.Name) // want `user.childrens \(Student.Name\) reaches store sink sql.DB.Exec; the statement says it is not collected at all`
	db.Exec("INSERT INTO grades (id, grade) VALUES ($1, $2)", s.ID, s.Grade)
	slog.Info("enrolled", "student", s.ID)
	fmt.Println(len(s.Name) > 0)
}
