package pack

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parley/app"
)

// needTool skips the test when a poppler tool is missing, or fails it on
// CI (CI=true), where the tools must be installed.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (poppler-utils); CI needs it", name)
		}
		t.Skipf("%s is not installed (install poppler-utils to run this test)", name)
	}
}

// render renders a pack or fails the test.
func render(t testing.TB, m *app.Meeting, o Options) []byte {
	t.Helper()
	out, err := Render(context.Background(), m, o, nil)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out
}

// writeTemp writes a PDF to a temporary file and returns its path.
func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pageTexts reads the PDF back with pdftotext -layout, one string a page.
func pageTexts(t *testing.T, pdf []byte) []string {
	t.Helper()
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// body is a page's text without the banner, running header and footer.
func body(page string) string {
	var lines []string
	for _, l := range strings.Split(page, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 5 {
		return ""
	}
	return strings.Join(lines[2:len(lines)-2], "\n")
}

var spaces = regexp.MustCompile(`\s+`)

// flat joins text into one line with single spaces, so that phrases
// broken across lines can be found.
func flat(s string) string { return spaces.ReplaceAllString(s, " ") }

// seedMeeting is the inaugural Australia-ROK dialogue (seed 000) with a
// Korean and a Japanese annex and a clean statement.
func seedMeeting(t testing.TB) *app.Meeting {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seed000.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m app.Meeting
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("testdata/seed000.json: %v", err)
	}
	m.Normalize()
	return &m
}

// side returns a side's ID by code.
func side(t testing.TB, m *app.Meeting, code string) string {
	t.Helper()
	s, err := m.FindSide(code)
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}
