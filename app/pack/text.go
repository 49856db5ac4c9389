package pack

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/app"
)

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

// Colours of the pack.
var (
	black    = rgb{0x1a, 0x1a, 0x1a}
	grey     = rgb{0x5f, 0x63, 0x68}
	lightRed = rgb{0xfb, 0xec, 0xec}
	red      = rgb{0xc0, 0x00, 0x00}
	navy     = rgb{0x1f, 0x3a, 0x5f}
	rule     = rgb{0xb8, 0xbe, 0xc6}
	shade    = rgb{0xee, 0xf0, 0xf2}
	headFill = rgb{0xdf, 0xe5, 0xec}
	bracketC = rgb{0x0b, 0x4f, 0x9c}
	white    = rgb{0xff, 0xff, 0xff}
	green    = rgb{0x00, 0x6b, 0x30} // redline insertions
)

// style is how a run of text looks: its Latin face (runs of CJK text
// switch to the CJK face by themselves), size in points, colour and a
// baseline rise for superscript tags.
type style struct {
	face  face
	size  float64
	color rgb
	rise  float64
	// whole keeps CJK text from breaking between characters (a name).
	whole bool
	// deco underlines the text or strikes it through (redlines).
	deco deco
}

// deco is a line drawn with text: none, underline or strike-through.
type deco uint8

const (
	decoNone deco = iota
	decoUnderline
	decoStrike
)

// span is a run of text in one style.
type span struct {
	text string
	st   style
}

// rich is styled text: a paragraph's spans.
type rich []span

// plain makes a one-style rich text.
func plain(text string, st style) rich { return rich{{text, st}} }

// frag is a piece of a laid-out line in one face, size and colour.
type frag struct {
	x    float64
	w    float64
	face face
	st   style
	text string
	buf  []byte // the text while the line is being filled
}

// done turns the line's fragment buffers into strings.
func (l *line) done() {
	for i := range l.frags {
		if l.frags[i].buf != nil {
			l.frags[i].text = string(l.frags[i].buf)
			l.frags[i].buf = nil
		}
	}
}

// line is a laid-out line: fragments at x offsets from its left edge.
type line struct {
	frags []frag
	w     float64
}

// piece is a run of runes of one word in one face and style.
type piece struct {
	face face
	st   style
	text string
	w    float64
}

// word is an unbreakable unit; glue is the space before it (0 when the
// break is between CJK characters), with the style the space was set in.
type word struct {
	pieces []piece
	w      float64
	glue   float64
	gst    style
	hasGap bool
}

// Kinsoku: characters that may not start a line, and ones that may not end one.
const (
	noStart = "、。，．・：；？！ー）」』】〕〉》〙〗｝］ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻ゝゞヽヾ〜～!%),.:;?]}’”›»…‥°′″℃"
	noEnd   = "（「『【〔〈《〘〖｛［([{‘“‹«"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }

// breaksAround reports whether a line may break before or after r within a
// run without spaces: ideographs, kana and CJK punctuation. Hangul, like
// Latin, breaks at spaces.
func breaksAround(r rune) bool {
	if r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F {
		return false
	}
	return app.IsWide(r)
}

// canBreak reports whether a line may break between p and r (no space between).
func canBreak(p, r rune) bool {
	if !breaksAround(p) && !breaksAround(r) {
		return false
	}
	return !isNoStart(r) && !isNoEnd(p)
}

// words splits rich text into words with their glue.
func words(t rich) []word {
	var out []word
	var cur word
	haveCur := false
	pendingGlue, pendingGap := 0.0, false
	var pendingGst style
	var prev rune = -1
	flush := func() {
		if haveCur {
			out = append(out, cur)
		}
		cur = word{}
		haveCur = false
	}
	// A piece's text is a slice of its span's string while the runes it
	// gathers are contiguous there, so no string is built rune by rune.
	pieceSpan, pieceStart, pieceEnd := -1, -1, -1
	addRune := func(r rune, st style, span int, src string, at, end int) {
		f := faceFor(st.face, r)
		w := float64(runeWidth(f, r)) * st.size / 1000
		if !haveCur {
			cur = word{glue: pendingGlue, gst: pendingGst, hasGap: pendingGap}
			pendingGlue, pendingGap = 0, false
			haveCur = true
		}
		if n := len(cur.pieces); n > 0 && cur.pieces[n-1].face == f && cur.pieces[n-1].st == st {
			p := &cur.pieces[n-1]
			if pieceSpan == span && pieceEnd == at {
				p.text = src[pieceStart:end]
			} else {
				p.text += src[at:end]
				pieceSpan = -1 // built, no longer a slice
			}
			p.w += w
		} else {
			cur.pieces = append(cur.pieces, piece{face: f, st: st, text: src[at:end], w: w})
			pieceSpan, pieceStart = span, at
		}
		pieceEnd = end
		cur.w += w
	}
	for k, sp := range t {
		s := sp.text
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			at := i
			i += n
			if r == ' ' || r == '\u3000' || (unicode.IsSpace(r) && r != '\u00a0') {
				flush()
				// Runs of spaces collapse to one.
				if !pendingGap {
					pendingGlue = float64(runeWidth(faceFor(sp.st.face, ' '), ' ')) * sp.st.size / 1000
				}
				pendingGst = sp.st
				pendingGap = true
				prev = -1
				continue
			}
			if haveCur && prev >= 0 && !sp.st.whole && canBreak(prev, r) {
				flush()
			}
			addRune(r, sp.st, k, s, at, i)
			prev = r
		}
	}
	flush()
	return out
}

