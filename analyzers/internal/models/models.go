// Package models holds privacyvet's built-in knowledge of library
// functions: which are sinks (logs, outbound sends, storage, cookies),
// which clean data (hashes, password KDFs), and which carry data from
// their arguments to their results in ways the engine cannot see from
// their code (formatting, encoding, builder-style loggers).
//
// Models are data, keyed by the function's identity as go/types prints
// it, so that the table reads like the contract's policy entries and a
// user's policy can add to it with the same spelling.
package models

import (
	"strings"
)

// SinkKind is where data leaves the process.
type SinkKind string

// The sink kinds of CONTRACT §2.
const (
	Log        SinkKind = "log"
	ThirdParty SinkKind = "thirdparty"
	Store      SinkKind = "store"
	Cookie     SinkKind = "cookie"
)

// Sink describes a sink function. Argument indexes count the receiver as
// argument 0 for methods (as go/ssa does for static method calls).
type Sink struct {
	Kind SinkKind
	// From is the first argument whose data leaves; a logger method with
	// From 0 includes its receiver, which carries fields added by With.
	From int
	// Writer, when >= 0, is the index of an io.Writer argument: the call
	// is a sink only when that argument is os.Stdout or os.Stderr, and
	// otherwise writes its data into the writer.
	Writer int
	// Dest says where an outbound sink's destination can be read.
	Dest []URLArg
	// Expiry, when > 0, is 1 + the index of the argument that sets how
	// long a store or cookie keeps the data; ExpiryForm says how to read
	// it: "redis" (a time.Duration, 0 = kept forever), "duration", or
	// "cookie" (an *http.Cookie's MaxAge and Expires).
	Expiry     int
	ExpiryForm string
	// Ignore lists field paths of the data that the sink does not send
	// (an http.Client ignores a request's RemoteAddr).
	Ignore []string
	// Args, when set, are the only arguments whose data leaves (a
	// policy sink's args:): a builder's Body(data) sends data, not the
	// builder it is called on.
	Args []int
}

// Model is what the engine knows of one function.
type Model struct {
	Sink *Sink
	// Sanitizer: the results carry none of SanitizeCats (all when empty).
	Sanitizer    bool
	SanitizeCats []string
	// Marshal: the result is the serialisation of argument MarshalArg;
	// struct fields tagged `json:"-"` (or `xml:"-"`, per Format) drop out.
	Marshal    string // "json" or "xml"
	MarshalArg int
	// WriteInto: the data of the other arguments flows into argument
	// WriteInto (a writer, buffer or encoder), -1 for none.
	WriteInto int
	// Propagate: every argument flows to every result (builder-style
	// APIs whose code copies data through unexported state).
	Propagate bool
	// Keep: the results are the arguments as they are, each field where
	// it was (slices.DeleteFunc returns the elements it was given);
	// function arguments (a predicate) give nothing.
	Keep bool
	// Format, when > 0, is 1 + the index of a printf-style format
	// argument; the arguments after it are its operands. Operands printed
	// only with %T or %p carry no data.
	Format int
}

// table is built once; it is read-only after init.
var table = build()

// Lookup returns the model of the function named as go/types prints it
// (types.Func.FullName of the generic origin), or nil.
func Lookup(name string) *Model { return table[name] }

// Chain reports whether methods of the named type that return the same
// type carry all their arguments to the result: zerolog's Event.Str,
// logrus's Entry.WithField, zap's Logger.With, slog's Logger.With.
func Chain(typeName string) bool { return chainTypes[typeName] }

var chainTypes = map[string]bool{
	"github.com/rs/zerolog.Event":                   true,
	"github.com/rs/zerolog.Context":                 true,
	"github.com/sirupsen/logrus.Entry":              true,
	"github.com/sirupsen/logrus.Logger":             true,
	"go.uber.org/zap.Logger":                        true,
	"go.uber.org/zap.SugaredLogger":                 true,
	"log/slog.Logger":                               true,
	"github.com/hashicorp/go-hclog.Logger":          true,
	"github.com/hashicorp/go-hclog.InterceptLogger": true,
}

// errorEchoes lists library functions whose error result quotes their
// input (strconv.Atoi: `parsing "123-45-6789": invalid syntax`). For
// every other function the engine does not summarise, data in the
// arguments is not assumed to reach the error result: most errors of
// databases, encoders and clients do not quote the values they were
// given, and assuming they do buries real findings under
// log.Printf("...: %v", err).
var errorEchoes = map[string]bool{}

