package storage

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/app"
	"parley/app/sample"
)

func TestRecoveryCopies(t *testing.T) {
	dir := t.TempDir()
	rec := NewRecovery(filepath.Join(dir, "recovery"))
	if list, err := rec.List(); err != nil || len(list) != 0 {
		t.Fatalf("empty folder: %v, %v", list, err)
	}
	a := filepath.Join(dir, "a", "meeting.parley")
	b := filepath.Join(dir, "b", "meeting.parley") // same name, other folder
	m := sample.Sample()
	base := FingerprintData([]byte("on disk"), time.Now())
	for i, p := range []string{a, b, ""} {
		m.Details.Topic = fmt.Sprintf("copy %d", i)
		if err := rec.Write(p, m, base); err != nil {
			t.Fatal(err)
		}
	}
	m.Details.Topic = "copy 0, later"
	if err := rec.Write(a, m, base); err != nil {
		t.Fatal(err)
	}
	list, err := rec.List()
	if err != nil || len(list) != 3 {
		t.Fatalf("list: %v, %v", list, err)
	}
	if list[0].Original != a || list[0].Name() != "meeting.parley" || !list[0].Live || list[0].PID != os.Getpid() || !list[0].Base.Same(base) {
		t.Fatalf("newest copy %+v", list[0])
	}
	c, ok := rec.Find(a)
	if !ok {
		t.Fatal("copy of a not found")
	}
	got, _, err := rec.Read(c)
	if err != nil || got.Details.Topic != "copy 0, later" {
		t.Fatalf("read: %v, %v", got, err)
	}
	// A relative path finds the same copy.
	// (None exists on Windows when the temporary folder is on another drive.)
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(wd, a); err == nil {
		if c2, ok := rec.Find(rel); !ok || c2.Key != c.Key {
			t.Fatal("relative path gives another key")
		}
	}
	if u, ok := rec.Find(""); !ok || u.Name() != "untitled" {
		t.Fatal("untitled copy not found")
	}
	if err := rec.Discard(a); err != nil {
		t.Fatal(err)
	}
	if _, ok := rec.Find(a); ok {
		t.Fatal("discarded copy still there")
	}
	if err := rec.Discard(a); err != nil {
		t.Fatal("discarding twice:", err)
	}
	// A copy whose notes were never written is still listed.
	os.Remove(filepath.Join(rec.Dir, RecoveryKey(b)+".json"))
	list, _ = rec.List()
	if len(list) != 2 {
		t.Fatalf("list %v", list)
	}
	for _, c := range list {
		if c.Key == RecoveryKey(b) && (c.Original != "" || c.Live || c.Saved.IsZero()) {
			t.Fatalf("copy without notes %+v", c)
		}
	}
}

func TestDefaultRecovery(t *testing.T) {
	t.Setenv(RecoveryDirEnv, "/tmp/somewhere")
	if r, err := DefaultRecovery(); err != nil || r.Dir != "/tmp/somewhere" {
		t.Fatalf("%v %v", r, err)
	}
	t.Setenv(RecoveryDirEnv, "")
	if r, err := DefaultRecovery(); err == nil && !strings.HasSuffix(r.Dir, filepath.Join("parley", "recovery")) {
		t.Fatalf("%v", r.Dir)
	}
}

const recoveryChildEnv = "PARLEY_TEST_RECOVERY_CHILD"

// TestRecoveryAfterKill runs Parley's part in a child process: it opens a
// meeting, takes the lock, edits, writes its recovery copy, and is killed
// (SIGKILL) with the changes unsaved. The file on disk is as it was, the
// lock is found stale, and the copy restores the edit.
func TestRecoveryAfterKill(t *testing.T) {
	if file := os.Getenv(recoveryChildEnv); file != "" {
		recoveryChild(file)
		return
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "meeting.parley")
	if err := Save(file, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	before, _ := FingerprintOf(file)
	recDir := filepath.Join(dir, "recovery")

	cmd := exec.Command(os.Args[0], "-test.run=^TestRecoveryAfterKill$", "-test.count=1")
	cmd.Env = append(os.Environ(), recoveryChildEnv+"="+file, RecoveryDirEnv+"="+recDir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "ready" {
				ready <- true
				return
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatal("the child failed before writing its recovery copy")
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the child did not get ready")
	}
	pid := cmd.Process.Pid
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no chance to clean up
		t.Fatal(err)
	}
	cmd.Wait()

	// The next start: the file is untouched, the lock stale, the copy there.
	if now, _ := FingerprintOf(file); !now.Same(before) {
		t.Fatal("the file on disk changed")
	}
	info, ok := ReadLock(file)
	if !ok || info.PID != pid || !info.Stale(time.Now()) {
		t.Fatalf("lock %+v (ok %v), want the dead child's, stale", info, ok)
	}
	l, err := Lock(file)
	if err != nil {
		t.Fatalf("stale lock not cleared: %v", err)
	}
	defer l.Unlock()

	rec := NewRecovery(recDir)
	list, err := rec.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("recovery copies %v, %v", list, err)
	}
	c := list[0]
	if c.Live || c.PID != pid || c.Original != file || !c.Base.Same(before) {
		t.Fatalf("copy %+v", c)
	}
	if changed, _ := Changed(c.Original, c.Base); changed {
		t.Fatal("the original looks changed: restoring would need a merge")
	}
	m, probs, err := rec.Read(c)
	if err != nil || app.HasFatal(probs) {
		t.Fatalf("read: %v %v", err, probs)
	}
	if m.Details.Topic != "Edited before the crash" || m.People[0].Position != "Changed too" {
		t.Fatalf("restored %q / %q", m.Details.Topic, m.People[0].Position)
	}
	// Restore: open it with unsaved changes, save over the original (it
	// has not changed since), and the copy goes.
	d := app.NewDocument(m)
	d.MarkUnsaved()
	if _, err := SaveChecked(c.Original, d.Meeting(), c.Base); err != nil {
		t.Fatal(err)
	}
	d.MarkSaved()
	if err := rec.Discard(c.Original); err != nil {
		t.Fatal(err)
	}
	if list, _ := rec.List(); len(list) != 0 {
		t.Fatalf("copies left %v", list)
	}
	if back, _, _ := Load(file); back.Details.Topic != "Edited before the crash" {
		t.Fatal("restored edit not saved")
	}
}

// recoveryChild is the child: Parley with a meeting open and unsaved
// changes, waiting to be killed.
func recoveryChild(file string) {
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(1)
	}
	m, _, fp, err := LoadTracked(file)
	if err != nil {
		fail(err)
	}
	if _, err := Lock(file); err != nil {
		fail(err)
	}
	d := app.NewDocument(m)
	if err := d.Apply(app.Edit{Ops: []app.Op{
		app.Set(app.KindDetails, m.Details.ID, "topic", "Edited before the crash"),
		app.Set(app.KindPerson, m.People[0].ID, "position", "Changed too"),
	}}); err != nil {
		fail(err)
	}
	rec, err := DefaultRecovery()
	if err != nil {
		fail(err)
	}
	if err := rec.Write(file, d.Meeting().Clone(), fp); err != nil {
		fail(err)
	}
	fmt.Println("ready")
	time.Sleep(10 * time.Minute)
	os.Exit(2)
}
