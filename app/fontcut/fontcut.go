// Package fontcut reads TrueType (glyf) fonts and cuts them down to the
// characters a document or a window needs: a font subsetter. The briefing
// pack embeds cut fonts in the PDF; the window gives Fyne a cut of the
// bundled CJK font, since Fyne parses every glyph of a theme font up front
// (about 16 MB for the whole CJK face, well under 1 MB for a cut).
//
// A cut keeps the outlines, metrics and hinting of what it keeps exactly
// as they were. It may keep the first glyphs in place, numbers unchanged:
// then the kerning and other layout tables, which name glyphs by number,
// stay valid and come along.
package fontcut

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// Font is a parsed single-face TrueType font. It is safe for concurrent
// reading.
type Font struct {
	tables    map[string][]byte
	upem      int
	numGlyphs int
	nHMetrics int
	loca      []uint32 // numGlyphs+1 offsets into glyf
	glyf      []byte
	hmtx      []byte
	// gid maps a BMP code point to its glyph (0: not covered).
	gid []uint16
}

var be = binary.BigEndian

// Parse reads a single-face TrueType font with glyf outlines. data is kept,
// not copied. Errors say what is wrong with the font, not which file it is.
func Parse(data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, errors.New("file too short")
	}
	switch be.Uint32(data) {
	case 0x00010000, 0x74727565: // TrueType
	case 0x4F54544F:
		return nil, errors.New("CFF (.otf) outlines are not supported: use a TrueType (glyf) font")
	case 0x74746366:
		return nil, errors.New("font collections (.ttc) are not supported: extract one face to a .ttf")
	default:
		return nil, errors.New("not a TrueType font")
	}
	n := int(be.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("table directory truncated")
	}
	t := &Font{tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, ln := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, fmt.Errorf("table %q runs past the end of the file", tag)
		}
		t.tables[tag] = data[off : off+ln]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "post"} {
		if t.tables[tag] == nil {
			return nil, fmt.Errorf("no %q table", tag)
		}
	}
	head, hhea, maxp := t.tables["head"], t.tables["hhea"], t.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("head, hhea or maxp table truncated")
	}
	t.upem = int(be.Uint16(head[18:]))
	if t.upem == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	longLoca := be.Uint16(head[50:]) == 1
	t.numGlyphs = int(be.Uint16(maxp[4:]))
	t.nHMetrics = int(be.Uint16(hhea[34:]))
	if t.nHMetrics == 0 || t.nHMetrics > t.numGlyphs {
		return nil, fmt.Errorf("bad numberOfHMetrics %d", t.nHMetrics)
	}
	t.hmtx = t.tables["hmtx"]
	if len(t.hmtx) < 4*t.nHMetrics+2*(t.numGlyphs-t.nHMetrics) {
		return nil, errors.New("hmtx table truncated")
	}
	t.glyf = t.tables["glyf"]
	loca := t.tables["loca"]
	t.loca = make([]uint32, t.numGlyphs+1)
	for i := range t.loca {
		if longLoca {
			if len(loca) < 4*i+4 {
				return nil, errors.New("loca table truncated")
			}
			t.loca[i] = be.Uint32(loca[4*i:])
		} else {
			if len(loca) < 2*i+2 {
				return nil, errors.New("loca table truncated")
			}
			t.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		}
		if int(t.loca[i]) > len(t.glyf) || (i > 0 && t.loca[i] < t.loca[i-1]) {
			return nil, fmt.Errorf("loca offset %d out of range", i)
		}
	}
	if err := t.readCmap(); err != nil {
		return nil, err
	}
	return t, nil
}

// UnitsPerEm is the font's design units per em.
func (t *Font) UnitsPerEm() int { return t.upem }

// NumGlyphs is the number of glyphs.
func (t *Font) NumGlyphs() int { return t.numGlyphs }

// Table returns a table's bytes (nil when the font has none).
func (t *Font) Table(tag string) []byte { return t.tables[tag] }

// Glyph returns the glyph that draws r, 0 when the font has none (only
// the Basic Multilingual Plane is mapped).
func (t *Font) Glyph(r rune) uint16 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	return t.gid[r]
}

// Metric returns a glyph's advance width and left side bearing in font
// units, as stored.
func (t *Font) Metric(g int) (adv, lsb uint16) {
	if g < t.nHMetrics {
		return be.Uint16(t.hmtx[4*g:]), be.Uint16(t.hmtx[4*g+2:])
	}
	return be.Uint16(t.hmtx[4*(t.nHMetrics-1):]), be.Uint16(t.hmtx[4*t.nHMetrics+2*(g-t.nHMetrics):])
}

