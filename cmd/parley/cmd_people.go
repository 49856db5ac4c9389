package main

import (
	"fmt"
	"io"

	"parley/app"
	"parley/storage"
)

const (
	importPeopleUsage = "import-people FILE.parley --side SIDE PEOPLE.csv|PEOPLE.xlsx [-o OUT.parley] [--sheet NAME]"
	exportPeopleUsage = "export-people FILE.parley --side SIDE -o OUT.csv"
)

func init() {
	register("import-people", command{
		summary: "add a side's participants from a CSV or Excel list (rejected rows on stderr)",
		usage:   importPeopleUsage, run: cmdImportPeople})
	register("export-people", command{
		summary: "write a side's participants to CSV, in precedence order",
		usage:   exportPeopleUsage, run: cmdExportPeople})
}

// cmdImportPeople imports a participant list with the guessed column
// mapping, as the window's import dialog does before the user changes
// anything. Rejected rows and warnings go to stderr as "LIST:ROW: reason",
// the summary to stdout. Nothing imported is a failure (exit 1), and then
// nothing is written.
func cmdImportPeople(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import-people", importPeopleUsage, stderr)
	sideFlag := fs.String("side", "", "the side whose delegation the participants join (code, short name or name)")
	out := fs.String("o", "", "write the meeting here instead of over FILE.parley")
	sheet := fs.String("sheet", "", "the workbook sheet to read (default: the first one holding data)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		return usageError(stderr, importPeopleUsage, "name the meeting file and the participant list")
	}
	if *sideFlag == "" {
		return usageError(stderr, importPeopleUsage, "say which side the participants join with --side")
	}
	path, list := pos[0], pos[1]
	m, _, code := loadMeeting(path, stderr)
	if code != exitOK {
		return code
	}
	side, err := findSide(m, *sideFlag)
	if err != nil {
		return usageError(stderr, importPeopleUsage, "--side: %v", err)
	}
	t, err := storage.ReadPeople(list, storage.ReadOptions{Sheet: *sheet})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBad
	}
	imp, err := storage.ImportPeople(m, side.ID, t, t.GuessMapping())
	if err != nil {
		fmt.Fprintf(stderr, "%v (the columns are: %s)\n", err, columnList(t))
		return exitBad
	}
	for _, r := range imp.Rows {
		if r.Rejected != "" {
			fmt.Fprintf(stderr, "%s:%d: %s\n", list, r.Row, r.Rejected)
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(stderr, "%s:%d: warning: %s\n", list, r.Row, w)
		}
	}
	if len(imp.People) == 0 {
		fmt.Fprintf(stderr, "%s: nothing imported: no row of the list could be imported into %s; %s not changed\n",
			list, side.Label(), path)
		return exitBad
	}
	doc := app.NewDocument(m)
	if err := doc.Apply(imp.Edit()); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		return exitBad
	}
	dest := path
	if *out != "" {
		dest = *out
	}
	storage.CarryPassphrase(dest, path)
	if err := storage.Save(dest, doc.Meeting()); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBad
	}
	fmt.Fprintf(stdout, "%s: imported into %s from %s: %s\n", dest, side.Label(), list, imp.Summary())
	return exitOK
}

// columnList names a list's columns for a message.
func columnList(t *storage.Table) string {
	s := ""
	for i := 0; i < t.Columns(); i++ {
		if i > 0 {
			s += ", "
		}
		s += storage.ColumnLetter(i) + " " + fmt.Sprintf("%q", t.ColumnName(i))
	}
	if s == "" {
		return "none"
	}
	return s
}

// cmdExportPeople writes a side's participants to CSV.
func cmdExportPeople(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export-people", exportPeopleUsage, stderr)
	sideFlag := fs.String("side", "", "the side whose participants to write (code, short name or name)")
	out := fs.String("o", "", "where to write the CSV file")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(stderr, exportPeopleUsage, "name one meeting file")
	}
	if *sideFlag == "" {
		return usageError(stderr, exportPeopleUsage, "say whose participants to write with --side")
	}
	if *out == "" {
		return usageError(stderr, exportPeopleUsage, "say where to write the list with -o OUT.csv")
	}
	m, _, code := loadMeeting(pos[0], stderr)
	if code != exitOK {
		return code
	}
	side, err := findSide(m, *sideFlag)
	if err != nil {
		return usageError(stderr, exportPeopleUsage, "--side: %v", err)
	}
	if err := storage.WritePeopleCSV(*out, m, side.ID); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBad
	}
	n := len(m.PeopleOf(side.ID))
	noun := "participants"
	if n == 1 {
		noun = "participant"
	}
	fmt.Fprintf(stdout, "%s: %d %s of %s\n", *out, n, noun, side.Label())
	return exitOK
}
