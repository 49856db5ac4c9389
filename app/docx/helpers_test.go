package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// LibreOffice (soffice, headless) is the reader no one here wrote: tests
// convert the documents Parley writes to text, PDF and flat ODF with it,
// and sample drafts to .docx, to be imported back. One private profile
// serves the whole test run.

var (
	profileOnce sync.Once
	profileDir  string
)

// TestMain removes the LibreOffice profile after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if profileDir != "" {
		os.RemoveAll(profileDir)
	}
	os.Exit(code)
}

// needSoffice skips the test when LibreOffice is not installed (make test
// installs it: libreoffice-writer-nogui), or fails it on CI.
func needSoffice(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice is not installed (libreoffice-writer-nogui); CI needs it")
		}
		t.Skip("soffice is not installed: install libreoffice-writer-nogui (make test does) to check the documents with LibreOffice")
	}
	return p
}

// convert converts files with LibreOffice into dir, in one run: format
// is a --convert-to target ("txt:Text", "pdf", "docx", "fodt", "doc",
// "odt"). It returns the converted files' paths, in order.
func convert(t *testing.T, dir, format string, files ...string) []string {
	t.Helper()
	soffice := needSoffice(t)
	profileOnce.Do(func() {
		d, err := os.MkdirTemp("", "parley-soffice-")
		if err == nil {
			profileDir = d
		}
	})
	if profileDir == "" {
		t.Fatal("cannot make a LibreOffice profile folder")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + profileDir, "--headless", "--norestore", "--convert-to", format, "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
	}
	ext := strings.SplitN(format, ":", 2)[0]
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+ext)
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice did not convert %s to %s:\n%s", f, format, out)
		}
		paths = append(paths, p)
	}
	return paths
}

// readText reads a converted text file, without its byte-order mark.
func readText(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(string(b), "\ufeff")
}

// pdfText extracts a PDF's text with pdftotext, one string a page.
func pdfText(t *testing.T, p string) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", p, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

var spaces = regexp.MustCompile(`[ \t]+`)

// squeeze folds runs of blanks into one space on each line, and drops the
// indentation.
func squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(spaces.ReplaceAllString(l, " "))
	}
	return strings.Join(lines, "\n")
}

// writeFile writes data to dir/name and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkPackage checks a .docx against the parts it holds: every part is
// well-formed XML, has a content type, and is reached by a relationship;
// every relationship's target is there; the document's references (header,
// footer, styles, numbering) resolve.
func checkPackage(t *testing.T, data []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		parts[f.Name] = b.Bytes()
		if err := wellFormed(b.Bytes()); err != nil {
			t.Errorf("%s is not well-formed XML: %v", f.Name, err)
		}
	}
	if z.File[0].Name != "[Content_Types].xml" {
		t.Errorf("the first part is %s, not [Content_Types].xml", z.File[0].Name)
	}
	ct, err := parseXML(parts["[Content_Types].xml"])
	if err != nil {
		t.Fatalf("[Content_Types].xml: %v", err)
	}
	defaults, overrides := map[string]bool{}, map[string]string{}
	for _, n := range ct.kids {
		switch n.local {
		case "Default":
			defaults[n.attr("Extension")] = true
		case "Override":
			overrides[strings.TrimPrefix(n.attr("PartName"), "/")] = n.attr("ContentType")
		}
	}
	for name := range overrides {
		if parts[name] == nil {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", name)
		}
	}
	reached := map[string]bool{}
	for name, b := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		if overrides[name] == "" && !defaults[path.Ext(name)[1:]] {
			t.Errorf("%s has no content type", name)
		}
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		root, err := parseXML(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := path.Dir(path.Dir(name))
		for _, r := range root.kids {
			target := path.Clean(path.Join(base, r.attr("Target")))
			if parts[target] == nil {
				t.Errorf("%s: relationship %s points to %s, which is not in the package", name, r.attr("Id"), target)
			}
			reached[target] = true
		}
	}
	for name := range parts {
		if name != "[Content_Types].xml" && !strings.HasSuffix(name, ".rels") && !reached[name] {
			t.Errorf("no relationship reaches %s", name)
		}
	}
	// The document's own references.
	doc := string(parts["word/document.xml"])
	rels := string(parts["word/_rels/document.xml.rels"])
	for _, m := range regexp.MustCompile(`r:id="([^"]+)"`).FindAllStringSubmatch(doc, -1) {
		if !strings.Contains(rels, `Id="`+m[1]+`"`) {
			t.Errorf("document.xml refers to %s, which word/_rels/document.xml.rels lacks", m[1])
		}
	}
	styles := string(parts["word/styles.xml"])
	for _, m := range regexp.MustCompile(`<w:pStyle w:val="([^"]+)"`).FindAllStringSubmatch(doc, -1) {
		if !strings.Contains(styles, `w:styleId="`+m[1]+`"`) {
			t.Errorf("document.xml uses style %s, which styles.xml lacks", m[1])
		}
	}
	numbering := string(parts["word/numbering.xml"])
	for _, m := range regexp.MustCompile(`<w:numId w:val="([^"]+)"`).FindAllStringSubmatch(doc, -1) {
		if !strings.Contains(numbering, `w:numId="`+m[1]+`"`) {
			t.Errorf("document.xml uses numbering %s, which numbering.xml lacks", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`<w:abstractNumId w:val="([^"]+)"`).FindAllStringSubmatch(numbering, -1) {
		if !strings.Contains(numbering, `w:abstractNumId="`+m[1]+`"`) {
			t.Errorf("numbering.xml uses abstract numbering %s, which it lacks", m[1])
		}
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`<w:(?:ins|del) w:id="([0-9]+)"`).FindAllStringSubmatch(doc, -1) {
		if ids[m[1]] {
			t.Errorf("revision ID %s is used twice", m[1])
		}
		ids[m[1]] = true
	}
}

// wellFormed reads XML to its end.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
