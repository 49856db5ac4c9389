//go:build !windows

package storage

import (
	"errors"
	"io/fs"
	"os"
)

// replaceFile renames the temporary file over the file it replaces.
func replaceFile(tmp, path string) error { return os.Rename(tmp, path) }

// syncDir flushes the folder's entry for a renamed file to the disk, so
// that the rename survives a power cut. Systems that cannot sync a folder
// say so with EINVAL, which is no failure.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return nil
}
