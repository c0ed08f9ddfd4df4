// Package zerolog is a stub of github.com/rs/zerolog for analysistest: the
// real exported signatures of the logging API, with trivial bodies.
package zerolog

import (
	"context"
	"fmt"
	"io"
	"net"
	"time"
)

// Level defines log levels.
type Level int8

// Log levels.
const (
	DebugLevel Level = iota
	InfoLevel
	WarnLevel
	ErrorLevel
	FatalLevel
	PanicLevel
	NoLevel
	Disabled

	TraceLevel Level = -1
)

// LogObjectMarshaler provides a strongly-typed and encoding-agnostic interface
// to be implemented by types used with Event/Context's Object methods.
type LogObjectMarshaler interface {
	MarshalZerologObject(e *Event)
}

// Hook defines an interface to a log hook.
type Hook interface {
	Run(e *Event, level Level, message string)
}

// Logger represents an active logging object that generates lines of JSON
// output to an io.Writer.
type Logger struct {
	w     io.Writer
	level Level
}

// New creates a root logger with given output writer.
func New(w io.Writer) Logger { return Logger{w: w} }

// Nop returns a disabled logger for which all operation are no-op.
func Nop() Logger { return New(nil).Level(Disabled) }

func (l Logger) Output(w io.Writer) Logger { l.w = w; return l }
func (l Logger) With() Context             { return Context{l: l} }
func (l *Logger) UpdateContext(update func(c Context) Context) {
}
func (l Logger) Level(lvl Level) Logger        { l.level = lvl; return l }
func (l Logger) GetLevel() Level               { return l.level }
func (l Logger) Hook(hooks ...Hook) Logger     { return l }
func (l *Logger) Trace() *Event                { return &Event{} }
func (l *Logger) Debug() *Event                { return &Event{} }
func (l *Logger) Info() *Event                 { return &Event{} }
func (l *Logger) Warn() *Event                 { return &Event{} }
func (l *Logger) Error() *Event                { return &Event{} }
func (l *Logger) Err(err error) *Event         { return &Event{} }
func (l *Logger) Fatal() *Event                { return &Event{} }
func (l *Logger) Panic() *Event                { return &Event{} }
func (l *Logger) WithLevel(level Level) *Event { return &Event{} }
func (l *Logger) Log() *Event                  { return &Event{} }
func (l *Logger) Print(v ...interface{})       {}
func (l *Logger) Printf(format string, v ...interface{}) {
	_ = fmt.Sprintf(format, v...)
}
func (l *Logger) Println(v ...interface{})         {}
func (l Logger) Write(p []byte) (n int, err error) { return len(p), nil }

// Event represents a log event. It is instanced by one of the level methods of
// Logger and finalized by the Msg or Msgf method.
type Event struct {
	buf []byte
}

func (e *Event) Enabled() bool                                    { return e != nil }
func (e *Event) Discard() *Event                                  { return nil }
func (e *Event) Msg(msg string)                                   {}
func (e *Event) Send()                                            {}
func (e *Event) Msgf(format string, v ...interface{})             { _ = fmt.Sprintf(format, v...) }
func (e *Event) MsgFunc(createMsg func() string)                  {}
func (e *Event) Fields(fields interface{}) *Event                 { return e }
func (e *Event) Dict(key string, dict *Event) *Event              { return e }
func (e *Event) Object(key string, obj LogObjectMarshaler) *Event { return e }
func (e *Event) EmbedObject(obj LogObjectMarshaler) *Event        { return e }
func (e *Event) Func(f func(e *Event)) *Event                     { return e }
func (e *Event) Str(key, val string) *Event                       { return e }
func (e *Event) Strs(key string, vals []string) *Event            { return e }
func (e *Event) Stringer(key string, val fmt.Stringer) *Event     { return e }
func (e *Event) Bytes(key string, val []byte) *Event              { return e }
func (e *Event) Hex(key string, val []byte) *Event                { return e }
func (e *Event) RawJSON(key string, b []byte) *Event              { return e }
func (e *Event) AnErr(key string, err error) *Event               { return e }
func (e *Event) Errs(key string, errs []error) *Event             { return e }
func (e *Event) Err(err error) *Event                             { return e }
func (e *Event) Stack() *Event                                    { return e }
func (e *Event) Ctx(ctx context.Context) *Event                   { return e }
func (e *Event) Bool(key string, b bool) *Event                   { return e }
func (e *Event) Int(key string, i int) *Event                     { return e }
func (e *Event) Ints(key string, i []int) *Event                  { return e }
func (e *Event) Int64(key string, i int64) *Event                 { return e }
func (e *Event) Uint(key string, i uint) *Event                   { return e }
func (e *Event) Uint64(key string, i uint64) *Event               { return e }
func (e *Event) Float64(key string, f float64) *Event             { return e }
func (e *Event) Timestamp() *Event                                { return e }
func (e *Event) Time(key string, t time.Time) *Event              { return e }
func (e *Event) Dur(key string, d time.Duration) *Event           { return e }
func (e *Event) Any(key string, i interface{}) *Event             { return e.Interface(key, i) }
func (e *Event) Interface(key string, i interface{}) *Event       { return e }
func (e *Event) Type(key string, val interface{}) *Event          { return e }
func (e *Event) Caller(skip ...int) *Event                        { return e }
func (e *Event) IPAddr(key string, ip net.IP) *Event              { return e }
func (e *Event) MACAddr(key string, ha net.HardwareAddr) *Event   { return e }

// Context configures a new sub-logger with contextual fields.
type Context struct {
	l Logger
}

func (c Context) Logger() Logger                                    { return c.l }
func (c Context) Fields(fields interface{}) Context                 { return c }
func (c Context) Object(key string, obj LogObjectMarshaler) Context { return c }
func (c Context) Str(key, val string) Context                       { return c }
func (c Context) Strs(key string, vals []string) Context            { return c }
func (c Context) Stringer(key string, val fmt.Stringer) Context     { return c }
func (c Context) Bytes(key string, val []byte) Context              { return c }
func (c Context) AnErr(key string, err error) Context               { return c }
func (c Context) Err(err error) Context                             { return c }
func (c Context) Bool(key string, b bool) Context                   { return c }
func (c Context) Int(key string, i int) Context                     { return c }
func (c Context) Int64(key string, i int64) Context                 { return c }
func (c Context) Timestamp() Context                                { return c }
func (c Context) Time(key string, t time.Time) Context              { return c }
func (c Context) Interface(key string, i interface{}) Context       { return c }
func (c Context) Any(key string, i interface{}) Context             { return c.Interface(key, i) }
func (c Context) Caller() Context                                   { return c }
func (c Context) IPAddr(key string, ip net.IP) Context              { return c }
func (c Context) MACAddr(key string, ha net.HardwareAddr) Context   { return c }

// SetGlobalLevel sets the global override for log level.
func SetGlobalLevel(l Level) {}

// GlobalLevel returns the current global log level.
func GlobalLevel() Level { return DebugLevel }
