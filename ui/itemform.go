package ui

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// itemForm edits a programme item's place and people (its brief is in the
// Briefs view).
type itemForm struct {
	ed *Editor
	id string

	title, minutes, fixedAt, location *fieldEntry
	kind, triage                      *fieldSelect
	fixed                             *widget.Check
	day                               *widget.Select
	leads                             *fyne.Container
	timingLabel                       *widget.Label
	box                               *fyne.Container
	loading                           bool
}

func newItemForm(ed *Editor) *itemForm {
	f := &itemForm{ed: ed}
	f.title = newFieldEntry(ed, "item title", false)
	f.minutes = newFieldEntry(ed, "duration", false)
	f.minutes.parse = intParser(0, "Duration in minutes")
	f.fixedAt = newFieldEntry(ed, "fixed time", false)
	f.fixedAt.parse = clockParser(false)
	f.fixedAt.SetPlaceHolder("16:30")
	f.location = newFieldEntry(ed, "location", false)
	f.location.SetPlaceHolder("Room, where it differs from the venue")
	f.kind = newFieldSelect(ed, "kind")
	f.kind.setOptions(enumStrings(app.ItemKinds), enumStrings(app.ItemKinds))
	f.triage = newFieldSelect(ed, "triage")
	f.triage.setOptions([]string{"certain to be raised", "possible", "unlikely: defensive lines only"}, enumStrings(app.Triages))
	f.fixed = widget.NewCheck("Fixed clock time", f.fixedToggled)
	f.day = widget.NewSelect(nil, f.dayChosen)
	f.leads = container.NewVBox()
	f.timingLabel = widget.NewLabel("")
	form := widget.NewForm(
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Kind", f.kind.Select),
		widget.NewFormItem("Duration (min)", f.minutes),
		widget.NewFormItem("Time", container.NewGridWithColumns(2, f.fixed, f.fixedAt)),
		widget.NewFormItem("Day", f.day),
		widget.NewFormItem("", f.timingLabel),
		widget.NewFormItem("Lead speakers", f.leads),
		widget.NewFormItem("Location", f.location),
		widget.NewFormItem("Triage", f.triage.Select),
	)
	f.box = container.NewVBox(form)
	return f
}

func (f *itemForm) item() *app.Item {
	if r, ok := f.ed.doc.Lookup(f.id); ok {
		if it, ok := r.Record.(*app.Item); ok {
			return it
		}
	}
	return nil
}

func (f *itemForm) show(it *app.Item) {
	f.loading = true
	defer func() { f.loading = false }()
	f.id = it.ID
	b := func(field string) binding { return binding{app.KindItem, it.ID, field} }
	f.title.bind(b("title"), it.Title)
	f.minutes.bind(b("minutes"), strconv.Itoa(it.Minutes))
	f.fixedAt.bind(b("fixed"), it.Fixed)
	f.location.bind(b("location"), it.Location)
	f.kind.bind(b("kind"), string(it.Kind))
	f.triage.bind(b("triage"), string(it.Triage))
	f.fixed.SetChecked(it.Fixed != "")
	if it.Fixed == "" {
		f.fixedAt.Disable()
	} else {
		f.fixedAt.Enable()
	}
	m := f.ed.doc.Meeting()
	days := meetingDays(m)
	var opts []string
	for d := 0; d < days; d++ {
		opts = append(opts, dayName(m, d))
	}
	f.day.Options = opts
	if it.Day < len(opts) {
		f.day.SetSelected(opts[it.Day])
	}
	if it.Parent != "" || days < 2 {
		f.day.Disable()
	} else {
		f.day.Enable()
	}
	f.buildLeads(it)
	f.timing()
}

// meetingDays is the number of days from the start to the end date.
func meetingDays(m *app.Meeting) int {
	s, err1 := time.Parse("2006-01-02", m.Details.Start)
	e, err2 := time.Parse("2006-01-02", m.Details.End)
	n := 1
	if err1 == nil && err2 == nil && e.After(s) {
		n = int(e.Sub(s).Hours()/24) + 1
	}
	for _, it := range m.Items {
		n = max(n, it.Day+1)
	}
	return min(n, 31)
}

