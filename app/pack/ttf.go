package pack

import (
	"encoding/binary"
	"fmt"
	"math"

	"parley/app/fontcut"
)

// ttf is a parsed TrueType (glyf) font with what measuring text the way
// gofpdf does needs. Parsing happens once per process; cutting (fontcut)
// once per export, so gofpdf never has to parse the whole 4.6 MB CJK face.
type ttf struct {
	*fontcut.Font
	name string
	// w is the advance of each covered code point in thousandths of an em,
	// rounded as gofpdf rounds it; missing is the .notdef advance.
	w       []uint16
	missing int
}

var be = binary.BigEndian

// parseTTF reads a single-face TrueType font with glyf outlines that its
// licence lets a PDF embed.
func parseTTF(name string, data []byte) (*ttf, error) {
	f, err := fontcut.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	if os2 := f.Table("OS/2"); len(os2) >= 10 {
		if fs := be.Uint16(os2[8:]); fs == 0x0002 || fs&0x0300 != 0 {
			return nil, fmt.Errorf("font %s: the licence bits forbid embedding", name)
		}
	}
	t := &ttf{Font: f, name: name}
	scale := 1000 / float64(f.UnitsPerEm())
	t.w = make([]uint16, 65536)
	for r := range t.w {
		if g := f.Glyph(rune(r)); g != 0 {
			t.w[r] = uint16(math.Round(scale * float64(t.advance(int(g)))))
		}
	}
	t.missing = int(math.Round(scale * float64(t.advance(0))))
	return t, nil
}

// advance is a glyph's advance width in font units, as gofpdf reads it.
func (t *ttf) advance(g int) int {
	adv, _ := t.Metric(g)
	if adv >= 1<<15 {
		return 0
	}
	return int(adv)
}

// has reports whether the font has a glyph for r.
func (t *ttf) has(r rune) bool { return t.Glyph(r) != 0 }

// subset cuts a font holding .notdef and the glyphs of the given runes
// (and the parts they are built from), numbered in rune order.
func (t *ttf) subset(runes []rune) []byte { return t.Cut(runes, 1) }
