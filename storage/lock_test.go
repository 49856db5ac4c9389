package storage

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// deadPID returns the ID of a process that has just exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func writeLock(t *testing.T, path string, info LockInfo) {
	t.Helper()
	data, _ := json.Marshal(info)
	if err := os.WriteFile(LockPath(path), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLockAndUnlock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meeting.parley")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := LockPath(path); filepath.Base(got) != ".meeting.parley.lock" {
		t.Fatalf("lock path %s", got)
	}
	info, ok := ReadLock(path)
	if !ok || !info.Mine() || info.User == "" && userName() != "" || info.Host != hostname() || info.Time.IsZero() {
		t.Fatalf("lock says %+v", info)
	}
	// A second window of this process is told the file is open here.
	_, err = Lock(path)
	var le *LockedError
	if !errors.As(err, &le) || !errors.Is(err, ErrLocked) || !le.Holder.Mine() || !strings.Contains(err.Error(), "already open in this Parley") {
		t.Fatalf("second lock: %v", err)
	}
	if err := l.Refresh(); err != nil || !l.Held() {
		t.Fatalf("refresh: %v", err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(LockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("lock file left behind")
	}
	if err := l.Unlock(); err != nil {
		t.Fatal("second unlock:", err)
	}
	l2, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	l2.Unlock()
}

func TestStaleLocks(t *testing.T) {
	now := time.Now().UTC()
	dead := deadPID(t)
	cases := []struct {
		name  string
		info  *LockInfo
		raw   string
		age   time.Duration
		held  bool
		stale bool
	}{
		{name: "same host, process gone", info: &LockInfo{App: "parley", Host: hostname(), PID: dead, User: "alice", Time: now, Token: "x"}, stale: true},
		{name: "same host, process running", info: &LockInfo{App: "parley", Host: hostname(), PID: os.Getppid(), User: "alice", Time: now, Token: "x"}, held: true},
		{name: "other host, recent", info: &LockInfo{App: "parley", Host: "office-pc", PID: 4242, User: "alice", Time: now.Add(-10 * time.Minute), Token: "x"}, held: true},
		{name: "other host, not refreshed for hours", info: &LockInfo{App: "parley", Host: "office-pc", PID: 4242, User: "alice", Time: now.Add(-3 * time.Hour), Token: "x"}, stale: true},
		{name: "half-written, just now", raw: "", held: true},
		{name: "unreadable, old", raw: "{\"app\":", age: time.Hour, stale: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "meeting.parley")
			if c.info != nil {
				writeLock(t, path, *c.info)
				if got := c.info.Stale(time.Now()); got != c.stale {
					t.Errorf("Stale() = %v", got)
				}
			} else {
				if err := os.WriteFile(LockPath(path), []byte(c.raw), 0o644); err != nil {
					t.Fatal(err)
				}
				old := time.Now().Add(-c.age)
				os.Chtimes(LockPath(path), old, old)
			}
			l, err := Lock(path)
			var le *LockedError
			switch {
			case c.held && !errors.As(err, &le):
				t.Fatalf("want locked, got %v", err)
			case c.held && c.info != nil && (le.Holder.Host != c.info.Host || !strings.Contains(err.Error(), "alice on "+c.info.Host)):
				t.Fatalf("holder %+v: %v", le.Holder, err)
			case !c.held && err != nil:
				t.Fatalf("stale lock not cleared: %v", err)
			case !c.held && !l.Held():
				t.Fatal("lock not taken")
			}
		})
	}
}

func TestTakeLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meeting.parley")
	other := LockInfo{App: "parley", Host: "office-pc", PID: 4242, User: "alice", Time: time.Now().UTC(), Token: "theirs"}
	writeLock(t, path, other)
	if _, err := Lock(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("lock held elsewhere: %v", err)
	}
	mine, err := TakeLock(path)
	if err != nil || !mine.Held() {
		t.Fatalf("take: %v", err)
	}
	// The former holder learns it when it refreshes, and does not remove
	// the new lock when it closes.
	former := &FileLock{path: path, lockPath: LockPath(path), info: other}
	if err := former.Refresh(); !errors.Is(err, ErrLocked) {
		t.Fatalf("former holder's refresh: %v", err)
	}
	former.Unlock()
	if !mine.Held() {
		t.Fatal("the former holder removed the new lock")
	}
	mine.Unlock()
}

func TestLockInReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes anywhere")
	}
	if runtime.GOOS == "windows" {
		t.Skip("a folder's read-only attribute does not keep files out of it on Windows")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, err := Lock(filepath.Join(dir, "meeting.parley"))
	if err == nil || errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another Parley opening the file will not be warned") {
		t.Fatalf("err = %v", err)
	}
}
