package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// statementView is the joint statement: its text as a numbered list of
// paragraphs with a form for the selected one (tab Text), the title and
// signature block (tab Title and signatories), and the numbered drafts
// with redlines (tab Drafts). Every change goes through a Meeting ...Edit
// method and the document, so it can be undone.
type statementView struct {
	ed   *Editor
	tabs *container.AppTabs
	box  fyne.CanvasObject

	textTab, titleTab, draftsTab *container.TabItem

	rows     *textList
	list     *rowList
	ids      []string // the paragraphs shown, in display order
	nums     app.Numbering
	look     sideLook
	selected string
	onlyOpen *widget.Check
	openNote *widget.Label

	form       *paraForm
	formBox    *fyne.Container
	formScroll *container.Scroll
	empty      *widget.Label

	add, before, del, up, down, outdent, indent, agreed *widget.Button

	title  *titlePane
	drafts *draftsPane

	// The last dialogs opened (tests use them).
	altDialog    *altDialog
	agreedDialog *agreedSearch
}

func newStatementView(ed *Editor) *statementView {
	s := &statementView{ed: ed}
	s.rows = newTextList(s.deleteSelected)
	s.list = s.rows.list
	s.rows.sized = func() {
		// Select scrolled while the list had no size yet.
		if i := s.indexOf(s.selected); i >= 0 {
			s.list.ScrollTo(i)
		}
	}
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.ids) && s.ids[i] != s.selected {
			s.selected = s.ids[i]
			s.showForm()
		}
	}
	s.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { s.insert(false) })
	s.before = widget.NewButtonWithIcon("Insert before", theme.ContentAddIcon(), func() { s.insert(true) })
	s.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.deleteSelected)
	s.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(-1) })
	s.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(1) })
	s.outdent = widget.NewButtonWithIcon("Outdent", theme.NavigateBackIcon(), func() { s.indentBy(-1) })
	s.indent = widget.NewButtonWithIcon("Indent", theme.NavigateNextIcon(), func() { s.indentBy(1) })
	s.agreed = widget.NewButtonWithIcon("Agreed language…", theme.SearchIcon(), func() { showAgreedSearch(s) })
	s.onlyOpen = widget.NewCheck("Only what is still open", func(bool) { s.rebuild() })
	s.openNote = widget.NewLabel("")
	s.openNote.Importance = widget.LowImportance

	toolbar := container.NewHBox(s.add, s.before, s.del, s.up, s.down, s.outdent, s.indent, layout.NewSpacer(), s.agreed)
	filterRow := container.NewHBox(s.onlyOpen, s.openNote)
	s.form = newParaForm(s)
	s.empty = widget.NewLabel("Select a paragraph to edit it, or add one.")
	s.formBox = container.NewStack(s.empty)
	s.formScroll = container.NewVScroll(container.NewPadded(s.formBox))
	split := container.NewHSplit(container.NewBorder(filterRow, nil, nil, nil, s.rows.object()), s.formScroll)
	split.SetOffset(0.6)
	s.textTab = container.NewTabItem("Text", container.NewBorder(toolbar, nil, nil, nil, split))

	s.title = newTitlePane(s)
	s.titleTab = container.NewTabItem("Title and signatories", s.title.object())
	s.drafts = newDraftsPane(s)
	s.draftsTab = container.NewTabItem("Drafts and redlines", s.drafts.object())
	s.tabs = container.NewAppTabs(s.textTab, s.titleTab, s.draftsTab)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t == s.draftsTab {
			s.drafts.shown()
		}
	}
	s.box = container.NewBorder(heading("Statement"), nil, nil, nil, s.tabs)
	s.addShortcuts()
	return s
}

func (s *statementView) object() fyne.CanvasObject { return s.box }

