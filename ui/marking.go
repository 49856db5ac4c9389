package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// markingEditor edits a Marking field: a preset scheme and level with
// markers and caveats, or a custom text.
type markingEditor struct {
	ed     *Editor
	b      binding
	scheme *widget.Select
	level  *widget.Select
	// schemeBox and levelBox hold the selects at the width of their
	// longest choice, so a choice is never cut short.
	schemeBox, levelBox *fitSelect
	extras              *plainEntry
	custom              *plainEntry
	red                 *widget.Check
	box                 *fyne.Container
	preview             *widget.Label
	loading             bool
	// inherit is the text shown when no marking is set ("as the meeting").
	inherit string
}

const (
	schemeNone   = "None"
	schemeCustom = "Custom marking"
)

func newMarkingEditor(ed *Editor, inherit string) *markingEditor {
	me := &markingEditor{ed: ed, inherit: inherit}
	names := []string{schemeNone}
	for _, s := range app.Schemes {
		names = append(names, s.Name)
	}
	names = append(names, schemeCustom)
	me.scheme = widget.NewSelect(names, func(string) { me.schemeChanged() })
	me.level = widget.NewSelect(nil, func(string) { me.commit() })
	me.schemeBox, me.levelBox = newFitSelect(me.scheme), newFitSelect(me.level)
	me.extras = newPlainEntry(ed, false)
	me.extras.SetPlaceHolder("markers and caveats, separated by //")
	me.extras.OnChanged = func(string) { me.commit() }
	me.custom = newPlainEntry(ed, false)
	me.custom.SetPlaceHolder("the banner text")
	me.custom.OnChanged = func(string) { me.commit() }
	me.red = widget.NewCheck("Red", func(bool) { me.commit() })
	me.preview = widget.NewLabel("")
	me.preview.TextStyle = fyne.TextStyle{Bold: true}
	me.box = container.NewVBox()
	return me
}

func (me *markingEditor) object() fyne.CanvasObject { return me.box }

func (me *markingEditor) schemeByName(name string) (app.Scheme, bool) {
	for _, s := range app.Schemes {
		if s.Name == name {
			return s, true
		}
	}
	return app.Scheme{}, false
}

func (me *markingEditor) bind(b binding, m app.Marking) {
	me.b = b
	me.load(m)
}

func (me *markingEditor) load(m app.Marking) {
	me.loading = true
	defer func() { me.loading = false }()
	switch {
	case m.IsZero():
		me.scheme.SetSelected(schemeNone)
	case m.Scheme == app.SchemeCustom:
		me.scheme.SetSelected(schemeCustom)
		if me.custom.Text != m.Custom {
			me.custom.SetText(m.Custom)
		}
		me.red.SetChecked(m.Red)
	default:
		if s, ok := app.SchemeByCode(m.Scheme); ok {
			me.scheme.SetSelected(s.Name)
			me.setLevels(s)
			me.level.SetSelected(m.Level)
		}
		if ex := strings.Join(m.Extras, "//"); me.extras.Text != ex {
			me.extras.SetText(ex)
		}
	}
	me.layoutFor(m)
}

func (me *markingEditor) setLevels(s app.Scheme) {
	var levels []string
	for _, l := range s.Levels {
		levels = append(levels, l.Name)
	}
	me.level.Options = levels
	me.level.Refresh()
	me.levelBox.fit()
}

func (me *markingEditor) layoutFor(m app.Marking) {
	row := []fyne.CanvasObject{me.schemeBox.box}
	switch me.scheme.Selected {
	case schemeNone, "":
	case schemeCustom:
		row = append(row, me.red)
	default:
		row = append(row, me.levelBox.box)
	}
	objs := []fyne.CanvasObject{container.NewHBox(row...)}
	switch me.scheme.Selected {
	case schemeCustom:
		objs = append(objs, me.custom)
	case schemeNone, "":
	default:
		objs = append(objs, me.extras)
	}
	banner := m.Banner()
	if banner == "" {
		banner = me.inherit
	}
	me.preview.SetText(banner)
	if banner != "" {
		objs = append(objs, me.preview)
	}
	me.box.Objects = objs
	me.box.Refresh()
}

func (me *markingEditor) schemeChanged() {
	if me.loading {
		return
	}
	if s, ok := me.schemeByName(me.scheme.Selected); ok {
		me.loading = true
		me.setLevels(s)
		if indexOfString(me.level.Options, me.level.Selected) < 0 && len(s.Levels) > 0 {
			me.level.SetSelected(s.Levels[0].Name)
		}
		me.loading = false
	}
	me.commit()
}

// value is the marking the controls describe.
func (me *markingEditor) value() app.Marking {
	switch me.scheme.Selected {
	case schemeNone, "":
		return app.Marking{}
	case schemeCustom:
		return app.Marking{Scheme: app.SchemeCustom, Custom: me.custom.Text, Red: me.red.Checked}
	}
	s, _ := me.schemeByName(me.scheme.Selected)
	var extras []string
	for _, x := range strings.Split(me.extras.Text, "//") {
		if x = strings.TrimSpace(x); x != "" {
			extras = append(extras, x)
		}
	}
	return app.Marking{Scheme: s.Code, Level: me.level.Selected, Extras: extras}
}

func (me *markingEditor) commit() {
	if me.loading || me.b.id == "" {
		return
	}
	m := me.value()
	me.layoutFor(m)
	me.ed.apply(app.Edit{Label: "Change marking", Coalesce: me.b.id + "/" + me.b.field,
		Ops: []app.Op{app.Set(me.b.kind, me.b.id, me.b.field, m)}})
}

// fitSelect holds a select at least as wide as its longest choice: Fyne
// sizes a select by its placeholder and cuts a longer choice short.
type fitSelect struct {
	sel  *widget.Select
	min  *canvas.Rectangle
	box  *fyne.Container
	last float32
}

func newFitSelect(sel *widget.Select) *fitSelect {
	f := &fitSelect{sel: sel, min: canvas.NewRectangle(color.Transparent)}
	f.box = container.NewStack(f.min, sel)
	f.fit()
	return f
}

// fit sizes the select for its current choices: the widest text plus the
// select's padding and drop-down icon, as Fyne lays a select out.
func (f *fitSelect) fit() {
	th := f.sel.Theme()
	size := th.Size(theme.SizeNameText)
	w := float32(0)
	for _, o := range append([]string{f.sel.PlaceHolder}, f.sel.Options...) {
		w = max(w, fyne.MeasureText(o, size, fyne.TextStyle{}).Width)
	}
	inner := th.Size(theme.SizeNameInnerPadding)
	w += 4*inner + th.Size(theme.SizeNameInlineIcon)
	if w != f.last {
		f.last = w
		f.min.SetMinSize(fyne.NewSize(w, 1))
		f.box.Refresh()
	}
}
