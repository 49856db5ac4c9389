package fontcut

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"parley/assets"
)

// cjkStart bounds the glyphs the window keeps in place: those of every
// character below the CJK blocks.
const cjkStart = 0x3000

func parseCJK(t testing.TB) *Font {
	t.Helper()
	f, err := Parse(assets.CJK)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func face(t testing.TB, data []byte) *font.Face {
	t.Helper()
	fc, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the text engine cannot read the font: %v", err)
	}
	return fc
}

func cut(t testing.TB, text string) (*Font, []byte) {
	f := parseCJK(t)
	return f, f.Cut([]rune(text), f.GlyphsBelow(cjkStart))
}

func TestCutDrawsTheChosenCharactersAsTheFullFontDoes(t *testing.T) {
	const kept = "Mizushima 水島光一 이충면 ÉÑ ΑΩ Жд あア，"
	_, data := cut(t, kept)
	full, small := face(t, assets.CJK), face(t, data)
	if small.Upem() != full.Upem() {
		t.Fatalf("units per em %d, want %d", small.Upem(), full.Upem())
	}
	for _, r := range kept {
		g, ok := full.NominalGlyph(r)
		g2, ok2 := small.NominalGlyph(r)
		if !ok || !ok2 {
			t.Fatalf("%q: mapped %v in the cut font, %v in the full one", r, ok2, ok)
		}
		if a, b := small.HorizontalAdvance(g2), full.HorizontalAdvance(g); a != b {
			t.Errorf("%q: advance %v, want %v", r, a, b)
		}
		want, got := full.GlyphData(g), small.GlyphData(g2)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: outline differs from the full font's", r)
		}
		if r != ' ' && len(got.(font.GlyphOutline).Segments) == 0 {
			t.Errorf("%q: no outline", r)
		}
	}
}

func TestCutMapsOnlyTheChosenCharacters(t *testing.T) {
	f, data := cut(t, "水A")
	small := face(t, data)
	for _, r := range "龍한" {
		if f.Glyph(r) == 0 {
			t.Fatalf("the full font lacks %q", r)
		}
		if g, ok := small.NominalGlyph(r); ok {
			t.Errorf("%q maps to glyph %d; only 水 and A were asked for", r, g)
		}
	}
	if segs := small.GlyphData(0).(font.GlyphOutline).Segments; len(segs) == 0 {
		t.Error("glyph 0, drawn for a missing character, lost its outline")
	}
	if n, low := sfntGlyphs(t, data), f.GlyphsBelow(cjkStart); n < low+1 || n > low+100 {
		t.Errorf("%d glyphs, want the %d kept in place, 水, and parts of composite glyphs", n, low)
	}
	if len(data) > len(assets.CJK)/20 {
		t.Errorf("cut font is %d bytes; the full one is %d", len(data), len(assets.CJK))
	}
}

func sfntGlyphs(t *testing.T, data []byte) int {
	sf, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return sf.NumGlyphs()
}

// The kerning (GPOS) names only glyphs kept in place, so text shapes the
// same in the cut font as in the full one.
func TestCutKeepsKerning(t *testing.T) {
	f := parseCJK(t)
	low := f.GlyphsBelow(cjkStart)
	full := face(t, assets.CJK)
	for _, l := range full.Font.GPOS.Lookups {
		for _, st := range l.Subtables {
			for _, g := range coverage(st.Cov()) {
				if int(g) >= low {
					t.Fatalf("kerning names glyph %d, past the %d kept in place", g, low)
				}
			}
			if pp, ok := st.(tables.PairPos); ok {
				if _, ok := pp.Data.(tables.PairPosData1); !ok {
					t.Fatalf("kerning by class (%T): extend this test to read its class definitions", pp.Data)
				}
			}
		}
	}
	for _, g := range secondGlyphs(t, f.Table("GPOS")) {
		if int(g) >= low {
			t.Fatalf("kerning names glyph %d, past the %d kept in place", g, low)
		}
	}
	const text = "AVATAR Tokyo WAVE Yoyo 水島 “Te” 이충면"
	small := face(t, f.Cut([]rune(text), low))
	a, b := shape(small, text), shape(full, text)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the cut font shapes %q as\n%v\nthe full one as\n%v", text, a, b)
	}
	kerned := false
	for i, adv := range b {
		r := []rune(text)[i]
		g, _ := full.NominalGlyph(r)
		if adv != fixed.Int26_6(full.HorizontalAdvance(g)*64*16/float32(full.Upem())) {
			kerned = true
		}
	}
	if !kerned {
		t.Error("no pair in the sample text is kerned: the test proves nothing")
	}
}

