package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// statementEditor opens the sample on the Statement view.
func statementEditor(t *testing.T) (*Editor, *statementView) {
	t.Helper()
	e := newTestEditor(t)
	e.showView("statement")
	return e, e.views["statement"].(*statementView)
}

// paraStarting finds the paragraph whose text starts with prefix.
func paraStarting(t *testing.T, e *Editor, prefix string) *app.Paragraph {
	t.Helper()
	for _, p := range e.doc.Meeting().Paragraphs {
		if strings.HasPrefix(p.Text.Plain(), prefix) {
			return p
		}
	}
	t.Fatalf("no paragraph starts %q", prefix)
	return nil
}

// selectRunes selects runes [start, end) of the entry's text with the
// keyboard, forwards (cursor ends at end) or backwards.
func selectRunes(f *fieldEntry, start, end int, forwards bool) {
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // ends a selection left over
	f.CursorRow, f.CursorColumn = 0, 0
	from, key := end, fyne.KeyName(fyne.KeyLeft)
	if forwards {
		from, key = start, fyne.KeyRight
	}
	for i := 0; i < from; i++ {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	f.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; i < end-start; i++ {
		f.TypedKey(&fyne.KeyEvent{Name: key})
	}
	f.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// buttons finds the visible buttons with a text.
func buttons(e *Editor, text string) []*widget.Button {
	c := e.win.Canvas()
	var out []*widget.Button
	roots := append(c.Overlays().List(), c.Content())
	for _, r := range roots {
		for _, o := range test.LaidOutObjects(r) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
				out = append(out, b)
			}
		}
	}
	return out
}

func sideByCode(t *testing.T, m *app.Meeting, code string) string {
	t.Helper()
	for _, s := range m.Sides {
		if s.Code == code {
			return s.ID
		}
	}
	t.Fatalf("no side %s", code)
	return ""
}

func TestBracketSelectionResolveUndo(t *testing.T) {
	e, s := statementEditor(t)
	m := e.doc.Meeting()
	jp, au := sideByCode(t, m, "JP"), sideByCode(t, m, "AU")
	p := paraStarting(t, e, "The Participants will work together")
	s.selectID(p.ID)
	if s.form.text.Text != p.Text.Plain() {
		t.Fatalf("the form shows %q", s.form.text.Text)
	}
	plain := p.Text.Plain()
	want := "strengthen cyber defences"
	start := len([]rune(plain[:strings.Index(plain, want)]))
	end := start + len([]rune(want))

	// Selected backwards, bracketed for Japan with the button.
	selectRunes(s.form.text, start, end, false)
	if got := s.form.text.SelectedText(); got != want {
		t.Fatalf("selected %q", got)
	}
	test.Tap(button(t, e, "Bracket for Japan"))
	p = e.doc.Meeting().ParagraphByID(p.ID)
	bs := p.Text.Brackets()
	if len(bs) != 1 || bs[0].Text != want || bs[0].Side != jp || bs[0].Start != start {
		t.Fatalf("brackets %+v", bs)
	}
	if p.State != app.StateBracketed || p.Text.Plain() != plain {
		t.Fatalf("state %s, text %q", p.State, p.Text.Plain())
	}
	// The row draws the bracket in Japan's colour with its code.
	look := s.rows.looks[s.indexOf(p.ID)]
	var drawn strings.Builder
	for _, sg := range look.segs {
		drawn.WriteString(sg.text)
	}
	if !strings.Contains(drawn.String(), "to [strengthen cyber defences]JP and") {
		t.Errorf("row draws %q", drawn.String())
	}
	if look.chip != "bracketed" {
		t.Errorf("chip %q", look.chip)
	}

	// Keep: the text stays, the bracket goes, the paragraph is proposed.
	test.Tap(button(t, e, "Keep"))
	p = e.doc.Meeting().ParagraphByID(p.ID)
	if len(p.Text.Brackets()) != 0 || p.Text.Plain() != plain || p.State != app.StateProposed {
		t.Fatalf("after keep: %q %s", p.Text.Bracketed(), p.State)
	}
	e.undo()
	p = e.doc.Meeting().ParagraphByID(p.ID)
	if len(p.Text.Brackets()) != 1 {
		t.Fatalf("undo of keep: %q", p.Text.Bracketed())
	}
	e.undo()
	p = e.doc.Meeting().ParagraphByID(p.ID)
	if len(p.Text.Brackets()) != 0 || p.State != app.StateAgreed {
		t.Fatalf("undo of bracket: %q %s", p.Text.Bracketed(), p.State)
	}

	// Selected forwards, Ctrl+B in the entry brackets for our side; Drop
	// takes the passage out and tidies the space.
	selectRunes(s.form.text, start, end, true)
	s.form.text.TypedShortcut(scBracket)
	p = e.doc.Meeting().ParagraphByID(p.ID)
	if bs := p.Text.Brackets(); len(bs) != 1 || bs[0].Side != au || bs[0].Text != want {
		t.Fatalf("Ctrl+B: %+v", bs)
	}
	test.Tap(button(t, e, "Drop"))
	p = e.doc.Meeting().ParagraphByID(p.ID)
	if got := p.Text.Plain(); !strings.Contains(got, "work together to and cyber resilience") || len(p.Text.Brackets()) != 0 {
		t.Fatalf("after drop: %q", got)
	}
	if s.form.text.Text != p.Text.Plain() {
		t.Errorf("the entry shows %q after drop", s.form.text.Text)
	}
	e.undo()
	if got := e.doc.Meeting().ParagraphByID(p.ID).Text.Bracketed(); !strings.Contains(got, "[strengthen cyber defences]") || s.form.text.Text != plain {
		t.Fatalf("undo of drop: %q, entry %q", got, s.form.text.Text)
	}
}

