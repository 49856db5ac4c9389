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

// titlePane edits the statement's own fields (title, kind,
// classification, the treaty-word list) and the signature block: one
// column per side with its signatories.
type titlePane struct {
	s       *statementView
	title   *fieldEntry
	kind    *fieldSelect
	marking *markingEditor
	words   *widget.Label
	order   *widget.Label
	columns *fyne.Container
	// rows are the signatory editors by ID; layout the sides and
	// signatories they were built for.
	rows   map[string]*signatoryRow
	layout string
	scroll *container.Scroll
}

// signatoryRow edits one signatory.
type signatoryRow struct {
	name, title *fieldEntry
	up, down    *widget.Button
}

func newTitlePane(s *statementView) *titlePane {
	t := &titlePane{s: s, rows: map[string]*signatoryRow{}}
	ed := s.ed
	t.title = newFieldEntry(ed, "statement title", false)
	t.title.SetPlaceHolder("Joint Statement on …")
	t.kind = newFieldSelect(ed, "statement kind")
	t.kind.setOptions(enumStrings(app.StatementKinds), enumStrings(app.StatementKinds))
	t.marking = newMarkingEditor(ed, "As the meeting")
	t.words = widget.NewLabel("")
	wordsBtn := widget.NewButton("Treaty words…", func() { showTreatyWords(ed) })
	form := widget.NewForm(
		widget.NewFormItem("Title", t.title),
		widget.NewFormItem("Kind", t.kind.Select),
		widget.NewFormItem("Classification", t.marking.object()),
		widget.NewFormItem("Language check", container.NewHBox(wordsBtn, t.words)),
	)
	t.order = widget.NewLabel("")
	t.order.Wrapping = fyne.TextWrapWord
	t.order.Importance = widget.LowImportance
	t.columns = container.NewGridWithColumns(1)
	content := container.NewVBox(subheading("Statement"), form, widget.NewSeparator(),
		subheading("Signature block"), t.order, t.columns)
	t.scroll = container.NewVScroll(container.NewPadded(content))
	return t
}

func (t *titlePane) object() fyne.CanvasObject { return t.scroll }

// refresh shows the statement's fields and the signature block; the
// columns are rebuilt only when signatories come, go or move, so typing
// in one keeps its place.
func (t *titlePane) refresh() {
	m := t.s.ed.doc.Meeting()
	st := &m.Statement
	t.title.bind(binding{app.KindStatement, st.ID, "title"}, st.Title)
	t.kind.bind(binding{app.KindStatement, st.ID, "kind"}, string(st.Kind))
	t.marking.bind(binding{app.KindStatement, st.ID, "marking"}, st.Marking)
	switch {
	case !st.Kind.LessThanTreaty():
		t.words.SetText("no check: a " + string(st.Kind) + " may use treaty words")
	case len(st.TreatyWords) > 0:
		t.words.SetText(fmt.Sprintf("%d words and phrases (this statement's own list)", len(st.TreatyWords)))
	default:
		t.words.SetText(fmt.Sprintf("%d words and phrases (the default list)", len(app.DefaultTreatyWords())))
	}
	sides := m.Perspective("").Sides
	var names []string
	for _, sd := range sides {
		names = append(names, sd.Label())
	}
	if m.Multilateral() {
		t.order.SetText("One column per signatory, at most three to a row. Every copy of the briefing pack lists the host's " +
			"signatories first, then the other sides' in alphabetical order (or the order chosen for the export): " +
			strings.Join(names, ", ") + ".")
	} else {
		t.order.SetText("One column per signatory. Each side's copy of the briefing pack puts its own signatories first, " +
			"so the pack's perspective decides the column order; here they stand as in our copy (" + strings.Join(names, ", ") + ").")
	}
	var key strings.Builder
	for _, sd := range sides {
		key.WriteString(sd.ID + "=" + sd.Label() + ":")
		for _, g := range m.Signatories {
			if g.Side == sd.ID {
				key.WriteString(g.ID + ",")
			}
		}
		key.WriteString(";")
	}
	if key.String() != t.layout {
		t.layout = key.String()
		t.build(m, sides)
		return
	}
	for _, g := range m.Signatories {
		if r := t.rows[g.ID]; r != nil {
			r.name.load(g.Name)
			r.title.load(g.Title)
		}
	}
}

