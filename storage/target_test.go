//go:build unix

package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"parley/app/sample"
)

// TestSaveThroughLinks saves through symbolic links: the real file is
// replaced (beside itself), the links stay links, and a link whose target
// is missing creates the target.
func TestSaveThroughLinks(t *testing.T) {
	m := sample.Sample()
	m.Details.Topic = "Saved through a link"
	want, err := Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := Encode(sample.Sample())
	cases := []struct {
		name string
		// setup makes the links in dir and returns the path to save to
		// and the real file that must receive the save.
		setup func(t *testing.T, dir string) (save, real string)
	}{
		{"link to a file in another folder", func(t *testing.T, dir string) (string, string) {
			real := filepath.Join(dir, "synced", "meeting.parley")
			mustWrite(t, real, old)
			link := filepath.Join(dir, "home", "link.parley")
			mustSymlink(t, real, link)
			return link, real
		}},
		{"relative link", func(t *testing.T, dir string) (string, string) {
			real := filepath.Join(dir, "synced", "meeting.parley")
			mustWrite(t, real, old)
			link := filepath.Join(dir, "home", "link.parley")
			mustSymlink(t, filepath.Join("..", "synced", "meeting.parley"), link)
			return link, real
		}},
		{"chain of links", func(t *testing.T, dir string) (string, string) {
			real := filepath.Join(dir, "synced", "meeting.parley")
			mustWrite(t, real, old)
			mid := filepath.Join(dir, "mid", "second.parley")
			mustSymlink(t, real, mid)
			link := filepath.Join(dir, "home", "first.parley")
			mustSymlink(t, filepath.Join("..", "mid", "second.parley"), link)
			return link, real
		}},
		{"dangling link creates its target", func(t *testing.T, dir string) (string, string) {
			real := filepath.Join(dir, "synced", "new.parley")
			if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, "home", "link.parley")
			mustSymlink(t, filepath.Join("..", "synced", "new.parley"), link)
			return link, real
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			save, real := c.setup(t, dir)
			if err := Save(save, m); err != nil {
				t.Fatal(err)
			}
			if st, err := os.Lstat(save); err != nil || st.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("%s is no longer a link (%v)", save, err)
			}
			got, err := os.ReadFile(real)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("the real file %s was not updated (%v)", real, err)
			}
			// The temporary file went beside the real file, and none is left.
			for _, d := range []string{filepath.Dir(real), filepath.Dir(save)} {
				ents, _ := os.ReadDir(d)
				for _, e := range ents {
					if strings.Contains(e.Name(), ".saving-") {
						t.Errorf("temporary file left in %s: %s", d, e.Name())
					}
				}
			}
			// Lock and recovery copy follow the real file: a link and the
			// file share them.
			if LockPath(save) != LockPath(real) {
				t.Errorf("lock beside the link (%s), not the file (%s)", LockPath(save), LockPath(real))
			}
			if RecoveryKey(save) != RecoveryKey(real) {
				t.Errorf("recovery key of the link %s differs from the file's %s", RecoveryKey(save), RecoveryKey(real))
			}
		})
	}
}

// TestTwoLinksShareOneLock: the second of two links to one file finds the
// lock the first took.
func TestTwoLinksShareOneLock(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "synced", "meeting.parley")
	mustWrite(t, real, []byte("{}"))
	a, b := filepath.Join(dir, "a.parley"), filepath.Join(dir, "home", "b.parley")
	mustSymlink(t, real, a)
	mustSymlink(t, a, b)
	l, err := Lock(a)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	if _, err := Lock(b); !errors.Is(err, ErrLocked) {
		t.Fatalf("second link: %v", err)
	}
	if _, err := Lock(real); !errors.Is(err, ErrLocked) {
		t.Fatalf("the file itself: %v", err)
	}
}

// TestSaveRefusesWhatIsNotAFile: a folder, a named pipe or a device (also
// behind a link) is never replaced by a regular file.
func TestSaveRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder.parley")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.parley")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	devLink := filepath.Join(dir, "null.parley")
	mustSymlink(t, os.DevNull, devLink)
	fifoLink := filepath.Join(dir, "link-to-pipe.parley")
	mustSymlink(t, fifo, fifoLink)
	cases := []struct{ path, what string }{
		{folder, "is a folder"},
		{fifo, "is a named pipe"},
		{fifoLink, "is a named pipe"},
		{devLink, "is a device"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			before, _ := os.Lstat(c.path)
			for name, write := range map[string]func() error{
				"Save":        func() error { return Save(c.path, sample.Sample()) },
				"WriteAtomic": func() error { return WriteAtomic(c.path, []byte("x")) },
			} {
				err := write()
				if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), c.what) {
					t.Errorf("%s: err = %v", name, err)
				}
			}
			after, err := os.Lstat(c.path)
			if err != nil || after.Mode() != before.Mode() {
				t.Errorf("%s was replaced: %v -> %v", c.path, before.Mode(), after.Mode())
			}
		})
	}
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Fatal(err)
	}
}

// TestFailureAfterRenameSaysSaved: when the rename has replaced the file
// and flushing the folder fails, the error says the file holds the new
// content, not that it is unchanged.
func TestFailureAfterRenameSaysSaved(t *testing.T) {
	defer func() { faultHook = nil }()
	dir := t.TempDir()
	path := filepath.Join(dir, "meeting.parley")
	old, _ := Encode(sample.Sample())
	mustWrite(t, path, old)
	m := sample.Sample()
	m.Details.Topic = "Changed"
	boom := errors.New("input/output error")
	faultHook = func(s string) error {
		if s == "syncdir" {
			return boom
		}
		return nil
	}
	err := Save(path, m)
	faultHook = nil
	if !errors.Is(err, boom) || !errors.Is(err, ErrNotFlushed) {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "unchanged") || !strings.Contains(msg, "saved") || !strings.Contains(msg, "input/output error") {
		t.Fatalf("message: %s", msg)
	}
	got, _, _ := Load(path)
	if got == nil || got.Details.Topic != "Changed" {
		t.Fatal("the file does not hold the new content")
	}
	// SaveBytesChecked hands back the new fingerprint with the error, so
	// the next save does not take the file for changed by someone else.
	data, _ := Encode(m)
	fp, _ := FingerprintOf(path)
	m.Details.Topic = "Changed again"
	faultHook = func(s string) error {
		if s == "syncdir" {
			return boom
		}
		return nil
	}
	fp2, err := SaveChecked(path, m, fp)
	faultHook = nil
	if !errors.Is(err, ErrNotFlushed) || fp2.IsZero() || fp2.Same(FingerprintData(data, fp.ModTime)) {
		t.Fatalf("checked save: %v, %v", fp2, err)
	}
	if changed, err := Changed(path, fp2); err != nil || changed {
		t.Fatalf("the fingerprint returned is not the file's: %v %v", changed, err)
	}
}

func mustWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
