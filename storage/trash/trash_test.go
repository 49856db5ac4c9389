//go:build !windows && !darwin

package trash

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMoveToFreedesktopTrash(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := t.TempDir()
	for i, name := range []string{"meeting (1).parley", "meeting (1).parley", "ünïcode 100%.parley"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte{byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Move(p); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Fatalf("%s is still there", p)
		}
	}
	trash := filepath.Join(data, "Trash")
	for _, c := range []struct{ file, path string }{
		{"meeting (1).parley", "/meeting%20%281%29.parley"},
		{"meeting (1).2.parley", "/meeting%20%281%29.parley"},
		{"ünïcode 100%.parley", "/%C3%BCn%C3%AFcode%20100%25.parley"},
	} {
		if _, err := os.Stat(filepath.Join(trash, "files", c.file)); err != nil {
			t.Errorf("not in the trash: %v", err)
		}
		info, err := os.ReadFile(filepath.Join(trash, "info", c.file+".trashinfo"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(info), "\n")
		if lines[0] != "[Trash Info]" || !strings.HasPrefix(lines[1], "Path=/") || !strings.HasSuffix(lines[1], c.path) || !strings.HasPrefix(lines[2], "DeletionDate=20") {
			t.Errorf("%s.trashinfo:\n%s", c.file, info)
		}
	}
	if err := Move(filepath.Join(dir, "gone.parley")); err == nil {
		t.Error("moving a missing file succeeded")
	}
}
