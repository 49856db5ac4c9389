package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// briefs edits the brief of each programme item.
type briefs struct {
	ed       *Editor
	list     *widget.List
	items    []*app.Item
	selected string

	title                                       *widget.Label
	triageNote                                  *widget.Label
	objectives, points, theirs, response, press *fieldEntry
	pointsMeter                                 *widget.Label
	marking                                     *markingEditor
	background                                  *fyne.Container
	bgIDs                                       []string
	form, formBox                               *fyne.Container
	empty                                       *widget.Label
	box                                         fyne.CanvasObject
	// lastTime shows, collapsed, the item's brief as it stood at the
	// series' last meeting, for the writer to pull from.
	lastTime *widget.Accordion
}

func newBriefs(ed *Editor) *briefs {
	b := &briefs{ed: ed}
	b.list = widget.NewList(func() int { return len(b.items) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("Item title")
			t.Truncation = fyne.TextTruncateEllipsis
			// The chip is laid out at the template's width: the widest word.
			chip := newChip()
			chip.SetText("possible")
			return container.NewBorder(nil, nil, nil, chip, t)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(b.items) {
				return
			}
			it := b.items[i]
			c := o.(*fyne.Container)
			prefix := ""
			if it.Parent != "" {
				prefix = "    "
			}
			c.Objects[0].(*widget.Label).SetText(prefix + it.Title)
			chip := c.Objects[1].(*widget.Label)
			chip.SetText(briefChip(it))
			if it.Triage == app.TriageUnlikely {
				chip.Importance = widget.WarningImportance
			} else {
				chip.Importance = widget.LowImportance
			}
			chip.Refresh()
		})
	b.list.OnSelected = func(i widget.ListItemID) {
		if i < len(b.items) {
			b.selected = b.items[i].ID
			b.showForm()
		}
	}
	b.title = heading("")
	b.title.Wrapping = fyne.TextWrapWord
	b.triageNote = widget.NewLabel("")
	b.triageNote.Wrapping = fyne.TextWrapWord
	b.triageNote.Importance = widget.WarningImportance
	b.objectives = newFieldEntry(ed, "our objectives", true)
	b.points = newFieldEntry(ed, "points to make", true)
	b.points.changedHook = func(string) { b.meter() }
	b.pointsMeter = widget.NewLabel("")
	b.theirs = newFieldEntry(ed, "their objectives", true)
	b.response = newFieldEntry(ed, "our response", true)
	b.press = newFieldEntry(ed, "press line", true)
	b.marking = newMarkingEditor(ed, "As the meeting")
	b.background = container.NewVBox()
	addBg := widget.NewButtonWithIcon("Add background paragraph", theme.ContentAddIcon(), b.addBackground)
	form := widget.NewForm(
		widget.NewFormItem("Our objectives", b.objectives),
		widget.NewFormItem("Points to make", container.NewVBox(b.points, b.pointsMeter)),
		widget.NewFormItem("Their objectives", b.theirs),
		widget.NewFormItem("Our response", b.response),
		widget.NewFormItem("Press line", b.press),
		widget.NewFormItem("Classification", b.marking.object()),
	)
	b.lastTime = widget.NewAccordion()
	b.form = container.NewVBox(b.title, b.triageNote, b.lastTime, form,
		container.NewHBox(heading("Background"), layout.NewSpacer(), addBg), b.background)
	b.empty = widget.NewLabel("Select a programme item to write its brief.")
	b.formBox = container.NewStack(b.empty)
	split := container.NewHSplit(b.list, container.NewVScroll(container.NewPadded(b.formBox)))
	split.SetOffset(0.28)
	b.box = container.NewBorder(heading("Briefs"), nil, nil, nil, split)
	return b
}

func briefChip(it *app.Item) string {
	switch {
	case it.Kind.IsPause():
		return string(it.Kind)
	case it.Triage == "":
		return "certain"
	}
	return string(it.Triage)
}

func (b *briefs) object() fyne.CanvasObject { return b.box }

func (b *briefs) reset() {
	m := b.ed.doc.Meeting()
	b.items = append(b.items[:0], m.Items...)
	b.list.Refresh()
	if b.selected == "" && len(b.items) > 0 {
		b.selected = b.items[0].ID
	}
	if i := b.indexOf(b.selected); i >= 0 {
		b.list.Select(i)
	} else {
		b.selected = ""
		b.list.UnselectAll()
	}
	b.showForm()
}

