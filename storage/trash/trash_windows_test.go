package trash

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMoveToRecycleBin: the shell's delete with undo takes the file away
// from its folder (names with spaces, accents and kanji); a file that is
// not there is an error that names it, and the folder's other files stay.
// Under Wine (make test-windows) the Recycle Bin is the freedesktop.org
// trash of XDG_DATA_HOME, where the files are looked for too.
func TestMoveToRecycleBin(t *testing.T) {
	// Not t.TempDir: Wine's shell keeps the folder open after the move,
	// and the folder cannot be removed while the test runs.
	dir, err := os.MkdirTemp("", "trash-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	keep := filepath.Join(dir, "meeting.parley")
	if err := os.WriteFile(keep, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	names := []string{"meeting (Anna's conflicted copy 2026-12-05).parley", "ünïcode 100%.parley", "日豪 会議-LAPTOP-7Q2.parley"}
	for _, name := range names {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Move(p); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Fatalf("%s is still there: %v", name, err)
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Fatalf("the other file went too: %v", err)
	}
	missing := filepath.Join(dir, "gone.parley")
	if err := Move(missing); err == nil || !strings.Contains(err.Error(), "gone.parley") {
		t.Fatalf("moving a missing file: %v", err)
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); os.Getenv("WINEPREFIX") != "" && strings.HasPrefix(xdg, "/") {
		for _, name := range names {
			data, err := os.ReadFile(filepath.Join("Z:"+filepath.FromSlash(xdg), "Trash", "files", name))
			if err != nil || string(data) != name {
				t.Errorf("%s is not in Wine's Recycle Bin: %v", name, err)
			}
		}
	}
}
