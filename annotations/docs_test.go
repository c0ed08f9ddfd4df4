package annotations

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsTables keeps the error tables of docs/annotations.md true: for each
// row "| `input` | `message` | fix |", parsing the input must give an error
// whose message contains the documented one ("..." marks an elision).
func TestDocsTables(t *testing.T) {
	b, err := os.ReadFile("../docs/annotations.md")
	if err != nil {
		t.Skip("docs not found:", err) // the package may be vendored without them
	}
	row := regexp.MustCompile("^\\| `([^`]*)`(?:, `[^`]*`)? \\| `([^`]*)`")
	rows := 0
	for line := range strings.SplitSeq(string(b), "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		rows++
		in, want := m[1], strings.TrimPrefix(m[2], "... ")
		var e *Error
		if strings.HasPrefix(in, "//") {
			_, _, e = ParseDirective(in, base)
		} else {
			_, _, _, e = ParseTag(in)
		}
		if e == nil || !strings.Contains(e.Msg, want) {
			t.Errorf("docs say %s gives %q, got %v", in, want, e)
		}
	}
	if rows < 30 {
		t.Errorf("found %d error rows in docs/annotations.md; has the table format changed?", rows)
	}
}
