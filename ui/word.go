package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/app/docx"
	"parley/storage"
)

// The statement in and out of the Word world: File > Import Statement
// Draft… (also by dropping a .docx, .txt or .md file on the window), File >
// Export Statement… (Word or plain text), and the drafts pane's "Redline
// as Word…" that writes the redline shown as tracked changes. Reading and
// writing run in the background; the import is applied through the
// document as one edit (and the saved draft as another).

// importStatementDialog imports a draft statement: pick the file (unless
// given), read it, then show what it holds before importing.
func (e *Editor) importStatementDialog(path string) {
	if path != "" {
		e.readStatementDraft(path, e.otherSide())
		return
	}
	e.chooseOpen(storage.DraftExtensions, func(p string) { e.readStatementDraft(p, e.otherSide()) })
}

// otherSide is the side a draft most likely comes from: the first side
// that is not ours.
func (e *Editor) otherSide() string {
	m := e.doc.Meeting()
	for _, s := range m.Perspective("").Sides {
		if s.ID != m.Details.OurSide {
			return s.ID
		}
	}
	return ""
}

// readStatementDraft reads the draft in the background, then shows it.
func (e *Editor) readStatementDraft(path, side string) {
	m := e.doc.Meeting().Clone()
	e.background(func() (any, error) {
		return storage.ReadDraft(m, path, side)
	}, func(v any, err error) {
		if err != nil {
			e.showError("Cannot import the draft statement", fmt.Errorf("%w\nThe meeting is unchanged.", err))
			return
		}
		if si := e.statementImport; si != nil && si.path == path && si.open {
			si.update(v.(*app.ParsedDraft), side)
			return
		}
		si := &statementImport{ed: e, path: path}
		e.statementImport = si
		si.show(v.(*app.ParsedDraft), side)
	})
}

// statementImport is the dialog that shows a draft read from a file: its
// paragraphs, what was not understood, whose it is and whether to save it
// as a numbered draft.
type statementImport struct {
	ed      *Editor
	path    string
	d       *app.ParsedDraft
	sideID  string
	side    *widget.Select
	sideIDs []string
	summary *widget.Label
	issues  *widget.Label
	save    *widget.Check
	label   *widget.Entry
	dlg     *dialog.CustomDialog
	busy    bool
	open    bool // the dialog is on screen
}

func (si *statementImport) show(d *app.ParsedDraft, side string) {
	e := si.ed
	m := e.doc.Meeting()
	labels := []string{"no side (our own text)"}
	si.sideIDs = []string{""}
	for _, s := range m.Perspective("").Sides {
		labels = append(labels, s.Label())
		si.sideIDs = append(si.sideIDs, s.ID)
	}
	si.side = widget.NewSelect(labels, func(string) {
		i := si.side.SelectedIndex()
		if i < 0 || si.busy || si.sideIDs[i] == si.sideID {
			return
		}
		// Brackets the draft does not attribute are the chosen side's:
		// read it again.
		e.readStatementDraft(si.path, si.sideIDs[i])
	})
	si.summary = widget.NewLabel("")
	si.summary.Wrapping = fyne.TextWrapWord
	si.issues = widget.NewLabel("")
	si.issues.Wrapping = fyne.TextWrapWord
	si.save = widget.NewCheck("", nil)
	si.save.SetChecked(true)
	si.label = widget.NewEntry()
	si.label.SetText("Imported from " + filepath.Base(si.path))
	form := widget.NewForm(
		widget.NewFormItem("The draft comes from", si.side),
		widget.NewFormItem("Save as a draft", container.NewBorder(nil, nil, si.save, nil, si.label)),
	)
	scroll := container.NewVScroll(si.issues)
	scroll.SetMinSize(fyne.NewSize(640, 220))
	content := container.NewBorder(container.NewVBox(si.summary, form), nil, nil, nil, scroll)
	cancel := widget.NewButton("Cancel", func() { si.dlg.Hide() })
	imp := widget.NewButton("Import", si.apply)
	imp.Importance = widget.HighImportance
	si.dlg = dialog.NewCustomWithoutButtons("Import Statement Draft", content, e.win)
	si.dlg.SetButtons([]fyne.CanvasObject{cancel, imp})
	si.dlg.Resize(fyne.NewSize(760, 520))
	si.dlg.SetOnClosed(func() { si.open = false })
	si.update(d, side)
	si.open = true
	si.dlg.Show()
}

