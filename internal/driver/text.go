package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// printText prints findings as go vet does: "file:line:col: message",
// then each hop of the path indented, and with -c=N the offending line
// with N lines of context.
func printText(w io.Writer, findings []Finding, contextLines int) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s\n", f.Pos, f.Message)
		if contextLines >= 0 {
			printContext(w, f.Pos.Filename, f.Pos.Line, contextLines)
		}
		for _, r := range f.Related {
			fmt.Fprintf(w, "\t%s: %s\n", r.Pos, r.Message)
		}
	}
}

func printContext(w io.Writer, file string, line, n int) {
	data, err := os.ReadFile(file)
	if err != nil {
		return
	}
	lines := bytes.Split(data, []byte("\n"))
	for i := max(line-n, 1); i <= min(line+n, len(lines)); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}
