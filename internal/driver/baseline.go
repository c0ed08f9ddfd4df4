package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis/checker"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 1

// baselineFile is a baseline: the findings accepted when it was written,
// by fingerprint. docs/baseline.md describes it.
type baselineFile struct {
	Version     int             `json:"version"`
	Tool        string          `json:"tool"`
	ToolVersion string          `json:"toolVersion"`
	Scheme      string          `json:"fingerprintScheme"`
	Findings    []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

// newBaseline records findings, with their fingerprints, as a baseline.
func newBaseline(findings []Finding, fps []string, root, toolVersion string) *baselineFile {
	b := &baselineFile{
		Version: baselineVersion, Tool: "privacyvet", ToolVersion: toolVersion,
		Scheme: fingerprintKey, Findings: []baselineEntry{},
	}
	for i := range findings {
		f := &findings[i]
		b.Findings = append(b.Findings, baselineEntry{
			Rule: ruleID(f), File: locate(root, f.Pos.Filename).path, Fingerprint: fps[i], Message: f.Message,
		})
	}
	return b
}

// readBaseline reads a baseline file; an error satisfying
// errors.Is(err, fs.ErrNotExist) means there is none.
func readBaseline(path string) (*baselineFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d, want %d; write it again with -baseline-update", path, b.Version, baselineVersion)
	}
	if b.Scheme != fingerprintKey {
		return nil, fmt.Errorf("baseline %s: fingerprints of scheme %q, this privacyvet computes %q; write it again with -baseline-update", path, b.Scheme, fingerprintKey)
	}
	return &b, nil
}

// writeBaseline writes b to path, replacing the file whole.
func writeBaseline(path string, b *baselineFile) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // messages hold "->"
	if err := enc.Encode(b); err != nil {
		return err
	}
	data := buf.Bytes()
	tmp, err := os.CreateTemp(filepath.Dir(path), ".privacyvet-baseline-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// filterBaseline returns the indexes of the findings whose fingerprint
// is not in b, how many were suppressed, and how many of b's entries
// matched no finding (fixed, or changed beyond recognition).
func filterBaseline(b *baselineFile, fps []string) (keep []int, suppressed, stale int) {
	known := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	matched := make(map[string]bool)
	for i, fp := range fps {
		if known[fp] {
			matched[fp] = true
			suppressed++
			continue
		}
		keep = append(keep, i)
	}
	return keep, suppressed, len(known) - len(matched)
}

// baselineRun is -baseline's part of a run.
type baselineRun struct {
	path     string
	update   bool   // -baseline-update
	root     string // absolute source root
	complete bool   // every package loaded and was analysed
	stderr   io.Writer
}

// apply writes the baseline (when there is none, or with -baseline-update)
// and then done is true and code the exit code; otherwise it returns the
// indexes of the findings the baseline does not hold, and a summary line
// to print after them.
func (r *baselineRun) apply(findings []Finding, fps []string) (keep []int, summary string, done bool, code int) {
	old, err := readBaseline(r.path)
	missing := errors.Is(err, fs.ErrNotExist)
	if err != nil && !missing && !r.update {
		fmt.Fprintf(r.stderr, "privacyvet: %v\n", err)
		return nil, "", true, exitError
	}
	if !missing && !r.update {
		keep, suppressed, stale := filterBaseline(old, fps)
		summary = fmt.Sprintf("privacyvet: %s suppressed by baseline %s", plural(suppressed, "finding"), r.path)
		if stale > 0 {
			summary += fmt.Sprintf("; %s no finding any more (fixed? -baseline-update drops them)", plural(stale, "baseline entry matches", "baseline entries match"))
		}
		return keep, summary, false, exitOK
	}
	if !r.complete {
		fmt.Fprintf(r.stderr, "privacyvet: baseline %s not written: some packages were not analysed (see above)\n", r.path)
		return nil, "", true, exitError
	}
	b := newBaseline(findings, fps, r.root, version())
	if err := writeBaseline(r.path, b); err != nil {
		fmt.Fprintf(r.stderr, "privacyvet: %v\n", err)
		return nil, "", true, exitError
	}
	if missing || old == nil {
		fmt.Fprintf(r.stderr, "privacyvet: wrote baseline %s: %s\n", r.path, plural(len(findings), "finding"))
		return nil, "", true, exitOK
	}
	_, kept, stale := filterBaseline(old, fps)
	fmt.Fprintf(r.stderr, "privacyvet: updated baseline %s: %s (%d new, %d no longer found)\n",
		r.path, plural(len(findings), "finding"), len(findings)-kept, stale)
	return nil, "", true, exitOK
}

// plural is "1 finding", "2 findings"; forms[1], when given, is the plural.
func plural(n int, forms ...string) string {
	if n == 1 {
		return "1 " + forms[0]
	}
	if len(forms) > 1 {
		return fmt.Sprintf("%d %s", n, forms[1])
	}
	return fmt.Sprintf("%d %ss", n, forms[0])
}

// dropDiagnostics removes from g's root actions the diagnostics of the
// findings not kept, so that -format=json prints only the others.
func dropDiagnostics(g *checker.Graph, findings []Finding, keep []int) {
	kept := make(map[int]bool, len(keep))
	for _, i := range keep {
		kept[i] = true
	}
	drop := make(map[string]bool)
	for i, f := range findings {
		if !kept[i] {
			drop[f.Pos.String()+"|"+f.Message] = true
		}
	}
	if len(drop) == 0 {
		return
	}
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		var ds = act.Diagnostics[:0:0]
		for _, d := range act.Diagnostics {
			if !drop[act.Package.Fset.Position(d.Pos).String()+"|"+d.Message] {
				ds = append(ds, d)
			}
		}
		act.Diagnostics = ds
	}
}
