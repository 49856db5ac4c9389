package pack

import (
	"strings"
	"unicode"

	"parley/app"
)

var (
	stBracket = style{face: faceBold, size: 9.8, color: bracketC}
	stBrText  = style{face: faceRegular, size: 9.8, color: bracketC}
	stTag     = style{face: faceBold, size: 6, color: bracketC, rise: 3.6}
)

// statement lays out the joint statement: title, paragraphs numbered as
// negotiators number them, brackets and alternatives marked with the side
// that proposed them (draft only), and the signature block in this copy's
// order.
func (b *builder) statement() {
	d := b.d
	b.h1(b.statementTitle(), "section/"+string(Statement))
	st := b.m.Statement
	if t := strings.TrimSpace(st.Title); t != "" {
		tst := style{face: faceBold, size: 13, color: navy}
		for _, l := range wrap(plain(sanitize(t), tst), d.g.width()-60, 0) {
			d.ensure(18)
			shift := (d.g.width() - l.w) / 2
			d.drawLine(l, d.g.left+shift, baseline(d.y, 18, tst.size))
			d.y += 18
		}
		d.y += 6
	}
	if !b.o.Final {
		var info []string
		var latest *app.Version
		for _, v := range b.m.Versions {
			if latest == nil || v.Number > latest.Number {
				latest = v
			}
		}
		if latest != nil {
			s := "Current text; latest recorded draft: version " + itoa(latest.Number)
			if latest.Label != "" {
				s += " (" + sanitize(latest.Label) + ")"
			}
			if latest.Date != "" {
				s += ", " + longDate(latest.Date, false)
			}
			info = append(info, s+".")
		}
		info = append(info, "Text in [square brackets] is not agreed; the code after a bracket names the side that proposed it. "+
			"Alternative wordings are numbered bis, ter. Each paragraph's state is shown in the right margin.")
		for _, s := range info {
			p := b.note(plain(s, stSmall), 0)
			p.after = 2
			d.place(p)
		}
		if legend := b.sideLegend(); legend != nil {
			p := b.note(legend, 0)
			p.after = 2
			d.place(p)
		}
		d.gap(8)
	}
	d.lineNo = 0
	ps := b.statementParas()
	for i, p := range ps {
		if p == nil {
			continue
		}
		if p.keep { // a heading: keep it with the paragraph after it
			next := 0.0
			if i+1 < len(ps) && ps[i+1] != nil {
				next = ps[i+1].leadHeight()
			}
			d.gap(p.before)
			d.ensure(p.height() + next)
			q := *p
			q.before = 0
			d.place(&q)
			continue
		}
		d.place(p)
	}
	b.signatures()
}

// statementParas measures every paragraph of the statement.
func (b *builder) statementParas() []*para {
	d := b.d
	var out []*para
	for _, p := range b.m.DisplayOrder() {
		t := b.paraText(p)
		if p.Kind == app.ParaHeading {
			hst := style{face: faceBold, size: 10.5, color: navy}
			text := strings.TrimSpace(p.Text.Plain())
			if text == "" {
				text = p.LeadIn
			}
			q := &para{lines: wrap(plain(sanitize(text), hst), d.g.width(), 0), lead: 15, before: 8, after: 4, keep: true,
				numbered: b.o.LineNumbers}
			out = append(out, q)
			continue
		}
		level := p.Level
		if level < 0 {
			level = 0
		}
		x := float64(level+1) * hang
		labelX := float64(level) * hang
		label := b.nums.Label[p.ID]
		if label != "" && level == 0 {
			label += "."
		}
		q := &para{lead: leadBody, x: x, after: 6, numbered: b.o.LineNumbers}
		indent := 0.0
		if label != "" {
			lst := stBody
			if p.AltOf != "" && !b.o.Final {
				lst.color = b.sideColour(p.Side)
			}
			q.label = wrap(plain(label, lst), 200, 0)
			q.labelX = labelX
			if lw := q.label[0].w; lw+5 > x-labelX {
				indent = lw + 5 - (x - labelX)
			}
		}
		q.lines = wrap(t, d.g.width()-x, indent)
		if indent > 0 {
			for i := range q.lines[0].frags {
				q.lines[0].frags[i].x += indent
			}
		}
		if !b.o.Final {
			q.note, q.noteSt = stateNote(p.State)
		}
		out = append(out, q)
	}
	return out
}

