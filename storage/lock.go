package storage

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"time"
)

// A running Parley that has a meeting file open keeps a lock file beside
// it (".meeting.parley.lock" beside "meeting.parley") naming the host, the
// process, the user and the time. Another Parley that opens the file reads
// it and warns. A lock is stale, and is cleared, when the process that
// wrote it is gone (same host) or when it has not been refreshed for
// LockStaleAfter (any host: the lock of a machine that crashed, carried
// over by a sync tool). A window's lock warns: the fingerprint check at
// save is what stops one copy overwriting the other. A command that
// changes a meeting holds the lock for its read-change-write
// (LockCommand): another command waits for it, and a command refuses a
// file a window holds.

// ErrLocked is the kind of a *LockedError.
var ErrLocked = errors.New("open in another Parley")

// LockStaleAfter is how long a lock lasts without a refresh. A window that
// holds a lock refreshes it well within this (see FileLock.Refresh).
const LockStaleAfter = time.Hour

// CommandLockStaleAfter is how long a command's lock lasts: a command
// holds it for seconds, so an older one is left by a command that died
// on another computer.
const CommandLockStaleAfter = 10 * time.Minute

// CommandLockWait is how long a command waits for another command's lock
// on a meeting file before it gives up (LockCommand).
const CommandLockWait = 15 * time.Second

// LockInfo says who holds a meeting file open.
type LockInfo struct {
	App  string    `json:"app"`
	Host string    `json:"host"`
	PID  int       `json:"pid"`
	User string    `json:"user,omitempty"`
	Time time.Time `json:"time"`
	// File is the meeting file's absolute path, symbolic links resolved.
	File string `json:"file,omitempty"`
	// Token tells one lock from another of the same process.
	Token string `json:"token"`
	// Command names the command that holds the lock for the moment of a
	// read-change-write ("import-people"); empty for a window.
	Command string `json:"command,omitempty"`
}

// String reads "alice on office-pc (process 4242) since 2026-03-10 09:12".
func (i LockInfo) String() string {
	who := i.User
	if who == "" {
		who = "someone"
	}
	host := i.Host
	if host == "" {
		host = "an unknown computer"
	}
	s := who + " on " + host
	switch {
	case i.Command != "" && i.PID > 0:
		s += " (parley " + i.Command + ", process " + strconv.Itoa(i.PID) + ")"
	case i.Command != "":
		s += " (parley " + i.Command + ")"
	case i.PID > 0:
		s += " (process " + strconv.Itoa(i.PID) + ")"
	}
	if !i.Time.IsZero() {
		s += " since " + i.Time.Local().Format("2006-01-02 15:04")
	}
	return s
}

// Mine reports whether this process wrote the lock.
func (i LockInfo) Mine() bool { return i.Host == hostname() && i.PID == os.Getpid() }

// Stale reports whether the lock no longer protects anything: its process
// is gone (on this host), or it has not been refreshed for LockStaleAfter
// (CommandLockStaleAfter for a command's).
func (i LockInfo) Stale(now time.Time) bool {
	if now.Sub(i.Time) > LockStaleAfter || i.Command != "" && now.Sub(i.Time) > CommandLockStaleAfter {
		return true
	}
	if i.Host == hostname() && i.PID > 0 && i.PID != os.Getpid() {
		return !processAlive(i.PID)
	}
	return false
}

// LockedError says that another running Parley holds the file open.
type LockedError struct {
	Path   string
	Holder LockInfo
}

func (e *LockedError) Error() string {
	if e.Holder.Mine() {
		return e.Path + ": is already open in this Parley: switch to its window"
	}
	return e.Path + ": is open in another Parley (" + e.Holder.String() + "): changes made in both would have to be merged; " +
		"close it there first, or open it anyway and merge later"
}

// Unwrap returns ErrLocked.
func (e *LockedError) Unwrap() error { return ErrLocked }

// FileLock is a lock held on a meeting file.
type FileLock struct {
	path, lockPath string
	info           LockInfo
}