// GlyphsBelow returns one more than the largest glyph number of the
// characters below limit. Below U+3000 (all scripts before the CJK
// blocks), these are the glyphs a CJK font's kerning names: the ones to
// keep in place in a cut.
func (t *Font) GlyphsBelow(limit rune) int {
	n := 0
	for r := rune(0); r < limit && r < 0x10000; r++ {
		n = max(n, int(t.gid[r])+1)
	}
	return n
}

// readCmap fills gid from the best Unicode subtable (format 12 or 4).
func (t *Font) readCmap() error {
	cmap := t.tables["cmap"]
	if len(cmap) < 4 {
		return errors.New("cmap table truncated")
	}
	t.gid = make([]uint16, 65536)
	n := int(be.Uint16(cmap[2:]))
	best, bestRank := -1, 0
	for i := 0; i < n; i++ {
		if len(cmap) < 4+8*i+8 {
			return errors.New("cmap table truncated")
		}
		pid, eid := be.Uint16(cmap[4+8*i:]), be.Uint16(cmap[6+8*i:])
		off := int(be.Uint32(cmap[8+8*i:]))
		if off+4 > len(cmap) {
			continue
		}
		format := be.Uint16(cmap[off:])
		rank := 0
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			rank = 3
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return errors.New("no Unicode cmap (format 4 or 12)")
	}
	sub := cmap[best:]
	if be.Uint16(sub) == 12 {
		if len(sub) < 16 {
			return errors.New("cmap format 12 truncated")
		}
		groups := int(be.Uint32(sub[12:]))
		if len(sub) < 16+12*groups {
			return errors.New("cmap format 12 truncated")
		}
		for i := 0; i < groups; i++ {
			g := sub[16+12*i:]
			start, end, gid := be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])
			for c := start; c <= end && c < 0x10000; c++ {
				if id := gid + (c - start); id < uint32(t.numGlyphs) {
					t.gid[c] = uint16(id)
				}
			}
		}
		return nil
	}
	if len(sub) < 14 {
		return errors.New("cmap format 4 truncated")
	}
	segX2 := int(be.Uint16(sub[6:]))
	if len(sub) < 16+4*segX2 {
		return errors.New("cmap format 4 truncated")
	}
	ends := sub[14:]
	starts := sub[16+segX2:]
	deltas := sub[16+2*segX2:]
	ranges := sub[16+3*segX2:]
	for s := 0; s < segX2/2; s++ {
		end, start := int(be.Uint16(ends[2*s:])), int(be.Uint16(starts[2*s:]))
		delta, ro := int(be.Uint16(deltas[2*s:])), int(be.Uint16(ranges[2*s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				p := 16 + 3*segX2 + 2*s + ro + 2*(c-start)
				if p+2 > len(sub) {
					continue
				}
				g = int(be.Uint16(sub[p:]))
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g < t.numGlyphs {
				t.gid[c] = uint16(g)
			}
		}
	}
	return nil
}

// outline returns a glyph's outline data.
func (t *Font) outline(g int) []byte { return t.glyf[t.loca[g]:t.loca[g+1]] }

// Composite glyph flags.
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls fn with the offset of each component's glyph index in a
// composite glyph's data.
func components(data []byte, fn func(at int)) {
	if len(data) < 10 || int16(be.Uint16(data)) >= 0 {
		return
	}
	p := 10
	for {
		if p+4 > len(data) {
			return
		}
		flags := be.Uint16(data[p:])
		fn(p + 2)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return
		}
	}
}

// layout are the tables that name glyphs by number for shaping (kerning,
// substitutions, glyph classes): a cut keeps them only when it keeps the
// glyphs they name in place.
var layout = []string{"GDEF", "GPOS", "GSUB", "kern"}

