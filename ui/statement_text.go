package ui

import (
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// How statement text is drawn: a paragraph becomes a list of styled
// pieces (seg) that the list rows, the height probe and the redline turn
// into RichText segments. Brackets are drawn as [text] in the proposing
// side's colour followed by the side's code; lead-ins are bold when the
// bold face has their glyphs (Latin), else regular; treaty words the lint
// found are underlined.

// seg is one styled piece of text.
type seg struct {
	text  string
	style widget.RichTextStyle
}

// richSegments turns pieces into fresh RichText segments.
func richSegments(segs []seg) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, len(segs))
	for i, s := range segs {
		out[i] = &widget.TextSegment{Text: s.text, Style: s.style}
	}
	return out
}

// segsKey identifies what pieces draw, for the row height cache.
func segsKey(b *strings.Builder, segs []seg) {
	for _, s := range segs {
		b.WriteString(s.text)
		b.WriteByte(0)
		b.WriteString(string(s.style.ColorName))
		b.WriteString(string(s.style.SizeName))
		if s.style.TextStyle.Bold {
			b.WriteByte('b')
		}
		if s.style.TextStyle.Underline {
			b.WriteByte('u')
		}
		if s.style.TextStyle.Strikethrough {
			b.WriteByte('s')
		}
		if !s.style.Inline {
			b.WriteByte('\n')
		}
	}
}

// inline is the style of running text in a colour ("" for the text colour).
func inline(c fyne.ThemeColorName) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, ColorName: c}
}

// caption is small running text in a colour.
func caption(c fyne.ThemeColorName) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, ColorName: c, SizeName: theme.SizeNameCaptionText}
}

// endLine makes the last piece end its line.
func endLine(segs []seg) []seg {
	if n := len(segs); n > 0 {
		segs[n-1].style.Inline = false
	}
	return segs
}

// sideLook is how the statement shows each side: its colour (by its place
// in the meeting, as in the pack) and code.
type sideLook struct {
	color map[string]fyne.ThemeColorName
	code  map[string]string
	name  map[string]string
}

func newSideLook(m *app.Meeting) sideLook {
	l := sideLook{color: map[string]fyne.ThemeColorName{}, code: map[string]string{}, name: map[string]string{}}
	for _, s := range m.Perspective("").Sides {
		l.color[s.ID] = sideColorName(m.SideIndex(s.ID))
		l.code[s.ID] = firstNonEmpty(s.Code, s.Label())
		l.name[s.ID] = s.Label()
	}
	return l
}

// colorOf is a side's colour; brackets with no side recorded are drawn in
// the text colour.
func (l sideLook) colorOf(side string) fyne.ThemeColorName {
	if c, ok := l.color[side]; ok {
		return c
	}
	return theme.ColorNameForeground
}

// nameOf names a side, or says none is recorded.
func (l sideLook) nameOf(side string) string {
	if n, ok := l.name[side]; ok {
		return n
	}
	return "no side recorded"
}

// paraText returns the pieces of a paragraph's lead-in and text. base is
// the style of settled text; hits are the paragraph's lint hits.
func (l sideLook) paraText(p *app.Paragraph, hits []app.LintHit, base widget.RichTextStyle) []seg {
	var out []seg
	if p.LeadIn != "" {
		st := base
		st.TextStyle.Bold = true
		out = append(out, underlineHits(p.LeadIn, hitsIn(hits, "leadIn"), st)...)
		if gap := app.LeadInGap(p.Text.Bracketed()); gap != "" {
			out = append(out, seg{gap, base})
		}
	}
	out = append(out, l.spanText(p.Text, hitsIn(hits, "text"), base)...)
	if len(out) == 0 {
		out = append(out, seg{"(no text yet)", inline(theme.ColorNamePlaceHolder)})
	}
	return out
}

func hitsIn(hits []app.LintHit, field string) []app.LintHit {
	var out []app.LintHit
	for _, h := range hits {
		if h.Field == field {
			out = append(out, h)
		}
	}
	return out
}

