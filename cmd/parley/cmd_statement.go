package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"parley/app"
	"parley/app/docx"
	"parley/storage"
)

func init() {
	register("import-statement", command{summary: "import a draft statement from a Word document (.docx), plain text or Markdown (exit 1: parts not understood, imported all the same)",
		usage: importStatementUsage, run: cmdImportStatement})
	register("statement", command{summary: "print the statement (or a draft) as numbered plain text, or write it as a Word document (-o OUT.docx)",
		usage: statementUsage, run: cmdStatement})
	register("diff", command{summary: "print the redline between two drafts, or a draft and the current text; -o OUT.docx writes it as Word tracked changes",
		usage: diffUsage, run: cmdDiff})
	register("agreed", command{summary: "search the agreed language in the meeting files of a folder",
		usage: "agreed FOLDER [WORDS...]", run: cmdAgreed})
}

// today is the date a draft is saved with when none is given (a variable
// for tests).
var today = func() string { return time.Now().Format("2006-01-02") }

const (
	importStatementUsage = "import-statement FILE.parley DRAFT.docx|DRAFT.txt [-o OUT.parley] [--side CODE] [--replace] [--no-draft] [--label TEXT] [--date YYYY-MM-DD]"
	statementUsage       = "statement FILE.parley [--draft N] [-o OUT.docx|OUT.txt] [--side CODE] [--joint] [--paper a4|letter] [--clean]"
	diffUsage            = "diff FILE.parley [--from N] [--to M|current] [--changes] [-o OUT.docx|OUT.txt] [--paper a4|letter]"
)

// isWord reports whether a path names a word-processor document: the
// output is Word by its extension.
func isWord(path string) bool { return storage.IsWordFile(path) }

func cmdImportStatement(args []string, stdout, stderr io.Writer) int {
	const usage = importStatementUsage
	fs := newFlags("import-statement", usage, stderr)
	out := fs.String("o", "", "write the meeting here instead of replacing FILE.parley")
	sideFlag := fs.String("side", "", "the side the draft comes from (code or name): its brackets and alternatives are recorded as proposed by it, and the draft is saved as received from it")
	replace := fs.Bool("replace", false, "replace the statement's paragraphs (without it, a statement that has paragraphs is left alone)")
	noDraft := fs.Bool("no-draft", false, "do not save the imported text as a numbered draft")
	label := fs.String("label", "", "the saved draft's label (default: \"Imported from DRAFT.txt\")")
	date := fs.String("date", "", "the saved draft's date, YYYY-MM-DD (default: today)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		return usageError(stderr, usage, "name the meeting file and the draft text file")
	}
	path, draftPath := pos[0], pos[1]
	m, _, code := loadMeeting(path, stderr)
	if code != exitOK {
		return code
	}
	side, err := findSide(m, *sideFlag)
	if err != nil {
		return usageError(stderr, usage, "--side: %v", err)
	}
	sideID := ""
	if side != nil {
		sideID = side.ID
	}
	d, err := storage.ReadDraft(m, draftPath, sideID)
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "%s: not imported: the meeting is unchanged\n", path)
		return exitBad
	}
	for _, p := range d.Problems {
		if p.Where != "" {
			fmt.Fprintf(stderr, "%s: %s: %s\n", draftPath, p.Where, p.What)
		} else {
			fmt.Fprintf(stderr, "%s:%d: %s\n", draftPath, p.Line, p.What)
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintf(stderr, "%s: %s: %s\n", draftPath, n.Where, n.What)
	}
	doc := app.NewDocument(m)
	if err := doc.Do(doc.Meeting().ImportDraftEdit(d, *replace)); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		if errors.Is(err, app.ErrRule) {
			fmt.Fprintln(stderr, "parley: add --replace to replace the statement's paragraphs with the draft")
			return exitRefused
		}
		return exitBad
	}
	saved := 0
	if !*noDraft {
		dir := app.DirInternal
		if side != nil {
			dir = app.DirReceived
		}
		if *label == "" {
			*label = "Imported from " + filepath.Base(draftPath)
		}
		if *date == "" {
			*date = today()
		}
		saved = doc.Meeting().NextDraftNumber()
		if err := doc.Do(doc.Meeting().SaveDraftEdit(*label, *date, dir, sideID)); err != nil {
			return usageError(stderr, usage, "%v", err)
		}
	}
	target := path
	if *out != "" {
		target = *out
	}
	storage.CarryPassphrase(target, path)
	if err := storage.Save(target, doc.Meeting()); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBad
	}
	numbered := 0
	for _, p := range d.Paragraphs {
		if p.Kind == app.ParaOperative && p.Level == 0 && p.AltOf == "" {
			numbered++
		}
	}
	fmt.Fprintf(stdout, "%s: imported %d paragraphs (%d numbered) from %s", target, len(d.Paragraphs), numbered, draftPath)
	if saved > 0 {
		fmt.Fprintf(stdout, "; saved as draft %d", saved)
	}
	fmt.Fprintln(stdout)
	if len(d.Problems) > 0 {
		unit := "line(s)"
		if d.Problems[0].Where != "" {
			unit = "part(s) of the document"
		}
		fmt.Fprintf(stderr, "%s: %d %s not understood cleanly: imported as shown above; check those paragraphs\n", draftPath, len(d.Problems), unit)
		return exitBad
	}
	return exitOK
}

