package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/storage"
)

// newTestEditor opens the sample meeting in a window of the test driver.
func newTestEditor(t *testing.T) *Editor {
	t.Helper()
	return openTestEditor(t, test.NewTempApp(t), Options{})
}

// openTestEditor opens the window as the options say on the app of the
// test driver a.
func openTestEditor(t *testing.T, a fyne.App, o Options) *Editor {
	t.Helper()
	t.Setenv(storage.RecoveryDirEnv, t.TempDir())
	// Fyne stamps each widget renderer it caches with a clock that only a
	// paint (Capture here) moves on, and a paint drops the renderers whose
	// stamp is a minute old. Without this, a window built more than a
	// minute after the last capture (a slow -race run) loses its renderers
	// at its first capture and paints them unlaid-out.
	test.NewCanvas().Capture()
	e, err := Open(a, o)
	if err != nil {
		t.Fatal(err)
	}
	e.win.Resize(fyne.NewSize(1280, 820))
	t.Cleanup(func() {
		finished(e)
		if !e.closed {
			e.win.SetCloseIntercept(nil)
			e.win.Close()
		}
	})
	return e
}

// finished waits for the editor's background work (opening, importing,
// exporting, merging) and for its results, which reach the window
// through fyne.Do.
func finished(e *Editor) { e.working.Wait() }

// button finds a button by its text on the window or its dialogs.
func button(t *testing.T, e *Editor, text string) *widget.Button {
	t.Helper()
	c := e.win.Canvas()
	var roots []fyne.CanvasObject
	roots = append(roots, c.Overlays().List()...)
	roots = append(roots, c.Content())
	for _, r := range roots {
		for _, o := range test.LaidOutObjects(r) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
				return b
			}
		}
	}
	t.Fatalf("no button %q on the window", text)
	return nil
}

func retype(f *fieldEntry, s string) {
	f.SetText("")
	test.Type(f, s)
}

func TestEditMeetingTitleUndo(t *testing.T) {
	e := newTestEditor(t)
	e.showView("overview")
	o := e.views["overview"].(*overview)
	retype(o.topic, "Cyber and Critical Technology Dialogue")
	if got := e.doc.Meeting().Details.Topic; got != "Cyber and Critical Technology Dialogue" {
		t.Fatalf("topic %q", got)
	}
	if !e.doc.Dirty() || !strings.HasPrefix(e.win.Title(), "*") {
		t.Fatalf("not marked unsaved: dirty %v, title %q", e.doc.Dirty(), e.win.Title())
	}
	if !strings.Contains(o.seriesPreview.Text, "2nd Australia-Japan Cyber and Critical Technology Dialogue") {
		t.Errorf("series preview %q", o.seriesPreview.Text)
	}
	// Ctrl+Z in the entry goes to the document.
	o.topic.TypedShortcut(&fyne.ShortcutUndo{})
	if got := e.doc.Meeting().Details.Topic; got != "Cyber Policy Dialogue" {
		t.Fatalf("after undo the topic is %q", got)
	}
	if o.topic.Text != "Cyber Policy Dialogue" {
		t.Errorf("the entry shows %q after undo", o.topic.Text)
	}
	if e.doc.Dirty() || strings.HasPrefix(e.win.Title(), "*") {
		t.Errorf("still unsaved after undoing the only edit: title %q", e.win.Title())
	}
	e.redo()
	if e.doc.Meeting().Details.Topic != "Cyber and Critical Technology Dialogue" || o.topic.Text != "Cyber and Critical Technology Dialogue" {
		t.Error("redo")
	}
}

func TestInvalidInputIsNotApplied(t *testing.T) {
	e := newTestEditor(t)
	o := e.views["overview"].(*overview)
	retype(o.dayStart, "9.30")
	if e.doc.Meeting().Details.DayStart != "09:30" {
		t.Fatalf("an invalid time reached the meeting: %q", e.doc.Meeting().Details.DayStart)
	}
	if o.dayStart.Validate() == nil {
		t.Error("the entry shows no error")
	}
	retype(o.dayStart, "10:00")
	if e.doc.Meeting().Details.DayStart != "10:00" {
		t.Fatalf("day start %q", e.doc.Meeting().Details.DayStart)
	}
}