func init() {
	for _, n := range []string{
		"strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint", "strconv.ParseFloat", "strconv.ParseBool",
		"strconv.ParseComplex", "strconv.Unquote", "strconv.UnquoteChar",
		"net/url.Parse", "net/url.ParseRequestURI", "net/url.ParseQuery", "net/url.PathUnescape", "net/url.QueryUnescape",
		"os.Open", "os.OpenFile", "os.Create", "os.ReadFile", "os.WriteFile", "os.Stat", "os.Lstat", "os.Remove",
		"os.RemoveAll", "os.Mkdir", "os.MkdirAll", "os.Rename", "os.Chdir", "os.ReadDir", "os.Symlink", "os.Link",
		"time.Parse", "time.ParseInLocation", "time.ParseDuration", "time.LoadLocation",
		"net.ParseCIDR", "net.ParseMAC", "net.ResolveTCPAddr", "net.ResolveUDPAddr", "net.ResolveIPAddr", "net.Dial",
		"net.DialTimeout", "net.LookupHost", "net.LookupIP", "net/netip.ParseAddr", "net/netip.ParseAddrPort", "net/netip.ParsePrefix",
		"regexp.Compile", "regexp.CompilePOSIX", "path/filepath.Abs", "path/filepath.Rel", "os/exec.LookPath",
		"net/http.NewRequest", "net/http.NewRequestWithContext", "net/http.Get", "net/http.Post", "net/http.Head",
		"net/http.PostForm", "(*net/http.Client).Get", "(*net/http.Client).Post", "(*net/http.Client).Do",
		"(*net/http.Client).Head", "(*net/http.Client).PostForm",
	} {
		errorEchoes[n] = true
	}
}

// cleanErrorPackages are libraries whose errors do not quote the values
// they were given (database drivers and ORMs: a unique violation names
// the constraint, not the row). Their code may show otherwise to the
// engine (fmt.Errorf("%v", dest) of a destination's type), so the model
// overrides their summaries for error results.
var cleanErrorPackages = []string{
	"database/sql", "github.com/jmoiron/sqlx", "github.com/lib/pq", "github.com/jackc/pgx",
	"gorm.io/gorm", "go.mongodb.org/mongo-driver", "github.com/redis/go-redis", "github.com/go-sql-driver/mysql",
	"github.com/mattn/go-sqlite3", "modernc.org/sqlite", "xorm.io/xorm", "xorm.io/builder", "github.com/go-xorm/xorm",
	// OTP keys: the one error that could quote the account name is
	// url.Parse of the otpauth URL the library has just built with
	// url.URL.String, which escapes what it holds, and so cannot fail.
	"github.com/pquerna/otp",
}