func TestBracketOverlapRefused(t *testing.T) {
	e, s := statementEditor(t)
	p := paraStarting(t, e, "The Participants hereby affirm")
	s.selectID(p.ID)
	b := p.Text.Brackets()[0]
	selectRunes(s.form.text, b.Start-4, b.Start+3, true)
	test.Tap(button(t, e, "Bracket for Japan"))
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), "overlaps the bracket") {
		t.Fatalf("error shown: %v", e.lastError)
	}
	if n := len(e.doc.Meeting().ParagraphByID(p.ID).Text.Brackets()); n != 1 {
		t.Fatalf("%d brackets", n)
	}
}

func TestTypingKeepsBrackets(t *testing.T) {
	e, s := statementEditor(t)
	p := paraStarting(t, e, "The Participants hereby affirm")
	s.selectID(p.ID)
	s.form.text.CursorRow, s.form.text.CursorColumn = 0, 0
	test.Type(s.form.text, "Also, ")
	p = e.doc.Meeting().ParagraphByID(p.ID)
	if !strings.HasPrefix(p.Text.Plain(), "Also, The Participants") || !strings.Contains(p.Text.Bracketed(), "[voluntary, non-binding ]") {
		t.Fatalf("after typing: %q", p.Text.Bracketed())
	}
	// Typing is one undo step.
	e.undo()
	if got := e.doc.Meeting().ParagraphByID(p.ID).Text.Plain(); !strings.HasPrefix(got, "The Participants hereby") {
		t.Fatalf("after undo: %q", got)
	}
	if !strings.HasPrefix(s.form.text.Text, "The Participants hereby") {
		t.Errorf("entry after undo: %q", s.form.text.Text)
	}
	// The lead-in keeps its spaces while typing.
	test.Type(s.form.leadIn, "Norms and law")
	if got := e.doc.Meeting().ParagraphByID(p.ID).LeadIn; got != "Norms and law" || s.form.leadIn.Text != "Norms and law" {
		t.Fatalf("lead-in %q, entry %q", got, s.form.leadIn.Text)
	}
}

