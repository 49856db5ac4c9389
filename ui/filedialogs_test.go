package ui

import (
	"os"
	"path/filepath"
	"testing"

	fstorage "fyne.io/fyne/v2/storage"
)

// The save dialog opens the chosen file for writing: that must not empty
// an existing file (a meeting the user picked to save over), only writing
// to it may.
func TestSaveDialogWriterDoesNotTruncate(t *testing.T) {
	newTestEditor(t) // installs the protection, as Open does
	dir := t.TempDir()
	path := filepath.Join(dir, "future.parley")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := fstorage.Writer(fstorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if got, _ := os.ReadFile(path); string(got) != "precious" {
		t.Fatalf("opening a writer changed the file to %q", got)
	}
	fresh := filepath.Join(dir, "new.parley")
	w, _ = fstorage.Writer(fstorage.NewFileURI(fresh))
	w.Close()
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatal("opening a writer created an empty file")
	}
	w, _ = fstorage.Writer(fstorage.NewFileURI(path))
	if _, err := w.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Fatalf("writing through the writer gave %q", got)
	}
}
