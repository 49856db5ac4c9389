package pack

import (
	"context"
	"math"
)

// The layout engine: blocks (paragraphs, headings, tables) are measured
// first, then placed on pages by a cursor that breaks pages itself, so a
// table row or a heading never lands where it should not. Pages are lists
// of drawing operations; nothing touches the PDF library until every page
// is known, which gives the real page count and the contents' numbers.

// opKind is the kind of a drawing operation.
type opKind uint8

const (
	opText opKind = iota
	opLine
	opDotted
	opRect
	opLink
	opPageRef // a page number filled in once every heading has landed
)

// op is one drawing operation. Coordinates are points from the top left;
// a text's y is its baseline; a line runs from (x, y) to (x2, y2).
type op struct {
	kind   opKind
	x, y   float64
	x2, y2 float64 // line end; rect and link width and height
	face   face
	size   float64
	color  rgb
	lw     float64
	text   string
	anchor int  // opLink, opPageRef: the anchor
	bold   bool // text in a face without a bold weight, to embolden
}

// mark is a PDF outline entry.
type mark struct {
	title string
	level int
	y     float64
}

// page is one laid-out page.
type page struct {
	ops     []op
	section string
	marks   []mark
	cover   bool
}

// anchor is a place a contents entry points to.
type anchor struct {
	num   string
	title string
	level int
	page  int // 0-based page index, -1 until placed
	y     float64
}

// geometry is the page size and the text area, in points.
type geometry struct {
	w, h        float64
	left, right float64
	top, bottom float64 // y of the text area's top and bottom edges
}

func (g geometry) width() float64 { return g.w - g.left - g.right }

// Paper sizes in points.
var papers = map[string][2]float64{
	"a4":     {595.28, 841.89},
	"letter": {612, 792},
}

func newGeometry(paper string) geometry {
	sz := papers[paper]
	return geometry{w: sz[0], h: sz[1], left: 64, right: 64, top: 80, bottom: sz[1] - 78}
}

// doc is the page cursor.
type doc struct {
	g       geometry
	pages   []*page
	y       float64
	fresh   bool // nothing placed yet on the current page
	section string
	anchors []anchor
	lineNo  int // running line number (statement line numbers)
	ctx     context.Context
}

func newDoc(ctx context.Context, g geometry) *doc {
	return &doc{g: g, ctx: ctx, y: g.top}
}

func (d *doc) cur() *page {
	if len(d.pages) == 0 {
		d.newPage()
	}
	return d.pages[len(d.pages)-1]
}

// newPage starts a page (always: blank pages are never made by it twice in
// a row since callers check fresh).
func (d *doc) newPage() {
	d.pages = append(d.pages, &page{section: d.section})
	d.y = d.g.top
	d.fresh = true
}

// breakPage starts a new page unless the current one is still empty.
func (d *doc) breakPage() {
	if len(d.pages) == 0 || !d.fresh {
		d.newPage()
	}
	d.cur().section = d.section
}

func (d *doc) room() float64 { return d.g.bottom - d.y }

// capacity is the height of a whole text area.
func (d *doc) capacity() float64 { return d.g.bottom - d.g.top }

// ensure moves to a new page unless h fits below the cursor.
func (d *doc) ensure(h float64) {
	if len(d.pages) == 0 {
		d.newPage()
	}
	if h > d.room()+0.01 && !d.fresh {
		d.newPage()
	}
}

// gap adds vertical space, except at the top of a page.
func (d *doc) gap(h float64) {
	if !d.fresh {
		d.y += h
	}
}

func (d *doc) add(o op) {
	p := d.cur()
	p.ops = append(p.ops, o)
	if o.kind == opText || o.kind == opRect || o.kind == opPageRef {
		d.fresh = false
	}
}

