package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"parley/app"
	"parley/app/fontcut"
	"parley/app/sample"
	"parley/storage"
)

// glyphCheck finds text the window draws with no face that has its
// glyphs: for each text object, the faces Fyne tries in turn before it
// looks through the system's fonts (painter.CachedFontFace): the theme's
// font for the style, Fyne's default font for the style, its symbol font.
// A character none of them has comes from a system font, if the machine
// has one, or shows as a box.
type glyphCheck struct {
	t     *testing.T
	fonts map[fyne.Resource]*fontcut.Font
	// reported: the style and text of each failure, reported once.
	reported map[string]bool
	texts    int
}

func newGlyphCheck(t *testing.T) *glyphCheck {
	return &glyphCheck{t: t, fonts: map[fyne.Resource]*fontcut.Font{}, reported: map[string]bool{}}
}

// faceChain lists the fonts Fyne draws text of style st with under th, in
// the order it tries them (the emoji font left out: it draws emoji only).
func faceChain(th fyne.Theme, st fyne.TextStyle) []fyne.Resource {
	if st.Symbol {
		return []fyne.Resource{th.Font(st), theme.DefaultSymbolFont()}
	}
	fallback := theme.DefaultTextFont()
	switch {
	case st.Monospace:
		fallback = theme.DefaultTextMonospaceFont()
	case st.Bold && st.Italic:
		fallback = theme.DefaultTextBoldItalicFont()
	case st.Bold:
		fallback = theme.DefaultTextBoldFont()
	case st.Italic:
		fallback = theme.DefaultTextItalicFont()
	}
	return []fyne.Resource{th.Font(st), fallback, theme.DefaultSymbolFont()}
}

func (g *glyphCheck) font(res fyne.Resource) *fontcut.Font {
	f, ok := g.fonts[res]
	if !ok {
		var err error
		if f, err = fontcut.Parse(res.Content()); err != nil {
			g.t.Fatalf("%s: %v", res.Name(), err)
		}
		g.fonts[res] = f
	}
	return f
}

// ignorable reports whether r draws nothing (controls, zero-width marks).
func ignorable(r rune) bool {
	return r < 0x20 || (r >= 0x200B && r <= 0x200F) || (r >= 0xFE00 && r <= 0xFE0F) || r == 0xFEFF
}

func styleName(st fyne.TextStyle) string {
	var parts []string
	for _, p := range []struct {
		on   bool
		name string
	}{{st.Bold, "bold"}, {st.Italic, "italic"}, {st.Monospace, "monospace"}, {st.Symbol, "symbol"}} {
		if p.on {
			parts = append(parts, p.name)
		}
	}
	if len(parts) == 0 {
		return "regular"
	}
	return strings.Join(parts, " ")
}

// text checks one text as drawn in style st with the faces chain. Each
// text and style is reported once, where it is first seen.
func (g *glyphCheck) text(where, s string, st fyne.TextStyle, chain []fyne.Resource) {
	g.t.Helper()
	g.texts++
	// As the shaper splits text by face (go-text's splitByFace): each
	// character takes the first face of the chain that has it, but a space
	// stays with the face of the text before it, which must then have a
	// space (other spaces decompose to it).
	var missing []rune
	var face *fontcut.Font
	for _, r := range s {
		if ignorable(r) {
			continue
		}
		if unicode.Is(unicode.Zs, r) && face != nil {
			if face.Glyph(r) == 0 && face.Glyph(' ') == 0 {
				missing = append(missing, r)
			}
			continue
		}
		i := slices.IndexFunc(chain, func(res fyne.Resource) bool { return g.font(res).Glyph(r) != 0 })
		if i < 0 {
			missing = append(missing, r)
			continue
		}
		face = g.font(chain[i])
	}
	key := styleName(st) + "|" + s
	if len(missing) == 0 || g.reported[key] {
		return
	}
	g.reported[key] = true
	var names []string
	for _, res := range chain {
		names = append(names, res.Name())
	}
	g.t.Errorf("%s: %s text %q: no glyph for %q in %s", where, styleName(st), s, string(missing), strings.Join(names, ", "))
}