func TestAddAndChooseAlternative(t *testing.T) {
	e, s := statementEditor(t)
	m := e.doc.Meeting()
	jp := sideByCode(t, m, "JP")
	p := paraStarting(t, e, "The Participants will work together")
	s.selectID(p.ID)
	test.Tap(button(t, e, "Add alternative wording…"))
	d := s.altDialog
	if d == nil || d.text.Text != p.Text.Plain() {
		t.Fatal("the dialog does not start from the paragraph's text")
	}
	d.side.SetSelected("Japan")
	d.text.SetText("The Participants will cooperate closely on cyber defence.")
	test.Tap(button(t, e, "Add"))
	m = e.doc.Meeting()
	alts := app.Alternatives(m)[p.ID]
	if len(alts) != 1 || alts[0].Side != jp || alts[0].Text.Plain() != "The Participants will cooperate closely on cyber defence." {
		t.Fatalf("alternatives %+v", alts)
	}
	if s.selected != alts[0].ID || s.nums.Label[alts[0].ID] != "2 bis" {
		t.Fatalf("selected %s, label %q", s.selected, s.nums.Label[alts[0].ID])
	}
	if m.ParagraphByID(p.ID).State != app.StateBracketed {
		t.Error("the paragraph with an alternative is not bracketed")
	}
	// Choose the alternative: its wording replaces the paragraph's.
	chooses := buttons(e, "Choose")
	if len(chooses) != 2 {
		t.Fatalf("%d Choose buttons", len(chooses))
	}
	test.Tap(chooses[1])
	m = e.doc.Meeting()
	got := m.ParagraphByID(p.ID)
	if got.Text.Plain() != "The Participants will cooperate closely on cyber defence." || len(app.Alternatives(m)[p.ID]) != 0 || got.Side != jp {
		t.Fatalf("after choosing: %q, %d alternatives", got.Text.Plain(), len(app.Alternatives(m)[p.ID]))
	}
	if got.State != app.StateProposed || s.selected != p.ID {
		t.Errorf("state %s, selected %s", got.State, s.selected)
	}
	e.undo()
	if len(app.Alternatives(e.doc.Meeting())[p.ID]) != 1 {
		t.Fatal("undo of choose")
	}
}

func TestMarkAgreedRefusedWhileBracketOpen(t *testing.T) {
	e, s := statementEditor(t)
	p := paraStarting(t, e, "The Participants hereby affirm")
	s.selectID(p.ID)
	s.form.state.SetSelected(string(app.StateAgreed))
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), "open bracket") {
		t.Fatalf("error shown: %v", e.lastError)
	}
	if got := e.doc.Meeting().ParagraphByID(p.ID).State; got != app.StateBracketed {
		t.Fatalf("state %s", got)
	}
	if s.form.state.Selected != string(app.StateBracketed) {
		t.Errorf("the select shows %q after the refusal", s.form.state.Selected)
	}
	// Ad ref is refused too; an agreed paragraph may go ad ref.
	q := paraStarting(t, e, "The Participants will work together")
	s.selectID(q.ID)
	s.form.state.SetSelected(string(app.StateAdRef))
	if got := e.doc.Meeting().ParagraphByID(q.ID).State; got != app.StateAdRef {
		t.Fatalf("state %s", got)
	}
	if look := s.rows.looks[s.indexOf(q.ID)]; look.chip != "ad ref" {
		t.Errorf("chip %q", look.chip)
	}
}

func TestIndentOutdentMove(t *testing.T) {
	e, s := statementEditor(t)
	p := paraStarting(t, e, "The Participants will work together")
	s.selectID(p.ID)
	test.Tap(s.indent)
	if got := s.nums.Label[p.ID]; got != "(a)" || e.doc.Meeting().ParagraphByID(p.ID).Level != 1 {
		t.Fatalf("after indent: %q", got)
	}
	// (a) under paragraph 1 has nothing to become (i) of.
	s.shortcut(scIndent)
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), "no paragraph above") {
		t.Fatalf("second indent: %v", e.lastError)
	}
	s.shortcut(scOutdent)
	if got := s.nums.Label[p.ID]; got != "2" {
		t.Fatalf("after outdent: %q", got)
	}
	e.undo()
	e.undo()
	if got := s.nums.Label[p.ID]; got != "2" || e.doc.Meeting().ParagraphByID(p.ID).Level != 0 {
		t.Fatalf("after undoing both: %q", got)
	}
	// Move up: paragraph 2 becomes 1.
	test.Tap(s.up)
	if got := s.nums.Label[p.ID]; got != "1" || s.ids[0] != p.ID || s.selected != p.ID {
		t.Fatalf("after moving up: %q", got)
	}
	e.undo()
	if s.nums.Label[p.ID] != "2" {
		t.Fatal("undo of move")
	}
}

