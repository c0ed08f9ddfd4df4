// Package zapcore is a stub of go.uber.org/zap/zapcore for analysistest:
// the exported API that go.uber.org/zap needs, with trivial bodies.
package zapcore

import "time"

// Level is a logging priority.
type Level int8

// Logging levels.
const (
	DebugLevel Level = iota - 1
	InfoLevel
	WarnLevel
	ErrorLevel
	DPanicLevel
	PanicLevel
	FatalLevel
)

// FieldType indicates which member of the Field union struct should be used.
type FieldType uint8

// Field types.
const (
	UnknownType FieldType = iota
	ArrayMarshalerType
	ObjectMarshalerType
	BinaryType
	BoolType
	ByteStringType
	Complex128Type
	Complex64Type
	DurationType
	Float64Type
	Float32Type
	Int64Type
	Int32Type
	Int16Type
	Int8Type
	StringType
	TimeType
	TimeFullType
	Uint64Type
	Uint32Type
	Uint16Type
	Uint8Type
	UintptrType
	ReflectType
	NamespaceType
	StringerType
	ErrorType
	SkipType
	InlineMarshalerType
)

// Field is a marshaling operation used to add a key-value pair to a logger's context.
type Field struct {
	Key       string
	Type      FieldType
	Integer   int64
	String    string
	Interface interface{}
}

// AddTo exports a field through the ObjectEncoder interface.
func (f Field) AddTo(enc ObjectEncoder) {}

// Equals returns whether two fields are equal.
func (f Field) Equals(other Field) bool { return f == other }

// ObjectMarshaler allows user-defined types to efficiently add themselves to the logging context.
type ObjectMarshaler interface {
	MarshalLogObject(ObjectEncoder) error
}

// ObjectMarshalerFunc is a type adapter that turns a function into an ObjectMarshaler.
type ObjectMarshalerFunc func(ObjectEncoder) error

// MarshalLogObject calls the underlying function.
func (f ObjectMarshalerFunc) MarshalLogObject(enc ObjectEncoder) error { return f(enc) }

// ArrayMarshaler allows user-defined types to efficiently add themselves to the logging context.
type ArrayMarshaler interface {
	MarshalLogArray(ArrayEncoder) error
}

// ArrayMarshalerFunc is a type adapter that turns a function into an ArrayMarshaler.
type ArrayMarshalerFunc func(ArrayEncoder) error

// MarshalLogArray calls the underlying function.
func (f ArrayMarshalerFunc) MarshalLogArray(enc ArrayEncoder) error { return f(enc) }

// ObjectEncoder is a strongly-typed, encoding-agnostic interface for adding a
// map- or struct-like object to the logging context.
type ObjectEncoder interface {
	AddArray(key string, marshaler ArrayMarshaler) error
	AddObject(key string, marshaler ObjectMarshaler) error

	AddBinary(key string, value []byte)
	AddByteString(key string, value []byte)
	AddBool(key string, value bool)
	AddComplex128(key string, value complex128)
	AddComplex64(key string, value complex64)
	AddDuration(key string, value time.Duration)
	AddFloat64(key string, value float64)
	AddFloat32(key string, value float32)
	AddInt(key string, value int)
	AddInt64(key string, value int64)
	AddInt32(key string, value int32)
	AddInt16(key string, value int16)
	AddInt8(key string, value int8)
	AddString(key, value string)
	AddTime(key string, value time.Time)
	AddUint(key string, value uint)
	AddUint64(key string, value uint64)
	AddUint32(key string, value uint32)
	AddUint16(key string, value uint16)
	AddUint8(key string, value uint8)
	AddUintptr(key string, value uintptr)

	AddReflected(key string, value interface{}) error
	OpenNamespace(key string)
}

// ArrayEncoder is a strongly-typed, encoding-agnostic interface for adding
// array-like objects to the logging context (reduced to its primitive part).
type ArrayEncoder interface {
	AppendBool(bool)
	AppendByteString([]byte)
	AppendInt(int)
	AppendString(string)
	AppendReflected(value interface{}) error
	AppendObject(ObjectMarshaler) error
}

// Core is a minimal, fast logger interface (reduced).
type Core interface {
	Enabled(Level) bool
	With([]Field) Core
	Write(Entry, []Field) error
	Sync() error
}

// Entry represents a complete log message.
type Entry struct {
	Level      Level
	Time       time.Time
	LoggerName string
	Message    string
	Stack      string
}

// CheckedEntry is an Entry together with a collection of Cores that have
// already agreed to log it.
type CheckedEntry struct {
	Entry
}

// Write writes the entry to the stored Cores.
func (ce *CheckedEntry) Write(fields ...Field) {}
