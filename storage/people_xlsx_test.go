package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testWorkbook makes a workbook: an empty first sheet "Notes", a hidden
// sheet "Old list" with data, and the delegation on "Delegation" below two
// title rows, with a blank row between the people.
func testWorkbook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Notes"))
	_, err := f.NewSheet("Old list")
	must(err)
	must(f.SetSheetRow("Old list", "A1", &[]any{"Surname", "Given name"}))
	must(f.SetSheetRow("Old list", "A2", &[]any{"Obsolete", "Person"}))
	must(f.SetSheetVisible("Old list", false))
	_, err = f.NewSheet("Delegation")
	must(err)
	must(f.SetCellValue("Delegation", "A1", "Delegation of the Republic of Korea"))
	must(f.SetSheetRow("Delegation", "A3", &[]any{"Title", "Surname", "Given name", "한글", "Position", "Organisation", "Role", "Tel"}))
	must(f.SetSheetRow("Delegation", "A4", &[]any{"Mr", "Lee", "Choong-myon", "이충면", "Director-General,\nInternational Security Bureau", "MOFA", "Head of Delegation", 82221001234}))
	must(f.SetSheetRow("Delegation", "A5", &[]any{"Ms", "Kim", "Soo-jin", "김수진", "Director", "NIS", "Co-Chair"}))
	must(f.SetSheetRow("Delegation", "A7", &[]any{"", "", "", "", "Total: 2"}))
	must(f.SetSheetRow("Delegation", "A8", &[]any{"Mr", "Mizushima", "Koichi", "水島光一", "Guest", "", "Observer"}))
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

func TestReadWorkbook(t *testing.T) {
	data := testWorkbook(t)
	tb, err := ReadPeopleFrom(bytes.NewReader(data), "people.xlsx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Sheet != "Delegation" || !slices.Equal(tb.Sheets, []string{"Notes", "Old list", "Delegation"}) {
		t.Errorf("sheet %q of %q: want the first visible sheet with data", tb.Sheet, tb.Sheets)
	}
	if tb.HeaderRow != 3 || tb.Header[3] != "한글" || tb.Delimiter != 0 {
		t.Errorf("header row %d: %q", tb.HeaderRow, tb.Header)
	}
	if got := rowNums(tb.Rows); !slices.Equal(got, []int{4, 5, 7, 8}) {
		t.Errorf("row numbers %v", got)
	}
	if got := tb.Rows[0].Cells; got[3] != "이충면" || got[4] != "Director-General,\nInternational Security Bureau" || got[7] != "82221001234" {
		t.Errorf("row 4: %q", got)
	}

	m := peopleMeeting()
	imp, err := ImportPeople(m, "side-kr", tb, tb.GuessMapping())
	if err != nil {
		t.Fatal(err)
	}
	if want := []RowIssue{{7, "no name: the row has no family, given, full or native-script name"}}; !slicesEqual(imp.Rejected, want) {
		t.Errorf("rejected %v", imp.Rejected)
	}
	if len(imp.People) != 3 || imp.People[0].Native != "이충면" || imp.People[0].Phone != "82221001234" || imp.People[2].Native != "水島光一" {
		t.Errorf("people %+v", imp.People)
	}
	if len(imp.Warnings) != 1 || imp.Warnings[0].Row != 8 || !strings.Contains(imp.Warnings[0].Reason, `role "Observer"`) {
		t.Errorf("warnings %v", imp.Warnings)
	}

	// A sheet chosen by name, in any case, hidden or not.
	tb, err = ReadPeopleFrom(bytes.NewReader(data), "people.xlsx", ReadOptions{Sheet: "old LIST"})
	if err != nil || tb.Sheet != "Old list" || len(tb.Rows) != 1 || tb.Rows[0].Num != 2 {
		t.Errorf("sheet Old list: %v, %+v", err, tb)
	}
	_, err = ReadPeopleFrom(bytes.NewReader(data), "people.xlsx", ReadOptions{Sheet: "Delegates"})
	if !errors.Is(err, ErrPeopleList) || !strings.Contains(err.Error(), `people.xlsx: has no sheet "Delegates": its sheets are "Notes", "Old list", "Delegation"`) {
		t.Errorf("unknown sheet: %v", err)
	}
	_, err = ReadPeopleFrom(bytes.NewReader(data), "people.xlsx", ReadOptions{Sheet: "Notes"})
	if err == nil || !strings.Contains(err.Error(), `people.xlsx: sheet "Notes": holds no rows`) {
		t.Errorf("empty sheet: %v", err)
	}

	// The content decides: a workbook saved under a .csv name still reads,
	// and a CSV named .xlsx is refused with advice.
	dir := t.TempDir()
	misnamed := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(misnamed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if tb, err := ReadPeople(misnamed, ReadOptions{}); err != nil || tb.Sheet != "Delegation" {
		t.Errorf("workbook named .csv: %v", err)
	}
	if _, err := ReadPeopleFrom(strings.NewReader("Name\nLee\n"), "people.xlsx", ReadOptions{}); err == nil ||
		!strings.Contains(err.Error(), "not an Excel workbook") {
		t.Errorf("CSV named .xlsx: %v", err)
	}
}

func TestReadEmptyWorkbook(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := ReadPeopleFrom(&buf, "empty.xlsx", ReadOptions{})
	if !errors.Is(err, ErrPeopleList) || !strings.Contains(err.Error(), "empty.xlsx: every sheet of the workbook is empty") {
		t.Errorf("empty workbook: %v", err)
	}
}

func slicesEqual(a, b []RowIssue) bool { return slices.Equal(a, b) }
