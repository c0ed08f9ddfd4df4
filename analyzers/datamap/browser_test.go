package datamap_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium is Debian's headless-capable browser; the browser test runs
// when it is installed (.ci/run installs it, and sets PRIVACYVET_CHROMIUM
// so that a missing browser fails the test rather than skipping it).
const chromium = "/usr/bin/chromium"

// TestReportHTMLInBrowser renders the HTML report of testdata/example in
// headless Chromium: the page must load without console errors, its DOM
// must hold the map, and a screenshot of it must be a real picture (not
// a blank page).
func TestReportHTMLInBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("PRIVACYVET_CHROMIUM") != "" {
			t.Fatalf("PRIVACYVET_CHROMIUM is set but %s is missing: %v", chromium, err)
		}
		t.Skipf("%s not installed: %v", chromium, err)
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	m := example(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "datamap.html")
	var buf bytes.Buffer
	if err := m.HTML(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(page)

	// The DOM, with the console on stderr.
	stdout, stderr := runChromium(t, dir, "--enable-logging=stderr", "--v=0", "--dump-dom", url)
	for _, s := range []string{"user.contact.email", "Clauses of the statement", "s3-no-sell", "user.demographic.gender"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("the DOM Chromium loaded lacks %q", s)
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "CONSOLE") || strings.Contains(line, "Uncaught") || strings.Contains(line, "Failed to load resource") {
			t.Errorf("console error: %s", line)
		}
	}

	// The screenshot.
	shot := filepath.Join(dir, "datamap.png")
	runChromium(t, dir, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars", url)
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if len(data) < 10<<10 {
		t.Errorf("screenshot is %d bytes, want more than 10 KB", len(data))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if n := colours(img, 64); n < 8 {
		t.Errorf("screenshot has %d colours: a blank or failed page", n)
	}
	if out := os.Getenv("PRIVACYVET_SCREENSHOT"); out != "" {
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Error(err)
		}
	}
	t.Logf("screenshot: %d bytes, %dx%d", len(data), img.Bounds().Dx(), img.Bounds().Dy())
}

// runChromium runs headless Chromium with a throwaway profile and
// returns its stdout and stderr.
func runChromium(t *testing.T, dir string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	profile, err := os.MkdirTemp(dir, "profile")
	if err != nil {
		t.Fatal(err)
	}
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--no-first-run", "--no-default-browser-check",
		"--user-data-dir=" + profile,
	}
	cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// colours counts the distinct colours of img, sampled on a grid, up to limit.
func colours(img image.Image, limit int) int {
	seen := make(map[[4]uint32]bool)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 5 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}