// drawLine draws a laid-out line with its left edge at x and baseline y.
func (d *doc) drawLine(l line, x, y float64) {
	for _, f := range l.frags {
		if f.text == "" {
			continue
		}
		d.add(op{kind: opText, x: x + f.x, y: y - f.st.rise, face: f.face, size: f.st.size, color: f.st.color, text: f.text,
			bold: f.face == faceCJK && f.st.face == faceBold})
		if f.st.deco != decoNone {
			d.add(decoLine(f, x, y))
		}
	}
}

// decoLine is the underline or strike-through of a fragment whose line
// starts at x with its baseline at y.
func decoLine(f frag, x, y float64) op {
	ly := y - f.st.rise + f.st.size*0.13
	if f.st.deco == decoStrike {
		ly = y - f.st.rise - f.st.size*0.3
	}
	return op{kind: opLine, x: x + f.x, y: ly, x2: x + f.x + f.w, y2: ly, lw: f.st.size * 0.06, color: f.st.color}
}

// text draws a one-line string.
func (d *doc) text(x, y float64, s string, st style) {
	for _, l := range wrap(plain(s, st), math.Inf(1), 0) {
		d.drawLine(l, x, y)
	}
}

// rule draws a horizontal line.
func (d *doc) rule(x1, x2, y, w float64, c rgb) {
	d.add(op{kind: opLine, x: x1, y: y, x2: x2, y2: y, lw: w, color: c})
}

// baseline is where text of a size sits in a line box of a height.
func baseline(top, lead, size float64) float64 { return top + (lead-size)/2 + size*0.86 }

// para is a measured paragraph ready to place.
type para struct {
	lines  []line
	lead   float64 // line height
	x      float64 // left edge of the text, from the left margin
	label  []line  // a hanging label drawn on the first line
	labelX float64
	before float64
	after  float64
	keep   bool // keep all lines on one page
	// bar draws a coloured bar left of the text, fill a box behind it.
	bar, fill *rgb
	// note is drawn in the right margin beside the first line.
	note     string
	noteSt   style
	numbered bool // line numbers in the left margin
}

// height is the paragraph's full height, without spacing.
func (p *para) height() float64 { return float64(len(p.lines)) * p.lead }

// lead is the least height that must stay with a heading above it.
func (p *para) leadHeight() float64 {
	n := len(p.lines)
	if n > 2 {
		n = 2
	}
	return p.before + float64(n)*p.lead
}

// place lays the paragraph out from the cursor, breaking pages between
// lines: never one line alone at the foot of a page, never one line alone
// at the head of the next.
func (d *doc) place(p *para) {
	d.gap(p.before)
	if len(d.pages) == 0 {
		d.newPage()
	}
	n := len(p.lines)
	if p.keep && p.height() <= d.capacity() {
		d.ensure(p.height())
	}
	i := 0
	for i < n {
		fit := int((d.room() + 0.01) / p.lead)
		rest := n - i
		if fit >= rest {
			d.drawLines(p, i, n)
			break
		}
		if !d.fresh && (fit < 1 || (i == 0 && fit < 2)) {
			d.newPage()
			continue
		}
		if fit < 1 {
			fit = 1 // a line taller than a page: draw it anyway
		}
		if rest-fit == 1 && fit >= 3 {
			fit--
		}
		d.drawLines(p, i, i+fit)
		i += fit
		d.newPage()
	}
	d.y += p.after
}

