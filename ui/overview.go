package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// overview edits the meeting's own fields and its sides.
type overview struct {
	ed *Editor

	topic, group, ordinal, start, end, dayStart, plannedEnd *fieldEntry
	venue, city, purpose, objectives, logistics             *fieldEntry
	virtual                                                 *fieldCheck
	host, ours, status                                      *fieldSelect
	marking                                                 *markingEditor
	seriesPreview, ordinalPreview, datePreview              *widget.Label
	sides                                                   *fyne.Container
	scroll                                                  *container.Scroll
}

func newOverview(ed *Editor) *overview {
	o := &overview{ed: ed}
	o.topic = newFieldEntry(ed, "dialogue name", false)
	o.topic.SetPlaceHolder("Cyber Policy Dialogue")
	o.group = newFieldEntry(ed, "group name", false)
	o.group.SetPlaceHolder("with more than two sides: the group's own name, such as Quad Senior Cyber Group")
	o.ordinal = newFieldEntry(ed, "ordinal", false)
	o.ordinal.parse = intParser(1, "The meeting's number in the series")
	o.start = newFieldEntry(ed, "start date", false)
	o.start.SetPlaceHolder("YYYY-MM-DD")
	o.start.parse = dateParser(false)
	o.end = newFieldEntry(ed, "end date", false)
	o.end.SetPlaceHolder("YYYY-MM-DD (empty for one day)")
	o.end.parse = dateParser(true)
	o.dayStart = newFieldEntry(ed, "day start", false)
	o.dayStart.parse = clockParser(false)
	o.dayStart.SetPlaceHolder("09:30")
	o.plannedEnd = newFieldEntry(ed, "planned end", false)
	o.plannedEnd.parse = clockParser(true)
	o.plannedEnd.SetPlaceHolder("17:00")
	o.venue = newFieldEntry(ed, "venue", false)
	o.city = newFieldEntry(ed, "city", false)
	o.virtual = newFieldCheck(ed, "Held virtually", "Change virtual")
	o.host = newFieldSelect(ed, "host side")
	o.ours = newFieldSelect(ed, "our side")
	o.status = newFieldSelect(ed, "status")
	o.status.setOptions(enumStrings(app.Statuses), enumStrings(app.Statuses))
	o.marking = newMarkingEditor(ed, "")
	o.purpose = newFieldEntry(ed, "purpose", true)
	o.objectives = newFieldEntry(ed, "objectives", true)
	o.objectives.SetPlaceHolder("One objective a line")
	o.logistics = newFieldEntry(ed, "logistics", true)
	o.seriesPreview = widget.NewLabel("")
	o.seriesPreview.Wrapping = fyne.TextWrapWord
	o.ordinalPreview = widget.NewLabel("")
	o.datePreview = widget.NewLabel("")
	for _, f := range []*fieldEntry{o.topic, o.group, o.ordinal, o.start, o.end} {
		f.changedHook = func(string) { o.previews() }
	}

	form := widget.NewForm(
		widget.NewFormItem("Dialogue", o.topic),
		widget.NewFormItem("Group name", o.group),
		widget.NewFormItem("", o.seriesPreview),
		widget.NewFormItem("Meeting number", container.NewBorder(nil, nil, nil, o.ordinalPreview, o.ordinal)),
		widget.NewFormItem("Dates", container.NewGridWithColumns(2, o.start, o.end)),
		widget.NewFormItem("", o.datePreview),
		widget.NewFormItem("Day runs", container.NewGridWithColumns(4, widget.NewLabel("from"), o.dayStart, widget.NewLabel("planned end"), o.plannedEnd)),
		widget.NewFormItem("Venue", o.venue),
		widget.NewFormItem("City", container.NewBorder(nil, nil, nil, o.virtual.Check, o.city)),
		widget.NewFormItem("Host side", o.host.Select),
		widget.NewFormItem("Our side", o.ours.Select),
		widget.NewFormItem("Status", o.status.Select),
		widget.NewFormItem("Classification", o.marking.object()),
	)
	texts := widget.NewForm(
		widget.NewFormItem("Purpose", o.purpose),
		widget.NewFormItem("Objectives", o.objectives),
		widget.NewFormItem("Logistics", o.logistics),
	)
	o.sides = container.NewVBox()
	addSide := widget.NewButtonWithIcon("Add side", theme.ContentAddIcon(), o.addSide)
	content := container.NewVBox(
		heading("Meeting"), form,
		heading("Purpose and objectives"), texts,
		container.NewHBox(heading("Sides"), layout.NewSpacer(), addSide), o.sides,
	)
	o.scroll = container.NewVScroll(container.NewPadded(content))
	return o
}

