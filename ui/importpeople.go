package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app"

	"parley/storage"
)

// importPeopleDialog imports a participant list: pick the file (unless
// given), map its columns with a preview, see the rows that will be
// rejected, and import as one undoable edit.
func (e *Editor) importPeopleDialog(path string) {
	if path != "" {
		e.readPeopleList(path, "")
		return
	}
	e.chooseOpen(storage.PeopleListExtensions, func(p string) { e.readPeopleList(p, "") })
}

// readPeopleList reads the list in the background, then shows the mapping.
func (e *Editor) readPeopleList(path, sheet string) {
	e.background(func() (any, error) {
		return storage.ReadPeople(path, storage.ReadOptions{Sheet: sheet})
	}, func(v any, err error) {
		if err != nil {
			e.showError("Cannot read the participant list", err)
			return
		}
		pi := newPeopleImport(e, path, v.(*storage.Table))
		e.peopleImport = pi
		pi.show()
	})
}

// peopleImport is the mapping-and-preview dialog.
type peopleImport struct {
	ed      *Editor
	path    string
	table   *storage.Table
	mapping storage.Mapping
	sideID  string
	result  *storage.PeopleImport
	err     error

	side     *widget.Select
	sideIDs  []string
	sheet    *widget.Select
	columns  *fyne.Container
	preview  *widget.List
	rows     []storage.PreviewRow
	summary  *widget.Label
	rejected *widget.Label
	importB  *widget.Button
	dlg      *dialog.CustomDialog
}

