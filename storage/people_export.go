package storage

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"

	"parley/app"
)

// ExportFields are the export's columns, in order: every participant
// field, with the agency as its abbreviation and its full name beside it
// (an agency without an abbreviation leaves the first empty). Each heading is the field's Label, which
// GuessMapping maps back without help.
var ExportFields = []Field{FieldHonorific, FieldCourtesy, FieldGiven, FieldFamily, FieldNative,
	FieldFamilyFirst, FieldCapsFamily, FieldPosition, FieldAgency, FieldAgencyName, FieldRole,
	FieldEmail, FieldPhone, FieldBio, FieldEducation, FieldCareer, FieldInterests}

// ExportPeople writes a side's participants to w as CSV, in precedence
// order: UTF-8 with a byte order mark (so that Excel opens names in 漢字
// and 한글 right), a header row, comma separated, CRLF line ends. Cells
// that Excel would run as a formula ("+81 3 ...", "=...") get Excel's text
// mark, an apostrophe, which ReadPeople takes off again.
func ExportPeople(w io.Writer, m *app.Meeting, sideID string) error {
	if m.SideByID(sideID) == nil {
		return fmt.Errorf("no side %q in this meeting", sideID)
	}
	agencies := map[string]*app.Agency{}
	for _, a := range m.AgenciesOf(sideID) {
		agencies[a.ID] = a
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(ExportFields))
	for i, f := range ExportFields {
		header[i] = f.Label()
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return ""
	}
	for _, p := range m.PeopleOf(sideID) {
		var abbrev, name string
		if a := agencies[p.Agency]; a != nil {
			abbrev, name = a.Abbrev, a.Name
		}
		row := make([]string, len(ExportFields))
		for i, f := range ExportFields {
			var v string
			switch f {
			case FieldAgency:
				v = abbrev
			case FieldAgencyName:
				v = name
			default:
				// The other fields are the person's own, by the same names.
				switch x, _ := app.GetField(p, string(f)); x := x.(type) {
				case bool:
					v = yes(x)
				default:
					v = fmt.Sprint(x)
				}
			}
			row[i] = protect(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WritePeopleCSV exports a side's participants (ExportPeople) to a file,
// atomically.
func WritePeopleCSV(path string, m *app.Meeting, sideID string) error {
	var buf bytes.Buffer
	if err := ExportPeople(&buf, m, sideID); err != nil {
		return &Error{Path: path, Msg: err.Error()}
	}
	if err := WriteAtomic(path, buf.Bytes()); err != nil {
		return &Error{Path: path, Kind: err, Msg: "cannot write the list: " + err.Error() + ": check the folder exists and you may write to it"}
	}
	return nil
}
