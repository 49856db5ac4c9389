package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// programme shows the programme in time, with a form for the selected item.
type programme struct {
	ed       *Editor
	list     *rowList
	sched    app.Schedule
	items    []*app.Item
	selected string
	dayEnd   *widget.Label
	form     *itemForm
	formBox  *fyne.Container
	empty    *widget.Label
	box      fyne.CanvasObject

	addSub, del, up, down *widget.Button
}

func newProgramme(ed *Editor) *programme {
	p := &programme{ed: ed}
	p.list = newRowList(func() int { return len(p.items) }, p.createRow, p.updateRow, p.deleteSelected)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.items) {
			p.selected = p.items[i].ID
			p.showForm()
		}
	}
	add := widget.NewButtonWithIcon("Add item", theme.ContentAddIcon(), func() { p.addItem(false) })
	p.addSub = widget.NewButtonWithIcon("Add sub-item", theme.ContentAddIcon(), func() { p.addItem(true) })
	p.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), p.deleteSelected)
	p.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.move(-1) })
	p.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.move(1) })
	p.dayEnd = widget.NewLabel("")
	p.dayEnd.Wrapping = fyne.TextWrapWord
	toolbar := container.NewHBox(add, p.addSub, p.del, p.up, p.down)
	p.form = newItemForm(ed)
	p.empty = widget.NewLabel("Select a programme item to edit, or add one.")
	p.formBox = container.NewStack(p.empty)
	header := container.NewBorder(nil, nil, nil, nil, columnHeader())
	left := container.NewBorder(container.NewVBox(toolbar, header), p.dayEnd, nil, nil, p.list)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(p.formBox)))
	split.SetOffset(0.62)
	p.box = container.NewBorder(heading("Programme"), nil, nil, nil, split)
	return p
}

func columnHeader() fyne.CanvasObject {
	l := func(s string) *widget.Label {
		x := widget.NewLabel(s)
		x.TextStyle = fyne.TextStyle{Bold: true}
		return x
	}
	return container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(nil), fixedWidth(l("Time"), 118)), nil, l("Item"))
}

// fixedWidth gives an object a minimum width.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 1))
	return container.NewStack(r, o)
}

func (p *programme) object() fyne.CanvasObject { return p.box }

func (p *programme) createRow() fyne.CanvasObject {
	tm := widget.NewLabel("09:30–10:00")
	title := widget.NewLabel("Opening remarks by the co-chairs")
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewRichText(
		&widget.TextSegment{Style: captionStyle(""), Text: "15 min"},
		&widget.TextSegment{Style: captionStyle(theme.ColorNameError), Text: ""})
	meta.Truncation = fyne.TextTruncateEllipsis
	indent := canvas.NewRectangle(color.Transparent)
	shade := canvas.NewRectangle(color.Transparent)
	mid := container.NewVBox(title, meta)
	content := container.NewBorder(nil, nil, container.NewHBox(fixedWidth(tm, 118), indent), nil, mid)
	return newDragRow(container.NewStack(shade, content), p.dragged)
}

// captionStyle is small inline text in a colour ("" for the text colour).
func captionStyle(c fyne.ThemeColorName) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, ColorName: c}
}

func (p *programme) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.items) {
		return
	}
	it := p.items[i]
	sl, _ := p.sched.Slot(it.ID)
	row := o.(*dragRow)
	row.index = i
	stack := row.content.(*fyne.Container)
	shade := stack.Objects[0].(*canvas.Rectangle)
	content := stack.Objects[1].(*fyne.Container)
	mid := content.Objects[0].(*fyne.Container)
	left := content.Objects[1].(*fyne.Container)
	tm := left.Objects[0].(*fyne.Container).Objects[1].(*widget.Label)
	indent := left.Objects[1].(*canvas.Rectangle)
	indent.SetMinSize(fyne.NewSize(float32(sl.Depth)*24, 1))
	when := app.FormatClock(sl.Start) + "–" + app.FormatClock(sl.End)
	if it.Fixed != "" {
		when = "◆ " + when
	}
	tm.SetText(when)
	mid.Objects[0].(*widget.Label).SetText(itemTitle(it))
	meta := mid.Objects[1].(*widget.RichText)
	meta.Segments[0].(*widget.TextSegment).Text = p.meta(it)
	warn := p.warning(it, sl)
	if warn != "" {
		warn = "  ▲ " + warn
	}
	meta.Segments[1].(*widget.TextSegment).Text = warn
	meta.Refresh()
	if it.Kind.IsPause() {
		shade.FillColor = theme.Color(theme.ColorNameInputBackground)
	} else {
		shade.FillColor = color.Transparent
	}
	shade.Refresh()
}