// secondGlyphs lists the second glyphs of the pairs in a GPOS table's
// pair adjustment subtables of format 1 (the kerning go-text does not
// list).
func secondGlyphs(t *testing.T, gpos []byte) []uint16 {
	u16 := func(b []byte, at int) int {
		if at+2 > len(b) {
			t.Fatalf("GPOS cut short at %d", at)
		}
		return int(binary.BigEndian.Uint16(b[at:]))
	}
	var out []uint16
	lookups := u16(gpos, 8)
	for i := 0; i < u16(gpos, lookups); i++ {
		l := lookups + u16(gpos, lookups+2+2*i)
		if u16(gpos, l) != 2 {
			continue // not pair adjustment
		}
		for j := 0; j < u16(gpos, l+4); j++ {
			st := l + u16(gpos, l+6+2*j)
			if u16(gpos, st) != 1 {
				continue
			}
			vf1, vf2 := u16(gpos, st+4), u16(gpos, st+6)
			rec := 2 + 2*bits.OnesCount16(uint16(vf1)) + 2*bits.OnesCount16(uint16(vf2))
			for k := 0; k < u16(gpos, st+8); k++ {
				set := st + u16(gpos, st+10+2*k)
				for p := 0; p < u16(gpos, set); p++ {
					out = append(out, uint16(u16(gpos, set+2+rec*p)))
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("found no kerning pairs")
	}
	return out
}

func coverage(c tables.Coverage) []tables.GlyphID {
	var out []tables.GlyphID
	switch c := c.(type) {
	case tables.Coverage1:
		out = c.Glyphs
	case tables.Coverage2:
		for _, r := range c.Ranges {
			for g := r.StartGlyphID; g <= r.EndGlyphID; g++ {
				out = append(out, g)
			}
		}
	}
	return out
}

func shape(f *font.Face, text string) []fixed.Int26_6 {
	rs := []rune(text)
	out := (&shaping.HarfbuzzShaper{}).Shape(shaping.Input{Text: rs, RunStart: 0, RunEnd: len(rs), Direction: di.DirectionLTR,
		Face: f, Size: fixed.I(16), Script: language.Latin, Language: language.NewLanguage("en")})
	var adv []fixed.Int26_6
	for _, g := range out.Glyphs {
		adv = append(adv, g.XAdvance+g.XOffset)
	}
	return adv
}

// parts lists the glyphs a composite glyph is built from.
func (t *Font) parts(g uint16) []uint16 {
	o := t.outline(int(g))
	var out []uint16
	components(o, func(at int) { out = append(out, be.Uint16(o[at:])) })
	return out
}

func TestCutKeepsThePartsOfCompositeGlyphs(t *testing.T) {
	f := parseCJK(t)
	low := f.GlyphsBelow(cjkStart)
	full := face(t, assets.CJK)
	tried := 0
	for r := rune(0x3000); r < 0x10000 && tried < 5; r++ {
		g := f.Glyph(r)
		if g == 0 || len(f.parts(g)) == 0 {
			continue
		}
		tried++
		small := face(t, f.Cut([]rune{r}, low))
		g2, _ := small.NominalGlyph(r)
		if !reflect.DeepEqual(small.GlyphData(g2), full.GlyphData(font.GID(g))) {
			t.Errorf("%q (composite glyph %d, parts %v) draws differently once cut", r, g, f.parts(g))
		}
	}
	if tried == 0 {
		t.Skip("no character above U+3000 is drawn by a composite glyph")
	}
}

func TestCutFontIsWellFormed(t *testing.T) {
	_, data := cut(t, "山田健 김 abc")
	if sum := checksum(data); sum != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", sum)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	prev := ""
	for i := 0; i < n; i++ {
		r := data[12+16*i:]
		tag := string(r[:4])
		if tag <= prev {
			t.Errorf("table directory not sorted: %q after %q", tag, prev)
		}
		prev = tag
		off, size := binary.BigEndian.Uint32(r[8:]), binary.BigEndian.Uint32(r[12:])
		if off%4 != 0 {
			t.Errorf("table %q starts at %d, not on a 4-byte boundary", tag, off)
		}
		want := checksum(data[off : off+size])
		if tag == "head" {
			b := append([]byte(nil), data[off:off+size]...)
			binary.BigEndian.PutUint32(b[8:], 0)
			want = checksum(b)
		}
		if got := binary.BigEndian.Uint32(r[4:]); got != want {
			t.Errorf("table %q checksum %#x, want %#x", tag, got, want)
		}
	}
	// A second, independent reader draws the kept glyphs.
	sf, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, r := range "健김b" {
		g, err := sf.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("%q: glyph %d, %v", r, g, err)
		}
		segs, err := sf.LoadGlyph(&buf, g, fixed.I(16), nil)
		if err != nil || len(segs) == 0 {
			t.Fatalf("%q: %d segments, %v", r, len(segs), err)
		}
	}
}

func TestParseRefusesWhatItCannotCut(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"empty":      {nil, "file too short"},
		"text":       {[]byte("not a font at all, just some words"), "not a TrueType font"},
		"truncated":  {assets.CJK[:200], "table directory truncated"},
		"no outline": {append([]byte("OTTO"), assets.CJK[4:]...), "CFF (.otf) outlines are not supported"},
	} {
		if _, err := Parse(tc.data); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
}

const names = "水島光一山田健佐藤美咲小林浩田中健二鈴木ゆい伊藤大輔이충면김"

// BenchmarkParseFull and BenchmarkParseCut compare what Fyne's text
// engine holds in memory for the bundled CJK font, whole and cut to the
// Latin letters and a meeting's names.
func BenchmarkParseFull(b *testing.B) { benchParse(b, assets.CJK) }

func BenchmarkParseCut(b *testing.B) {
	f := parseCJK(b)
	var rs []rune
	for r := rune(0x20); r < 0x3000; r++ {
		rs = append(rs, r)
	}
	benchParse(b, f.Cut(append(rs, []rune(names)...), f.GlyphsBelow(cjkStart)))
}

func benchParse(b *testing.B, data []byte) {
	var held uint64
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		fc := face(b, data)
		runtime.GC()
		runtime.ReadMemStats(&after)
		held += after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(fc)
	}
	b.ReportMetric(float64(held)/float64(b.N)/(1<<20), "MB-held")
}

func BenchmarkCut(b *testing.B) {
	f := parseCJK(b)
	var rs []rune
	for r := rune(0x20); r < 0x3000; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, []rune(names)...)
	low := f.GlyphsBelow(cjkStart)
	for i := 0; i < b.N; i++ {
		f.Cut(rs, low)
	}
}

// A cut that renumbers every glyph leaves out the tables that name glyphs
// by number; one that keeps them in place keeps those tables.
func TestLayoutTablesOnlyWithGlyphsInPlace(t *testing.T) {
	f := parseCJK(t)
	for keep, want := range map[int]bool{1: false, f.GlyphsBelow(cjkStart): true} {
		data := f.Cut([]rune("AV水"), keep)
		cut, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if got := cut.Table("GPOS") != nil; got != want {
			t.Errorf("keep %d: GPOS kept %v, want %v", keep, got, want)
		}
		if cut.Table("vmtx") != nil || cut.Table("FFTM") != nil {
			t.Errorf("keep %d: vertical metrics or tool tables kept", keep)
		}
	}
}
