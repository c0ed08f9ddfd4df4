package driver

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPrintBounds(t *testing.T) {
	var bounds []string
	for i := range 7 {
		bounds = append(bounds, fmt.Sprintf("example.com/p%d: summary iterations for f%d", i%2, i))
	}
	for _, tc := range []struct {
		name   string
		bounds []string
		all    bool
		want   string
	}{
		{"none", nil, false, ""},
		{"few", bounds[:2], false, "privacyvet: note: the engine hit 2 of its bounds in 2 package(s); results there are approximate (docs/rules.md, \"Bounds\"):\n" +
			"\texample.com/p0: summary iterations for f0\n\texample.com/p1: summary iterations for f1\n"},
		{"many", bounds, false, "privacyvet: note: the engine hit 7 of its bounds in 2 package(s); results there are approximate (docs/rules.md, \"Bounds\"):\n" +
			"\texample.com/p0: summary iterations for f0\n\texample.com/p1: summary iterations for f1\n\texample.com/p0: summary iterations for f2\n" +
			"\texample.com/p1: summary iterations for f3\n\texample.com/p0: summary iterations for f4\n\t... and 2 more (-bounds lists them all)\n"},
	} {
		var buf bytes.Buffer
		printBounds(&buf, tc.bounds, tc.all)
		if diff := cmp.Diff(tc.want, buf.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	var buf bytes.Buffer
	printBounds(&buf, bounds, true)
	if got := bytes.Count(buf.Bytes(), []byte("\n")); got != 8 {
		t.Errorf("-bounds: %d lines, want 8:\n%s", got, buf.String())
	}
}
