package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/app/docx"
	"parley/app/pack"
	"parley/storage"
)

// exportForm is File > Export Briefing Pack…: whose copy, which sections
// in which order, draft or final, paper, and the rest of the pack's
// options; then the file, then the export in the background.
type exportForm struct {
	ed *Editor

	side     *widget.Select
	sideIDs  []string
	sides    *widget.Select // the order of the sides (app.SideOrders)
	format   *widget.RadioGroup
	paper    *widget.RadioGroup
	mode     *widget.RadioGroup
	lines    *widget.Check
	strip    *widget.Check
	marking  *plainEntry
	banner   *widget.Label
	version  *widget.Entry
	date     *widget.Entry
	changes  *widget.Select
	drafts   []int
	sections *widget.List
	order    []pack.Section
	on       map[pack.Section]bool
	selected int
	dlg      *dialog.CustomDialog
}

const (
	modeDraft = "Draft: brackets, alternatives and states shown"
	modeFinal = "Final: refused while anything is still open"

	packPDF  = "PDF"
	packWord = "Word document (.docx): the text, to restyle"
)

func (e *Editor) exportDialog() {
	f := &exportForm{ed: e, on: map[pack.Section]bool{}, selected: -1}
	m := e.doc.Meeting()
	var labels []string
	for _, s := range m.Sides {
		labels = append(labels, s.Label()+"'s copy")
		f.sideIDs = append(f.sideIDs, s.ID)
	}
	f.side = widget.NewSelect(labels, func(string) { f.preview() })
	want := e.app.Preferences().String(prefExportSide)
	if m.SideByID(want) == nil {
		want = m.Details.OurSide
	}
	if i := indexOfString(f.sideIDs, want); i >= 0 {
		f.side.SetSelected(labels[i])
	} else if len(labels) > 0 {
		f.side.SetSelected(labels[0])
	}
	var orders []string
	for _, o := range app.SideOrders {
		text := o.Describe()
		if o == app.OrderAuto {
			text = "customary: " + app.OrderOwnFirst.Describe()
			if m.Multilateral() {
				text = "customary: " + app.OrderAlphabetical.Describe()
			}
		}
		orders = append(orders, text)
	}
	f.sides = widget.NewSelect(orders, nil)
	f.sides.SetSelectedIndex(0)
	f.paper = widget.NewRadioGroup([]string{"A4", "US Letter"}, nil)
	f.paper.Horizontal = true
	f.paper.SetSelected("A4")
	f.changes = widget.NewSelect(nil, func(string) { f.preview() })
	draftTexts := []string{"(not included)"}
	f.drafts = []int{0}
	for _, v := range m.Versions {
		t := fmt.Sprintf("draft %d", v.Number)
		if v.Label != "" {
			t += ": " + v.Label
		}
		if v.Date != "" {
			t += " (" + v.Date + ")"
		}
		draftTexts = append(draftTexts, t)
		f.drafts = append(f.drafts, v.Number)
	}
	f.changes.Options = draftTexts
	f.changes.SetSelectedIndex(0)
	f.mode = widget.NewRadioGroup([]string{modeDraft, modeFinal}, func(s string) {
		// A final pack carries no drafting history.
		if s == modeFinal {
			f.changes.SetSelectedIndex(0)
			f.changes.Disable()
		} else if f.format == nil || f.format.Selected != packWord {
			f.changes.Enable()
		}
	})
	f.mode.SetSelected(modeDraft)
	f.lines = widget.NewCheck("Number the lines of the statement", nil)
	f.format = widget.NewRadioGroup([]string{packPDF, packWord}, func(s string) {
		// The Word pack has no line numbers and no redline (Export as
		// Word in the drafts pane writes that as tracked changes).
		if s == packWord {
			f.lines.SetChecked(false)
			f.lines.Disable()
			f.changes.SetSelectedIndex(0)
			f.changes.Disable()
		} else {
			f.lines.Enable()
			if f.mode.Selected != modeFinal {
				f.changes.Enable()
			}
		}
	})
	f.format.Horizontal = true
	f.format.SetSelected(packPDF)
	f.strip = widget.NewCheck("Leave out background marked not for disclosure", nil)
	f.marking = newPlainEntry(f.ed, false)
	f.marking.SetPlaceHolder("as computed (override, such as PROTECTED//AUSTEO)")
	f.marking.OnChanged = func(string) { f.preview() }
	f.banner = widget.NewLabel("")
	f.banner.TextStyle = fyne.TextStyle{Bold: true}
	f.version = widget.NewEntry()
	f.version.SetPlaceHolder("the latest draft's number")
	f.date = widget.NewEntry()
	f.date.SetPlaceHolder("the latest draft's date (YYYY-MM-DD)")
	f.order = slices.Clone(pack.Sections)
	for _, s := range f.order {
		f.on[s] = true
	}
	f.sections = widget.NewList(func() int { return len(f.order) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, widget.NewLabel("Logistics and programme"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			s := f.order[i]
			row.Objects[0].(*widget.Label).SetText(s.Title())
			c := row.Objects[1].(*widget.Check)
			c.OnChanged = nil
			c.SetChecked(f.on[s])
			c.OnChanged = func(v bool) { f.on[s] = v; f.preview() }
		})
	f.sections.OnSelected = func(i widget.ListItemID) { f.selected = i }
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.move(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.move(1) })
	sectionBox := container.NewBorder(nil, container.NewHBox(up, down, widget.NewLabel("Select a section's name to move it")), nil, nil, f.sections)
	form := widget.NewForm(
		widget.NewFormItem("Whose copy", f.side),
		widget.NewFormItem("Order of the sides", f.sides),
		widget.NewFormItem("Format", f.format),
		widget.NewFormItem("Mode", f.mode),
		widget.NewFormItem("Paper", f.paper),
		widget.NewFormItem("Statement", f.lines),
		widget.NewFormItem("Changes since", f.changes),
		widget.NewFormItem("Background", f.strip),
		widget.NewFormItem("Classification", f.marking),
		widget.NewFormItem("", f.banner),
		widget.NewFormItem("Version", f.version),
		widget.NewFormItem("Date", f.date),
	)
	sized := container.NewGridWrap(fyne.NewSize(320, 380), sectionBox)
	content := container.NewBorder(nil, nil, nil, container.NewVBox(heading("Sections"), sized), form)
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	export := widget.NewButton("Export…", f.chooseFile)
	export.Importance = widget.HighImportance
	f.dlg = dialog.NewCustomWithoutButtons("Export Briefing Pack", content, e.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, export})
	f.dlg.Resize(fyne.NewSize(1040, 520))
	e.exportForm = f
	f.preview()
	f.dlg.Show()
}

