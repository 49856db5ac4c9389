package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parley/app"
)

// A command that changes a meeting file (an import, a merge into the
// file, restoring a recovery copy) is an Update: it takes the file's lock
// before it reads and keeps it until it has written (LockCommand), so that
// two commands never work on the same file at once, and its Save checks
// that the file is still what it read, so that a writer that ignores the
// lock (a sync tool, an editor) is caught too. When the file changed, or a
// window took the lock over, Save writes nothing over it: the update's
// result goes beside it, and both versions are left for a merge.

// Update is one command's read-change-write of a meeting file.
type Update struct {
	path string
	lock *FileLock
	// fp is the file as Load or Track found it; zero when the update did
	// not read the file (it replaces it).
	fp Fingerprint
}

// BeginUpdate takes the lock of the meeting file at path for a command
// (see LockCommand for wait and waiting). It returns the *LockedError of a
// window that holds the file, or of a command that held it for longer than
// wait, and an error when other Parleys kept taking and dropping the lock
// all the while or something that is no lock is in its place. A lock that cannot be written (a folder that cannot be
// written either) does not stop the update: Save says what stops it.
func BeginUpdate(path, command string, wait time.Duration, waiting func(LockInfo)) (*Update, error) {
	l, err := LockCommand(path, command, wait, waiting)
	if errors.Is(err, ErrLocked) || errors.Is(err, errLockRace) || errors.Is(err, ErrNotRegular) {
		return nil, err
	}
	return &Update{path: path, lock: l}, nil
}

// Path is the file the update writes.
func (u *Update) Path() string { return u.path }

// Load reads the meeting under the lock, and remembers what it read for
// Save to check.
func (u *Update) Load() (*app.Meeting, []app.Problem, error) {
	m, probs, fp, err := LoadTracked(u.path)
	if err == nil {
		u.fp = fp
	}
	return m, probs, err
}

// Track takes the fingerprint of the file as it is now, for Save to check,
// without reading the meeting (a command that writes a meeting it got
// elsewhere over the file, knowing what it replaces). A file that is not
// there yet has the zero fingerprint.
func (u *Update) Track() (Fingerprint, error) {
	fp, err := FingerprintOf(u.path)
	if errors.Is(err, os.ErrNotExist) {
		return Fingerprint{}, nil
	}
	if err == nil {
		u.fp = fp
	}
	return fp, err
}

// Save writes the meeting over the file, atomically, if the lock is still
// the update's and the file is still what Load or Track found. Otherwise
// it writes the meeting beside the file and returns an *UpdateConflict.
func (u *Update) Save(m *app.Meeting) error {
	data, err := Encode(m)
	if err != nil {
		return &Error{Path: u.path, Msg: err.Error()}
	}
	var held *LockedError
	if u.lock != nil && errors.As(u.lock.Check(), &held) {
		return u.aside(data, "opened in Parley ("+held.Holder.String()+") while this command was working on it", held)
	}
	_, err = SaveBytesChecked(u.path, data, u.fp)
	if errors.Is(err, ErrChanged) {
		return u.aside(data, u.whatChanged(), err)
	}
	return err
}

// whatChanged says how the file differs from what the update read.
func (u *Update) whatChanged() string {
	was := describeFile(u.fp.Size, u.fp.ModTime)
	st, err := os.Stat(u.path)
	if err != nil {
		return "removed or replaced since this command read it (" + was + ")"
	}
	return "changed on disk since this command read it, by a program that does not take Parley's lock (a sync tool or an editor?): " +
		was + " when read, " + describeFile(st.Size(), st.ModTime()) + " now"
}

func describeFile(size int64, mod time.Time) string {
	return fmt.Sprintf("%d bytes modified %s", size, mod.Local().Format("15:04:05.000"))
}

// aside writes the update's result beside the file, as
// "NAME.conflict-YYYYMMDD-HHMMSS.parley", since it may not replace it.
func (u *Update) aside(data []byte, why string, kind error) error {
	dir, base := filepath.Split(u.path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	stamp := time.Now().Format("20060102-150405")
	e := &UpdateConflict{Path: u.path, Why: why, Kind: kind}
	// The copy of an encrypted meeting is encrypted with its passphrase:
	// no plain text of it reaches the disk.
	data, err := sealBytes(u.path, data)
	if err != nil {
		e.AsideErr = err
		return e
	}
	for i := 1; i < 100; i++ {
		name := stem + ".conflict-" + stamp + Extension
		if i > 1 {
			name = fmt.Sprintf("%s.conflict-%s-%d%s", stem, stamp, i, Extension)
		}
		p := filepath.Join(dir, name)
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err == nil {
			f.Close()
			err = WriteAtomic(p, data)
			CarryPassphrase(p, u.path)
		}
		if err != nil && !errors.Is(err, ErrNotFlushed) { // not flushed: written all the same
			os.Remove(p)
			e.AsideErr = err
			return e
		}
		e.Aside = p
		return e
	}
	return e
}

// Close releases the lock. It is safe to call more than once.
func (u *Update) Close() {
	if u != nil && u.lock != nil {
		u.lock.Unlock()
	}
}

// UpdateConflict is an update's Save refused: the file changed, or a
// window took it over, since the command read it. The file is as the
// other left it; the update's result is in Aside.
type UpdateConflict struct {
	Path string
	// Why says what happened to the file.
	Why string
	// Aside is where the update's result was written, "" if it could not
	// be (AsideErr says why).
	Aside    string
	AsideErr error
	// Kind is ErrChanged, or the *LockedError of the window.
	Kind error
}

func (e *UpdateConflict) Error() string {
	s := e.Path + ": " + e.Why + ": not overwritten"
	if e.Aside != "" {
		return s + "; this command's result is in " + e.Aside + ": merge the two"
	}
	if e.AsideErr != nil {
		return s + "; this command's result could not be written beside it either (" + e.AsideErr.Error() + "): run it again"
	}
	return s + ": run the command again"
}

// Unwrap returns the kind: ErrChanged, or a *LockedError.
func (e *UpdateConflict) Unwrap() error { return e.Kind }
