package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// paraForm edits the selected paragraph: kind, state, proposing side,
// lead-in, text with its brackets, alternative wordings, agreed language;
// it lists the paragraph's treaty words.
type paraForm struct {
	s  *statementView
	id string

	title      *widget.Label
	kind       *widget.Select
	state      *widget.Select
	side       *fieldSelect
	leadIn     *fieldEntry
	text       *fieldEntry
	bracketBar *fyne.Container
	hint       *widget.Label
	brackets   *fyne.Container
	wordings   *fyne.Container
	agreedLang *widget.Check
	source     *widget.Label
	lint       *fyne.Container
	loading    bool
	box        *fyne.Container
	// bracketButtons are the "Bracket for <side>" buttons, by side ID.
	bracketButtons map[string]*widget.Button
	sideKey        string
}

func newParaForm(s *statementView) *paraForm {
	f := &paraForm{s: s}
	ed := s.ed
	f.title = heading("")
	f.title.Wrapping = fyne.TextWrapWord
	f.kind = widget.NewSelect(enumStrings(app.ParagraphKinds), func(v string) {
		if !f.loading {
			f.s.do("Cannot change the kind")(ed.doc.Meeting().SetKindEdit(f.id, app.ParagraphKind(v)))
			f.reload()
		}
	})
	f.state = widget.NewSelect(enumStrings(app.States), func(v string) {
		if !f.loading {
			f.s.do("Cannot change the state")(ed.doc.Meeting().SetStateEdit(f.id, app.State(v)))
			f.reload()
		}
	})
	f.side = newFieldSelect(ed, "proposing side")
	f.leadIn = newEditEntry(ed, "Cannot change the lead-in", false)
	f.leadIn.trimmed = true
	f.leadIn.SetPlaceHolder("Bold lead-in (optional)")
	f.leadIn.edit = func(v string) (app.Edit, error) { return ed.doc.Meeting().SetLeadInEdit(f.id, v) }
	f.leadIn.onShortcut = s.shortcut
	f.text = newEditEntry(ed, "Cannot change the text", true)
	f.text.SetPlaceHolder("The paragraph's text")
	f.text.edit = func(v string) (app.Edit, error) { return ed.doc.Meeting().SetTextEdit(f.id, v) }
	f.text.onShortcut = s.shortcut
	f.text.onRows = f.relayout
	f.bracketBar = container.NewVBox()
	f.hint = widget.NewLabel("")
	f.hint.Wrapping = fyne.TextWrapWord
	f.hint.SizeName = theme.SizeNameCaptionText
	f.hint.Importance = widget.LowImportance
	f.brackets = container.NewVBox()
	f.wordings = container.NewVBox()
	f.agreedLang = widget.NewCheck("Agreed language: text later statements may reuse", func(on bool) {
		if !f.loading {
			f.s.do("Cannot mark agreed language")(ed.doc.Meeting().SetAgreedLanguageEdit(f.id, on))
		}
	})
	f.source = widget.NewLabel("")
	f.source.Wrapping = fyne.TextWrapWord
	f.lint = container.NewVBox()

	form := widget.NewForm(
		widget.NewFormItem("Kind", f.kind),
		widget.NewFormItem("State", f.state),
		widget.NewFormItem("Proposed by", f.side.Select),
		widget.NewFormItem("Lead-in", f.leadIn),
		widget.NewFormItem("Text", f.text),
		widget.NewFormItem("", container.NewVBox(f.bracketBar, f.hint)),
	)
	f.box = container.NewVBox(f.title, form,
		f.brackets, f.wordings,
		subheading("Agreed language"), f.agreedLang, f.source,
		f.lint)
	return f
}

// subheading is a small bold section title in a form.
func subheading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

func (f *paraForm) para() *app.Paragraph { return f.s.ed.doc.Meeting().ParagraphByID(f.id) }

// show binds the form to a paragraph and shows its values.
func (f *paraForm) show(p *app.Paragraph) {
	if f.id != p.ID {
		// A new paragraph: its entries start afresh.
		f.leadIn.loading, f.text.loading = true, true
		f.leadIn.SetText(p.LeadIn)
		f.text.SetText(p.Text.Plain())
		f.leadIn.loading, f.text.loading = false, false
	}
	f.id = p.ID
	f.reload()
}

// reload shows the bound paragraph's values as the meeting has them.
func (f *paraForm) reload() {
	p := f.para()
	if p == nil {
		return
	}
	m := f.s.ed.doc.Meeting()
	f.loading = true
	defer func() { f.loading = false }()
	title := f.s.paraName(p)
	if p.AltOf != "" {
		title += " — alternative wording of " + f.s.refOf(p.AltOf)
	}
	f.title.SetText(title)
	f.kind.SetSelected(string(p.Kind))
	f.state.SetSelected(string(p.State))
	texts, values := []string{"(not recorded)"}, []string{""}
	for _, sd := range m.Sides {
		texts = append(texts, sd.Label())
		values = append(values, sd.ID)
	}
	f.side.setOptions(texts, values)
	f.side.bind(binding{app.KindParagraph, p.ID, "side"}, p.Side)
	f.leadIn.load(p.LeadIn)
	f.text.load(p.Text.Plain())
	f.agreedLang.SetChecked(p.AgreedLanguage)
	if p.Source != nil {
		f.source.SetText("Inserted" + sourceText(p.Source) + ".")
		f.source.Show()
	} else {
		f.source.Hide()
	}
	f.bracketButtonsFor(m)
	f.showBrackets(p)
	f.showWordings(m, p)
	f.showLint(m, p)
	f.relayout()
}

