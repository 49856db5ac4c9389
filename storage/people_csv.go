package storage

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// delimiters are the CSV field separators detected, in order of preference
// when two fit a file equally well.
var delimiters = []byte{',', ';', '\t', '|'}

// detectRows is how many records delimiter detection looks at.
const detectRows = 50

// readDelimited reads CSV or tab-separated text.
func readDelimited(data []byte, name string, opt ReadOptions) (*Table, error) {
	text, err := decodeText(data, name)
	if err != nil {
		return nil, err
	}
	// Excel writes and honours a first line "sep=;" naming the separator;
	// it does not show that line, so rows are counted from the next one.
	var delim byte
	line, rest, _ := strings.Cut(text, "\n")
	if l := strings.TrimRight(line, "\r"); len(l) == 5 && strings.EqualFold(l[:4], "sep=") && strings.IndexByte(",;\t|", l[4]) >= 0 {
		delim, text = l[4], rest
	}
	switch {
	case opt.Delimiter != 0:
		if opt.Delimiter >= utf8.RuneSelf || bytes.IndexByte(delimiters, byte(opt.Delimiter)) < 0 {
			return nil, &Error{Path: name, Kind: ErrPeopleList,
				Msg: fmt.Sprintf("cannot split on %q: use a comma, semicolon, tab or bar", opt.Delimiter)}
		}
		delim = byte(opt.Delimiter)
	case delim == 0:
		delim = detectDelimiter(text)
	}
	rows, rerr := splitRecords(text, delim, -1)
	if rerr != nil {
		return nil, &Error{Path: name, Where: "row " + strconv.Itoa(rerr.row), Kind: ErrPeopleList, Msg: rerr.msg}
	}
	for _, r := range rows {
		for i, c := range r.Cells {
			r.Cells[i] = unprotect(c)
		}
	}
	t, err := newTable(name, rows)
	if err != nil {
		return nil, err
	}
	t.Delimiter = rune(delim)
	return t, nil
}

// decodeText turns the file's bytes into UTF-8 text without a byte order
// mark. UTF-16 is recognised by its byte order mark (Excel's "Unicode
// Text"); anything else must be UTF-8.
func decodeText(data []byte, name string) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		big := data[0] == 0xFE
		data = data[2:]
		u := make([]uint16, len(data)/2)
		for i := range u {
			if big {
				u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
			} else {
				u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
			}
		}
		return string(utf16.Decode(u)), nil
	}
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, n := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			bad += n
		}
		line := 1 + bytes.Count(data[:bad], []byte{'\n'})
		return "", &Error{Path: name, Where: "line " + strconv.Itoa(line), Kind: ErrPeopleList,
			Msg: "the text is not UTF-8 (it may be Shift_JIS, EUC-KR or Windows-1252): in Excel save the list as " +
				"\"CSV UTF-8 (Comma delimited)\", or import the .xlsx workbook itself"}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", &Error{Path: name, Kind: ErrPeopleList,
			Msg: "is not a text file (it holds NUL bytes): import a CSV file or an .xlsx workbook"}
	}
	return string(data), nil
}

// detectDelimiter picks the separator that splits the first records into
// the most rows of one width (two columns or more); ties go to the wider
// split, then to the earlier separator in delimiters.
func detectDelimiter(text string) byte {
	best, bestScore, bestWidth := delimiters[0], 0, 0
	for _, d := range delimiters {
		rows, err := splitRecords(text, d, detectRows)
		if err != nil {
			continue
		}
		count := map[int]int{}
		for _, r := range rows {
			if len(r.Cells) > 1 && !r.blank() {
				count[len(r.Cells)]++
			}
		}
		score, width := 0, 0
		for w, n := range count {
			if n > score || (n == score && w > width) {
				score, width = n, w
			}
		}
		if score > bestScore || (score == bestScore && score > 0 && width > bestWidth) {
			best, bestScore, bestWidth = d, score, width
		}
	}
	return best
}

// recordError is a CSV syntax error at a row.
type recordError struct {
	row int
	msg string
}

// splitRecords splits CSV text into records, at most max of them (all
// when max < 0). Quoted cells may hold separators, doubled quotes and
// line breaks (CRLF inside a cell becomes LF); a quote inside an unquoted
// cell, or text after a closing quote, is kept as written, as Excel does.
// Every record is a row, blank ones too, numbered from 1.
func splitRecords(s string, delim byte, max int) ([]Row, *recordError) {
	var rows []Row
	num := 1
	i := 0
	for i < len(s) && (max < 0 || len(rows) < max) {
		var cells []string
		for {
			var cell string
			if s[i] == '"' {
				i++
				var b strings.Builder
				for {
					j := strings.IndexByte(s[i:], '"')
					if j < 0 {
						return nil, &recordError{num, "a quoted cell is never closed (a \" opens it and no \" ends it): " +
							"check the quotes in this row, or save the list again from Excel"}
					}
					b.WriteString(s[i : i+j])
					i += j + 1
					if i < len(s) && s[i] == '"' {
						b.WriteByte('"')
						i++
						continue
					}
					break
				}
				k := cellEnd(s, i, delim)
				b.WriteString(s[i:k])
				i = k
				cell = strings.ReplaceAll(b.String(), "\r\n", "\n")
			} else {
				k := cellEnd(s, i, delim)
				cell = s[i:k]
				i = k
			}
			cells = append(cells, cell)
			if i < len(s) && s[i] == delim {
				i++
				if i < len(s) {
					continue
				}
				cells = append(cells, "")
			}
			if i < len(s) && s[i] == '\r' {
				i++
			}
			if i < len(s) && s[i] == '\n' {
				i++
			}
			break
		}
		rows = append(rows, Row{Num: num, Cells: cells})
		num++
	}
	return rows, nil
}

// cellEnd finds the end of an unquoted cell starting at i: the next
// separator or line break, or the end of the text.
func cellEnd(s string, i int, delim byte) int {
	for k := i; k < len(s); k++ {
		if c := s[k]; c == delim || c == '\n' || c == '\r' {
			return k
		}
	}
	return len(s)
}

// protect prefixes a cell that a spreadsheet would run as a formula
// (=, +, -, @ first: "+81 3 5232 4111", or a hostile "=HYPERLINK(...)")
// with an apostrophe, Excel's mark for text; unprotect takes it off again
// when the list is read back. A cell that starts with an apostrophe gets
// one more, so that every cell reads back as it was.
func protect(s string) string {
	if s != "" && strings.IndexByte("=+-@'", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// unprotect removes the apostrophe protect adds: one before =, +, -, @ or
// another apostrophe.
func unprotect(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte("=+-@'", s[1]) >= 0 {
		return s[1:]
	}
	return s
}