// Keyboard: Ctrl+B brackets the selected passage for the first side listed
// (our side, in a bilateral meeting), Ctrl+Shift+B for the second, and
// Alt+1 to Alt+9 for each side in order; Alt+Up and Alt+Down move the
// paragraph; Ctrl+] and Ctrl+[ indent and outdent it.
var (
	scBracket      = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	scBracketOther = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scMoveUp       = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	scMoveDown     = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	scIndent       = &desktop.CustomShortcut{KeyName: fyne.KeyRightBracket, Modifier: fyne.KeyModifierShortcutDefault}
	scOutdent      = &desktop.CustomShortcut{KeyName: fyne.KeyLeftBracket, Modifier: fyne.KeyModifierShortcutDefault}
)

func (s *statementView) addShortcuts() {
	c := s.ed.win.Canvas()
	scs := []*desktop.CustomShortcut{scBracket, scBracketOther, scMoveUp, scMoveDown, scIndent, scOutdent}
	for n := 0; n < maxSideKeys; n++ {
		scs = append(scs, scBracketSide(n))
	}
	for _, sc := range scs {
		c.AddShortcut(sc, func(k fyne.Shortcut) {
			if s.ed.current == "statement" {
				s.shortcut(k)
			}
		})
	}
}

// shortcut runs the view's shortcut k; false when k is not one.
func (s *statementView) shortcut(k fyne.Shortcut) bool {
	cs, ok := k.(*desktop.CustomShortcut)
	if !ok {
		return false
	}
	same := func(x *desktop.CustomShortcut) bool { return cs.KeyName == x.KeyName && cs.Modifier == x.Modifier }
	switch {
	case same(scBracket), same(scBracketOther), sideKeyIndex(cs) >= 0:
		sides := s.ed.doc.Meeting().Perspective("").Sides
		k := sideKeyIndex(cs)
		switch {
		case same(scBracket):
			k = 0
		case same(scBracketOther):
			k = 1
		}
		if k < len(sides) {
			s.form.bracket(sides[k].ID)
		}
	case same(scMoveUp):
		s.move(-1)
	case same(scMoveDown):
		s.move(1)
	case same(scIndent):
		s.indentBy(1)
	case same(scOutdent):
		s.indentBy(-1)
	default:
		return false
	}
	return true
}

func (s *statementView) reset() {
	m := s.ed.doc.Meeting()
	if m.ParagraphByID(s.selected) == nil {
		s.selected = ""
	}
	s.rebuild()
	s.title.refresh()
	s.drafts.reset()
}

func (s *statementView) changed(ev app.Event) {
	text, sigs := false, false
	for _, c := range ev.Changes {
		switch c.Kind {
		case app.KindParagraph:
			text = true
		case app.KindDetails:
			// Our side and the host decide the sides' order and colours.
			if c.Op != app.OpSet || c.Field == "ourSide" || c.Field == "hostSide" {
				text, sigs = true, true
			}
		case app.KindStatement, app.KindSide:
			text, sigs = true, true
		case app.KindSignatory:
			sigs = true
		}
	}
	if text {
		s.rebuild()
	}
	if sigs {
		s.title.refresh()
	}
	s.drafts.changed(ev)
}

// rebuild recomputes the rows and refreshes those whose look changed.
func (s *statementView) rebuild() {
	m := s.ed.doc.Meeting()
	s.nums = m.Numbers()
	s.look = newSideLook(m)
	var filter app.OpenFilter
	only := s.onlyOpen.Checked
	if only {
		filter = m.StillOpen()
	}
	order := m.DisplayOrder()
	ids := make([]string, 0, len(order))
	looks := make([]rowLook, 0, len(order))
	for _, p := range order {
		if only && !filter.Shows(p.ID) {
			continue
		}
		ids = append(ids, p.ID)
		looks = append(looks, s.rowLook(m, p, only && filter.Context[p.ID]))
	}
	s.ids = ids
	s.rows.set(looks)
	s.openSummary(m, only, filter)
	s.selectCurrent()
	s.showForm()
}