// drawLines draws lines [from, to) of a paragraph at the cursor.
func (d *doc) drawLines(p *para, from, to int) {
	pg := d.cur()
	at := len(pg.ops)
	top := d.y
	left := d.g.left + p.x
	for i := from; i < to; i++ {
		base := baseline(d.y, p.lead, p.lines[i].maxSize(p.lead))
		if i == 0 && len(p.label) > 0 {
			d.drawLine(p.label[0], d.g.left+p.labelX, base)
		}
		d.drawLine(p.lines[i], left, base)
		if i == 0 && p.note != "" {
			d.text(d.g.w-d.g.right+8, base, p.note, p.noteSt)
		}
		if p.numbered {
			d.lineNo++
			n := itoa(d.lineNo)
			st := style{face: faceRegular, size: 6.5, color: grey}
			d.text(d.g.left-10-textWidth(faceRegular, 6.5, n), base, n, st)
		}
		d.y += p.lead
	}
	if p.fill != nil || p.bar != nil {
		var deco []op
		pad := 3.0
		if p.fill != nil {
			deco = append(deco, op{kind: opRect, x: left - 8, y: top - pad, x2: d.g.width() - p.x + 8, y2: d.y - top + 2*pad, color: *p.fill})
		}
		if p.bar != nil {
			deco = append(deco, op{kind: opRect, x: left - 8, y: top - pad, x2: 2.2, y2: d.y - top + 2*pad, color: *p.bar})
		}
		pg.ops = append(pg.ops[:at], append(deco, pg.ops[at:]...)...)
	}
	d.fresh = false
}

// maxSize is the largest font size on a line (for the baseline), at most
// what fits the line box.
func (l line) maxSize(lead float64) float64 {
	m := 0.0
	for _, f := range l.frags {
		if f.st.rise == 0 && f.st.size > m {
			m = f.st.size
		}
	}
	if m == 0 {
		m = lead / 1.4
	}
	return m
}

// addAnchor records that a contents entry lands here.
func (d *doc) addAnchor(i int) {
	if i < 0 || i >= len(d.anchors) {
		return
	}
	d.anchors[i].page = len(d.pages) - 1
	d.anchors[i].y = d.y
}

// addMark adds a PDF outline entry at the cursor.
func (d *doc) addMark(title string, level int) {
	p := d.cur()
	p.marks = append(p.marks, mark{title: title, level: level, y: d.y})
}

// Tables.

// align is a cell's horizontal alignment.
type align uint8

const (
	alignLeft align = iota
	alignRight
)

// column is a table column.
type column struct {
	title string
	w     float64
	align align
}

// cell is a table cell's text, with an indent (sub-items). More are
// further paragraphs of the cell, each starting a new line.
type cell struct {
	text   rich
	more   []rich
	indent float64
}

// row is a measured table row.
type row struct {
	cells    [][]line
	indents  []float64
	h        float64
	fill     *rgb
	full     bool // one cell across the whole table (a day's heading)
	keepNext bool // keep with the row after it
}

// table is a measured table.
type table struct {
	cols []column
	head row
	rows []row
	lead float64
	padX float64
	padY float64
	x    float64 // left edge from the margin
	w    float64
	// after is the height of what must follow the last row on its page
	// (a legend).
	after float64
}

// newTable makes a table with columns whose widths are fractions of the
// available width.
func newTable(width float64, lead float64, cols ...column) *table {
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	for i := range cols {
		cols[i].w = cols[i].w / total * width
	}
	t := &table{cols: cols, lead: lead, padX: 4.5, padY: 3.6, w: width}
	hs := style{face: faceBold, size: 8, color: black}
	cells := make([]cell, len(cols))
	for i, c := range cols {
		cells[i] = cell{text: plain(c.title, hs)}
	}
	t.head = t.measure(cells, false)
	t.head.fill = &headFill
	return t
}

// measure wraps a row's cells.
func (t *table) measure(cells []cell, full bool) row {
	r := row{full: full}
	maxLines := 1
	for i, c := range cells {
		w := t.cols[i].w
		if full {
			w = t.w
		}
		lines := wrap(c.text, w-2*t.padX-c.indent, 0)
		for _, m := range c.more {
			lines = append(lines, wrap(m, w-2*t.padX-c.indent, 0)...)
		}
		if t.cols[i].align == alignRight {
			for j := range lines {
				shift := w - 2*t.padX - lines[j].w
				for k := range lines[j].frags {
					lines[j].frags[k].x += shift
				}
			}
		}
		r.cells = append(r.cells, lines)
		r.indents = append(r.indents, c.indent)
		if len(lines) > maxLines {
			maxLines = len(lines)
		}
		if full {
			break
		}
	}
	r.h = float64(maxLines)*t.lead + 2*t.padY
	return r
}

