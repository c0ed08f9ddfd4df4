package flow

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/privacyvet/privacyvet/analyzers/internal/dest"
	"github.com/privacyvet/privacyvet/analyzers/internal/ttl"
)

// Step is one hop of a flow's path. Pos is valid for steps in the
// package being analysed; steps in other packages carry Loc ("file:line")
// instead, because positions do not travel with facts.
type Step struct {
	Pos  token.Pos
	Loc  string
	What string
}

// FuncFact is the summary of a function, exported for its importers. It
// is kept small: categories and paths as short strings, at most a few
// entries per parameter.
//
// Under go vet a fact on a function reaches only direct importers, so a
// function that merely passes data on to another package's sink carries
// that sink in its own summary (the summary is transitive by
// construction): importers two hops away never need the original fact.
type FuncFact struct {
	// Directives of the function itself (//privacy:source, ...).
	Source       []string
	Sanitizer    bool
	SanitizeCats []string
	Sink         string // sink kind
	Recipient    string
	Purpose      string
	Consent      string
	Erase        []string

	// Sinks: which parameters (by field path) reach which sinks.
	Sinks []ParamSink
	// Flows: which parameters reach which results.
	Flows []ParamFlow
	// Results: which results carry personal data of their own.
	Results []ResultSource
	// Fills: parameters through which the function may write data
	// into its caller's memory.
	Fills []ParamFill
	// TypeTest: the function reports whether its error parameter's
	// chain holds this error type (IsErrUserNotExist).
	TypeTest string
	// Recovers: the function calls recover, so a call deferring it may
	// stop a panic and return what the named results held then (cells.go).
	Recovers bool
	// Requires: sends of personal data under a purpose that needs
	// consent (or a collection gate) that no check in the function
	// guards: every caller must guard its call, or inherit the need.
	Requires []Requirement

	// raw is the encoded summary as read from another package's facts,
	// until load decodes it (see factcodec.go).
	raw []byte
}

// Requirement is an unguarded send that needs a consent check for
// Purpose before it, on every path.
type Requirement struct {
	Purpose  string
	Gate     bool   // a collection gate of the category, not a purpose of the send
	Category string // the data sent
	Origin   string
	Kind     string
	Sink     string
	Calls    int // calls between the function holding the requirement and the send (0: its own send)
	Path     []Step
}

func (*FuncFact) AFact() {}

func (f *FuncFact) String() string {
	if f.raw != nil {
		c := *f
		c.load()
		return c.String()
	}
	var parts []string
	if len(f.Source) > 0 {
		parts = append(parts, "source "+strings.Join(f.Source, ","))
	}
	if f.Sanitizer {
		parts = append(parts, "sanitizer "+strings.Join(f.SanitizeCats, ","))
	}
	if f.Sink != "" {
		parts = append(parts, "sink "+f.Sink+" "+f.Recipient)
	}
	for _, s := range f.Sinks {
		parts = append(parts, fmt.Sprintf("p%d%s->%s:%s", s.Param, dotted(s.Src), s.Kind, s.Sink))
	}
	for _, s := range f.Flows {
		parts = append(parts, fmt.Sprintf("p%d%s->r%d%s", s.Param, dotted(s.Src), s.Result, dotted(s.At)))
	}
	for _, s := range f.Results {
		parts = append(parts, fmt.Sprintf("r%d%s=%s", s.Result, dotted(s.At), s.Category))
	}
	for _, x := range f.Fills {
		parts = append(parts, fmt.Sprintf("writes p%d%s", x.Param, dotted(x.At)))
	}
	if f.Recovers {
		parts = append(parts, "recovers")
	}
	for _, r := range f.Requires {
		parts = append(parts, fmt.Sprintf("requires %s (%s -> %s)", r.Purpose, r.Category, r.Sink))
	}
	return "summary(" + strings.Join(parts, "; ") + ")"
}

func dotted(p string) string {
	if p == "" {
		return ""
	}
	return "." + p
}

// empty reports whether the fact says nothing worth exporting.
func (f *FuncFact) empty() bool {
	return len(f.Source) == 0 && !f.Sanitizer && f.Sink == "" && f.Purpose == "" && f.Consent == "" &&
		len(f.Erase) == 0 && len(f.Sinks) == 0 && len(f.Flows) == 0 && len(f.Results) == 0 && len(f.Requires) == 0 && len(f.Fills) == 0 && f.TypeTest == "" && !f.Recovers
}

// ParamSink says that data in parameter Param (at field path Src) reaches a sink.
type ParamSink struct {
	Param     int
	Src       string
	San       string // categories sanitized on the way (comma-joined)
	Kind      string
	Sink      string // display name of the sink call, e.g. "slog.Info"
	Recipient string
	Purpose   string            // the purpose the send serves, when the callee or a function it calls declares one
	Guarded   bool              // a consent check for Purpose guards the send inside the callee
	Dest      *dest.Destination // where the send goes, as resolved inside the callee (with Dest.Param, each call resolves it)
	Expiry    *ttl.Expiry       // for writes that can carry an expiry: the one set inside the callee
	Render    uint8             // the renderings (hideText, ...) the data went through on the way: what they hide does not arrive
	Ignore    []string          // field paths of the data that the sink does not send
	Path      []Step            // from the parameter to the sink, inside the callee and beyond
}

// ParamFlow says that data in parameter Param (at Src) reaches result Result.
type ParamFlow struct {
	Param  int
	Src    string
	San    string
	Result int
	At     string // field path within the result ("" = anywhere)
	Render uint8  // as for ParamSink
	// Box: the error type the callee boxes the data in, or "-" when it
	// renders it into another error's text (narrow.go).
	Box  string
	Path []Step
}

// ResultSource says that result Result carries Category, attached at Origin.
type ResultSource struct {
	Result   int
	Category string
	At       string // field path within the result ("" = anywhere)
	Origin   string
	// Via, "i:path": the category was read from the tagged field at path
	// of parameter i, and is there only if the caller's argument can
	// hold data at that field.
	Via  string
	Box  string // the error type holding the data, when it is one (narrow.go)
	Path []Step
}

// TypeFact marks a named type as personal data (//privacy:data); it
// travels to every importer that sees the type.
type TypeFact struct {
	Categories []string
}

func (*TypeFact) AFact() {}

func (f *TypeFact) String() string { return "data(" + strings.Join(f.Categories, ",") + ")" }

// maxFactEntries bounds each list of a summary; a function with more
// distinct parameter-to-sink paths is summarised by its first ones.
const maxFactEntries = 16
