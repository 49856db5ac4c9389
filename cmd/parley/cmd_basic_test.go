package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/storage"
)

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := runCLI("version")
	if code != exitOK || !strings.Contains(out, "parley "+Version) || !strings.Contains(out, "file format "+storage.Current.String()) {
		t.Fatalf("version: %d %q", code, out)
	}
	code, out, _ = runCLI("help")
	for _, c := range []string{"check", "sample", "export", "merge", "import-people", "import-statement", "diff", "recover", "version"} {
		if !strings.Contains(out, "parley "+c) {
			t.Errorf("help does not list %s", c)
		}
	}
	if code != exitOK {
		t.Fatalf("help exit %d", code)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := [][]string{
		{"frobnicate"},
		{"version", "extra"},
		{"sample"},
		{"sample", "-o"},
		{"sample", "--native", "-o", "x.parley"},
		{"sample", "--sides", "6", "-o", "x.parley"},
		{"sample", "--multilateral", "--sides", "9", "-o", "x.parley"},
		{"sample", "--multilateral", "--large", "-o", "x.parley"},
		{"check"},
		{"check", "a.parley", "b.parley"},
		{"check", "--no-such-flag", "a.parley"},
		{"--view", "kitchen", "x.parley"},
		{"--view", "overview,problems", "x.parley"},
		{"a.parley", "b.parley"},
	}
	for _, args := range cases {
		code, _, errOut := runCLI(args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if !strings.Contains(errOut, "usage: parley") {
			t.Errorf("%v: no usage line in %q", args, errOut)
		}
	}
}

func TestSampleIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	var files [2][2][]byte
	for i := range files {
		for j, args := range [][]string{{"sample", "-o"}, {"sample", "--large", "-o"}} {
			path := filepath.Join(dir, "m.parley")
			if code, _, errOut := runCLI(append(args, path)...); code != exitOK {
				t.Fatalf("%v: %d %s", args, code, errOut)
			}
			files[i][j], _ = os.ReadFile(path)
		}
	}
	if !bytes.Equal(files[0][0], files[1][0]) || !bytes.Equal(files[0][1], files[1][1]) {
		t.Fatal("the same build wrote different bytes")
	}
	m, _, err := storage.Load(filepath.Join(dir, "m.parley"))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.People) != 300 || len(m.Items) != 60 || len(m.Paragraphs) != 120 || len(m.Versions) != 20 {
		t.Errorf("large meeting: %d people, %d items, %d paragraphs, %d drafts", len(m.People), len(m.Items), len(m.Paragraphs), len(m.Versions))
	}
	// Flags after the positional arguments work too.
	if code, _, _ := runCLI("sample", "-o", filepath.Join(dir, "x.parley"), "--large"); code != exitOK {
		t.Fatal("flag after -o")
	}
	// --multilateral writes the four-sided meeting; --sides 8 adds partners.
	for _, c := range []struct {
		args  []string
		sides int
	}{{[]string{"--multilateral"}, 4}, {[]string{"--sides", "8", "--multilateral"}, 8}} {
		quad := filepath.Join(dir, "quad.parley")
		if code, _, errOut := runCLI(append([]string{"sample", "-o", quad}, c.args...)...); code != exitOK {
			t.Fatal(errOut)
		}
		q, _, err := storage.Load(quad)
		if err != nil {
			t.Fatal(err)
		}
		if len(q.Sides) != c.sides || q.Details.GroupName == "" {
			t.Errorf("%v: %d sides, group %q", c.args, len(q.Sides), q.Details.GroupName)
		}
	}
	// --native gives every participant a name in CJK script.
	native := filepath.Join(dir, "native.parley")
	if code, _, errOut := runCLI("sample", "--large", "--native", "-o", native); code != exitOK {
		t.Fatal(errOut)
	}
	n, _, err := storage.Load(native)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range n.People {
		if r := []rune(p.Native); len(r) < 2 || r[0] < 0x3000 {
			t.Fatalf("%s has native name %q", p.Name(), p.Native)
		}
	}
}

func TestCheck(t *testing.T) {
	dir, path := stmtSample(t)
	code, out, errOut := runCLI("check", path)
	if code != exitOK {
		t.Fatalf("check on the sample: %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, path+": programme item 15 (\"Next steps and the 3rd Dialogue in Canberra\"): warning: runs 10 minutes into the fixed item after it") {
		t.Errorf("warning not printed as FILE: where: what:\n%s", out)
	}

	bad := filepath.Join(dir, "bad.parley")
	data, _ := os.ReadFile(path)
	data = bytes.Replace(data, []byte(`"dayStart": "09:30"`), []byte(`"dayStart": "9.30"`), 1)
	_ = os.WriteFile(bad, data, 0o644)
	code, _, errOut = runCLI("check", bad)
	if code != exitBad || !strings.Contains(errOut, bad+": meeting: dayStart: time \"9.30\": want HH:MM") {
		t.Fatalf("check on an invalid meeting: %d\n%s", code, errOut)
	}

	dangling := filepath.Join(dir, "dangling.parley")
	data, _ = os.ReadFile(path)
	data = bytes.Replace(data, []byte(`"hostSide": "`), []byte(`"hostSide": "0`), 1)
	_ = os.WriteFile(dangling, data, 0o644)
	code, _, errOut = runCLI("check", dangling)
	if code != exitBad || !strings.HasPrefix(errOut, dangling+": meeting: hostSide refers to side 0") {
		t.Fatalf("check on dangling reference: %d %q", code, errOut)
	}

	code, _, errOut = runCLI("check", filepath.Join(dir, "missing.parley"))
	if code != exitBad || !strings.Contains(errOut, "missing.parley: no such file") {
		t.Fatalf("check on a missing file: %d %q", code, errOut)
	}
}

func TestOpenBadFileFromCommandLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.parley")
	_ = os.WriteFile(bad, []byte("not json"), 0o644)
	code, _, errOut := runCLI(bad)
	if code != exitBad || !strings.Contains(errOut, bad+": line 1, column 2: invalid JSON") {
		t.Fatalf("%d %q", code, errOut)
	}
}