func TestAddPersonAndReorder(t *testing.T) {
	e := newTestEditor(t)
	e.showView("delegations")
	d := e.views["delegations"].(*delegations)
	au := e.doc.Meeting().Details.OurSide
	before := len(e.doc.Meeting().PeopleOf(au))
	test.Tap(button(t, e, "Add"))
	people := e.doc.Meeting().PeopleOf(au)
	if len(people) != before+1 {
		t.Fatalf("%d people after Add, want %d", len(people), before+1)
	}
	added := d.selected
	test.Type(d.form.given, "Tobias")
	test.Type(d.form.family, "Feakin")
	test.Type(d.form.courtesy, "Dr")
	if d.form.name.Text != "Dr Tobias Feakin" {
		t.Errorf("preview %q", d.form.name.Text)
	}
	// Added after the selected first person: second in precedence.
	if people[1].ID != added {
		t.Fatalf("new person at place %d", d.precedence(people[1]))
	}
	test.Tap(d.up)
	if got := e.doc.Meeting().PeopleOf(au)[0]; got.ID != added || got.Name() != "Tobias Feakin" {
		t.Fatalf("first after moving up: %s", got.Name())
	}
	// Drag the first row two rows down.
	d.dragged(0, 2)
	if got := e.doc.Meeting().PeopleOf(au)[2]; got.ID != added {
		t.Fatalf("third after dragging: %s", got.Name())
	}
	e.undo()
	if got := e.doc.Meeting().PeopleOf(au)[0]; got.ID != added {
		t.Fatal("undo of the drag")
	}
}

func TestSearchFiltersDelegation(t *testing.T) {
	e := newTestEditor(t)
	d := e.views["delegations"].(*delegations)
	d.sideID = e.doc.Meeting().Details.HostSide
	d.refresh()
	test.Type(d.search, "nisc")
	if len(d.shown) != 1 || d.shown[0].Family != "Sato" {
		t.Fatalf("searching NISC shows %d people", len(d.shown))
	}
	d.search.SetText("水島")
	if len(d.shown) != 1 || d.shown[0].Family != "Mizushima" {
		t.Fatalf("searching 水島 shows %d people", len(d.shown))
	}
	if !d.up.Disabled() {
		t.Error("moving is allowed in a filtered list")
	}
}

func TestDurationMovesLaterItemsFixedStays(t *testing.T) {
	e := newTestEditor(t)
	p := e.views["programme"].(*programme)
	m := e.doc.Meeting()
	var strategies, tea, press *app.Item
	for _, it := range m.Items {
		switch it.Title {
		case "Cybersecurity strategies and policies":
			strategies = it
		case "Morning tea":
			tea = it
		case "Joint press availability":
			press = it
		}
	}
	p.focus(strategies.ID, "minutes")
	retype(p.form.minutes, "60")
	s := e.doc.Meeting().Schedule()
	teaSlot, _ := s.Slot(tea.ID)
	pressSlot, _ := s.Slot(press.ID)
	if app.FormatClock(teaSlot.Start) != "10:45" {
		t.Errorf("morning tea starts %s, want 10:45", app.FormatClock(teaSlot.Start))
	}
	if app.FormatClock(pressSlot.Start) != "16:30" {
		t.Errorf("the fixed press availability moved to %s", app.FormatClock(pressSlot.Start))
	}
	// The row before the fixed item shows the overlap.
	i := p.indexOf(press.ID) - 1
	sl, _ := s.Slot(p.items[i].ID)
	if w := p.warning(p.items[i], sl); !strings.Contains(w, "runs 25 min into “Joint press availability” fixed at 16:30") {
		t.Errorf("warning on the row before the press availability: %q", w)
	}
	if !strings.Contains(p.dayEnd.Text, "ends at 16:50, 10 min before the planned end (17:00)") {
		t.Errorf("day end: %q", p.dayEnd.Text)
	}
}

func TestToggleNotForDisclosure(t *testing.T) {
	e := newTestEditor(t)
	b := e.views["briefs"].(*briefs)
	m := e.doc.Meeting()
	var bg *app.Background
	for _, x := range m.Background {
		if !x.NotForDisclosure {
			bg = x
			break
		}
	}
	e.Show(bg.ID, "text")
	if e.current != "briefs" || b.selected != bg.Item {
		t.Fatalf("jump to background: view %s, item %s", e.current, b.selected)
	}
	var check *widget.Check
	for _, o := range test.LaidOutObjects(b.background) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Not for disclosure" && !c.Checked {
			check = c
			break
		}
	}
	if check == nil {
		t.Fatal("no unchecked not-for-disclosure box")
	}
	test.TapAt(check, fyne.NewPos(8, check.Size().Height/2))
	ref, _ := e.doc.Lookup(bg.ID)
	if !ref.Record.(*app.Background).NotForDisclosure {
		t.Fatal("flag not set")
	}
	e.undo()
	ref, _ = e.doc.Lookup(bg.ID)
	if ref.Record.(*app.Background).NotForDisclosure {
		t.Fatal("undo did not clear the flag")
	}
}

func TestJumpFromProblem(t *testing.T) {
	e := newTestEditor(t)
	pv := e.views["problems"].(*problemsView)
	if len(e.problems) == 0 {
		t.Fatal("the sample has no problem to jump to")
	}
	want := e.problems[0]
	pv.list.Select(0)
	ref, _ := e.doc.Lookup(want.ID)
	if ref.Kind != app.KindItem || e.current != "programme" {
		t.Fatalf("jumped to %s for a %s", e.current, ref.Kind)
	}
	if got := e.views["programme"].(*programme).selected; got != want.ID {
		t.Fatalf("selected %s, want %s", got, want.ID)
	}
}