// addRow measures and appends a row.
func (t *table) addRow(cells ...cell) *row {
	t.rows = append(t.rows, t.measure(cells, false))
	return &t.rows[len(t.rows)-1]
}

// addFullRow appends a row with one cell across the table.
func (t *table) addFullRow(c cell) *row {
	t.rows = append(t.rows, t.measure([]cell{c}, true))
	return &t.rows[len(t.rows)-1]
}

// leadHeight is what must stay with a heading above the table.
func (t *table) leadHeight() float64 {
	h := t.head.h
	if len(t.rows) > 0 {
		h += t.rows[0].h
		if t.rows[0].keepNext && len(t.rows) > 1 {
			h += t.rows[1].h
		}
	}
	return h
}

// placeTable places the table, repeating its header on each page and
// breaking pages only between rows.
func (d *doc) placeTable(t *table) {
	d.ensure(t.leadHeight())
	left := d.g.left + t.x
	right := left + t.w
	d.drawRow(t, &t.head, left)
	d.rule(left, right, d.y-t.head.h, 0.8, navy)
	for i := 0; i < len(t.rows); i++ {
		r := &t.rows[i]
		need := r.h
		if r.keepNext && i+1 < len(t.rows) {
			need += t.rows[i+1].h
		}
		switch {
		case i == len(t.rows)-1:
			need += t.after
		case i == len(t.rows)-2 && len(t.rows) >= 4:
			// Never leave the last row alone on a page.
			need += t.rows[i+1].h + t.after
		}
		if need > d.room()+0.01 && need <= d.capacity()-t.head.h {
			d.rule(left, right, d.y, 0.8, navy)
			d.newPage()
			d.drawRow(t, &t.head, left)
			d.rule(left, right, d.y-t.head.h, 0.8, navy)
		}
		if r.h > d.room()+0.01 {
			// A row taller than a page: split it between lines.
			d.splitRow(t, r, left)
			continue
		}
		d.drawRow(t, r, left)
		if i < len(t.rows)-1 {
			d.rule(left, right, d.y, 0.35, rule)
		}
	}
	d.rule(left, right, d.y, 0.8, navy)
}

// drawRow draws a row at the cursor and moves below it.
func (d *doc) drawRow(t *table, r *row, left float64) {
	if r.fill != nil {
		d.add(op{kind: opRect, x: left, y: d.y, x2: t.w, y2: r.h, color: *r.fill})
	}
	x := left
	for i, lines := range r.cells {
		for j, l := range lines {
			top := d.y + t.padY + float64(j)*t.lead
			d.drawLine(l, x+t.padX+r.indents[i], baseline(top, t.lead, l.maxSize(t.lead)))
		}
		x += t.cols[i].w
	}
	d.y += r.h
	d.fresh = false
}

// splitRow draws a row too tall for any page across pages, line by line.
func (d *doc) splitRow(t *table, r *row, left float64) {
	from := 0
	maxLines := 0
	for _, c := range r.cells {
		if len(c) > maxLines {
			maxLines = len(c)
		}
	}
	for from < maxLines {
		fit := int((d.room() - 2*t.padY) / t.lead)
		if fit < 1 {
			d.rule(left, left+t.w, d.y, 0.8, navy)
			d.newPage()
			d.drawRow(t, &t.head, left)
			continue
		}
		to := from + fit
		if to > maxLines {
			to = maxLines
		}
		part := row{indents: r.indents, fill: r.fill, full: r.full, h: float64(to-from)*t.lead + 2*t.padY}
		for _, c := range r.cells {
			a, b := from, to
			if a > len(c) {
				a = len(c)
			}
			if b > len(c) {
				b = len(c)
			}
			part.cells = append(part.cells, c[a:b])
		}
		d.drawRow(t, &part, left)
		from = to
		if from < maxLines {
			d.rule(left, left+t.w, d.y, 0.8, navy)
			d.newPage()
			d.drawRow(t, &t.head, left)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
