package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/sample"
	"parley/storage"
)

// exportFiles writes the sample meeting, a copy with a clean statement and
// a damaged file, and returns their paths.
func exportFiles(t *testing.T) (dir, sampleFile, cleanFile, badFile string) {
	t.Helper()
	dir = t.TempDir()
	sampleFile = filepath.Join(dir, "sample.parley")
	if err := storage.Save(sampleFile, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	m := sample.Clean()
	cleanFile = filepath.Join(dir, "clean.parley")
	if err := storage.Save(cleanFile, m); err != nil {
		t.Fatal(err)
	}
	badFile = filepath.Join(dir, "bad.parley")
	if err := os.WriteFile(badFile, []byte("{\"this is\": not a meeting"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, sampleFile, cleanFile, badFile
}

func TestExport(t *testing.T) {
	dir, sampleFile, cleanFile, badFile := exportFiles(t)
	out := filepath.Join(dir, "out.pdf")
	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   []string // each must appear on stderr
		wantFile bool
		text     []string // each must appear in the PDF's text (when pdftotext is there)
	}{
		{"sample", []string{sampleFile, "-o", out}, exitOK, nil, true,
			[]string{"2nd Australia-Japan Cyber Policy Dialogue", "PROTECTED", "Page 1 of"}},
		{"flags first, side by code in lower case", []string{"-o", out, "--side", "jp", sampleFile}, exitOK, nil, true,
			[]string{"2nd Japan-Australia Cyber Policy Dialogue"}},
		{"side by name", []string{sampleFile, "-o", out, "--side", "JAPAN", "--paper", "Letter", "--line-numbers"}, exitOK, nil, true,
			[]string{"2nd Japan-Australia Cyber Policy Dialogue"}},
		{"sections and marking", []string{sampleFile, "-o", out, "--sections", "cover,statement", "--marking", "protected//austeo"}, exitOK, nil, true,
			[]string{"PROTECTED//AUSTEO", "Draft joint statement"}},
		{"custom marking", []string{sampleFile, "-o", out, "--marking", "Embargoed until 2 August"}, exitOK, nil, true,
			[]string{"EMBARGOED UNTIL 2 AUGUST"}},
		{"strip", []string{sampleFile, "-o", out, "--strip-not-for-disclosure"}, exitOK, nil, true, nil},
		{"final refused", []string{sampleFile, "-o", out, "--final"}, exitRefused, []string{
			"final pack refused: 5 open item(s)",
			sampleFile + ": paragraph 3: agreed ad ref only",
			sampleFile + ": paragraph 4: bracket [voluntary, non-binding ] proposed by Australia",
			sampleFile + ": paragraph 5: bracket [Where possible, ] proposed by Japan",
			sampleFile + ": paragraph 5 bis: alternative wording proposed by Australia",
			sampleFile + ": paragraph 6(c): bracket",
		}, false, nil},
		{"final clean", []string{cleanFile, "--final", "-o", out}, exitOK, nil, true, []string{"Joint statement", "Final"}},
		{"bad file", []string{badFile, "-o", out}, exitBad, []string{badFile + ": "}, false, nil},
		{"missing file", []string{filepath.Join(dir, "none.parley"), "-o", out}, exitBad, []string{"none.parley: no such file"}, false, nil},
		{"no output", []string{sampleFile}, exitUsage, []string{"-o OUT.pdf", "usage: parley export"}, false, nil},
		{"no input", []string{"-o", out}, exitUsage, []string{"name one meeting file"}, false, nil},
		{"two inputs", []string{sampleFile, cleanFile, "-o", out}, exitUsage, []string{"name one meeting file"}, false, nil},
		{"unknown side", []string{sampleFile, "-o", out, "--side", "NZ"}, exitUsage, []string{`no side "NZ"`, "JP (Japan), AU (Australia)"}, false, nil},
		{"unknown section", []string{sampleFile, "-o", out, "--sections", "cover,glossary"}, exitUsage, []string{`unknown section "glossary"`}, false, nil},
		{"unknown paper", []string{sampleFile, "-o", out, "--paper", "a3"}, exitUsage, []string{`unknown paper size "a3"`}, false, nil},
		{"unknown side order", []string{sampleFile, "-o", out, "--order", "random"}, exitUsage, []string{`--order: unknown side order "random"`}, false, nil},
		{"host first", []string{sampleFile, "-o", out, "--order", "Alphabetical", "--side", "AU"}, exitOK, nil, true,
			[]string{"2nd Japan-Australia Cyber Policy Dialogue"}},
		{"unknown flag", []string{sampleFile, "-o", out, "--colour"}, exitUsage, []string{"flag provided but not defined"}, false, nil},
		{"changes since a draft, flag first", []string{"--changes-since", "1", sampleFile, "-o", out}, exitOK, nil, true,
			[]string{"Changes since draft 1", "Draft 1, “Japanese first draft”, 12 July 2016, received from Japan",
				"5 bis", "NEW · proposed", "Draft joint statement"}},
		{"changes placed by --sections", []string{sampleFile, "--sections", "changes,cover", "-o", out, "--changes-since=2"}, exitOK, nil, true,
			[]string{"Changes since draft 2", "No changes: the current text is the same as draft 2."}},
		{"changes since no such draft", []string{sampleFile, "-o", out, "--changes-since", "9"}, exitUsage,
			[]string{"--changes-since: there is no draft 9 to show the changes since (the drafts are 1, 2)", "usage: parley export"}, false, nil},
		{"changes since 0", []string{sampleFile, "-o", out, "--changes-since", "0"}, exitUsage,
			[]string{"there is no draft 0", "(the drafts are 1, 2)"}, false, nil},
		{"changes since -1", []string{sampleFile, "-o", out, "--changes-since", "-1"}, exitUsage,
			[]string{"there is no draft -1", "(the drafts are 1, 2)"}, false, nil},
		{"changes since a word", []string{sampleFile, "-o", out, "--changes-since", "first"}, exitUsage,
			[]string{`invalid value "first" for flag -changes-since`}, false, nil},
		{"changes listed without a draft", []string{sampleFile, "-o", out, "--sections", "cover,changes"}, exitUsage,
			[]string{"--sections lists changes: say since which draft with --changes-since N"}, false, nil},
		{"changes in a final pack", []string{cleanFile, "-o", out, "--final", "--changes-since", "1"}, exitUsage,
			[]string{"a final pack carries no revision history"}, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(out)
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"export"}, tc.args...), &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tc.code, stderr.String())
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			if tc.code == exitOK && stderr.Len() > 0 {
				t.Errorf("stderr on success: %s", stderr.String())
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %s", stdout.String())
			}
			data, err := os.ReadFile(out)
			if tc.wantFile != (err == nil) {
				t.Fatalf("output file present: %v, want %v", err == nil, tc.wantFile)
			}
			if !tc.wantFile {
				return
			}
			if !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Fatalf("output is not a PDF: %q", data[:min(20, len(data))])
			}
			if len(tc.text) == 0 {
				return
			}
			if _, err := exec.LookPath("pdftotext"); err != nil {
				if os.Getenv("CI") == "true" {
					t.Fatal("pdftotext is not installed (poppler-utils); CI needs it")
				}
				t.Skip("pdftotext is not installed")
			}
			txt, err := exec.Command("pdftotext", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.text {
				if !strings.Contains(string(txt), s) {
					t.Errorf("the PDF lacks %q", s)
				}
			}
		})
	}
}

// TestExportSameBytes checks that two exports of one file are identical.
func TestExportSameBytes(t *testing.T) {
	dir, sampleFile, _, _ := exportFiles(t)
	var outs [][]byte
	for i := 0; i < 2; i++ {
		out := filepath.Join(dir, "out.pdf")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"export", sampleFile, "-o", out, "--side", "Japan"}, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, data)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two exports differ")
	}
}
