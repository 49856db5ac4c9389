package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"parley/app/sample"
)

func TestChanged(t *testing.T) {
	dir := t.TempDir()
	write := func(path, s string, mod time.Time) {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if !mod.IsZero() {
			os.Chtimes(path, mod, mod)
		}
	}
	then := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name    string
		after   func(path string)
		changed bool
	}{
		{"untouched", func(string) {}, false},
		{"modified", func(p string) { write(p, "other content, longer", time.Time{}) }, true},
		{"same size and time, other content", func(p string) { write(p, "ORIGINAL", then) }, true},
		{"touched only (a sync tool)", func(p string) { os.Chtimes(p, time.Now(), time.Now()) }, false},
		{"rewritten with the same content", func(p string) { write(p, "original", time.Time{}) }, false},
		{"removed", func(p string) { os.Remove(p) }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".parley")
			write(path, "original", then)
			fp, err := FingerprintOf(path)
			if err != nil || fp.Size != 8 || !fp.ModTime.Equal(then) {
				t.Fatalf("fingerprint %v, %v", fp, err)
			}
			c.after(path)
			got, err := Changed(path, fp)
			if err != nil || got != c.changed {
				t.Fatalf("Changed = %v, %v; want %v", got, err, c.changed)
			}
		})
	}
	// A zero fingerprint: nothing read or written there yet.
	if ch, _ := Changed(filepath.Join(dir, "none.parley"), Fingerprint{}); ch {
		t.Error("a missing file with no fingerprint counts as changed")
	}
	if ch, _ := Changed(filepath.Join(dir, "untouched.parley"), Fingerprint{}); !ch {
		t.Error("an existing file with no fingerprint counts as unchanged")
	}
}

func TestSaveChecked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meeting.parley")
	if err := Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	m, _, fp, err := LoadTracked(path)
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := FingerprintOf(path); !now.Same(fp) {
		t.Fatal("LoadTracked fingerprint differs from the file's")
	}
	// Our own saves move the fingerprint on.
	m.Details.Topic = "First save"
	fp, err = SaveChecked(path, m, fp)
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := FingerprintOf(path); !now.Same(fp) {
		t.Fatal("SaveChecked returned a stale fingerprint")
	}
	// Another Parley saves: ours is refused and the file keeps theirs.
	other := sample.Sample()
	other.Details.Topic = "Saved elsewhere"
	if err := Save(path, other); err != nil {
		t.Fatal(err)
	}
	m.Details.Topic = "Second save"
	_, err = SaveChecked(path, m, fp)
	var fe *Error
	if !errors.Is(err, ErrChanged) || !errors.As(err, &fe) || fe.Path != path {
		t.Fatalf("err = %v", err)
	}
	if back, _, _ := Load(path); back.Details.Topic != "Saved elsewhere" {
		t.Fatalf("the other save was overwritten: %q", back.Details.Topic)
	}
	// Overwriting on purpose.
	if _, err := SaveChecked(path, m, Fingerprint{}); err != nil {
		t.Fatal(err)
	}
	if back, _, _ := Load(path); back.Details.Topic != "Second save" {
		t.Fatalf("overwrite: %q", back.Details.Topic)
	}
	// A file that has gone is simply written again.
	fp, _ = FingerprintOf(path)
	os.Remove(path)
	if _, err := SaveChecked(path, m, fp); err != nil {
		t.Fatal(err)
	}
}