// LockPath is where the lock of a meeting file lives: beside it, hidden.
// Through a symbolic link it is beside the file the link leads to, so
// that every link to one file shares its lock.
func LockPath(path string) string {
	real := realPath(path)
	return filepath.Join(filepath.Dir(real), "."+filepath.Base(real)+".lock")
}

// Lock takes the lock on a meeting file for this process. When another
// running Parley holds it, Lock returns a *LockedError naming the holder
// (errors.Is(err, ErrLocked)) and takes nothing: the window warns and may
// call TakeLock if the user opens the file anyway. Stale locks are cleared.
// Other errors (a read-only folder) mean no lock could be written; the
// file can still be opened, unprotected.
func Lock(path string) (*FileLock, error) { return lock(path, false, "") }

// TakeLock takes the lock even from a running holder (the user chose to
// open the file anyway). The holder finds out when it refreshes its lock.
func TakeLock(path string) (*FileLock, error) { return lock(path, true, "") }

// LockCommand takes the lock on a meeting file for a command that reads,
// changes and writes it (command names it: "import-people"). A lock held
// by another command, or being written, is waited for, up to wait:
// waiting is called once, with the holder, when the wait begins. A lock
// held by a window is not waited for (its user may keep the file open for
// hours): LockCommand returns its *LockedError at once, and does when the
// wait runs out. Other errors, as from Lock, mean no lock could be written.
func LockCommand(path, command string, wait time.Duration, waiting func(LockInfo)) (*FileLock, error) {
	deadline := time.Now().Add(wait)
	pause := 10 * time.Millisecond
	told := false
	for {
		l, err := lock(path, false, command)
		var held *LockedError
		busy := errors.As(err, &held) && (held.Holder.Command != "" || held.Holder.App == "")
		if !busy && !errors.Is(err, errLockRace) || time.Now().After(deadline) {
			return l, err
		}
		if busy && !told && waiting != nil {
			waiting(held.Holder)
			told = true
		}
		time.Sleep(pause)
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// errLockRace: the lock file came and went under a Parley taking it.
var errLockRace = errors.New("cannot take the lock: another Parley is taking it at the same moment; try again")

func lock(path string, take bool, command string) (*FileLock, error) {
	l := &FileLock{path: path, lockPath: LockPath(path), info: currentLock(realPath(path))}
	l.info.Command = command
	data, _ := json.MarshalIndent(l.info, "", "  ")
	for attempt := 0; attempt < 4; attempt++ {
		f, err := os.OpenFile(l.lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := f.Write(data)
			if serr := f.Sync(); werr == nil {
				werr = serr
			}
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(l.lockPath)
				return nil, &Error{Path: path, Kind: werr, Msg: "cannot write the lock file " + l.lockPath + ": " + werr.Error()}
			}
			return l, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, &Error{Path: path, Kind: err, Msg: "cannot create the lock file " + filepath.Base(l.lockPath) +
				" beside it (" + err.Error() + "): another Parley opening the file will not be warned"}
		}
		holder, raw, ok := readLock(l.lockPath)
		if raw == nil && !ok {
			if st, err := os.Lstat(l.lockPath); err == nil && !st.Mode().IsRegular() {
				return nil, &Error{Path: path, Kind: ErrNotRegular, Msg: "cannot take the lock: " + l.lockPath + " is " +
					fileKind(st.Mode()) + ", not a lock file: remove it, or move it elsewhere"}
			}
			continue // gone meanwhile
		}
		if take || !ok || holder.Stale(time.Now()) {
			removeIfUnchanged(l.lockPath, raw)
			continue
		}
		return nil, &LockedError{Path: path, Holder: holder}
	}
	return nil, &Error{Path: path, Kind: errLockRace, Msg: errLockRace.Error()}
}

// ReadLock reports who holds the lock on a meeting file, if anyone; a
// stale lock is reported too (see LockInfo.Stale).
func ReadLock(path string) (LockInfo, bool) {
	info, _, ok := readLock(LockPath(path))
	return info, ok
}

// readLock reads a lock file: its holder and bytes. ok is false when there
// is no lock or it cannot be read; an unreadable lock (a holder that died
// while writing it) older than a minute counts as absent, a younger one as
// held by someone unknown.
func readLock(lockPath string) (info LockInfo, raw []byte, ok bool) {
	f, err := os.Open(lockPath)
	if err != nil {
		return info, nil, false
	}
	defer f.Close()
	raw, err = io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return info, nil, false
	}
	if raw == nil {
		raw = []byte{}
	}
	if json.Unmarshal(raw, &info) == nil && info.App == lockApp {
		return info, raw, true
	}
	if st, err := f.Stat(); err == nil && time.Since(st.ModTime()) < time.Minute {
		return LockInfo{Time: st.ModTime()}, raw, true
	}
	return info, raw, false
}