func TestInsertTypeDeleteParagraph(t *testing.T) {
	e, s := statementEditor(t)
	n := len(e.doc.Meeting().Paragraphs)
	first := s.ids[0]
	s.selectID(first)
	test.Tap(s.add)
	m := e.doc.Meeting()
	if len(m.Paragraphs) != n+1 || s.selected == first {
		t.Fatalf("%d paragraphs, selected %s", len(m.Paragraphs), s.selected)
	}
	added := s.selected
	if s.nums.Label[added] != "2" {
		t.Fatalf("new paragraph numbered %q", s.nums.Label[added])
	}
	test.Type(s.form.text, "The Participants will meet annually.")
	if got := e.doc.Meeting().ParagraphByID(added).Text.Plain(); got != "The Participants will meet annually." {
		t.Fatalf("text %q", got)
	}
	s.deleteSelected()
	if len(e.doc.Meeting().Paragraphs) != n+1 {
		t.Fatal("deleted without asking")
	}
	test.Tap(button(t, e, "Delete"))
	if len(e.doc.Meeting().Paragraphs) != n || e.doc.Meeting().ParagraphByID(added) != nil {
		t.Fatal("not deleted")
	}
	e.undo()
	if e.doc.Meeting().ParagraphByID(added) == nil {
		t.Fatal("undo of delete")
	}
}

func TestStillOpenFilter(t *testing.T) {
	e, s := statementEditor(t)
	m := e.doc.Meeting()
	all := len(s.ids)
	s.onlyOpen.SetChecked(true)
	f := m.StillOpen()
	if len(s.ids) >= all || len(s.ids) != len(f.Open)+len(f.Context) {
		t.Fatalf("%d rows of %d; %d open, %d context", len(s.ids), all, len(f.Open), len(f.Context))
	}
	first := paraStarting(t, e, "To play a leading role")
	if s.indexOf(first.ID) >= 0 {
		t.Error("an agreed paragraph is shown")
	}
	open := paraStarting(t, e, "The Participants hereby affirm")
	if s.indexOf(open.ID) < 0 {
		t.Error("an open paragraph is hidden")
	}
	// The section heading of an open paragraph is shown, dimmed.
	for id := range f.Context {
		i := s.indexOf(id)
		if i < 0 || s.rows.looks[i].segs[0].style.ColorName != theme.ColorNamePlaceHolder {
			t.Errorf("context row %s: index %d", id, i)
		}
	}
	if !strings.Contains(s.openNote.Text, "still open") {
		t.Errorf("note %q", s.openNote.Text)
	}
	// Jumping to a hidden paragraph turns the filter off.
	e.Show(first.ID, "text")
	if s.onlyOpen.Checked || s.selected != first.ID || s.indexOf(first.ID) < 0 {
		t.Fatal("jump to a paragraph the filter hides")
	}
}

func TestSignatories(t *testing.T) {
	e, s := statementEditor(t)
	s.tabs.Select(s.titleTab)
	m := e.doc.Meeting()
	jp := sideByCode(t, m, "JP")
	before := len(m.Signatories)
	test.Tap(button(t, e, "Add signatory for Japan"))
	m = e.doc.Meeting()
	if len(m.Signatories) != before+1 {
		t.Fatalf("%d signatories", len(m.Signatories))
	}
	var added *app.Signatory
	for _, g := range m.Signatories {
		if g.Side == jp && g.Title == "" {
			added = g
		}
	}
	r := s.title.rows[added.ID]
	test.Type(r.title, "Minister for Economy, Trade and Industry")
	test.Type(r.name, "Yoji Muto")
	ref, _ := e.doc.Lookup(added.ID)
	if g := ref.Record.(*app.Signatory); g.Title != "Minister for Economy, Trade and Industry" || g.Name != "Yoji Muto" {
		t.Fatalf("signatory %+v", g)
	}
	if s.title.rows[added.ID] != r {
		t.Error("typing rebuilt the signature block")
	}
	test.Tap(r.up)
	sigs := e.doc.Meeting().Perspective("").Signatories()
	var jpFirst *app.Signatory
	for _, g := range sigs {
		if g.Side == jp {
			jpFirst = g
			break
		}
	}
	if jpFirst.ID != added.ID {
		t.Fatal("not moved up")
	}
	e.undo()
	e.undo()
	e.undo()
	if len(e.doc.Meeting().Signatories) != before+1 {
		t.Fatal("undo went too far")
	}
	if !strings.Contains(s.title.order.Text, "perspective") {
		t.Errorf("note %q", s.title.order.Text)
	}
}