func itemTitle(it *app.Item) string {
	t := it.Title
	if t == "" {
		t = "(untitled)"
	}
	if it.Kind != app.ItemSession && it.Kind != "" {
		t += "  [" + string(it.Kind) + "]"
	}
	return t
}

// meta is the row's second line: duration, leads, location, triage.
func (p *programme) meta(it *app.Item) string {
	parts := []string{fmt.Sprintf("%d min", it.Minutes)}
	if it.Fixed != "" {
		parts = append(parts, "fixed at "+it.Fixed)
	}
	var leads []string
	for _, id := range it.Leads {
		if r, ok := p.ed.doc.Lookup(id); ok {
			if pp, ok := r.Record.(*app.Person); ok {
				leads = append(leads, pp.Name())
			}
		}
	}
	if len(leads) > 0 {
		parts = append(parts, "leads: "+strings.Join(leads, ", "))
	}
	if it.Location != "" {
		parts = append(parts, it.Location)
	}
	if it.Triage != "" && it.Triage != app.TriageCertain {
		parts = append(parts, string(it.Triage))
	}
	return strings.Join(parts, " · ")
}

// warning says what is wrong with the item's place in time, on the row
// that causes it.
func (p *programme) warning(it *app.Item, sl app.Slot) string {
	var w []string
	if sl.Overlap > 0 {
		if sl.Depth > 0 {
			w = append(w, fmt.Sprintf("runs %d min past the end of its session", sl.Overlap))
		} else {
			next := p.nextFixed(it)
			w = append(w, fmt.Sprintf("runs %d min into %s", sl.Overlap, next))
		}
	}
	if sl.Gap > 0 {
		w = append(w, fmt.Sprintf("%d min gap before this fixed item", sl.Gap))
	}
	return strings.Join(w, "; ")
}

func (p *programme) nextFixed(it *app.Item) string {
	seen := false
	for _, x := range p.items {
		if x.ID == it.ID {
			seen = true
			continue
		}
		if seen && x.Parent == it.Parent && x.Fixed != "" {
			return "“" + x.Title + "” fixed at " + x.Fixed
		}
	}
	return "the fixed item after it"
}

func (p *programme) reset() { p.refresh() }

func (p *programme) refresh() {
	m := p.ed.doc.Meeting()
	p.sched = m.Schedule()
	p.items = append(p.items[:0], m.Items...)
	p.list.Refresh()
	p.dayEnd.SetText(dayEnds(m, p.sched))
	if p.selected == "" && len(p.items) > 0 {
		p.selected = p.items[0].ID
	}
	if i := p.indexOf(p.selected); i >= 0 {
		p.list.Select(i)
		if p.list.Size().Height == 0 {
			// Not laid out yet: Select scrolled as if the list had no height.
			p.list.ScrollToTop()
		}
	} else {
		p.list.UnselectAll()
	}
	p.showForm()
}

