// Package xorm is a stub of xorm.io/xorm for the tests: its errors, like
// the real ones, name the bean's type and the SQL, never the row.
package xorm

import (
	"fmt"
	"reflect"
)

type Engine struct{}

func (e *Engine) ID(id any) *Session { return &Session{} }

type Session struct{ row []string }

// Get fills bean by reflection, as the real one does; its error names
// what it was given (the real one says "needs a pointer, got %T" and the
// like), which the engine cannot tell from quoting the value.
func (s *Session) Get(bean any) (bool, error) {
	v := reflect.ValueOf(bean)
	if v.Kind() != reflect.Pointer {
		return false, fmt.Errorf("cannot get into %v", bean)
	}
	for i, col := range s.row {
		v.Elem().Field(i).SetString(col)
	}
	return true, nil
}