// wrap lays out rich text in lines of the given width; the first line is
// narrower by indent (a hanging label sits there).
func wrap(t rich, width, indent float64) []line {
	ws := words(t)
	var lines []line
	var cur line
	avail := width - indent
	x := 0.0
	empty := true
	newLine := func() {
		cur.done()
		lines = append(lines, cur)
		cur = line{}
		x = 0
		empty = true
		avail = width
	}
	place := func(w word, withGlue bool) {
		if withGlue && w.glue > 0 {
			appendText(&cur, x, w.gst.face, w.gst, " ", w.glue)
			x += w.glue
		}
		for _, p := range w.pieces {
			appendText(&cur, x, p.face, p.st, p.text, p.w)
			x += p.w
		}
		cur.w = x
		empty = false
	}
	for _, w := range ws {
		if !empty && x+w.glue+w.w <= avail+0.01 {
			place(w, true)
			continue
		}
		if !empty {
			newLine()
		}
		if w.w <= avail+0.01 {
			place(w, false)
			continue
		}
		// A word longer than the line: break it between characters.
		for _, part := range splitWord(w, avail, width) {
			if !empty {
				newLine()
			}
			place(part, false)
		}
	}
	if !empty || len(lines) == 0 {
		cur.done()
		lines = append(lines, cur)
	}
	return lines
}

// appendText adds text to a line, merging with the fragment before it when
// it continues in the same face and style right where that one ends
// (spaces included), so a line is drawn with as few text operations as
// possible.
func appendText(l *line, x float64, f face, st style, s string, w float64) {
	n := len(l.frags)
	adjacent := n > 0 && abs(l.frags[n-1].x+l.frags[n-1].w-x) < 0.001
	if s == " " {
		// A space joins the fragment before it when it is as wide there
		// and underlined or struck through alike; otherwise it is left as
		// a gap.
		if adjacent {
			last := &l.frags[n-1]
			if last.st.size == st.size && last.st.rise == st.rise && last.st.deco == st.deco &&
				abs(float64(runeWidth(last.face, ' '))*last.st.size/1000-w) < 0.001 {
				last.buf = append(last.buf, ' ')
				last.w += w
			}
		}
		return
	}
	if adjacent && l.frags[n-1].face == f && l.frags[n-1].st == st {
		l.frags[n-1].buf = append(l.frags[n-1].buf, s...)
		l.frags[n-1].w += w
		return
	}
	l.frags = append(l.frags, frag{x: x, w: w, face: f, st: st, buf: append(make([]byte, 0, 64), s...)})
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// splitWord cuts an over-long word into parts, the first fitting first,
// the others fitting width.
func splitWord(w word, first, width float64) []word {
	var out []word
	cur := word{}
	avail := first
	for _, p := range w.pieces {
		for _, r := range p.text {
			rw := float64(runeWidth(p.face, r)) * p.st.size / 1000
			if cur.w+rw > avail && cur.w > 0 {
				out = append(out, cur)
				cur = word{}
				avail = width
			}
			if n := len(cur.pieces); n > 0 && cur.pieces[n-1].face == p.face && cur.pieces[n-1].st == p.st {
				cur.pieces[n-1].text += string(r)
				cur.pieces[n-1].w += rw
			} else {
				cur.pieces = append(cur.pieces, piece{face: p.face, st: p.st, text: string(r), w: rw})
			}
			cur.w += rw
		}
	}
	if cur.w > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// width measures rich text on one line.
func (t rich) width() float64 {
	w := 0.0
	for _, sp := range t {
		for _, r := range sp.text {
			w += float64(runeWidth(faceFor(sp.st.face, r), r)) * sp.st.size / 1000
		}
	}
	return w
}
