package driver

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBaselineWriteRead(t *testing.T) {
	root, findings := fixture(t)
	fps := fingerprints(findings, root, make(sources))
	path := filepath.Join(t.TempDir(), "privacyvet-baseline.json")
	if _, err := readBaseline(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing baseline: %v, want fs.ErrNotExist", err)
	}
	b := newBaseline(findings, fps, root, "v1.2.3")
	if err := writeBaseline(path, b); err != nil {
		t.Fatal(err)
	}
	got, err := readBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	want := &baselineFile{
		Version: 1, Tool: "privacyvet", ToolVersion: "v1.2.3", Scheme: "privacyvet/v1",
		Findings: []baselineEntry{
			{Rule: "PV101", File: "app/signup.go", Fingerprint: fps[0], Message: findings[0].Message},
			{Rule: "PV701", File: "app/signup.go", Fingerprint: fps[1], Message: findings[1].Message},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("baseline read back (-want +got):\n%s", diff)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte(`"fingerprintScheme": "privacyvet/v1"`)) || !bytes.HasSuffix(data, []byte("}\n")) {
		t.Errorf("baseline file:\n%s", data)
	}
	// An empty baseline is a list, not null.
	if err := writeBaseline(path, newBaseline(nil, nil, root, "v1")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !bytes.Contains(data, []byte(`"findings": []`)) {
		t.Errorf("empty baseline:\n%s", data)
	}
}

func TestBaselineReadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ data, want string }{
		"not JSON":      {"{", "unexpected EOF"},
		"version":       {`{"version": 2, "fingerprintScheme": "privacyvet/v1", "findings": []}`, "version 2, want 1"},
		"scheme":        {`{"version": 1, "fingerprintScheme": "privacyvet/v0", "findings": []}`, `fingerprints of scheme "privacyvet/v0"`},
		"unknown field": {`{"version": 1, "fingerprintScheme": "privacyvet/v1", "findngs": []}`, `unknown field "findngs"`},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		write(t, path, tc.data)
		_, err := readBaseline(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want one naming the file and %q", name, err, tc.want)
		}
	}
}

func TestBaselineFilter(t *testing.T) {
	b := &baselineFile{Findings: []baselineEntry{{Fingerprint: "a:1"}, {Fingerprint: "b:1"}, {Fingerprint: "gone:1"}}}
	keep, suppressed, stale := filterBaseline(b, []string{"a:1", "new:1", "b:1", "a:2"})
	if diff := cmp.Diff([]int{1, 3}, keep); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if suppressed != 2 || stale != 1 {
		t.Errorf("suppressed %d, stale %d; want 2, 1", suppressed, stale)
	}
	keep, suppressed, stale = filterBaseline(&baselineFile{}, []string{"a:1"})
	if len(keep) != 1 || suppressed != 0 || stale != 0 {
		t.Errorf("empty baseline: kept %v, suppressed %d, stale %d", keep, suppressed, stale)
	}
}
