package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// draws reports whether the font in res has a glyph for r.
func draws(t *testing.T, res fyne.Resource, r rune) bool {
	t.Helper()
	f, err := sfnt.Parse(res.Content())
	if err != nil {
		t.Fatalf("%s: %v", res.Name(), err)
	}
	var buf sfnt.Buffer
	g, err := f.GlyphIndex(&buf, r)
	return err == nil && g != 0
}

func TestTextFontStartsSmallAndGrowsWithTheText(t *testing.T) {
	tf := newTextFont()
	first := tf.resource()
	for _, r := range "Aé Ω Ж “…” あア" {
		if !draws(t, first, r) {
			t.Errorf("the base cut lacks %q", r)
		}
	}
	if draws(t, first, '龍') || draws(t, first, '충') {
		t.Error("the base cut already holds ideographs or Hangul")
	}
	if len(first.Content()) > 600*1024 {
		t.Errorf("the base cut is %d KB", len(first.Content())/1024)
	}
	if !tf.addAll(sample.Sample()) || !draws(t, tf.resource(), '水') {
		t.Fatal("the sample's names did not join the cut")
	}
	if tf.add("水島 plain Latin") {
		t.Error("text already covered changed the cut")
	}
	if !tf.add("이충면 龍") {
		t.Fatal("new characters did not change the cut")
	}
	res := tf.resource()
	if res.Name() == first.Name() {
		t.Error("a grown cut keeps the old name: Fyne would keep drawing the old one")
	}
	for _, r := range "水이충면龍" {
		if !draws(t, res, r) || !tf.covers(r) {
			t.Errorf("%q not drawn", r)
		}
	}
	// A character the bundled font lacks (Thai) stays out of the cut, so
	// that Fyne falls back to a system font for it.
	if tf.add("สมชาย") || draws(t, tf.resource(), 'ส') {
		t.Error("a character the font lacks changed the cut")
	}
}

// Typing the first ideograph or Hangul syllable of a script brings the
// script's common characters along, so the rest of a name needs no re-cut;
// text that is only shown (a meeting opened) brings exactly its characters.
func TestTypingBringsTheCommonSet(t *testing.T) {
	tf := newTextFont()
	tf.add("水")
	if !tf.covers('水') || tf.covers('川') {
		t.Fatal("shown text did not bring exactly its characters")
	}
	for _, tc := range []struct {
		typed     string
		then, not rune
		standard  string
	}{
		{"山", '川', '张', "JIS X 0208 level 1"},
		{"김", '한', '힣', "KS X 1001"},
		{"张", '们', 0, "GB 2312 level 1"},
	} {
		if !tf.addTyped(tc.typed) {
			t.Errorf("typing %s changed nothing", tc.typed)
		}
		if !tf.covers(tc.then) {
			t.Errorf("after typing %s, %c (%s) is not in the cut", tc.typed, tc.then, tc.standard)
		}
		if tc.not != 0 && tf.covers(tc.not) {
			t.Errorf("after typing %s, %c came along too", tc.typed, tc.not)
		}
	}
	if tf.addTyped("山川") {
		t.Error("typing covered characters changed the cut")
	}
	if !tf.addTyped("힣") || !tf.covers('힣') {
		t.Error("a rare syllable outside every common set is not added")
	}
}

// theFont is the face the window draws regular text with.
func theFont(e *Editor) fyne.Resource {
	return e.app.Settings().Theme().Font(fyne.TextStyle{})
}

func TestTypedCharactersJoinTheWindowFont(t *testing.T) {
	e := newTestEditor(t)
	if e.text == nil {
		t.Fatal("the editor runs without its text font")
	}
	if !draws(t, theFont(e), '水') {
		t.Fatal("the open meeting's names are not in the window font")
	}
	e.showView("delegations")
	d := e.views["delegations"].(*delegations)
	test.Tap(button(t, e, "Add"))
	before := theFont(e)
	test.Type(d.form.native, "龍太郎")
	if theFont(e) == before || !draws(t, theFont(e), '龍') {
		t.Error("a native-script name typed in the form is not in the window font")
	}
	if got := e.doc.Meeting().People; got[len(got)-1].Native != "龍太郎" && !hasNative(got, "龍太郎") {
		t.Error("the name was not saved to the meeting")
	}
	test.Type(d.search, "권")
	if !draws(t, theFont(e), '권') {
		t.Error("a search typed in Hangul is not in the window font")
	}
}

