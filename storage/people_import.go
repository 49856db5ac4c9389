package storage

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/app"
)

// ErrNoNameColumn is returned by ImportPeople when the mapping fills no
// name field at all.
var ErrNoNameColumn = errors.New("no column gives the participants' names: map a column to the family name, given name, full name or name (native)")

// RowIssue is a row of a list that was rejected, or imported with a
// warning, and why.
type RowIssue struct {
	// Row is the row's number in the source, as a spreadsheet shows it.
	Row    int
	Reason string
}

// String gives the issue as "row 12: reason".
func (r RowIssue) String() string { return fmt.Sprintf("row %d: %s", r.Row, r.Reason) }

// ImportRow is what the import makes of one data row.
type ImportRow struct {
	// Row is the row's number in the source.
	Row int
	// Person is the participant as read from the row. It is added to the
	// meeting only when Rejected is empty; then it has its side, position
	// and agency ID set.
	Person *app.Person
	// Agency is the agency as the row writes it ("MOFA"), AgencyLabel the
	// matched or new agency's abbreviation or name, NewAgency whether the
	// import creates that agency.
	Agency      string
	AgencyLabel string
	NewAgency   bool
	// Rejected says why the row is not imported; empty when it is.
	Rejected string
	// Warnings are caveats of an imported row (an unknown role taken as
	// member, a name kept whole).
	Warnings []string
}

// PeopleImport is what importing a list into one side's delegation would
// do, worked out by ImportPeople without changing the meeting.
type PeopleImport struct {
	// Source names the list in messages.
	Source string
	// Side is the side the participants join.
	Side *app.Side
	// Rows are every data row in file order, imported or not.
	Rows []ImportRow
	// People are the new participants in file order (which is their
	// precedence order after the side's current list); Agencies the new
	// agencies of the side, in order of first use.
	People   []*app.Person
	Agencies []*app.Agency
	// Rejected lists the rows not imported; Warnings the rows imported
	// with a caveat; both in file order.
	Rejected []RowIssue
	Warnings []RowIssue
}

