package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
)

// edit is one text replacement in a file, in byte offsets.
type edit struct {
	start, end int
	text       []byte
}

// applyFixes applies the first suggested fix of every finding. Edits that
// overlap an edit already taken in the same file are skipped (and said
// so), as go fix does; identical edits from duplicate findings apply once.
func applyFixes(findings []Finding, diffOnly bool, out io.Writer) error {
	byFile := make(map[string][]edit)
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		for _, te := range f.Fixes[0].TextEdits {
			start := f.fset.Position(te.Pos)
			end := start
			if te.End.IsValid() {
				end = f.fset.Position(te.End)
			}
			byFile[start.Filename] = append(byFile[start.Filename], edit{start.Offset, end.Offset, te.NewText})
		}
	}
	files := make([]string, 0, len(byFile))
	for name := range byFile {
		files = append(files, name)
	}
	sort.Strings(files)
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		edits := byFile[name]
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
		var buf bytes.Buffer
		last := 0
		var prev *edit
		for i := range edits {
			e := &edits[i]
			if prev != nil && e.start == prev.start && e.end == prev.end && bytes.Equal(e.text, prev.text) {
				continue
			}
			if e.start < last || e.end > len(src) || e.start > e.end {
				fmt.Fprintf(os.Stderr, "privacyvet: %s: skipping a fix that overlaps another at offset %d\n", name, e.start)
				continue
			}
			buf.Write(src[last:e.start])
			buf.Write(e.text)
			last = e.end
			prev = e
		}
		buf.Write(src[last:])
		if diffOnly {
			fmt.Fprintf(out, "--- %s\n+++ %s (fixed)\n", name, name)
			writeLineDiff(out, src, buf.Bytes())
			continue
		}
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeLineDiff prints the changed lines of a file, "-" old and "+" new,
// each with its line number: enough for reviewing tag fixes, which change
// single lines.
func writeLineDiff(w io.Writer, a, b []byte) {
	al := bytes.Split(a, []byte("\n"))
	bl := bytes.Split(b, []byte("\n"))
	i, j := 0, 0
	for i < len(al) && j < len(bl) {
		if bytes.Equal(al[i], bl[j]) {
			i++
			j++
			continue
		}
		// Find the next line where both agree again.
		ni, nj := resync(al, bl, i, j)
		for k := i; k < ni; k++ {
			fmt.Fprintf(w, "-%d: %s\n", k+1, al[k])
		}
		for k := j; k < nj; k++ {
			fmt.Fprintf(w, "+%d: %s\n", k+1, bl[k])
		}
		i, j = ni, nj
	}
	for ; i < len(al); i++ {
		fmt.Fprintf(w, "-%d: %s\n", i+1, al[i])
	}
	for ; j < len(bl); j++ {
		fmt.Fprintf(w, "+%d: %s\n", j+1, bl[j])
	}
}

func resync(a, b [][]byte, i, j int) (int, int) {
	for d := 1; d < len(a)-i+len(b)-j; d++ {
		for x := 0; x <= d; x++ {
			ii, jj := i+x, j+d-x
			if ii < len(a) && jj < len(b) && bytes.Equal(a[ii], b[jj]) {
				return ii, jj
			}
		}
	}
	return len(a), len(b)
}
