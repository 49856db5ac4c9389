package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

var updateMerge = flag.Bool("update-merge", false, "rewrite the merge test copies and golden output in testdata/merge")

// mergeRun runs the command line in-process.
var (
	mergeOrigin = filepath.Join("testdata", "merge", "origin.parley")
	mergeA      = filepath.Join("testdata", "merge", "a.parley")
	mergeB      = filepath.Join("testdata", "merge", "b.parley")
)

// writeMergeCopies makes the two edited copies of the sample meeting, as
// two people editing at once would (run with -update-merge).
func writeMergeCopies(t *testing.T) {
	origin := sample.Sample()
	if err := storage.Save(mergeOrigin, origin); err != nil {
		t.Fatal(err)
	}
	edit := func(d *app.Document, ops ...app.Op) {
		t.Helper()
		if err := d.Apply(app.Edit{Ops: ops}); err != nil {
			t.Fatal(err)
		}
	}
	del := func(d *app.Document, k app.Kind, id string) {
		t.Helper()
		ops, err := d.Meeting().DeleteOps(k, id)
		if err != nil {
			t.Fatal(err)
		}
		edit(d, ops...)
	}
	o := origin
	rob, walker, para2, para7, nextSteps := o.People[10], o.People[15], o.Paragraphs[1], o.Paragraphs[6], o.Items[14]
	au := rob.Side

	a := app.NewDocument(origin.Clone())
	edit(a, app.Set(app.KindPerson, rob.ID, "position", "First Assistant Secretary, Strategic Issues and Intelligence Branch"))
	edit(a, app.Add(&app.Person{Rec: app.Rec{ID: "2b1f0c52-6a57-4d0e-8a44-0b7c1e5d9a01"}, Side: au, Pos: a.Meeting().PosAfterLast(app.KindPerson, au),
		Courtesy: "Ms", Given: "Emma", Family: "Clarke", Position: "Policy Officer", Role: app.RoleAdviser}))
	del(a, app.KindPerson, walker.ID)
	edit(a, app.Set(app.KindParagraph, para2.ID, "text", app.PlainSpans(strings.Replace(para2.Text.Plain(), "will work together", "will work closely together", 1))))
	del(a, app.KindParagraph, para7.ID)
	if err := storage.Save(mergeA, a.Meeting()); err != nil {
		t.Fatal(err)
	}

	b := app.NewDocument(origin.Clone())
	edit(b, app.Set(app.KindPerson, rob.ID, "position", "Ambassador for Cyber Affairs and Critical Technology"))
	edit(b, app.Set(app.KindPerson, rob.ID, "email", "rob.mckinnon@dfat.gov.au"))
	edit(b, app.Set(app.KindParagraph, para2.ID, "text", app.PlainSpans(strings.Replace(para2.Text.Plain(), "the private sector.", "the private sector and academia.", 1))))
	edit(b, app.Set(app.KindParagraph, para7.ID, "text", app.PlainSpans(strings.Replace(para7.Text.Plain(), "their security interests", "their national security interests", 1))))
	edit(b, app.Set(app.KindItem, nextSteps.ID, "minutes", 45))
	edit(b, app.Add(&app.Item{Rec: app.Rec{ID: "7c0e2f1a-3b4d-4e5f-9a6b-1c2d3e4f5a6b"}, Pos: b.Meeting().PosAfterLast(app.KindItem, ""),
		Title: "Critical and emerging technologies", Kind: app.ItemSession, Minutes: 30}))
	if err := storage.Save(mergeB, b.Meeting()); err != nil {
		t.Fatal(err)
	}
}

func TestMergeCommand(t *testing.T) {
	if *updateMerge {
		writeMergeCopies(t)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "merged.parley")
	code, stdout, stderr := runCLI("merge", mergeA, mergeB, "-o", out)
	if code != exitRefused || stderr != "" {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	got := strings.ReplaceAll(stdout, out, "OUT")
	golden := filepath.Join("testdata", "merge", "merge.golden")
	if *updateMerge {
		os.WriteFile(golden, []byte(got), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if got != string(want) {
		t.Fatalf("output\n%s\nwant\n%s", got, want)
	}
	m, probs, err := storage.Load(out)
	if err != nil || app.HasFatal(probs) {
		t.Fatalf("result: %v %v", err, probs)
	}
	if len(m.Conflicts) != 2 {
		t.Fatalf("stored conflicts %v", m.Conflicts)
	}
	// The conflicts stay until resolved: merging again still reports them,
	// once each; flags may come first.
	out2 := filepath.Join(dir, "again.parley")
	code, stdout, _ = runCLI("merge", "-o", out2, out, mergeB)
	if code != exitRefused {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	if !strings.Contains(stdout, "2 conflicts to resolve (0 new, 2 unresolved before)") {
		t.Fatalf("second merge:\n%s", stdout)
	}
}

func TestMergeCommandWithoutConflicts(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.parley")
	data, _ := os.ReadFile(mergeOrigin)
	os.WriteFile(a, data, 0o644)
	// No -o: the result goes into A.
	code, stdout, stderr := runCLI("merge", a, mergeB)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"participants: 1 changed", "programme items: 1 added, 1 changed", "statement paragraphs: 2 changed", "no conflicts"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in\n%s", want, stdout)
		}
	}
	m, _, err := storage.Load(a)
	if err != nil || len(m.Items) != 17 {
		t.Fatalf("A not updated: %v", err)
	}
	// With the origin as base, the same.
	if code, _, stderr := runCLI("merge", mergeA, mergeB, "--base", mergeOrigin, "-o", filepath.Join(dir, "b.parley")); code != exitRefused || stderr != "" {
		t.Fatalf("with base: exit %d %s", code, stderr)
	}
}

func TestMergeCommandRefuses(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(mergeA)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	truncated := write("truncated.parley", good[:len(good)/2])
	newer := write("newer.parley", bytes.Replace(good, []byte(`"version": "1.0"`), []byte(`"version": "9.0"`), 1))
	other := filepath.Join(dir, "other.parley")
	if err := storage.Save(other, sample.Large(sample.LargeOptions{PeoplePerSide: 10, Items: 5, Paragraphs: 5, Versions: 1})); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"damaged mine", []string{truncated, mergeB}, exitBad, "truncated.parley: byte"},
		{"damaged theirs", []string{mergeA, truncated}, exitBad, "ends too early"},
		{"newer format", []string{mergeA, newer}, exitBad, "newer Parley"},
		{"missing file", []string{mergeA, filepath.Join(dir, "none.parley")}, exitBad, "no such file"},
		{"another meeting", []string{mergeA, other}, exitRefused, "are different meetings"},
		{"damaged base", []string{mergeA, mergeB, "--base", truncated}, exitBad, "truncated.parley"},
		{"one file", []string{mergeA}, exitUsage, "name the two copies"},
		{"three files", []string{mergeA, mergeB, mergeOrigin}, exitUsage, "usage: parley merge"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(c.name, " ", "-")+".parley")
			args := append(append([]string{"merge"}, c.args...), "-o", out)
			code, _, stderr := runCLI(args...)
			if code != c.code || !strings.Contains(stderr, c.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, stderr, c.code, c.stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Fatal("something was written")
			}
		})
	}
	// Forced, two different meetings combine.
	out := filepath.Join(dir, "forced.parley")
	if code, _, stderr := runCLI("merge", mergeA, other, "-o", out, "--force"); code == exitBad || code == exitUsage {
		t.Fatalf("forced merge: %d %s", code, stderr)
	}
	if _, _, err := storage.Load(out); err != nil {
		t.Fatal(err)
	}
}
