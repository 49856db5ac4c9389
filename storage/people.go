package storage

// Participant lists arrive as spreadsheets from the other side's embassy.
// Importing one takes four steps, each a plain function the window's import
// dialog and the import-people command share:
//
//  1. ReadPeople (or ReadPeopleFrom) reads a CSV file or an Excel workbook
//     into a Table: a header and rows of text cells, each row with its
//     number as a spreadsheet shows it. Nothing means anything yet.
//  2. GuessMapping proposes which column fills which participant field,
//     from the headings; the user may change it (Mapping.Assign).
//  3. ImportPeople works out, without changing the meeting, what the import
//     would do for one side: the new participants in file order, the new
//     agencies, the rows rejected with their reasons and the rows imported
//     with a warning. Its Preview shows the first rows as they will display.
//  4. PeopleImport.Edit is the whole import as one app.Edit, applied through
//     the document in one undoable step.
//
// ExportPeople writes a side's list back to CSV in the columns the import
// guesses without help, so that an export reads back to the same people.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// ErrPeopleList is the kind of error (for errors.Is) of a participant list
// that cannot be read: an unknown format, broken quotes, text that is not
// UTF-8, a workbook without data.
var ErrPeopleList = errors.New("unreadable participant list")

// MaxPeopleListSize is the largest participant list read.
const MaxPeopleListSize = 32 << 20

// PeopleListExtensions are the file name extensions of the participant
// lists ReadPeople reads, for file dialogs and dropped files.
var PeopleListExtensions = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}