// underlineHits splits plain text at the lint hits and underlines them.
func underlineHits(text string, hits []app.LintHit, st widget.RichTextStyle) []seg {
	return splitHits(text, 0, hits, st)
}

// splitHits splits text that starts at rune offset pos at the hits'
// edges, underlining what a hit covers.
func splitHits(text string, pos int, hits []app.LintHit, st widget.RichTextStyle) []seg {
	if len(hits) == 0 {
		return []seg{{text, st}}
	}
	r := []rune(text)
	var out []seg
	start := 0
	in := func(k int) bool {
		for _, h := range hits {
			if pos+k >= h.Start && pos+k < h.End {
				return true
			}
		}
		return false
	}
	for k := 1; k <= len(r); k++ {
		if k == len(r) || in(k) != in(start) {
			s := st
			s.TextStyle.Underline = in(start)
			out = append(out, seg{string(r[start:k]), s})
			start = k
		}
	}
	return out
}

// spanText draws a paragraph's text with its brackets. White space at
// a bracket's edges is drawn outside it: "[non-binding]AU norms".
func (l sideLook) spanText(text app.Spans, hits []app.LintHit, base widget.RichTextStyle) []seg {
	var out []seg
	pos := 0
	for i, sp := range text {
		n := utf8.RuneCountInString(sp.T)
		if sp.Bracket == "" {
			out = append(out, splitHits(sp.T, pos, hits, base)...)
			pos += n
			continue
		}
		st := base
		st.ColorName = l.colorOf(sp.Side)
		opens := i == 0 || text[i-1].Bracket != sp.Bracket
		closes := i+1 == len(text) || text[i+1].Bracket != sp.Bracket
		core, lead, trail := sp.T, "", ""
		if opens {
			core = strings.TrimLeft(core, " ")
			lead = sp.T[:len(sp.T)-len(core)]
		}
		if closes {
			c := strings.TrimRight(core, " ")
			trail = core[len(c):]
			core = c
		}
		if lead != "" {
			out = append(out, seg{lead, base})
		}
		if opens {
			out = append(out, seg{"[", st})
		}
		if core != "" {
			out = append(out, splitHits(core, pos+len(lead), hits, st)...)
		}
		if closes {
			out = append(out, seg{"]", st})
			code := l.code[sp.Side]
			if code == "" {
				code = "?"
			}
			cs := caption(st.ColorName)
			cs.TextStyle.Bold = true
			out = append(out, seg{code, cs})
		}
		if trail != "" {
			out = append(out, seg{trail, base})
		}
		pos += n
	}
	return out
}

// rowLook is what one row of a statement list (the text, a redline)
// shows: number, indent level, chip, text and notes. key identifies it all,
// for the height cache.
type rowLook struct {
	num    seg
	level  int
	chip   string
	chipIm widget.Importance
	segs   []seg
	key    string
}

// setKey computes the look's key.
func (lk *rowLook) setKey() {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%s|%d|", lk.level, lk.chip, lk.chipIm)
	segsKey(&b, []seg{lk.num})
	b.WriteByte('|')
	segsKey(&b, lk.segs)
	lk.key = b.String()
}

// stateImportance colours a state chip.
func stateImportance(s app.State) widget.Importance {
	switch s {
	case app.StateAgreed:
		return widget.SuccessImportance
	case app.StateAdRef:
		return widget.HighImportance
	case app.StateBracketed:
		return widget.WarningImportance
	}
	return widget.LowImportance
}

// statementRow is a row of a statement list: indent, number, text with
// its notes, chip.
type statementRow struct {
	widget.BaseWidget
	indent *canvas.Rectangle
	num    *widget.RichText
	body   *widget.RichText
	chip   *widget.Label
	left   *fyne.Container
	box    *fyne.Container
}

// indentStep is the indent of one sub-paragraph level.
const indentStep = 28