// build makes the signature block's columns.
func (t *titlePane) build(m *app.Meeting, sides []*app.Side) {
	t.rows = map[string]*signatoryRow{}
	var cols []fyne.CanvasObject
	for _, sd := range sides {
		side := sd.ID
		col := container.NewVBox(heading(sd.Label()))
		var sigs []*app.Signatory
		for _, g := range m.Signatories {
			if g.Side == side {
				sigs = append(sigs, g)
			}
		}
		for i, g := range sigs {
			col.Add(t.sigRow(g, i, len(sigs)))
		}
		if len(sigs) == 0 {
			none := widget.NewLabel("No signatory yet.")
			none.Importance = widget.LowImportance
			col.Add(none)
		}
		col.Add(container.NewHBox(widget.NewButtonWithIcon("Add signatory for "+sd.Label(), theme.ContentAddIcon(), func() {
			ed, id, err := t.s.ed.doc.Meeting().AddSignatoryEdit(side, "", "")
			if t.s.do("Cannot add a signatory")(ed, err) {
				t.focus(id)
			}
		})))
		cols = append(cols, col)
	}
	if len(cols) == 0 {
		cols = append(cols, widget.NewLabel("Add the meeting's sides (Overview) to set up the signature block."))
	}
	// Three sides to a row at most, as the pack prints them: eight sides
	// fit the window.
	t.columns.Layout = layout.NewGridLayoutWithColumns(max(1, min(len(cols), 3)))
	t.columns.Objects = cols
	t.columns.Refresh()
}

func (t *titlePane) sigRow(g *app.Signatory, i, n int) fyne.CanvasObject {
	ed := t.s.ed
	id := g.ID
	r := &signatoryRow{}
	r.name = newEditEntry(ed, "Cannot change the signatory", false)
	r.name.trimmed = true
	r.name.SetPlaceHolder("Name (may be left open until signing)")
	r.title = newEditEntry(ed, "Cannot change the signatory", false)
	r.title.trimmed = true
	r.title.SetPlaceHolder("Title, such as Minister for Foreign Affairs")
	r.name.SetText(g.Name)
	r.title.SetText(g.Title)
	set := func(field string) func(string) (app.Edit, error) {
		return func(string) (app.Edit, error) {
			e, err := ed.doc.Meeting().SetSignatoryEdit(id, r.name.Text, r.title.Text)
			e.Coalesce = "signatory:" + id + ":" + field
			return e, err
		}
	}
	r.name.edit, r.title.edit = set("name"), set("title")
	r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
		t.s.do("Cannot move the signatory")(ed.doc.Meeting().MoveSignatoryEdit(id, -1))
	})
	r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
		t.s.do("Cannot move the signatory")(ed.doc.Meeting().MoveSignatoryEdit(id, 1))
	})
	setEnabled(r.up, i > 0)
	setEnabled(r.down, i < n-1)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		who := firstNonEmpty(r.title.Text, r.name.Text, "this signatory")
		confirm(ed, "Delete signatory", "Delete "+who+" from the signature block? You can undo this.", "Delete", func() {
			t.s.do("Cannot delete the signatory")(ed.doc.Meeting().DeleteSignatoryEdit(id))
		})
	})
	t.rows[id] = r
	form := widget.NewForm(widget.NewFormItem("Name", r.name), widget.NewFormItem("Title", r.title))
	return container.NewBorder(nil, nil, nil, container.NewVBox(r.up, r.down, del), form)
}

// focus shows a signatory's name (or, for "", the statement title).
func (t *titlePane) focus(id string) {
	t.refresh()
	c := t.s.ed.win.Canvas()
	if r := t.rows[id]; r != nil {
		c.Focus(r.name)
		return
	}
	c.Focus(t.title)
}
