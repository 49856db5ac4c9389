package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// twoCopies saves the sample, then two copies of it edited on two sides:
// the same field (Rob McKinnon's position) differently, and a different
// field each.
func twoCopies(t *testing.T) (dir, a, b string) {
	t.Helper()
	dir = t.TempDir()
	origin := sample.Sample()
	edit := func(name, position, city, venue string) string {
		d := app.NewDocument(origin.Clone())
		m := d.Meeting()
		var rob *app.Person
		for _, p := range m.People {
			if p.Family == "McKinnon" {
				rob = p
			}
		}
		ops := []app.Op{app.Set(app.KindPerson, rob.ID, "position", position)}
		if city != "" {
			ops = append(ops, app.Set(app.KindDetails, m.Details.ID, "city", city))
		}
		if venue != "" {
			ops = append(ops, app.Set(app.KindDetails, m.Details.ID, "venue", venue))
		}
		if err := d.Apply(app.Edit{Ops: ops}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := storage.Save(path, d.Meeting()); err != nil {
			t.Fatal(err)
		}
		return path
	}
	return dir, edit("a.parley", "First Assistant Secretary", "Osaka", ""), edit("b.parley", "Ambassador for Cyber Affairs", "", "Iikura House")
}

func TestMergeDialogResolvesConflict(t *testing.T) {
	e := newTestEditor(t)
	_, a, b := twoCopies(t)
	e.load(a)
	finished(e)
	if e.path != a {
		t.Fatalf("opened %q", e.path)
	}
	e.mergeFile(b, false, nil)
	finished(e)
	r := e.lastMerge
	if r == nil || len(r.conflicts()) != 1 {
		t.Fatalf("merge review: %+v", r)
	}
	if c := r.conflicts()[0]; !strings.Contains(c.Where, `"Rob McKinnon"`) || c.MineText() != "First Assistant Secretary" || c.TheirsText() != "Ambassador for Cyber Affairs" {
		t.Fatalf("conflict %s: %q | %q", c.Where, c.MineText(), c.TheirsText())
	}
	r.choice.SetSelected(takeTheirs)
	test.Tap(button(t, e, "Apply Merge"))
	m := e.doc.Meeting()
	if m.Details.City != "Osaka" || m.Details.Venue != "Iikura House" {
		t.Errorf("both sides' other edits kept? city %q venue %q", m.Details.City, m.Details.Venue)
	}
	for _, p := range m.People {
		if p.Family == "McKinnon" && p.Position != "Ambassador for Cyber Affairs" {
			t.Errorf("conflict settled to %q", p.Position)
		}
	}
	if len(m.Conflicts) != 0 {
		t.Errorf("conflicts left: %v", m.Conflicts)
	}
	if !e.doc.Dirty() {
		t.Error("merge did not mark unsaved")
	}
	e.undo()
	if e.doc.Meeting().Details.Venue == "Iikura House" {
		t.Error("one undo did not take back the merge")
	}
}

func TestUnsettledConflictStaysAndCanBeSettledLater(t *testing.T) {
	e := newTestEditor(t)
	_, a, b := twoCopies(t)
	e.load(a)
	finished(e)
	e.mergeFile(b, false, nil)
	finished(e)
	test.Tap(button(t, e, "Apply Merge"))
	if len(e.doc.Meeting().Conflicts) != 1 {
		t.Fatal("the open conflict was not kept")
	}
	var conflict app.Problem
	for _, p := range e.problems {
		if strings.HasPrefix(p.What, "merge conflict") {
			conflict = p
		}
	}
	if conflict.ID == "" {
		t.Fatalf("no conflict among problems: %v", e.problems)
	}
	e.resolveStoredConflict(conflict.ID, conflict.Field)
	r := e.lastMerge
	r.choice.SetSelected(editValue)
	r.edit.SetText("Assistant Secretary and Ambassador")
	test.Tap(button(t, e, "Settle"))
	if len(e.doc.Meeting().Conflicts) != 0 {
		t.Fatal("conflict not settled")
	}
	ref, _ := e.doc.Lookup(conflict.ID)
	if got := ref.Record.(*app.Person).Position; got != "Assistant Secretary and Ambassador" {
		t.Fatalf("position %q", got)
	}
}

func TestSaveOverChangedFileOffersMerge(t *testing.T) {
	e := newTestEditor(t)
	_, a, b := twoCopies(t)
	e.load(a)
	finished(e)
	// Another Parley saves a different copy over the file.
	data, _ := os.ReadFile(b)
	if err := os.WriteFile(a, data, 0o644); err != nil {
		t.Fatal(err)
	}
	retype(e.views["overview"].(*overview).purpose, "Purpose rewritten here.")
	e.save(nil)
	if got, _ := os.ReadFile(a); string(got) != string(data) {
		t.Fatal("saved over a file that changed on disk")
	}
	test.Tap(button(t, e, "Merge…"))
	finished(e)
	e.lastMerge.choice.SetSelected(keepMine)
	test.Tap(button(t, e, "Apply Merge"))
	m, _, err := storage.Load(a)
	if err != nil {
		t.Fatal(err)
	}
	if m.Details.Purpose != "Purpose rewritten here." || m.Details.Venue != "Iikura House" || m.Details.City != "Osaka" {
		t.Fatalf("merged save: purpose %q venue %q city %q", m.Details.Purpose, m.Details.Venue, m.Details.City)
	}
	if e.doc.Dirty() {
		t.Error("still unsaved after the merged save")
	}
	// Saving again writes without asking: the fingerprint is the new file's.
	retype(e.views["overview"].(*overview).city, "Kyoto")
	e.save(nil)
	if m, _, _ := storage.Load(a); m.Details.City != "Kyoto" {
		t.Fatal("second save")
	}
}

func TestOpenFileHeldByAnotherParley(t *testing.T) {
	e := newTestEditor(t)
	_, a, _ := twoCopies(t)
	held := storage.LockInfo{App: "parley", Host: "embassy-laptop", PID: 4242, User: "alice", Time: time.Now(), Token: "t"}
	data, _ := json.Marshal(held)
	if err := os.WriteFile(storage.LockPath(a), data, 0o644); err != nil {
		t.Fatal(err)
	}
	e.load(a)
	finished(e)
	if e.path == a {
		t.Fatal("opened without asking")
	}
	test.Tap(button(t, e, "Open Anyway"))
	if e.path != a {
		t.Fatal("not opened after Open Anyway")
	}
	info, ok := storage.ReadLock(a)
	if !ok || !info.Mine() {
		t.Fatalf("the lock is %v", info)
	}
	e.quit()
	if _, ok := storage.ReadLock(a); ok {
		t.Fatal("lock left after closing")
	}
}

func TestRecoveryCopyRestores(t *testing.T) {
	e := newTestEditor(t)
	_, a, _ := twoCopies(t)
	e.load(a)
	finished(e)
	retype(e.views["overview"].(*overview).city, "Nagoya")
	if err := e.writeRecovery(); err != nil {
		t.Fatal(err)
	}
	copies, err := e.rec.List()
	if err != nil || len(copies) != 1 || copies[0].Original != a {
		t.Fatalf("recovery copies %v, %v", copies, err)
	}
	// As the next start would after a crash: a new window offers it (the
	// copy's writer is this test process, alive, so offer it by hand).
	dir := e.rec.Dir
	e.lock.Unlock()
	e.lock = nil
	e = newTestEditor(t)
	e.rec = storage.NewRecovery(dir)
	e.askRestore(copies[0])
	test.Tap(button(t, e, "Restore"))
	finished(e)
	if e.path != a || e.doc.Meeting().Details.City != "Nagoya" || !e.doc.Dirty() {
		t.Fatalf("restored: path %q city %q dirty %v", e.path, e.doc.Meeting().Details.City, e.doc.Dirty())
	}
	e.save(nil)
	if copies, _ := e.rec.List(); len(copies) != 0 {
		t.Fatal("a successful save left the recovery copy")
	}
}

func TestDroppedFiles(t *testing.T) {
	e := newTestEditor(t)
	_, a, _ := twoCopies(t)
	list := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(list, []byte("Family name,Given name\nLee,Choong-myon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e.dropped(fyne.NewPos(10, 10), []fyne.URI{fstorage.NewFileURI(list)})
	finished(e)
	if e.peopleImport == nil || e.peopleImport.path != list {
		t.Fatal("dropping a list did not start an import")
	}
	e.dropped(fyne.NewPos(10, 10), []fyne.URI{fstorage.NewFileURI(a)})
	finished(e)
	if e.path != a {
		t.Fatalf("dropping a meeting did not open it: %q", e.path)
	}
	e.dropped(fyne.NewPos(10, 10), []fyne.URI{fstorage.NewFileURI(filepath.Join(t.TempDir(), "notes.pages"))})
	finished(e)
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), "drop a .parley meeting") {
		t.Fatalf("unknown file: %v", e.lastError)
	}
}

// TestMergeIdenticalCopyChangesNothing: merging in a copy identical to the
// open meeting (or an older one) leaves it saved, with nothing to undo.
func TestMergeIdenticalCopyChangesNothing(t *testing.T) {
	e := newTestEditor(t)
	_, a, _ := twoCopies(t)
	e.load(a)
	finished(e)
	same := filepath.Join(t.TempDir(), "same.parley")
	data, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(same, data, 0o644); err != nil {
		t.Fatal(err)
	}
	e.mergeFile(same, false, nil)
	finished(e)
	test.Tap(button(t, e, "Apply Merge"))
	if e.doc.Dirty() {
		t.Fatal("merging an identical copy marked the meeting unsaved")
	}
	if ok, label := e.doc.CanUndo(); ok {
		t.Fatalf("an undo step %q for a merge that changed nothing", label)
	}
}
