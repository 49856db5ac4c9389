package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// runsOf collects the redline runs of one kind in a paragraph.
func runsOf(p *app.RedlinePara, op app.RunOp) []string {
	var out []string
	for _, r := range append(append([]app.Run{}, p.LeadIn...), p.Text...) {
		if r.Op == op {
			out = append(out, r.Text)
		}
	}
	return out
}

func TestSaveDraftAndCompareWithCurrentText(t *testing.T) {
	e, s := statementEditor(t)
	m := e.doc.Meeting()
	jp := sideByCode(t, m, "JP")
	s.tabs.Select(s.draftsTab)
	test.Tap(button(t, e, "Save draft…"))
	f := s.drafts.lastSaveForm
	if f == nil || len(f.date.Text) != 10 {
		t.Fatal("no save dialog, or no date")
	}
	test.Type(f.label, "Australian counter-proposal")
	f.date.SetText("2016-07-29")
	test.Tap(button(t, e, "Save draft 3"))
	v := e.doc.Meeting().DraftByNumber(3)
	if v == nil || v.Label != "Australian counter-proposal" || v.Date != "2016-07-29" || v.Direction != app.DirSent || v.Side != jp {
		t.Fatalf("draft 3: %+v", v)
	}
	if s.drafts.selected != v.ID || len(s.drafts.versions) != 3 || s.drafts.versions[0] != v {
		t.Fatal("the new draft is not listed first and selected")
	}

	// Change the current text, then compare draft 3 with it.
	p := paraStarting(t, e, "The Participants will work together")
	s.tabs.Select(s.textTab)
	s.selectID(p.ID)
	s.form.text.SetText(strings.Replace(p.Text.Plain(), "strengthen cyber defences", "build stronger defences", 1))
	s.tabs.Select(s.draftsTab)
	s.drafts.compare(3, 0)
	r := s.drafts.red.shown
	if r == nil || r.From.Number != 3 || r.To.Number != 0 {
		t.Fatalf("redline %+v", r)
	}
	var changed *app.RedlinePara
	for i := range r.Paragraphs {
		if r.Paragraphs[i].ID == p.ID {
			changed = &r.Paragraphs[i]
		}
	}
	if changed == nil || changed.Status != app.ParaChanged {
		t.Fatalf("paragraph %+v", changed)
	}
	if got := strings.Join(runsOf(changed, app.RunDelete), "|"); got != "strengthen cyber" {
		t.Errorf("deleted %q", got)
	}
	if got := strings.Join(runsOf(changed, app.RunInsert), "|"); got != "build stronger" {
		t.Errorf("inserted %q", got)
	}
	// The redline follows the current text as it changes.
	s.form.text.SetText(s.form.text.Text + " Each year.")
	if got := strings.Join(runsOf(&s.drafts.red.shown.Paragraphs[indexOfRed(s.drafts.red.shown, p.ID)], app.RunInsert), "|"); !strings.Contains(got, "Each year") {
		t.Errorf("after more typing, inserted %q", got)
	}
	// Drawn: insertions underlined green, deletions struck red.
	segs := redlineSegs(changed)
	var ins, del bool
	for _, sg := range segs {
		if sg.text == "build stronger" && sg.style.TextStyle.Underline && sg.style.ColorName == "success" {
			ins = true
		}
		if sg.text == "strengthen cyber" && sg.style.TextStyle.Strikethrough && sg.style.ColorName == "error" {
			del = true
		}
	}
	if !ins || !del {
		t.Errorf("styles: inserted %v, deleted %v", ins, del)
	}
	e.undo()
	e.undo()
	e.undo()
	if e.doc.Meeting().DraftByNumber(3) != nil {
		t.Fatal("undo of the saved draft")
	}
}

func indexOfRed(r *app.Redline, id string) int {
	for i := range r.Paragraphs {
		if r.Paragraphs[i].ID == id {
			return i
		}
	}
	return -1
}

func TestRedlineOfSampleDrafts(t *testing.T) {
	e, s := statementEditor(t)
	s.tabs.Select(s.draftsTab)
	s.drafts.compare(1, 2)
	r := s.drafts.red.shown
	if r == nil || r.SideName != "Australia" {
		t.Fatalf("redline by %q", r.SideName)
	}
	texts := s.drafts.red.header.String()
	if !strings.Contains(texts, "From draft 1 (Japanese first draft, 2016-07-12) to draft 2 (Australian comments, 2016-07-22): changes by Australia") {
		t.Errorf("header %q", texts)
	}
	// Draft 2 added the alternative 5 bis and Australia's bracket.
	var alt, bracket bool
	for i := range r.Paragraphs {
		p := &r.Paragraphs[i]
		if p.Status == app.ParaInserted && p.NewLabel == "5 bis" {
			alt = true
		}
		if strings.Contains(strings.Join(runsOf(p, app.RunInsert), ""), "[voluntary, non-binding ]") {
			bracket = true
		}
	}
	if !alt || !bracket {
		t.Errorf("5 bis inserted %v, bracket inserted %v", alt, bracket)
	}
	n := len(s.drafts.red.rows.looks)
	s.drafts.changesOnly.SetChecked(true)
	if m := len(s.drafts.red.rows.looks); m >= n || m == 0 {
		t.Errorf("only changes: %d rows of %d", m, n)
	}
	_ = e
}

