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

// delegations shows each side's participants in precedence order, with a
// form to edit the selected person.
type delegations struct {
	ed *Editor

	sides    *segmented
	sideID   string
	search   *plainEntry
	list     *rowList
	shown    []*app.Person // the side's people that match the search
	selected string        // person ID
	count    *widget.Label

	form    *personForm
	formBox *fyne.Container
	empty   *widget.Label
	box     fyne.CanvasObject

	add, dup, del, up, down *widget.Button
	// confirmAll confirms every participant of the side still to confirm
	// (carried over from the series' last meeting).
	confirmAll *widget.Button
}

func newDelegations(ed *Editor) *delegations {
	d := &delegations{ed: ed}
	d.sides = newSegmented(func(i int) {
		sides := d.ed.doc.Meeting().Perspective("").Sides
		if i < len(sides) {
			d.sideID = sides[i].ID
			d.selected = ""
			d.refresh()
		}
	})
	d.search = newPlainEntry(d.ed, false)
	d.search.SetPlaceHolder("Search by name, agency, position or role (" + shortcutText("F") + ")")
	d.search.OnChanged = func(string) { d.refresh() }
	d.count = widget.NewLabel("")
	d.list = newRowList(func() int { return len(d.shown) }, d.createRow, d.updateRow, d.deleteSelected)
	d.list.OnSelected = func(i widget.ListItemID) {
		if i < len(d.shown) {
			d.selected = d.shown[i].ID
			d.showForm()
		}
	}
	d.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), d.addPerson)
	d.dup = widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), d.duplicate)
	d.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), d.deleteSelected)
	d.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { d.move(-1) })
	d.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { d.move(1) })
	agencies := widget.NewButtonWithIcon("Agencies…", theme.ListIcon(), func() { showAgencies(d.ed, d.sideID) })
	imp := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), func() { d.ed.importPeopleDialog("") })
	exp := widget.NewButtonWithIcon("Export CSV…", theme.UploadIcon(), func() { d.ed.exportPeopleDialog(d.sideID) })
	d.confirmAll = widget.NewButtonWithIcon("Confirm all", theme.ConfirmIcon(), func() { d.confirm(d.ed.doc.Meeting().ToConfirm(d.sideID)...) })
	d.confirmAll.Hide()
	toolbar := container.NewHBox(d.add, d.dup, d.del, d.up, d.down, layout.NewSpacer(), d.count, d.confirmAll)
	sideRow := container.NewHBox(d.sides.box, layout.NewSpacer(), agencies, imp, exp)

	d.form = newPersonForm(ed)
	d.empty = widget.NewLabel("Select a participant to edit, or add one.")
	d.formBox = container.NewStack(d.empty)
	left := container.NewBorder(container.NewVBox(d.search, toolbar), nil, nil, nil, d.list)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(d.formBox)))
	split.SetOffset(0.5)
	d.box = container.NewBorder(container.NewVBox(heading("Delegations"), sideRow), nil, nil, nil, split)
	return d
}

func (d *delegations) object() fyne.CanvasObject { return d.box }

func (d *delegations) focusSearch() { d.ed.win.Canvas().Focus(d.search) }

// templateName sizes the rows of participant lists: a long name with
// native script, so rows are tall enough for CJK glyphs.
const templateName = "H.E. Mr Koichi Mizushima (水島光一)"

func (d *delegations) createRow() fyne.CanvasObject {
	num := widget.NewLabel("00")
	name := widget.NewLabel(templateName)
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("Ambassador in charge of Cyber Policy · MOFA")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	role := newChip()
	role.SetText(string(app.RoleHead)) // the widest role: rows are laid out at the template's widths
	confirm := widget.NewButtonWithIcon("Confirm", theme.ConfirmIcon(), nil)
	confirm.Importance = widget.WarningImportance
	text := container.NewVBox(name, detail)
	// The number and the role keep the template's widths when a row is
	// laid out again (its Confirm button shown or hidden).
	content := container.NewBorder(nil, nil, container.NewGridWrap(num.MinSize(), num),
		container.NewHBox(container.NewGridWrap(role.MinSize(), role), container.NewCenter(confirm)), text)
	return newDragRow(content, d.dragged)
}

func (d *delegations) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(d.shown) {
		return
	}
	p := d.shown[i]
	row := o.(*dragRow)
	row.index = i
	c := row.content.(*fyne.Container)
	text := c.Objects[0].(*fyne.Container)
	text.Objects[0].(*widget.Label).SetText(personLine(p))
	text.Objects[1].(*widget.Label).SetText(d.detail(p))
	c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d", d.precedence(p)))
	right := c.Objects[2].(*fyne.Container)
	holder := right.Objects[1].(*fyne.Container) // hidden itself, so a confirmed row takes no room for the button
	confirm := holder.Objects[0].(*widget.Button)
	if p.ToConfirm {
		id := p.ID
		confirm.OnTapped = func() { d.confirm(d.ed.doc.Meeting().PersonByID(id)) }
		holder.Show()
	} else {
		confirm.OnTapped = nil
		holder.Hide()
	}
	c.Refresh()
	role := right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
	role.SetText(string(p.Role))
	if p.Role.Leads() {
		role.Importance = widget.HighImportance
	} else {
		role.Importance = widget.LowImportance
	}
	role.Refresh()
}

