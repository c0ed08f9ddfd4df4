// Package flow is privacyvet's taint engine: it follows personal data
// from where it is marked to where it leaves the process.
//
// # How data is followed
//
// Sources. A read of a struct field tagged `privacy:"CAT"` (or named in
// the policy's sources.fields) carries CAT. A value of a //privacy:data
// type (or a policy sources.types entry) carries its categories, and so
// does a value whose type contains such fields, at their field paths:
// through embedding, pointers, slices, maps and nested structs. Results
// of //privacy:source functions (and policy sources.functions, such as
// (*gin.Context).ClientIP) carry their categories.
//
// Field sensitivity. Reading u.ID of a tagged struct is clean, u.Email is
// not; a struct handed on whole (logged, marshalled, passed as any)
// carries every category of its tagged fields. Data stored into a field
// of a local struct is found again when that field is read.
//
// Fresh memory. A value the function allocates holds what is written into
// it, not what its type could hold: new(User) or Options{Name: &n} passed
// to a function that quotes it carries no e-mail address. A callee that
// reads a tagged field of its parameter returns that category only to
// callers whose argument can hold data there (labelKey.via), and a
// callee's summary says through which parameters it writes (Fills): only
// those, and callees the engine does not know or that use reflection,
// fill the caller's memory with data of its type.
//
// Variables in memory. A variable a closure captures, or a named result
// of a function that defers a call, lives in memory; a read of it sees
// the stores that reach it along the control-flow graph, not those made
// after it (cells.go), unless a closure writes it. Inside a closure that
// writes a variable it captures, a read the closure's own store reaches
// on every path sees that store only. The recover block of a function
// that defers calls (which returns the named results as a panic left
// them) counts only when a deferred function calls recover: one of the
// package's, or another package's whose summary says so.
//
// Code the build does not compile. A branch on a constant condition (or a
// switch on a constant) takes one way only, as in the compiled program: the blocks only the other way
// leads to are not followed, nor is a phi node's edge from it
// (constbranch.go). Such conditions select code by build configuration:
// runtime.GOOS == "windows", a const debug = false that a build tag
// sets, the tracing of transpiled C (modernc.org/libc's
// if __ccgo_strace { trc(...) }, which would otherwise put a log into the
// summary of every function). Data logged only under such a constant is
// not reported; under a variable (var verbose bool) it is. Consent
// guards read a constant condition the same way, but not yet a switch
// on a constant: a check skipped in a case the build never takes still
// counts as skipped.
//
// Memory at a sink. A sink's arguments (a call of a sink, or of a
// function whose summary reaches one) see only the stores into the
// function's own memory that may happen before the call, along the
// control-flow graph: var c Claims; token.Claims(&c); c.Raw = raw sends
// nothing of Raw (before.go). A field overwritten on every path to the
// sink holds its last value there (u.Password = hash(u.Password) before
// db.Create(u)); otherwise no store removes another.
//
// Interface values. A value converted to a named interface type (of at
// most 16 methods) holds, for each method, what the method returns of
// its receiver: a mailer that calls u.DisplayName() on the User interface
// it is given gets the display name, not the whole account behind it
// (ifaces.go). Printing or asserting the interface value still finds the
// whole value. A call of another package's interface method, or of the
// package's own interface that none of its types implements (a plug-in
// or persister interface its importers implement), returns only what the
// receiver holds for the method: not its arguments. A call of the
// package's own interface that its types implement runs their methods:
// the arguments are substituted into each implementation's summary, and
// the call does what any of them does (dispatch.go); importers'
// implementations are assumed to do the same.
//
// Errors handled by type. A label remembers the error type that boxed it;
// where a test that the error's chain holds that type is false
// (errors.As, a type assertion, or a helper such as IsErrUserNotExist
// that does one), the error no longer carries it (narrow.go). Wrapping
// (%w, errors.Wrap) keeps the type; rendering into another error's text
// does not.
//
// Propagation. Assignments, phi nodes, conversions, string concatenation
// and arithmetic; fmt.Sprint* and fmt.Errorf, errors.New and wrapping,
// strings, bytes, strconv and every other standard-library function not
// modelled otherwise (its results carry its arguments); encoding/json and
// encoding/xml marshalling (only the fields that are serialised: json:"-"
// or xml:"-" drops a field); the slices functions that return their
// arguments' elements (DeleteFunc, Clone, Compact...), each field where it
// was; writers and builders (strings.Builder,
// bytes.Buffer, fmt.Fprint* into them, json.Encoder); slices, arrays,
// maps and channels (element-insensitive, but a range over a map yields
// as keys only what was stored as keys); closures and their captured
// variables; method values; defer and go statements.
//
// Sanitizers. //privacy:sanitizer functions, the policy's sanitizers, and
// built-in ones: crypto/sha*, md5, hash.Hash.Sum, crypto/pbkdf2, hkdf,
// golang.org/x/crypto bcrypt, argon2, scrypt and pbkdf2. A sanitizer may
// name categories: it cleans those only. Comparisons (==, <) are clean:
// implicit flows through branches are not followed.
//
// Redaction. A type with a String, Error, Format, GoString or LogValue
// method (MarshalJSON, MarshalText or MarshalXML for encoders) that is a
// sanitizer, or whose result carries none of the receiver's personal
// fields, is clean when handed over whole.
//
// Interprocedural. Each function gets a summary: which parameters (by
// field path) reach which sinks, which parameters reach which results,
// which results carry categories of their own. Within a package the
// summaries are solved to a fixed point, callees first (a function of a
// recursive cluster, analysed again when a callee's summary grows,
// starts from the state its last analysis reached: warm.go); across
// packages they travel as facts (those of functions and methods with
// exported names, the only ones importers can call; a type's method
// summaries as one fact on the type). A summary is transitive (a function that passes
// data on to another package's sink has that sink in its own summary), so
// under go vet, where facts reach direct importers only, a leak two or
// more packages away is still found. A send whose URL a parameter gives
// (a helper that posts to base + path, or sends a request it is handed)
// keeps that parameter in the summary, and each call resolves the
// destination from what it passes there.
//
// Test variants. With tests, a package is loaded (and vetted) again for
// each test of a package it imports that has in-package tests
// ("q [x.test]"). Such a copy has the package's files and takes its
// analysis, facts and findings alike, when its imports' facts say what
// the package's did: a digest of each package's facts on its non-test
// objects, and of its imports' digests, decides (variants.go). When the
// tests change what the imported package does (a test type implementing
// one of its interfaces), the copy is analysed again. The standalone
// checker keeps the analyses in memory; under go vet, the digest travels
// as a fact and each process leaves its analysis in the go command's work
// directory, which go vet removes when it ends (variants_vet.go).
// -share-variants=false analyses every copy.
//
// Test servers. A send to a net/http/httptest server of the process
// itself (a URL built from its URL field, or a request through its
// Client whose URL is computed at run time) is no sink: the data does not
// leave the process. Tests that post personal data to their own server,
// directly or through helpers that take the server or its URL, are not
// reported.
//
// Where findings are reported. At the sink when the sink is in the
// package where the data is known to be personal (a field read, a tagged
// type); otherwise at the call in that package that hands the data on,
// with the rest of the path in the message. A callee that sees the
// categories itself (its parameter's type carries them) reports them
// itself, so a flow is reported once.
//
// # What is not followed
//
//   - Implicit flows (if u.Email == x { log.Print("match") }).
//   - Aliasing through memory the function cannot name: data stored into
//     a struct through one pointer and read through another pointer loaded
//     from elsewhere; package-level variables across functions.
//   - Dynamic calls (function values, and interface methods but those of
//     the package's own interfaces that its types implement) are not
//     resolved to their implementations: their results carry their
//     arguments (for an interface value made in the program, the
//     method's part of its receiver), and nothing is reported at them,
//     since the destination is unknown. Closures called where they are
//     made, and the sinks a closure's body reaches through its captured
//     variables, are followed. A deferred function value or interface
//     method is taken not to call recover.
//   - What a callee writes through its parameters is summarised by where
//     it writes, not by what: the caller's memory is filled with data of
//     its type there. Data a closure writes into a variable it captures
//     is not followed back to its maker.
//   - Reflection, unsafe, cgo and assembly.
//
// # Bounds
//
// The engine bounds its work so that it stays near the cost of the type
// check: field paths are at most 4 fields deep, a value holds at most 64
// labels, a path keeps at most 12 hops, a function's summary at most 16
// entries per list (a send of a field that a send of the field holding
// it already covers is dropped first), struct nesting is explored 5 levels deep, a function
// is iterated at most 12 rounds and re-analysed at most 8 times while
// summaries converge, a dynamic call runs at most 64 implementations, and
// a variable stored more than 1024 times is read flow-insensitively. The standard library is not summarised: models
// describe what matters of it.
//
// Where a bound is hit, results are approximate (labels past the bound
// are dropped, or a summary stops growing; a summary's entries past 16
// are cut, not widened to the parameters holding their fields, which on
// gogs turned whole accounts into sends), and the engine says so: the
// standalone checker prints a note after the findings (-bounds lists
// every bound hit, by package and function; the exit code is not
// affected), and privacyvet report lists them among the data map's
// notes. go vet has no channel for such notes: run the standalone
// checker or the report to see them.
package flow

import _ "embed"

//go:embed doc.go
var docSource string

// Doc returns the engine's documentation: the text of this package
// comment from its first heading on, for docs/rules.md.
func Doc() string {
	return docSource
}