// dayEnds says when each day ends against the planned end.
func dayEnds(m *app.Meeting, s app.Schedule) string {
	if len(s.DayEnds) == 0 {
		return "No programme items yet."
	}
	var lines []string
	for day := 0; day <= maxKey(s.DayEnds); day++ {
		end, ok := s.DayEnds[day]
		if !ok {
			continue
		}
		line := fmt.Sprintf("%s ends at %s", dayName(m, day), app.FormatClock(end))
		if s.PlannedEnd >= 0 {
			switch d := end - s.PlannedEnd; {
			case d > 0:
				line += fmt.Sprintf(", %d min after the planned end (%s)", d, m.Details.PlannedEnd)
			case d < 0:
				line += fmt.Sprintf(", %d min before the planned end (%s)", -d, m.Details.PlannedEnd)
			default:
				line += ", on the planned end"
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func maxKey(m map[int]int) int {
	k := 0
	for d := range m {
		k = max(k, d)
	}
	return k
}

// dayName names a meeting day: "Tuesday 2 August" or "Day 2".
func dayName(m *app.Meeting, day int) string {
	if t, err := time.Parse("2006-01-02", m.Details.Start); err == nil {
		return t.AddDate(0, 0, day).Format("Monday 2 January")
	}
	return "Day " + strconv.Itoa(day+1)
}

func (p *programme) indexOf(id string) int {
	for i, it := range p.items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

func (p *programme) showForm() {
	ref, ok := p.ed.doc.Lookup(p.selected)
	if !ok || ref.Kind != app.KindItem {
		p.selected = ""
		p.formBox.Objects = []fyne.CanvasObject{p.empty}
	} else {
		p.form.show(ref.Record.(*app.Item))
		p.formBox.Objects = []fyne.CanvasObject{p.form.box}
	}
	p.formBox.Refresh()
	i := p.indexOf(p.selected)
	has := i >= 0
	setEnabled(p.addSub, has && p.items[i].Parent == "")
	setEnabled(p.del, has)
	setEnabled(p.up, has)
	setEnabled(p.down, has)
}

func (p *programme) changed(e app.Event) {
	if e.Structural() || e.Undo || e.Redo || e.Touches(app.KindPerson) || e.Touches(app.KindDetails) {
		p.refresh()
		return
	}
	if !e.Touches(app.KindItem) {
		return
	}
	// Times may move for every later item: recompute and refresh the rows,
	// keep the form (the user is typing in it).
	m := p.ed.doc.Meeting()
	p.sched = m.Schedule()
	p.list.Refresh()
	p.dayEnd.SetText(dayEnds(m, p.sched))
	p.form.timing()
}

func (p *programme) focus(id, field string) {
	p.selected = id
	p.refresh()
	if i := p.indexOf(id); i >= 0 {
		p.list.ScrollTo(i)
	}
	p.form.focus(field)
}

func (p *programme) addItem(sub bool) {
	m := p.ed.doc.Meeting()
	it := app.NewRecord(app.KindItem).(*app.Item)
	it.Title = "New item"
	it.Triage = app.TriageCertain
	ref, has := p.ed.doc.Lookup(p.selected)
	switch {
	case sub && has:
		parent := ref.Record.(*app.Item)
		it.Parent = parent.ID
		it.Pos = m.PosAfterLast(app.KindItem, parent.ID)
		it.Minutes = 15
		it.Title = "New sub-item"
	case has:
		cur := ref.Record.(*app.Item)
		it.Parent, it.Day = cur.Parent, cur.Day
		it.Pos = m.PosAfter(cur)
	default:
		it.Pos = m.PosAfterLast(app.KindItem, "")
	}
	if p.ed.apply(app.Edit{Label: "Add programme item", Ops: []app.Op{app.Add(it)}}) {
		p.selected = it.ID
		p.refresh()
		p.form.focus("title")
	}
}

func (p *programme) deleteSelected() {
	ref, ok := p.ed.doc.Lookup(p.selected)
	if !ok {
		return
	}
	it := ref.Record.(*app.Item)
	ops, err := p.ed.doc.Meeting().DeleteOps(app.KindItem, it.ID)
	if err != nil {
		p.ed.showError("Cannot delete", err)
		return
	}
	msg := "Delete “" + it.Title + "” and its brief? You can undo this."
	if n := len(ops) - 1; n > 0 {
		msg = fmt.Sprintf("Delete “%s” with its brief, sub-items and background (%d records)? You can undo this.", it.Title, len(ops))
	}
	confirm(p.ed, "Delete programme item", msg, "Delete", func() {
		if p.ed.apply(app.Edit{Label: "Delete programme item", Ops: ops}) {
			p.selected = ""
			p.refresh()
		}
	})
}

func (p *programme) move(by int) {
	ref, ok := p.ed.doc.Lookup(p.selected)
	if !ok {
		return
	}
	p.ed.apply(app.Edit{Label: "Move programme item", Ops: p.ed.doc.Meeting().MoveOps(ref.Record, by)})
}

// dragged moves an item by rows among its siblings (drag and drop).
func (p *programme) dragged(index, by int) {
	if index >= len(p.items) {
		return
	}
	it := p.items[index]
	target := p.items[max(0, min(index+by, len(p.items)-1))]
	m := p.ed.doc.Meeting()
	sib := m.Siblings(it)
	j := -1
	for k, s := range sib {
		if s.Meta().ID == target.ID || (target.Parent != it.Parent && s.Meta().ID == target.Parent) {
			j = k
		}
	}
	if j < 0 {
		return
	}
	p.selected = it.ID
	p.ed.apply(app.Edit{Label: "Move programme item", Ops: m.MoveToOps(it, j)})
}
