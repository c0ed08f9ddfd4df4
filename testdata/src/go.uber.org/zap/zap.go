// Package zap is a stub of go.uber.org/zap for analysistest: the real
// exported signatures of the logging API, with trivial bodies.
package zap

import (
	"fmt"
	"time"

	"go.uber.org/zap/zapcore"
)

// Field is an alias for zapcore.Field.
type Field = zapcore.Field

// Option configures a Logger.
type Option interface {
	apply(*Logger)
}

// Logger provides fast, leveled, structured logging.
type Logger struct {
	core zapcore.Core
	name string
}

// New constructs a new Logger from the provided zapcore.Core and Options.
func New(core zapcore.Core, options ...Option) *Logger { return &Logger{core: core} }

// NewNop returns a no-op Logger.
func NewNop() *Logger { return &Logger{} }

// NewProduction builds a sensible production Logger.
func NewProduction(options ...Option) (*Logger, error) { return &Logger{}, nil }

// NewDevelopment builds a development Logger.
func NewDevelopment(options ...Option) (*Logger, error) { return &Logger{}, nil }

// NewExample builds a Logger that's designed for use in zap's testable examples.
func NewExample(options ...Option) *Logger { return &Logger{} }

// Must is a helper that wraps a call to a function returning (*Logger, error).
func Must(logger *Logger, err error) *Logger {
	if err != nil {
		panic(err)
	}
	return logger
}

// L returns the global Logger.
func L() *Logger { return &Logger{} }

// S returns the global SugaredLogger.
func S() *SugaredLogger { return &SugaredLogger{base: &Logger{}} }

// ReplaceGlobals replaces the global Logger and SugaredLogger.
func ReplaceGlobals(logger *Logger) func() { return func() {} }

func (log *Logger) Sugar() *SugaredLogger                                     { return &SugaredLogger{base: log} }
func (log *Logger) Named(s string) *Logger                                    { return log }
func (log *Logger) WithOptions(opts ...Option) *Logger                        { return log }
func (log *Logger) With(fields ...Field) *Logger                              { return log }
func (log *Logger) WithLazy(fields ...Field) *Logger                          { return log }
func (log *Logger) Level() zapcore.Level                                      { return zapcore.InfoLevel }
func (log *Logger) Check(lvl zapcore.Level, msg string) *zapcore.CheckedEntry { return nil }
func (log *Logger) Log(lvl zapcore.Level, msg string, fields ...Field)        {}
func (log *Logger) Debug(msg string, fields ...Field)                         {}
func (log *Logger) Info(msg string, fields ...Field)                          {}
func (log *Logger) Warn(msg string, fields ...Field)                          {}
func (log *Logger) Error(msg string, fields ...Field)                         {}
func (log *Logger) DPanic(msg string, fields ...Field)                        {}
func (log *Logger) Panic(msg string, fields ...Field)                         {}
func (log *Logger) Fatal(msg string, fields ...Field)                         {}
func (log *Logger) Sync() error                                               { return nil }
func (log *Logger) Core() zapcore.Core                                        { return log.core }
func (log *Logger) Name() string                                              { return log.name }

// SugaredLogger wraps the base Logger functionality in a slower, but less
// verbose, API.
type SugaredLogger struct {
	base *Logger
}

