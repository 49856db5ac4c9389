//go:build !windows && !darwin

package trash

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// move follows the freedesktop.org Trash specification for the home
// trash: reserve NAME.trashinfo in Trash/info (created exclusively, so two
// trashings never take one name), then move the file to Trash/files/NAME.
// A file on another file system is copied there and then removed.
func move(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	st, err := os.Lstat(abs)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file: not moved to the trash", abs)
	}
	dir, err := homeTrash()
	if err != nil {
		return err
	}
	files, info := filepath.Join(dir, "files"), filepath.Join(dir, "info")
	for _, d := range []string{files, info} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return fmt.Errorf("cannot make the trash folder: %w", err)
		}
	}
	base := filepath.Base(abs)
	ext := filepath.Ext(base)
	for i := 1; i < 1000; i++ {
		name := base
		if i > 1 {
			name = strings.TrimSuffix(base, ext) + "." + strconv.Itoa(i) + ext
		}
		infoPath := filepath.Join(info, name+".trashinfo")
		f, err := os.OpenFile(infoPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("cannot write to the trash: %w", err)
		}
		_, err = fmt.Fprintf(f, "[Trash Info]\nPath=%s\nDeletionDate=%s\n", escapePath(abs), time.Now().Format("2006-01-02T15:04:05"))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = moveFile(abs, filepath.Join(files, name))
		}
		if err != nil {
			os.Remove(infoPath)
			return fmt.Errorf("cannot move %s to the trash: %w", abs, err)
		}
		return nil
	}
	return fmt.Errorf("cannot move %s to the trash: too many files of that name there", abs)
}

// homeTrash is $XDG_DATA_HOME/Trash, by default ~/.local/share/Trash.
func homeTrash() (string, error) {
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" || !filepath.IsAbs(data) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no home folder for the trash: %w", err)
		}
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "Trash"), nil
}

// escapePath escapes a path as the .trashinfo Path key wants it: URL
// escaping of each segment, the slashes kept.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

func moveFile(from, to string) error {
	err := os.Rename(from, to)
	if !errors.Is(err, syscall.EXDEV) {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(to)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(to)
		return err
	}
	return os.Remove(from)
}
