package pack

import (
	"context"
	"fmt"
	"strings"

	"parley/app"
)

// Type scale.
var (
	stBody   = style{face: faceRegular, size: 9.8, color: black}
	stBold   = style{face: faceBold, size: 9.8, color: black}
	stItalic = style{face: faceItalic, size: 9.8, color: grey}
	stSmall  = style{face: faceRegular, size: 8.2, color: grey}
	stSmallB = style{face: faceBold, size: 8.2, color: grey}
	stCell   = style{face: faceRegular, size: 8.6, color: black}
	stCellB  = style{face: faceBold, size: 8.6, color: black}
	stCellI  = style{face: faceItalic, size: 8.6, color: grey}
	stH1     = style{face: faceBold, size: 17, color: navy}
	stH2     = style{face: faceBold, size: 12.5, color: navy}
	stH3     = style{face: faceBold, size: 10, color: black}
)

const (
	leadBody = 14.0
	leadCell = 11.8
	hang     = 30.0 // statement: text indent per level
)

// builder lays out one pack.
type builder struct {
	ctx      context.Context
	m        *app.Meeting
	o        Options
	p        app.Perspective
	d        *doc
	nums     app.Numbering
	sched    app.Schedule
	marking  app.Marking
	keys     map[string]int // anchor key -> index in d.anchors
	progress func(done, total int)
	people   map[string]*app.Person
	agencies map[string]*app.Agency
	contents []int // anchors listed in the contents, in order
	briefNo  map[string]string
	redline  *app.Redline // the changes section's, when it is included
}

func newBuilder(ctx context.Context, m *app.Meeting, o Options, progress func(int, int)) *builder {
	b := &builder{ctx: ctx, m: m, o: o, p: m.PerspectiveIn(o.Side, o.SideOrder), progress: progress,
		nums: m.Numbers(), sched: m.Schedule(), marking: Marking(m, o), keys: map[string]int{},
		people: map[string]*app.Person{}, agencies: map[string]*app.Agency{}, briefNo: map[string]string{}}
	b.d = newDoc(ctx, newGeometry(o.Paper))
	for _, p := range m.People {
		b.people[p.ID] = p
	}
	for _, a := range m.Agencies {
		b.agencies[a.ID] = a
	}
	return b
}

// build lays out every section.
func (b *builder) build() error {
	if b.o.has(Changes) {
		rl, err := b.m.Redline(b.o.ChangesSince, 0)
		if err != nil {
			return fmt.Errorf("briefing pack: %w", err)
		}
		b.redline = rl
	}
	b.plan()
	n := len(b.o.Sections)
	for i, s := range b.o.Sections {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if !b.hasContent(s) {
			continue
		}
		b.d.section = b.sectionTitle(s)
		b.d.breakPage()
		switch s {
		case Cover:
			b.cover()
		case Contents:
			b.contentsPage()
		case Purpose:
			b.purpose()
		case Programme:
			b.programme()
		case Briefs:
			if err := b.briefs(); err != nil {
				return err
			}
		case Press:
			b.press()
		case Delegations:
			b.delegations()
		case Biographies:
			b.biographies()
		case Statement:
			b.statement()
		case Annexes:
			b.annexes()
		case Changes:
			b.changes()
		}
		b.progress((i+1)*progressTotal/2/n, progressTotal)
	}
	if len(b.d.pages) == 0 {
		b.d.newPage()
	}
	return nil
}

// hasContent reports whether a section has anything to print.
func (b *builder) hasContent(s Section) bool {
	switch s {
	case Briefs:
		return len(b.briefItems()) > 0
	case Press:
		for _, sl := range b.sched.Slots {
			if strings.TrimSpace(sl.Item.PressLine) != "" {
				return true
			}
		}
		return false
	case Delegations:
		return len(b.m.People) > 0
	case Biographies:
		return len(b.principals()) > 0
	case Statement:
		return len(b.m.Paragraphs) > 0
	case Annexes:
		return len(b.m.Annexes) > 0
	case Programme:
		return len(b.m.Items) > 0 || b.m.Details.Logistics != ""
	}
	return true
}

// plan lists the contents entries before layout, so the contents page can
// be laid out first and its numbers filled in at the end.
func (b *builder) plan() {
	add := func(key, num, title string, level int) {
		b.keys[key] = len(b.d.anchors)
		b.d.anchors = append(b.d.anchors, anchor{num: num, title: title, level: level, page: -1})
	}
	for _, s := range b.o.Sections {
		if s == Cover || s == Contents || !b.hasContent(s) {
			continue
		}
		add("section/"+string(s), "", b.sectionTitle(s), 1)
		b.contents = append(b.contents, b.keys["section/"+string(s)])
		switch s {
		case Briefs:
			for _, sl := range b.briefItems() {
				key := "item/" + sl.Item.ID
				add(key, b.briefNumber(sl), sl.Item.Title, 1+sl.Depth+1)
				b.contents = append(b.contents, b.keys[key])
			}
		case Delegations:
			for _, dl := range b.p.Delegations() {
				key := "delegation/" + dl.Side.ID
				add(key, "", delegationTitle(dl.Side), 2)
				b.contents = append(b.contents, b.keys[key])
			}
		case Annexes:
			for i, a := range b.m.Annexes {
				key := "annex/" + a.ID
				add(key, "", annexTitle(i, a), 2)
				b.contents = append(b.contents, b.keys[key])
			}
		}
	}
}

