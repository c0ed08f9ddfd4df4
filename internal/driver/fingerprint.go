package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// fingerprintKey names the fingerprint scheme, in SARIF's
// partialFingerprints and in baseline files. A change to the recipe
// (docs/sarif.md) must change the key.
const fingerprintKey = "privacyvet/v1"

// sources reads and caches the lines of the files findings point into.
type sources map[string][][]byte

// line returns line n (1-based) of file without its line ending, or nil
// when the file cannot be read or has no such line.
func (s sources) line(file string, n int) []byte {
	lines, ok := s[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		s[file] = lines
	}
	if n < 1 || n > len(lines) {
		return nil
	}
	return bytes.TrimSuffix(lines[n-1], []byte("\r"))
}

// utf16Column converts pos's byte column to the UTF-16 code units
// SARIF counts by default; unchanged when the line cannot be read.
func (s sources) utf16Column(pos token.Position) int {
	line := s.line(pos.Filename, pos.Line)
	if pos.Column < 1 || pos.Column-1 > len(line) {
		return pos.Column
	}
	col := 1
	for _, r := range string(line[:pos.Column-1]) {
		if r >= 0x10000 { // a surrogate pair
			col += 2
		} else {
			col++
		}
	}
	return col
}

// location is a file as the outputs name it: relative to the source
// root (slash-separated) when it lies under it, else absolute.
type location struct {
	path  string // slash-separated; relative when under is true
	under bool
}

func locate(root, file string) location {
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	if rel, ok := within(root, abs); ok {
		return location{path: filepath.ToSlash(rel), under: true}
	}
	// The root or the file may be reached through a symbolic link.
	if r, err := filepath.EvalSymlinks(root); err == nil {
		if a, err := filepath.EvalSymlinks(abs); err == nil {
			if rel, ok := within(r, a); ok {
				return location{path: filepath.ToSlash(rel), under: true}
			}
		}
	}
	return location{path: filepath.ToSlash(abs)}
}

// within returns file's path relative to dir when file lies under dir.
func within(dir, file string) (string, bool) {
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return rel, true
}

// uri is the location as a SARIF artifact URI: a relative reference for
// a file under the root, a file: URI otherwise.
func (l location) uri() string {
	if l.under {
		return (&url.URL{Path: l.path}).String()
	}
	return fileURI(l.path)
}

// fileURI turns a slash-separated absolute path into a file: URI.
func fileURI(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// positionsRE matches the positions a message may quote ("at
// telemetry/store.go:47"), which move with unrelated edits.
var positionsRE = regexp.MustCompile(`(\.go):\d+(:\d+)?`)

// normalizeMessage drops from a message what changes when lines move.
func normalizeMessage(msg string) string {
	return strings.Join(strings.Fields(positionsRE.ReplaceAllString(msg, "$1")), " ")
}

// fingerprintHash is the hash part of a fingerprint: SHA-256 over the
// rule id, the file's path, the trimmed source line of the finding and
// the message without positions, NUL-separated; the first 16 bytes, hex.
func fingerprintHash(rule, file string, line []byte, msg string) string {
	h := sha256.New()
	for _, part := range [][]byte{[]byte(rule), []byte(file), bytes.TrimSpace(line), []byte(normalizeMessage(msg))} {
		h.Write(part)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// ruleID is a finding's rule id; the analyzer's name for a diagnostic
// without one.
func ruleID(f *Finding) string {
	if f.Rule != "" {
		return f.Rule
	}
	return f.Analyzer
}

// fingerprints returns one fingerprint per finding (findings in output
// order): the hash, a colon and the occurrence number of that hash, so
// that identical lines in one file with the same finding stay distinct.
func fingerprints(findings []Finding, root string, src sources) []string {
	out := make([]string, len(findings))
	seen := make(map[string]int)
	for i := range findings {
		f := &findings[i]
		h := fingerprintHash(ruleID(f), locate(root, f.Pos.Filename).path, src.line(f.Pos.Filename, f.Pos.Line), f.Message)
		seen[h]++
		out[i] = fmt.Sprintf("%s:%d", h, seen[h])
	}
	return out
}