func newPeopleImport(e *Editor, path string, t *storage.Table) *peopleImport {
	pi := &peopleImport{ed: e, path: path, table: t, mapping: t.GuessMapping()}
	m := e.doc.Meeting()
	pi.sideID = e.views["delegations"].(*delegations).sideID
	var labels []string
	for _, s := range m.Sides {
		labels = append(labels, s.Label())
		pi.sideIDs = append(pi.sideIDs, s.ID)
	}
	pi.side = widget.NewSelect(labels, func(string) {
		if i := pi.side.SelectedIndex(); i >= 0 {
			pi.sideID = pi.sideIDs[i]
			pi.recompute()
		}
	})
	pi.sheet = widget.NewSelect(t.Sheets, func(s string) {
		if s != pi.table.Sheet && pi.dlg != nil {
			pi.dlg.Hide()
			pi.ed.readPeopleList(pi.path, s)
		}
	})
	pi.sheet.Selected = t.Sheet
	pi.columns = container.NewVBox()
	pi.preview = widget.NewList(func() int { return len(pi.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("row 12: " + templateName + " · Ambassador · MOFA · co-chair")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(pi.rows) {
				o.(*widget.Label).SetText(previewLine(pi.rows[i]))
			}
		})
	pi.summary = widget.NewLabel("")
	pi.summary.Wrapping = fyne.TextWrapWord
	pi.rejected = widget.NewLabel("")
	pi.rejected.Wrapping = fyne.TextWrapWord
	pi.rejected.Importance = widget.DangerImportance
	return pi
}

func previewLine(r storage.PreviewRow) string {
	line := previewText(r)
	return strings.Join(strings.Fields(line), " ")
}

func previewText(r storage.PreviewRow) string {
	parts := []string{fmt.Sprintf("row %d:", r.Row)}
	name := r.Name
	if name == "" {
		name = "(no name)"
	}
	parts = append(parts, name)
	var more []string
	for _, s := range []string{r.Position, agencyText(r), r.Role} {
		if s != "" {
			more = append(more, s)
		}
	}
	line := strings.Join(parts, " ")
	if len(more) > 0 {
		line += " · " + strings.Join(more, " · ")
	}
	if r.Rejected != "" {
		line = "✘ " + line + " — rejected: " + r.Rejected
	} else if len(r.Warnings) > 0 {
		line = "! " + line + " — " + strings.Join(r.Warnings, "; ")
	}
	return line
}

func agencyText(r storage.PreviewRow) string {
	if r.NewAgency && r.Agency != "" {
		return r.Agency + " (new agency)"
	}
	return r.Agency
}

func (pi *peopleImport) show() {
	if i := indexOfString(pi.sideIDs, pi.sideID); i >= 0 {
		pi.side.SetSelected(pi.side.Options[i])
	}
	pi.buildColumns()
	pi.recompute()
	top := widget.NewForm(widget.NewFormItem("Into the delegation of", pi.side))
	if len(pi.table.Sheets) > 1 {
		top.Append("Sheet", pi.sheet)
	}
	source := widget.NewLabel(fmt.Sprintf("%s: %s, headings on row %d", filepath.Base(pi.path), app.Count(len(pi.table.Rows), "row"), pi.table.HeaderRow))
	left := container.NewBorder(container.NewVBox(heading("Columns"), widget.NewLabel("Choose what each column holds.")), nil, nil, nil,
		container.NewVScroll(pi.columns))
	rejected := container.NewVScroll(pi.rejected)
	rejected.SetMinSize(fyne.NewSize(100, 110))
	right := container.NewBorder(container.NewVBox(heading("Preview"), pi.summary), rejected, nil, nil, pi.preview)
	split := container.NewHSplit(left, right)
	split.SetOffset(0.36)
	content := container.NewBorder(container.NewVBox(source, top), nil, nil, nil, split)
	cancel := widget.NewButton("Cancel", func() { pi.dlg.Hide() })
	pi.importB = widget.NewButton("Import", pi.apply)
	pi.importB.Importance = widget.HighImportance
	pi.dlg = dialog.NewCustomWithoutButtons("Import participants", content, pi.ed.win)
	pi.dlg.SetButtons([]fyne.CanvasObject{cancel, pi.importB})
	pi.dlg.Resize(fyne.NewSize(1100, 640))
	pi.refreshButtons()
	pi.dlg.Show()
}

// buildColumns shows one drop-down per column of the list.
func (pi *peopleImport) buildColumns() {
	labels := []string{storage.Field("").Label()}
	for _, f := range storage.Fields {
		labels = append(labels, f.Label())
	}
	pi.columns.Objects = nil
	for col := 0; col < pi.table.Columns(); col++ {
		col := col
		sel := widget.NewSelect(labels, nil)
		sel.SetSelected(pi.mapping.FieldOf(col).Label())
		sel.OnChanged = func(string) {
			f := storage.Field("")
			if i := sel.SelectedIndex(); i > 0 {
				f = storage.Fields[i-1]
			}
			pi.mapping.Assign(col, f)
			pi.buildColumns() // a field moved from another column shows there too
			pi.recompute()
		}
		sample := ""
		for _, r := range pi.table.Rows[:min(3, len(pi.table.Rows))] {
			if c := strings.TrimSpace(r.Cell(col)); c != "" {
				sample = c
				break
			}
		}
		name := widget.NewLabel(storage.ColumnLetter(col) + "  " + pi.table.ColumnName(col))
		name.Truncation = fyne.TextTruncateEllipsis
		hint := widget.NewLabel(strings.Join(strings.Fields(sample), " "))
		hint.Truncation = fyne.TextTruncateEllipsis
		hint.SizeName = "captionText"
		pi.columns.Add(container.NewVBox(container.NewGridWithColumns(2, name, sel), hint))
	}
	pi.columns.Refresh()
}

// recompute works out the import again for the current choices.
func (pi *peopleImport) recompute() {
	pi.result, pi.err = storage.ImportPeople(pi.ed.doc.Meeting(), pi.sideID, pi.table, pi.mapping)
	pi.rows = nil
	pi.rejected.SetText("")
	if pi.err != nil {
		pi.summary.SetText(pi.err.Error())
	} else {
		pi.rows = pi.result.Preview(len(pi.table.Rows))
		pi.ed.coverAll(pi.table)
		pi.summary.SetText(pi.result.Summary())
		var lines []string
		for _, r := range pi.result.Rejected {
			lines = append(lines, filepath.Base(pi.path)+":"+r.String())
		}
		if len(lines) > 0 {
			pi.rejected.SetText("Rejected rows:\n" + strings.Join(lines, "\n"))
		}
	}
	pi.preview.Refresh()
	pi.refreshButtons()
}

func (pi *peopleImport) refreshButtons() {
	if pi.importB == nil {
		return
	}
	ok := pi.err == nil && pi.result != nil && len(pi.result.People) > 0
	setEnabled(pi.importB, ok)
	if ok {
		pi.importB.SetText("Import " + app.Count(len(pi.result.People), "participant"))
	} else {
		pi.importB.SetText("Import")
	}
}

// apply adds the people as one undoable edit.
func (pi *peopleImport) apply() {
	if pi.result == nil || len(pi.result.People) == 0 {
		return
	}
	if pi.ed.apply(pi.result.Edit()) {
		pi.dlg.Hide()
		d := pi.ed.views["delegations"].(*delegations)
		d.sideID = pi.sideID
		d.selected = pi.result.People[0].ID
		pi.ed.showView("delegations")
		d.refresh()
	}
}

// exportPeopleDialog writes a side's list to CSV.
func (e *Editor) exportPeopleDialog(sideID string) {
	side := e.doc.Meeting().SideByID(sideID)
	if side == nil {
		return
	}
	e.chooseSave(side.Label()+" delegation.csv", ".csv", func(path string) {
		if err := storage.WritePeopleCSV(path, e.doc.Meeting(), sideID); err != nil {
			e.showError("Cannot export the participant list", err)
			return
		}
		e.prefs.setLastFolder(filepath.Dir(path))
	})
}
