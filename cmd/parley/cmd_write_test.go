package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/app/sample"
	"parley/storage"
)

// TestConcurrentWritersLoseNothing runs many import-people processes on
// one meeting at once: every one's participant is in the file afterwards,
// or its process failed and said why. None is lost silently.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := buildParley(t)
	dir := t.TempDir()
	meeting := filepath.Join(dir, "w.parley")
	if err := storage.Save(meeting, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	const n = 12
	type result struct {
		code   int
		stderr string
	}
	results := make([]result, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		side := []string{"JP", "AU"}[i%2]
		list := write(t, filepath.Join(dir, fmt.Sprintf("list%02d.csv", i)), fmt.Sprintf("Family name,Given name\nWriter%02d,Concurrent\n", i))
		wg.Go(func() {
			cmd := exec.Command(bin, "import-people", meeting, "--side", side, list)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			<-start
			err := cmd.Run()
			results[i] = result{cmd.ProcessState.ExitCode(), errb.String()}
			if err != nil && cmd.ProcessState == nil {
				t.Error(err)
			}
		})
	}
	close(start)
	wg.Wait()
	m := load(t, meeting)
	present := map[string]bool{}
	for _, p := range m.People {
		present[p.Family] = true
	}
	waited, ok := 0, 0
	for i, r := range results {
		name := fmt.Sprintf("Writer%02d", i)
		if strings.Contains(r.stderr, "waiting for") {
			waited++
		}
		switch {
		case r.code == exitOK && present[name]:
			ok++
		case r.code == exitOK:
			t.Errorf("process %d reported success, but %s is not in the meeting (a lost change)", i, name)
		case present[name]:
			t.Errorf("process %d failed (%d), yet %s is in the meeting", i, r.code, name)
		case r.code != exitBad && r.code != exitRefused:
			t.Errorf("process %d failed with exit %d, not 1 or 3: %q", i, r.code, r.stderr)
		case !strings.Contains(r.stderr, meeting):
			t.Errorf("process %d failed without saying why about %s: %q", i, meeting, r.stderr)
		default:
			t.Logf("process %d failed loudly: %s", i, r.stderr)
		}
	}
	t.Logf("%d of %d imports saved; %d waited for another's lock", ok, n, waited)
	if _, err := os.Stat(storage.LockPath(meeting)); !os.IsNotExist(err) {
		t.Error("a lock file is left behind")
	}
}

// TestCommandRefusesMeetingOpenInWindow: a command that would change a
// meeting a window holds refuses at once (exit 1), naming where and by
// whom it is open; -o elsewhere works.
func TestCommandRefusesMeetingOpenInWindow(t *testing.T) {
	dir, meeting := peopleFixture(t)
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	draft := write(t, filepath.Join(dir, "draft.txt"), "Joint Statement\n\n1. We meet.\n")
	l, err := storage.Lock(meeting) // as the window does when it opens the file
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	before, _ := os.ReadFile(meeting)
	info := l.Info()
	for _, args := range [][]string{
		{"import-people", meeting, "--side", "AU", list},
		{"import-statement", meeting, draft, "--replace"},
		{"merge", meeting, meeting},
		{"sample", "-o", meeting},
	} {
		start := time.Now()
		code, _, stderr := runCLI(args...)
		want := fmt.Sprintf("%s: open in Parley on %s by %s since %s: close it there, or write elsewhere with -o", meeting, info.Host, info.User,
			info.Time.Local().Format("2006-01-02 15:04"))
		if code != exitBad || !strings.Contains(stderr, want) {
			t.Errorf("%s: %d %q, want %q", args[0], code, stderr, want)
		}
		if time.Since(start) > 2*time.Second {
			t.Errorf("%s waited for a window's lock", args[0])
		}
	}
	if now, _ := os.ReadFile(meeting); !bytes.Equal(now, before) {
		t.Fatal("the meeting open in the window was changed")
	}
	out := filepath.Join(dir, "elsewhere.parley")
	if code, _, stderr := runCLI("import-people", meeting, "--side", "AU", list, "-o", out); code != exitOK {
		t.Fatalf("-o elsewhere: %d %s", code, stderr)
	}
	if !l.Held() {
		t.Fatal("the window lost its lock")
	}
}