// CleanErrors reports whether errors of package path carry no argument data.
func CleanErrors(path string) bool {
	for _, p := range cleanErrorPackages {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// ErrorEchoes reports whether the named function's error result quotes
// its arguments.
func ErrorEchoes(name string) bool { return errorEchoes[name] }

// fieldResultTypes are the field types of logging libraries: a
// package-level function returning one (zap.String, zap.Any, slog.String)
// carries its arguments into the field.
var fieldResultTypes = map[string]bool{
	"go.uber.org/zap.Field":             true,
	"go.uber.org/zap/zapcore.Field":     true,
	"log/slog.Attr":                     true,
	"log/slog.Value":                    true,
	"github.com/sirupsen/logrus.Fields": true,
}

// FieldConstructor reports whether a function returning a value of the
// named type is a logging-field constructor that carries its arguments.
func FieldConstructor(resultType string) bool { return fieldResultTypes[resultType] }

func build() map[string]*Model {
	t := make(map[string]*Model)
	logSink := func(from int, names ...string) {
		for _, n := range names {
			t[n] = &Model{Sink: &Sink{Kind: Log, From: from, Writer: -1}, WriteInto: -1}
		}
	}
	each := func(format string, names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, strings.ReplaceAll(format, "%", n))
		}
		return out
	}
	printfs := []string{"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}

	// log
	logSink(0, each("log.%", printfs...)...)
	logSink(1, each("(*log.Logger).%", printfs...)...)
	logSink(2, "(*log.Logger).Output", "log.Output")

	// log/slog: the message and every key/value or Attr argument.
	logSink(0, each("log/slog.%", "Debug", "Info", "Warn", "Error")...)
	logSink(1, each("log/slog.%", "DebugContext", "InfoContext", "WarnContext", "ErrorContext")...)
	logSink(2, "log/slog.Log", "log/slog.LogAttrs")
	logSink(0, each("(*log/slog.Logger).%", "Debug", "Info", "Warn", "Error", "DebugContext", "InfoContext", "WarnContext", "ErrorContext", "Log", "LogAttrs")...)

	// fmt: printing to standard output is logging in a server.
	logSink(0, "fmt.Print", "fmt.Printf", "fmt.Println")
	for _, n := range []string{"fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln"} {
		t[n] = &Model{Sink: &Sink{Kind: Log, From: 1, Writer: 0}, WriteInto: 0}
	}

	// go.uber.org/zap
	levels := []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"}
	logSink(0, each("(*go.uber.org/zap.Logger).%", append(levels, "Log")...)...)
	var sugared []string
	for _, l := range levels {
		sugared = append(sugared, l, l+"f", l+"w", l+"ln")
	}
	logSink(0, each("(*go.uber.org/zap.SugaredLogger).%", sugared...)...)

	// github.com/sirupsen/logrus
	var logrusLevels []string
	for _, l := range []string{"Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic"} {
		logrusLevels = append(logrusLevels, l, l+"f", l+"ln", l+"Fn")
	}
	logSink(0, each("github.com/sirupsen/logrus.%", logrusLevels...)...)
	logSink(0, each("(*github.com/sirupsen/logrus.Logger).%", append(logrusLevels, "Log", "Logf", "Logln")...)...)
	logSink(0, each("(*github.com/sirupsen/logrus.Entry).%", append(logrusLevels, "Log", "Logf", "Logln")...)...)
	for _, n := range []string{"WithField", "WithFields", "WithError", "WithContext", "WithTime"} {
		t["github.com/sirupsen/logrus."+n] = &Model{Propagate: true, WriteInto: -1}
	}

	// github.com/rs/zerolog: the event carries its fields; Msg sends it.
	logSink(0, each("(*github.com/rs/zerolog.Event).%", "Msg", "Msgf", "Send", "MsgFunc")...)
	logSink(0, each("github.com/rs/zerolog/log.%", "Print", "Printf")...)
	logSink(0, each("(github.com/rs/zerolog.Logger).%", "Print", "Printf", "Println")...)
	logSink(0, each("(*github.com/rs/zerolog.Logger).%", "Print", "Printf", "Println")...)

	// k8s.io/klog/v2 and github.com/golang/glog share their API.
	klogFns := []string{"Info", "Infof", "Infoln", "InfoDepth", "InfoS", "Warning", "Warningf", "Warningln", "WarningDepth",
		"Error", "Errorf", "Errorln", "ErrorDepth", "ErrorS", "Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln"}
	for _, pkg := range []string{"k8s.io/klog/v2", "k8s.io/klog", "github.com/golang/glog"} {
		logSink(0, each(pkg+".%", klogFns...)...)
		logSink(0, each("("+pkg+".Verbose).%", "Info", "Infof", "Infoln", "InfoS", "InfoDepth")...)
	}

	// github.com/hashicorp/go-hclog: an interface; calls are dynamic but
	// the method is known.
	logSink(0, each("(github.com/hashicorp/go-hclog.Logger).%", "Trace", "Debug", "Info", "Warn", "Error", "Log")...)

	// Sanitizers: hashes and password KDFs. A hash of personal data is
	// still pseudonymous, but the statement's clauses are about the raw
	// values; the policy can remove a sanitizer's effect with store rules.
	san := func(names ...string) {
		for _, n := range names {
			t[n] = &Model{Sanitizer: true, WriteInto: -1}
		}
	}
	san("crypto/sha256.Sum256", "crypto/sha256.Sum224", "crypto/sha512.Sum512", "crypto/sha512.Sum384",
		"crypto/sha1.Sum", "crypto/md5.Sum", "crypto/sha3.Sum256", "crypto/sha3.Sum512",
		"(hash.Hash).Sum", "(hash.Hash32).Sum32", "(hash.Hash64).Sum64",
		"crypto/pbkdf2.Key", "crypto/hkdf.Key",
		"golang.org/x/crypto/bcrypt.GenerateFromPassword", "golang.org/x/crypto/bcrypt.CompareHashAndPassword",
		"golang.org/x/crypto/argon2.Key", "golang.org/x/crypto/argon2.IDKey",
		"golang.org/x/crypto/scrypt.Key", "golang.org/x/crypto/pbkdf2.Key",
		"crypto/subtle.ConstantTimeCompare", "crypto/hmac.Equal")

	// Serialisation.
	for _, n := range []string{"encoding/json.Marshal", "encoding/json.MarshalIndent"} {
		t[n] = &Model{Marshal: "json", MarshalArg: 0, WriteInto: -1}
	}
	for _, n := range []string{"encoding/xml.Marshal", "encoding/xml.MarshalIndent"} {
		t[n] = &Model{Marshal: "xml", MarshalArg: 0, WriteInto: -1}
	}
	t["(*encoding/json.Encoder).Encode"] = &Model{Marshal: "json", MarshalArg: 1, WriteInto: 0}
	t["(*encoding/xml.Encoder).Encode"] = &Model{Marshal: "xml", MarshalArg: 1, WriteInto: 0}

	// Printf-style formats: %T and %p operands carry no data.
	formats := map[string]int{
		"fmt.Sprintf": 0, "fmt.Errorf": 0, "fmt.Printf": 0, "fmt.Fprintf": 1, "fmt.Appendf": 1,
		"log.Printf": 0, "log.Fatalf": 0, "log.Panicf": 0,
		"(*log.Logger).Printf": 1, "(*log.Logger).Fatalf": 1, "(*log.Logger).Panicf": 1,
		"github.com/pkg/errors.Errorf": 0, "github.com/pkg/errors.Wrapf": 1,
		// Ory's herodot errors (kratos, hydra, keto): builder methods.
		"(*github.com/ory/herodot.DefaultError).WithReasonf": 1, "(*github.com/ory/herodot.DefaultError).WithErrorf": 1,
		"(*github.com/ory/herodot.DefaultError).WithDebugf": 1, "(*github.com/ory/herodot.DefaultError).WithDetailf": 2,
	}
	for n, i := range formats {
		m := t[n]
		if m == nil {
			m = &Model{Propagate: true, WriteInto: -1}
			t[n] = m
		}
		m.Format = i + 1
	}

	// Slices returned with their elements (slices.DeleteFunc): the result
	// is the argument's elements, each field where it was. The default
	// for a function the engine does not know would make it a whole.
	for _, n := range []string{"Clip", "Clone", "Compact", "CompactFunc", "Concat", "Delete", "DeleteFunc",
		"Grow", "Insert", "Repeat", "Replace"} {
		t["slices."+n] = &Model{Keep: true, WriteInto: -1}
	}

	// Errors that carry what they are given.
	for _, n := range []string{"fmt.Errorf", "errors.New", "errors.Join",
		"github.com/pkg/errors.New", "github.com/pkg/errors.Errorf", "github.com/pkg/errors.Wrap",
		"github.com/pkg/errors.Wrapf", "github.com/pkg/errors.WithMessage", "github.com/pkg/errors.WithMessagef"} {
		if m := t[n]; m != nil {
			m.Propagate = true // keep the format: %T operands carry no data
			continue
		}
		t[n] = &Model{Propagate: true, WriteInto: -1}
	}

	// Type information carries no data: the name of a value's type is
	// not its contents (fmt.Errorf("unsupported type %s",
	// reflect.TypeOf(bean)) in an ORM).
	for _, n := range []string{"reflect.TypeOf", "(reflect.Value).Type", "(reflect.Value).Kind",
		"(reflect.Type).String", "(reflect.Type).Name", "(reflect.Type).PkgPath", "(reflect.Type).Kind",
		"(reflect.Type).Elem", "(reflect.Type).Field", "(reflect.Type).NumField", "(reflect.Type).Key",
		"(reflect.Kind).String"} {
		t[n] = &Model{Sanitizer: true, WriteInto: -1}
	}

	// Writers.
	t["io.WriteString"] = &Model{WriteInto: 0}
	t["io.Copy"] = &Model{WriteInto: 0}
	t["io.CopyN"] = &Model{WriteInto: 0}
	t["io.CopyBuffer"] = &Model{WriteInto: 0}
	t["encoding/binary.Write"] = &Model{WriteInto: 0}
	t["encoding/json.NewEncoder"] = &Model{Propagate: true, WriteInto: -1}
	outbound(t)
	storage(t)
	return t
}
