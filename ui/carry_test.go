package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// passwordEntries finds the password entries of the window's dialogs.
func passwordEntries(e *Editor) []*widget.Entry {
	var out []*widget.Entry
	for _, r := range e.win.Canvas().Overlays().List() {
		for _, o := range test.LaidOutObjects(r) {
			if en, ok := o.(*widget.Entry); ok && en.Password {
				out = append(out, en)
			}
		}
	}
	return out
}

func TestEncryptFromTheWindow(t *testing.T) {
	e := newTestEditor(t)
	path := filepath.Join(t.TempDir(), "meeting.parley")
	if err := storage.Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	e.load(path)
	finished(e)
	e.encryptDialog()
	ents := passwordEntries(e)
	if len(ents) != 2 {
		t.Fatalf("%d password entries", len(ents))
	}
	test.Type(ents[0], "mot de passe 水")
	test.Type(ents[1], "mot de passe")
	test.Tap(button(t, e, "Encrypt and Save"))
	finished(e)
	if storage.IsEncryptedFile(path) {
		t.Fatal("encrypted with two different passphrases")
	}
	test.Type(ents[1], " 水")
	test.Tap(button(t, e, "Encrypt and Save"))
	finished(e)
	if !storage.IsEncryptedFile(path) || !storage.Encrypted(path) {
		t.Fatal("not saved encrypted")
	}
	// Save As keeps it encrypted.
	other := filepath.Join(filepath.Dir(path), "other.parley")
	e.writeTo(other, storage.Fingerprint{}, nil)
	finished(e)
	if !storage.IsEncryptedFile(other) {
		t.Fatal("Save As wrote it unencrypted")
	}
	// The passphrase dialog gives what was typed; cancel gives nothing.
	var got string
	var gotOK bool
	e.askPassphrase(path, true, func(p string, ok bool) { got, gotOK = p, ok })
	test.Type(passwordEntries(e)[0], "mot de passe 水")
	test.Tap(button(t, e, "Open"))
	if got != "mot de passe 水" || !gotOK {
		t.Fatalf("passphrase dialog gave %q %v", got, gotOK)
	}
	e.askPassphrase(path, false, func(p string, ok bool) { got, gotOK = p, ok })
	test.Tap(button(t, e, "Cancel"))
	if gotOK {
		t.Fatal("cancel gave a passphrase")
	}
	// Remove Encryption saves it plain.
	e.decryptDialog()
	test.Tap(button(t, e, "Remove and Save"))
	finished(e)
	if storage.IsEncryptedFile(other) {
		t.Fatal("still encrypted")
	}
}

func TestConflictedCopyOfferedMergedAndTrashed(t *testing.T) {
	trashHome := t.TempDir()
	t.Setenv("XDG_DATA_HOME", trashHome)
	e := newTestEditor(t)
	dir, path, copyPath := meetingAndCopy(t, "meeting (Anna's conflicted copy 2026-12-05).parley", "")
	other := sample.Large(sample.LargeOptions{})
	if err := storage.Save(filepath.Join(dir, "meeting-LAPTOP-7Q2.parley"), other); err != nil {
		t.Fatal(err)
	}
	e.load(path)
	finished(e)
	test.Tap(button(t, e, "Merge…"))
	finished(e)
	test.Tap(button(t, e, "Apply Merge"))
	if e.doc.Meeting().Details.Venue != "Iikura House" {
		t.Fatalf("not merged: venue %q", e.doc.Meeting().Details.Venue)
	}
	test.Tap(button(t, e, "Move to Trash"))
	if _, err := os.Stat(copyPath); !os.IsNotExist(err) {
		t.Fatal("the copy is still beside the file")
	}
	if _, err := os.Stat(filepath.Join(trashHome, "Trash", "files", filepath.Base(copyPath))); err != nil {
		t.Fatalf("not in the trash: %v", err)
	}
	// The copy of another meeting was not offered.
	for _, o := range e.win.Canvas().Overlays().List() {
		for _, w := range test.LaidOutObjects(o) {
			if b, ok := w.(*widget.Button); ok && b.Text == "Merge…" && b.Visible() {
				t.Fatal("the copy of another meeting was offered")
			}
		}
	}
}

// meetingAndCopy saves the sample as meeting.parley in a new folder, and
// beside it as name a copy whose venue was changed, encrypted with pass
// unless it is empty.
func meetingAndCopy(t *testing.T, name, pass string) (dir, path, copyPath string) {
	t.Helper()
	dir = t.TempDir()
	origin := sample.Sample()
	path = filepath.Join(dir, "meeting.parley")
	if err := storage.Save(path, origin); err != nil {
		t.Fatal(err)
	}
	d := app.NewDocument(origin.Clone())
	if err := d.Apply(app.Edit{Ops: []app.Op{app.Set(app.KindDetails, origin.Details.ID, "venue", "Iikura House")}}); err != nil {
		t.Fatal(err)
	}
	copyPath = filepath.Join(dir, name)
	if pass != "" {
		storage.SetPassphrase(copyPath, pass)
	}
	if err := storage.Save(copyPath, d.Meeting()); err != nil {
		t.Fatal(err)
	}
	return dir, path, copyPath
}

