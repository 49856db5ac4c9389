package ui

import (
	"fmt"
	"sync"

	"fyne.io/fyne/v2"

	"parley/app"
	"parley/app/fontcut"
	"parley/assets"
)

// textFont is the window's text font: the bundled CJK-capable font cut
// down to the characters the window has to draw (fontcut). Fyne parses
// every glyph of a theme font, once per text style: the whole font costs
// about 16 MB a style, the cut well under 1 MB. The cut always holds
// Latin, Greek, Cyrillic, punctuation, symbols and kana; ideographs and
// Hangul join it as the meeting (or a list being imported, a search...)
// brings them. Characters the bundled font lacks (Thai, Arabic...) fall
// through to Fyne's fallback fonts.
type textFont struct {
	mu    sync.Mutex
	full  *fontcut.Font
	low   int           // glyphs kept in place (those the kerning names)
	runes []rune        // characters in the cut
	seen  map[rune]bool // characters outside the base ranges already looked at
	res   fyne.Resource
	gen   int
}

// baseRanges are always in the cut: everything below the CJK blocks, CJK
// punctuation and kana, half- and full-width forms, and the replacement
// character.
var baseRanges = [][2]rune{{0x20, 0x2FFF}, {0x3000, 0x30FF}, {0x31F0, 0x31FF}, {0xFF00, 0xFFEF}, {0xFFFD, 0xFFFD}}

func inBase(r rune) bool {
	for _, b := range baseRanges {
		if r >= b[0] && r <= b[1] {
			return true
		}
	}
	return false
}

// newTextFont cuts the bundled font to the base ranges.
func newTextFont() *textFont {
	full, err := fontcut.Parse(assets.CJK)
	if err != nil {
		panic("the bundled CJK font: " + err.Error()) // a broken build, not a user's input
	}
	t := &textFont{full: full, low: full.GlyphsBelow(0x3000), seen: map[rune]bool{}}
	for _, b := range baseRanges {
		for r := b[0]; r <= b[1]; r++ {
			t.runes = append(t.runes, r)
		}
	}
	t.scan(templateName)              // the list rows' sizing template
	app.EachText(app.Schemes, t.scan) // Japanese and Korean markings
	t.cut()
	return t
}

func (t *textFont) cut() {
	t.gen++
	t.res = fyne.NewStaticResource(fmt.Sprintf("WenQuanYiMicroHei-%d.ttf", t.gen), t.full.Cut(t.runes, t.low))
}

// resource is the current cut.
func (t *textFont) resource() fyne.Resource {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.res
}

// add puts the glyphs of every character of texts in the cut. It reports
// whether the cut changed (the theme must then be applied again).
func (t *textFont) add(texts ...string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.runes)
	for _, s := range texts {
		t.scan(s)
	}
	if len(t.runes) == n {
		return false
	}
	t.cut()
	return true
}

// addAll puts in the cut every character of the text held in v: a
// meeting, a record, an imported table.
func (t *textFont) addAll(v any) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.runes)
	app.EachText(v, t.scan)
	if len(t.runes) == n {
		return false
	}
	t.cut()
	return true
}

func (t *textFont) scan(s string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE3 { // first byte of U+3000 and above in UTF-8
			t.scanFrom(s[i:])
			return
		}
	}
}

func (t *textFont) scanFrom(s string) {
	for _, r := range s {
		if r < 0x3000 || t.seen[r] || inBase(r) {
			continue
		}
		t.seen[r] = true
		if t.full.Glyph(r) != 0 {
			t.runes = append(t.runes, r)
		}
	}
}

// covers reports whether the cut draws r (tests).
func (t *textFont) covers(r rune) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.full.Glyph(r) != 0 && (inBase(r) || t.seen[r])
}