// removeIfUnchanged removes a lock file unless someone rewrote it since it
// was read, so that two Parleys clearing one stale lock do not remove the
// lock the quicker of them has just taken.
func removeIfUnchanged(lockPath string, raw []byte) {
	now, err := os.ReadFile(lockPath)
	if err == nil && bytes.Equal(now, raw) {
		removeLock(lockPath)
	}
}

// removeLock removes a lock file, trying again for a moment while it
// cannot be: Windows refuses to remove a file another Parley has open to
// read it.
func removeLock(lockPath string) error {
	var err error
	for range 20 {
		err = os.Remove(lockPath)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	return err
}

const lockApp = "parley"

func currentLock(abs string) LockInfo {
	tok := make([]byte, 8)
	_, _ = rand.Read(tok)
	return LockInfo{App: lockApp, Host: hostname(), PID: os.Getpid(), User: userName(), Time: time.Now().UTC().Truncate(time.Second),
		File: abs, Token: hex.EncodeToString(tok)}
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "unknown"
	}
	return h
}

func userName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// Path is the meeting file the lock is on.
func (l *FileLock) Path() string { return l.path }

// Info is what the lock file says.
func (l *FileLock) Info() LockInfo { return l.info }

// Held reports whether the lock file still names this lock.
func (l *FileLock) Held() bool {
	info, _, ok := readLock(l.lockPath)
	return ok && info.Token == l.info.Token
}

// Covers reports whether this is the lock of the file at path, through
// any symbolic links: reopening that file keeps this lock.
func (l *FileLock) Covers(path string) bool {
	return l != nil && path != "" && LockPath(path) == l.lockPath
}

// Check returns a *LockedError naming the Parley that has taken the lock
// over since it was taken here (TakeLock: its user opened the file
// anyway), and nil while the lock is still this one. A lock file that has
// gone is no taking over: Refresh writes it again.
func (l *FileLock) Check() error {
	info, _, ok := readLock(l.lockPath)
	if ok && info.Token != l.info.Token {
		return &LockedError{Path: l.path, Holder: info}
	}
	return nil
}

// Refresh renews the lock's time so that it does not go stale; the window
// calls it every few minutes (with its recovery timer, say). It returns a
// *LockedError when another Parley has taken the lock over since, and
// then leaves the other's lock alone.
func (l *FileLock) Refresh() error {
	if err := l.Check(); err != nil {
		return err
	}
	l.info.Time = time.Now().UTC().Truncate(time.Second)
	data, _ := json.MarshalIndent(l.info, "", "  ")
	if err := WriteAtomic(l.lockPath, data); err != nil {
		return &Error{Path: l.path, Kind: err, Msg: "cannot refresh the lock file: " + err.Error()}
	}
	return nil
}

// Unlock removes the lock file if it is still this lock's. It is safe to
// call more than once.
func (l *FileLock) Unlock() error {
	if l == nil {
		return nil
	}
	info, raw, ok := readLock(l.lockPath)
	if !ok || info.Token != l.info.Token {
		return nil // gone, or taken over by another Parley: theirs now
	}
	now, err := os.ReadFile(l.lockPath)
	if err != nil || !bytes.Equal(now, raw) {
		return nil
	}
	if err := removeLock(l.lockPath); err != nil {
		return fmt.Errorf("%s: cannot remove the lock file: %w", l.path, err)
	}
	return nil
}
