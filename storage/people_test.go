package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"parley/app"
	"parley/app/sample"
)

// peopleMeeting is a meeting with Australia, Korea and Japan, each with an
// agency directory; Korea already has one participant.
func peopleMeeting() *app.Meeting {
	m := &app.Meeting{Details: app.Details{Topic: "Cyber Policy Dialogue", Ordinal: 2, Start: "2016-08-02", DayStart: "09:30"}}
	m.Sides = []*app.Side{
		{Rec: app.Rec{ID: "side-au"}, Pos: "V", Name: "Australia", ShortName: "Australia", Code: "AU"},
		{Rec: app.Rec{ID: "side-kr"}, Pos: "k", Name: "Republic of Korea", ShortName: "Korea", Code: "KR"},
		{Rec: app.Rec{ID: "side-jp"}, Pos: "u", Name: "Japan", ShortName: "Japan", Code: "JP"},
	}
	ag := func(id, side, pos, abbrev, name string) *app.Agency {
		return &app.Agency{Rec: app.Rec{ID: id}, Side: side, Pos: pos, Abbrev: abbrev, Name: name}
	}
	m.Agencies = []*app.Agency{
		ag("au-dfat", "side-au", "V", "DFAT", "Department of Foreign Affairs and Trade"),
		ag("kr-mofa", "side-kr", "V", "MOFA", "Ministry of Foreign Affairs"),
		ag("kr-msit", "side-kr", "k", "MSIT", "Ministry of Science and ICT"),
		ag("jp-mofa", "side-jp", "V", "MOFA", "Ministry of Foreign Affairs"),
		ag("jp-nisc", "side-jp", "k", "NISC", "National center of Incident readiness and Strategy for Cybersecurity"),
		ag("jp-cert", "side-jp", "s", "JPCERT/CC", "Japan Computer Emergency Response Team Coordination Center"),
	}
	m.People = []*app.Person{{Rec: app.Rec{ID: "kr-kim"}, Side: "side-kr", Pos: "V", Given: "Min-jun", Family: "Kim",
		Native: "김민준", FamilyFirst: true, Role: app.RoleMember, Agency: "kr-msit"}}
	return m
}

