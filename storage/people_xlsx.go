package storage

import (
	"bytes"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxWorkbookUnzipped bounds what a workbook may unpack to, so that a
// hostile file cannot fill the memory.
const maxWorkbookUnzipped = 512 << 20

// readWorkbook reads one sheet of an Excel workbook: the one named in opt,
// else the first visible sheet holding data, else the first sheet holding
// data. Cells are read as Excel shows them (number formats applied), and
// rows keep their sheet row numbers.
func readWorkbook(data []byte, name string, opt ReadOptions) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxWorkbookUnzipped})
	if err != nil {
		msg := "cannot read the workbook (" + err.Error() + "): open it in Excel and save it again as .xlsx, or as CSV UTF-8"
		switch {
		case errors.Is(err, excelize.ErrWorkbookPassword):
			msg = "the workbook is protected by a password: save a copy without the password and import that"
		case strings.Contains(err.Error(), "unzip size exceeds"):
			msg = "the workbook unpacks to more than 512 MiB: it is not a participant list"
		}
		return nil, &Error{Path: name, Kind: ErrPeopleList, Msg: msg}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	read := func(sheet string) ([]Row, error) {
		cells, err := f.GetRows(sheet)
		if err != nil {
			return nil, &Error{Path: name, Where: "sheet " + quoteName(sheet), Kind: ErrPeopleList,
				Msg: "cannot read the sheet (" + err.Error() + "): save the workbook again from Excel"}
		}
		rows := make([]Row, len(cells))
		for i, c := range cells {
			rows[i] = Row{Num: i + 1, Cells: c}
		}
		return rows, nil
	}
	hasData := func(rows []Row) bool {
		for _, r := range rows {
			if !r.blank() {
				return true
			}
		}
		return false
	}
	var chosen string
	var rows []Row
	if opt.Sheet != "" {
		for _, s := range sheets {
			if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(opt.Sheet)) {
				chosen = s
				break
			}
		}
		if chosen == "" {
			return nil, &Error{Path: name, Kind: ErrPeopleList,
				Msg: "has no sheet " + quoteName(opt.Sheet) + ": its sheets are " + quoteNames(sheets)}
		}
		if rows, err = read(chosen); err != nil {
			return nil, err
		}
	} else {
		// Visible sheets first, then hidden ones.
		for pass := 0; pass < 2 && chosen == ""; pass++ {
			for _, s := range sheets {
				visible, _ := f.GetSheetVisible(s)
				if visible != (pass == 0) {
					continue
				}
				r, err := read(s)
				if err != nil {
					return nil, err
				}
				if hasData(r) {
					chosen, rows = s, r
					break
				}
			}
		}
		if chosen == "" {
			return nil, &Error{Path: name, Kind: ErrPeopleList,
				Msg: "every sheet of the workbook is empty: there is nobody to import"}
		}
	}
	t, err := newTable(name, rows)
	if err != nil {
		var fe *Error
		if errors.As(err, &fe) {
			fe.Where = "sheet " + quoteName(chosen)
		}
		return nil, err
	}
	t.Sheet, t.Sheets = chosen, sheets
	return t, nil
}

// quoteName quotes a sheet name for messages.
func quoteName(s string) string { return "\"" + s + "\"" }

// quoteNames quotes and lists sheet names for messages.
func quoteNames(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quoteName(s)
	}
	return strings.Join(q, ", ")
}