func TestAgreedLanguageSearchAndInsert(t *testing.T) {
	dir := t.TempDir()
	old := sample.Sample()
	old.Details.Ordinal = 1
	old.Details.Start = "2015-05-12"
	for _, p := range old.Paragraphs {
		if strings.HasPrefix(p.Text.Plain(), "The Participants are committed to a free, fair") {
			p.AgreedLanguage = true
		}
	}
	if err := storage.Save(filepath.Join(dir, "inaugural.parley"), old); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.parley"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, s := statementEditor(t)
	after := paraStarting(t, e, "The Participants will work together")
	s.selectID(after.ID)
	e.app.Preferences().SetString(prefAgreedDir, dir)
	test.Tap(button(t, e, "Agreed language…"))
	finished(e)
	a := s.agreedDialog
	if a == nil || a.dir != dir || len(a.matches) == 0 {
		t.Fatalf("search at opening: %+v", a)
	}
	if !strings.Contains(a.status.Text, "broken.parley") {
		t.Errorf("status %q does not name the unreadable file", a.status.Text)
	}
	a.query.SetText("fair secure cyberspace")
	finished(e)
	a.search()
	finished(e)
	if len(a.matches) != 1 || !a.matches[0].Marked {
		t.Fatalf("%d matches", len(a.matches))
	}
	a.list.Select(0)
	if a.insert.Disabled() || a.insert.Text != "Insert after paragraph 2" {
		t.Fatalf("insert button %q", a.insert.Text)
	}
	n := len(e.doc.Meeting().Paragraphs)
	test.Tap(a.insert)
	m := e.doc.Meeting()
	p := m.ParagraphByID(s.selected)
	if len(m.Paragraphs) != n+1 || p == nil || !p.AgreedLanguage || p.Source == nil {
		t.Fatalf("inserted %+v", p)
	}
	if p.Source.Date != "2015-05-12" || p.Source.Number != "3" || p.Source.File != "inaugural.parley" || !strings.Contains(p.Source.Meeting, "Inaugural") {
		t.Errorf("source %+v", p.Source)
	}
	if s.nums.Label[p.ID] != "3" {
		t.Errorf("inserted as %q", s.nums.Label[p.ID])
	}
	var row string
	for _, sg := range s.rows.looks[s.indexOf(p.ID)].segs {
		row += sg.text
	}
	if !strings.Contains(row, "Agreed language from Inaugural") || !strings.Contains(row, "paragraph 3, inaugural.parley") {
		t.Errorf("row %q", row)
	}
	if !strings.Contains(s.form.source.Text, "2015-05-12") {
		t.Errorf("form source %q", s.form.source.Text)
	}
	e.undo()
	if len(e.doc.Meeting().Paragraphs) != n {
		t.Fatal("undo")
	}
}

func TestMarkAgreedLanguage(t *testing.T) {
	e, s := statementEditor(t)
	p := paraStarting(t, e, "The Participants will work together")
	s.selectID(p.ID)
	s.form.agreedLang.SetChecked(true)
	if !e.doc.Meeting().ParagraphByID(p.ID).AgreedLanguage {
		t.Fatal("not marked")
	}
	e.undo()
	if e.doc.Meeting().ParagraphByID(p.ID).AgreedLanguage || s.form.agreedLang.Checked {
		t.Fatal("undo")
	}
}

// TestGoldenStatementTabs compares the statement's other tabs with their
// master images.
func TestGoldenStatementTabs(t *testing.T) {
	t.Run("signatories", func(t *testing.T) {
		e, s := statementEditor(t)
		s.tabs.Select(s.titleTab)
		test.AssertImageMatches(t, "view-statement-signatories.png", e.win.Canvas().Capture())
	})
	t.Run("redline", func(t *testing.T) {
		e, s := statementEditor(t)
		s.tabs.Select(s.draftsTab)
		s.drafts.compare(1, 2)
		test.AssertImageMatches(t, "view-statement-redline.png", e.win.Canvas().Capture())
	})
}
