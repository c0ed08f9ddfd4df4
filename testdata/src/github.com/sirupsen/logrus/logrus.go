// Package logrus is a stub of github.com/sirupsen/logrus for analysistest:
// the real exported signatures of the logging API, with trivial bodies.
package logrus

import (
	"context"
	"io"
	"os"
	"time"
)

// Fields type, used to pass to WithFields.
type Fields map[string]any

// Level type.
type Level uint32

// Logging levels.
const (
	PanicLevel Level = iota
	FatalLevel
	ErrorLevel
	WarnLevel
	InfoLevel
	DebugLevel
	TraceLevel
)

// Formatter formats an entry.
type Formatter interface {
	Format(*Entry) ([]byte, error)
}

// Hook is fired when logging on the levels it returns.
type Hook interface {
	Levels() []Level
	Fire(*Entry) error
}

// StdLogger is what your logrus-enabled library should take.
type StdLogger interface {
	Print(...any)
	Printf(string, ...any)
	Println(...any)
	Fatal(...any)
	Fatalf(string, ...any)
	Fatalln(...any)
	Panic(...any)
	Panicf(string, ...any)
	Panicln(...any)
}

// FieldLogger generalizes the Entry and Logger types (reduced).
type FieldLogger interface {
	WithField(key string, value any) *Entry
	WithFields(fields Fields) *Entry
	WithError(err error) *Entry
	StdLogger
	Debug(args ...any)
	Debugf(format string, args ...any)
	Info(args ...any)
	Infof(format string, args ...any)
	Warn(args ...any)
	Warnf(format string, args ...any)
	Error(args ...any)
	Errorf(format string, args ...any)
}

// Logger is the logger.
type Logger struct {
	Out          io.Writer
	Formatter    Formatter
	ReportCaller bool
	Level        Level
	ExitFunc     func(int)
}

// Entry is the final or intermediate Logrus logging entry.
type Entry struct {
	Logger  *Logger
	Data    Fields
	Time    time.Time
	Level   Level
	Message string
	Context context.Context
}

var std = New()

// New creates a new logger.
func New() *Logger { return &Logger{Out: os.Stderr, Level: InfoLevel, ExitFunc: os.Exit} }

// StandardLogger returns the standard logger.
func StandardLogger() *Logger { return std }

// NewEntry returns a new entry for the logger.
func NewEntry(logger *Logger) *Entry { return &Entry{Logger: logger, Data: Fields{}} }

func SetOutput(out io.Writer)                {}
func SetFormatter(formatter Formatter)       {}
func SetReportCaller(include bool)           {}
func SetLevel(level Level)                   {}
func GetLevel() Level                        { return std.Level }
func AddHook(hook Hook)                      {}
func WithError(err error) *Entry             { return std.WithError(err) }
func WithContext(ctx context.Context) *Entry { return std.WithContext(ctx) }
func WithField(key string, value any) *Entry { return std.WithField(key, value) }
func WithFields(fields Fields) *Entry        { return std.WithFields(fields) }
func WithTime(t time.Time) *Entry            { return std.WithTime(t) }

func Trace(args ...any)                   {}
func Debug(args ...any)                   {}
func Print(args ...any)                   {}
func Info(args ...any)                    {}
func Warn(args ...any)                    {}
func Warning(args ...any)                 {}
func Error(args ...any)                   {}
func Panic(args ...any)                   {}
func Fatal(args ...any)                   {}
func Tracef(format string, args ...any)   {}
func Debugf(format string, args ...any)   {}
func Printf(format string, args ...any)   {}
func Infof(format string, args ...any)    {}
func Warnf(format string, args ...any)    {}
func Warningf(format string, args ...any) {}
func Errorf(format string, args ...any)   {}
func Panicf(format string, args ...any)   {}
func Fatalf(format string, args ...any)   {}
func Traceln(args ...any)                 {}
func Debugln(args ...any)                 {}
func Println(args ...any)                 {}
func Infoln(args ...any)                  {}
func Warnln(args ...any)                  {}
func Warningln(args ...any)               {}
func Errorln(args ...any)                 {}
func Panicln(args ...any)                 {}
func Fatalln(args ...any)                 {}

func (logger *Logger) WithField(key string, value any) *Entry {
	return NewEntry(logger).WithField(key, value)
}
func (logger *Logger) WithFields(fields Fields) *Entry { return NewEntry(logger).WithFields(fields) }
func (logger *Logger) WithError(err error) *Entry      { return NewEntry(logger).WithError(err) }
func (logger *Logger) WithContext(ctx context.Context) *Entry {
	return NewEntry(logger).WithContext(ctx)
}
func (logger *Logger) WithTime(t time.Time) *Entry { return NewEntry(logger).WithTime(t) }