// heading is a section heading in a view.
func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func dateParser(optional bool) func(string) (any, error) {
	return func(s string) (any, error) {
		s = strings.TrimSpace(s)
		if s == "" && optional {
			return "", nil
		}
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return nil, fieldError("enter the date as YYYY-MM-DD, such as 2016-08-02")
		}
		return s, nil
	}
}

func (o *overview) object() fyne.CanvasObject { return o.scroll }

func (o *overview) reset() {
	m := o.ed.doc.Meeting()
	d := &m.Details
	b := func(f string) binding { return binding{app.KindDetails, d.ID, f} }
	o.topic.bind(b("topic"), d.Topic)
	o.group.bind(b("groupName"), d.GroupName)
	o.ordinal.bind(b("ordinal"), strconv.Itoa(d.Ordinal))
	o.start.bind(b("start"), d.Start)
	o.end.bind(b("end"), d.End)
	o.dayStart.bind(b("dayStart"), d.DayStart)
	o.plannedEnd.bind(b("plannedEnd"), d.PlannedEnd)
	o.venue.bind(b("venue"), d.Venue)
	o.city.bind(b("city"), d.City)
	o.virtual.bind(b("virtual"), d.Virtual)
	o.status.bind(b("status"), string(d.Status))
	o.marking.bind(b("marking"), d.Marking)
	o.purpose.bind(b("purpose"), d.Purpose)
	o.objectives.bind(b("objectives"), d.Objectives)
	o.logistics.bind(b("logistics"), d.Logistics)
	o.sideOptions()
	o.host.bind(b("hostSide"), d.HostSide)
	o.ours.bind(b("ourSide"), d.OurSide)
	o.buildSides()
	o.previews()
}

func (o *overview) sideOptions() {
	m := o.ed.doc.Meeting()
	texts, values := []string{"(none)"}, []string{""}
	for _, s := range m.Sides {
		texts = append(texts, s.Label())
		values = append(values, s.ID)
	}
	o.host.setOptions(texts, values)
	o.ours.setOptions(texts, values)
}

func (o *overview) changed(e app.Event) {
	switch {
	case e.Undo || e.Redo || (e.Structural() && e.Touches(app.KindSide)):
		o.reset()
	case e.Touches(app.KindSide):
		// Typing in a side's fields: keep the rows (and the focus), update
		// what shows the names elsewhere.
		d := &o.ed.doc.Meeting().Details
		o.sideOptions()
		o.host.load(d.HostSide)
		o.ours.load(d.OurSide)
		o.previews()
	case e.Touches(app.KindDetails):
		o.previews()
	case e.Structural() && (e.Touches(app.KindPerson) || e.Touches(app.KindAgency)):
		o.buildSides()
	}
}

func (o *overview) previews() {
	m := o.ed.doc.Meeting()
	if m.Multilateral() {
		// Every copy has the same title and order: the host, then alphabetical.
		p := m.Perspective("")
		text := "Every copy: " + p.Title()
		if strings.TrimSpace(m.Details.GroupName) == "" {
			text += " (give the group a name above)"
		}
		var names []string
		for _, s := range p.Sides {
			names = append(names, s.Label())
		}
		text += "\nSides in every copy, host first, then alphabetical: " + strings.Join(names, ", ") +
			" (an export can keep the order below instead)"
		o.seriesPreview.SetText(text)
		o.ordinalPreview.SetText(app.Ordinal(m.Details.Ordinal))
		o.datePreview.SetText(dateRange(m.Details.Start, m.Details.End))
		return
	}
	var names []string
	seen := map[string]bool{}
	for _, s := range m.Sides {
		p := m.Perspective(s.ID)
		if t := p.Title(); t != "" && !seen[t] {
			names = append(names, fmt.Sprintf("%s copy: %s", s.Label()+"'s", t))
			seen[t] = true
		}
	}
	if len(names) == 0 {
		names = []string{"Add the sides below: the title puts each side's own name first in its copy."}
	}
	o.seriesPreview.SetText(strings.Join(names, "\n"))
	o.ordinalPreview.SetText(app.Ordinal(m.Details.Ordinal))
	o.datePreview.SetText(dateRange(m.Details.Start, m.Details.End))
}