func TestUnsavedPromptOnClose(t *testing.T) {
	e := newTestEditor(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "meeting.parley")
	e.writeTo(path, storage.Fingerprint{}, nil)
	o := e.views["overview"].(*overview)
	retype(o.city, "Canberra")
	closed := false
	e.win.(interface{ SetOnClosed(func()) }).SetOnClosed(func() { closed = true })

	e.requestClose()
	test.Tap(button(t, e, "Cancel"))
	if closed {
		t.Fatal("closed after Cancel")
	}
	e.requestClose()
	test.Tap(button(t, e, "Save"))
	if !closed {
		t.Fatal("not closed after Save")
	}
	m, _, err := storage.Load(path)
	if err != nil || m.Details.City != "Canberra" {
		t.Fatalf("saved file: %v, city %q", err, m.Details.City)
	}
}

func TestDontSaveDiscards(t *testing.T) {
	e := newTestEditor(t)
	path := filepath.Join(t.TempDir(), "meeting.parley")
	e.writeTo(path, storage.Fingerprint{}, nil)
	before, _ := os.ReadFile(path)
	retype(e.views["overview"].(*overview).city, "Canberra")
	e.newMeeting()
	test.Tap(button(t, e, "Don't Save"))
	if e.path != "" || e.doc.Meeting().Details.City != "" {
		t.Fatal("the new meeting did not replace the old one")
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("Don't Save changed the file")
	}
}

func TestOpenReportsBadFile(t *testing.T) {
	e := newTestEditor(t)
	path := filepath.Join(t.TempDir(), "broken.parley")
	_ = os.WriteFile(path, []byte(`{"format":"parley","version":"1.0","people":[{"id":"a","given":7}]}`), 0o644)
	e.load(path)
	finished(e)
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), `broken.parley: people[0], field "given"`) {
		t.Fatalf("error shown: %v", e.lastError)
	}
	if e.doc.Meeting().Details.Topic != "Cyber Policy Dialogue" {
		t.Fatal("the open meeting was replaced by a broken file")
	}
}

func TestImportParticipantsWithTwoBadRows(t *testing.T) {
	e := newTestEditor(t)
	m := e.doc.Meeting()
	path := filepath.Join(t.TempDir(), "japan.csv")
	csv := "\ufeffFamily name;Given name;Native;Position;Agency;Role\n" +
		"Tanaka;Hiroko;田中裕子;Director;MOFA;Member\n" +
		";;;Interpreter;MOFA;Interpreter\n" +
		"Nakamura;Koji;中村浩二;\"Deputy Director,\nCyber Policy\";NISC;Adviser\n" +
		"Mizushima;Koichi;水島光一;Ambassador;MOFA;Co-chair\n" +
		"Ota;Ken;太田健;Analyst;NPA;Member\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	jp := m.Details.HostSide
	before := len(m.PeopleOf(jp))
	e.views["delegations"].(*delegations).sideID = jp
	e.importPeopleDialog(path)
	finished(e)
	pi := e.peopleImport
	if pi == nil || pi.err != nil {
		t.Fatalf("import dialog: %v", pi.err)
	}
	if len(pi.result.Rejected) != 2 {
		t.Fatalf("rejected %v", pi.result.Rejected)
	}
	for _, want := range []string{"japan.csv:row 3:", "japan.csv:row 5:"} {
		if !strings.Contains(pi.rejected.Text, want) {
			t.Errorf("report %q lacks %q", pi.rejected.Text, want)
		}
	}
	test.Tap(button(t, e, "Import 3 participants"))
	after := e.doc.Meeting().PeopleOf(jp)
	if len(after) != before+3 {
		t.Fatalf("%d people after import, want %d", len(after), before+3)
	}
	var native []string
	for _, p := range after[before:] {
		native = append(native, p.Native)
	}
	if strings.Join(native, " ") != "田中裕子 中村浩二 太田健" {
		t.Errorf("imported native names %v", native)
	}
	e.undo()
	if got := len(e.doc.Meeting().PeopleOf(jp)); got != before {
		t.Fatalf("one undo leaves %d people, want %d", got, before)
	}
}

func TestDeleteKeyAsksFirst(t *testing.T) {
	e := newTestEditor(t)
	e.showView("programme")
	p := e.views["programme"].(*programme)
	n := len(e.doc.Meeting().Items)
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(e.doc.Meeting().Items) != n {
		t.Fatal("deleted without asking")
	}
	test.Tap(button(t, e, "Delete"))
	if len(e.doc.Meeting().Items) != n-1 {
		t.Fatalf("%d items after confirming, want %d", len(e.doc.Meeting().Items), n-1)
	}
	e.undo()
	if len(e.doc.Meeting().Items) != n {
		t.Fatal("undo")
	}
}
