package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"

	"parley/app"
	"parley/app/docx"
	"parley/app/sample"
)

// docxPart returns a part of a Word document on disk.
func docxPart(t *testing.T, path, part string) string {
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

// TestImportWordDraft drops a Word draft on the window: the dialog shows
// what it holds; importing puts it in the statement and saves it as a
// draft received from the other side, and undo takes both back.
func TestImportWordDraft(t *testing.T) {
	e, _ := statementEditor(t)
	m := e.doc.Meeting()
	want := m.StatementText()
	// The draft: the sample statement with one more word, written as Word.
	src := sample.Sample()
	doc := app.NewDocument(src)
	p1 := src.DisplayOrder()[0]
	if err := doc.Do(src.SetTextEdit(p1.ID, strings.Replace(p1.Text.Plain(), "leading role", "leading and central role", 1))); err != nil {
		t.Fatal(err)
	}
	data, err := docx.Statement(src, docx.StatementOptions{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "japanese draft.docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	drafts := len(m.Versions)
	e.dropped(fyne.NewPos(10, 10), []fyne.URI{fstorage.NewFileURI(path)})
	finished(e)
	si := e.statementImport
	if si == nil || si.path != path || !si.open {
		t.Fatal("dropping a Word draft did not open the import dialog")
	}
	if !strings.Contains(si.summary.Text, "14 paragraphs (7 numbered)") || !strings.Contains(si.issues.Text, "the signature block") {
		t.Errorf("dialog: %s\n%s", si.summary.Text, si.issues.Text)
	}
	if si.side.Selected != "Japan" {
		t.Errorf("the draft is taken to come from %q, not the other side", si.side.Selected)
	}
	button(t, e, "Import").OnTapped()
	m = e.doc.Meeting()
	if got := m.DisplayOrder()[0].Text.Plain(); !strings.Contains(got, "leading and central role") {
		t.Errorf("paragraph 1 after import: %q", got)
	}
	v := m.DraftByNumber(m.NextDraftNumber() - 1)
	if len(m.Versions) != drafts+1 || v.Direction != app.DirReceived || v.Label != "Imported from japanese draft.docx" {
		t.Errorf("saved draft: %+v", v)
	}
	e.undo()
	e.undo()
	if got := e.doc.Meeting().StatementText(); got != want || len(e.doc.Meeting().Versions) != drafts {
		t.Error("undo did not take the import back")
	}
}

// TestImportBadWordFile imports a file that is not a Word document: a
// message naming it, and the meeting unchanged.
func TestImportBadWordFile(t *testing.T) {
	e, _ := statementEditor(t)
	path := filepath.Join(t.TempDir(), "draft.docx")
	os.WriteFile(path, []byte("not a zip"), 0o644)
	before := e.doc.Meeting().StatementText()
	e.importStatementDialog(path)
	finished(e)
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), path+": ") || !strings.Contains(e.lastError.Error(), "The meeting is unchanged") {
		t.Fatalf("error: %v", e.lastError)
	}
	if e.doc.Meeting().StatementText() != before || e.doc.Dirty() {
		t.Error("the meeting changed")
	}
}

// TestExportStatementAndRedlineAsWord exports the statement as Word and as
// text, the redline as tracked changes, and the pack's text as Word.
func TestExportStatementAndRedlineAsWord(t *testing.T) {
	e, s := statementEditor(t)
	dir := t.TempDir()
	e.exportStatementDialog()
	f := e.statementExport
	f.paper.SetSelected("US Letter")
	f.copyOf.SetSelectedIndex(len(f.copyID) - 1) // jointly issued
	word := filepath.Join(dir, "statement.docx")
	f.exportTo(word, true)
	finished(e)
	if d := docxPart(t, word, "word/document.xml"); !strings.Contains(d, `w:w="12240"`) || !strings.Contains(d, "5 bis.") {
		t.Error("the Word statement is not Letter, or lacks 5 bis")
	}
	text := filepath.Join(dir, "statement.txt")
	f.exportTo(text, false)
	finished(e)
	if b, _ := os.ReadFile(text); string(b) != e.doc.Meeting().StatementText() {
		t.Error("the text export is not the statement's text")
	}
	f.clean.SetChecked(true)
	e.lastError = nil
	f.exportTo(filepath.Join(dir, "clean.docx"), true)
	finished(e)
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), "clean statement refused") {
		t.Errorf("clean export with brackets: %v", e.lastError)
	}
	if _, err := os.Stat(filepath.Join(dir, "clean.docx")); err == nil {
		t.Error("a refused clean export was written")
	}
	// The redline of drafts 1 and 2, as the drafts pane compares them.
	s.tabs.Select(s.draftsTab)
	s.drafts.compare(1, 2)
	red := filepath.Join(dir, "changes.docx")
	s.drafts.exportRedlineTo(red, s.drafts.fromN, s.drafts.toN)
	finished(e)
	if d := docxPart(t, red, "word/document.xml"); !strings.Contains(d, `w:author="Australia"`) {
		t.Error("the redline has no tracked change by Australia")
	}
	if e.lastExport != red {
		t.Errorf("last export %q", e.lastExport)
	}
	// The pack's text as Word, from the export dialog.
	e.exportDialog()
	pf := e.exportForm
	pf.format.SetSelected(packWord)
	if !pf.lines.Disabled() || !pf.changes.Disabled() {
		t.Error("line numbers and the redline are offered for the Word pack")
	}
	pack := filepath.Join(dir, "pack.docx")
	m := e.doc.Meeting().Clone()
	e.writeInBackground("briefing pack", pack, func() ([]byte, error) { return docx.Pack(m, wordPackOptions(pf.options())) })
	finished(e)
	if d := docxPart(t, pack, "word/document.xml"); !strings.Contains(d, "Briefs") || !strings.Contains(d, "Draft joint statement") {
		t.Error("the Word pack lacks the briefs or the statement")
	}
}