// dateRange writes dates for people: "Tuesday 2 August 2016".
func dateRange(start, end string) string {
	s, err := time.Parse("2006-01-02", start)
	if err != nil {
		return ""
	}
	text := s.Format("Monday 2 January 2006")
	if e, err := time.Parse("2006-01-02", end); err == nil && e.After(s) {
		text += " to " + e.Format("Monday 2 January 2006")
	}
	return text
}

func (o *overview) buildSides() {
	m := o.ed.doc.Meeting()
	o.sides.Objects = nil
	for i, s := range m.Sides {
		o.sides.Add(o.sideRow(i, s))
	}
	if len(m.Sides) == 0 {
		o.sides.Add(widget.NewLabel("No sides yet. A dialogue has two sides or more: add them with Add side."))
	}
	o.sides.Refresh()
}

func (o *overview) sideRow(i int, s *app.Side) fyne.CanvasObject {
	b := func(f string) binding { return binding{app.KindSide, s.ID, f} }
	name := newFieldEntry(o.ed, "side name", false)
	name.SetPlaceHolder("Republic of Korea")
	name.bind(b("name"), s.Name)
	short := newFieldEntry(o.ed, "short name", false)
	short.SetPlaceHolder("Korea")
	short.bind(b("short"), s.ShortName)
	code := newFieldEntry(o.ed, "code", false)
	code.SetPlaceHolder("KR")
	code.bind(b("code"), s.Code)
	title := newFieldEntry(o.ed, "name in title", false)
	title.SetPlaceHolder("as the name, if empty")
	title.bind(b("titleName"), s.TitleName)
	adj := newFieldEntry(o.ed, "adjective", false)
	adj.SetPlaceHolder("Korean")
	adj.bind(b("adjective"), s.Adjective)
	m := o.ed.doc.Meeting()
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
		o.ed.apply(app.Edit{Label: "Move side", Ops: o.ed.doc.Meeting().MoveOps(s, -1)})
	})
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
		o.ed.apply(app.Edit{Label: "Move side", Ops: o.ed.doc.Meeting().MoveOps(s, 1)})
	})
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { o.deleteSide(s) })
	if i == 0 {
		up.Disable()
	}
	if i == len(m.Sides)-1 {
		down.Disable()
	}
	form := widget.NewForm(
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Short name", container.NewGridWithColumns(3, short, widget.NewLabel("Code"), code)),
		widget.NewFormItem("In the title", container.NewGridWithColumns(3, title, widget.NewLabel("Adjective"), adj)),
	)
	people := len(m.PeopleOf(s.ID))
	caption := widget.NewLabel(fmt.Sprintf("Side %d · %s · %s", i+1, app.Count(people, "participant"), app.Count(len(m.AgenciesOf(s.ID)), "agency")))
	caption.Importance = widget.LowImportance
	return container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(up, down, del), caption), form, widget.NewSeparator())
}

func (o *overview) addSide() {
	m := o.ed.doc.Meeting()
	s := app.NewRecord(app.KindSide).(*app.Side)
	last := ""
	if n := len(m.Sides); n > 0 {
		last = m.Sides[n-1].Pos
	}
	s.Pos = app.PosBetween(last, "")
	s.Name = fmt.Sprintf("Side %d", len(m.Sides)+1)
	s.ShortName = s.Name
	o.ed.apply(app.Edit{Label: "Add side", Ops: []app.Op{app.Add(s)}})
}

func (o *overview) deleteSide(s *app.Side) {
	m := o.ed.doc.Meeting()
	ops, err := m.DeleteOps(app.KindSide, s.ID)
	if err != nil {
		o.ed.showError("Cannot delete the side", err)
		return
	}
	msg := fmt.Sprintf("Delete %s with its %s and %s? You can undo this.", s.Label(),
		app.Count(len(m.PeopleOf(s.ID)), "participant"), app.Count(len(m.AgenciesOf(s.ID)), "agency"))
	confirm(o.ed, "Delete side", msg, "Delete", func() {
		o.ed.apply(app.Edit{Label: "Delete side " + s.Label(), Ops: ops})
	})
}

func (o *overview) focus(id, field string) {
	switch field {
	case "topic":
		o.ed.win.Canvas().Focus(o.topic)
	case "groupName":
		o.ed.win.Canvas().Focus(o.group)
	case "start":
		o.ed.win.Canvas().Focus(o.start)
	case "end":
		o.ed.win.Canvas().Focus(o.end)
	case "dayStart":
		o.ed.win.Canvas().Focus(o.dayStart)
	case "plannedEnd":
		o.ed.win.Canvas().Focus(o.plannedEnd)
	case "purpose":
		o.ed.win.Canvas().Focus(o.purpose)
	}
}