// personLine is the list's name: formal name with the native script.
func personLine(p *app.Person) string {
	name := p.FormalName()
	if p.Native != "" {
		if name == "" {
			return p.Native
		}
		return name + " (" + p.Native + ")"
	}
	if name == "" {
		return "(unnamed)"
	}
	return name
}

func (d *delegations) detail(p *app.Person) string {
	parts := []string{}
	if p.ToConfirm {
		parts = append(parts, "To confirm")
	}
	if p.Position != "" {
		parts = append(parts, p.Position)
	}
	if a, ok := d.ed.doc.Lookup(p.Agency); ok {
		ag := a.Record.(*app.Agency)
		parts = append(parts, ag.Label())
	}
	return strings.Join(parts, " · ")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// precedence is the person's place in the side's list (1-based).
func (d *delegations) precedence(p *app.Person) int {
	for i, q := range d.ed.doc.Meeting().PeopleOf(p.Side) {
		if q.ID == p.ID {
			return i + 1
		}
	}
	return 0
}

func (d *delegations) reset() {
	m := d.ed.doc.Meeting()
	if m.SideByID(d.sideID) == nil {
		d.sideID = ""
		if our := m.SideByID(m.Details.OurSide); our != nil {
			d.sideID = our.ID
		} else if len(m.Sides) > 0 {
			d.sideID = m.Sides[0].ID
		}
		d.selected = ""
	}
	d.refresh()
}

// refresh rebuilds the side buttons, the filtered list and the form.
func (d *delegations) refresh() {
	m := d.ed.doc.Meeting()
	var labels []string
	sel := 0
	// The sides in the order the window lists them everywhere (our side
	// first; in a multilateral meeting the host, then alphabetical).
	for i, s := range m.Perspective("").Sides {
		labels = append(labels, fmt.Sprintf("%s (%d)", s.Label(), len(m.PeopleOf(s.ID))))
		if s.ID == d.sideID {
			sel = i
		}
	}
	d.sides.selected = sel
	d.sides.setOptions(labels)
	q := strings.ToLower(strings.TrimSpace(d.search.Text))
	d.shown = d.shown[:0]
	all := m.PeopleOf(d.sideID)
	for _, p := range all {
		if q == "" || d.matches(p, q) {
			d.shown = append(d.shown, p)
		}
	}
	if q != "" {
		d.count.SetText(fmt.Sprintf("%d of %d", len(d.shown), len(all)))
	} else {
		d.count.SetText("")
	}
	d.list.Refresh()
	d.selectCurrent()
	d.showForm()
	d.showConfirmAll()
}

// showConfirmAll offers to confirm the side's participants still to
// confirm, when there are any.
func (d *delegations) showConfirmAll() {
	n := len(d.ed.doc.Meeting().ToConfirm(d.sideID))
	if n == 0 {
		d.confirmAll.Hide()
		return
	}
	d.confirmAll.SetText(fmt.Sprintf("Confirm all %d", n))
	d.confirmAll.Show()
}

// confirm marks participants carried over from the last meeting as
// attending: one undoable edit.
func (d *delegations) confirm(people ...*app.Person) {
	var ids []string
	for _, p := range people {
		if p != nil {
			ids = append(ids, p.ID)
		}
	}
	ed, err := d.ed.doc.Meeting().ConfirmEdit(ids...)
	if err != nil {
		d.ed.showError("Cannot confirm", err)
		return
	}
	d.ed.apply(ed)
}

func (d *delegations) matches(p *app.Person, q string) bool {
	hay := []string{p.Name(), p.FormalName(), p.Native, p.Given, p.Family, p.Position, string(p.Role), p.Email}
	if a, ok := d.ed.doc.Lookup(p.Agency); ok {
		ag := a.Record.(*app.Agency)
		hay = append(hay, ag.Name, ag.Abbrev)
	}
	for _, h := range hay {
		if strings.Contains(strings.ToLower(h), q) {
			return true
		}
	}
	return false
}

func (d *delegations) indexOf(id string) int {
	for i, p := range d.shown {
		if p.ID == id {
			return i
		}
	}
	return -1
}

func (d *delegations) selectCurrent() {
	if d.selected == "" && len(d.shown) > 0 {
		d.selected = d.shown[0].ID
	}
	if i := d.indexOf(d.selected); i >= 0 {
		d.list.Select(i)
		d.list.ScrollTo(i)
	} else {
		d.list.UnselectAll()
	}
	d.buttons()
}

func (d *delegations) buttons() {
	has := d.indexOf(d.selected) >= 0
	filtered := d.search.Text != ""
	for _, b := range []*widget.Button{d.dup, d.del} {
		setEnabled(b, has)
	}
	i := d.indexOf(d.selected)
	setEnabled(d.up, has && !filtered && i > 0)
	setEnabled(d.down, has && !filtered && i < len(d.shown)-1)
	setEnabled(d.add, d.sideID != "")
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func (d *delegations) showForm() {
	ref, ok := d.ed.doc.Lookup(d.selected)
	if !ok || ref.Kind != app.KindPerson {
		d.selected = ""
		d.formBox.Objects = []fyne.CanvasObject{d.empty}
		d.formBox.Refresh()
		d.buttons()
		return
	}
	d.form.show(ref.Record.(*app.Person))
	d.formBox.Objects = []fyne.CanvasObject{d.form.box}
	d.formBox.Refresh()
	d.buttons()
}

func (d *delegations) changed(e app.Event) {
	if e.Structural() || e.Undo || e.Redo || e.Touches(app.KindAgency) || e.Touches(app.KindSide) {
		d.reset()
		return
	}
	if !e.Touches(app.KindPerson) {
		return
	}
	// A field of a person changed (typing in the form): refresh that row
	// and the preview, keep the form as it is.
	for _, c := range e.Changes {
		if c.Kind == app.KindPerson {
			if i := d.indexOf(c.ID); i >= 0 {
				d.list.RefreshItem(i)
			}
		}
	}
	d.showConfirmAll()
	d.form.preview()
}

func (d *delegations) focus(id, field string) {
	ref, ok := d.ed.doc.Lookup(id)
	if !ok {
		return
	}
	switch r := ref.Record.(type) {
	case *app.Person:
		d.sideID = r.Side
		d.search.SetText("")
		d.selected = id
		d.refresh()
		d.form.focus(field)
	case *app.Agency:
		d.sideID = r.Side
		d.refresh()
		showAgencies(d.ed, r.Side)
	}
}

func (d *delegations) addPerson() {
	if d.sideID == "" {
		return
	}
	m := d.ed.doc.Meeting()
	p := app.NewRecord(app.KindPerson).(*app.Person)
	p.Side = d.sideID
	if ref, ok := d.ed.doc.Lookup(d.selected); ok {
		p.Pos = m.PosAfter(ref.Record)
	} else {
		p.Pos = m.PosAfterLast(app.KindPerson, d.sideID)
	}
	if d.ed.apply(app.Edit{Label: "Add participant", Ops: []app.Op{app.Add(p)}}) {
		d.search.SetText("")
		d.selected = p.ID
		d.refresh()
		d.form.focus("given")
	}
}

func (d *delegations) duplicate() {
	ref, ok := d.ed.doc.Lookup(d.selected)
	if !ok {
		return
	}
	src := ref.Record.(*app.Person)
	p := *src
	p.Rec = app.Rec{ID: app.NewID()}
	p.Pos = d.ed.doc.Meeting().PosAfter(src)
	if d.ed.apply(app.Edit{Label: "Duplicate participant", Ops: []app.Op{app.Add(&p)}}) {
		d.selected = p.ID
		d.refresh()
	}
}

func (d *delegations) deleteSelected() {
	ref, ok := d.ed.doc.Lookup(d.selected)
	if !ok {
		return
	}
	p := ref.Record.(*app.Person)
	ops, err := d.ed.doc.Meeting().DeleteOps(app.KindPerson, p.ID)
	if err != nil {
		d.ed.showError("Cannot delete", err)
		return
	}
	confirm(d.ed, "Delete participant", "Delete "+p.Label()+" from the delegation? You can undo this.", "Delete", func() {
		next := ""
		if i := d.indexOf(p.ID); i >= 0 && i+1 < len(d.shown) {
			next = d.shown[i+1].ID
		} else if i > 0 {
			next = d.shown[i-1].ID
		}
		if d.ed.apply(app.Edit{Label: "Delete participant", Ops: ops}) {
			d.selected = next
			d.refresh()
		}
	})
}

func (d *delegations) move(by int) {
	ref, ok := d.ed.doc.Lookup(d.selected)
	if !ok {
		return
	}
	d.ed.apply(app.Edit{Label: "Move participant", Ops: d.ed.doc.Meeting().MoveOps(ref.Record, by)})
}

// dragged moves the row at index by places (drag and drop).
func (d *delegations) dragged(index, by int) {
	if d.search.Text != "" || index >= len(d.shown) {
		return
	}
	p := d.shown[index]
	target := max(0, min(index+by, len(d.shown)-1))
	d.selected = p.ID
	d.ed.apply(app.Edit{Label: "Move participant", Ops: d.ed.doc.Meeting().MoveToOps(p, target)})
}