// TestCommandWaitsForAnotherCommand: another command's lock is waited
// for, saying so on stderr, for a bounded time.
func TestCommandWaitsForAnotherCommand(t *testing.T) {
	defer func(d time.Duration) { lockWait = d }(lockWait)
	lockWait = 600 * time.Millisecond
	dir, meeting := peopleFixture(t)
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	other := storage.LockInfo{App: "parley", Host: "office-pc", PID: 4242, User: "alice", Time: time.Now().UTC(), Token: "theirs", Command: "import-people"}
	holdLock := func() {
		data := fmt.Sprintf(`{"app":"parley","host":%q,"pid":%d,"user":%q,"time":%q,"token":"theirs","command":"import-people"}`,
			other.Host, other.PID, other.User, other.Time.Format(time.RFC3339))
		if err := os.WriteFile(storage.LockPath(meeting), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	holdLock()
	time.AfterFunc(150*time.Millisecond, func() { os.Remove(storage.LockPath(meeting)) })
	code, _, stderr := runCLI("import-people", meeting, "--side", "AU", list)
	if code != exitOK || !strings.Contains(stderr, meeting+": waiting for parley import-people (alice on office-pc, process 4242) to finish with it") {
		t.Fatalf("waited: %d %q", code, stderr)
	}
	holdLock()
	start := time.Now()
	code, _, stderr = runCLI("import-people", meeting, "--side", "AU", list)
	if code != exitBad || !strings.Contains(stderr, "still in use by parley import-people (alice on office-pc, process 4242)") ||
		time.Since(start) < lockWait {
		t.Fatalf("gave up: %d %q after %v", code, stderr, time.Since(start))
	}
}

// TestWriteToStandardOutput: -o - writes what every writing command makes
// to standard output, its messages to stderr, and changes no file.
func TestWriteToStandardOutput(t *testing.T) {
	dir, meeting := peopleFixture(t)
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	draft := write(t, filepath.Join(dir, "draft.txt"), "Joint Statement\n\n1. We meet.\n")
	t.Setenv(storage.RecoveryDirEnv, filepath.Join(dir, "recovery"))
	rec, _ := storage.DefaultRecovery()
	fp, _ := storage.FingerprintOf(meeting)
	leftOver(t, rec, meeting, "Recovered topic", fp)
	before, _ := os.ReadFile(meeting)
	meetingOut := func(out []byte) error {
		_, err := storage.Decode(out)
		return err
	}
	starts := func(prefix string) func([]byte) error {
		return func(out []byte) error {
			if !bytes.HasPrefix(out, []byte(prefix)) {
				return fmt.Errorf("starts %.20q, want %q", out, prefix)
			}
			return nil
		}
	}
	cases := []struct {
		args  []string
		check func([]byte) error
	}{
		{[]string{"sample", "-o", "-"}, meetingOut},
		{[]string{"import-people", meeting, "--side", "AU", list, "-o", "-"}, meetingOut},
		{[]string{"import-statement", meeting, draft, "--replace", "-o", "-"}, meetingOut},
		{[]string{"merge", meeting, meeting, "-o", "-"}, meetingOut},
		{[]string{"recover", meeting, "-o", "-"}, meetingOut},
		{[]string{"export", meeting, "-o", "-"}, starts("%PDF-")},
		{[]string{"export-people", meeting, "--side", "JP", "-o", "-"}, starts("\uFEFFHonorific,")},
		{[]string{"statement", meeting, "-o", "-"}, func(out []byte) error {
			if _, printed, _ := runCLI("statement", meeting); string(out) != printed || printed == "" {
				return fmt.Errorf("not the statement as printed: %.40q", out)
			}
			return nil
		}},
		{[]string{"diff", meeting, "--from", "1", "-o", "-"}, func(out []byte) error {
			if len(out) == 0 {
				return fmt.Errorf("nothing written")
			}
			return nil
		}},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(c.args...)
		if code != exitOK && !(c.args[0] == "merge" && code == exitRefused) {
			t.Errorf("%s: %d %s", c.args[0], code, stderr)
			continue
		}
		if err := c.check([]byte(stdout)); err != nil {
			t.Errorf("%s -o -: %v", c.args[0], err)
		}
		if files, _ := filepath.Glob(filepath.Join(dir, "-*")); len(files) > 0 {
			t.Fatalf("%s wrote a file named -: %v", c.args[0], files)
		}
	}
	if now, _ := os.ReadFile(meeting); !bytes.Equal(now, before) {
		t.Fatal("-o - changed the input file")
	}
	if _, ok := rec.Find(meeting); !ok {
		t.Fatal("recover -o - discarded the copy")
	}
}

// TestCommandsReadByteOrderMark: a meeting saved with a UTF-8 byte-order
// mark (by a Windows editor) is read by every command, and a command that
// writes it back writes it without the mark.
func TestCommandsReadByteOrderMark(t *testing.T) {
	dir, meeting := peopleFixture(t)
	plain, _ := os.ReadFile(meeting)
	write(t, meeting, "\uFEFF"+string(plain))
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	for _, args := range [][]string{
		{"check", meeting},
		{"statement", meeting},
		{"import-people", meeting, "--side", "AU", list},
	} {
		if code, _, stderr := runCLI(args...); code != exitOK {
			t.Errorf("%s on a file with a byte-order mark: %d %s", args[0], code, stderr)
		}
	}
	got, _ := os.ReadFile(meeting)
	if bytes.HasPrefix(got, []byte("\uFEFF")) || !bytes.HasPrefix(got, []byte("{")) {
		t.Fatalf("written back with a byte-order mark: %.20q", got)
	}
	if m := load(t, meeting); len(m.People) <= len(sample.Sample().People) {
		t.Fatal("the import did not land")
	}
}

// TestWrittenAnyway: a write whose only failure came after the file was
// replaced (flushing its folder) is a warning that says the file holds
// the new content, not a failure that invites running the command again.
func TestWrittenAnyway(t *testing.T) {
	notFlushed := fmt.Errorf("%w: input/output error", storage.ErrNotFlushed)
	for _, c := range []struct {
		err     error
		written bool
		want    string
	}{
		{notFlushed, true, "m.parley: warning: saved, but not flushed to the disk: input/output error: the file holds the new content"},
		{&storage.Error{Path: "m.parley", Kind: notFlushed, Msg: "saved, but …"}, true, "m.parley: warning: saved, but not flushed to the disk: input/output error:"},
		{&storage.Error{Path: "m.parley", Kind: os.ErrPermission, Msg: "cannot save"}, false, ""},
	} {
		var stderr bytes.Buffer
		if got := writtenAnyway("m.parley", c.err, &stderr); got != c.written || !strings.Contains(stderr.String(), c.want) ||
			c.written && !strings.Contains(stderr.String(), "do not run the command again") {
			t.Errorf("%v: %v %q", c.err, got, stderr.String())
		}
	}
}

// TestCommandLeavesBothVersions: a file changed while a command worked
// on it, by a program that takes no lock (a sync tool, an editor) or by
// a window that took it over, is not overwritten: the command fails
// (exit 1) saying what changed, and its result is in a conflict copy
// beside the file, to merge with the command it names.
func TestCommandLeavesBothVersions(t *testing.T) {
	defer func() { beforeSave = nil }()
	for _, how := range []string{"a sync tool", "a window"} {
		t.Run(how, func(t *testing.T) {
			dir, meeting := peopleFixture(t)
			list := write(t, filepath.Join(dir, "people.csv"), australians)
			theirs := sample.Sample()
			theirs.Details.City = "Changed by the other"
			var window *storage.FileLock
			beforeSave = func(string) {
				if how == "a window" {
					window, _ = storage.TakeLock(meeting)
				}
				if err := storage.Save(meeting, theirs); err != nil {
					t.Fatal(err)
				}
			}
			code, stdout, stderr := runCLI("import-people", meeting, "--side", "AU", list)
			beforeSave = nil
			defer window.Unlock()
			want := map[string]string{"a sync tool": "changed on disk since this command read it", "a window": "opened in Parley"}[how]
			if code != exitBad || stdout != "" || !strings.Contains(stderr, meeting+": "+want) ||
				!strings.Contains(stderr, "parley merge "+meeting+" ") {
				t.Fatalf("%d %q %q", code, stdout, stderr)
			}
			if m := load(t, meeting); m.Details.City != "Changed by the other" || len(m.People) != len(theirs.People) {
				t.Fatal("the other's version was overwritten")
			}
			copies, _ := filepath.Glob(filepath.Join(dir, "meeting.conflict-*.parley"))
			if len(copies) != 1 || !strings.Contains(stderr, copies[0]) {
				t.Fatalf("conflict copies %v; %s", copies, stderr)
			}
			if m := load(t, copies[0]); len(m.People) <= len(theirs.People) {
				t.Fatal("the conflict copy does not hold the import")
			}
			if how == "a window" && !window.Held() {
				t.Fatal("the command took the window's lock")
			}
		})
	}
}

// TestHolderName: how a waiting command names the lock's holder.
func TestHolderName(t *testing.T) {
	for _, c := range []struct {
		h    storage.LockInfo
		want string
	}{
		{storage.LockInfo{App: "parley", Host: "office-pc", PID: 4242, User: "alice", Command: "import-people"}, "parley import-people (alice on office-pc, process 4242)"},
		{storage.LockInfo{App: "parley", Host: "office-pc", User: "alice"}, "another Parley (alice on office-pc)"},
		{storage.LockInfo{Time: time.Now()}, "another Parley"}, // a lock being written
	} {
		if got := holderName(c.h); got != c.want {
			t.Errorf("%+v: %q, want %q", c.h, got, c.want)
		}
	}
}