func (f *exportForm) move(by int) {
	i, j := f.selected, f.selected+by
	if i < 0 || j < 0 || j >= len(f.order) {
		return
	}
	f.order[i], f.order[j] = f.order[j], f.order[i]
	f.selected = j
	f.sections.Refresh()
	f.sections.Select(j)
}

// options gathers the choices.
func (f *exportForm) options() pack.Options {
	o := pack.Options{Final: f.mode.Selected == modeFinal, LineNumbers: f.lines.Checked,
		StripNotForDisclosure: f.strip.Checked, Version: strings.TrimSpace(f.version.Text), Date: strings.TrimSpace(f.date.Text)}
	if i := f.side.SelectedIndex(); i >= 0 {
		o.Side = f.sideIDs[i]
	}
	if i := f.sides.SelectedIndex(); i >= 0 {
		o.SideOrder = app.SideOrders[i]
	}
	if f.paper.Selected == "US Letter" {
		o.Paper = pack.Letter
	} else {
		o.Paper = pack.A4
	}
	for _, s := range f.order {
		if f.on[s] {
			o.Sections = append(o.Sections, s)
		}
	}
	if i := f.changes.SelectedIndex(); i > 0 {
		o.ChangesSince = f.drafts[i]
	}
	if t := strings.TrimSpace(f.marking.Text); t != "" {
		scheme := f.ed.doc.Meeting().Details.Marking.Scheme
		mk := app.ParseMarking(t, scheme)
		o.Marking = &mk
	}
	return o
}

// preview shows the banner the pack will carry.
func (f *exportForm) preview() {
	if f.banner == nil {
		return
	}
	mk := pack.Marking(f.ed.doc.Meeting(), f.options())
	text := mk.Banner()
	if text == "" {
		text = "no classification banner (the meeting has no marking)"
	}
	f.banner.SetText("Banner: " + text)
	if mk.IsRed() {
		f.banner.Importance = widget.DangerImportance
	} else {
		f.banner.Importance = widget.MediumImportance
	}
	f.banner.Refresh()
}

