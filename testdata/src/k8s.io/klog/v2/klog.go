// Package klog is a stub of k8s.io/klog/v2 for analysistest: the real
// exported signatures of the logging API, with trivial bodies.
package klog

import (
	"flag"
	"io"
)

// Level specifies a level of verbosity for V logs.
type Level int32

// Verbose is a boolean type that implements Infof (like Printf) etc.
type Verbose struct {
	enabled bool
}

// InitFlags is for explicitly initializing the flags.
func InitFlags(flagset *flag.FlagSet) {}

// Flush flushes all pending log I/O.
func Flush() {}

// SetOutput sets the output destination for all severities.
func SetOutput(w io.Writer) {}

// LogToStderr sets whether to log exclusively to stderr.
func LogToStderr(stderr bool) {}

// V reports whether verbosity at the call site is at least the requested level.
func V(level Level) Verbose { return Verbose{enabled: level <= 0} }

// VDepth is a variant of V that accepts a number of stack frames to skip.
func VDepth(depth int, level Level) Verbose { return V(level) }

func (v Verbose) Enabled() bool                                              { return v.enabled }
func (v Verbose) Info(args ...interface{})                                   {}
func (v Verbose) InfoDepth(depth int, args ...interface{})                   {}
func (v Verbose) Infoln(args ...interface{})                                 {}
func (v Verbose) Infof(format string, args ...interface{})                   {}
func (v Verbose) InfoS(msg string, keysAndValues ...interface{})             {}
func (v Verbose) Error(err error, msg string, args ...interface{})           {}
func (v Verbose) ErrorS(err error, msg string, keysAndValues ...interface{}) {}

func Info(args ...interface{})                                       {}
func InfoDepth(depth int, args ...interface{})                       {}
func Infoln(args ...interface{})                                     {}
func Infof(format string, args ...interface{})                       {}
func InfoS(msg string, keysAndValues ...interface{})                 {}
func InfoSDepth(depth int, msg string, keysAndValues ...interface{}) {}
func Warning(args ...interface{})                                    {}
func WarningDepth(depth int, args ...interface{})                    {}
func Warningln(args ...interface{})                                  {}
func Warningf(format string, args ...interface{})                    {}
func Error(args ...interface{})                                      {}
func ErrorDepth(depth int, args ...interface{})                      {}
func Errorln(args ...interface{})                                    {}
func Errorf(format string, args ...interface{})                      {}
func ErrorS(err error, msg string, keysAndValues ...interface{})     {}
func ErrorSDepth(depth int, err error, msg string, keysAndValues ...interface{}) {
}
func Fatal(args ...interface{})                 {}
func FatalDepth(depth int, args ...interface{}) {}
func Fatalln(args ...interface{})               {}
func Fatalf(format string, args ...interface{}) {}
func Exit(args ...interface{})                  {}
func Exitln(args ...interface{})                {}
func Exitf(format string, args ...interface{})  {}
