package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// draftsPane lists the statement's numbered drafts, saves new ones and
// compares any two texts (two drafts, or a draft and the current text) in
// a redline.
type draftsPane struct {
	s        *statementView
	list     *widget.List
	versions []*app.Version // newest first
	selected string         // version ID

	from, to     *widget.Select
	choices      []int // draft numbers behind the selects' options; 0 is the current text
	changesOnly  *widget.Check
	red          *redlineView
	fromN, toN   int
	stale        bool
	loading      bool
	box          fyne.CanvasObject
	lastSaveForm *saveDraftForm
}

func newDraftsPane(s *statementView) *draftsPane {
	d := &draftsPane{s: s, red: newRedlineView()}
	d.list = widget.NewList(func() int { return len(d.versions) },
		func() fyne.CanvasObject {
			top := widget.NewLabel("Draft 10 · Australian comments")
			top.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("received from Japan · 2016-07-22")
			sub.SizeName = theme.SizeNameCaptionText
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(top, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(d.versions) {
				return
			}
			v := d.versions[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(draftTitle(v))
			box.Objects[1].(*widget.Label).SetText(d.draftDetail(v))
		})
	d.list.OnSelected = func(i widget.ListItemID) {
		if i < len(d.versions) && d.versions[i].ID != d.selected {
			v := d.versions[i]
			d.selected = v.ID
			// Compare the chosen draft with what came after it: the
			// current text.
			d.compare(v.Number, 0)
		}
	}
	save := widget.NewButtonWithIcon("Save draft…", theme.DocumentSaveIcon(), d.saveDialog)
	d.from = widget.NewSelect(nil, func(string) { d.picked() })
	d.to = widget.NewSelect(nil, func(string) { d.picked() })
	d.changesOnly = widget.NewCheck("Only changes", func(bool) { d.redraw() })
	word := widget.NewButtonWithIcon("Redline as Word…", theme.DocumentIcon(), d.exportRedlineWord)
	compare := container.NewBorder(nil, nil, widget.NewLabel("Compare"), d.changesOnly,
		container.NewGridWithColumns(2, d.from, container.NewBorder(nil, nil, widget.NewLabel("with"), nil, d.to)))
	left := container.NewBorder(container.NewVBox(save, word), nil, nil, nil, d.list)
	split := container.NewHSplit(left, container.NewBorder(compare, nil, nil, nil, d.red.object()))
	split.SetOffset(0.26)
	d.box = split
	return d
}

func (d *draftsPane) object() fyne.CanvasObject { return d.box }

func draftTitle(v *app.Version) string {
	t := fmt.Sprintf("Draft %d", v.Number)
	if v.Label != "" {
		t += " · " + v.Label
	}
	return t
}

// draftDetail says where a draft went, when, and who produced it.
func (d *draftsPane) draftDetail(v *app.Version) string {
	m := d.s.ed.doc.Meeting()
	look := newSideLook(m)
	var parts []string
	switch v.Direction {
	case app.DirSent:
		parts = append(parts, "sent to "+look.nameOf(v.Side))
	case app.DirReceived:
		parts = append(parts, "received from "+look.nameOf(v.Side))
	default:
		parts = append(parts, "internal")
	}
	if v.Date != "" {
		parts = append(parts, v.Date)
	}
	parts = append(parts, app.Count(len(v.Paragraphs), "paragraph"))
	return strings.Join(parts, " · ")
}

// choiceName is how the compare selects name a text.
func choiceName(m *app.Meeting, n int) string {
	if n == 0 {
		return "Current text"
	}
	if v := m.DraftByNumber(n); v != nil {
		return draftTitle(v)
	}
	return fmt.Sprintf("Draft %d", n)
}

func (d *draftsPane) reset() {
	d.selected = ""
	d.fromN, d.toN = -1, 0
	d.refresh()
}

// refresh lists the drafts and the texts to compare.
func (d *draftsPane) refresh() {
	m := d.s.ed.doc.Meeting()
	d.versions = slices.Clone(m.Versions)
	slices.SortFunc(d.versions, func(a, b *app.Version) int { return b.Number - a.Number })
	d.list.Refresh()
	if i := d.indexOf(d.selected); i >= 0 {
		d.list.Select(i)
	} else {
		d.selected = ""
		d.list.UnselectAll()
	}
	d.choices = nil
	var names []string
	for _, v := range d.versions {
		d.choices = append([]int{v.Number}, d.choices...)
		names = append([]string{choiceName(m, v.Number)}, names...)
	}
	d.choices = append(d.choices, 0)
	names = append(names, choiceName(m, 0))
	if d.fromN < 0 || (d.fromN > 0 && m.DraftByNumber(d.fromN) == nil) {
		// The latest draft against the current text.
		d.fromN = 0
		if len(d.versions) > 0 {
			d.fromN = d.versions[0].Number
		}
	}
	if d.toN > 0 && m.DraftByNumber(d.toN) == nil {
		d.toN = 0
	}
	d.loading = true
	d.from.Options, d.to.Options = names, names
	d.from.SetSelected(choiceName(m, d.fromN))
	d.to.SetSelected(choiceName(m, d.toN))
	d.from.Refresh()
	d.to.Refresh()
	d.loading = false
	d.stale = true
	d.shown()
}

func (d *draftsPane) indexOf(id string) int {
	for i, v := range d.versions {
		if v.ID == id {
			return i
		}
	}
	return -1
}

func (d *draftsPane) changed(ev app.Event) {
	for _, c := range ev.Changes {
		if c.Kind == app.KindVersion || c.Kind == app.KindSide || (c.Kind == app.KindDetails && (c.Op != app.OpSet || c.Field == "ourSide")) {
			d.refresh()
			return
		}
	}
	if ev.Touches(app.KindParagraph) && (d.fromN == 0 || d.toN == 0) {
		d.stale = true
		d.shown()
	}
}

// picked compares the texts chosen in the selects.
func (d *draftsPane) picked() {
	if d.loading {
		return
	}
	i, j := d.from.SelectedIndex(), d.to.SelectedIndex()
	if i < 0 || j < 0 {
		return
	}
	d.compare(d.choices[i], d.choices[j])
}

// compare shows the redline from text a to text b (0 is the current text).
func (d *draftsPane) compare(a, b int) {
	m := d.s.ed.doc.Meeting()
	d.fromN, d.toN = a, b
	d.loading = true
	d.from.SetSelected(choiceName(m, a))
	d.to.SetSelected(choiceName(m, b))
	d.loading = false
	d.stale = true
	d.shown()
}

// shown recomputes a stale redline when the tab is on screen.
func (d *draftsPane) shown() {
	if !d.stale || d.s.tabs == nil || d.s.tabs.Selected() != d.s.draftsTab {
		return
	}
	d.stale = false
	d.redraw()
}

func (d *draftsPane) redraw() {
	m := d.s.ed.doc.Meeting()
	if len(m.Versions) == 0 {
		d.red.message("No drafts yet. Save a draft to number the text as it stands; later you can compare any two drafts, or a draft and the current text.")
		return
	}
	if d.fromN == d.toN {
		d.red.message("Choose two different texts to compare.")
		return
	}
	r, err := m.Redline(d.fromN, d.toN)
	if err != nil {
		d.red.message(err.Error())
		return
	}
	d.red.show(r, newSideLook(m), d.changesOnly.Checked)
}

// focus selects a draft.
func (d *draftsPane) focus(id string) {
	d.refresh()
	if i := d.indexOf(id); i >= 0 {
		d.list.Select(i)
		d.list.ScrollTo(i)
	}
}

// saveDraftForm is the "Save draft" dialog's inputs (tests fill them in).
type saveDraftForm struct {
	label     *plainEntry
	date      *widget.Entry
	direction *widget.Select
	side      *widget.Select
	sideIDs   []string
	d         *dialog.FormDialog
}

var directionNames = map[app.Direction]string{app.DirSent: "sent to", app.DirReceived: "received from", app.DirInternal: "internal (not sent)"}

// saveDialog asks for a new draft's label, date, direction and side.
func (d *draftsPane) saveDialog() {
	m := d.s.ed.doc.Meeting()
	f := &saveDraftForm{label: newPlainEntry(d.s.ed, false), date: widget.NewEntry()}
	f.label.SetPlaceHolder("Australian comments, Japanese counter-proposal…")
	f.date.SetText(time.Now().Format("2006-01-02"))
	f.date.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := time.Parse("2006-01-02", strings.TrimSpace(s)); err != nil {
			return fmt.Errorf("a date as YYYY-MM-DD")
		}
		return nil
	}
	var dirs []string
	for _, dir := range app.Directions {
		dirs = append(dirs, directionNames[dir])
	}
	f.direction = widget.NewSelect(dirs, nil)
	f.direction.SetSelected(directionNames[app.DirSent])
	var names []string
	other := -1
	for _, sd := range m.Perspective("").Sides {
		names = append(names, sd.Label())
		f.sideIDs = append(f.sideIDs, sd.ID)
		if other < 0 && sd.ID != m.Details.OurSide {
			other = len(names) - 1
		}
	}
	f.side = widget.NewSelect(names, nil)
	if other >= 0 {
		f.side.SetSelectedIndex(other)
	}
	n := m.NextDraftNumber()
	items := []*widget.FormItem{
		widget.NewFormItem("Label", f.label),
		widget.NewFormItem("Date", f.date),
		widget.NewFormItem("Direction", f.direction),
		widget.NewFormItem("Side", f.side),
	}
	f.d = dialog.NewForm(fmt.Sprintf("Save the statement as draft %d", n), fmt.Sprintf("Save draft %d", n), "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		dir := app.DirInternal
		for k, v := range directionNames {
			if v == f.direction.Selected {
				dir = k
			}
		}
		side := ""
		if i := f.side.SelectedIndex(); i >= 0 && dir != app.DirInternal {
			side = f.sideIDs[i]
		}
		ed, err := d.s.ed.doc.Meeting().SaveDraftEdit(f.label.Text, strings.TrimSpace(f.date.Text), dir, side)
		if d.s.do("Cannot save the draft")(ed, err) {
			if v := d.s.ed.doc.Meeting().DraftByNumber(n); v != nil {
				d.selected = v.ID
				d.refresh()
			}
		}
	}, d.s.ed.win)
	f.d.Resize(fyne.NewSize(520, 300))
	f.d.Show()
	d.lastSaveForm = f
}

// openRedline shows the redline a spec names: "1:2" compares draft 1
// with draft 2, "2" or "2:current" draft 2 with the current text. It is
// for opening the window on a redline from the command line.
func (e *Editor) openRedline(spec string) error {
	a, b, ok := strings.Cut(strings.TrimSpace(spec), ":")
	if !ok {
		b = "current"
	}
	num := func(s string) (int, error) {
		s = strings.TrimSpace(s)
		if s == "current" || s == "0" {
			return 0, nil
		}
		var n int
		if _, err := fmt.Sscan(s, &n); err != nil || n < 1 {
			return 0, fmt.Errorf("redline %q: name drafts by number, such as 1:2 or 2:current", spec)
		}
		return n, nil
	}
	from, err := num(a)
	if err != nil {
		return err
	}
	to, err := num(b)
	if err != nil {
		return err
	}
	if _, err := e.doc.Meeting().Redline(from, to); err != nil {
		return err
	}
	e.showView("statement")
	s := e.views["statement"].(*statementView)
	s.tabs.Select(s.draftsTab)
	s.drafts.compare(from, to)
	return nil
}