// rowLook is what the list shows for a paragraph; context rows (shown by
// the filter only to place open ones) are dimmed.
func (s *statementView) rowLook(m *app.Meeting, p *app.Paragraph, context bool) rowLook {
	base := inline("")
	if context {
		base.ColorName = theme.ColorNamePlaceHolder
	}
	if p.Kind == app.ParaHeading {
		base.TextStyle.Bold = true
	}
	hits := m.ParagraphLint(p)
	segs := endLine(s.look.paraText(p, hits, base))
	segs = append(segs, s.notes(m, p, hits)...)
	lk := rowLook{num: seg{s.nums.Label[p.ID], inline(base.ColorName)}, level: max(0, min(p.Level, 2)), chip: string(p.State),
		chipIm: stateImportance(p.State), segs: segs}
	if p.Kind == app.ParaHeading {
		lk.level = 0
	}
	if context {
		lk.chipIm = widget.LowImportance
	}
	lk.setKey()
	return lk
}

// notes are the lines under a paragraph's text: who proposed an
// alternative, where agreed language came from, treaty words.
func (s *statementView) notes(m *app.Meeting, p *app.Paragraph, hits []app.LintHit) []seg {
	var out []seg
	line := func(text string, c fyne.ThemeColorName) {
		st := caption(c)
		st.Inline = false
		out = append(out, seg{text, st})
	}
	alts := len(app.Alternatives(m)[p.ID])
	switch {
	case p.AltOf != "":
		line(fmt.Sprintf("Alternative wording of %s, proposed by %s", s.refOf(p.AltOf), s.look.nameOf(p.Side)), s.look.colorOf(p.Side))
	case alts > 0:
		line(fmt.Sprintf("Proposed by %s; %s: choose one to resolve", s.look.nameOf(p.Side), app.Count(alts, "alternative wording")), s.look.colorOf(p.Side))
	}
	if p.AgreedLanguage {
		line("Agreed language"+sourceText(p.Source), theme.ColorNameSuccess)
	}
	for _, h := range hits {
		line("Treaty language: "+h.Message(m.Statement.Kind), theme.ColorNameWarning)
	}
	return out
}

// sourceText says where reused agreed language came from.
func sourceText(src *app.Source) string {
	if src == nil {
		return ""
	}
	var parts []string
	for _, x := range []string{src.Meeting, src.Date} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	if src.Number != "" {
		parts = append(parts, "paragraph "+src.Number)
	}
	if src.File != "" {
		parts = append(parts, src.File)
	}
	if len(parts) == 0 {
		return ""
	}
	return " from " + strings.Join(parts, ", ")
}

// refOf is a paragraph's reference: "5", "6(a)", or its description.
func (s *statementView) refOf(id string) string {
	if r := s.nums.Ref[id]; r != "" {
		return r
	}
	return "a paragraph"
}

// paraName names a paragraph in a title: "Paragraph 5 bis", "Heading \"Scope\"".
func (s *statementView) paraName(p *app.Paragraph) string {
	ref := s.refOf(p.ID)
	if s.nums.Label[p.ID] != "" {
		return "Paragraph " + ref
	}
	return strings.ToUpper(ref[:1]) + ref[1:]
}

func (s *statementView) openSummary(m *app.Meeting, only bool, f app.OpenFilter) {
	if !only {
		f = m.StillOpen()
	}
	open := len(f.Open)
	brackets := 0
	for _, n := range m.OpenBracketsBySide() {
		brackets += n
	}
	if open == 0 {
		s.openNote.SetText("Nothing open: every paragraph is agreed")
		return
	}
	s.openNote.SetText(fmt.Sprintf("%s still open, %s", app.Count(open, "paragraph"), app.Count(brackets, "open bracket")))
}

func (s *statementView) indexOf(id string) int {
	for i, x := range s.ids {
		if x == id {
			return i
		}
	}
	return -1
}