func newStatementRow() *statementRow {
	r := &statementRow{indent: canvas.NewRectangle(color.Transparent), num: widget.NewRichText(),
		body: widget.NewRichText(), chip: newChip()}
	r.body.Wrapping = fyne.TextWrapWord
	r.left = container.NewHBox(r.indent, fixedWidth(r.num, 58))
	r.box = container.NewBorder(nil, nil, r.left, r.chip, r.body)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's layout.
func (r *statementRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// set puts a look's content in the row's parts without redrawing.
func (r *statementRow) set(look *rowLook) {
	r.indent.SetMinSize(fyne.NewSize(float32(look.level)*indentStep, 1))
	r.num.Segments = richSegments([]seg{look.num})
	r.chip.Text = look.chip
	r.chip.Importance = look.chipIm
	r.body.Segments = richSegments(look.segs)
}

func (r *statementRow) show(look *rowLook) {
	r.set(look)
	r.box.Refresh() // lays out and redraws every part
}

// height is the row's height at a width, laid out as the list's Border
// will lay it out, wrapping the text once.
func (r *statementRow) height(look *rowLook, width float32) float32 {
	r.set(look)
	r.num.Refresh()
	r.chip.Refresh()
	left, right := r.left.MinSize(), r.chip.MinSize()
	pad := theme.Padding()
	w := width - left.Width - right.Width - 2*pad
	if r.body.Size().Width == w {
		r.body.Refresh()
	} else {
		r.body.Resize(fyne.NewSize(w, r.body.Size().Height))
	}
	return max(left.Height, right.Height, r.body.MinSize().Height)
}

// textList is a virtualised list of statementRows, each as tall as its
// wrapped text at the list's width (measured on a probe row, cached by
// look and width).
type textList struct {
	list    *rowList
	looks   []rowLook
	probe   *statementRow
	width   float32
	heights map[string]float32
	box     *fyne.Container
	// sized runs when the list first gets its width.
	sized func()
	// measuring holds back row updates while heights are set one by one
	// (each SetItemHeight redraws the visible rows); one refresh follows.
	measuring bool
}

func newTextList(onDelete func()) *textList {
	t := &textList{probe: newStatementRow(), heights: map[string]float32{}}
	t.list = newRowList(func() int { return len(t.looks) },
		func() fyne.CanvasObject { return newStatementRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(t.looks) && !t.measuring {
				o.(*statementRow).show(&t.looks[i])
			}
		}, onDelete)
	t.box = container.New(&widthWatch{on: t.widthChanged}, t.list)
	return t
}

func (t *textList) object() fyne.CanvasObject { return t.box }

// set shows new looks, refreshing and measuring the rows that changed.
func (t *textList) set(looks []rowLook) {
	old := t.looks
	t.looks = looks
	if len(old) != len(looks) {
		t.measureAll()
		t.list.Refresh()
		return
	}
	for i := range looks {
		if looks[i].key != old[i].key {
			t.list.RefreshItem(i)
			t.measure(i)
		}
	}
}

func (t *textList) widthChanged(w float32) {
	first := t.width == 0
	t.width = w
	t.measureAll()
	if first && t.sized != nil {
		t.sized()
	}
}

// measure sets the height of row i.
func (t *textList) measure(i int) {
	if t.width <= 0 || i >= len(t.looks) {
		return
	}
	lk := &t.looks[i]
	k := fmt.Sprintf("%s\x00%.0f", lk.key, t.width)
	h, ok := t.heights[k]
	if !ok {
		if len(t.heights) > 4000 {
			clear(t.heights)
		}
		h = t.probe.height(lk, t.width)
		t.heights[k] = h
	}
	t.list.SetItemHeight(i, h)
}

// measureAll sets every row's height, then redraws the list once.
func (t *textList) measureAll() {
	t.measuring = true
	for i := range t.looks {
		t.measure(i)
	}
	t.measuring = false
	t.list.Refresh()
}

// widthWatch lays its one object over its whole size and reports width
// changes.
type widthWatch struct {
	w  float32
	on func(float32)
}

// Layout fills the size, then reports a new width.
func (l *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != l.w && size.Width > 0 {
		l.w = size.Width
		l.on(size.Width)
	}
}

// MinSize is the object's.
func (l *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}
