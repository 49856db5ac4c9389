package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/docx"
	"parley/storage"
)

// unzip returns a part of a Word document on disk.
func unzip(t *testing.T, path, part string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := docx.ReadPart(data, path, part)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStatementWord writes the statement and its redline as Word
// documents and imports a Word draft back: the same statement.
func TestStatementWord(t *testing.T) {
	dir, path := stmtSample(t)
	doc := filepath.Join(dir, "statement.docx")
	code, stdout, errs := runCLI("statement", path, "-o", doc, "--paper", "letter", "--side", "jp")
	if code != exitOK || stdout != "" {
		t.Fatalf("statement -o: exit %d\n%s%s", code, stdout, errs)
	}
	if d := unzip(t, doc, "word/document.xml"); !strings.Contains(d, `w:w="12240"`) || !strings.Contains(d, "<w:numPr>") {
		t.Error("not a Letter page with Word numbering")
	}
	// Draft 1, as text to a file.
	txt := filepath.Join(dir, "draft1.txt")
	if code, _, errs := runCLI("statement", "--draft", "1", path, "-o", txt); code != exitOK {
		t.Fatalf("statement --draft 1 -o: exit %d %s", code, errs)
	}
	if b, _ := os.ReadFile(txt); !strings.Contains(string(b), "1. To play a leading role") {
		t.Errorf("draft 1 as text:\n%s", b)
	}
	// Clean is refused while brackets are open, naming them.
	code, _, errs = runCLI("statement", path, "--clean", "-o", filepath.Join(dir, "clean.docx"))
	if code != exitRefused || !strings.Contains(errs, path+": paragraph 5 bis: alternative wording proposed by Australia") {
		t.Errorf("clean: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "clean.docx")); err == nil {
		t.Error("a refused clean statement was written")
	}
	if code, _, errs := runCLI("statement", path, "-o", filepath.Join(dir, "s.doc")); code != exitUsage || !strings.Contains(errs, ".docx") {
		t.Errorf("-o s.doc: exit %d %s", code, errs)
	}
	// The redline as tracked changes, by the side that made each.
	changes := filepath.Join(dir, "changes.docx")
	if code, _, errs := runCLI("diff", path, "--from", "1", "--to", "2", "-o", changes); code != exitOK {
		t.Fatalf("diff -o: exit %d %s", code, errs)
	}
	d := unzip(t, changes, "word/document.xml")
	if !strings.Contains(d, `<w:ins w:id=`) || !strings.Contains(d, `w:author="Australia"`) {
		t.Errorf("no tracked insertion by Australia in %s", changes)
	}
	// Import the Word statement into the meeting: nothing changes but the
	// saved draft.
	out := filepath.Join(dir, "imported.parley")
	code, stdout, errs = runCLI("import-statement", path, doc, "--replace", "--side", "JP", "-o", out)
	if code != exitOK {
		t.Fatalf("import-statement .docx: exit %d\n%s%s", code, stdout, errs)
	}
	if !strings.Contains(errs, "the signature block") {
		t.Errorf("no note of the signature block left out:\n%s", errs)
	}
	after, _, err := storage.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	orig, _, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := after.StatementText(), orig.StatementText(); got != want {
		t.Errorf("imported from Word:\n%s\nwant\n%s", got, want)
	}
}

// TestImportWordRefused imports files that are not Word documents: a
// clear message naming the file, exit 1, and the meeting unchanged.
func TestImportWordRefused(t *testing.T) {
	dir, path := stmtSample(t)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bomb bytes.Buffer
	z := zip.NewWriter(&bomb)
	w, _ := z.Create("word/document.xml")
	w.Write(bytes.Repeat([]byte("<"), docx.MaxPartSize+10))
	z.Close()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"notes.docx", []byte("just text"), "not a Word document"},
		{"bomb.docx", bomb.Bytes(), "zip bomb"},
		{"old.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...), "old binary Word document"},
	} {
		f := filepath.Join(dir, tc.name)
		os.WriteFile(f, tc.data, 0o644)
		code, _, errs := runCLI("import-statement", path, f, "--replace")
		if code != exitBad || !strings.Contains(errs, f+": ") || !strings.Contains(errs, tc.want) || !strings.Contains(errs, "the meeting is unchanged") {
			t.Errorf("%s: exit %d\n%s", tc.name, code, errs)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
			t.Errorf("%s: the meeting file changed", tc.name)
		}
	}
}

// TestExportWordPack writes the pack's text, and one brief, as Word
// documents.
func TestExportWordPack(t *testing.T) {
	dir, path := stmtSample(t)
	out := filepath.Join(dir, "brief.docx")
	if code, _, errs := runCLI("export", path, "-o", out, "--side", "JP"); code != exitOK {
		t.Fatalf("export -o .docx: exit %d %s", code, errs)
	}
	if d := unzip(t, out, "word/document.xml"); !strings.Contains(d, "2nd Japan-Australia Cyber Policy Dialogue") || !strings.Contains(d, "Draft joint statement") {
		t.Error("the Word pack lacks Japan's title or the statement")
	}
	one := filepath.Join(dir, "item3.docx")
	if code, _, errs := runCLI("export", path, "--item", "3", "-o", one); code != exitOK {
		t.Fatalf("export --item 3: exit %d %s", code, errs)
	}
	d := unzip(t, one, "word/document.xml")
	if !strings.Contains(d, "International law") || strings.Contains(d, "Opening remarks") {
		t.Error("one item's brief holds the wrong briefs")
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", path, "--item", "42", "-o", one}, exitUsage, "there is no brief \"42\" (the briefs are 1 Opening remarks"},
		{[]string{"export", path, "--item", "3", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "one item's brief is written as a Word document"},
		{[]string{"export", path, "--changes-since", "1", "-o", one}, exitUsage, "parley diff FILE --from N -o changes.docx"},
		{[]string{"export", path, "--final", "-o", one}, exitRefused, "final pack refused"},
	} {
		code, _, errs := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d\n%s", tc.args, code, errs)
		}
	}
}
