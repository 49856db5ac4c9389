//go:build windows

package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/windows"

	"parley/app/sample"
)

// TestWindowsSaveReplaces saves over an existing meeting: the rename
// replaces the file, and no folder sync spoils the save.
func TestWindowsSaveReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "meeting.parley")
	m := sample.Sample()
	if err := Save(path, m); err != nil {
		t.Fatal(err)
	}
	m.Details.Topic = "Saved twice"
	if err := Save(path, m); err != nil {
		t.Fatalf("second save: %v", err)
	}
	got, _, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Details.Topic != "Saved twice" {
		t.Errorf("topic %q: the file was not replaced", got.Details.Topic)
	}
	leftOver(t, dir, 1)
}

// TestWindowsSaveRefused makes Windows refuse the replacement, by a
// read-only file and by a file another program holds open without
// letting it be deleted: the save says why and the old file stays.
func TestWindowsSaveRefused(t *testing.T) {
	old, _ := Encode(sample.Sample())
	m := sample.Sample()
	m.Details.Topic = "Changed"
	for _, tc := range []struct {
		name, want string
		hold       func(t *testing.T, path string) func()
	}{
		{"read-only", "read-only", func(t *testing.T, path string) func() {
			if underWine() {
				t.Skip("Wine replaces a read-only file; Windows refuses")
			}
			if err := os.Chmod(path, 0o444); err != nil {
				t.Fatal(err)
			}
			return func() { os.Chmod(path, 0o644) }
		}},
		{"held open", "another program has it open", func(t *testing.T, path string) func() {
			p, _ := syscall.UTF16PtrFromString(path)
			h, err := syscall.CreateFile(p, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
			if err != nil {
				t.Fatal(err)
			}
			return func() { syscall.CloseHandle(h) }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "meeting.parley")
			if err := os.WriteFile(path, old, 0o644); err != nil {
				t.Fatal(err)
			}
			release := tc.hold(t, path)
			err := Save(path, m)
			release()
			if err == nil {
				t.Fatal("the save succeeded")
			}
			for _, want := range []string{"meeting.parley", tc.want, "the file on disk is unchanged"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%q does not say %q", err, want)
				}
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
				t.Error("the old file changed")
			}
			leftOver(t, dir, 1)
		})
	}
}

// underWine reports whether the test runs under Wine, whose ntdll names
// its version.
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}

// leftOver fails unless the folder holds n entries (no temporary file).
func leftOver(t *testing.T, dir string, n int) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != n {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v", names)
	}
}