// selectCurrent selects the selected paragraph's row (the first when none).
func (s *statementView) selectCurrent() {
	if s.selected == "" && len(s.ids) > 0 {
		s.selected = s.ids[0]
	}
	if i := s.indexOf(s.selected); i >= 0 {
		s.list.Select(i)
	} else {
		s.list.UnselectAll()
	}
	s.buttons()
}

// selectID selects a paragraph and shows it.
func (s *statementView) selectID(id string) {
	s.selected = id
	if s.indexOf(id) < 0 && s.onlyOpen.Checked {
		s.onlyOpen.SetChecked(false) // rebuilds
	}
	s.selectCurrent()
	if i := s.indexOf(id); i >= 0 {
		s.list.ScrollTo(i)
	}
	s.showForm()
}

func (s *statementView) para() *app.Paragraph {
	return s.ed.doc.Meeting().ParagraphByID(s.selected)
}

func (s *statementView) buttons() {
	p := s.para()
	has := p != nil
	for _, b := range []*widget.Button{s.before, s.del, s.up, s.down} {
		setEnabled(b, has)
	}
	setEnabled(s.indent, has && p.Kind != app.ParaHeading && p.Level < 2)
	setEnabled(s.outdent, has && p.Kind != app.ParaHeading && p.Level > 0)
}

func (s *statementView) showForm() {
	p := s.para()
	if p == nil {
		s.selected = ""
		if len(s.formBox.Objects) != 1 || s.formBox.Objects[0] != s.empty {
			s.formBox.Objects = []fyne.CanvasObject{s.empty}
			s.formBox.Refresh()
		}
		s.buttons()
		return
	}
	if len(s.formBox.Objects) != 1 || s.formBox.Objects[0] != s.form.box {
		s.formBox.Objects = []fyne.CanvasObject{s.form.box}
		s.formBox.Refresh()
	}
	s.form.show(p)
	s.buttons()
}

// focus selects a paragraph (Problems, Show), a signatory, a draft or the
// statement's own fields.
func (s *statementView) focus(id, field string) {
	ref, ok := s.ed.doc.Lookup(id)
	if !ok {
		return
	}
	switch ref.Kind {
	case app.KindParagraph:
		s.tabs.Select(s.textTab)
		s.selectID(id)
		s.form.focus(field)
	case app.KindSignatory:
		s.tabs.Select(s.titleTab)
		s.title.focus(id)
	case app.KindStatement:
		s.tabs.Select(s.titleTab)
		s.title.focus("")
	case app.KindVersion:
		s.tabs.Select(s.draftsTab)
		s.drafts.focus(id)
	}
}

// do returns a function that applies an edit made by a Meeting ...Edit
// method and shows a refusal under title: s.do(title)(m.MoveParagraphEdit(id, 1)).
func (s *statementView) do(title string) func(app.Edit, error) bool {
	return func(ed app.Edit, err error) bool {
		if err == nil && len(ed.Ops) == 0 {
			return false
		}
		if err == nil {
			err = s.ed.doc.Apply(ed)
		}
		if err != nil {
			s.ed.showError(title, err)
			return false
		}
		return true
	}
}

func (s *statementView) insert(before bool) {
	m := s.ed.doc.Meeting()
	var ed app.Edit
	var id string
	var err error
	if before {
		ed, id, err = m.InsertBeforeEdit(s.selected, "")
	} else {
		ed, id, err = m.InsertAfterEdit(s.selected, "")
	}
	if s.do("Cannot insert a paragraph")(ed, err) {
		s.tabs.Select(s.textTab)
		s.selectID(id)
		s.form.focus("text")
	}
}