// update shows a draft as read for a side.
func (si *statementImport) update(d *app.ParsedDraft, side string) {
	e := si.ed
	m := e.doc.Meeting()
	si.d, si.sideID = d, side
	si.busy = true
	si.side.SetSelectedIndex(max(indexOfString(si.sideIDs, side), 0))
	si.busy = false
	numbered := 0
	for _, p := range d.Paragraphs {
		if p.Kind == app.ParaOperative && p.Level == 0 && p.AltOf == "" {
			numbered++
		}
	}
	s := fmt.Sprintf("%s: %s (%d numbered)", filepath.Base(si.path), app.Count(len(d.Paragraphs), "paragraph"), numbered)
	if d.Title != "" {
		s += ", titled \"" + d.Title + "\""
	}
	s += "."
	if n := len(m.Paragraphs); n > 0 {
		s += fmt.Sprintf(" It replaces the statement's %s; paragraphs with the same text keep their state and history. Undo takes it back.", app.Count(n, "paragraph"))
	}
	si.summary.SetText(s)
	var lines []string
	if len(d.Problems) == 0 {
		lines = append(lines, "Everything in the draft was understood.")
	} else {
		lines = append(lines, fmt.Sprintf("%s not understood cleanly, imported as far as it goes; check these paragraphs:", app.Count(len(d.Problems), "part")))
	}
	for _, p := range d.Problems {
		lines = append(lines, "• "+p.String())
	}
	for _, n := range d.Notes {
		lines = append(lines, "• "+n.String())
	}
	text := strings.Join(lines, "\n")
	e.cover(s, text)
	si.issues.SetText(text)
	dir := "internal"
	if sd := m.SideByID(side); sd != nil {
		dir = "received from " + sd.Label()
	}
	si.save.SetText(fmt.Sprintf("draft %d, %s:", m.NextDraftNumber(), dir))
}

// apply imports the draft and saves it as a numbered draft.
func (si *statementImport) apply() {
	e := si.ed
	m := e.doc.Meeting()
	if err := e.doc.Do(m.ImportDraftEdit(si.d, true)); err != nil {
		e.showError("Cannot import the draft statement", err)
		return
	}
	if si.save.Checked {
		dir := app.DirInternal
		if si.sideID != "" {
			dir = app.DirReceived
		}
		if err := e.doc.Do(m.SaveDraftEdit(si.label.Text, time.Now().Format("2006-01-02"), dir, si.sideID)); err != nil {
			e.showError("Imported, but cannot save it as a draft", err)
		}
	}
	si.dlg.Hide()
	e.showView("statement")
}

// statementExport is File > Export Statement…: which text, as Word or
// plain text, whose copy, paper and whether clean.
type statementExport struct {
	ed     *Editor
	text   *widget.Select
	drafts []int
	format *widget.RadioGroup
	copyOf *widget.Select
	copyID []string // side IDs; "joint" for a jointly issued text
	paper  *widget.RadioGroup
	clean  *widget.Check
	dlg    *dialog.CustomDialog
}

const (
	formatWord = "Word document (.docx)"
	formatText = "Plain text (.txt)"
)

func (e *Editor) exportStatementDialog() {
	m := e.doc.Meeting()
	f := &statementExport{ed: e}
	texts := []string{"Current text"}
	f.drafts = []int{0}
	for _, v := range m.Versions {
		texts = append(texts, choiceName(m, v.Number))
		f.drafts = append(f.drafts, v.Number)
	}
	f.text = widget.NewSelect(texts, nil)
	f.text.SetSelectedIndex(0)
	f.format = widget.NewRadioGroup([]string{formatWord, formatText}, nil)
	f.format.SetSelected(formatWord)
	var copies []string
	for _, s := range m.Perspective("").Sides {
		copies = append(copies, s.Label()+"'s copy")
		f.copyID = append(f.copyID, s.ID)
	}
	copies = append(copies, "Jointly issued (the host first)")
	f.copyID = append(f.copyID, "joint")
	f.copyOf = widget.NewSelect(copies, nil)
	f.copyOf.SetSelectedIndex(0)
	f.paper = widget.NewRadioGroup([]string{"A4", "US Letter"}, nil)
	f.paper.Horizontal = true
	f.paper.SetSelected("A4")
	f.clean = widget.NewCheck("Clean: the agreed text, no brackets (refused while anything is open)", nil)
	form := widget.NewForm(
		widget.NewFormItem("Text", f.text),
		widget.NewFormItem("Format", f.format),
		widget.NewFormItem("Signatures", f.copyOf),
		widget.NewFormItem("Paper", f.paper),
		widget.NewFormItem("", f.clean),
	)
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	export := widget.NewButton("Export…", f.chooseFile)
	export.Importance = widget.HighImportance
	f.dlg = dialog.NewCustomWithoutButtons("Export Statement", form, e.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, export})
	f.dlg.Resize(fyne.NewSize(640, 360))
	e.statementExport = f
	f.dlg.Show()
}

