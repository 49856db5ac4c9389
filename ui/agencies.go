package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// agencyDirectory is the dialog that edits a side's agencies: add, rename,
// set the abbreviation, mark lead agencies, merge two into one.
type agencyDirectory struct {
	ed     *Editor
	sideID string
	rows   *fyne.Container
	from   *widget.Select
	into   *widget.Select
	ids    []string
	unsub  func()
	dlg    *dialog.CustomDialog
}

func showAgencies(ed *Editor, sideID string) {
	side := ed.doc.Meeting().SideByID(sideID)
	if side == nil {
		return
	}
	a := &agencyDirectory{ed: ed, sideID: sideID, rows: container.NewVBox()}
	a.from = widget.NewSelect(nil, nil)
	a.from.PlaceHolder = "agency"
	a.into = widget.NewSelect(nil, nil)
	a.into.PlaceHolder = "agency"
	mergeBtn := widget.NewButton("Merge", a.merge)
	add := widget.NewButtonWithIcon("Add agency", theme.ContentAddIcon(), a.add)
	header := container.NewGridWithColumns(2, widget.NewLabel("Name"), widget.NewLabel("Abbreviation · lead"))
	merge := container.NewHBox(widget.NewLabel("Merge"), a.from, widget.NewLabel("into"), a.into, mergeBtn)
	content := container.NewBorder(container.NewVBox(header, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), container.NewHBox(add, layout.NewSpacer()), merge),
		nil, nil, container.NewVScroll(a.rows))
	a.dlg = dialog.NewCustom(side.Label()+": agency directory", "Close", content, ed.win)
	a.dlg.Resize(fyne.NewSize(860, 560))
	a.unsub = ed.doc.Subscribe(func(e app.Event) {
		if e.Structural() || e.Undo || e.Redo {
			a.build()
		}
	})
	a.dlg.SetOnClosed(func() { a.unsub() })
	a.build()
	a.dlg.Show()
}

func (a *agencyDirectory) build() {
	m := a.ed.doc.Meeting()
	a.rows.Objects = nil
	a.ids = nil
	var names []string
	for _, ag := range m.AgenciesOf(a.sideID) {
		ag := ag
		b := func(f string) binding { return binding{app.KindAgency, ag.ID, f} }
		name := newFieldEntry(a.ed, "agency name", false)
		name.bind(b("name"), ag.Name)
		abbrev := newFieldEntry(a.ed, "abbreviation", false)
		abbrev.bind(b("abbrev"), ag.Abbrev)
		lead := newFieldCheck(a.ed, "Lead", "Change lead agency")
		lead.bind(b("lead"), ag.Lead)
		n := 0
		for _, p := range m.People {
			if p.Agency == ag.ID {
				n++
			}
		}
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { a.remove(ag) })
		used := widget.NewLabel(app.Count(n, "person"))
		used.Importance = widget.LowImportance
		right := container.NewHBox(lead.Check, used, del)
		a.rows.Add(container.NewGridWithColumns(2, name, container.NewBorder(nil, nil, nil, right, abbrev)))
		a.ids = append(a.ids, ag.ID)
		names = append(names, ag.Label())
	}
	if len(a.ids) == 0 {
		a.rows.Add(widget.NewLabel("No agencies yet: add the ministries and agencies this side brings."))
	}
	a.from.Options, a.into.Options = names, names
	a.from.ClearSelected()
	a.into.ClearSelected()
	a.rows.Refresh()
}

func (a *agencyDirectory) add() {
	ag := app.NewRecord(app.KindAgency).(*app.Agency)
	ag.Side = a.sideID
	ag.Pos = a.ed.doc.Meeting().PosAfterLast(app.KindAgency, a.sideID)
	ag.Name = "New agency"
	a.ed.apply(app.Edit{Label: "Add agency", Ops: []app.Op{app.Add(ag)}})
}

func (a *agencyDirectory) remove(ag *app.Agency) {
	ops, err := a.ed.doc.Meeting().DeleteOps(app.KindAgency, ag.ID)
	if err != nil {
		a.ed.showError("Cannot delete the agency", err)
		return
	}
	a.ed.apply(app.Edit{Label: "Delete agency " + ag.Label(), Ops: ops})
}

// merge moves everyone from one agency to another and deletes the first.
func (a *agencyDirectory) merge() {
	fi, ii := a.from.SelectedIndex(), a.into.SelectedIndex()
	if fi < 0 || ii < 0 || fi == ii {
		a.ed.showError("Cannot merge", fmt.Errorf("choose two different agencies: the first is merged into the second"))
		return
	}
	ops := a.ed.doc.Meeting().MergeAgencyOps(a.ids[fi], a.ids[ii])
	a.ed.apply(app.Edit{Label: "Merge agencies", Ops: ops})
}