// chooseFile asks where to write the PDF, then exports.
func (f *exportForm) chooseFile() {
	o := f.options()
	if len(o.Sections) == 0 {
		f.ed.showError("Nothing to export", errors.New("choose at least one section"))
		return
	}
	e := f.ed
	if f.format.Selected == packWord {
		name := strings.TrimSuffix(packFileName(e.doc.Meeting(), o), ".pdf") + ".docx"
		e.chooseSave(name, ".docx", func(path string) {
			f.dlg.Hide()
			e.app.Preferences().SetString(prefExportSide, o.Side)
			m := e.doc.Meeting().Clone()
			e.writeInBackground("briefing pack", path, func() ([]byte, error) { return docx.Pack(m, wordPackOptions(o)) })
		})
		return
	}
	e.chooseSave(packFileName(e.doc.Meeting(), o), ".pdf", func(path string) {
		f.dlg.Hide()
		e.app.Preferences().SetString(prefExportSide, o.Side)
		e.exportTo(path, o)
	})
}

// wordPackOptions are the Word pack's options for the PDF's.
func wordPackOptions(o pack.Options) docx.PackOptions {
	wo := docx.PackOptions{Side: o.Side, SideOrder: o.SideOrder, Final: o.Final, Paper: o.Paper, StripNotForDisclosure: o.StripNotForDisclosure,
		Marking: o.Marking, Version: o.Version, Date: o.Date}
	for _, s := range o.Sections {
		if s != pack.Contents && s != pack.Changes {
			wo.Sections = append(wo.Sections, string(s))
		}
	}
	return wo
}

// packFileName proposes "2nd Australia-Japan Cyber Policy Dialogue brief.pdf".
func packFileName(m *app.Meeting, o pack.Options) string {
	name := suggestFileName(&app.Meeting{Details: m.Details, Sides: m.PerspectiveIn(o.Side, o.SideOrder).Sides})
	kind := "brief"
	if o.Final {
		kind = "brief final"
	}
	return name + " " + kind + ".pdf"
}

// exportTo renders the pack in the background with a progress bar and a
// way to cancel, writes it, and offers to open it.
func (e *Editor) exportTo(path string, o pack.Options) {
	m := e.doc.Meeting().Clone()
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	var prog *dialog.CustomDialog
	stop := widget.NewButton("Cancel", func() { cancel() })
	prog = dialog.NewCustomWithoutButtons("Exporting "+filepath.Base(path), container.NewVBox(widget.NewLabel("Laying out the pages…"), bar), e.win)
	prog.SetButtons([]fyne.CanvasObject{stop})
	prog.Resize(fyne.NewSize(460, 140))
	prog.Show()
	progress := func(done, total int) {
		if total > 0 {
			v := float64(done) / float64(total)
			fyne.Do(func() { bar.SetValue(v) })
		}
	}
	e.background(func() (any, error) {
		data, err := pack.Render(ctx, m, o, progress)
		if err != nil {
			return nil, err
		}
		return len(data), storage.WriteAtomic(path, data)
	}, func(v any, err error) {
		cancel()
		prog.Hide()
		var refused *pack.FinalRefusedError
		switch {
		case errors.Is(err, context.Canceled):
			return
		case errors.As(err, &refused):
			e.showError("Final pack refused", err)
			return
		case err != nil:
			e.showError("Cannot export the briefing pack", fmt.Errorf("%s: %w", path, err))
			return
		}
		e.exported(path, v.(int))
	})
}

// exported says where the pack went, with buttons to open it and its folder.
func (e *Editor) exported(path string, size int) { e.exportedAs("Briefing pack exported", path, size) }

// exportedAs says where an exported file went, with buttons to open it
// and its folder.
func (e *Editor) exportedAs(title, path string, size int) {
	e.lastExport = path
	msg := widget.NewLabel(fmt.Sprintf("Wrote %s (%d KB).", path, (size+1023)/1024))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	openLabel := "Open Document"
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		openLabel = "Open PDF"
	}
	open := widget.NewButton(openLabel, func() { e.openLocal(path); d.Hide() })
	open.Importance = widget.HighImportance
	folder := widget.NewButton("Show in Folder", func() { e.openLocal(filepath.Dir(path)); d.Hide() })
	closeB := widget.NewButton("Close", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, msg, e.win)
	d.SetButtons([]fyne.CanvasObject{closeB, folder, open})
	d.Resize(fyne.NewSize(560, 160))
	d.Show()
}

// openLocal opens a file or folder with the system's default application.
func (e *Editor) openLocal(path string) {
	u := &url.URL{Scheme: "file", Path: path}
	if err := e.app.OpenURL(u); err != nil {
		e.showError("Cannot open", fmt.Errorf("%s: %w", path, err))
	}
}