// ImportPeople works out how the table's rows, read through the mapping,
// join the side's delegation. It reads m and changes nothing (so it may
// run on a clone off the UI goroutine): apply Edit() through the document
// to import. It is cheap enough to run again whenever the user changes
// the mapping; each run makes new record IDs.
//
// Row by row, in file order:
//   - cells are trimmed (the biography's free text excepted); names keep
//     their spelling, case and hyphens;
//   - a row with no given, family, full or native-script name is rejected;
//   - a full name (FieldName) is split as SplitName says, and kept whole
//     in the family name with a warning when it cannot be split safely;
//   - a title cell "H.E. Mr" fills the honorific and the courtesy title
//     when there is no honorific cell;
//   - without a "family name first" column, a split name with a native
//     name in Chinese, Japanese or Korean script is written family name
//     first (Japanese official English since 2020, Korean and Chinese
//     names), unless the name itself showed its order;
//   - the role is read by ParseRole; an unknown role is taken as member
//     and the row imported with a warning, since a role is fixed in a
//     moment and a rejected co-chair is not;
//   - a likely duplicate of someone already in the side's delegation
//     (same romanised name in any order and case, or same native-script
//     name), or of an earlier row, is rejected with the reason;
//   - the agency is matched in the side's directory by abbreviation or
//     name, in any case; one not found is created as a new agency of the
//     side (named by the full-name column when there is one; a text like
//     "NISC" or "JPCERT/CC" becomes its abbreviation as well), and later
//     rows share it. Only imported rows create agencies.
func ImportPeople(m *app.Meeting, sideID string, t *Table, mp Mapping) (*PeopleImport, error) {
	side := m.SideByID(sideID)
	if side == nil {
		return nil, fmt.Errorf("%s: no side %q in this meeting", t.Source, sideID)
	}
	if !mp.hasNameField() {
		return nil, &Error{Path: t.Source, Kind: ErrNoNameColumn, Msg: ErrNoNameColumn.Error()}
	}
	imp := &PeopleImport{Source: t.Source, Side: side}
	sideName := side.Label()

	byName := map[string]string{}
	byNative := map[string]string{}
	for _, p := range m.PeopleOf(side.ID) {
		if k := nameKey(p.Given, p.Family); k != "" {
			byName[k] = p.Label()
		}
		if k := nativeKey(p.Native); k != "" {
			byNative[k] = p.Label()
		}
	}
	rowByName := map[string]int{}
	rowByNative := map[string]int{}
	agencies := m.AgenciesOf(side.ID)
	newAgency := map[string]bool{}

	get := func(r Row, f Field) string {
		if c := mp.Column(f); c >= 0 {
			return cleanCell(r.Cell(c))
		}
		return ""
	}
	// The biography's free text is kept exactly as written, white space
	// at the ends included, unless there is nothing but white space.
	getText := func(r Row, f Field) string {
		if c := mp.Column(f); c >= 0 && cleanCell(r.Cell(c)) != "" {
			return r.Cell(c)
		}
		return ""
	}
	for _, r := range t.Rows {
		p := app.NewRecord(app.KindPerson).(*app.Person)
		ir := ImportRow{Row: r.Num, Person: p}
		warn := func(format string, args ...any) { ir.Warnings = append(ir.Warnings, fmt.Sprintf(format, args...)) }

		p.Honorific, p.Courtesy = get(r, FieldHonorific), get(r, FieldCourtesy)
		if p.Honorific == "" {
			if h, rest := cutTitle(p.Courtesy, honorifics); h != "" {
				p.Honorific, p.Courtesy = h, rest
			}
		}
		p.Given, p.Family, p.Native = get(r, FieldGiven), get(r, FieldFamily), get(r, FieldNative)
		var parts NameParts
		if p.Given == "" && p.Family == "" {
			if full := get(r, FieldName); full != "" {
				parts = SplitName(full)
				p.Given, p.Family = parts.Given, parts.Family
				if p.Native == "" {
					p.Native = parts.Native
				}
				if p.Honorific == "" {
					p.Honorific = parts.Honorific
				}
				if p.Courtesy == "" {
					p.Courtesy = parts.Courtesy
				}
				if parts.Whole {
					warn("the name %q was kept whole as the family name: split it into given and family name in the participant's form", full)
				}
			}
		}
		if mp.Column(FieldFamilyFirst) >= 0 {
			p.FamilyFirst = yesNo(get(r, FieldFamilyFirst), FieldFamilyFirst, warn)
		} else if parts.OrderShown {
			p.FamilyFirst = parts.FamilyFirst
		} else if p.Given != "" && p.Family != "" && hasNativeScript(p.Native) {
			p.FamilyFirst = true
		}
		if mp.Column(FieldCapsFamily) >= 0 {
			p.CapsFamily = yesNo(get(r, FieldCapsFamily), FieldCapsFamily, warn)
		} else {
			p.CapsFamily = parts.CapsFamily
		}
		p.Position = get(r, FieldPosition)
		p.Email, p.Phone = get(r, FieldEmail), get(r, FieldPhone)
		p.Bio, p.Education = getText(r, FieldBio), getText(r, FieldEducation)
		p.Career, p.Interests = getText(r, FieldCareer), getText(r, FieldInterests)
		if raw := get(r, FieldRole); raw != "" {
			role, ok := ParseRole(raw)
			if !ok {
				role = app.RoleMember
				warn("role %q is not known: imported as member (the roles are %s)", raw, roleList())
			}
			p.Role = role
		}
		agencyText, agencyName := get(r, FieldAgency), get(r, FieldAgencyName)
		ir.Agency = agencyText
		if ir.Agency == "" {
			ir.Agency = agencyName
		}

		reject := func(format string, args ...any) {
			ir.Rejected = fmt.Sprintf(format, args...)
			ir.Warnings = nil
		}
		nk, vk := nameKey(p.Given, p.Family), nativeKey(p.Native)
		switch {
		case p.Given == "" && p.Family == "" && p.Native == "":
			reject("no name: the row has no family, given, full or native-script name")
		case nk != "" && byName[nk] != "":
			reject("already in the %s delegation as %q (same name): edit that participant instead", sideName, byName[nk])
		case vk != "" && byNative[vk] != "":
			reject("already in the %s delegation as %q (same native-script name %s): edit that participant instead", sideName, byNative[vk], p.Native)
		case nk != "" && rowByName[nk] != 0:
			reject("same person as row %d (same name %q): the list names them twice", rowByName[nk], p.Label())
		case vk != "" && rowByNative[vk] != 0:
			reject("same person as row %d (same native-script name %s): the list names them twice", rowByNative[vk], p.Native)
		}
		if ir.Rejected != "" {
			imp.Rejected = append(imp.Rejected, RowIssue{Row: r.Num, Reason: ir.Rejected})
			imp.Rows = append(imp.Rows, ir)
			continue
		}
		if nk != "" {
			rowByName[nk] = r.Num
		}
		if vk != "" {
			rowByNative[vk] = r.Num
		}

		if ir.Agency != "" {
			a := matchAgency(agencies, agencyText, agencyName)
			if a == nil {
				a = newAgencyFor(side.ID, agencyText, agencyName)
				agencies = append(agencies, a)
				imp.Agencies = append(imp.Agencies, a)
				newAgency[a.ID] = true
			}
			p.Agency = a.ID
			ir.AgencyLabel = a.Label()
			ir.NewAgency = newAgency[a.ID]
		}
		p.Side = side.ID
		imp.People = append(imp.People, p)
		imp.Rows = append(imp.Rows, ir)
		for _, w := range ir.Warnings {
			imp.Warnings = append(imp.Warnings, RowIssue{Row: r.Num, Reason: w})
		}
	}
	placeAfter(m, app.KindPerson, side.ID, len(imp.People), func(i int, pos string) { imp.People[i].Pos = pos })
	placeAfter(m, app.KindAgency, side.ID, len(imp.Agencies), func(i int, pos string) { imp.Agencies[i].Pos = pos })
	return imp, nil
}