func (b *briefs) indexOf(id string) int {
	for i, it := range b.items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

func (b *briefs) item() *app.Item {
	if r, ok := b.ed.doc.Lookup(b.selected); ok {
		if it, ok := r.Record.(*app.Item); ok {
			return it
		}
	}
	return nil
}

func (b *briefs) showForm() {
	it := b.item()
	if it == nil {
		b.formBox.Objects = []fyne.CanvasObject{b.empty}
		b.formBox.Refresh()
		return
	}
	bind := func(f string) binding { return binding{app.KindItem, it.ID, f} }
	b.title.SetText(itemTitle(it))
	b.triageNote.SetText("")
	b.triageNote.Hide()
	if it.Triage == app.TriageUnlikely {
		b.triageNote.SetText("Unlikely to be raised: the briefing pack prints defensive lines only (our response and the press line).")
		b.triageNote.Show()
	}
	b.objectives.bind(bind("objectives"), it.Objectives)
	b.points.bind(bind("points"), it.Points)
	b.theirs.bind(bind("theirObjectives"), it.TheirObjectives)
	b.response.bind(bind("response"), it.Response)
	b.press.bind(bind("pressLine"), it.PressLine)
	b.marking.bind(bind("marking"), it.Marking)
	b.meter()
	b.buildBackground(it)
	b.buildLastTime(it)
	b.formBox.Objects = []fyne.CanvasObject{b.form}
	b.formBox.Refresh()
}

// meter shows how much of an A4 side the points to make fill.
func (b *briefs) meter() {
	lines := app.EstimateA4Lines(b.points.Text)
	pct := lines * 100 / app.A4Lines
	if lines > app.A4Lines {
		b.pointsMeter.SetText(fmt.Sprintf("About %d%% of an A4 side: longer than one side, shorten the points to make.", pct))
		b.pointsMeter.Importance = widget.DangerImportance
	} else {
		b.pointsMeter.SetText(fmt.Sprintf("About %d%% of an A4 side.", pct))
		b.pointsMeter.Importance = widget.LowImportance
	}
	b.pointsMeter.Refresh()
}

func (b *briefs) buildBackground(it *app.Item) {
	m := b.ed.doc.Meeting()
	b.background.Objects = nil
	b.bgIDs = nil
	var paras []*app.Background
	for _, bg := range m.Background {
		if bg.Item == it.ID {
			paras = append(paras, bg)
		}
	}
	for i, bg := range paras {
		bg := bg
		bind := func(f string) binding { return binding{app.KindBackground, bg.ID, f} }
		text := newFieldEntry(b.ed, "background", true)
		text.bind(bind("text"), bg.Text)
		nfd := newFieldCheck(b.ed, "Not for disclosure", "Change not-for-disclosure")
		nfd.bind(bind("nfd"), bg.NotForDisclosure)
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
			b.ed.apply(app.Edit{Label: "Move background paragraph", Ops: b.ed.doc.Meeting().MoveOps(bg, -1)})
		})
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
			b.ed.apply(app.Edit{Label: "Move background paragraph", Ops: b.ed.doc.Meeting().MoveOps(bg, 1)})
		})
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			ops, err := b.ed.doc.Meeting().DeleteOps(app.KindBackground, bg.ID)
			if err == nil {
				b.ed.apply(app.Edit{Label: "Delete background paragraph", Ops: ops})
			}
		})
		setEnabled(up, i > 0)
		setEnabled(down, i < len(paras)-1)
		label := widget.NewLabel(fmt.Sprintf("%d.", i+1))
		tools := container.NewHBox(nfd.Check, layout.NewSpacer(), up, down, del)
		b.background.Add(container.NewBorder(nil, tools, label, nil, text))
		b.bgIDs = append(b.bgIDs, bg.ID)
	}
	if len(paras) == 0 {
		b.background.Add(widget.NewLabel("No background yet. Mark paragraphs that must not be disclosed: the pack flags them and can leave them out."))
	}
	b.background.Refresh()
}