func readTestdata(t *testing.T, name string, opt ReadOptions) *Table {
	t.Helper()
	tb, err := ReadPeople(filepath.Join("testdata", name), opt)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func rowNums(rows []Row) []int {
	var out []int
	for _, r := range rows {
		out = append(out, r.Num)
	}
	return out
}

func TestReadPeopleFiles(t *testing.T) {
	tests := []struct {
		file      string
		delim     rune
		headerRow int
		header    []string
		rows      []int
		// cells checks a few cells: row number -> column -> text.
		cells map[int]map[int]string
	}{
		{
			file: "people_korea.csv", delim: ',', headerRow: 4,
			header: []string{"Title", "Surname", "Given name(s)", "한글", "Position", "Ministry", "Role", "E-mail", ""},
			rows:   []int{5, 6, 7, 9, 10, 11, 12},
			cells: map[int]map[int]string{
				5:  {1: "Lee", 2: "Choong-myon", 3: "이충면", 4: "Director-General, International Security Bureau"},
				6:  {4: "Director\nCyber Policy Division", 7: ""},
				10: {5: "Korea Internet & Security Agency", 7: ""},
				12: {8: "extra"},
			},
		},
		{
			file: "people_japan_semicolon.csv", delim: ';', headerRow: 1,
			header: []string{"Honorific", "Title", "Family name", "First name", "漢字", "Job title", "Agency", "Role", "Tel"},
			rows:   []int{2, 3, 4},
			cells: map[int]map[int]string{
				2: {4: "水島光一", 5: "Ambassador in charge of Cyber Policy, MOFA", 8: "+81 3 3580 3311"},
				4: {5: "Manager; Global Coordination", 6: "JPCERT/CC"},
			},
		},
		{
			file: "people_tabs.tsv", delim: '\t', headerRow: 1,
			header: []string{"Name", "Name (native)", "Designation", "Organisation", "Role"},
			rows:   []int{2, 3, 4, 5, 6, 7},
			cells:  map[int]map[int]string{4: {0: "Lee Choong-myon", 1: "이충면"}, 7: {0: "박지훈"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tb := readTestdata(t, tt.file, ReadOptions{})
			if tb.Delimiter != tt.delim {
				t.Errorf("delimiter %q, want %q", tb.Delimiter, tt.delim)
			}
			if tb.HeaderRow != tt.headerRow {
				t.Errorf("header row %d, want %d", tb.HeaderRow, tt.headerRow)
			}
			if !slices.Equal(tb.Header, tt.header) {
				t.Errorf("header %q, want %q", tb.Header, tt.header)
			}
			if got := rowNums(tb.Rows); !slices.Equal(got, tt.rows) {
				t.Errorf("row numbers %v, want %v", got, tt.rows)
			}
			for _, r := range tb.Rows {
				for col, want := range tt.cells[r.Num] {
					if got := r.Cell(col); got != want {
						t.Errorf("row %d column %s: %q, want %q", r.Num, ColumnLetter(col), got, want)
					}
				}
			}
		})
	}
}

func TestSplitRecords(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		delim byte
		want  []Row
	}{
		{"plain", "a,b\nc,d\n", ',', []Row{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"no final newline", "a,b\nc,d", ',', []Row{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"crlf and blank rows", "a\r\n\r\nb\r\n", ',', []Row{{1, []string{"a"}}, {2, []string{""}}, {3, []string{"b"}}}},
		{"old mac line ends", "a\rb\r", ',', []Row{{1, []string{"a"}}, {2, []string{"b"}}}},
		{"quoted newlines keep row numbers", "\"x\r\ny\nz\",1\nnext,2\n", ',',
			[]Row{{1, []string{"x\ny\nz", "1"}}, {2, []string{"next", "2"}}}},
		{"doubled quotes", `"say ""hi""",b` + "\n", ',', []Row{{1, []string{`say "hi"`, "b"}}}},
		{"quote inside an unquoted cell", `O"Brien,b`, ',', []Row{{1, []string{`O"Brien`, "b"}}}},
		{"text after a closing quote", `"Dr" Lee,b`, ',', []Row{{1, []string{`Dr Lee`, "b"}}}},
		{"trailing separator", "a,b,\n", ',', []Row{{1, []string{"a", "b", ""}}}},
		{"trailing separator at the end", "a;", ';', []Row{{1, []string{"a", ""}}}},
		{"semicolons keep commas", "Lee;Director, Cyber\n", ';', []Row{{1, []string{"Lee", "Director, Cyber"}}}},
		{"tabs", "이충면\t水島光一\n", '\t', []Row{{1, []string{"이충면", "水島光一"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splitRecords(tt.text, tt.delim, -1)
			if err != nil {
				t.Fatalf("row %d: %s", err.row, err.msg)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
	if _, err := splitRecords("a,b\nc,\"open\nd,e\n", ',', -1); err == nil || err.row != 2 {
		t.Errorf("an unclosed quote in row 2: got %+v", err)
	}
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		text string
		want byte
	}{
		{"Surname,Given name,Position\nLee,Choong-myon,Director\n", ','},
		{"Surname;Given name;Position\nLee;Choong-myon;Director, Cyber\nKim;Soo-jin;Director, Policy\n", ';'},
		{"Surname\tGiven name\tPosition\nLee\tChoong-myon\tDirector, Cyber; Policy\n", '\t'},
		{"Surname|Given name\nLee|Choong-myon\n", '|'},
		{"Surname,Given name,Position\n\"Lee; Kim\",Choong-myon,\"Director; Policy\"\n", ','},
		{"Name\nLee Choong-myon\n", ','},
	}
	for _, tt := range tests {
		if got := detectDelimiter(tt.text); got != tt.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func utf16Bytes(s string, big bool) []byte {
	u := utf16.Encode([]rune(s))
	out := []byte{0xFF, 0xFE}
	if big {
		out = []byte{0xFE, 0xFF}
	}
	for _, c := range u {
		if big {
			out = append(out, byte(c>>8), byte(c))
		} else {
			out = append(out, byte(c), byte(c>>8))
		}
	}
	return out
}

func TestReadPeopleEncodings(t *testing.T) {
	text := "Family name\tGiven name\t漢字\nMizushima\tKoichi\t水島光一\n"
	tests := []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte(text)},
		{"utf-8 with bom", append([]byte("\uFEFF"), text...)},
		{"utf-16le (Excel unicode text)", utf16Bytes(text, false)},
		{"utf-16be", utf16Bytes(text, true)},
		{"sep line", []byte("sep=\t\n" + text)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := ReadPeopleFrom(bytes.NewReader(tt.data), "people.txt", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if tb.Header[0] != "Family name" || tb.HeaderRow != 1 || len(tb.Rows) != 1 || tb.Rows[0].Num != 2 {
				t.Fatalf("header %q at %d, rows %v", tb.Header, tb.HeaderRow, tb.Rows)
			}
			if got := tb.Rows[0].Cells; !slices.Equal(got, []string{"Mizushima", "Koichi", "水島光一"}) {
				t.Errorf("cells %q", got)
			}
		})
	}
}

func TestReadPeopleErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		kind error
		// want are parts of the message.
		want []string
	}{
		{"empty", nil, ErrPeopleList, []string{"people.csv: holds no rows"}},
		{"blank rows only", []byte(",,\n\n  \n"), ErrPeopleList, []string{"holds no rows"}},
		{"shift_jis", []byte("Name\nMr A\n\x90\x85\x93\x87\n"), ErrPeopleList,
			[]string{"people.csv: line 3:", "not UTF-8", "CSV UTF-8"}},
		{"unclosed quote", []byte("Name,Position\n\"Lee,Director\nKim,Member\n"), ErrPeopleList,
			[]string{"people.csv: row 2:", "never closed"}},
		{"old excel", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), ErrPeopleList, []string{".xlsx"}},
		{"binary", []byte("Name\x00\x01\x02"), ErrPeopleList, []string{"not a text file"}},
		{"broken workbook", []byte("PK\x03\x04broken"), ErrPeopleList, []string{"cannot read the workbook"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "people.csv")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadPeople(path, ReadOptions{})
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error %v, want kind %v", err, tt.kind)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
	if _, err := ReadPeople(filepath.Join(dir, "missing.csv"), ReadOptions{}); err == nil || !strings.Contains(err.Error(), "missing.csv: no such file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadPeople(dir, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	if _, err := ReadPeopleFrom(strings.NewReader("a,b\n"), "x.csv", ReadOptions{Delimiter: ':'}); err == nil {
		t.Error("a colon delimiter was accepted")
	}
}

func TestHeaderRow(t *testing.T) {
	tb, err := ReadPeopleFrom(strings.NewReader("Lee,Choong-myon\nKim,Soo-jin\n"), "noheader.csv", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// No heading is known: the first row is taken as the header, and the
	// user can say there is none.
	if tb.HeaderRow != 1 || len(tb.Rows) != 1 {
		t.Fatalf("header row %d, %d rows", tb.HeaderRow, len(tb.Rows))
	}
	if err := tb.SetHeaderRow(0); err != nil {
		t.Fatal(err)
	}
	if tb.HeaderRow != 0 || !slices.Equal(rowNums(tb.Rows), []int{1, 2}) || tb.ColumnName(1) != "Column B" {
		t.Errorf("without header: row %d, rows %v, column B %q", tb.HeaderRow, rowNums(tb.Rows), tb.ColumnName(1))
	}
	if err := tb.SetHeaderRow(2); err != nil || !slices.Equal(tb.Header, []string{"Kim", "Soo-jin"}) || len(tb.Rows) != 0 {
		t.Errorf("header at 2: %v %q %v", err, tb.Header, tb.Rows)
	}
	if err := tb.SetHeaderRow(9); err == nil || !strings.Contains(err.Error(), "noheader.csv: row 9:") {
		t.Errorf("header at a missing row: %v", err)
	}
	if got := len(tb.TopRows(10)); got != 2 {
		t.Errorf("TopRows: %d rows", got)
	}
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := ColumnLetter(i); got != want {
			t.Errorf("ColumnLetter(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestIsPeopleList(t *testing.T) {
	for name, want := range map[string]bool{"people.csv": true, "PEOPLE.XLSX": true, "a/b.tsv": true,
		"list.txt": true, "m.parley": false, "old.xls": false, "csv": false} {
		if got := IsPeopleList(name); got != want {
			t.Errorf("IsPeopleList(%q) = %v", name, got)
		}
	}
}

func TestDetectHeader(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"first row", "Surname,Given name\nLee,Choong-myon\n", 1},
		{"below title rows", "Delegation of Japan\n2nd Dialogue, Tokyo\n\nFamily name,First name,Position\nMizushima,Koichi,Ambassador\n", 4},
		{"one known heading below a title", "Participants list\n\nNo.,Name,Remarks\n1,Lee Choong-myon,\n", 3},
		{"nothing known", "A,B\nLee,Choong-myon\n", 1},
		{"after leading blank rows", "\n\n,,\nSurname,Given name\nLee,Choong-myon\n", 4},
	}
	for _, tt := range tests {
		tb, err := ReadPeopleFrom(strings.NewReader(tt.text), "x.csv", ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if tb.HeaderRow != tt.want {
			t.Errorf("%s: header row %d, want %d", tt.name, tb.HeaderRow, tt.want)
		}
	}
}

func TestGuessField(t *testing.T) {
	tests := map[string]Field{
		"Surname": FieldFamily, "Last name": FieldFamily, "LAST NAME": FieldFamily, "Family name": FieldFamily,
		"family_name": FieldFamily, "First name": FieldGiven, "Given name": FieldGiven, "Given name(s)": FieldGiven,
		"Given Names": FieldGiven, "Forename": FieldGiven, "Title": FieldCourtesy, "Salutation": FieldCourtesy,
		"Honorific": FieldHonorific, "Name (native)": FieldNative, "漢字": FieldNative, "한글": FieldNative,
		"Name (Korean)": FieldNative, "Native name": FieldNative, "Name in Hangul": FieldNative,
		"Position": FieldPosition, "Job title": FieldPosition, "Designation": FieldPosition,
		"Organisation": FieldAgency, "Organization": FieldAgency, "Agency": FieldAgency, "Ministry": FieldAgency,
		"Agency (full name)": FieldAgencyName, "Role": FieldRole, "E-mail": FieldEmail, "Email address": FieldEmail,
		"Phone": FieldPhone, "Tel": FieldPhone, "Tel.": FieldPhone, "Name": FieldName, "Full name": FieldName,
		"Family name (as in passport)": FieldFamily, " Position ": FieldPosition, "Biography": FieldBio,
		"Family name first": FieldFamilyFirst, "Family name in capitals": FieldCapsFamily,
		"Notes": "", "": "", "Participants are on the next sheet": "", "Delegation of the Republic of Korea": "", "No.": "",
	}
	for h, want := range tests {
		if got := GuessField(h); got != want {
			t.Errorf("GuessField(%q) = %q, want %q", h, got, want)
		}
	}
	// Every export heading maps back to its field.
	for _, f := range ExportFields {
		if got := GuessField(f.Label()); got != f {
			t.Errorf("GuessField(%q) = %q, want %q", f.Label(), got, f)
		}
	}
}

func TestGuessMapping(t *testing.T) {
	m := GuessMapping([]string{"No.", "Name", "Surname", "First name", "Position", "Position", "Notes"})
	want := Mapping{FieldFamily: 2, FieldGiven: 3, FieldPosition: 4}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got %v, want %v (a full-name column gives way to given and family columns; first position wins)", m, want)
	}
	m = GuessMapping([]string{"Name", "Organisation"})
	if m.Column(FieldName) != 0 || m.Column(FieldAgency) != 1 || m.Column(FieldGiven) != -1 {
		t.Errorf("single name column: %v", m)
	}
	m.Assign(1, FieldPosition)
	if m.Column(FieldAgency) != -1 || m.FieldOf(1) != FieldPosition {
		t.Errorf("after Assign(1, position): %v", m)
	}
	m.Assign(0, FieldFamily)
	m.Assign(1, "")
	if !slices.Equal(m.Mapped(), []Field{FieldFamily}) {
		t.Errorf("after clearing column B: %v", m.Mapped())
	}
}

func TestParseRole(t *testing.T) {
	tests := []struct {
		in   string
		want app.Role
		ok   bool
	}{
		{"Co-chair", app.RoleCoChair, true}, {"Co-Chair", app.RoleCoChair, true}, {"CO-CHAIR", app.RoleCoChair, true},
		{"co chair", app.RoleCoChair, true}, {"Cochair", app.RoleCoChair, true}, {"Chair", app.RoleCoChair, true},
		{"Head of Delegation", app.RoleHead, true}, {"HoD", app.RoleHead, true}, {"HOD", app.RoleHead, true},
		{"Head", app.RoleHead, true}, {"head of delegation", app.RoleHead, true}, {"수석대표", app.RoleHead, true},
		{"Deputy", app.RoleDeputy, true}, {"Deputy Head", app.RoleDeputy, true}, {"deputy head", app.RoleDeputy, true},
		{"Member", app.RoleMember, true}, {"Delegate", app.RoleMember, true}, {"", app.RoleMember, true},
		{"Adviser", app.RoleAdviser, true}, {"Advisor", app.RoleAdviser, true}, {"Senior Legal Adviser", app.RoleAdviser, true},
		{"Interpreter", app.RoleInterpreter, true}, {"通訳", app.RoleInterpreter, true},
		{"Note-taker", app.RoleNoteTaker, true}, {"Notetaker", app.RoleNoteTaker, true},
		{"Note taker", app.RoleNoteTaker, true}, {"note-taker", app.RoleNoteTaker, true},
		{"Liaison", app.RoleLiaison, true}, {"Liaison Officer", app.RoleLiaison, true},
		{"Observer", "", false}, {"Deputy Director", "", false}, {"Head of Section", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseRole(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	// Every role the app writes reads back.
	for _, r := range app.Roles {
		if got, ok := ParseRole(string(r)); !ok || got != r {
			t.Errorf("ParseRole(%q) = %q, %v", r, got, ok)
		}
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct {
		in   string
		want NameParts
	}{
		{"MIZUSHIMA Koichi", NameParts{Given: "Koichi", Family: "MIZUSHIMA", FamilyFirst: true, CapsFamily: true, OrderShown: true}},
		{"Koichi MIZUSHIMA", NameParts{Given: "Koichi", Family: "MIZUSHIMA", CapsFamily: true, OrderShown: true}},
		{"LEE Choong-myon", NameParts{Given: "Choong-myon", Family: "LEE", FamilyFirst: true, CapsFamily: true, OrderShown: true}},
		{"Mizushima, Koichi", NameParts{Given: "Koichi", Family: "Mizushima"}},
		{"MCKINNON, Rob", NameParts{Given: "Rob", Family: "MCKINNON", CapsFamily: true}},
		{"Lee Choong-myon", NameParts{Family: "Lee Choong-myon", Whole: true}},
		{"Rob McKinnon", NameParts{Family: "Rob McKinnon", Whole: true}},
		{"He Yafei", NameParts{Family: "He Yafei", Whole: true}},
		{"H.E. Mr Koichi MIZUSHIMA", NameParts{Honorific: "H.E.", Courtesy: "Mr", Given: "Koichi", Family: "MIZUSHIMA", CapsFamily: true, OrderShown: true}},
		{"Dr. Anika Patel", NameParts{Courtesy: "Dr.", Family: "Anika Patel", Whole: true}},
		{"Suharto", NameParts{Family: "Suharto"}},
		{"이충면", NameParts{Native: "이충면"}},
		{"水島 光一", NameParts{Native: "水島 光一"}},
		{"  Mary-Jane O'BRIEN  ", NameParts{Given: "Mary-Jane", Family: "O'BRIEN", CapsFamily: true, OrderShown: true}},
		{"KIM Min JUN", NameParts{Family: "KIM Min JUN", Whole: true}},
		{"Mr", NameParts{Family: "Mr"}},
	}
	for _, tt := range tests {
		if got := SplitName(tt.in); got != tt.want {
			t.Errorf("SplitName(%q) = %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

// personLine sums up an imported person for comparison.
func personLine(m *app.Meeting, p *app.Person) string {
	agency := ""
	for _, a := range m.Agencies {
		if a.ID == p.Agency {
			agency = a.Label()
		}
	}
	flags := ""
	if p.FamilyFirst {
		flags += " familyFirst"
	}
	if p.CapsFamily {
		flags += " caps"
	}
	return strings.Join([]string{p.Honorific, p.Courtesy, p.Given, p.Family, p.Native, p.Position, agency, string(p.Role), p.Email, p.Phone}, "|") + flags
}

func importFile(t *testing.T, m *app.Meeting, side, file string) (*PeopleImport, *app.Document) {
	t.Helper()
	tb := readTestdata(t, file, ReadOptions{})
	s, err := m.FindSide(side)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := ImportPeople(m, s.ID, tb, tb.GuessMapping())
	if err != nil {
		t.Fatal(err)
	}
	doc := app.NewDocument(m)
	if err := doc.Apply(imp.Edit()); err != nil {
		t.Fatal(err)
	}
	return imp, doc
}

func TestImportKoreanList(t *testing.T) {
	m := peopleMeeting()
	imp, doc := importFile(t, m, "kr", "people_korea.csv")
	want := []string{
		"|Mr|Choong-myon|Lee|이충면|Director-General, International Security Bureau|MOFA|head of delegation|cm.lee@mofa.go.kr| familyFirst",
		"|Ms|Soo-jin|Kim|김수진|Director\nCyber Policy Division|MOFA|deputy head|| familyFirst",
		"|Mr|Ji-hoon|Park|박지훈|Deputy Director|NIS|member|| familyFirst",
		"|Dr|Min-ho|Choi|최민호|Senior Researcher|Korea Internet & Security Agency|adviser|| familyFirst",
		"|Ms|Hye-won|Jung|정혜원|Interpreter|MOFA|interpreter|| familyFirst",
	}
	people := m.PeopleOf("side-kr")
	var got []string
	for _, p := range people[1:] {
		got = append(got, personLine(m, p))
	}
	if !slices.Equal(got, want) {
		t.Errorf("imported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if people[0].ID != "kr-kim" {
		t.Errorf("the participant already there is no longer first: %s", people[0].Label())
	}
	if people[1].Name() != "Lee Choong-myon" || people[1].NameWithNative() != "Lee Choong-myon (이충면)" {
		t.Errorf("name %q, with native %q", people[1].Name(), people[1].NameWithNative())
	}
	wantRejected := []RowIssue{
		{9, "no name: the row has no family, given, full or native-script name"},
		{11, `same person as row 5 (same name "Lee Choong-myon"): the list names them twice`},
	}
	if !reflect.DeepEqual(imp.Rejected, wantRejected) {
		t.Errorf("rejected %v\nwant %v", imp.Rejected, wantRejected)
	}
	if len(imp.Warnings) != 0 {
		t.Errorf("warnings %v", imp.Warnings)
	}
	var newAgencies []string
	for _, a := range imp.Agencies {
		newAgencies = append(newAgencies, a.Abbrev+"|"+a.Name)
		if a.Side != "side-kr" {
			t.Errorf("new agency %s on side %s", a.Name, a.Side)
		}
	}
	if !slices.Equal(newAgencies, []string{"NIS|NIS", "|Korea Internet & Security Agency"}) {
		t.Errorf("new agencies %q", newAgencies)
	}
	if dirs := m.AgenciesOf("side-kr"); len(dirs) != 4 || dirs[2].Abbrev != "NIS" {
		t.Errorf("the new agencies are not after the directory: %v", dirs)
	}
	if got := imp.Edit().Label; got != "Import 5 participants" {
		t.Errorf("edit label %q", got)
	}
	if got, want := imp.Summary(), "5 participants; 2 new agencies (NIS, Korea Internet & Security Agency); 2 rows rejected"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if probs := app.Validate(m); hasPeopleErrors(probs) {
		t.Errorf("the meeting is not valid after the import: %v", probs)
	}
	// One undo takes the whole import away, agencies included.
	if ok, label := doc.CanUndo(); !ok || label != "Import 5 participants" {
		t.Fatalf("undo offers %q", label)
	}
	if !doc.Undo() {
		t.Fatal("undo did nothing")
	}
	if len(m.PeopleOf("side-kr")) != 1 || len(m.AgenciesOf("side-kr")) != 2 {
		t.Errorf("after undo: %d people, %d agencies", len(m.PeopleOf("side-kr")), len(m.AgenciesOf("side-kr")))
	}
}

// hasPeopleErrors reports errors about participants or agencies.
func hasPeopleErrors(probs []app.Problem) bool {
	for _, p := range probs {
		if p.Severity >= app.Error && (p.Kind == app.KindPerson || p.Kind == app.KindAgency) {
			return true
		}
	}
	return false
}

func TestImportJapaneseListKeepsNames(t *testing.T) {
	m := peopleMeeting()
	imp, _ := importFile(t, m, "Japan", "people_japan_semicolon.csv")
	want := []string{
		"H.E.|Mr|Koichi|Mizushima|水島光一|Ambassador in charge of Cyber Policy, MOFA|MOFA|co-chair||+81 3 3580 3311 familyFirst",
		"|Ms|Misaki|Sato|佐藤美咲|Counsellor, International Strategy|NISC|member|| familyFirst",
		"|Mr|Taro|Nakamura|中村太郎|Manager; Global Coordination|JPCERT/CC|note-taker|| familyFirst",
	}
	var got []string
	for _, p := range m.PeopleOf("side-jp") {
		got = append(got, personLine(m, p))
	}
	if !slices.Equal(got, want) {
		t.Errorf("imported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(imp.Agencies) != 0 || len(imp.Rejected) != 0 {
		t.Errorf("new agencies %v, rejected %v", imp.Agencies, imp.Rejected)
	}
	if p := m.PeopleOf("side-jp")[0]; p.FormalName() != "H.E. Mr Mizushima Koichi" || p.NameWithNative() != "Mizushima Koichi (水島光一)" {
		t.Errorf("formal name %q, with native %q", p.FormalName(), p.NameWithNative())
	}
}

func TestImportSingleNameColumnAndDuplicates(t *testing.T) {
	// The sample's Japan already has Koichi Mizushima (水島光一) and
	// Misaki Sato (佐藤美咲).
	m := sample.Sample()
	before := len(m.PeopleOf(m.Sides[0].ID))
	tb := readTestdata(t, "people_tabs.tsv", ReadOptions{})
	imp, err := ImportPeople(m, m.Sides[0].ID, tb, tb.GuessMapping())
	if err != nil {
		t.Fatal(err)
	}
	wantRejected := []RowIssue{
		{2, `already in the Japan delegation as "Koichi Mizushima" (same name): edit that participant instead`},
		{3, `already in the Japan delegation as "SATO Misaki" (same name): edit that participant instead`},
	}
	if !reflect.DeepEqual(imp.Rejected, wantRejected) {
		t.Errorf("rejected %v\nwant %v", imp.Rejected, wantRejected)
	}
	wantWarnings := []RowIssue{
		{4, `the name "Lee Choong-myon" was kept whole as the family name: split it into given and family name in the participant's form`},
		{6, `role "Observer" is not known: imported as member (the roles are co-chair, head of delegation, deputy head, member, adviser, interpreter, note-taker, liaison)`},
	}
	if !reflect.DeepEqual(imp.Warnings, wantWarnings) {
		t.Errorf("warnings %v\nwant %v", imp.Warnings, wantWarnings)
	}
	var got []string
	for _, r := range imp.Preview(-1) {
		got = append(got, r.Name+"|"+r.Agency+"|"+r.Role+"|"+r.Rejected)
	}
	want := []string{
		"MIZUSHIMA Koichi (水島光一)|Ministry of Foreign Affairs|head of delegation|" + wantRejected[0].Reason,
		"Sato Misaki (佐藤美咲)|NISC|member|" + wantRejected[1].Reason,
		"Lee Choong-myon (이충면)|MOFA|head of delegation|",
		"Rob MCKINNON|DFAT|co-chair|",
		"H.E. Mr Taro YAMADA (山田太郎)|MOFA|member|",
		"박지훈|NIS|member|",
	}
	if !slices.Equal(got, want) {
		t.Errorf("preview:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := imp.Preview(2); len(p) != 2 || p[0].Row != 2 {
		t.Errorf("Preview(2) = %v", p)
	}
	// DFAT and NIS are new to Japan's directory; MOFA matches by name.
	var names []string
	for _, a := range imp.Agencies {
		names = append(names, a.Abbrev)
	}
	if !slices.Equal(names, []string{"DFAT", "NIS"}) {
		t.Errorf("new agencies %v", names)
	}
	if err := app.NewDocument(m).Apply(imp.Edit()); err != nil {
		t.Fatal(err)
	}
	if n := len(m.PeopleOf(m.Sides[0].ID)); n != before+4 {
		t.Errorf("%d people, want %d", n, before+4)
	}
}

func TestImportDuplicateByNativeName(t *testing.T) {
	m := peopleMeeting()
	csv := "Family name,Given name,Name (native)\nKim,Minjun,김 민준\nKim,Min-jun,\nPark,Ji-hoon,박지훈\nPak,Jihun,박지훈\n"
	tb, err := ReadPeopleFrom(strings.NewReader(csv), "dup.csv", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	imp, err := ImportPeople(m, "side-kr", tb, tb.GuessMapping())
	if err != nil {
		t.Fatal(err)
	}
	want := []RowIssue{
		{2, `already in the Korea delegation as "Kim Min-jun" (same native-script name 김 민준): edit that participant instead`},
		{3, `already in the Korea delegation as "Kim Min-jun" (same name): edit that participant instead`},
		{5, `same person as row 4 (same native-script name 박지훈): the list names them twice`},
	}
	if !reflect.DeepEqual(imp.Rejected, want) {
		t.Errorf("rejected %v\nwant %v", imp.Rejected, want)
	}
}

func TestImportNeedsANameColumn(t *testing.T) {
	tb, err := ReadPeopleFrom(strings.NewReader("Position,Agency\nDirector,MOFA\n"), "x.csv", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = ImportPeople(peopleMeeting(), "side-kr", tb, tb.GuessMapping())
	if !errors.Is(err, ErrNoNameColumn) || !strings.HasPrefix(err.Error(), "x.csv: ") {
		t.Errorf("error %v", err)
	}
	if _, err := ImportPeople(peopleMeeting(), "side-xx", tb, Mapping{FieldFamily: 0}); err == nil {
		t.Error("an unknown side was accepted")
	}
}

func TestImportOptionalColumns(t *testing.T) {
	m := peopleMeeting()
	csv := "Title,Family name,Given name,Family name first,Family name in capitals,Agency,Agency (full name),Role\n" +
		"H.E. Mr,Lee,Choong-myon,no,yes,KISA,Korea Internet & Security Agency,HoD\n" +
		"Ms,Kim,Soo-jin,maybe,,Ministry of Science and ICT,,\n"
	tb, err := ReadPeopleFrom(strings.NewReader(csv), "x.csv", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	imp, err := ImportPeople(m, "side-kr", tb, tb.GuessMapping())
	if err != nil {
		t.Fatal(err)
	}
	lee, kim := imp.People[0], imp.People[1]
	if lee.Honorific != "H.E." || lee.Courtesy != "Mr" || lee.FamilyFirst || !lee.CapsFamily || lee.Role != app.RoleHead {
		t.Errorf("Lee: %+v", lee)
	}
	if len(imp.Agencies) != 1 || imp.Agencies[0].Abbrev != "KISA" || imp.Agencies[0].Name != "Korea Internet & Security Agency" {
		t.Errorf("new agencies %+v", imp.Agencies)
	}
	if kim.Agency != "kr-msit" || kim.FamilyFirst || kim.Role != app.RoleMember {
		t.Errorf("Kim: %+v", kim)
	}
	if want := []RowIssue{{3, `"maybe" in the "Family name first" column is not yes or no: taken as no`}}; !reflect.DeepEqual(imp.Warnings, want) {
		t.Errorf("warnings %v", imp.Warnings)
	}
}

func TestExportRoundTrip(t *testing.T) {
	src := sample.Sample()
	// Bios with line breaks, quotes and commas, a formula-like phone.
	src.People[0].Bio = "Line one, with a comma\nLine \"two\"\n"
	src.People[0].Phone = "=1+1"
	src.People[0].Interests = "'quoted' and 'kept'"
	src.People[1].Interests = "-"
	for _, side := range src.Sides {
		var buf bytes.Buffer
		if err := ExportPeople(&buf, src, side.ID); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if !bytes.HasPrefix(data, []byte("\uFEFFHonorific,Title,Given name,Family name,Name (native),")) {
			t.Fatalf("export does not start with a BOM and the header: %.80q", data)
		}
		if side.Code == "AU" && !bytes.Contains(data, []byte(",'+81 3 5232 4111,")) {
			t.Errorf("a phone number starting with + is not protected from Excel:\n%s", data)
		}
		for _, keepAgencies := range []bool{true, false} {
			dst := &app.Meeting{Details: src.Details, Sides: src.Clone().Sides}
			if keepAgencies {
				dst.Agencies = src.Clone().Agencies
			}
			tb, err := ReadPeopleFrom(bytes.NewReader(data), "export.csv", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if mp := tb.GuessMapping(); len(mp) != len(ExportFields) {
				t.Errorf("the export's columns map to %v", mp)
			}
			imp, err := ImportPeople(dst, side.ID, tb, tb.GuessMapping())
			if err != nil {
				t.Fatal(err)
			}
			if len(imp.Rejected)+len(imp.Warnings) > 0 {
				t.Errorf("rejected %v, warnings %v", imp.Rejected, imp.Warnings)
			}
			if keepAgencies != (len(imp.Agencies) == 0) {
				t.Errorf("keep agencies %v: %d new agencies", keepAgencies, len(imp.Agencies))
			}
			if err := app.NewDocument(dst).Apply(imp.Edit()); err != nil {
				t.Fatal(err)
			}
			want, got := src.PeopleOf(side.ID), dst.PeopleOf(side.ID)
			if len(got) != len(want) {
				t.Fatalf("%d people read back, want %d", len(got), len(want))
			}
			for i := range want {
				if a, b := comparable(src, want[i]), comparable(dst, got[i]); !reflect.DeepEqual(a, b) {
					t.Errorf("person %d:\n got %+v\nwant %+v", i, b, a)
				}
			}
			if !keepAgencies {
				used := map[string]bool{}
				for _, p := range want {
					used[p.Agency] = true
				}
				var wantAg, gotAg []string
				for _, a := range src.AgenciesOf(side.ID) {
					if used[a.ID] {
						wantAg = append(wantAg, a.Abbrev+"|"+a.Name)
					}
				}
				for _, a := range dst.AgenciesOf(side.ID) {
					gotAg = append(gotAg, a.Abbrev+"|"+a.Name)
				}
				slices.Sort(wantAg)
				slices.Sort(gotAg)
				if !slices.Equal(gotAg, wantAg) {
					t.Errorf("agencies made again:\n%q\nwant\n%q", gotAg, wantAg)
				}
			}
		}
	}
}

// comparable is a person without identity, position and agency ID, with
// the agency's abbreviation and name instead.
func comparable(m *app.Meeting, p *app.Person) app.Person {
	c := *p
	c.Rec, c.Pos, c.Agency = app.Rec{}, "", ""
	for _, a := range m.Agencies {
		if a.ID == p.Agency {
			c.Agency = a.Abbrev + "|" + a.Name
		}
	}
	return c
}

func TestWritePeopleCSV(t *testing.T) {
	m := sample.Sample()
	path := filepath.Join(t.TempDir(), "japan.csv")
	if err := WritePeopleCSV(path, m, m.Sides[0].ID); err != nil {
		t.Fatal(err)
	}
	tb, err := ReadPeople(path, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != len(m.PeopleOf(m.Sides[0].ID)) || tb.Rows[0].Cell(4) != "水島光一" {
		t.Errorf("read back %d rows, first native %q", len(tb.Rows), tb.Rows[0].Cell(4))
	}
	if err := WritePeopleCSV(filepath.Join(t.TempDir(), "no", "such", "x.csv"), m, m.Sides[0].ID); err == nil ||
		!strings.Contains(err.Error(), "x.csv: cannot write") {
		t.Errorf("write into a missing folder: %v", err)
	}
	if err := ExportPeople(&bytes.Buffer{}, m, "nope"); err == nil {
		t.Error("export of an unknown side")
	}
}
