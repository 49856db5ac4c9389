package storage

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley/app"
	"parley/app/sample"
)

func TestMain(m *testing.M) {
	if path := os.Getenv("PARLEY_CRASH_CHILD"); path != "" {
		saveForever(path)
		return
	}
	os.Exit(m.Run())
}

// crashVariants are the two meetings the child saves in turn.
func crashVariants() [2][]byte {
	var out [2][]byte
	for i := range out {
		m := sample.Large(sample.LargeOptions{PeoplePerSide: 60, Items: 20, Paragraphs: 40, Versions: 3})
		m.Details.Topic = fmt.Sprintf("Variant %d", i)
		data, err := Encode(m)
		if err != nil {
			panic(err)
		}
		out[i] = data
	}
	return out
}

// saveForever is the child process: it saves the two variants in turn
// until it is killed.
func saveForever(path string) {
	v := crashVariants()
	fmt.Println("ready")
	for i := 0; ; i++ {
		if err := SaveBytes(path, v[i%2]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// TestCrashDuringSave kills a process that saves over and over at random
// moments: the file on disk is always one of the two complete versions.
func TestCrashDuringSave(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	v := crashVariants()
	dir := t.TempDir()
	path := filepath.Join(dir, "meeting.parley")
	if err := os.WriteFile(path, v[0], 0o644); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	const rounds = 40
	for i := 0; i < rounds; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "PARLEY_CRASH_CHILD="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 6)
		if _, err := out.Read(buf); err != nil {
			t.Fatalf("child did not start: %v", err)
		}
		time.Sleep(time.Duration(r.Intn(40000)) * time.Microsecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		if !bytes.Equal(got, v[0]) && !bytes.Equal(got, v[1]) {
			t.Fatalf("round %d: the file is neither the old nor the new version (%d bytes)", i, len(got))
		}
		if _, err := Decode(got); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
	}
}

// TestSaveFailureLeavesFileIntact makes each step of the atomic save fail
// in turn: the previous file stays byte for byte, and no temporary file is
// left behind.
func TestSaveFailureLeavesFileIntact(t *testing.T) {
	defer func() { faultHook = nil }()
	old, _ := Encode(sample.Sample())
	m := sample.Sample()
	m.Details.Topic = "Changed"
	for _, step := range []string{"create", "write", "sync", "close", "rename"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "meeting.parley")
			if err := os.WriteFile(path, old, 0o600); err != nil {
				t.Fatal(err)
			}
			boom := errors.New("disk full")
			faultHook = func(s string) error {
				if s == step {
					return boom
				}
				return nil
			}
			err := Save(path, m)
			faultHook = nil
			if !errors.Is(err, boom) || !strings.Contains(err.Error(), "the file on disk is unchanged") {
				t.Fatalf("err = %v", err)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, old) {
				t.Fatal("the previous file changed")
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Fatalf("left behind: %v", entries)
			}
		})
	}
	// The file's permissions survive a save.
	dir := t.TempDir()
	path := filepath.Join(dir, "meeting.parley")
	_ = os.WriteFile(path, old, 0o600)
	if err := Save(path, m); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 && runtime.GOOS != "windows" { // Windows has no such modes
		t.Errorf("mode %v after save", st.Mode().Perm())
	}
}

func TestSaveIntoMissingFolder(t *testing.T) {
	err := Save(filepath.Join(t.TempDir(), "no", "such", "meeting.parley"), &app.Meeting{})
	if err == nil || !strings.Contains(err.Error(), "cannot save") {
		t.Fatalf("err = %v", err)
	}
}

func TestSaveRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "meeting [1].parley")
	stale := filepath.Join(dir, ".meeting [1].parley.saving-123")
	fresh := filepath.Join(dir, ".meeting [1].parley.saving-456")
	for _, f := range []string{stale, fresh} {
		_ = os.WriteFile(f, []byte("partial"), 0o644)
	}
	old := time.Now().Add(-time.Hour)
	_ = os.Chtimes(stale, old, old)
	if err := Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale temporary file kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("fresh temporary file removed")
	}
}
