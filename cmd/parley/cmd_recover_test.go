package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/sample"
	"parley/storage"
)

// leftOver writes a recovery copy as a Parley that has since crashed
// would have left it (another process, so not live).
func leftOver(t *testing.T, rec *storage.Recovery, original, topic string, base storage.Fingerprint) {
	t.Helper()
	m := sample.Sample()
	m.Details.Topic = topic
	if err := rec.Write(original, m, base); err != nil {
		t.Fatal(err)
	}
	c, ok := rec.Find(original)
	if !ok {
		t.Fatal("copy not written")
	}
	meta := filepath.Join(rec.Dir, c.Key+".json")
	var raw map[string]any
	data, _ := os.ReadFile(meta)
	json.Unmarshal(data, &raw)
	raw["pid"] = 999999999 // no such process
	data, _ = json.Marshal(raw)
	os.WriteFile(meta, data, 0o644)
}

func TestRecoverCommand(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(storage.RecoveryDirEnv, filepath.Join(dir, "recovery"))
	rec, _ := storage.DefaultRecovery()

	code, stdout, _ := runCLI("recover", "--list")
	if code != exitOK || !strings.HasPrefix(stdout, "no recovery copies") {
		t.Fatalf("empty list: %d %q", code, stdout)
	}

	file := filepath.Join(dir, "meeting.parley")
	if err := storage.Save(file, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	fp, _ := storage.FingerprintOf(file)
	leftOver(t, rec, file, "Recovered topic", fp)
	leftOver(t, rec, "", "Untitled work", storage.Fingerprint{})

	code, stdout, _ = runCLI("recover", "--list")
	if code != exitOK || !strings.Contains(stdout, file+"  saved ") || !strings.Contains(stdout, "untitled  saved ") || strings.Contains(stdout, "running") {
		t.Fatalf("list: %d\n%s", code, stdout)
	}

	// The original has not changed since: restored in place, copy gone.
	code, stdout, stderr := runCLI("recover", file)
	if code != exitOK || !strings.Contains(stdout, "restored "+file) {
		t.Fatalf("restore: %d %s %s", code, stdout, stderr)
	}
	if m, _, _ := storage.Load(file); m.Details.Topic != "Recovered topic" {
		t.Fatalf("restored topic %q", m.Details.Topic)
	}
	if _, ok := rec.Find(file); ok {
		t.Fatal("copy not discarded after restoring")
	}

	// The original changed since: refused; written elsewhere to merge.
	fp, _ = storage.FingerprintOf(file)
	leftOver(t, rec, file, "Second recovery", fp)
	other := sample.Sample()
	other.Details.Topic = "Saved by someone else"
	storage.Save(file, other)
	code, _, stderr = runCLI("recover", file)
	if code != exitRefused || !strings.Contains(stderr, "changed since the unsaved changes") || !strings.Contains(stderr, "parley merge") {
		t.Fatalf("changed original: %d %s", code, stderr)
	}
	if m, _, _ := storage.Load(file); m.Details.Topic != "Saved by someone else" {
		t.Fatal("the changed original was overwritten")
	}
	side := filepath.Join(dir, "recovered.parley")
	code, stdout, _ = runCLI("recover", "-o", side, file)
	if code != exitOK || !strings.Contains(stdout, "the copy is kept") {
		t.Fatalf("recover -o: %d %s", code, stdout)
	}
	if m, _, _ := storage.Load(side); m.Details.Topic != "Second recovery" {
		t.Fatal("wrong content written")
	}
	if code, _, _ := runCLI("recover", file, "--discard"); code != exitOK {
		t.Fatal("discard failed")
	}
	if _, ok := rec.Find(file); ok {
		t.Fatal("copy not discarded")
	}

	// The untitled copy needs -o.
	if code, _, stderr := runCLI("recover", "untitled"); code != exitUsage || !strings.Contains(stderr, "-o OUT.parley") {
		t.Fatalf("untitled: %d %s", code, stderr)
	}
	if code, _, _ := runCLI("recover", "untitled", "-o", filepath.Join(dir, "untitled.parley")); code != exitOK {
		t.Fatal("untitled -o failed")
	}

	// A copy a running Parley is writing is not touched.
	if err := rec.Write(file, sample.Sample(), storage.Fingerprint{}); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI("recover", "--list")
	if !strings.Contains(stdout, "open in a running Parley") {
		t.Fatalf("live copy not marked:\n%s", stdout)
	}
	if code, _, stderr := runCLI("recover", file); code != exitRefused || !strings.Contains(stderr, "still open in a running Parley") {
		t.Fatalf("live copy: %d %s", code, stderr)
	}

	if code, _, stderr := runCLI("recover", filepath.Join(dir, "none.parley")); code != exitBad || !strings.Contains(stderr, "no recovery copy") {
		t.Fatalf("unknown: %d %s", code, stderr)
	}
	if code, _, _ := runCLI("recover"); code != exitUsage {
		t.Fatal("no arguments accepted")
	}
	if code, _, _ := runCLI("recover", "--list", file); code != exitUsage {
		t.Fatal("--list with a file accepted")
	}
}