// options gathers the choices.
func (f *statementExport) options() docx.StatementOptions {
	o := docx.StatementOptions{Clean: f.clean.Checked, Paper: "a4"}
	if i := f.text.SelectedIndex(); i > 0 {
		o.Draft = f.drafts[i]
	}
	if i := f.copyOf.SelectedIndex(); i >= 0 {
		if f.copyID[i] == "joint" {
			o.Joint = true
		} else {
			o.Side = f.copyID[i]
		}
	}
	if f.paper.Selected == "US Letter" {
		o.Paper = "letter"
	}
	return o
}

// chooseFile asks where to write, then writes in the background.
func (f *statementExport) chooseFile() {
	e := f.ed
	o := f.options()
	word := f.format.Selected == formatWord
	ext := ".txt"
	if word {
		ext = ".docx"
	}
	m := e.doc.Meeting()
	name := suggestFileName(m) + " statement"
	if o.Draft != 0 {
		name += fmt.Sprintf(" draft %d", o.Draft)
	}
	e.chooseSave(name+ext, ext, func(path string) {
		f.dlg.Hide()
		f.exportTo(path, word)
	})
}

// exportTo writes the statement to path, as Word or plain text.
func (f *statementExport) exportTo(path string, word bool) {
	o := f.options()
	mc := f.ed.doc.Meeting().Clone()
	f.ed.writeInBackground("statement", path, func() ([]byte, error) {
		if word {
			return docx.Statement(mc, o)
		}
		sm, err := mc.AtDraft(o.Draft)
		if err != nil {
			return nil, err
		}
		if open := sm.OpenItems(); o.Clean && len(open) > 0 {
			return nil, &app.RefusedError{What: "clean statement", Open: open}
		}
		return []byte(sm.FormatStatement(sm.Statement.Title, sm.Paragraphs)), nil
	})
}

// exportRedlineWord writes the redline the drafts pane shows as Word
// tracked changes.
func (d *draftsPane) exportRedlineWord() {
	e := d.s.ed
	m := e.doc.Meeting()
	if len(m.Versions) == 0 || d.fromN == d.toN || d.fromN < 0 {
		e.showError("Nothing to export", errors.New("choose two different texts to compare first"))
		return
	}
	from, to := d.fromN, d.toN
	name := fmt.Sprintf("%s changes %s to %s.docx", suggestFileName(m), strings.ToLower(choiceName(m, from)), strings.ToLower(choiceName(m, to)))
	name = strings.NewReplacer("/", "-", "·", "-", ":", "").Replace(name)
	e.chooseSave(name, ".docx", func(path string) { d.exportRedlineTo(path, from, to) })
}

// exportRedlineTo writes the redline from text a to text b as Word
// tracked changes.
func (d *draftsPane) exportRedlineTo(path string, a, b int) {
	mc := d.s.ed.doc.Meeting().Clone()
	d.s.ed.writeInBackground("redline", path, func() ([]byte, error) {
		r, err := mc.Redline(a, b)
		if err != nil {
			return nil, err
		}
		return docx.Redline(mc, r, docx.RedlineOptions{})
	})
}

// writeInBackground makes a file's bytes off the window's goroutine,
// writes them atomically, and says where they went.
func (e *Editor) writeInBackground(what, path string, make func() ([]byte, error)) {
	e.background(func() (any, error) {
		data, err := make()
		if err != nil {
			return nil, err
		}
		return len(data), storage.WriteAtomic(path, data)
	}, func(v any, err error) {
		var refused *app.RefusedError
		switch {
		case errors.As(err, &refused):
			e.showError(capital(refused.What)+" refused", err)
		case err != nil:
			e.showError("Cannot export the "+what, fmt.Errorf("%s: %w", path, err))
		default:
			e.exportedAs(capital(what)+" exported", path, v.(int))
		}
	})
}

// capital capitalises the first letter of a phrase.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