// window checks every text object of the window's content and overlays
// (dialogs, pop-ups) and the labels of its menus.
func (g *glyphCheck) window(e *Editor, where string) {
	g.t.Helper()
	c := e.win.Canvas()
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, root := range roots {
		for _, o := range test.LaidOutObjects(root) {
			txt, ok := o.(*canvas.Text)
			if !ok {
				continue
			}
			chain := faceChain(theme.CurrentForWidget(txt), txt.TextStyle)
			if txt.FontSource != nil {
				chain = []fyne.Resource{txt.FontSource}
			}
			g.text(where, txt.Text, txt.TextStyle, chain)
		}
	}
	var menu func(items []*fyne.MenuItem)
	menu = func(items []*fyne.MenuItem) {
		for _, it := range items {
			g.text(where+" (menu)", it.Label, fyne.TextStyle{}, faceChain(e.app.Settings().Theme(), fyne.TextStyle{}))
			if it.ChildMenu != nil {
				menu(it.ChildMenu.Items)
			}
		}
	}
	if mm := e.win.MainMenu(); mm != nil {
		for _, m := range mm.Items {
			g.text(where+" (menu)", m.Label, fyne.TextStyle{}, faceChain(e.app.Settings().Theme(), fyne.TextStyle{}))
			menu(m.Items)
		}
	}
}

// dismiss closes every dialog and pop-up.
func dismiss(e *Editor) {
	c := e.win.Canvas()
	for _, o := range c.Overlays().List() {
		c.Overlays().Remove(o)
	}
}

// nativeMeeting is the sample with names, sides, agencies, titles,
// markings and statement text in Japanese, Korean and Chinese.
func nativeMeeting() *app.Meeting {
	m := sample.Sample()
	m.Details.Marking = app.Marking{Scheme: "JP", Level: "機密性2", Extras: []string{"関係者限り"}}
	m.Details.Venue = "外務省 飯倉公館"
	var jp *app.Side
	for _, s := range m.Sides {
		if s.Code == "JP" {
			jp = s
		}
	}
	jp.Name, jp.ShortName = "日本国", "日本"
	last := m.Sides[len(m.Sides)-1].Pos
	kr := &app.Side{Rec: app.Rec{ID: app.NewID()}, Pos: app.PosBetween(last, ""), Name: "대한민국", ShortName: "한국", Code: "KR", Adjective: "Korean"}
	cn := &app.Side{Rec: app.Rec{ID: app.NewID()}, Pos: app.PosBetween(kr.Pos, ""), Name: "中华人民共和国", ShortName: "中国", Code: "CN", Adjective: "Chinese"}
	m.Sides = append(m.Sides, kr, cn)
	agency := func(s *app.Side, name, abbrev string) string {
		a := &app.Agency{Rec: app.Rec{ID: app.NewID()}, Side: s.ID, Pos: app.PosBetween("", ""), Name: name, Abbrev: abbrev, Lead: true}
		m.Agencies = append(m.Agencies, a)
		return a.ID
	}
	person := func(s *app.Side, agency string, p app.Person) {
		p.Rec, p.Side, p.Pos, p.Agency, p.FamilyFirst = app.Rec{ID: app.NewID()}, s.ID, app.PosBetween("", ""), agency, true
		m.People = append(m.People, &p)
	}
	person(kr, agency(kr, "외교부", "MOFA"), app.Person{Given: "Choong-myon", Family: "Lee", Native: "이충면",
		Position: "국제안보대사", Role: app.RoleCoChair, Bio: "외교부 국제안보대사. 사이버 안보 협력 담당."})
	person(cn, agency(cn, "中华人民共和国公安部", "MPS"), app.Person{Given: "Jianzhu", Family: "Meng", Native: "孟建柱",
		Position: "国务委员", Role: app.RoleCoChair})
	for _, p := range m.People {
		if p.Side == jp.ID && p.Native != "" {
			p.Position = "外務省 " + p.Position
		}
	}
	for _, a := range m.Agencies {
		if a.Side == jp.ID && a.Abbrev == "NISC" {
			a.Name = "内閣サイバーセキュリティセンター"
		}
	}
	it := m.Items[1]
	it.Title = "開会挨拶 Opening remarks"
	it.Marking = app.Marking{Scheme: "KR", Level: "대외비"}
	it.Objectives = "日本側の取組を確認する。"
	it.Location = "第一会議室"
	m.Items[2].Fixed = "09:40" // a fixed time, out of step with the item before
	m.Items[2].Title = "二国間協議\n（非公開）"
	for _, b := range m.Background {
		b.Text = "背景：" + b.Text
		break
	}
	for i, p := range m.Paragraphs {
		if p.AltOf == "" && p.Kind == app.ParaOperative && i > 2 {
			p.LeadIn = "サイバー空間"
			p.Text = append(app.Spans{{T: "両国は、サイバー空間における協力を強化する。"}}, p.Text...)
			break
		}
	}
	for _, v := range m.Versions {
		v.Label = "日本側修正案"
		break
	}
	for _, g := range m.Signatories {
		if g.Side == jp.ID {
			g.Name, g.Title = "岸田文雄", "外務大臣"
		}
	}
	return m
}