// yesNo reads a yes/no cell, warning about text that is neither.
func yesNo(s string, f Field, warn func(string, ...any)) bool {
	yes, ok := parseYesNo(s)
	if !ok {
		warn("%q in the %q column is not yes or no: taken as no", s, f.Label())
	}
	return yes
}

// roleList lists the app's roles for messages.
func roleList() string {
	names := make([]string, len(app.Roles))
	for i, r := range app.Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// placeAfter gives n new records of a kind positions after the last one
// in the container, in order: one key after the last, then n keys that
// extend it, so the keys stay short however many there are.
func placeAfter(m *app.Meeting, k app.Kind, container string, n int, set func(i int, pos string)) {
	if n == 0 {
		return
	}
	base := m.PosAfterLast(k, container)
	for i, s := range app.PosSequence(n) {
		set(i, base+s)
	}
}

// sameText compares two names of an agency: any case, runs of white space
// alike.
func sameText(a, b string) bool {
	return a != "" && b != "" && strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// matchAgency finds the agency a row names in a side's directory: by
// abbreviation, then by name, first with the agency cell, then with the
// full-name cell.
func matchAgency(list []*app.Agency, text, fullName string) *app.Agency {
	for _, want := range []string{text, fullName} {
		for _, a := range list {
			if sameText(a.Abbrev, want) {
				return a
			}
		}
		for _, a := range list {
			if sameText(a.Name, want) {
				return a
			}
		}
	}
	return nil
}

// newAgencyFor makes the agency a row names when the directory lacks it:
// with a full-name cell, that is its name and the agency cell its
// abbreviation; otherwise the agency cell is its name, and its
// abbreviation too when it looks like one.
func newAgencyFor(sideID, text, fullName string) *app.Agency {
	a := app.NewRecord(app.KindAgency).(*app.Agency)
	a.Side = sideID
	switch {
	case fullName != "":
		a.Name, a.Abbrev = fullName, text
	case looksAbbreviated(text):
		a.Name, a.Abbrev = text, text
	default:
		a.Name = text
	}
	return a
}

// looksAbbreviated reports whether an agency text is an abbreviation: one
// word of at most 12 characters with no lower-case letter ("NISC",
// "JPCERT/CC", "PM&C").
func looksAbbreviated(s string) bool {
	if utf8.RuneCountInString(s) > 12 || strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	upper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// Edit is the import as one undoable edit, "Import 12 participants": the
// new agencies, then the new participants. Apply it once, through the
// document.
func (imp *PeopleImport) Edit() app.Edit {
	ops := make([]app.Op, 0, len(imp.Agencies)+len(imp.People))
	for _, a := range imp.Agencies {
		ops = append(ops, app.Add(a))
	}
	for _, p := range imp.People {
		ops = append(ops, app.Add(p))
	}
	return app.Edit{Label: "Import " + app.Count(len(imp.People), "participant"), Ops: ops}
}

// Summary counts what the import does, for a status line or the command
// line: "12 participants; 2 new agencies (NISCC, Cabinet Office); 2 rows
// rejected; 1 row with a warning".
func (imp *PeopleImport) Summary() string {
	parts := []string{app.Count(len(imp.People), "participant")}
	if len(imp.Agencies) > 0 {
		names := make([]string, len(imp.Agencies))
		for i, a := range imp.Agencies {
			names[i] = a.Label()
		}
		parts = append(parts, app.Count(len(imp.Agencies), "new agency")+" ("+strings.Join(names, ", ")+")")
	}
	if len(imp.Rejected) > 0 {
		parts = append(parts, app.Count(len(imp.Rejected), "row")+" rejected")
	}
	if n := warnedRows(imp.Warnings); n > 0 {
		parts = append(parts, app.Count(n, "row")+" with a warning")
	}
	return strings.Join(parts, "; ")
}

// warnedRows counts the distinct rows among warnings.
func warnedRows(w []RowIssue) int {
	n, last := 0, -1
	for _, i := range w {
		if i.Row != last {
			n, last = n+1, i.Row
		}
	}
	return n
}

// PreviewRow is one row of the import as the mapping step shows it.
type PreviewRow struct {
	// Row is the row's number in the source.
	Row int
	// Name is the participant's name as lists display it, with honorific,
	// courtesy title and native-script name: "H.E. Mr Koichi Mizushima
	// (水島光一)".
	Name     string
	Position string
	// Agency is the agency's abbreviation or name as matched, or as
	// written when the row is rejected; NewAgency is set when the import
	// creates it.
	Agency    string
	NewAgency bool
	Role      string
	Email     string
	Phone     string
	// Rejected says why the row is not imported; Warnings are caveats.
	Rejected string
	Warnings []string
}

// Preview returns the first n rows as they will display (every row when n
// < 0), rejected ones included and marked.
func (imp *PeopleImport) Preview(n int) []PreviewRow {
	if n < 0 || n > len(imp.Rows) {
		n = len(imp.Rows)
	}
	out := make([]PreviewRow, n)
	for i, r := range imp.Rows[:n] {
		p := r.Person
		name := p.FormalName()
		if p.Native != "" && p.Native != p.Name() {
			if name == "" {
				name = p.Native
			} else {
				name += " (" + p.Native + ")"
			}
		}
		agency := r.AgencyLabel
		if agency == "" {
			agency = r.Agency
		}
		out[i] = PreviewRow{Row: r.Row, Name: name, Position: p.Position, Agency: agency, NewAgency: r.NewAgency,
			Role: string(p.Role), Email: p.Email, Phone: p.Phone, Rejected: r.Rejected, Warnings: r.Warnings}
	}
	return out
}
