package trash

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// move renames the file into ~/.Trash, under a free name. (Finder's "Put
// Back" needs its own records, which only Finder writes.)
func move(path string) error {
	home, err := os.UserHomeDir()
	if err != nil {
		return fmt.Errorf("no home folder for the trash: %w", err)
	}
	dir := filepath.Join(home, ".Trash")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	base := filepath.Base(path)
	ext := filepath.Ext(base)
	for i := 1; i < 1000; i++ {
		name := base
		if i > 1 {
			name = strings.TrimSuffix(base, ext) + " " + strconv.Itoa(i) + ext
		}
		to := filepath.Join(dir, name)
		if _, err := os.Lstat(to); err == nil {
			continue
		}
		return os.Rename(path, to)
	}
	return fmt.Errorf("cannot move %s to the trash: too many files of that name there", path)
}
