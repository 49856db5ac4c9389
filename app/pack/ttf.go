package pack

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
)

// ttf is a parsed TrueType (glyf) font: enough of it to measure text the
// way gofpdf does and to cut a small font holding only the glyphs a pack
// uses. Parsing happens once per process; cutting once per export, so
// gofpdf never has to parse the whole 4.6 MB CJK face.
type ttf struct {
	name      string
	tables    map[string][]byte
	upem      int
	numGlyphs int
	nHMetrics int
	loca      []uint32 // numGlyphs+1 offsets into glyf
	glyf      []byte
	hmtx      []byte
	// gid maps a BMP code point to its glyph (0: not covered).
	gid []uint16
	// w is the advance of each covered code point in thousandths of an em,
	// rounded as gofpdf rounds it; missing is the .notdef advance.
	w       []uint16
	missing int
}

var be = binary.BigEndian

// parseTTF reads a single-face TrueType font with glyf outlines.
func parseTTF(name string, data []byte) (*ttf, error) {
	fail := func(format string, args ...any) (*ttf, error) {
		return nil, fmt.Errorf("font %s: "+format, append([]any{name}, args...)...)
	}
	if len(data) < 12 {
		return fail("file too short")
	}
	switch be.Uint32(data) {
	case 0x00010000, 0x74727565: // TrueType
	case 0x4F54544F:
		return fail("CFF (.otf) outlines are not supported: use a TrueType (glyf) font")
	case 0x74746366:
		return fail("font collections (.ttc) are not supported: extract one face to a .ttf")
	default:
		return fail("not a TrueType font")
	}
	n := int(be.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return fail("table directory truncated")
	}
	t := &ttf{name: name, tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, ln := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return fail("table %q runs past the end of the file", tag)
		}
		t.tables[tag] = data[off : off+ln]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "post"} {
		if t.tables[tag] == nil {
			return fail("no %q table", tag)
		}
	}
	head, hhea, maxp := t.tables["head"], t.tables["hhea"], t.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return fail("head, hhea or maxp table truncated")
	}
	if os2 := t.tables["OS/2"]; len(os2) >= 10 {
		if fs := be.Uint16(os2[8:]); fs == 0x0002 || fs&0x0300 != 0 {
			return fail("the licence bits forbid embedding")
		}
	}
	t.upem = int(be.Uint16(head[18:]))
	if t.upem == 0 {
		return fail("unitsPerEm is 0")
	}
	longLoca := be.Uint16(head[50:]) == 1
	t.numGlyphs = int(be.Uint16(maxp[4:]))
	t.nHMetrics = int(be.Uint16(hhea[34:]))
	if t.nHMetrics == 0 || t.nHMetrics > t.numGlyphs {
		return fail("bad numberOfHMetrics %d", t.nHMetrics)
	}
	t.hmtx = t.tables["hmtx"]
	if len(t.hmtx) < 4*t.nHMetrics+2*(t.numGlyphs-t.nHMetrics) {
		return fail("hmtx table truncated")
	}
	t.glyf = t.tables["glyf"]
	loca := t.tables["loca"]
	t.loca = make([]uint32, t.numGlyphs+1)
	for i := range t.loca {
		if longLoca {
			if len(loca) < 4*i+4 {
				return fail("loca table truncated")
			}
			t.loca[i] = be.Uint32(loca[4*i:])
		} else {
			if len(loca) < 2*i+2 {
				return fail("loca table truncated")
			}
			t.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		}
		if int(t.loca[i]) > len(t.glyf) || (i > 0 && t.loca[i] < t.loca[i-1]) {
			return fail("loca offset %d out of range", i)
		}
	}
	if err := t.readCmap(); err != nil {
		return fail("%v", err)
	}
	scale := 1000 / float64(t.upem)
	t.w = make([]uint16, 65536)
	for r, g := range t.gid {
		if g != 0 {
			t.w[r] = uint16(math.Round(scale * float64(t.advance(int(g)))))
		}
	}
	t.missing = int(math.Round(scale * float64(t.advance(0))))
	return t, nil
}

// advance is a glyph's advance width in font units.
func (t *ttf) advance(g int) int {
	if g >= t.nHMetrics {
		g = t.nHMetrics - 1
	}
	a := int(be.Uint16(t.hmtx[4*g:]))
	if a >= 1<<15 { // as gofpdf reads it
		a = 0
	}
	return a
}

// metric returns a glyph's advance and left side bearing, raw.
func (t *ttf) metric(g int) (adv, lsb uint16) {
	if g < t.nHMetrics {
		return be.Uint16(t.hmtx[4*g:]), be.Uint16(t.hmtx[4*g+2:])
	}
	return be.Uint16(t.hmtx[4*(t.nHMetrics-1):]), be.Uint16(t.hmtx[4*t.nHMetrics+2*(g-t.nHMetrics):])
}

// has reports whether the font has a glyph for r.
func (t *ttf) has(r rune) bool { return r >= 0 && r < 0x10000 && t.gid[r] != 0 }

// readCmap fills gid from the best Unicode subtable (format 12 or 4).
func (t *ttf) readCmap() error {
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

// glyph returns a glyph's outline data.
func (t *ttf) glyph(g int) []byte { return t.glyf[t.loca[g]:t.loca[g+1]] }

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

// subset cuts a font holding .notdef and the glyphs of the given runes
// (and the components they are built from), with a format 4 cmap. Glyphs
// are numbered in rune order, so the output depends only on the set.
func (t *ttf) subset(runes []rune) []byte {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	newID := map[uint16]uint16{0: 0}
	order := []uint16{0}
	type pair struct {
		r rune
		g uint16
	}
	var pairs []pair
	add := func(g uint16) uint16 {
		if id, ok := newID[g]; ok {
			return id
		}
		id := uint16(len(order))
		newID[g] = id
		order = append(order, g)
		return id
	}
	for _, r := range runes {
		if !t.has(r) {
			continue
		}
		pairs = append(pairs, pair{r, add(t.gid[r])})
	}
	// Components of composite glyphs, breadth first.
	for i := 0; i < len(order); i++ {
		components(t.glyph(int(order[i])), func(at int) {
			g := be.Uint16(t.glyph(int(order[i]))[at:])
			if int(g) < t.numGlyphs {
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
		adv, lsb := t.metric(int(g))
		be.PutUint16(hmtx[4*i:], adv)
		be.PutUint16(hmtx[4*i+2:], lsb)
		data := t.glyph(int(g))
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
	for _, tag := range []string{"OS/2", "cvt ", "fpgm", "prep", "gasp"} {
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
