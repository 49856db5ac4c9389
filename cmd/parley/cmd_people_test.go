package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// australians is a list for the sample's Australia: three new people, a
// row without a name (row 4) and Rob McKinnon, who is there already (row 6).
const australians = "\uFEFFTitle,Given name,Family name,Position,Agency,Role,Phone\r\n" +
	"Dr,Tobias,Feakin,Ambassador for Cyber Affairs,DFAT,Head of Delegation,\r\n" +
	"Ms,Lucy,\"Ng\",\"Director,\nCyber Policy\",ASD,Member,+61 2 6261 1111\r\n" +
	",,,Interpreter to be confirmed,,,\r\n" +
	"Mr,Sam,Jones,Adviser,Home Affairs,Observer,\r\n" +
	"Mr,Rob,McKinnon,Assistant Secretary,DFAT,Co-chair,\r\n"

func peopleFixture(t *testing.T) (dir, meeting string) {
	t.Helper()
	dir = t.TempDir()
	meeting = filepath.Join(dir, "meeting.parley")
	if err := storage.Save(meeting, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	return dir, meeting
}

func write(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func load(t *testing.T, path string) *app.Meeting {
	t.Helper()
	m, _, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestImportPeopleCommand(t *testing.T) {
	dir, meeting := peopleFixture(t)
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	before, _ := os.ReadFile(meeting)
	out := filepath.Join(dir, "out.parley")

	code, stdout, stderr := runCLI("import-people", meeting, "--side", "au", list, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	wantErr := list + ":4: no name: the row has no family, given, full or native-script name\n" +
		list + ":5: warning: role \"Observer\" is not known: imported as member (the roles are co-chair, head of delegation, deputy head, member, adviser, interpreter, note-taker, liaison)\n" +
		list + ":6: already in the Australia delegation as \"Rob McKinnon\" (same name): edit that participant instead\n"
	if stderr != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
	}
	wantOut := out + ": imported into Australia from " + list +
		": 3 participants; 2 new agencies (ASD, Home Affairs); 2 rows rejected; 1 row with a warning\n"
	if stdout != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, wantOut)
	}
	if after, _ := os.ReadFile(meeting); !bytes.Equal(after, before) {
		t.Error("the input meeting was changed although -o was given")
	}
	m := load(t, out)
	au, _ := m.FindSide("AU")
	people := m.PeopleOf(au.ID)
	last := people[len(people)-3:]
	var names []string
	for _, p := range last {
		names = append(names, p.FormalName()+"|"+string(p.Role)+"|"+p.Position+"|"+p.Phone)
	}
	want := []string{
		"Dr Tobias Feakin|head of delegation|Ambassador for Cyber Affairs|",
		"Ms Lucy Ng|member|Director,\nCyber Policy|+61 2 6261 1111",
		"Mr Sam Jones|member|Adviser|",
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("imported, in order at the end of the list:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
}

func TestImportPeopleCommandWritesInPlace(t *testing.T) {
	dir, meeting := peopleFixture(t)
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	// Flags before the file names.
	code, _, stderr := runCLI("import-people", "--side", "Australia", meeting, list)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := load(t, meeting)
	au, _ := m.FindSide("AU")
	if n := len(m.PeopleOf(au.ID)); n != 10 {
		t.Errorf("%d Australians after the import, want 10", n)
	}
	// Importing the same list again rejects every row: nothing is written.
	before, _ := os.ReadFile(meeting)
	code, stdout, stderr := runCLI("import-people", meeting, list, "--side", "AU")
	if code != exitBad || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stderr, list+":2: already in the Australia delegation as \"Tobias Feakin\"") ||
		!strings.HasSuffix(stderr, list+": nothing imported: no row of the list could be imported into Australia; "+meeting+" not changed\n") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if after, _ := os.ReadFile(meeting); !bytes.Equal(after, before) {
		t.Error("the meeting was written although nothing was imported")
	}
}

func TestImportPeopleCommandWorkbook(t *testing.T) {
	dir, meeting := peopleFixture(t)
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("Japan"); err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{
		{"Family name", "Given name", "漢字", "Position", "Organisation", "Role"},
		{"Inoue", "Aya", "井上綾", "Director", "NISC", "Member"},
		{"Lee", "Choong-myon", "이충면", "Observer", "", "Co-Chair"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Japan", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellValue("Sheet1", "A1", "Participants are on the next sheet")
	list := filepath.Join(dir, "people.xlsx")
	if err := f.SaveAs(list); err != nil {
		t.Fatal(err)
	}
	// The first sheet with data is Sheet1, which has no names.
	code, _, stderr := runCLI("import-people", meeting, "--side", "jp", list)
	if code != exitBad || !strings.Contains(stderr, "no column gives the participants' names") ||
		!strings.Contains(stderr, `(the columns are: A "Participants are on the next sheet")`) {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runCLI("import-people", meeting, "--side", "jp", list, "--sheet", "japan")
	if code != exitOK || stderr != "" || !strings.Contains(stdout, ": 2 participants\n") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	m := load(t, meeting)
	jp, _ := m.FindSide("JP")
	people := m.PeopleOf(jp.ID)
	if got := people[len(people)-1]; got.Native != "이충면" || got.Name() != "Lee Choong-myon" || got.Role != app.RoleCoChair {
		t.Errorf("last Japanese participant %+v", got)
	}
}

func TestPeopleCommandErrors(t *testing.T) {
	dir, meeting := peopleFixture(t)
	list := write(t, filepath.Join(dir, "people.csv"), australians)
	broken := write(t, filepath.Join(dir, "broken.csv"), "Family name,Given name\n\"Lee,Choong-myon\n")
	notMeeting := write(t, filepath.Join(dir, "not.parley"), "hello")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no side", []string{"import-people", meeting, list}, exitUsage, "say which side"},
		{"unknown side", []string{"import-people", meeting, list, "--side", "KR"}, exitUsage, `--side: no side "KR"`},
		{"one file", []string{"import-people", meeting, "--side", "AU"}, exitUsage, "name the meeting file and the participant list"},
		{"bad flag", []string{"import-people", meeting, list, "--side", "AU", "--bogus"}, exitUsage, "flag provided but not defined"},
		{"missing list", []string{"import-people", meeting, filepath.Join(dir, "none.csv"), "--side", "AU"}, exitBad, "none.csv: no such file"},
		{"broken list", []string{"import-people", meeting, broken, "--side", "AU"}, exitBad, broken + ": row 2: a quoted cell is never closed"},
		{"unknown sheet", []string{"import-people", meeting, list, "--side", "AU", "--sheet", "X"}, exitOK, ""},
		{"bad meeting", []string{"import-people", notMeeting, list, "--side", "AU"}, exitBad, "not.parley"},
		{"export without -o", []string{"export-people", meeting, "--side", "AU"}, exitUsage, "-o OUT.csv"},
		{"export without side", []string{"export-people", meeting, "-o", filepath.Join(dir, "x.csv")}, exitUsage, "--side"},
		{"export unknown side", []string{"export-people", meeting, "--side", "NZ", "-o", filepath.Join(dir, "x.csv")}, exitUsage, `no side "NZ"`},
		{"export into a missing folder", []string{"export-people", meeting, "--side", "AU", "-o", filepath.Join(dir, "no", "x.csv")}, exitBad, "x.csv: cannot write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want %d; stderr:\n%s\nwant it to say %q", code, tt.code, stderr, tt.want)
			}
		})
	}
}

func TestExportPeopleCommand(t *testing.T) {
	dir, meeting := peopleFixture(t)
	out := filepath.Join(dir, "japan.csv")
	code, stdout, stderr := runCLI("export-people", "--side", "japan", meeting, "-o", out)
	if code != exitOK || stdout != out+": 10 participants of Japan\n" {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\uFEFFHonorific,Title,Given name,Family name,Name (native),")) ||
		!bytes.Contains(data, []byte("H.E.,Mr,Koichi,Mizushima,水島光一,")) {
		t.Errorf("export:\n%s", data)
	}
	// The export reads back: into the same meeting every row is a duplicate.
	code, _, stderr = runCLI("import-people", meeting, "--side", "JP", out)
	if code != exitBad || strings.Count(stderr, "already in the Japan delegation") != 10 {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}
