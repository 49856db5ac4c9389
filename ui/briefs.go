package ui

import (
	"fmt"

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
	b.form = container.NewVBox(b.title, b.triageNote, form,
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
		}
	}
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
