package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// nextInWindow prepares the next meeting of the sample as File > New
// Meeting in This Series… does once a file is chosen, and returns the
// editor showing it.
func nextInWindow(t *testing.T, last *app.Meeting) (*Editor, string) {
	t.Helper()
	e := openMeeting(t, last)
	dir := t.TempDir()
	e.path = filepath.Join(dir, "2nd.parley")
	next, sum, err := app.Next(last, app.NextOptions{File: "2nd.parley"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "3rd.parley")
	e.writeNext(path, next, sum)
	finished(e)
	if e.path != path {
		t.Fatalf("the window shows %q, want the next meeting %q", e.path, path)
	}
	return e, path
}

func TestNextMeetingWindow(t *testing.T) {
	last := sample.Sample()
	e, path := nextInWindow(t, last)
	saved, _, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Details.ID == last.Details.ID || saved.Details.Ordinal != 3 {
		t.Errorf("saved meeting ID %s, number %d", saved.Details.ID, saved.Details.Ordinal)
	}
	if found := findLabel(e, "What carried over"); !found {
		t.Error("no summary shown")
	}
	if e.doc.Dirty() {
		t.Error("the next meeting is unsaved just after it was written")
	}
}

// findLabel reports whether a dialog or the window shows text.
func findLabel(e *Editor, text string) bool {
	c := e.win.Canvas()
	for _, r := range append(c.Overlays().List(), c.Content()) {
		for _, o := range test.LaidOutObjects(r) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) {
				return true
			}
			if rt, ok := o.(*widget.RichText); ok && strings.Contains(rt.String(), text) {
				return true
			}
		}
	}
	return false
}

func TestConfirmParticipants(t *testing.T) {
	e, _ := nextInWindow(t, sample.Sample())
	e.showView("delegations")
	d := e.views["delegations"].(*delegations)
	m := e.doc.Meeting()
	side := d.sideID
	before := len(m.ToConfirm(side))
	if before < 2 {
		t.Fatalf("%d participants to confirm", before)
	}
	// One click on a row's Confirm confirms that person: one edit.
	first := m.PeopleOf(side)[0]
	row := d.createRow()
	d.updateRow(0, row)
	var confirm *widget.Button
	for _, o := range test.LaidOutObjects(row) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Confirm" {
			confirm = b
		}
	}
	if confirm == nil || !confirm.Visible() || !row.(*dragRow).content.(*fyne.Container).Objects[2].(*fyne.Container).Objects[1].Visible() {
		t.Fatal("no Confirm button on a participant to confirm")
	}
	test.Tap(confirm)
	if first.ToConfirm || len(m.ToConfirm(side)) != before-1 {
		t.Fatalf("after one click: first to confirm %v, %d left", first.ToConfirm, len(m.ToConfirm(side)))
	}
	// Confirm all: one edit, undone at once.
	test.Tap(button(t, e, "Confirm all "+strconv.Itoa(before-1)))
	if n := len(m.ToConfirm(side)); n != 0 {
		t.Fatalf("%d left after Confirm all", n)
	}
	if d.confirmAll.Visible() {
		t.Error("Confirm all still offered")
	}
	e.undo()
	if n := len(m.ToConfirm(side)); n != before-1 {
		t.Errorf("undo of Confirm all left %d to confirm, want %d", n, before-1)
	}
}

func TestBriefLastTime(t *testing.T) {
	last := sample.Sample()
	e, _ := nextInWindow(t, last)
	e.showView("briefs")
	b := e.views["briefs"].(*briefs)
	var it *app.Item
	for _, x := range e.doc.Meeting().Items {
		if x.LastTime != nil && x.LastTime.Objectives != "" {
			it = x
			break
		}
	}
	if it == nil {
		t.Fatal("no item with last time's objectives")
	}
	b.selected = it.ID
	b.showForm()
	if !b.lastTime.Visible() || len(b.lastTime.Items) != 1 || !strings.HasPrefix(b.lastTime.Items[0].Title, "Last time: 2nd") {
		t.Fatalf("last time section: visible %v, %d items", b.lastTime.Visible(), len(b.lastTime.Items))
	}
	if b.lastTime.Items[0].Open {
		t.Error("the last time section is open at first; it should be collapsed")
	}
	b.lastTime.Open(0)
	var use *widget.Button
	for _, o := range test.LaidOutObjects(b.lastTime.Items[0].Detail) {
		if x, ok := o.(*widget.Button); ok && x.Text == "Use" && use == nil {
			use = x
		}
	}
	if use == nil {
		t.Fatal("no Use button")
	}
	test.Tap(use)
	if it.Objectives != it.LastTime.Objectives || b.objectives.Text != it.Objectives {
		t.Fatalf("objectives %q, entry %q, want last time's %q", it.Objectives, b.objectives.Text, it.LastTime.Objectives)
	}
	e.undo()
	if it.Objectives != "" || b.objectives.Text != "" {
		t.Errorf("after undo: objectives %q, entry %q", it.Objectives, b.objectives.Text)
	}
}

func TestAgreedLanguageCarriedOver(t *testing.T) {
	e, _ := nextInWindow(t, sample.Sample())
	e.app.Preferences().SetString(prefAgreedDir, "")
	e.showView("statement")
	s := e.views["statement"].(*statementView)
	showAgreedSearch(s)
	finished(e)
	a := s.agreedDialog
	if len(a.matches) == 0 {
		t.Fatalf("no carried-over paragraphs listed; status %q", a.status.Text)
	}
	a.chosen = 0
	mt := a.matches[0]
	a.insertChosen()
	var p *app.Paragraph
	for _, q := range e.doc.Meeting().Paragraphs {
		if q.Source != nil {
			p = q
		}
	}
	if p == nil {
		t.Fatal("no paragraph with a source inserted")
	}
	if !strings.HasPrefix(p.Source.Meeting, "2nd ") || p.Source.Number != mt.Source.Number || p.Source.Number == "" {
		t.Errorf("source %+v", *p.Source)
	}
}

func TestNextMeetingRefusedOrAsks(t *testing.T) {
	conflicted := sample.Sample()
	conflicted.Conflicts = []app.Conflict{{ID: app.NewID(), Kind: app.KindPerson, Record: conflicted.People[0].ID,
		Field: "position", Where: `participant 1 ("Rob McKinnon").position`, Mine: []byte(`"A"`), Theirs: []byte(`"B"`)}}
	unnumbered := sample.Sample()
	unnumbered.Details.Ordinal = 0
	tests := []struct {
		name       string
		m          *app.Meeting
		want, view string
	}{
		{name: "open conflicts", m: conflicted, want: "participant 1", view: "problems"},
		{name: "no number", m: unnumbered, want: "no number in the series", view: "overview"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := openMeeting(t, tc.m)
			e.showView("overview")
			e.nextMeeting()
			if !findLabel(e, tc.want) {
				t.Errorf("no dialog saying %q", tc.want)
			}
			if e.current != tc.view {
				t.Errorf("view %q, want %q", e.current, tc.view)
			}
		})
	}
}
