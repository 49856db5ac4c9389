package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// stmtRun runs a command in-process and returns its exit code and output.
// stmtSample writes the sample meeting to a temporary folder.
func stmtSample(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "sample.parley")
	if err := storage.Save(path, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func TestCheckFinal(t *testing.T) {
	_, path := stmtSample(t)
	for _, args := range [][]string{{"check", path, "--final"}, {"check", "--final", path}} {
		code, _, errs := runCLI(args...)
		if code != exitBad {
			t.Errorf("%v: exit %d, want %d", args, code, exitBad)
		}
		for _, want := range []string{
			path + ": paragraph 3: agreed ad ref only (subject to confirmation by capital)",
			path + ": paragraph 4: bracket [voluntary, non-binding ] proposed by Australia",
			path + ": paragraph 5: bracket [Where possible, ] proposed by Japan",
			path + ": paragraph 5 bis: alternative wording proposed by Australia",
			path + ": paragraph 6(c): bracket [, as well as ransomware and cybercrime] proposed by Australia",
			path + ": statement: not final: 5 open items are left",
		} {
			if !strings.Contains(errs, want) {
				t.Errorf("%v: missing %q in\n%s", args, want, errs)
			}
		}
	}
	// Without --final the same file is valid.
	if code, _, errs := runCLI("check", path); code != exitOK || strings.Contains(errs, "paragraph") {
		t.Errorf("check without --final: exit %d\n%s", code, errs)
	}
	// A clean statement passes --final.
	m := sample.Sample()
	var ps []*app.Paragraph
	for _, p := range m.Paragraphs {
		if p.AltOf == "" {
			p.Text = app.PlainSpans(p.Text.Plain())
			p.State = app.StateAgreed
			ps = append(ps, p)
		}
	}
	m.Paragraphs = ps
	clean := filepath.Join(t.TempDir(), "clean.parley")
	if err := storage.Save(clean, m); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI("check", "--final", clean); code != exitOK || errs != "" {
		t.Errorf("clean statement: exit %d\n%s%s", code, out, errs)
	}
}

func TestImportStatementAndPrint(t *testing.T) {
	old := today
	today = func() string { return "2016-07-30" }
	defer func() { today = old }()
	dir, path := stmtSample(t)
	seed := filepath.Join("testdata", "seed003.txt")

	// A statement with paragraphs is not replaced without --replace.
	code, _, errs := runCLI("import-statement", path, seed)
	if code != exitRefused || !strings.Contains(errs, "--replace") {
		t.Errorf("import without --replace: exit %d\n%s", code, errs)
	}
	out := filepath.Join(dir, "out.parley")
	before, _ := os.ReadFile(path)
	code, stdout, errs := runCLI("import-statement", path, seed, "--replace", "--side", "jp", "-o", out)
	if code != exitOK || errs != "" {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	if !strings.Contains(stdout, "imported 13 paragraphs (7 numbered)") || !strings.Contains(stdout, "saved as draft 3") {
		t.Errorf("summary: %s", stdout)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("-o given, but the input file changed")
	}
	// Printing gives the seed back; paragraph 3, the same text as the
	// sample's, kept its state: agreed ad ref.
	code, stdout, _ = runCLI("statement", out)
	seedText, _ := os.ReadFile(seed)
	want := strings.Replace(strings.TrimSpace(string(seedText))+"\n", "peace, security and stability.\n", "peace, security and stability. (ad ref)\n", 1)
	if code != exitOK || stdout != want {
		t.Errorf("statement: exit %d\n%s", code, stdout)
	}
	m, _, err := storage.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	v := m.DraftByNumber(3)
	if v == nil || v.Direction != app.DirReceived || v.Side != "" && m.SideByID(v.Side).Code != "JP" || v.Date != "2016-07-30" || v.Label != "Imported from seed003.txt" {
		t.Errorf("saved draft %+v", v)
	}
	// The paragraphs the sample and the seed share kept their IDs.
	if p := m.Paragraphs[0]; p.ID != sample.Sample().Paragraphs[0].ID {
		t.Errorf("paragraph 1 has a new ID")
	}
	// Draft 2 prints too.
	if code, stdout, _ = runCLI("statement", "--draft", "2", out); code != exitOK || !strings.Contains(stdout, "5 bis. [The Participants will consult") {
		t.Errorf("statement --draft 2: exit %d\n%s", code, stdout)
	}
	if code, _, errs = runCLI("statement", out, "--draft", "9"); code != exitBad || !strings.Contains(errs, "the drafts are 1, 2, 3") {
		t.Errorf("missing draft: exit %d %s", code, errs)
	}
	// Diff from draft 2 (Australian comments) to the imported draft 3.
	code, stdout, _ = runCLI("diff", out, "--from", "2", "--to", "3")
	for _, w := range []string{"Redline: draft 2 -> draft 3", "Changes by Japan.", "- 5 bis (deleted)", "intelligence**{+, +}recognising that"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("diff: missing %q in\n%s", w, stdout)
		}
	}
	if code != exitOK {
		t.Errorf("diff exit %d", code)
	}
}

func TestImportMalformedDraft(t *testing.T) {
	dir := t.TempDir()
	m := sample.Sample()
	m.Paragraphs, m.Versions = nil, nil
	path := filepath.Join(dir, "empty.parley")
	if err := storage.Save(path, m); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join("testdata", "malformed.txt")
	code, stdout, errs := runCLI("import-statement", "--no-draft", path, draft)
	if code != exitBad {
		t.Errorf("exit %d, want %d", code, exitBad)
	}
	for _, w := range []string{
		draft + ":3: the bracket opened here is not closed",
		draft + ":5: paragraph numbered 4 where 3 was expected",
		draft + ":9: ] closes no bracket",
		draft + ":13: 7 bis: there is no paragraph 7",
		draft + ": 10 line(s) not understood cleanly",
	} {
		if !strings.Contains(errs, w) {
			t.Errorf("missing %q in\n%s", w, errs)
		}
	}
	if !strings.Contains(stdout, "imported 10 paragraphs") {
		t.Errorf("stdout %s", stdout)
	}
	// Imported all the same, into the input file (no -o), with no draft saved.
	back, _, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Paragraphs) != 10 || len(back.Versions) != 0 || back.Statement.Title != "Draft statement" {
		t.Errorf("imported %d paragraphs, %d drafts, title %q", len(back.Paragraphs), len(back.Versions), back.Statement.Title)
	}
}