// TestTypedCharacterJoinsTheFontBeforeTheEntryTakesIt checks that the
// theme is applied with the grown cut before an entry takes a character
// the cut lacked: measured with the old cut, the character would send
// Fyne through the system's fonts, and a face found there stays loaded.
func TestTypedCharacterJoinsTheFontBeforeTheEntryTakesIt(t *testing.T) {
	e := newTestEditor(t)
	e.showView("delegations")
	d := e.views["delegations"].(*delegations)
	test.Tap(button(t, e, "Add"))
	for _, tc := range []struct {
		name  string
		entry fyne.Focusable
		text  func() string
		typed string
	}{
		{"a field", d.form.native, func() string { return d.form.native.Text }, "齾"},
		{"the search", d.search, func() string { return d.search.Text }, "齉"},
	} {
		var held []string // the entry's text each time the theme was applied
		e.app.Settings().AddListener(func(fyne.Settings) { held = append(held, tc.text()) })
		test.Type(tc.entry, tc.typed)
		if len(held) == 0 || strings.Contains(held[0], tc.typed) {
			t.Errorf("%s: the theme was applied with the entry holding %q; want before it took %q", tc.name, held, tc.typed)
		}
		if !draws(t, theFont(e), []rune(tc.typed)[0]) {
			t.Errorf("%s: %q is not in the window font", tc.name, tc.typed)
		}
	}
}

func hasNative(people []*app.Person, s string) bool {
	for _, p := range people {
		if p.Native == s {
			return true
		}
	}
	return false
}

func TestMergedAndImportedTextJoinsTheWindowFont(t *testing.T) {
	e := newTestEditor(t)
	dir := t.TempDir()
	// Their copy renames a participant in native script.
	theirs := sample.Sample()
	theirs.People[0].Native = "鬱金香"
	copyPath := filepath.Join(dir, "theirs.parley")
	if err := storage.Save(copyPath, theirs); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "mine.parley")
	if err := storage.Save(mine, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	e.load(mine)
	finished(e)
	e.mergeFile(copyPath, false, nil)
	finished(e)
	if e.lastMerge == nil {
		t.Fatalf("no merge review (error %v)", e.lastError)
	}
	if !draws(t, theFont(e), '鬱') {
		t.Error("the merge review shows their copy's names without glyphs")
	}
	// A list to import, before it is imported.
	csv := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(csv, []byte("Family,Given,Native\nKwon,Minsoo,권민수\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e.importPeopleDialog(csv)
	finished(e)
	if !draws(t, theFont(e), '민') {
		t.Error("the import preview shows Hangul without glyphs")
	}
	// File names a file dialog lists.
	if err := os.WriteFile(filepath.Join(dir, "日豪協議.parley"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fstorage.List(fstorage.NewFileURI(dir)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return draws(t, theFont(e), '豪') }, "a CJK file name in a file dialog")
}

// waitFor polls cond for up to two seconds.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for end := time.Now().Add(2 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Errorf("%s: not drawn", what)
}

// TestEveryStyleDrawsTheCut checks that bold, italic and monospaced text
// draws what the cut holds: the theme gives those styles a cut of the
// characters Fyne's own face for the style lacks, and leaves it the rest.
func TestEveryStyleDrawsTheCut(t *testing.T) {
	tf := newTextFont()
	tf.add("機密性2 대외비")
	th := parleyTheme{theme.DefaultTheme(), tf}
	if th.Font(fyne.TextStyle{}) != tf.resource() {
		t.Error("regular text is not drawn with the cut")
	}
	for _, st := range []fyne.TextStyle{{Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true}} {
		sup := th.Font(st)
		for _, r := range "機密대외비あ" {
			if !draws(t, sup, r) {
				t.Errorf("%+v: %q is not drawn", st, r)
			}
		}
		if draws(t, sup, 'A') || !draws(t, fyneFace(st), 'A') {
			t.Errorf("%+v: Latin is not left to Fyne's face for the style", st)
		}
	}
	if th.Font(fyne.TextStyle{Bold: true}) != th.Font(fyne.TextStyle{Italic: true}) {
		t.Error("bold and italic, whose Fyne faces lack the same characters, have a cut each")
	}
	first := th.Font(fyne.TextStyle{Bold: true})
	tf.add("孟建柱")
	if sup := th.Font(fyne.TextStyle{Bold: true}); sup == first || !draws(t, sup, '孟') {
		t.Error("the bold face did not grow with the cut")
	}
}
