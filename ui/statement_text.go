package ui

import (
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

// boldable reports whether the bold face can draw the text: the theme's
// bold font is Latin only (see parleyTheme), so text in other scripts is
// set regular rather than as boxes.
func boldable(s string) bool {
	for _, r := range s {
		if r >= 0x0530 && (r < 0x2000 || r > 0x206f) {
			return false
		}
	}
	return true
}

// sidePalette colours brackets by side: our side first.
var sidePalette = []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameWarning, theme.ColorNameSuccess, theme.ColorNameError}

// sideLook is how the statement shows each side: its colour and code.
type sideLook struct {
	color map[string]fyne.ThemeColorName
	code  map[string]string
	name  map[string]string
}

func newSideLook(m *app.Meeting) sideLook {
	l := sideLook{color: map[string]fyne.ThemeColorName{}, code: map[string]string{}, name: map[string]string{}}
	for i, s := range m.Perspective("").Sides {
		l.color[s.ID] = sidePalette[i%len(sidePalette)]
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
		st.TextStyle.Bold = boldable(p.LeadIn)
		out = append(out, underlineHits(p.LeadIn, hitsIn(hits, "leadIn"), st)...)
		if gap := app.LeadInGap(p.Text.Plain()); gap != "" {
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
			cs.TextStyle.Bold = boldable(code)
			out = append(out, seg{code, cs})
		}
		if trail != "" {
			out = append(out, seg{trail, base})
		}
		pos += n
	}
	return out
}

// paraRowLook is what one row of the statement list shows.
type paraRowLook struct {
	label  string
	level  int
	chip   string
	chipIm widget.Importance
	segs   []seg
	key    string
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

// statementRow is a row of the statement list: indent, number, text with
// its notes, state chip.
type statementRow struct {
	widget.BaseWidget
	indent *canvas.Rectangle
	num    *widget.Label
	body   *widget.RichText
	chip   *widget.Label
	box    *fyne.Container
}

// indentStep is the indent of one sub-paragraph level.
const indentStep = 28

func newStatementRow() *statementRow {
	r := &statementRow{indent: canvas.NewRectangle(color.Transparent), num: widget.NewLabel("10 bis"),
		body: widget.NewRichText(), chip: newChip()}
	r.body.Wrapping = fyne.TextWrapWord
	left := container.NewHBox(r.indent, fixedWidth(r.num, 58))
	r.box = container.NewBorder(nil, nil, left, r.chip, r.body)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's layout.
func (r *statementRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (r *statementRow) show(look *paraRowLook) {
	r.indent.SetMinSize(fyne.NewSize(float32(look.level)*indentStep, 1))
	r.num.SetText(look.label)
	r.chip.SetText(look.chip)
	r.chip.Importance = look.chipIm
	r.chip.Refresh()
	r.body.Segments = richSegments(look.segs)
	r.body.Refresh()
	r.box.Refresh()
}

// height is the row's height at a width, laid out as the list will.
func (r *statementRow) height(look *paraRowLook, width float32) float32 {
	r.show(look)
	r.box.Resize(fyne.NewSize(width, 10))
	return r.box.MinSize().Height
}