func TestDiffCommand(t *testing.T) {
	_, path := stmtSample(t)
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"diff", path, "--from", "1", "--to", "2"}, exitOK, []string{
			"Redline: draft 1 -> draft 2", "Changes by Australia.",
			"~ 5. (proposed -> bracketed) {+[+}Where possible, {+]+}the Participants",
			"+ 5 bis (new) {+The Participants will consult",
			"[-like this-]",
		}},
		{[]string{"diff", "--changes", path, "--from", "1", "--to", "2"}, exitOK, []string{"~ 5."}},
		{[]string{"diff", path}, exitOK, []string{"Redline: draft 2 -> the current text", "No changes."}},
		{[]string{"diff", path, "--to", "2"}, exitOK, []string{"Redline: draft 1 -> draft 2"}},
		{[]string{"diff", path, "--from", "1", "--to", "current"}, exitOK, []string{"Redline: draft 1 -> the current text"}},
		{[]string{"diff", path, "--from", "7"}, exitBad, nil},
		{[]string{"diff", path, "--to", "1"}, exitBad, nil},
		{[]string{"diff", path, "--to", "last"}, exitUsage, nil},
		{[]string{"diff"}, exitUsage, nil},
	}
	for _, tc := range tests {
		code, out, errs := runCLI(tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.code, errs)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: missing %q in\n%s", tc.args, w, out)
			}
		}
	}
	_, out, _ := runCLI("diff", "--changes", path, "--from", "1", "--to", "2")
	if strings.Contains(out, "Scope") {
		t.Errorf("--changes shows unchanged paragraphs:\n%s", out)
	}
}

func TestAgreedCommand(t *testing.T) {
	dir, _ := stmtSample(t)
	os.WriteFile(filepath.Join(dir, "broken.parley"), []byte("{"), 0o644)
	code, out, errs := runCLI("agreed", dir, "harden")
	if code != exitBad || !strings.Contains(errs, "broken.parley") || !strings.Contains(errs, "(skipped)") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, "sample.parley: 2nd Japan-Australia Cyber Policy Dialogue, 2016-08-02, paragraph 6(a)") ||
		!strings.Contains(out, "**Harden cyber defences** by enhancing") {
		t.Errorf("output:\n%s", out)
	}
}

func TestStatementUsage(t *testing.T) {
	for _, args := range [][]string{
		{"import-statement", "only-one.parley"},
		{"statement"},
		{"statement", "a.parley", "b.parley"},
		{"agreed"},
	} {
		if code, _, errs := runCLI(args...); code != exitUsage || !strings.Contains(errs, "usage: parley") {
			t.Errorf("%v: exit %d\n%s", args, code, errs)
		}
	}
	_, path := stmtSample(t)
	if code, _, errs := runCLI("import-statement", path, "testdata/seed003.txt", "--side", "Narnia", "--replace"); code != exitUsage || !strings.Contains(errs, "--side") {
		t.Errorf("unknown side: exit %d\n%s", code, errs)
	}
	if code, _, errs := runCLI("import-statement", path, "testdata/missing.txt", "--replace"); code != exitBad || !strings.Contains(errs, "missing.txt: cannot read") {
		t.Errorf("missing draft: exit %d\n%s", code, errs)
	}
}