// stateNote is the margin note of a paragraph's state.
func stateNote(s app.State) (string, style) {
	st := style{face: faceBold, size: 6.2, color: grey}
	switch s {
	case app.StateBracketed:
		st.color = red
	case app.StateAdRef:
		st.color = navy
	case app.StateProposed:
		st.color = bracketC
	case "":
		return "", st
	}
	return strings.ToUpper(string(s)), st
}

// paraText is a paragraph's text with its bold lead-in and, in a draft,
// its brackets drawn and tagged with the proposing side.
func (b *builder) paraText(p *app.Paragraph) rich {
	var t rich
	if p.LeadIn != "" {
		t = append(t, span{sanitize(strings.TrimSpace(p.LeadIn)), stBold})
		if gap := app.LeadInGap(p.Text.Bracketed()); gap != "" {
			t = append(t, span{gap, stBody})
		}
	}
	draft := !b.o.Final
	for i := 0; i < len(p.Text); {
		j := i
		var sb strings.Builder
		for j < len(p.Text) && p.Text[j].Bracket == p.Text[i].Bracket {
			sb.WriteString(p.Text[j].T)
			j++
		}
		text := sanitize(strings.ReplaceAll(sb.String(), "\n", " "))
		if p.Text[i].Bracket == "" || !draft {
			t = append(t, span{text, stBody})
		} else {
			t = append(t, b.bracketed(text, p.Text[i].Side)...)
		}
		i = j
	}
	if p.AltOf != "" && draft {
		// An alternative wording is bracketed as a whole.
		br, txt, tag := b.bracketStyles(p.Side)
		for k := range t {
			if t[k].st == stBody {
				t[k].st = txt
			}
		}
		t = append(rich{{"[", br}}, t...)
		t = append(t, span{"]", br}, span{b.sideCode(p.Side), tag})
	}
	return t
}

// bracketed draws a bracket: the text in square brackets and the
// proposing side's code after it; spaces at its edges stay outside.
func (b *builder) bracketed(text, side string) rich {
	core := strings.TrimFunc(text, unicode.IsSpace)
	lead := text[:strings.Index(text, core)]
	trail := text[len(lead)+len(core):]
	var t rich
	if lead != "" {
		t = append(t, span{lead, stBody})
	}
	br, txt, tag := b.bracketStyles(side)
	t = append(t, span{"[", br}, span{core, txt}, span{"]", br}, span{b.sideCode(side), tag})
	if trail != "" {
		t = append(t, span{trail, stBody})
	}
	return t
}

// signatures lays out the signature block: one column per signatory, this
// copy's side first, at most three columns a row, kept on one page.
func (b *builder) signatures() {
	sigs := b.p.Signatories()
	if len(sigs) == 0 {
		return
	}
	d := b.d
	n := min(len(sigs), 3)
	colW := d.g.width() / float64(n)
	d.gap(22)
	for start := 0; start < len(sigs); start += n {
		end := min(start+n, len(sigs))
		type col struct{ name, title []line }
		cols := make([]col, 0, n)
		h := 0.0
		for _, s := range sigs[start:end] {
			c := col{
				name:  wrap(plain(sanitize(s.Name), style{face: faceBold, size: 9.5, color: black}), colW-20, 0),
				title: wrap(plain(sanitize(s.Title), style{face: faceRegular, size: 9, color: black}), colW-20, 0),
			}
			if strings.TrimSpace(s.Name) == "" {
				c.name = nil
			}
			ch := 40 + float64(len(c.name))*13.5 + float64(len(c.title))*12.5
			if ch > h {
				h = ch
			}
			cols = append(cols, c)
		}
		d.ensure(h + 10)
		top := d.y
		for i, c := range cols {
			x := d.g.left + float64(i)*colW
			y := top + 34
			d.rule(x, x+colW-20, y, 0.6, black)
			y += 6
			for _, l := range c.name {
				d.drawLine(l, x, baseline(y, 13.5, 9.5))
				y += 13.5
			}
			for _, l := range c.title {
				d.drawLine(l, x, baseline(y, 12.5, 9))
				y += 12.5
			}
		}
		d.y = top + h + 14
		d.fresh = false
	}
}
