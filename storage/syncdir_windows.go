//go:build windows

package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"golang.org/x/sys/windows"
)

// replaceFile moves the temporary file over the file it replaces in one
// step (MoveFileEx with MOVEFILE_REPLACE_EXISTING), and with
// MOVEFILE_WRITE_THROUGH returns only once the move is on the disk: what
// syncing the folder does elsewhere. A virus scanner or the search indexer
// may hold the file open for a moment after it changed, so a refused move
// is tried again for about a second before the save fails; the error then
// says what commonly holds a file on Windows.
func replaceFile(tmp, path string) error {
	from, err := windows.UTF16PtrFromString(tmp)
	if err != nil {
		return err
	}
	to, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	for wait := 20 * time.Millisecond; ; wait *= 2 {
		err = windows.MoveFileEx(from, to, windows.MOVEFILE_REPLACE_EXISTING|windows.MOVEFILE_WRITE_THROUGH)
		if err == nil {
			return nil
		}
		if !errors.Is(err, windows.ERROR_ACCESS_DENIED) && !errors.Is(err, windows.ERROR_SHARING_VIOLATION) || wait > time.Second {
			break
		}
		time.Sleep(wait)
	}
	return &replaceError{name: filepath.Base(path), err: err}
}

// replaceError says why Windows refused to replace a file.
type replaceError struct {
	name string
	err  error
}

func (e *replaceError) Error() string {
	msg := fmt.Sprintf("cannot replace %s: %v", e.name, e.err)
	switch {
	case errors.Is(e.err, windows.ERROR_SHARING_VIOLATION):
		return msg + " Another program has it open: close it there and save again"
	case errors.Is(e.err, windows.ERROR_ACCESS_DENIED):
		return msg + " The file is read-only (see its Properties) or another program has it open: close it there, or save under another name"
	}
	return msg
}

func (e *replaceError) Unwrap() error { return e.err }

// syncDir does nothing on Windows: a folder cannot be opened for flushing
// there, and replaceFile's write-through move has already put the new
// entry on the disk.
func syncDir(string) error { return nil }
