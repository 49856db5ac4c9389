package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/app/sample"
)

// openMeeting shows a meeting in a test editor.
func openMeeting(t *testing.T, m *app.Meeting) *Editor {
	t.Helper()
	e := newTestEditor(t)
	e.setDocument(app.NewDocument(m), "", "Test meeting")
	return e
}

// TestEightSidesFit: every view of a meeting of eight sides (and of four)
// fits a 1280 x 800 window: nothing makes the window wider or taller.
func TestEightSidesFit(t *testing.T) {
	for _, n := range []int{4, 8} {
		e := openMeeting(t, sample.MultilateralWith(sample.MultilateralOptions{Sides: n}))
		e.win.Resize(fyne.NewSize(1280, 800))
		for _, v := range Views {
			e.showView(v)
			if v == "statement" {
				s := e.views["statement"].(*statementView)
				for _, tab := range s.tabs.Items {
					s.tabs.Select(tab)
					if min := e.win.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
						t.Errorf("%d sides, statement tab %q needs %v", n, tab.Text, min)
						dumpMin(t, e.win.Content(), 0)
					}
				}
				s.tabs.Select(s.textTab)
				continue
			}
			if min := e.win.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
				t.Errorf("%d sides, view %s needs %v", n, v, min)
			}
		}
	}
}

// TestBracketShortcutPerSide: with eight sides, Alt+1 to Alt+8 bracket the
// selected passage for each side in the order the buttons list them, and
// each side's brackets are drawn in a colour and with a code of their own.
func TestBracketShortcutPerSide(t *testing.T) {
	m := sample.MultilateralWith(sample.MultilateralOptions{Sides: 8})
	e := openMeeting(t, m)
	e.showView("statement")
	s := e.views["statement"].(*statementView)
	p := m.Paragraphs[0]
	s.selectID(p.ID)
	order := e.doc.Meeting().Perspective("").Sides
	if len(order) != 8 || len(s.form.bracketButtons) != 8 {
		t.Fatalf("%d sides, %d bracket buttons", len(order), len(s.form.bracketButtons))
	}
	words := strings.Fields(p.Text.Plain())
	pos := 0
	var starts []int
	for i, w := range words {
		if i%2 == 0 && len(starts) < 8 {
			starts = append(starts, pos)
		}
		pos += len([]rune(w)) + 1
	}
	for n := 7; n >= 0; n-- { // from the end, so earlier offsets stay put
		w := words[2*n]
		selectRunes(s.form.text, starts[n], starts[n]+len([]rune(w)), true)
		s.form.text.TypedShortcut(scBracketSide(n))
	}
	got := e.doc.Meeting().ParagraphByID(p.ID).Text.Brackets()
	if len(got) != 8 {
		t.Fatalf("%d brackets after eight shortcuts: %+v", len(got), got)
	}
	colours := map[fyne.ThemeColorName]string{}
	for i, b := range got {
		if b.Side != order[i].ID {
			t.Errorf("bracket %d (%q) is for %s, want %s", i+1, b.Text, b.Side, order[i].Label())
		}
		c := s.look.colorOf(b.Side)
		if other, dup := colours[c]; dup {
			t.Errorf("%s and %s share the colour %s", order[i].Label(), other, c)
		}
		colours[c] = order[i].Label()
	}
	var drawn strings.Builder
	for _, sg := range s.rows.looks[s.indexOf(p.ID)].segs {
		drawn.WriteString(sg.text)
	}
	for _, sd := range order {
		if !strings.Contains(drawn.String(), "]"+sd.Code) {
			t.Errorf("no bracket tagged %s in %q", sd.Code, drawn.String())
		}
	}
	// Every side has its entry in the Statement menu, with its shortcut.
	if len(e.sideMenu.Items) != 8 || e.sideMenu.Items[7].Label != order[7].Label() || e.sideMenu.Items[7].Shortcut == nil {
		t.Errorf("the bracket menu lists %d sides", len(e.sideMenu.Items))
	}
	// A dark theme lightens the sides' colours; a light one keeps them.
	light, _ := sideColor(sideColorName(0), theme.VariantLight)
	dark, _ := sideColor(sideColorName(0), theme.VariantDark)
	if light == dark {
		t.Error("the dark theme does not lighten the side colours")
	}
}

// TestMarkingSelectsShowTheChoice: the classification selects are as wide
// as their longest choice, so "Australia (PSPF)" and "OFFICIAL: Sensitive"
// are shown whole at the default window size.
func TestMarkingSelectsShowTheChoice(t *testing.T) {
	e := newTestEditor(t)
	e.showView("overview")
	o := e.views["overview"].(*overview)
	for _, sel := range []*widget.Select{o.marking.scheme, o.marking.level} {
		if sel.Selected == "" {
			t.Fatal("no classification selected in the sample")
		}
		th := sel.Theme()
		need := fyne.MeasureText(sel.Selected, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width +
			th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameInnerPadding) + 3*th.Size(theme.SizeNamePadding)
		if sel.Size().Width < need {
			t.Errorf("select showing %q is %.0f wide, needs %.0f", sel.Selected, sel.Size().Width, need)
		}
	}
}

// dumpMin logs the objects wider than 500 that make a view wide.
func dumpMin(t *testing.T, o fyne.CanvasObject, depth int) {
	if depth > 14 {
		return
	}
	min := o.MinSize()
	if min.Width < 500 {
		return
	}
	t.Logf("%*s%T %v", depth*2, "", o, min)
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	for _, k := range kids {
		dumpMin(t, k, depth+1)
	}
}

// TestGroupName: a multilateral meeting's group name is edited in the
// Overview; every copy's title follows it, and the sides are previewed
// host first, then alphabetically.
func TestGroupName(t *testing.T) {
	e := openMeeting(t, sample.Multilateral())
	e.showView("overview")
	o := e.views["overview"].(*overview)
	if got := o.seriesPreview.Text; !strings.Contains(got, "Every copy: 3rd Quad Senior Cyber Group") ||
		!strings.Contains(got, "Australia, India, Japan, United States") {
		t.Fatalf("preview %q", got)
	}
	retype(o.group, "Quad Cyber Group")
	if got := e.doc.Meeting().Details.GroupName; got != "Quad Cyber Group" {
		t.Fatalf("group name %q", got)
	}
	if !strings.Contains(o.seriesPreview.Text, "Every copy: 3rd Quad Cyber Group") {
		t.Errorf("preview %q", o.seriesPreview.Text)
	}
	e.undo()
	if got := e.doc.Meeting().Details.GroupName; got != "Quad Senior Cyber Group" {
		t.Errorf("after undo: %q", got)
	}
}