// deleteSelected deletes the selected paragraph after asking.
func (s *statementView) deleteSelected() {
	p := s.para()
	if p == nil || s.tabs.Selected() != s.textTab {
		return
	}
	what := s.paraName(p)
	msg := "Delete " + strings.ToLower(what[:1]) + what[1:]
	if alts := len(app.Alternatives(s.ed.doc.Meeting())[p.ID]); alts > 0 {
		msg += " with its " + app.Count(alts, "alternative wording")
	}
	msg += "? You can undo this."
	confirm(s.ed, "Delete paragraph", msg, "Delete", func() {
		next := ""
		if i := s.indexOf(p.ID); i >= 0 && i+1 < len(s.ids) {
			next = s.ids[i+1]
		} else if i > 0 {
			next = s.ids[i-1]
		}
		id := p.ID
		if s.do("Cannot delete the paragraph")(s.ed.doc.Meeting().DeleteParagraphEdit(id)) {
			if s.ed.doc.Meeting().ParagraphByID(next) == nil {
				next = ""
			}
			s.selectID(next)
		}
	})
}

func (s *statementView) move(delta int) {
	if p := s.para(); p != nil {
		s.do("Cannot move the paragraph")(s.ed.doc.Meeting().MoveParagraphEdit(p.ID, delta))
		if i := s.indexOf(s.selected); i >= 0 {
			s.list.ScrollTo(i)
		}
	}
}

func (s *statementView) indentBy(delta int) {
	if p := s.para(); p != nil {
		title := "Cannot indent the paragraph"
		if delta < 0 {
			title = "Cannot outdent the paragraph"
		}
		s.do(title)(s.ed.doc.Meeting().IndentEdit(p.ID, delta))
	}
}

// statementCommands are the Statement view's commands for the window's
// menu, with their shortcuts. On another view a command shows the
// Statement view rather than act on a selection the user cannot see.
func (e *Editor) statementCommands() []action {
	s := e.views["statement"].(*statementView)
	on := func(run func()) func() {
		return func() {
			if e.current != "statement" {
				e.showView("statement")
				return
			}
			run()
		}
	}
	key := func(sc fyne.Shortcut) func() { return on(func() { s.shortcut(sc) }) }
	return []action{
		{"Bracket Selection for the First Side", scBracket, key(scBracket)},
		{"Bracket Selection for the Second Side", scBracketOther, key(scBracketOther)},
		{"Move Paragraph Up", scMoveUp, key(scMoveUp)},
		{"Move Paragraph Down", scMoveDown, key(scMoveDown)},
		{"Indent Paragraph", scIndent, key(scIndent)},
		{"Outdent Paragraph", scOutdent, key(scOutdent)},
		{"Insert Agreed Language…", nil, on(func() { showAgreedSearch(s) })},
		{"Save Draft…", nil, on(s.drafts.saveDialog)},
		{"Compare Drafts", nil, on(func() { s.tabs.Select(s.draftsTab) })},
		{"Treaty Words…", nil, on(func() { showTreatyWords(e) })},
	}
}

// bracketSideMenu is the Statement menu's "Bracket Selection for" item:
// one entry per side with its shortcut, kept up to date by refreshSideMenu.
func (e *Editor) bracketSideMenu() *fyne.MenuItem {
	mi := fyne.NewMenuItem("Bracket Selection for", nil)
	e.sideMenu = fyne.NewMenu("Bracket Selection for")
	mi.ChildMenu = e.sideMenu
	e.refreshSideMenu()
	return mi
}

// refreshSideMenu lists the meeting's sides in the bracket menu, in the
// order the Statement view lists them.
func (e *Editor) refreshSideMenu() {
	if e.sideMenu == nil {
		return
	}
	s := e.views["statement"].(*statementView)
	var items []*fyne.MenuItem
	sides := e.doc.Meeting().Perspective("").Sides
	for n, sd := range sides {
		mi := fyne.NewMenuItem(sd.Label(), func() {
			if e.current != "statement" {
				e.showView("statement")
				return
			}
			s.form.bracket(sd.ID)
		})
		if n < maxSideKeys {
			mi.Shortcut = scBracketSide(n)
		}
		items = append(items, mi)
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No sides yet", nil)
		none.Disabled = true
		items = append(items, none)
	}
	e.sideMenu.Items = items
	e.sideMenu.Refresh()
}