// Cut returns a font holding glyphs 0 to keep-1 in place (at least glyph
// 0, drawn for a missing character), then the glyphs of the given runes in
// rune order, then the parts of composite glyphs. Its character map (format
// 4) maps exactly the given runes the font has. With keep > 1 the layout
// tables come along: keep must then cover every glyph they name. Outlines,
// metrics and hinting are the original's; glyph names and vertical metrics
// are left out. The output depends only on the font, the rune set and keep.
func (t *Font) Cut(runes []rune, keep int) []byte {
	keep = min(max(keep, 1), t.numGlyphs)
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	newID := make(map[uint16]uint16, keep+len(runes))
	order := make([]uint16, 0, keep+len(runes))
	add := func(g uint16) uint16 {
		if id, ok := newID[g]; ok {
			return id
		}
		id := uint16(len(order))
		newID[g] = id
		order = append(order, g)
		return id
	}
	for g := 0; g < keep; g++ {
		add(uint16(g))
	}
	type pair struct {
		r rune
		g uint16
	}
	var pairs []pair
	for _, r := range runes {
		if g := t.Glyph(r); g != 0 {
			pairs = append(pairs, pair{r, add(g)})
		}
	}
	// Parts of composite glyphs, breadth first.
	for i := 0; i < len(order); i++ {
		data := t.outline(int(order[i]))
		components(data, func(at int) {
			if g := be.Uint16(data[at:]); int(g) < t.numGlyphs {
				add(g)
			}
		})
	}
	n := len(order)

	var glyf []byte
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	for i, g := range order {
		be.PutUint32(loca[4*i:], uint32(len(glyf)))
		adv, lsb := t.Metric(int(g))
		be.PutUint16(hmtx[4*i:], adv)
		be.PutUint16(hmtx[4*i+2:], lsb)
		data := t.outline(int(g))
		start := len(glyf)
		glyf = append(glyf, data...)
		components(data, func(at int) {
			old := be.Uint16(data[at:])
			be.PutUint16(glyf[start+at:], newID[old])
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	be.PutUint32(loca[4*n:], uint32(len(glyf)))

	// cmap format 4: one segment per run of consecutive runes.
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, p := range pairs {
		if p.r >= 0xFFFF {
			continue
		}
		if k := len(segs) - 1; k >= 0 && int(p.r) == segs[k].end+1 && (int(p.r)+segs[k].delta)&0xFFFF == int(p.g) {
			segs[k].end++
			continue
		}
		segs = append(segs, seg{int(p.r), int(p.r), (int(p.g) - int(p.r)) & 0xFFFF})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	sc := len(segs)
	searchRange, entrySelector := 2, 0
	for searchRange*2 <= 2*sc {
		searchRange *= 2
		entrySelector++
	}
	sub := make([]byte, 16+8*sc)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*sc))
	be.PutUint16(sub[8:], uint16(searchRange))
	be.PutUint16(sub[10:], uint16(entrySelector))
	be.PutUint16(sub[12:], uint16(2*sc-searchRange))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], uint16(s.end))
		be.PutUint16(sub[16+2*sc+2*i:], uint16(s.start))
		be.PutUint16(sub[16+4*sc+2*i:], uint16(s.delta))
		// idRangeOffset stays 0.
	}
	cmap := append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)

	head := slices.Clone(t.tables["head"])
	be.PutUint32(head[8:], 0)
	be.PutUint16(head[50:], 1)
	hhea := slices.Clone(t.tables["hhea"])
	be.PutUint16(hhea[34:], uint16(n))
	maxp := slices.Clone(t.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(n))
	post := make([]byte, 32)
	copy(post, t.tables["post"])
	be.PutUint32(post, 0x00030000)

	out := map[string][]byte{
		"cmap": cmap, "glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx,
		"loca": loca, "maxp": maxp, "name": t.tables["name"], "post": post,
	}
	kept := []string{"OS/2", "cvt ", "fpgm", "prep", "gasp"}
	if keep > 1 {
		kept = append(kept, layout...)
	}
	for _, tag := range kept {
		if d := t.tables[tag]; len(d) > 0 {
			out[tag] = d
		}
	}
	return assemble(out)
}

// assemble writes a TrueType file from its tables, with checksums.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 0
	for tag, d := range tables {
		tags = append(tags, tag)
		size += (len(d) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	hdr := 12 + 16*n
	buf := make([]byte, hdr, hdr+size)
	be.PutUint32(buf, 0x00010000)
	be.PutUint16(buf[4:], uint16(n))
	be.PutUint16(buf[6:], uint16(16*sr))
	be.PutUint16(buf[8:], uint16(es))
	be.PutUint16(buf[10:], uint16(16*n-16*sr))
	headAt := 0
	for i, tag := range tags {
		d := tables[tag]
		if tag == "head" {
			headAt = len(buf)
		}
		rec := buf[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(d))
		be.PutUint32(rec[8:], uint32(len(buf)))
		be.PutUint32(rec[12:], uint32(len(d)))
		buf = append(buf, d...)
		for len(buf)%4 != 0 {
			buf = append(buf, 0)
		}
	}
	if headAt > 0 {
		be.PutUint32(buf[headAt+8:], 0xB1B0AFBA-checksum(buf))
	}
	return buf
}

func checksum(d []byte) uint32 {
	var sum uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		sum += be.Uint32(w[:])
	}
	return sum
}
