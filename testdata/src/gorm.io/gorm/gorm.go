// Package gorm is a stub of gorm.io/gorm for tests.
package gorm

type DB struct{ Error error }

func (db *DB) Create(value interface{}) *DB                       { return db }
func (db *DB) Save(value interface{}) *DB                         { return db }
func (db *DB) Updates(values interface{}) *DB                     { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB   { return db }
