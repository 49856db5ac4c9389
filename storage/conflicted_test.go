package storage

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"parley/app/sample"
)

func TestConflictedCopyNames(t *testing.T) {
	cases := []struct {
		name, service string
	}{
		{"meeting (Anna's conflicted copy 2026-12-05).parley", "Dropbox or Nextcloud"},
		{"meeting (conflicted copy 2026-12-05).parley", "Dropbox or Nextcloud"},
		{"meeting (Anna Smith's conflicted copy 2026-12-05 (1)).parley", "Dropbox or Nextcloud"},
		{"meeting (Conflicted copy 2026-12-05 101010).parley", "Dropbox or Nextcloud"},
		{"meeting (conflicted copy anna 2026-12-05 101010).parley", "Dropbox or Nextcloud"},
		{"meeting_conflict-20261205-101010.parley", "ownCloud"},
		{"meeting.sync-conflict-20261205-101010-ABCDEFG.parley", "Syncthing"},
		{"meeting.sync-conflict-20261205-101010.parley", "Syncthing"},
		{"meeting-LAPTOP-7Q2.parley", "OneDrive"},
		{"meeting-DESKTOP-4HG8K1N-2.parley", "OneDrive"},
		{"meeting-hilap.parley", "OneDrive"},
		{"meeting (1).parley", "Google Drive"},
		{"meeting (12).parley", "Google Drive"},
		{"meeting.conflict-20261205-101010.parley", "Parley"},
		{"meeting.conflict-20261205-101010-2.parley", "Parley"},
		// Not conflicted copies of meeting.parley.
		{"meeting.parley", ""},
		{"other meeting.parley", ""},
		{"meeting (conflicted copy 2026-12-05).docx", ""},
		{"meeting (notes).parley", ""},
		{"meeting.sync-conflict-2026.parley", ""},
		{"meeting.parley.sync-conflict-20261205-101010-ABCDEFG", ""},
		{".meeting.parley.saving-123", ""},
		{"meeting-.parley", ""},
	}
	for _, c := range cases {
		got, ok := ConflictedCopyService(c.name, "meeting.parley")
		if got != c.service || ok != (c.service != "") {
			t.Errorf("%q: %q %v, want %q", c.name, got, ok, c.service)
		}
	}
}

func TestFindConflictedCopies(t *testing.T) {
	dir := t.TempDir()
	m := sample.Sample()
	path := filepath.Join(dir, "meeting.parley")
	save := func(name string, id string) string {
		mm := m.Clone()
		if id != "" {
			mm.Details.ID = id
		}
		p := filepath.Join(dir, name)
		if err := Save(p, mm); err != nil {
			t.Fatal(err)
		}
		return p
	}
	save("meeting.parley", "")
	want := []string{
		save("meeting (Anna's conflicted copy 2026-12-05).parley", ""),
		save("meeting.sync-conflict-20261205-101010-ABCDEFG.parley", ""),
		save("meeting-LAPTOP-7Q2.parley", ""),
		save("meeting (1).parley", ""),
		save("meeting (conflicted copy 2026-12-05 101010).parley", ""),
	}
	save("meeting-OTHER.parley", "another-meeting")                            // another meeting: ignored
	os.WriteFile(filepath.Join(dir, "meeting (2).parley"), []byte("{"), 0o644) // not a meeting
	save("unrelated.parley", "")
	var got []string
	for _, c := range FindConflictedCopies(path, m.Details.ID) {
		got = append(got, c.Path)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	// An encrypted copy counts when it opens with the meeting's passphrase.
	enc := filepath.Join(dir, "meeting (3).parley")
	SetPassphrase(enc, "pw")
	if err := Save(enc, m); err != nil {
		t.Fatal(err)
	}
	forget(enc)
	if n := len(FindConflictedCopies(path, m.Details.ID)); n != len(want) {
		t.Fatalf("an encrypted copy counted without its passphrase: %d", n)
	}
	SetPassphrase(path, "pw")
	if n := len(FindConflictedCopies(path, m.Details.ID)); n != len(want)+1 {
		t.Fatalf("the encrypted copy was not found: %d", n)
	}
}
