package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parley/app"
	"parley/storage"
)

// editMeeting applies one edit to the meeting file at path, as the window
// would, and saves it.
func editMeeting(t *testing.T, path string, op func(m *app.Meeting) app.Op) {
	t.Helper()
	m, _, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	d := app.NewDocument(m)
	if err := d.Apply(app.Edit{Ops: []app.Op{op(d.Meeting())}}); err != nil {
		t.Fatal(err)
	}
	if err := storage.Save(path, d.Meeting()); err != nil {
		t.Fatal(err)
	}
}

func setPosition(text string) func(m *app.Meeting) app.Op {
	return func(m *app.Meeting) app.Op { return app.Set(app.KindPerson, m.People[10].ID, "position", text) }
}

// TestGitMergeDriver: a real repository, the meeting edited on two
// branches; git merge, through parley git-setup's driver, keeps both
// sides' work, and a conflicting pair exits non-zero with the conflicts in
// the file.
func TestGitMergeDriver(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	bin := buildParley(t)
	repo := t.TempDir()
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(args ...string) {
		t.Helper()
		if out, err := git(args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	must("init", "-q", "-b", "main")
	for i := 0; i < 2; i++ { // a second run changes nothing
		out, err := exec.Command(bin, "git-setup", repo).CombinedOutput()
		if err != nil {
			t.Fatalf("git-setup: %v\n%s", err, out)
		}
	}
	attrs, _ := os.ReadFile(filepath.Join(repo, ".gitattributes"))
	if string(attrs) != "*.parley merge=parley\n" {
		t.Fatalf(".gitattributes: %q", attrs)
	}
	if out, _ := git("config", "merge.parley.driver"); !strings.Contains(out, "merge-driver %O %A %B %P") {
		t.Fatalf("driver: %q", out)
	}
	file := filepath.Join(repo, "meeting.parley")
	copyFile(t, mergeOrigin, file)
	must("add", ".")
	must("commit", "-qm", "origin")

	must("checkout", "-qb", "laptop")
	editMeeting(t, file, setPosition("Ambassador for Cyber Affairs"))
	must("commit", "-qam", "laptop: position")
	must("checkout", "-q", "main")
	editMeeting(t, file, func(m *app.Meeting) app.Op { return app.Set(app.KindDetails, m.Details.ID, "city", "Sydney") })
	must("commit", "-qam", "office: city")
	if out, err := git("merge", "-q", "--no-edit", "laptop"); err != nil {
		t.Fatalf("clean merge failed: %v\n%s", err, out)
	}
	m, _, err := storage.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if m.Details.City != "Sydney" || m.People[10].Position != "Ambassador for Cyber Affairs" || len(m.Conflicts) != 0 {
		t.Fatalf("merged: city %q, position %q, conflicts %v", m.Details.City, m.People[10].Position, m.Conflicts)
	}

	// Both branches change the same field.
	must("checkout", "-qb", "embassy")
	editMeeting(t, file, setPosition("Ambassador (embassy)"))
	must("commit", "-qam", "embassy")
	must("checkout", "-q", "main")
	editMeeting(t, file, setPosition("Ambassador (office)"))
	must("commit", "-qam", "office")
	out, err := git("merge", "--no-edit", "embassy")
	if err == nil {
		t.Fatalf("a conflicting merge succeeded:\n%s", out)
	}
	if !strings.Contains(out, "conflicts remain, stored in the file") {
		t.Errorf("git's output:\n%s", out)
	}
	m, _, err = storage.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Conflicts) != 1 || m.People[10].Position != "Ambassador (office)" {
		t.Fatalf("conflicted result: position %q, conflicts %v", m.People[10].Position, m.Conflicts)
	}
	if status, _ := git("status", "--porcelain"); !strings.Contains(status, "UU meeting.parley") {
		t.Fatalf("git status:\n%s", status)
	}
}

func TestMergeDriverUsage(t *testing.T) {
	if code, _, _ := runCLI("merge-driver", "a"); code != exitUsage {
		t.Fatalf("exit %d", code)
	}
	// Meetings that are not copies of one meeting: refused, ours untouched.
	dir := t.TempDir()
	ours := copyFile(t, mergeA, filepath.Join(dir, "ours"))
	other := filepath.Join(dir, "other")
	if code, _, stderr := runCLI("sample", "--large", "-o", other); code != exitOK {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(ours)
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o644)
	if code, _, stderr := runCLI("merge-driver", empty, ours, other, "m.parley"); code != exitRefused || !strings.Contains(stderr, "different meetings") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(ours); string(after) != string(before) {
		t.Fatal("ours changed")
	}
}

func TestCheckListsConflictedCopies(t *testing.T) {
	dir := t.TempDir()
	file := copyFile(t, mergeOrigin, filepath.Join(dir, "meeting.parley"))
	copyFile(t, mergeB, filepath.Join(dir, "meeting.sync-conflict-20261205-101010-ABCDEFG.parley"))
	if code, _, stderr := runCLI("sample", "--large", "-o", filepath.Join(dir, "meeting (1).parley")); code != exitOK {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runCLI("check", file)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := file + ": warning: Syncthing left a conflicted copy of this meeting beside it: meeting.sync-conflict-20261205-101010-ABCDEFG.parley"
	if !strings.Contains(stdout, want) || strings.Contains(stdout, "meeting (1)") {
		t.Fatalf("check:\n%s", stdout)
	}
}

// TestMergeDriverEncrypted: git hands the driver encrypted copies; the
// result in OURS is encrypted again.
func TestMergeDriverEncrypted(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(passphraseEnv, "pass phrase")
	base := copyFile(t, mergeOrigin, filepath.Join(dir, "base"))
	ours := copyFile(t, mergeOrigin, filepath.Join(dir, "ours"))
	theirs := copyFile(t, mergeOrigin, filepath.Join(dir, "theirs"))
	editMeeting(t, ours, func(m *app.Meeting) app.Op { return app.Set(app.KindDetails, m.Details.ID, "city", "Sydney") })
	editMeeting(t, theirs, setPosition("Ambassador for Cyber Affairs"))
	for _, p := range []string{base, ours, theirs} {
		if code, _, stderr := runCLI("encrypt", p); code != exitOK {
			t.Fatal(stderr)
		}
	}
	if code, _, stderr := runCLI("merge-driver", base, ours, theirs, "meeting.parley"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !storage.IsEncryptedFile(ours) {
		t.Fatal("the merged result was written unencrypted")
	}
	storage.SetPassphrase(ours, "pass phrase")
	m, _, err := storage.Load(ours)
	if err != nil || m.Details.City != "Sydney" || m.People[10].Position != "Ambassador for Cyber Affairs" {
		t.Fatalf("merged: %v", err)
	}
}
