// Package hclog is a stub of github.com/hashicorp/go-hclog for analysistest:
// the real exported signatures of the logging API, with trivial bodies.
package hclog

import (
	"io"
	"log"
	"os"
	"time"
)

// Level represents a log level.
type Level int32

// Log levels.
const (
	NoLevel Level = 0
	Trace   Level = 1
	Debug   Level = 2
	Info    Level = 3
	Warn    Level = 4
	Error   Level = 5
	Off     Level = 6
)

// Format is a simple convenience type for when formatting is required.
type Format []any

// Fmt returns a Format type.
func Fmt(str string, args ...any) Format { return append(Format{str}, args...) }

// ColorOption expresses how the output should be colored, if at all.
type ColorOption uint8

// TimeFunction is a function that returns the current time.
type TimeFunction = func() time.Time

// Locker is used for locking output.
type Locker interface {
	Lock()
	Unlock()
}

// StandardLoggerOptions can be used to configure a new standard logger.
type StandardLoggerOptions struct {
	InferLevels              bool
	InferLevelsWithTimestamp bool
	ForceLevel               Level
}

// LoggerOptions can be used to configure a new logger.
type LoggerOptions struct {
	Name            string
	Level           Level
	Output          io.Writer
	Mutex           Locker
	JSONFormat      bool
	IncludeLocation bool
	TimeFormat      string
	TimeFn          TimeFunction
	DisableTime     bool
	Color           ColorOption
	Exclude         func(level Level, msg string, args ...any) bool
}

// Logger describes the interface that must be implemented by all loggers.
type Logger interface {
	Log(level Level, msg string, args ...any)
	Trace(msg string, args ...any)
	Debug(msg string, args ...any)
	Info(msg string, args ...any)
	Warn(msg string, args ...any)
	Error(msg string, args ...any)
	IsTrace() bool
	IsDebug() bool
	IsInfo() bool
	IsWarn() bool
	IsError() bool
	ImpliedArgs() []any
	With(args ...any) Logger
	Name() string
	Named(name string) Logger
	ResetNamed(name string) Logger
	SetLevel(level Level)
	GetLevel() Level
	StandardLogger(opts *StandardLoggerOptions) *log.Logger
	StandardWriter(opts *StandardLoggerOptions) io.Writer
}

type intLogger struct {
	name  string
	level Level
	out   io.Writer
	args  []any
}

// New returns a configured logger.
func New(opts *LoggerOptions) Logger {
	if opts == nil {
		opts = &LoggerOptions{}
	}
	out := opts.Output
	if out == nil {
		out = os.Stderr
	}
	return &intLogger{name: opts.Name, level: opts.Level, out: out}
}

// NewNullLogger instantiates a Logger for which all calls will succeed without
// doing anything.
func NewNullLogger() Logger { return &intLogger{level: Off} }

var defaultLogger Logger = New(nil)

// Default returns a globally held logger.
func Default() Logger { return defaultLogger }

// L is a short alias for Default().
func L() Logger { return Default() }

// SetDefault changes the logger returned by Default and L.
func SetDefault(log Logger) Logger {
	old := defaultLogger
	defaultLogger = log
	return old
}

func (l *intLogger) Log(level Level, msg string, args ...any) {}
func (l *intLogger) Trace(msg string, args ...any)            {}
func (l *intLogger) Debug(msg string, args ...any)            {}
func (l *intLogger) Info(msg string, args ...any)             {}
func (l *intLogger) Warn(msg string, args ...any)             {}
func (l *intLogger) Error(msg string, args ...any)            {}
func (l *intLogger) IsTrace() bool                            { return l.level <= Trace }
func (l *intLogger) IsDebug() bool                            { return l.level <= Debug }
func (l *intLogger) IsInfo() bool                             { return l.level <= Info }
func (l *intLogger) IsWarn() bool                             { return l.level <= Warn }
func (l *intLogger) IsError() bool                            { return l.level <= Error }
func (l *intLogger) ImpliedArgs() []any                       { return l.args }
func (l *intLogger) With(args ...any) Logger {
	c := *l
	c.args = append(append([]any(nil), l.args...), args...)
	return &c
}
func (l *intLogger) Name() string { return l.name }
func (l *intLogger) Named(name string) Logger {
	c := *l
	c.name = l.name + "." + name
	return &c
}
func (l *intLogger) ResetNamed(name string) Logger {
	c := *l
	c.name = name
	return &c
}
func (l *intLogger) SetLevel(level Level) { l.level = level }
func (l *intLogger) GetLevel() Level      { return l.level }
func (l *intLogger) StandardLogger(opts *StandardLoggerOptions) *log.Logger {
	return log.New(l.out, "", 0)
}
func (l *intLogger) StandardWriter(opts *StandardLoggerOptions) io.Writer { return l.out }