// IsPeopleList reports whether a file's name says it is a participant list
// ReadPeople reads (by its extension, in any case).
func IsPeopleList(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range PeopleListExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// headerScanRows is how many non-blank rows at the top are searched for
// the header row (title rows may stand above it).
const headerScanRows = 20

// Row is one row of a participant list.
type Row struct {
	// Num is the row's number as a spreadsheet shows it: the first row of
	// the file or sheet is 1, blank rows count, and a CSV record whose
	// quoted cells hold line breaks is still one row.
	Num int
	// Cells are the row's cells as text, untrimmed; a short row has fewer
	// cells than the table has columns.
	Cells []string
}

// Cell returns the row's cell in column i, or "" past the end of a short row.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// blank reports whether every cell of the row is empty or white space.
func (r Row) blank() bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// ReadOptions steer ReadPeople. The zero value detects everything.
type ReadOptions struct {
	// Sheet names the workbook sheet to read (any case); empty reads the
	// first visible sheet that holds data. Ignored for CSV.
	Sheet string
	// Delimiter forces the CSV field separator (',', ';', '\t' or '|');
	// 0 detects it from the file.
	Delimiter rune
}

// Table is a participant list as read from a file, before any column means
// anything: a header row and the data rows below it, as text.
type Table struct {
	// Source names the file in messages: the path or name it was read
	// under ("people.csv").
	Source string
	// Sheet is the workbook sheet read and Sheets every sheet of the
	// workbook in order, for a sheet picker; both are empty for CSV.
	Sheet  string
	Sheets []string
	// Delimiter is the CSV field separator used, 0 for a workbook.
	Delimiter rune
	// Header holds the column headings, "" where a column has none; it is
	// as wide as the widest row. HeaderRow is the header's row number, 0
	// when the table is read without a header row.
	Header    []string
	HeaderRow int
	// Rows are the data rows below the header, in file order, blank rows
	// left out.
	Rows []Row
	// all are every non-blank row of the source, for SetHeaderRow.
	all []Row
}

// Columns is the number of columns.
func (t *Table) Columns() int { return len(t.Header) }

// ColumnName names column i for the mapping step: its heading, or its
// spreadsheet letter ("Column C") when it has none.
func (t *Table) ColumnName(i int) string {
	if i >= 0 && i < len(t.Header) {
		if h := strings.TrimSpace(t.Header[i]); h != "" {
			return h
		}
	}
	return "Column " + ColumnLetter(i)
}

// ColumnLetter is a column's spreadsheet letter: 0 is A, 25 Z, 26 AA.
func ColumnLetter(i int) string {
	if i < 0 {
		return "?"
	}
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// TopRows returns up to n non-blank rows from the top of the source,
// header and any title rows above it included, for a "header is on row"
// picker.
func (t *Table) TopRows(n int) []Row {
	if n > len(t.all) {
		n = len(t.all)
	}
	return t.all[:n]
}

// SetHeaderRow makes the row numbered num the header, the rows below it
// the data; num 0 reads the table without a header (every non-blank row is
// data). A mapping guessed before must be guessed or checked again.
func (t *Table) SetHeaderRow(num int) error {
	if num == 0 {
		t.setHeader(-1)
		return nil
	}
	for i, r := range t.all {
		if r.Num == num {
			t.setHeader(i)
			return nil
		}
	}
	return &Error{Path: t.Source, Where: "row " + strconv.Itoa(num), Kind: ErrPeopleList,
		Msg: "is blank or not in the list: choose a row with the column headings"}
}

// setHeader makes t.all[i] the header (none when i < 0).
func (t *Table) setHeader(i int) {
	width := 0
	for _, r := range t.all {
		for j := len(r.Cells) - 1; j >= width; j-- {
			if strings.TrimSpace(r.Cells[j]) != "" {
				width = j + 1
				break
			}
		}
	}
	t.Header = make([]string, width)
	t.HeaderRow = 0
	t.Rows = t.all
	if i >= 0 {
		h := t.all[i]
		for j := range t.Header {
			t.Header[j] = strings.TrimSpace(h.Cell(j))
		}
		t.HeaderRow = h.Num
		t.Rows = t.all[i+1:]
	}
}

// newTable builds a table from every row of a source, detecting the header.
func newTable(source string, rows []Row) (*Table, error) {
	t := &Table{Source: source}
	for _, r := range rows {
		if !r.blank() {
			t.all = append(t.all, r)
		}
	}
	if len(t.all) == 0 {
		return nil, &Error{Path: source, Kind: ErrPeopleList, Msg: "holds no rows: there is nobody to import"}
	}
	t.setHeader(detectHeader(t.all))
	return t, nil
}

// detectHeader finds the header among the first non-blank rows: the first
// row in which two or more cells are headings of different known fields,
// so that title rows above a header ("Delegation of Japan") are passed
// over; else the first row with the best single heading (an exact one
// before one found inside longer text: "Name" before "Participants
// list"); else the first non-blank row.
func detectHeader(rows []Row) int {
	best, bestScore := 0, 0
	for i, r := range rows {
		if i == headerScanRows {
			break
		}
		seen := map[Field]int{}
		for _, c := range r.Cells {
			if f, exact := guessField(c); f != "" {
				seen[f] = max(seen[f], 1+btoi(exact))
			}
		}
		if len(seen) >= 2 {
			return i
		}
		for _, score := range seen {
			if score > bestScore {
				best, bestScore = i, score
			}
		}
	}
	return best
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ReadPeople reads a participant list from a CSV file (comma, semicolon,
// tab or bar separated; UTF-8 with or without a byte order mark, or
// UTF-16 with one) or an Excel workbook (.xlsx, .xlsm). The format is
// taken from the content, so a workbook named .csv still reads.
func ReadPeople(path string, opt ReadOptions) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Kind: err, Msg: openMessage(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{Path: path, Kind: ErrPeopleList, Msg: "is a folder, not a participant list"}
	}
	return ReadPeopleFrom(f, path, opt)
}

// ReadPeopleFrom reads a participant list from r; name is the file's name
// or path, used in messages and to tell the format when the content does
// not.
func ReadPeopleFrom(r io.Reader, name string, opt ReadOptions) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPeopleListSize+1))
	if err != nil {
		return nil, &Error{Path: name, Kind: err, Msg: "cannot read: " + err.Error()}
	}
	if len(data) > MaxPeopleListSize {
		return nil, &Error{Path: name, Kind: ErrTooLarge,
			Msg: fmt.Sprintf("the file is over the %d MiB limit: it is not a participant list", MaxPeopleListSize>>20)}
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readWorkbook(data, name, opt)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, &Error{Path: name, Kind: ErrPeopleList,
			Msg: "is an old-style Excel workbook (.xls) or a password-protected one: open it in Excel and save it as .xlsx without a password, or as CSV UTF-8"}
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx" || ext == ".xltm":
		return nil, &Error{Path: name, Kind: ErrPeopleList,
			Msg: "is not an Excel workbook though its name says so: open it in Excel and save it again as .xlsx"}
	case ext == ".xls" || ext == ".ods" || ext == ".numbers":
		return nil, &Error{Path: name, Kind: ErrPeopleList,
			Msg: "this kind of spreadsheet cannot be read: save it as .xlsx or as CSV UTF-8"}
	}
	return readDelimited(data, name, opt)
}

// cleanCell trims a cell for use as a field value: white space (including
// no-break and ideographic spaces) at either end goes, the text between is
// kept as it is.
func cleanCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
}