// relayout lays the form out again after its parts changed. Wrapped text
// knows its height only once it has its width, so the form is laid out,
// the scroll sized to it, and the form laid out again at that size.
func (f *paraForm) relayout() {
	f.box.Refresh()
	if f.s.formScroll != nil {
		f.s.formScroll.Refresh()
	}
	f.box.Refresh()
}

// bracketButtonsFor makes one "Bracket for" button per side, in the order
// the sides are listed (our side first in a bilateral meeting, the host
// then alphabetical in a multilateral one), each marked with the side's
// colour. Two sides share a row; more go two to a row under a caption, so
// eight sides fit the form. Every side has a shortcut (Alt+1, Alt+2…),
// and Ctrl+B and Ctrl+Shift+B bracket for the first two.
func (f *paraForm) bracketButtonsFor(m *app.Meeting) {
	sides := m.Perspective("").Sides
	key := sidesKey(m)
	if key == f.sideKey {
		return
	}
	f.sideKey = key
	f.bracketButtons = map[string]*widget.Button{}
	f.bracketBar.Objects = nil
	many := len(sides) > 2
	var cells []fyne.CanvasObject
	for _, sd := range sides {
		id := sd.ID
		text := "Bracket for " + sd.Label()
		if many {
			text = sd.Label()
		}
		b := widget.NewButton(text, func() { f.bracket(id) })
		f.bracketButtons[id] = b
		swatch := canvas.NewRectangle(theme.Color(sideColorName(m.SideIndex(id))))
		swatch.SetMinSize(fyne.NewSize(4, 1))
		cells = append(cells, container.NewBorder(nil, nil, swatch, nil, b))
	}
	switch {
	case many:
		f.bracketBar.Add(widget.NewLabel("Bracket the selected passage for"))
		f.bracketBar.Add(container.NewGridWithColumns(2, cells...))
	case len(cells) > 0:
		f.bracketBar.Add(container.NewHBox(cells...))
	}
	f.bracketBar.Refresh()
	f.hint.SetText(bracketHint(sides))
}

// bracketHint says how to bracket from the keyboard.
func bracketHint(sides []*app.Side) string {
	hint := "Select a passage of the text, then bracket it for the side that proposes it"
	if len(sides) == 0 {
		return hint + "."
	}
	var keys []string
	if len(sides) <= 2 {
		keys = append(keys, shortcutText("B")+": "+sides[0].Label())
		if len(sides) > 1 {
			keys = append(keys, shortcutText("Shift+B")+": "+sides[1].Label())
		}
	}
	n := min(len(sides), maxSideKeys)
	switch n {
	case 1:
		keys = append(keys, sideKeyName(0)+": "+sides[0].Label())
	default:
		keys = append(keys, sideKeyName(0)+" to "+sideKeyName(n-1)+": the sides in this order")
	}
	return hint + " (" + strings.Join(keys, "; ") + ")."
}

// bracket puts the passage selected in the text entry in brackets
// proposed by the side.
func (f *paraForm) bracket(side string) {
	if f.para() == nil {
		return
	}
	start, end, ok := f.text.selection()
	if !ok {
		f.s.ed.showError("Nothing to bracket", fmt.Errorf("select the passage to bracket in the paragraph's text first"))
		return
	}
	f.s.do("Cannot bracket the passage")(f.s.ed.doc.Meeting().BracketEdit(f.id, start, end, side))
}

// showBrackets lists the paragraph's open brackets with Keep and Drop.
func (f *paraForm) showBrackets(p *app.Paragraph) {
	f.brackets.Objects = nil
	bs := p.Text.Brackets()
	if len(bs) > 0 {
		f.brackets.Add(subheading(fmt.Sprintf("Open brackets (%d)", len(bs))))
	}
	look := f.s.look
	for _, b := range bs {
		b := b
		c := look.colorOf(b.Side)
		txt := widget.NewRichText(
			&widget.TextSegment{Text: "[" + strings.TrimSpace(b.Text) + "]", Style: inline(c)},
			&widget.TextSegment{Text: "  proposed by " + look.nameOf(b.Side), Style: caption(c)})
		txt.Wrapping = fyne.TextWrapWord
		keep := widget.NewButton("Keep", func() {
			f.s.do("Cannot keep the bracketed text")(f.s.ed.doc.Meeting().ResolveBracketEdit(f.id, b.ID, true))
		})
		drop := widget.NewButton("Drop", func() {
			f.s.do("Cannot drop the bracketed text")(f.s.ed.doc.Meeting().ResolveBracketEdit(f.id, b.ID, false))
		})
		f.brackets.Add(container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(keep, drop)), txt))
	}
	f.brackets.Refresh()
}