// buildLastTime fills the collapsed "Last time" section: each field of
// the last meeting's brief with a button that pulls it into this one
// (after what is written already), as one undoable edit.
func (b *briefs) buildLastTime(it *app.Item) {
	open := len(b.lastTime.Items) > 0 && b.lastTime.Items[0].Open
	b.lastTime.Items = nil
	lt := it.LastTime
	if lt == nil {
		b.lastTime.Hide()
		b.lastTime.Refresh()
		return
	}
	box := container.NewVBox()
	id := it.ID
	for _, f := range []struct{ label, field, last, now string }{
		{"Our objectives", "objectives", lt.Objectives, it.Objectives},
		{"Points to make", "points", lt.Points, it.Points},
		{"Their objectives", "theirObjectives", lt.TheirObjectives, it.TheirObjectives},
		{"Our response", "response", lt.Response, it.Response},
		{"Press line", "pressLine", lt.PressLine, it.PressLine},
	} {
		if strings.TrimSpace(f.last) == "" {
			continue
		}
		text := widget.NewLabel(f.last)
		text.Wrapping = fyne.TextWrapWord
		use := widget.NewButtonWithIcon("Use", theme.ContentPasteIcon(), func() {
			b.ed.apply(app.Edit{Label: "Use last time's " + strings.ToLower(f.label),
				Ops: []app.Op{app.Set(app.KindItem, id, f.field, pullText(b.currentText(f.field), f.last))}})
		})
		box.Add(container.NewBorder(nil, nil, nil, use, lastTimeLabel(f.label)))
		box.Add(text)
	}
	for _, bg := range lt.Background {
		text := widget.NewLabel(bg.Text)
		text.Wrapping = fyne.TextWrapWord
		title := "Background"
		if bg.NotForDisclosure {
			title += " (not for disclosure)"
		}
		use := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() {
			nb := app.NewRecord(app.KindBackground).(*app.Background)
			nb.Item, nb.Text, nb.NotForDisclosure = id, bg.Text, bg.NotForDisclosure
			nb.Pos = b.ed.doc.Meeting().PosAfterLast(app.KindBackground, id)
			b.ed.apply(app.Edit{Label: "Add last time's background paragraph", Ops: []app.Op{app.Add(nb)}})
		})
		box.Add(container.NewBorder(nil, nil, nil, use, lastTimeLabel(title)))
		box.Add(text)
	}
	title := "Last time: " + lt.Meeting
	if lt.Date != "" {
		title += ", " + lt.Date
	}
	if len(box.Objects) == 0 {
		box.Add(widget.NewLabel("The brief was empty."))
	}
	b.lastTime.Append(widget.NewAccordionItem(title, box))
	if open {
		b.lastTime.Open(0)
	}
	b.lastTime.Show()
	b.lastTime.Refresh()
}

// lastTimeLabel names a field of last time's brief.
func lastTimeLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// currentText is the selected item's brief field as it stands.
func (b *briefs) currentText(field string) string {
	if it := b.item(); it != nil {
		if v, err := app.GetField(it, field); err == nil {
			s, _ := v.(string)
			return s
		}
	}
	return ""
}

// pullText adds last time's text after what is written already, unless it
// is there already.
func pullText(now, last string) string {
	switch {
	case strings.TrimSpace(now) == "":
		return last
	case strings.Contains(now, last):
		return now
	}
	return strings.TrimRight(now, "\n") + "\n\n" + last
}

func (b *briefs) addBackground() {
	it := b.item()
	if it == nil {
		return
	}
	bg := app.NewRecord(app.KindBackground).(*app.Background)
	bg.Item = it.ID
	bg.Pos = b.ed.doc.Meeting().PosAfterLast(app.KindBackground, it.ID)
	b.ed.apply(app.Edit{Label: "Add background paragraph", Ops: []app.Op{app.Add(bg)}})
}

func (b *briefs) changed(e app.Event) {
	if e.Undo || e.Redo || (e.Structural() && (e.Touches(app.KindItem) || e.Touches(app.KindBackground))) {
		b.reset()
		return
	}
	for _, c := range e.Changes {
		if c.Kind == app.KindItem {
			if i := b.indexOf(c.ID); i >= 0 {
				b.list.RefreshItem(i)
			}
			if c.ID == b.selected && (c.Field == "title" || c.Field == "triage") {
				it := b.item()
				b.title.SetText(itemTitle(it))
				b.triageNote.Hidden = it.Triage != app.TriageUnlikely
				b.triageNote.SetText("Unlikely to be raised: the briefing pack prints defensive lines only (our response and the press line).")
			}
			if e := b.entryFor(c.Field); e != nil && c.ID == b.selected {
				e.load(b.currentText(c.Field)) // pulled from last time, or undone: typing leaves it as it is
			}
		}
	}
}

// entryFor is the form's entry for a brief's text field.
func (b *briefs) entryFor(field string) *fieldEntry {
	switch field {
	case "objectives":
		return b.objectives
	case "points":
		return b.points
	case "theirObjectives":
		return b.theirs
	case "response":
		return b.response
	case "pressLine":
		return b.press
	}
	return nil
}

func (b *briefs) focus(id, field string) {
	ref, ok := b.ed.doc.Lookup(id)
	if !ok {
		return
	}
	if bg, ok := ref.Record.(*app.Background); ok {
		id = bg.Item
	}
	b.selected = id
	b.reset()
	if i := b.indexOf(id); i >= 0 {
		b.list.ScrollTo(i)
	}
	c := b.ed.win.Canvas()
	switch field {
	case "points":
		c.Focus(b.points)
	case "theirObjectives":
		c.Focus(b.theirs)
	case "response":
		c.Focus(b.response)
	case "pressLine":
		c.Focus(b.press)
	default:
		c.Focus(b.objectives)
	}
}