// anchorHere records a planned contents entry at the cursor.
func (b *builder) anchorHere(key string) {
	if i, ok := b.keys[key]; ok {
		b.d.addAnchor(i)
	}
}

// Building blocks.

// paras splits text at line ends into paragraphs.
func paras(text string) []string {
	out := app.TextLines(text)
	for i, l := range out {
		out[i] = sanitize(l)
	}
	return out
}

// body measures a body paragraph.
func (b *builder) body(t rich, x float64) *para {
	return &para{lines: wrap(t, b.d.g.width()-x, 0), lead: leadBody, x: x, after: 5}
}

// texts places free text, one paragraph per line.
func (b *builder) texts(text string, x float64) {
	for _, s := range paras(text) {
		b.d.place(b.body(plain(s, stBody), x))
	}
}

// bulletParas measures a bulleted list, one bullet per line of text.
func (b *builder) bulletParas(text string, x float64) []*para {
	var out []*para
	for _, s := range paras(text) {
		p := &para{lines: wrap(plain(s, stBody), b.d.g.width()-x-14, 0), lead: leadBody, x: x + 14, after: 3.5,
			label: wrap(plain("•", stBody), 20, 0), labelX: x + 3}
		out = append(out, p)
	}
	if len(out) > 0 {
		out[len(out)-1].after = 5
	}
	return out
}

func (b *builder) placeAll(ps []*para) {
	for _, p := range ps {
		b.d.place(p)
	}
}

func leadOf(ps []*para) float64 {
	if len(ps) == 0 {
		return 0
	}
	return ps[0].leadHeight()
}

// h1 is a section heading with a rule under it.
func (b *builder) h1(title, key string) {
	d := b.d
	lines := wrap(plain(sanitize(title), stH1), d.g.width(), 0)
	h := float64(len(lines))*22 + 12
	d.ensure(h + 3*leadBody)
	b.anchorHere(key)
	d.addMark(title, 0)
	for _, l := range lines {
		d.drawLine(l, d.g.left, baseline(d.y, 22, stH1.size))
		d.y += 22
	}
	d.y += 3
	d.rule(d.g.left, d.g.w-d.g.right, d.y, 1.2, navy)
	d.y += 12
	d.fresh = false
}

// h2 is a sub-heading kept with the next lead points of what follows.
func (b *builder) h2(title, key string, next float64, markLevel int) {
	b.heading(plain(sanitize(title), stH2), 17, 10, 4, key, next, markLevel, title)
}

// h3 is a field label kept with what follows.
func (b *builder) h3(title string, next float64) {
	b.heading(plain(sanitize(title), stH3), 14, 6, 1.5, "", next, -1, "")
}

func (b *builder) heading(t rich, lead, before, after float64, key string, next float64, markLevel int, markTitle string) {
	b.numHeading(nil, t, lead, before, after, key, next, markLevel, markTitle)
}

// numHeading is a heading with an optional number hanging before it.
func (b *builder) numHeading(num, t rich, lead, before, after float64, key string, next float64, markLevel int, markTitle string) {
	d := b.d
	x := 0.0
	var numLine []line
	if len(num) > 0 {
		numLine = wrap(num, d.g.width(), 0)
		x = max(numLine[0].w+8, 24)
	}
	lines := wrap(t, d.g.width()-x, 0)
	h := float64(len(lines)) * lead
	d.gap(before)
	d.ensure(h + after + next)
	if key != "" {
		b.anchorHere(key)
	}
	if markLevel >= 0 {
		d.addMark(markTitle, markLevel)
	}
	for i, l := range lines {
		base := baseline(d.y, lead, l.maxSize(lead))
		if i == 0 && len(numLine) > 0 {
			d.drawLine(numLine[0], d.g.left, base)
		}
		d.drawLine(l, d.g.left+x, base)
		d.y += lead
	}
	d.y += after
	d.fresh = false
}

// note is a one-paragraph small grey text.
func (b *builder) note(t rich, x float64) *para {
	return &para{lines: wrap(t, b.d.g.width()-x, 0), lead: 11.5, x: x, after: 4}
}

