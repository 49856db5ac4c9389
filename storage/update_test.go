package storage

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/app"
	"parley/app/sample"
)

// TestLockCommand: a command waits for another command's lock, and for a
// lock being written, but not for a window's.
func TestLockCommand(t *testing.T) {
	other := func(command string) LockInfo {
		return LockInfo{App: "parley", Host: "office-pc", PID: 4242, User: "alice", Time: time.Now().UTC(), Token: "theirs", Command: command}
	}
	cases := []struct {
		name    string
		holder  *LockInfo // nil: an empty lock file, as one being written
		release bool      // the holder lets go during the wait
		waits   bool
		ok      bool
	}{
		{name: "window", holder: &LockInfo{}, waits: false},
		{name: "command that finishes", holder: &LockInfo{Command: "import-people"}, release: true, waits: true, ok: true},
		{name: "command that does not finish in time", holder: &LockInfo{Command: "merge"}, waits: true},
		{name: "lock being written", release: true, waits: true, ok: true},
	}
	const wait = 400 * time.Millisecond
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "meeting.parley")
			if c.holder != nil {
				writeLock(t, path, other(c.holder.Command))
			} else if err := os.WriteFile(LockPath(path), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if c.release {
				time.AfterFunc(wait/4, func() { removeLock(LockPath(path)) })
			}
			var told []LockInfo
			start := time.Now()
			l, err := LockCommand(path, "import-people", wait, func(h LockInfo) { told = append(told, h) })
			took := time.Since(start)
			if c.waits != (len(told) == 1) || len(told) > 1 {
				t.Errorf("told of waiting %d times", len(told))
			}
			if c.ok {
				if err != nil || !l.Held() || l.Info().Command != "import-people" {
					t.Fatalf("lock: %v", err)
				}
				l.Unlock()
				return
			}
			var le *LockedError
			if !errors.As(err, &le) || le.Holder.User != "alice" {
				t.Fatalf("err = %v", err)
			}
			if !c.waits && took > wait/2 {
				t.Errorf("waited %v for a window", took)
			}
			if c.waits && took < wait {
				t.Errorf("gave up after %v", took)
			}
			if c.holder != nil && c.holder.Command != "" && !strings.Contains(err.Error(), "parley "+c.holder.Command) {
				t.Errorf("the holder's command is not named: %v", err)
			}
		})
	}
	// A command's lock left by a command that died on another computer
	// goes stale sooner than a window's.
	old := other("import-people")
	old.Time = time.Now().Add(-CommandLockStaleAfter - time.Minute)
	if !old.Stale(time.Now()) {
		t.Error("an old command lock is not stale")
	}
	old.Command = ""
	if old.Stale(time.Now()) {
		t.Error("a window's lock went stale as soon as a command's")
	}
}

// TestUpdateRefusesAChangedFile: a writer that ignores the lock (here, a
// plain write of the file) is caught at the update's save; and so is a
// window that took the lock over. The file keeps the other's version, and
// the update's result is written beside it.
func TestUpdateRefusesAChangedFile(t *testing.T) {
	for _, how := range []string{"written behind the lock", "taken over by a window"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "meeting.parley")
			u, m := changedByCommand(t, path)
			theirs := sample.Sample()
			theirs.Details.Topic = "The other's change"
			var want error
			switch how {
			case "written behind the lock":
				data, _ := Encode(theirs)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				want = ErrChanged
			default:
				w, err := TakeLock(path)
				if err != nil {
					t.Fatal(err)
				}
				defer w.Unlock()
				if err := Save(path, theirs); err != nil {
					t.Fatal(err)
				}
				want = ErrLocked
			}
			err := u.Save(m)
			var uc *UpdateConflict
			if !errors.As(err, &uc) || !errors.Is(err, want) {
				t.Fatalf("err = %v", err)
			}
			if want == ErrChanged && !strings.Contains(err.Error(), "changed on disk since this command read it") ||
				want == ErrLocked && !strings.Contains(err.Error(), "opened in Parley") {
				t.Errorf("message: %v", err)
			}
			if got, _, _ := Load(path); got.Details.Topic != "The other's change" {
				t.Fatalf("the other's version was overwritten: %q", got.Details.Topic)
			}
			aside, _, err := Load(uc.Aside)
			if err != nil || aside.Details.Topic != "The command's change" || filepath.Dir(uc.Aside) != dir ||
				!strings.HasPrefix(filepath.Base(uc.Aside), "meeting.conflict-") || !strings.Contains(uc.Error(), uc.Aside) {
				t.Fatalf("the command's result beside the file: %v, %v (%s)", aside, err, uc.Aside)
			}
		})
	}
}

