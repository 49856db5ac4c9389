//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCommandWritesThroughLinks is the case: import-people on a
// link in the home folder updates the file in the synced folder and the
// link stays a link; a link to a device or pipe is refused, pointing to
// -o -.
func TestCommandWritesThroughLinks(t *testing.T) {
	dir, meeting := peopleFixture(t)
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	link := filepath.Join(dir, "home", "link.parley")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(meeting, link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("import-people", link, "--side", "AU", list); code != exitOK {
		t.Fatalf("%d %s", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	found := false
	for _, p := range load(t, meeting).People {
		found = found || p.Family == "Feakin"
	}
	if !found {
		t.Fatal("the file the link leads to was not updated")
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	devLink := filepath.Join(dir, "out")
	if err := os.Symlink(os.DevNull, devLink); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", meeting, "-o", devLink},
		{"export-people", meeting, "--side", "JP", "-o", fifo},
		{"statement", meeting, "-o", fifo},
		{"import-people", meeting, "--side", "AU", list, "-o", devLink},
		{"sample", "-o", fifo},
	} {
		code, _, stderr := runCLI(args...)
		if code != exitBad || !strings.Contains(stderr, "not a regular file") || !strings.Contains(stderr, "-o -") {
			t.Errorf("%s -o %s: %d %q", args[0], args[len(args)-1], code, stderr)
		}
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&os.ModeDevice == 0 {
		t.Fatal(os.DevNull + " is no longer a device")
	}
}