func TestTreatyWordsEdit(t *testing.T) {
	e, s := statementEditor(t)
	p := paraStarting(t, e, "The Participants hereby affirm")
	if len(e.doc.Meeting().ParagraphLint(p)) != 0 {
		t.Fatal("the sample paragraph already has a lint hit")
	}
	tw := showTreatyWords(e)
	r := tw.addRow(app.TreatyWord{})
	r.word.SetText("hereby")
	r.suggestion.SetText("leave it out")
	test.Tap(button(t, e, "Save"))
	m := e.doc.Meeting()
	if len(m.Statement.TreatyWords) != len(app.DefaultTreatyWords())+1 {
		t.Fatalf("%d treaty words", len(m.Statement.TreatyWords))
	}
	look := s.rows.looks[s.indexOf(p.ID)]
	var notes string
	for _, sg := range look.segs {
		notes += sg.text
		if sg.text == "hereby" && !sg.style.TextStyle.Underline {
			t.Error("the hit is not underlined")
		}
	}
	if !strings.Contains(notes, `Treaty language: "hereby" is treaty language`) {
		t.Errorf("row: %q", notes)
	}
	e.undo()
	if len(e.doc.Meeting().Statement.TreatyWords) != 0 {
		t.Fatal("undo")
	}
}

// BenchmarkStatementTyping: one character typed into a paragraph of the
// large meeting (apply, validate, restyle and remeasure the row, reload
// the form).
func BenchmarkStatementTyping(b *testing.B) {
	e := largeEditor(b)
	e.showView("statement")
	s := e.views["statement"].(*statementView)
	s.selectID(s.ids[60])
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		test.Type(s.form.text, "x")
	}
}

// BenchmarkStatementStructuralEdit: moving a paragraph of the large
// meeting renumbers and redraws the rows that changed.
func BenchmarkStatementStructuralEdit(b *testing.B) {
	e := largeEditor(b)
	e.showView("statement")
	s := e.views["statement"].(*statementView)
	s.selectID(s.ids[60])
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.move(1 - 2*(i%2))
	}
}

// BenchmarkStatementRedline: the redline of the large meeting's first
// draft against the current text, drawn.
func BenchmarkStatementRedline(b *testing.B) {
	e := largeEditor(b)
	e.showView("statement")
	s := e.views["statement"].(*statementView)
	s.tabs.Select(s.draftsTab)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.drafts.compare(1+i%2, 0)
	}
}

func TestStatementCommands(t *testing.T) {
	e, s := statementEditor(t)
	var indent func()
	for _, a := range e.statementCommands() {
		if a.sc == scIndent {
			indent = a.run
		}
	}
	p := paraStarting(t, e, "The Participants will work together")
	s.selectID(p.ID)
	e.showView("overview")
	indent()
	if e.current != "statement" || e.doc.Meeting().ParagraphByID(p.ID).Level != 0 {
		t.Fatal("from another view the command only shows the statement")
	}
	indent()
	if e.doc.Meeting().ParagraphByID(p.ID).Level != 1 {
		t.Fatal("indent from the menu")
	}
}

func TestBracketJapaneseText(t *testing.T) {
	e, s := statementEditor(t)
	jp := sideByCode(t, e.doc.Meeting(), "JP")
	p := paraStarting(t, e, "The Participants will work together")
	s.selectID(p.ID)
	text := "参加者は、サイバー空間における国際法の適用について、緊密に協力する。"
	s.form.text.SetText(text)
	r := []rune(text)
	selectRunes(s.form.text, 5, 12, true)
	s.form.text.TypedShortcut(scBracketOther)
	bs := e.doc.Meeting().ParagraphByID(p.ID).Text.Brackets()
	if len(bs) != 1 || bs[0].Text != string(r[5:12]) || bs[0].Side != jp {
		t.Fatalf("brackets %+v, want %q", bs, string(r[5:12]))
	}
	var drawn strings.Builder
	for _, sg := range s.rows.looks[s.indexOf(p.ID)].segs {
		drawn.WriteString(sg.text)
	}
	if !strings.HasPrefix(drawn.String(), "参加者は、[サイバー空間に]JPおける") {
		t.Errorf("row draws %q", drawn.String())
	}
}
