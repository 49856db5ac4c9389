package ui

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

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
//
// Regular text is drawn with the cut. Bold, italic and monospaced text
// keep Fyne's own faces for what those have (Latin, Greek, Cyrillic) and
// take the rest of the cut's characters from a second cut, of exactly
// those (supplement): Fyne tries the theme's face for a style first and
// its own default face for the style next, so every style draws every
// character the cut holds, CJK in the regular weight.
type textFont struct {
	mu    sync.Mutex
	full  *fontcut.Font
	low   int           // glyphs kept in place (those the kerning names)
	runes []rune        // characters in the cut
	seen  map[rune]bool // characters outside the base ranges already looked at
	// setAdded[i]: commonSets[i] is in the cut.
	setAdded []bool
	res      fyne.Resource
	gen      int
	// faces are Fyne's default faces, parsed to see what they draw;
	// supplements the cuts of what each lacks, for this generation of
	// the cut, by the characters they hold.
	faces       map[fyne.Resource]*fontcut.Font
	supplements map[string]fyne.Resource
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
	t := &textFont{full: full, low: full.GlyphsBelow(0x3000), seen: map[rune]bool{}, setAdded: make([]bool, len(commonSets))}
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
	t.supplements = map[string]fyne.Resource{}
}

// resource is the current cut.
func (t *textFont) resource() fyne.Resource {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.res
}

// supplement is the cut of the characters of the current cut that Fyne's
// face fallback lacks, to be tried before it (for bold, italic and
// monospaced text). Faces that lack the same characters share one.
func (t *textFont) supplement(fallback fyne.Resource) fyne.Resource {
	t.mu.Lock()
	defer t.mu.Unlock()
	face, ok := t.faces[fallback]
	if !ok {
		var err error
		if face, err = fontcut.Parse(fallback.Content()); err != nil {
			face = nil // not TrueType: supplement it with the whole cut
		}
		if t.faces == nil {
			t.faces = map[fyne.Resource]*fontcut.Font{}
		}
		t.faces[fallback] = face
	}
	// The shaper keeps a space in the run of the text before it, so after
	// CJK a space is drawn with the supplement: it carries the spaces.
	lacks := []rune{' ', '\u00a0'}
	for _, r := range t.runes {
		if r > '\u00a0' && (face == nil || face.Glyph(r) == 0 || unicode.Is(unicode.Zs, r)) {
			lacks = append(lacks, r)
		}
	}
	key := string(lacks)
	if res, ok := t.supplements[key]; ok {
		return res
	}
	res := fyne.NewStaticResource(fmt.Sprintf("WenQuanYiMicroHei-%d-%d.ttf", t.gen, len(t.supplements)+1), t.full.Cut(lacks, 1))
	t.supplements[key] = res
	return res
}

// add puts the glyphs of every character of texts in the cut. It reports
// whether the cut changed (the theme must then be applied again).
func (t *textFont) add(texts ...string) bool { return t.addAll(texts) }

// addAll puts in the cut every character of the text held in v: a
// meeting, records, an imported table.
func (t *textFont) addAll(v any) bool {
	return t.grow(func() { app.EachText(v, t.scan) })
}

// grow runs scan, which may add characters, and cuts the font again if it
// did. It reports whether the cut changed.
func (t *textFont) grow(scan func()) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.runes)
	scan()
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

// commonSet is the set of characters most text in one script uses, read
// from a national standard's code table: the first character typed from it
// brings the whole set into the cut, so that typing a name re-cuts the font
// once (about 90 ms with the large meeting open), not once per character.
type commonSet struct {
	enc        encoding.Encoding
	lead       [2]byte   // first bytes, inclusive
	trail      [][2]byte // second bytes, inclusive ranges
	once       sync.Once
	runes      []rune
	membership map[rune]bool
}

// commonSets are tried in order: a character in several sets brings the
// first.
var commonSets = []*commonSet{
	// JIS X 0208 level 1 kanji (EUC-JP rows 16 to 47).
	{enc: japanese.EUCJP, lead: [2]byte{0xB0, 0xCF}, trail: [][2]byte{{0xA1, 0xFE}}},
	// KS X 1001 Hangul syllables (EUC-KR rows 16 to 40).
	{enc: korean.EUCKR, lead: [2]byte{0xB0, 0xC8}, trail: [][2]byte{{0xA1, 0xFE}}},
	// GB 2312 level 1 hanzi (EUC-CN rows 16 to 55).
	{enc: simplifiedchinese.GBK, lead: [2]byte{0xB0, 0xD7}, trail: [][2]byte{{0xA1, 0xFE}}},
	// Big5 frequently used hanzi.
	{enc: traditionalchinese.Big5, lead: [2]byte{0xA4, 0xC6}, trail: [][2]byte{{0x40, 0x7E}, {0xA1, 0xFE}}},
}

// has reports whether r is in the set, decoding the table the first time.
func (c *commonSet) has(r rune) bool {
	c.once.Do(func() {
		c.membership = map[rune]bool{}
		dec := c.enc.NewDecoder()
		for b1 := int(c.lead[0]); b1 <= int(c.lead[1]); b1++ {
			for _, tr := range c.trail {
				for b2 := int(tr[0]); b2 <= int(tr[1]); b2++ {
					out, err := dec.Bytes([]byte{byte(b1), byte(b2)})
					if err != nil {
						continue
					}
					if rs := []rune(string(out)); len(rs) == 1 && rs[0] >= 0x3000 && rs[0] != utf8.RuneError {
						c.runes = append(c.runes, rs[0])
						c.membership[rs[0]] = true
					}
				}
			}
		}
	})
	return c.membership[r]
}

// isIdeographOrHangul reports whether r is a CJK ideograph or a Hangul
// syllable: the scripts with thousands of characters.
func isIdeographOrHangul(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0xAC00 && r <= 0xD7A3)
}

// addTyped is add for text someone is typing: an ideograph or Hangul
// syllable new to the cut brings the first common set that holds it.
func (t *textFont) addTyped(s string) bool {
	return t.grow(func() {
		n := len(t.runes)
		t.scan(s)
		for _, r := range t.runes[n:] {
			if isIdeographOrHangul(r) {
				t.addCommonSet(r)
			}
		}
	})
}

// addCommonSet puts in the cut the first common set that holds r, unless
// it is there already.
func (t *textFont) addCommonSet(r rune) {
	for i, c := range commonSets {
		if c.has(r) {
			if !t.setAdded[i] {
				t.setAdded[i] = true
				t.scanFrom(string(c.runes))
			}
			return
		}
	}
}