func cmdStatement(args []string, stdout, stderr io.Writer) int {
	const usage = statementUsage
	fs := newFlags("statement", usage, stderr)
	draft := fs.Int("draft", 0, "print this numbered draft instead of the current text")
	out := fs.String("o", "", "write here instead of printing: a Word document when it ends in .docx, else plain text")
	sideFlag := fs.String("side", "", "Word: whose copy (code or name): its signature column first (default: our side)")
	joint := fs.Bool("joint", false, "Word: a jointly issued text, the host side's signature column first")
	paper := fs.String("paper", "a4", "Word: paper size, a4 or letter")
	clean := fs.Bool("clean", false, "the agreed text without brackets or drafting notes: refused (exit 3) while anything is open")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(stderr, usage, "name one meeting file")
	}
	m, _, code := loadMeeting(pos[0], stderr)
	if code != exitOK {
		return code
	}
	if *draft != 0 && m.DraftByNumber(*draft) == nil {
		fmt.Fprintf(stderr, "%s: there is no draft %d%s\n", pos[0], *draft, draftList(m))
		return exitBad
	}
	o := docx.StatementOptions{Draft: *draft, Joint: *joint, Paper: *paper, Clean: *clean}
	if *sideFlag != "" {
		s, err := findSide(m, *sideFlag)
		if err != nil {
			return usageError(stderr, usage, "--side: %v", err)
		}
		o.Side = s.ID
	}
	sm, err := m.AtDraft(*draft)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", pos[0], err)
		return exitBad
	}
	var data []byte
	if *out != "" && isWord(*out) {
		if !strings.EqualFold(filepath.Ext(*out), ".docx") {
			return usageError(stderr, usage, "-o: Parley writes Word documents as .docx (not %s)", filepath.Ext(*out))
		}
		data, err = docx.Statement(m, o)
	} else if *clean && len(sm.OpenItems()) > 0 {
		err = &app.RefusedError{What: "clean statement", Open: sm.OpenItems()}
	} else {
		data = []byte(sm.FormatStatement(sm.Statement.Title, sm.Paragraphs))
	}
	if err != nil {
		var refused *app.RefusedError
		if errors.As(err, &refused) {
			fmt.Fprintf(stderr, "%s: clean statement refused: %d open item(s); resolve them or write a draft:\n", pos[0], len(refused.Open))
			for _, it := range refused.Open {
				fmt.Fprintf(stderr, "%s: %s\n", pos[0], it)
			}
			return exitRefused
		}
		return usageError(stderr, usage, "%v", err)
	}
	return writeOut(*out, data, stdout, stderr)
}

// writeOut writes data to path atomically, or to standard output when no
// path is given.
func writeOut(path string, data []byte, stdout, stderr io.Writer) int {
	if path == "" {
		stdout.Write(data)
		return exitOK
	}
	if err := storage.WriteAtomic(path, data); err != nil {
		fmt.Fprintf(stderr, "%s: cannot write: %v\n", path, err)
		return exitBad
	}
	return exitOK
}