func (logger *Logger) Logf(level Level, format string, args ...any) {}
func (logger *Logger) Tracef(format string, args ...any)            {}
func (logger *Logger) Debugf(format string, args ...any)            {}
func (logger *Logger) Infof(format string, args ...any)             {}
func (logger *Logger) Printf(format string, args ...any)            {}
func (logger *Logger) Warnf(format string, args ...any)             {}
func (logger *Logger) Warningf(format string, args ...any)          {}
func (logger *Logger) Errorf(format string, args ...any)            {}
func (logger *Logger) Fatalf(format string, args ...any)            {}
func (logger *Logger) Panicf(format string, args ...any)            {}
func (logger *Logger) Log(level Level, args ...any)                 {}
func (logger *Logger) Trace(args ...any)                            {}
func (logger *Logger) Debug(args ...any)                            {}
func (logger *Logger) Info(args ...any)                             {}
func (logger *Logger) Print(args ...any)                            {}
func (logger *Logger) Warn(args ...any)                             {}
func (logger *Logger) Warning(args ...any)                          {}
func (logger *Logger) Error(args ...any)                            {}
func (logger *Logger) Fatal(args ...any)                            {}
func (logger *Logger) Panic(args ...any)                            {}
func (logger *Logger) Logln(level Level, args ...any)               {}
func (logger *Logger) Traceln(args ...any)                          {}
func (logger *Logger) Debugln(args ...any)                          {}
func (logger *Logger) Infoln(args ...any)                           {}
func (logger *Logger) Println(args ...any)                          {}
func (logger *Logger) Warnln(args ...any)                           {}
func (logger *Logger) Warningln(args ...any)                        {}
func (logger *Logger) Errorln(args ...any)                          {}
func (logger *Logger) Fatalln(args ...any)                          {}
func (logger *Logger) Panicln(args ...any)                          {}
func (logger *Logger) Exit(code int)                                {}
func (logger *Logger) SetLevel(level Level)                         { logger.Level = level }
func (logger *Logger) GetLevel() Level                              { return logger.Level }
func (logger *Logger) AddHook(hook Hook)                            {}
func (logger *Logger) IsLevelEnabled(level Level) bool              { return logger.Level >= level }
func (logger *Logger) SetFormatter(formatter Formatter)             { logger.Formatter = formatter }
func (logger *Logger) SetOutput(output io.Writer)                   { logger.Out = output }
func (logger *Logger) SetReportCaller(reportCaller bool)            {}

func (entry *Entry) Dup() *Entry                { return entry }
func (entry *Entry) Bytes() ([]byte, error)     { return nil, nil }
func (entry *Entry) String() (string, error)    { return "", nil }
func (entry *Entry) WithError(err error) *Entry { return entry.WithField("error", err) }
func (entry *Entry) WithContext(ctx context.Context) *Entry {
	entry.Context = ctx
	return entry
}
func (entry *Entry) WithField(key string, value any) *Entry {
	return entry.WithFields(Fields{key: value})
}
func (entry *Entry) WithFields(fields Fields) *Entry {
	for k, v := range fields {
		entry.Data[k] = v
	}
	return entry
}
func (entry *Entry) WithTime(t time.Time) *Entry { return entry }

func (entry *Entry) Log(level Level, args ...any)                 {}
func (entry *Entry) Trace(args ...any)                            {}
func (entry *Entry) Debug(args ...any)                            {}
func (entry *Entry) Print(args ...any)                            {}
func (entry *Entry) Info(args ...any)                             {}
func (entry *Entry) Warn(args ...any)                             {}
func (entry *Entry) Warning(args ...any)                          {}
func (entry *Entry) Error(args ...any)                            {}
func (entry *Entry) Fatal(args ...any)                            {}
func (entry *Entry) Panic(args ...any)                            {}
func (entry *Entry) Logf(level Level, format string, args ...any) {}
func (entry *Entry) Tracef(format string, args ...any)            {}
func (entry *Entry) Debugf(format string, args ...any)            {}
func (entry *Entry) Infof(format string, args ...any)             {}
func (entry *Entry) Printf(format string, args ...any)            {}
func (entry *Entry) Warnf(format string, args ...any)             {}
func (entry *Entry) Warningf(format string, args ...any)          {}
func (entry *Entry) Errorf(format string, args ...any)            {}
func (entry *Entry) Fatalf(format string, args ...any)            {}
func (entry *Entry) Panicf(format string, args ...any)            {}
func (entry *Entry) Logln(level Level, args ...any)               {}
func (entry *Entry) Traceln(args ...any)                          {}
func (entry *Entry) Debugln(args ...any)                          {}
func (entry *Entry) Infoln(args ...any)                           {}
func (entry *Entry) Println(args ...any)                          {}
func (entry *Entry) Warnln(args ...any)                           {}
func (entry *Entry) Warningln(args ...any)                        {}
func (entry *Entry) Errorln(args ...any)                          {}
func (entry *Entry) Fatalln(args ...any)                          {}
func (entry *Entry) Panicln(args ...any)                          {}