// TestNoMissingGlyphs opens a meeting in Japanese, Korean and Chinese from
// a file named in kanji, walks every view and every dialog, and checks
// that each character is drawn with a face that has it: bold text (dialog
// titles, headings, the marking preview and banner), messages naming the
// file or a person, menus and lists.
func TestNoMissingGlyphs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "日豪サイバー政策対話.parley")
	if err := storage.Save(path, nativeMeeting()); err != nil {
		t.Fatal(err)
	}
	// Another Parley, on a machine and for a user named in Japanese,
	// has the file open.
	held := storage.LockInfo{App: "parley", Host: "大使館-ノートPC", PID: 4242, User: "田中", Time: time.Now(), Token: "t"}
	data, _ := json.Marshal(held)
	if err := os.WriteFile(storage.LockPath(path), data, 0o644); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	prefs{a.Preferences()}.addRecent(filepath.Join(dir, "第3回 日韓協議.parley"))
	e := openTestEditor(t, a, Options{File: path})
	g := newGlyphCheck(t)
	m := e.doc.Meeting()
	side := func(code string) *app.Side {
		for _, s := range m.Sides {
			if s.Code == code {
				return s
			}
		}
		t.Fatalf("no side %s", code)
		return nil
	}
	personOf := func(code string) *app.Person { return m.PeopleOf(side(code).ID)[0] }
	g.window(e, "start (the file is open in another Parley)")
	dismiss(e)

	// Every view, with a record chosen.
	for _, v := range Views {
		e.showView(v)
		g.window(e, v)
	}
	e.Show(personOf("KR").ID, "")
	g.window(e, "delegations: a Korean participant")
	e.Show(personOf("CN").ID, "")
	g.window(e, "delegations: a Chinese participant")
	e.Show(m.Items[1].ID, "")
	g.window(e, "programme: an item titled in Japanese")
	e.Show(m.Items[1].ID, "objectives")
	g.window(e, "briefs: a brief marked 대외비")
	var lead *app.Paragraph
	for _, p := range m.Paragraphs {
		if p.LeadIn != "" && strings.ContainsRune(p.LeadIn, 'サ') {
			lead = p
		}
	}
	e.Show(lead.ID, "")
	g.window(e, "statement: a paragraph with a Japanese lead-in")
	s := e.views["statement"].(*statementView)
	s.tabs.Select(s.titleTab)
	g.window(e, "statement: title and signatories")
	s.tabs.Select(s.draftsTab)
	s.drafts.compare(1, 2)
	g.window(e, "statement: drafts and redline")
	s.tabs.Select(s.textTab)

	steps := []struct {
		where string
		do    func()
	}{
		{"about", e.about},
		{"unsaved changes", func() {
			retype(e.views["overview"].(*overview).city, "東京")
			e.confirmDiscard("closing", func() {})
		}},
		{"delete a participant", func() {
			e.Show(personOf("KR").ID, "")
			e.deleteSelected()
		}},
		{"delete a programme item", func() {
			e.Show(m.Items[1].ID, "")
			e.deleteSelected()
		}},
		{"delete a paragraph", func() {
			e.Show(lead.ID, "")
			e.deleteSelected()
		}},
		{"delete a side", func() { e.views["overview"].(*overview).deleteSide(side("KR")) }},
		{"agency directory", func() { showAgencies(e, side("KR").ID) }},
		{"alternative wording", func() {
			e.Show(lead.ID, "")
			s.form.addAlternative(lead)
		}},
		{"save a draft", func() { s.drafts.saveDialog() }},
		{"treaty words", func() { showTreatyWords(e) }},
		{"export dialog", e.exportDialog},
		{"pack exported", func() {
			e.exportDialog()
			o := e.exportForm.options()
			dismiss(e)
			e.exportTo(filepath.Join(dir, "日豪 説明資料.pdf"), o)
			finished(e)
		}},
		{"export statement", e.exportStatementDialog},
		{"import a draft statement", func() {
			draft := filepath.Join(dir, "韓国側案.txt")
			text := "한국 측 제안\n\n1. 양측은 사이버 안보 협력을 강화한다.\n\n2. 両国は協力する。\n"
			if err := os.WriteFile(draft, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			e.importStatementDialog(draft)
			finished(e)
		}},
		{"import participants", func() {
			list := filepath.Join(dir, "참가자 명단.csv")
			csv := "Family,Given,Native,Position\nKwon,Minsoo,권민수,사이버정책과장\nZhang,Wei,张伟,处长\n,,,무명\n"
			if err := os.WriteFile(list, []byte(csv), 0o644); err != nil {
				t.Fatal(err)
			}
			e.importPeopleDialog(list)
			finished(e)
		}},
		{"merge review", func() {
			theirs := e.doc.Meeting().Clone()
			for _, p := range theirs.People {
				if p.Native == "水島光一" {
					p.Native = "水嶋光一"
				}
			}
			copyPath := filepath.Join(dir, "相手方の写し.parley")
			if err := storage.Save(copyPath, theirs); err != nil {
				t.Fatal(err)
			}
			e.mergeFile(copyPath, false, nil)
			finished(e)
		}},
		{"not the same meeting", func() {
			other := filepath.Join(dir, "別の会議.parley")
			o := NewMeeting()
			o.Details.Topic = "日韓サイバー協議"
			if err := storage.Save(other, o); err != nil {
				t.Fatal(err)
			}
			e.mergeFile(other, false, nil)
			finished(e)
		}},
		{"changed on disk", func() { e.changedOnDisk(path, nil) }},
		{"open a file held by another Parley", func() { e.lockThen(path, func(*storage.FileLock) {}) }},
		{"cannot open", func() {
			e.load(filepath.Join(dir, "存在しない会議.parley"))
			finished(e)
		}},
		{"unknown dropped file", func() {
			e.dropped(fyne.NewPos(10, 10), []fyne.URI{fstorage.NewFileURI(filepath.Join(dir, "メモ.pages"))})
			finished(e)
		}},
		{"recovery copy", func() {
			if err := e.writeRecovery(); err != nil {
				t.Fatal(err)
			}
			copies, err := e.rec.List()
			if err != nil || len(copies) == 0 {
				t.Fatalf("recovery copies %v, %v", copies, err)
			}
			e.askRestore(copies[0])
		}},
		{"open dialog", func() { e.chooseOpen([]string{storage.Extension}, func(string) {}) }},
	}
	for _, st := range steps {
		st.do()
		if e.win.Canvas().Overlays().Top() == nil {
			t.Errorf("%s: no dialog shown (error: %v)", st.where, e.lastError)
		}
		if os.Getenv("GLYPHS_DEBUG") != "" {
			for _, o := range e.win.Canvas().Overlays().List() {
				for _, x := range test.LaidOutObjects(o) {
					if txt, ok := x.(*canvas.Text); ok && txt.Text != "" {
						t.Logf("%s: %q", st.where, txt.Text)
					}
				}
			}
		}
		g.window(e, st.where)
		dismiss(e)
	}
	if g.texts < 1000 {
		t.Errorf("only %d texts checked: the walk misses the views", g.texts)
	}
}
