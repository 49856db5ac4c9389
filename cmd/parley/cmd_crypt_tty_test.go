//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"parley/storage"
)

// terminal is a pseudo-terminal standing in for the user's: the command
// reads from its slave side as standard input; the test types on the
// master side and reads what the terminal shows (its echo).
type terminal struct {
	master, slave *os.File
	mu            sync.Mutex
	shown         bytes.Buffer
}

func openTerminal(t *testing.T) *terminal {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	tm := &terminal{master: m, slave: s}
	go func() {
		buf := make([]byte, 256)
		for {
			n, err := m.Read(buf)
			tm.mu.Lock()
			tm.shown.Write(buf[:n])
			tm.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	old := os.Stdin
	os.Stdin = s
	t.Cleanup(func() {
		os.Stdin = old
		s.Close()
		m.Close()
	})
	return tm
}

// typeLines types each line once the command has turned the echo off
// (or after 10 s: then the test sees the echo), as a user does after the
// prompt.
func (tm *terminal) typeLines(lines ...string) {
	echo := func(on bool) {
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			st, err := unix.IoctlGetTermios(int(tm.slave.Fd()), unix.TCGETS)
			if err == nil && (st.Lflag&unix.ECHO != 0) == on {
				return
			}
		}
	}
	go func() {
		for _, l := range lines {
			echo(false)
			tm.master.WriteString(l + "\r")
			echo(true) // the line read, before the next prompt
		}
	}()
}

func (tm *terminal) text() string {
	time.Sleep(50 * time.Millisecond) // the last echo, if any
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.shown.String()
}

// TestPassphraseOnTheTerminal: without PARLEY_PASSPHRASE the commands ask
// on the terminal, and what is typed is not shown. encrypt asks twice; a
// wrong passphrase is asked for again; then the file opens.
func TestPassphraseOnTheTerminal(t *testing.T) {
	os.Unsetenv(passphraseEnv)
	dir := t.TempDir()
	m := copyFile(t, mergeA, filepath.Join(dir, "m.parley"))
	const pass = "pâsse 水島 ключ"

	tm := openTerminal(t)
	tm.typeLines(pass, pass)
	code, _, stderr := runCLI("encrypt", m)
	if code != exitOK || !storage.IsEncryptedFile(m) {
		t.Fatalf("encrypt: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "new passphrase for m.parley: ") || !strings.Contains(stderr, "the same again: ") {
		t.Errorf("prompts: %q", stderr)
	}
	if shown := tm.text(); strings.Contains(shown, "ключ") {
		t.Errorf("the passphrase was echoed: %q", shown)
	}

	tm.typeLines("wrong", pass)
	code, stdout, stderr := runCLI("check", m)
	if code != exitOK || !strings.Contains(stderr, "passphrase for m.parley: ") || !strings.Contains(stderr, "wrong passphrase, try again") {
		t.Fatalf("check: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if shown := tm.text(); strings.Contains(shown, "ключ") || strings.Contains(shown, "wrong") {
		t.Errorf("the passphrase was echoed: %q", shown)
	}
}
