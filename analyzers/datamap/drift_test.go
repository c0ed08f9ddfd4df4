package datamap_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyvet/privacyvet/analyzers/datamap"
)

// TestDrift maps testdata/src/datamap (a module of its own): drift both
// ways, a clause with a finding, one nothing cites, and escaping.
func TestDrift(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "src", "datamap"))
	if err != nil {
		t.Fatal(err)
	}
	m, problems, err := datamap.Load(&datamap.LoadConfig{Dir: dir, Env: append(os.Environ(), "GOWORK=off")}, "./...")
	if err != nil || len(problems) > 0 {
		t.Fatalf("Load: %v %v", err, problems)
	}
	m.LinkBase = dir

	if got := names(m.Undisclosed); strings.Join(got, ",") != "user.demographic.gender" {
		t.Errorf("in the code, not in the statement: %v, want [user.demographic.gender]", got)
	}
	if got := names(m.Unseen); strings.Join(got, ",") != "user.location.precise" {
		t.Errorf("in the statement, not in the code: %v, want [user.location.precise]", got)
	}
	want := map[string]string{
		"c-email":  datamap.Honoured,
		"c-gps":    datamap.Honoured,
		"c-logs":   datamap.Violated,
		"c-unused": datamap.NotCheckable,
	}
	for _, c := range m.Clauses {
		if c.Status != want[c.ID] {
			t.Errorf("clause %s: %s, want %s", c.ID, c.StatusText(), want[c.ID])
		}
		if c.ID == "c-logs" && (len(c.Findings) != 1 || c.Findings[0].Rule != "PV101" || strings.Join(c.Rules, ",") != "PV101") {
			t.Errorf("clause c-logs: rules %v, findings %+v; want one PV101 finding", c.Rules, c.Findings)
		}
	}

	var md, page bytes.Buffer
	if err := m.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := m.HTML(&page); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"| `user.demographic.gender` | `User.Gender` [main.go:9](main.go#L9) |",
		"| `user.location.precise` | listed under categories",
		"&lt;script&gt;alert(1)&lt;/script&gt; \\| not even \\*once\\*.",
		"# Data map: Drift &lt;b&gt;test&lt;/b&gt; & co",
		"**1 finding (PV101)**",
	} {
		if !strings.Contains(md.String(), s) {
			t.Errorf("Markdown lacks %q:\n%s", s, md.String())
		}
	}
	if strings.Contains(page.String(), "<script>") || strings.Contains(page.String(), "<b>test") {
		t.Errorf("HTML does not escape the policy's text")
	}
	for _, s := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", `<a href="main.go#L9">main.go:9</a>`} {
		if !strings.Contains(page.String(), s) {
			t.Errorf("HTML lacks %q", s)
		}
	}
}

// TestMainWritesReport runs the command as `privacyvet report` would:
// from the module's directory, the format taken from -o's extension,
// links relative to the report's directory.
func TestMainWritesReport(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "src", "datamap"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOWORK", "off")
	t.Chdir(dir)
	out := filepath.Join(t.TempDir(), "map.html")
	var stdout, stderr bytes.Buffer
	if code := datamap.Main([]string{"-o", out, "./..."}, &stdout, &stderr); code != 0 {
		t.Fatalf("Main = %d: %s", code, stderr.String())
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(filepath.Dir(out), filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `href="`+filepath.ToSlash(rel)+`#L9"`) {
		t.Errorf("the page does not link to main.go:9 relative to its own directory (%s)", rel)
	}
	stdout.Reset()
	if code := datamap.Main([]string{"-format=md", "-policy=builtin:baseline", "./..."}, &stdout, &stderr); code != 0 {
		t.Fatalf("Main -format=md = %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "# Data map: ") || !strings.Contains(stdout.String(), "Policy `builtin:baseline`") {
		t.Errorf("Markdown on stdout under builtin:baseline: %.300s", stdout.String())
	}
}