func (s *SugaredLogger) Desugar() *Logger                          { return s.base }
func (s *SugaredLogger) Named(name string) *SugaredLogger          { return s }
func (s *SugaredLogger) WithOptions(opts ...Option) *SugaredLogger { return s }
func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger   { return s }
func (s *SugaredLogger) WithLazy(args ...interface{}) *SugaredLogger {
	return s
}
func (s *SugaredLogger) Level() zapcore.Level                       { return zapcore.InfoLevel }
func (s *SugaredLogger) Log(lvl zapcore.Level, args ...interface{}) {}
func (s *SugaredLogger) Debug(args ...interface{})                  {}
func (s *SugaredLogger) Info(args ...interface{})                   {}
func (s *SugaredLogger) Warn(args ...interface{})                   {}
func (s *SugaredLogger) Error(args ...interface{})                  {}
func (s *SugaredLogger) DPanic(args ...interface{})                 {}
func (s *SugaredLogger) Panic(args ...interface{})                  {}
func (s *SugaredLogger) Fatal(args ...interface{})                  {}
func (s *SugaredLogger) Logf(lvl zapcore.Level, template string, args ...interface{}) {
}
func (s *SugaredLogger) Debugf(template string, args ...interface{})  {}
func (s *SugaredLogger) Infof(template string, args ...interface{})   {}
func (s *SugaredLogger) Warnf(template string, args ...interface{})   {}
func (s *SugaredLogger) Errorf(template string, args ...interface{})  {}
func (s *SugaredLogger) DPanicf(template string, args ...interface{}) {}
func (s *SugaredLogger) Panicf(template string, args ...interface{})  {}
func (s *SugaredLogger) Fatalf(template string, args ...interface{})  {}
func (s *SugaredLogger) Logw(lvl zapcore.Level, msg string, keysAndValues ...interface{}) {
}
func (s *SugaredLogger) Debugw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})   {}
func (s *SugaredLogger) Warnw(msg string, keysAndValues ...interface{})   {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) DPanicw(msg string, keysAndValues ...interface{}) {}
func (s *SugaredLogger) Panicw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Fatalw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Logln(lvl zapcore.Level, args ...interface{})     {}
func (s *SugaredLogger) Debugln(args ...interface{})                      {}
func (s *SugaredLogger) Infoln(args ...interface{})                       {}
func (s *SugaredLogger) Warnln(args ...interface{})                       {}
func (s *SugaredLogger) Errorln(args ...interface{})                      {}
func (s *SugaredLogger) DPanicln(args ...interface{})                     {}
func (s *SugaredLogger) Panicln(args ...interface{})                      {}
func (s *SugaredLogger) Fatalln(args ...interface{})                      {}
func (s *SugaredLogger) Sync() error                                      { return nil }

// Field constructors.

func Skip() Field { return Field{Type: zapcore.SkipType} }
func Binary(key string, val []byte) Field {
	return Field{Key: key, Type: zapcore.BinaryType, Interface: val}
}
func Bool(key string, val bool) Field { return Field{Key: key, Type: zapcore.BoolType} }
func ByteString(key string, val []byte) Field {
	return Field{Key: key, Type: zapcore.ByteStringType, Interface: val}
}
func Float64(key string, val float64) Field { return Field{Key: key, Type: zapcore.Float64Type} }
func Int(key string, val int) Field         { return Int64(key, int64(val)) }
func Int64(key string, val int64) Field {
	return Field{Key: key, Type: zapcore.Int64Type, Integer: val}
}
func Int32(key string, val int32) Field {
	return Field{Key: key, Type: zapcore.Int32Type, Integer: int64(val)}
}
func Uint(key string, val uint) Field { return Uint64(key, uint64(val)) }
func Uint64(key string, val uint64) Field {
	return Field{Key: key, Type: zapcore.Uint64Type, Integer: int64(val)}
}
func String(key string, val string) Field {
	return Field{Key: key, Type: zapcore.StringType, String: val}
}
func Stringp(key string, val *string) Field {
	return Field{Key: key, Type: zapcore.StringType, Interface: val}
}
func Reflect(key string, val interface{}) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: val}
}
func Namespace(key string) Field { return Field{Key: key, Type: zapcore.NamespaceType} }
func Stringer(key string, val fmt.Stringer) Field {
	return Field{Key: key, Type: zapcore.StringerType, Interface: val}
}
func Time(key string, val time.Time) Field {
	return Field{Key: key, Type: zapcore.TimeType, Interface: val}
}
func Duration(key string, val time.Duration) Field {
	return Field{Key: key, Type: zapcore.DurationType, Integer: int64(val)}
}
func Stack(key string) Field { return Field{Key: key, Type: zapcore.StringType} }
func Object(key string, val zapcore.ObjectMarshaler) Field {
	return Field{Key: key, Type: zapcore.ObjectMarshalerType, Interface: val}
}
func Inline(val zapcore.ObjectMarshaler) Field {
	return Field{Type: zapcore.InlineMarshalerType, Interface: val}
}
func Dict(key string, val ...Field) Field {
	return Field{Key: key, Type: zapcore.ObjectMarshalerType, Interface: val}
}
func Any(key string, value interface{}) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: value}
}
func Strings(key string, ss []string) Field {
	return Field{Key: key, Type: zapcore.ArrayMarshalerType, Interface: ss}
}
func Ints(key string, nums []int) Field {
	return Field{Key: key, Type: zapcore.ArrayMarshalerType, Interface: nums}
}
func Errors(key string, errs []error) Field {
	return Field{Key: key, Type: zapcore.ArrayMarshalerType, Interface: errs}
}
func Error(err error) Field { return NamedError("error", err) }
func NamedError(key string, err error) Field {
	return Field{Key: key, Type: zapcore.ErrorType, Interface: err}
}