func draftList(m *app.Meeting) string {
	if len(m.Versions) == 0 {
		return " (no drafts have been saved)"
	}
	var ns []string
	for _, v := range m.Versions {
		ns = append(ns, strconv.Itoa(v.Number))
	}
	return " (the drafts are " + strings.Join(ns, ", ") + ")"
}

// parseDraftNumber reads a --from or --to value: a draft number, or
// "current" (0) for the current text.
func parseDraftNumber(s string) (int, error) {
	if strings.EqualFold(s, "current") {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a draft number (or \"current\")", s)
	}
	return n, nil
}

func cmdDiff(args []string, stdout, stderr io.Writer) int {
	const usage = diffUsage
	fs := newFlags("diff", usage, stderr)
	fromFlag := fs.String("from", "", "the earlier draft's number (default: the draft before --to)")
	toFlag := fs.String("to", "current", "the later draft's number, or current for the current text")
	changes := fs.Bool("changes", false, "print only the paragraphs that changed")
	out := fs.String("o", "", "write here instead of printing: Word tracked changes when it ends in .docx (each change by the side that made it), else plain text")
	paper := fs.String("paper", "a4", "Word: paper size, a4 or letter")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(stderr, usage, "name one meeting file")
	}
	to, err := parseDraftNumber(*toFlag)
	if err != nil {
		return usageError(stderr, usage, "--to: %v", err)
	}
	m, _, code := loadMeeting(pos[0], stderr)
	if code != exitOK {
		return code
	}
	from := -1
	if *fromFlag != "" {
		if from, err = parseDraftNumber(*fromFlag); err != nil {
			return usageError(stderr, usage, "--from: %v", err)
		}
	} else {
		// The draft before --to: the latest one when comparing with the current text.
		for _, v := range m.Versions {
			if to == 0 || v.Number < to {
				from = max(from, v.Number)
			}
		}
		if from < 0 {
			fmt.Fprintf(stderr, "%s: there is no draft before %s to compare with%s: name one with --from\n", pos[0], toName(to), draftList(m))
			return exitBad
		}
	}
	r, err := m.Redline(from, to)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", pos[0], err)
		return exitBad
	}
	if *out != "" && isWord(*out) {
		if !strings.EqualFold(filepath.Ext(*out), ".docx") {
			return usageError(stderr, usage, "-o: Parley writes Word documents as .docx (not %s)", filepath.Ext(*out))
		}
		data, err := docx.Redline(m, r, docx.RedlineOptions{Paper: *paper})
		if err != nil {
			return usageError(stderr, usage, "%v", err)
		}
		return writeOut(*out, data, stdout, stderr)
	}
	var b bytes.Buffer
	if err := r.WriteText(&b, *changes); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBad
	}
	return writeOut(*out, b.Bytes(), stdout, stderr)
}

func toName(n int) string {
	if n == 0 {
		return "the current text"
	}
	return "draft " + strconv.Itoa(n)
}

func cmdAgreed(args []string, stdout, stderr io.Writer) int {
	const usage = "agreed FOLDER [WORDS...]"
	fs := newFlags("agreed", usage, stderr)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) < 1 {
		return usageError(stderr, usage, "name the folder of earlier meetings to search")
	}
	matches, problems := storage.SearchAgreed(pos[0], strings.Join(pos[1:], " "))
	for _, p := range problems {
		fmt.Fprintf(stderr, "%v (skipped)\n", p)
	}
	for _, mt := range matches {
		s := mt.Source
		fmt.Fprintf(stdout, "%s: %s, %s, paragraph %s", s.File, s.Meeting, s.Date, s.Number)
		if mt.Marked {
			fmt.Fprint(stdout, " (agreed language)")
		}
		text := mt.Paragraph.Text.Plain()
		if mt.Paragraph.LeadIn != "" {
			text = "**" + mt.Paragraph.LeadIn + "**" + app.LeadInGap(text) + text
		}
		fmt.Fprintf(stdout, "\n    %s\n", text)
	}
	if len(matches) == 0 {
		fmt.Fprintln(stderr, "no agreed language found")
	}
	if len(problems) > 0 {
		return exitBad
	}
	return exitOK
}
