package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"parley/storage"
)

// TestReopenTheMeetingOpenHere: opening again the meeting this window has
// open (Open Recent, dropping it, restoring its recovery copy) keeps this
// window's lock and does not take this very process for another Parley.
func TestReopenTheMeetingOpenHere(t *testing.T) {
	e := newTestEditor(t)
	_, a, _ := twoCopies(t)
	e.load(a)
	finished(e)
	if e.path != a || e.lock == nil {
		t.Fatalf("opened %q, lock %v", e.path, e.lock)
	}
	reopen := map[string]func(){
		"open recent": func() { e.openPath(a) },
		"drop":        func() { e.dropped(fyne.NewPos(10, 10), []fyne.URI{fstorage.NewFileURI(a)}) },
		"restore": func() {
			retype(e.views["overview"].(*overview).city, "Sendai")
			if err := e.writeRecovery(); err != nil {
				t.Fatal(err)
			}
			c, ok := e.rec.Find(a)
			if !ok {
				t.Fatal("no recovery copy")
			}
			e.restore(c)
			finished(e)
		},
	}
	for _, how := range []string{"open recent", "drop", "restore"} {
		reopen[how]()
		finished(e)
		if bs := buttons(e, "Open Anyway"); len(bs) > 0 {
			t.Fatalf("%s: asked whether to open a meeting open in this very window", how)
		}
		if e.path != a || e.lock == nil || !e.lock.Held() {
			t.Fatalf("%s: path %q, lock %v", how, e.path, e.lock)
		}
		if info, ok := storage.ReadLock(a); !ok || !info.Mine() {
			t.Fatalf("%s: the lock is %+v", how, info)
		}
	}
	// The restored work is unsaved and still has its recovery copy.
	if !e.doc.Dirty() || e.doc.Meeting().Details.City != "Sendai" {
		t.Fatal("the restored changes are not there")
	}
	if _, ok := e.rec.Find(a); !ok {
		t.Fatal("restoring discarded the recovery copy of the unsaved changes")
	}
}

// TestLockTakenOverIsToldBeforeSaving: when another Parley takes over the
// lock, the lock's refresh tells this window's user, and the next save
// asks instead of writing over the other's work.
func TestLockTakenOverIsToldBeforeSaving(t *testing.T) {
	for _, refresh := range []bool{true, false} {
		name := "found at the save"
		if refresh {
			name = "found by the refresh"
		}
		t.Run(name, func(t *testing.T) {
			e := newTestEditor(t)
			_, a, _ := twoCopies(t)
			e.load(a)
			finished(e)
			other := storage.LockInfo{App: "parley", Host: "embassy-laptop", PID: 4242, User: "alice", Time: time.Now().UTC(), Token: "theirs"}
			data, _ := json.Marshal(other)
			if err := os.WriteFile(storage.LockPath(a), data, 0o644); err != nil {
				t.Fatal(err)
			}
			if refresh {
				e.tick()
				finished(e)
				if !strings.Contains(e.saved.Text, "alice on embassy-laptop") {
					t.Fatalf("status after the refresh: %q", e.saved.Text)
				}
				if bs := buttons(e, "OK"); len(bs) == 0 {
					t.Fatal("no message about the lost lock")
				}
			}
			before, _ := os.ReadFile(a)
			retype(e.views["overview"].(*overview).city, "Fukuoka")
			e.save(nil)
			if now, _ := os.ReadFile(a); string(now) != string(before) {
				t.Fatal("saved over the file without asking")
			}
			test.Tap(button(t, e, "Cancel"))
			if !e.doc.Dirty() {
				t.Fatal("cancelled, yet marked saved")
			}
			e.save(nil)
			test.Tap(button(t, e, "Save Here Anyway"))
			if m, _, _ := storage.Load(a); m.Details.City != "Fukuoka" || e.doc.Dirty() {
				t.Fatal("Save Here Anyway did not save")
			}
			// The other's lock stays theirs, and this window does not ask
			// again about the same holder.
			if info, _ := storage.ReadLock(a); info.Token != "theirs" {
				t.Fatalf("lock now %+v", info)
			}
			retype(e.views["overview"].(*overview).city, "Kobe")
			e.save(nil)
			if m, _, _ := storage.Load(a); m.Details.City != "Kobe" {
				t.Fatal("asked again about the same holder")
			}
			e.quit()
			if info, ok := storage.ReadLock(a); !ok || info.Token != "theirs" {
				t.Fatalf("closing removed the other's lock: %+v", info)
			}
		})
	}
}

// TestWindowHoldsTheFileAgainstCommands: while the window has a meeting
// open, parley commands (real processes, several at once) that would
// change it refuse, naming the window's host and user, and change
// nothing; the window's save goes through as if they had not run. Once
// the window is closed, the commands' changes land beside the window's.
func TestWindowHoldsTheFileAgainstCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "parley")
	if out, err := exec.Command("go", "build", "-tags", "no_emoji", "-o", bin, "parley/cmd/parley").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	e := newTestEditor(t)
	dir, a, _ := twoCopies(t)
	e.load(a)
	finished(e)
	retype(e.views["overview"].(*overview).city, "Sapporo")
	before, _ := os.ReadFile(a)
	const n = 4
	imports := func() (codes []int, stderrs []string) {
		codes, stderrs = make([]int, n), make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			list := filepath.Join(dir, fmt.Sprintf("list%d.csv", i))
			if err := os.WriteFile(list, []byte(fmt.Sprintf("Family name,Given name\nImported%d,Someone\n", i)), 0o644); err != nil {
				t.Fatal(err)
			}
			wg.Go(func() {
				cmd := exec.Command(bin, "import-people", a, "--side", []string{"AU", "JP"}[i%2], list)
				var errb bytes.Buffer
				cmd.Stderr = &errb
				cmd.Run()
				codes[i], stderrs[i] = cmd.ProcessState.ExitCode(), errb.String()
			})
		}
		wg.Wait()
		return codes, stderrs
	}
	info := e.lock.Info()
	want := fmt.Sprintf("%s: open in Parley on %s by %s since %s: close it there, or write elsewhere with -o", a, info.Host, info.User,
		info.Time.Local().Format("2006-01-02 15:04"))
	codes, stderrs := imports()
	for i := range n {
		if codes[i] != 1 || !strings.Contains(stderrs[i], want) {
			t.Errorf("import %d while the window holds the file: exit %d, %q", i, codes[i], stderrs[i])
		}
	}
	if now, _ := os.ReadFile(a); !bytes.Equal(now, before) {
		t.Fatal("a command changed the meeting open in the window")
	}
	e.save(nil)
	if e.doc.Dirty() || len(buttons(e, "Merge…")) > 0 {
		t.Fatal("the window's save did not go through")
	}
	e.quit()
	codes, stderrs = imports()
	m, _, err := storage.Load(a)
	if err != nil {
		t.Fatal(err)
	}
	if m.Details.City != "Sapporo" {
		t.Error("the window's change is gone")
	}
	for i := range n {
		found := false
		for _, p := range m.People {
			found = found || p.Family == fmt.Sprintf("Imported%d", i)
		}
		if codes[i] != 0 || !found {
			t.Errorf("import %d once the window closed: exit %d, in the meeting %v: %s", i, codes[i], found, stderrs[i])
		}
	}
}