type fixedPassphrase string

func (f fixedPassphrase) Passphrase(string, bool) (string, error) { return string(f), nil }

// TestRestoreEncryptedRecoveryCopy: the recovery copy of an encrypted
// meeting is encrypted; restoring it asks for the passphrase, and the
// restored meeting saves encrypted.
func TestRestoreEncryptedRecoveryCopy(t *testing.T) {
	e := newTestEditor(t)
	path := filepath.Join(t.TempDir(), "meeting.parley")
	m := sample.Sample()
	m.Details.Venue = "Iikura House"
	storage.SetPassphrase(path, "pw")
	if err := storage.Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := e.rec.Write(path, m, storage.Fingerprint{}); err != nil {
		t.Fatal(err)
	}
	c, ok := e.rec.Find(path)
	if !ok {
		t.Fatal("no recovery copy")
	}
	if !storage.IsEncryptedFile(c.Copy) {
		t.Fatal("the recovery copy of an encrypted meeting is not encrypted")
	}
	storage.ForgetPassphrases()
	storage.SetPassphraseSource(fixedPassphrase("pw"))
	e.restore(c)
	finished(e)
	if e.path != path || e.doc.Meeting().Details.Venue != "Iikura House" {
		t.Fatalf("restored %q venue %q", e.path, e.doc.Meeting().Details.Venue)
	}
	e.save(nil)
	finished(e)
	if !storage.IsEncryptedFile(path) || e.doc.Dirty() {
		t.Fatal("the restored meeting was not saved encrypted")
	}
}

// TestMergeEncryptedCopyIntoPlain: merging an encrypted copy into an
// unencrypted meeting asks for the copy's passphrase, and the result is
// saved encrypted with it.
func TestMergeEncryptedCopyIntoPlain(t *testing.T) {
	e := newTestEditor(t)
	_, path, copyPath := meetingAndCopy(t, "copy.parley", "copy pw")
	e.load(path)
	finished(e)
	storage.ForgetPassphrases()
	storage.SetPassphraseSource(fixedPassphrase("copy pw"))
	e.mergeFile(copyPath, false, nil)
	finished(e)
	test.Tap(button(t, e, "Apply Merge"))
	if e.doc.Meeting().Details.Venue != "Iikura House" {
		t.Fatal("not merged")
	}
	e.save(nil)
	finished(e)
	if !storage.IsEncryptedFile(path) {
		t.Fatal("the merge of an encrypted copy was saved unencrypted")
	}
}

// TestEncryptedSaveInBackground: the window saves an encrypted meeting in
// the background (deriving the key takes most of a second). What the
// meeting held when the save began is marked saved, edits made during it
// are not, and a save asked for meanwhile runs after it.
func TestEncryptedSaveInBackground(t *testing.T) {
	e := newTestEditor(t)
	path := filepath.Join(t.TempDir(), "meeting.parley")
	storage.SetPassphrase(path, "pw")
	if err := storage.Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	e.load(path)
	finished(e)
	city := e.views["overview"].(*overview).city
	retype(city, "Nagoya")
	e.save(nil)
	finished(e)
	if e.doc.Dirty() || e.saving || e.saved.Text != "Saved" {
		t.Fatalf("after the save: dirty %v, saving %v, status %q", e.doc.Dirty(), e.saving, e.saved.Text)
	}
	storage.ForgetPassphrases()
	storage.SetPassphraseSource(fixedPassphrase("pw"))
	if m, _, err := storage.Load(path); err != nil || m.Details.City != "Nagoya" || !storage.IsEncryptedFile(path) {
		t.Fatalf("on disk: %v", err)
	}

	// The save finishes after another edit: that edit stays unsaved.
	retype(city, "Sendai")
	at := e.doc.Point()
	retype(city, "Kobe")
	fp, err := storage.SaveChecked(path, e.doc.Meeting(), e.fp)
	if err != nil {
		t.Fatal(err)
	}
	if !e.wrote(path, fp, nil, at, nil) || !e.doc.Dirty() || e.saved.Text != "Unsaved changes" {
		t.Fatalf("an edit made during the save counts as saved: status %q", e.saved.Text)
	}

	// A save asked for while one is under way waits for it, then runs.
	e.saving = true
	done := false
	e.save(func() { done = true })
	if done || len(e.saveNext) != 1 {
		t.Fatal("a second save ran alongside the first")
	}
	e.saving = false
	next := e.saveNext
	e.saveNext = nil
	for _, f := range next {
		f()
	}
	finished(e)
	if !done || e.doc.Dirty() {
		t.Fatalf("the queued save: ran %v, dirty %v", done, e.doc.Dirty())
	}
}
