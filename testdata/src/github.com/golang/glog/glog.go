// Package glog is a stub of github.com/golang/glog for analysistest: the real
// exported signatures of the logging API, with trivial bodies.
package glog

import "context"

// Level specifies a level of verbosity for V logs.
type Level int32

// Verbose is a boolean type that implements Infof (like Printf) etc.
type Verbose bool

// V reports whether verbosity at the call site is at least the requested level.
func V(level Level) Verbose { return Verbose(level <= 0) }

// VDepth acts as V but uses depth to determine which call frame to check.
func VDepth(depth int, level Level) Verbose { return V(level) }

func (v Verbose) Info(args ...any)                             {}
func (v Verbose) InfoDepth(depth int, args ...any)             {}
func (v Verbose) Infoln(args ...any)                           {}
func (v Verbose) Infof(format string, args ...any)             {}
func (v Verbose) InfoContext(ctx context.Context, args ...any) {}
func (v Verbose) InfoContextf(ctx context.Context, format string, args ...any) {
}

// Flush flushes all pending log I/O.
func Flush() {}

func Info(args ...any)                                             {}
func InfoDepth(depth int, args ...any)                             {}
func Infoln(args ...any)                                           {}
func Infof(format string, args ...any)                             {}
func InfoContext(ctx context.Context, args ...any)                 {}
func InfoContextf(ctx context.Context, format string, args ...any) {}
func Warning(args ...any)                                          {}
func WarningDepth(depth int, args ...any)                          {}
func Warningln(args ...any)                                        {}
func Warningf(format string, args ...any)                          {}
func Error(args ...any)                                            {}
func ErrorDepth(depth int, args ...any)                            {}
func Errorln(args ...any)                                          {}
func Errorf(format string, args ...any)                            {}
func ErrorContext(ctx context.Context, args ...any)                {}
func Fatal(args ...any)                                            {}
func FatalDepth(depth int, args ...any)                            {}
func Fatalln(args ...any)                                          {}
func Fatalf(format string, args ...any)                            {}
func Exit(args ...any)                                             {}
func ExitDepth(depth int, args ...any)                             {}
func Exitln(args ...any)                                           {}
func Exitf(format string, args ...any)                             {}