// field places a labelled part of a brief.
func (b *builder) field(label, text string, bullets bool) {
	if strings.TrimSpace(text) == "" {
		return
	}
	var ps []*para
	if bullets {
		ps = b.bulletParas(text, 0)
	} else {
		for _, s := range paras(text) {
			ps = append(ps, b.body(plain(s, stBody), 0))
		}
	}
	b.h3(label, leadOf(ps))
	b.placeAll(ps)
}

// Names and dates.

func (b *builder) sideName(id string) string {
	if s := b.m.SideByID(id); s != nil {
		return s.Label()
	}
	return ""
}

func (b *builder) sideCode(id string) string {
	if s := b.m.SideByID(id); s != nil {
		if s.Code != "" {
			return strings.ToUpper(s.Code)
		}
		return s.Label()
	}
	return "?"
}

// sideColour is the colour of a side's brackets (app.SidePalette); a
// bracket with no side recorded keeps the default bracket colour.
func (b *builder) sideColour(id string) rgb {
	if c, ok := b.m.SideColour(id); ok {
		return rgb{c.R, c.G, c.B}
	}
	return bracketC
}

// bracketStyles are the styles of a side's brackets, bracketed text and
// tag: the bracket styles in the side's colour.
func (b *builder) bracketStyles(side string) (br, text, tag style) {
	c := b.sideColour(side)
	br, text, tag = stBracket, stBrText, stTag
	br.color, text.color, tag.color = c, c, c
	return br, text, tag
}

// sideLegend names each side that has brackets or alternatives in the
// statement, in its colour and with its code, in this copy's order; nil
// when there are none.
func (b *builder) sideLegend() rich {
	used := map[string]bool{}
	for _, p := range b.m.Paragraphs {
		if p.AltOf != "" {
			used[p.Side] = true
		}
		for _, sp := range p.Text {
			if sp.Bracket != "" {
				used[sp.Side] = true
			}
		}
	}
	var t rich
	for _, s := range b.p.Sides {
		if !used[s.ID] {
			continue
		}
		_, txt, _ := b.bracketStyles(s.ID)
		txt.size, txt.face = stSmall.size, faceBold
		if t == nil {
			t = rich{{"Sides: ", stSmall}}
		} else {
			t = append(t, span{"  ·  ", stSmall})
		}
		t = append(t, span{b.sideCode(s.ID), txt}, span{" " + sanitize(s.Label()), stSmall})
	}
	return t
}

func delegationTitle(s *app.Side) string { return app.DelegationTitle(s) }

func annexTitle(i int, a *app.Annex) string { return app.AnnexTitle(i, a) }

// longDate writes an ISO date as "2 August 2016", with the weekday when asked.
func longDate(iso string, weekday bool) string { return app.LongDate(iso, weekday) }

// dateRange writes the meeting's dates: "2 August 2016", "10–12 March 2026".
func dateRange(start, end string, weekday bool) string { return app.DateRange(start, end, weekday) }

// dayDate is the date of a meeting day (0 is the first).
func (b *builder) dayDate(day int, weekday bool) string { return b.m.DayDate(day, weekday) }

func (b *builder) multiDay() bool { return b.sched.MultiDay() }

func (b *builder) venue() string { return b.m.VenueText() }

// sectionTitle is a section's heading in this pack.
func (b *builder) sectionTitle(s Section) string {
	switch s {
	case Statement:
		return b.statementTitle()
	case Changes:
		return "Changes since draft " + itoa(b.o.ChangesSince)
	}
	return s.Title()
}

func (b *builder) statementTitle() string { return b.m.StatementHeading(b.o.Final) }

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// lead returns an item's lead speaker for a side, or nil.
func (b *builder) lead(it *app.Item, side string) *app.Person {
	for _, id := range it.Leads {
		if p := b.people[id]; p != nil && p.Side == side {
			return p
		}
	}
	return nil
}

func (b *builder) agencyAbbrev(id string) string {
	if a := b.agencies[id]; a != nil {
		if a.Abbrev != "" {
			return a.Abbrev
		}
		return a.Name
	}
	return ""
}

// displayName is a person's formal name with the native script beside it,
// the native name kept whole on one line.
func displayName(p *app.Person, st style) rich {
	n := p.FormalName()
	if n == "" && p.Native == "" {
		n = p.Label()
	}
	native := p.Native
	if native == p.Name() {
		native = ""
	}
	return nameRich(n, native, st)
}

// nameRich sets a name and, beside it, a native-script name that never
// breaks across lines.
func nameRich(name, native string, st style) rich {
	name, native = sanitize(name), sanitize(native)
	if native == "" {
		return plain(name, st)
	}
	whole := st
	whole.whole = true
	if name == "" {
		return rich{{native, whole}}
	}
	return rich{{name + " ", st}, {native, whole}}
}
