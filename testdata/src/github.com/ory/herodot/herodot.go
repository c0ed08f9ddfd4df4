// Package herodot is a stub of github.com/ory/herodot's error type: its
// With*f methods format like fmt.Sprintf.
package herodot

import "fmt"

type DefaultError struct {
	ReasonField  string
	DebugField   string
	ErrorField   string
	DetailsField map[string]interface{}
}

func (e *DefaultError) Error() string { return e.ErrorField }

func (e DefaultError) copy() *DefaultError { return &e }

func (e *DefaultError) WithReasonf(reason string, args ...interface{}) *DefaultError {
	c := e.copy()
	c.ReasonField = fmt.Sprintf(reason, args...)
	return c
}

func (e *DefaultError) WithErrorf(message string, args ...interface{}) *DefaultError {
	c := e.copy()
	c.ErrorField = fmt.Sprintf(message, args...)
	return c
}

func (e *DefaultError) WithDebugf(debug string, args ...interface{}) *DefaultError {
	c := e.copy()
	c.DebugField = fmt.Sprintf(debug, args...)
	return c
}

func (e *DefaultError) WithDetailf(key string, message string, args ...interface{}) *DefaultError {
	c := e.copy()
	c.DetailsField = map[string]interface{}{key: fmt.Sprintf(message, args...)}
	return c
}

var ErrInternalServerError = DefaultError{ErrorField: "internal server error"}