// TestUpdateUnchangedFileIsSaved: with nothing in the way, the update
// saves, and the lock is the command's until Close.
func TestUpdateUnchangedFileIsSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meeting.parley")
	if err := Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	u, err := BeginUpdate(path, "import-statement", time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	info, ok := ReadLock(path)
	var raw map[string]any
	data, _ := os.ReadFile(LockPath(path))
	json.Unmarshal(data, &raw)
	if !ok || info.Command != "import-statement" || raw["command"] != "import-statement" {
		t.Fatalf("lock %+v", info)
	}
	m, _, err := u.Load()
	if err != nil {
		t.Fatal(err)
	}
	m.Details.Topic = "Changed"
	if err := u.Save(m); err != nil {
		t.Fatal(err)
	}
	u.Close()
	if _, ok := ReadLock(path); ok {
		t.Fatal("lock left after Close")
	}
	if got, _, _ := Load(path); got.Details.Topic != "Changed" {
		t.Fatal("not saved")
	}
}

// TestUpdateWithoutItsLockIsRefused: when the lock cannot be taken for
// something in its place that is no lock (a folder of that name), the
// update does not go ahead unprotected, and the error names it.
func TestUpdateWithoutItsLockIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meeting.parley")
	if err := Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(LockPath(path), 0o755); err != nil {
		t.Fatal(err)
	}
	u, err := BeginUpdate(path, "import-people", 50*time.Millisecond, nil)
	if err == nil {
		u.Close()
		t.Fatal("the update went ahead without its lock")
	}
	if !strings.Contains(err.Error(), LockPath(path)) || !strings.Contains(err.Error(), "not a lock file") {
		t.Fatalf("%v", err)
	}
}

// TestConflictCopyKeptWhenNotFlushed: the update's result written beside
// a changed file is kept, and named, when only flushing its folder failed
// afterwards; it is not removed as if it had not been written.
func TestConflictCopyKeptWhenNotFlushed(t *testing.T) {
	defer func() { faultHook = nil }()
	path := filepath.Join(t.TempDir(), "meeting.parley")
	u, m := changedByCommand(t, path)
	theirs, _ := Encode(sample.Sample())
	if err := os.WriteFile(path, append(theirs, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	faultHook = func(step string) error {
		if step == "syncdir" {
			return errors.New("input/output error")
		}
		return nil
	}
	err := u.Save(m)
	faultHook = nil
	var uc *UpdateConflict
	if !errors.As(err, &uc) || uc.Aside == "" {
		t.Fatalf("err = %v", err)
	}
	if got, _, err := Load(uc.Aside); err != nil || got.Details.Topic != "The command's change" {
		t.Fatalf("the command's result is not in %s: %v", uc.Aside, err)
	}
}

// changedByCommand saves the sample meeting at path and begins a
// command's update of it: loaded under the lock (released at the end of
// the test), with the topic changed.
func changedByCommand(t *testing.T, path string) (*Update, *app.Meeting) {
	t.Helper()
	if err := Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	u, err := BeginUpdate(path, "import-people", time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.Close)
	m, _, err := u.Load()
	if err != nil {
		t.Fatal(err)
	}
	m.Details.Topic = "The command's change"
	return u, m
}