func (f *itemForm) buildLeads(it *app.Item) {
	m := f.ed.doc.Meeting()
	f.leads.Objects = nil
	for _, s := range m.Perspective("").Sides {
		side := s
		texts, values := []string{"(none)"}, []string{""}
		current := ""
		for _, p := range m.PeopleOf(side.ID) {
			texts = append(texts, p.NameWithNative())
			values = append(values, p.ID)
			if slices.Contains(it.Leads, p.ID) {
				current = p.ID
			}
		}
		sel := widget.NewSelect(texts, nil)
		if i := indexOfString(values, current); i >= 0 {
			sel.SetSelected(texts[i])
		}
		sel.OnChanged = func(text string) {
			i := indexOfString(texts, text)
			if i < 0 || f.loading {
				return
			}
			f.setLead(side.ID, values[i])
		}
		f.leads.Add(container.NewBorder(nil, nil, widget.NewLabel(side.Label()), nil, sel))
	}
	f.leads.Refresh()
}

// setLead makes person the side's lead speaker ("" for none).
func (f *itemForm) setLead(sideID, person string) {
	it := f.item()
	if it == nil {
		return
	}
	m := f.ed.doc.Meeting()
	var leads []string
	for _, id := range it.Leads {
		if p, ok := f.ed.doc.Lookup(id); ok && p.Record.(*app.Person).Side == sideID {
			continue
		}
		leads = append(leads, id)
	}
	if person != "" {
		leads = append(leads, person)
	}
	// Keep leads in side order, so the field compares equal however it was built.
	slices.SortStableFunc(leads, func(a, b string) int { return sideRank(m, f.ed, a) - sideRank(m, f.ed, b) })
	f.ed.apply(app.Edit{Label: "Set lead speaker", Ops: []app.Op{app.Set(app.KindItem, it.ID, "leads", leads)}})
}

func sideRank(m *app.Meeting, ed *Editor, person string) int {
	if r, ok := ed.doc.Lookup(person); ok {
		for i, s := range m.Sides {
			if s.ID == r.Record.(*app.Person).Side {
				return i
			}
		}
	}
	return len(m.Sides)
}

func (f *itemForm) fixedToggled(on bool) {
	if f.loading {
		return
	}
	it := f.item()
	if it == nil {
		return
	}
	value := ""
	if on {
		sched := f.ed.doc.Meeting().Schedule()
		sl, _ := sched.Slot(it.ID)
		value = app.FormatClock(sl.Start)
		f.fixedAt.Enable()
	} else {
		f.fixedAt.Disable()
	}
	f.ed.apply(app.Edit{Label: "Fix clock time", Ops: []app.Op{app.Set(app.KindItem, it.ID, "fixed", value)}})
	f.fixedAt.load(value)
}

func (f *itemForm) dayChosen(text string) {
	if f.loading {
		return
	}
	it := f.item()
	if it == nil {
		return
	}
	if d := indexOfString(f.day.Options, text); d >= 0 && d != it.Day {
		f.ed.apply(app.Edit{Label: "Move to another day", Ops: []app.Op{app.Set(app.KindItem, it.ID, "day", d)}})
	}
}

// timing shows when the item runs.
func (f *itemForm) timing() {
	it := f.item()
	if it == nil {
		return
	}
	s := f.ed.doc.Meeting().Schedule()
	sl, ok := s.Slot(it.ID)
	if !ok {
		f.timingLabel.SetText("")
		return
	}
	text := fmt.Sprintf("Runs %s to %s", app.FormatClock(sl.Start), app.FormatClock(sl.End))
	if sl.Overlap > 0 {
		text += fmt.Sprintf(" — %d min too long", sl.Overlap)
	}
	if sl.Gap > 0 {
		text += fmt.Sprintf(" — %d min gap before it", sl.Gap)
	}
	f.timingLabel.SetText(text)
}

func (f *itemForm) focus(field string) {
	c := f.ed.win.Canvas()
	switch field {
	case "minutes":
		c.Focus(f.minutes)
	case "fixed":
		c.Focus(f.fixedAt)
	case "location":
		c.Focus(f.location)
	default:
		c.Focus(f.title)
	}
}