// showWordings lists a paragraph's wordings (itself and its
// alternatives) with Choose, and offers to add one.
func (f *paraForm) showWordings(m *app.Meeting, p *app.Paragraph) {
	f.wordings.Objects = nil
	if p.Kind == app.ParaHeading {
		f.wordings.Refresh()
		return
	}
	base := p
	if p.AltOf != "" {
		if b := m.ParagraphByID(p.AltOf); b != nil {
			base = b
		}
	}
	alts := app.Alternatives(m)[base.ID]
	add := widget.NewButtonWithIcon("Add alternative wording…", theme.ContentAddIcon(), func() { f.addAlternative(base) })
	if len(alts) == 0 {
		f.wordings.Add(container.NewHBox(add))
		f.wordings.Refresh()
		return
	}
	f.wordings.Add(subheading(fmt.Sprintf("Wordings (%d): choose one to resolve", len(alts)+1)))
	look := f.s.look
	for _, w := range append([]*app.Paragraph{base}, alts...) {
		w := w
		label := f.s.nums.Label[w.ID]
		if label == "" {
			label = f.s.refOf(w.ID)
		}
		segs := append([]seg{{label + "  ", inline("")}, {look.nameOf(w.Side) + "  ", caption(look.colorOf(w.Side))}},
			cutSegs(look.paraText(w, nil, inline("")), 140)...)
		txt := widget.NewRichText(richSegments(segs)...)
		txt.Wrapping = fyne.TextWrapWord
		choose := widget.NewButton("Choose", func() {
			if f.s.do("Cannot choose the wording")(f.s.ed.doc.Meeting().ChooseAlternativeEdit(w.ID)) {
				f.s.selectID(base.ID)
			}
		})
		btns := container.NewHBox(choose)
		if w.AltOf != "" {
			btns.Add(widget.NewButton("Withdraw", func() {
				if f.s.do("Cannot withdraw the wording")(f.s.ed.doc.Meeting().DeleteParagraphEdit(w.ID)) {
					f.s.selectID(base.ID)
				}
			}))
		}
		f.wordings.Add(container.NewBorder(nil, nil, nil, container.NewVBox(btns), txt))
	}
	f.wordings.Add(container.NewHBox(add))
	f.wordings.Refresh()
}

// cutSegs cuts styled text to about n runes, ending with an ellipsis.
func cutSegs(segs []seg, n int) []seg {
	var out []seg
	for _, sg := range segs {
		r := []rune(sg.text)
		if len(r) >= n {
			sg.text = string(r[:n]) + "…"
			return append(out, sg)
		}
		n -= len(r)
		out = append(out, sg)
	}
	return out
}

// showLint lists the paragraph's treaty words.
func (f *paraForm) showLint(m *app.Meeting, p *app.Paragraph) {
	f.lint.Objects = nil
	hits := m.ParagraphLint(p)
	if len(hits) > 0 {
		words := widget.NewButton("Treaty words…", func() { showTreatyWords(f.s.ed) })
		f.lint.Add(container.NewHBox(subheading("Language check"), layout.NewSpacer(), words))
	}
	for _, h := range hits {
		l := widget.NewLabel(h.Message(m.Statement.Kind))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		f.lint.Add(l)
	}
	f.lint.Refresh()
}

// addAlternative asks for an alternative wording of base and its side.
func (f *paraForm) addAlternative(base *app.Paragraph) {
	m := f.s.ed.doc.Meeting()
	var names, ids []string
	for _, sd := range m.Perspective("").Sides {
		names = append(names, sd.Label())
		ids = append(ids, sd.ID)
	}
	side := widget.NewSelect(names, nil)
	if len(names) > 0 {
		side.SetSelectedIndex(0)
	}
	text := newPlainEntry(f.s.ed, true)
	text.SetMinRowsVisible(6)
	text.SetText(base.Text.Plain())
	items := []*widget.FormItem{
		widget.NewFormItem("Proposed by", side),
		widget.NewFormItem("Wording", text),
	}
	d := dialog.NewForm("Alternative wording of "+f.s.refOf(base.ID), "Add", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		sideID := ""
		if i := side.SelectedIndex(); i >= 0 {
			sideID = ids[i]
		}
		ed, id, err := f.s.ed.doc.Meeting().AddAlternativeEdit(base.ID, sideID, text.Text)
		if f.s.do("Cannot add the alternative wording")(ed, err) {
			f.s.selectID(id)
		}
	}, f.s.ed.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
	f.s.altDialog = &altDialog{d: d, side: side, text: text}
}

// altDialog is the open "Alternative wording" dialog (tests fill it in).
type altDialog struct {
	d    dialog.Dialog
	side *widget.Select
	text *plainEntry
}

// focus puts the cursor in a field of the form.
func (f *paraForm) focus(field string) {
	c := f.s.ed.win.Canvas()
	switch field {
	case "leadIn":
		c.Focus(f.leadIn)
	case "text", "":
		c.Focus(f.text)
	}
}
