// Package errors is a stub of github.com/cockroachdb/errors for the
// tests: its As and Cause mirror the standard library's and pkg/errors'.
package errors

import stderrors "errors"

func As(err error, target any) bool { return stderrors.As(err, target) }

func Cause(err error) error {
	for {
		u := stderrors.Unwrap(err)
		if u == nil {
			return err
		}
		err = u
	}
}
