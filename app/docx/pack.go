package docx

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"parley/app"
)

// PackSections are the parts of the briefing pack a Word document can
// hold, in their default order: the PDF's, less the contents page (Word
// lists the headings in its navigation pane) and the redline (written as
// tracked changes by Redline).
var PackSections = []string{"cover", "purpose", "programme", "briefs", "press", "delegations", "biographies", "statement", "annexes"}

// PackOptions choose what goes into the pack's text.
type PackOptions struct {
	// Side is the ID of the side whose copy this is; empty means ours.
	Side string
	// SideOrder orders the sides in every part alike (app.SideOrder).
	SideOrder app.SideOrder
	// Sections are the parts to include, in order (PackSections' names);
	// empty means all of them. "contents" is left out without error.
	Sections []string
	// Item, when set, keeps to the brief of one programme item (by ID),
	// with its sub-items.
	Item string
	// Final writes the statement without brackets or notes; it is refused
	// (an *app.RefusedError) while anything is open.
	Final bool
	// Paper is "a4" (the default) or "letter".
	Paper string
	// StripNotForDisclosure leaves out background marked not for
	// disclosure; otherwise it is printed, marked.
	StripNotForDisclosure bool
	// Marking, when set, replaces the computed marking.
	Marking *app.Marking
	// Version and Date go on the cover and in the footer; empty means the
	// latest draft's number and date.
	Version, Date string
}

// Pack writes the briefing pack's text as a Word document, for a
// department whose template is Word: the same parts as the PDF (cover,
// purpose, programme, briefs, press lines, delegations, biographies, the
// statement, annexes) with heading styles, tables and lists Word can
// restyle, the marking in the header and footer.
func Pack(m *app.Meeting, o PackOptions) ([]byte, error) {
	paper, err := paperOf(o.Paper)
	if err != nil {
		return nil, err
	}
	secs := slices.DeleteFunc(slices.Clone(o.Sections), func(s string) bool { return s == "contents" })
	if len(o.Sections) == 0 {
		secs = slices.Clone(PackSections)
	}
	for _, s := range secs {
		switch {
		case s == "changes":
			return nil, errors.New("the changes since a draft are not part of the Word pack: write them as tracked changes with parley diff -o OUT.docx")
		case !slices.Contains(PackSections, s):
			return nil, fmt.Errorf("unknown section %q (the sections are %s)", s, strings.Join(PackSections, ", "))
		}
	}
	if o.Item != "" && m.ItemByID(o.Item) == nil {
		return nil, fmt.Errorf("no programme item with ID %q", o.Item)
	}
	has := func(s string) bool { return slices.Contains(secs, s) }
	if o.Final && has("statement") {
		if open := m.OpenItems(); len(open) > 0 {
			return nil, &app.RefusedError{What: "final pack", Open: open}
		}
	}
	w := newWriter(paper, dateOf(m, 0))
	p := m.PerspectiveIn(o.Side, o.SideOrder)
	w.title = p.Title()
	mk := m.PackMarking(has("briefs"), has("statement") && len(m.Paragraphs) > 0, has("annexes"))
	if o.Marking != nil {
		mk = *o.Marking
	}
	if o.Version == "" || o.Date == "" {
		var latest *app.Version
		for _, v := range m.Versions {
			if latest == nil || v.Number > latest.Number {
				latest = v
			}
		}
		if o.Version == "" {
			o.Version = "1"
			if latest != nil {
				o.Version = fmt.Sprint(latest.Number)
			}
		}
		if o.Date == "" {
			o.Date = m.Details.Start
			if latest != nil && latest.Date != "" {
				o.Date = latest.Date
			}
		}
	}
	w.header, w.footer = bannerParas(mk, "", true)
	foot := "Version " + o.Version
	if d := app.LongDate(o.Date, false); d != "" {
		foot += " · " + d
	}
	w.footer = append(w.footer, cellPara{pPr{style: "Footer"}, []run{{text: foot, size: 16, color: colorGrey}}})
	b := &packWriter{w: w, m: m, p: p, o: o, mk: mk, sched: m.Schedule()}
	b.bullets = w.addAbstract(level{format: "bullet", text: "•", left: 360, hanging: 360})
	b.bulletNum = w.addNum(b.bullets, false)
	first := true
	for _, s := range secs {
		if !first && s != "cover" {
			b.pageBreak()
		}
		first = false
		switch s {
		case "cover":
			b.cover()
		case "purpose":
			b.purpose()
		case "programme":
			b.programme()
		case "briefs":
			b.briefs()
		case "press":
			b.press()
		case "delegations":
			b.delegations()
		case "biographies":
			b.biographies()
		case "statement":
			b.statement()
		case "annexes":
			b.annexes()
		}
	}
	return w.bytes()
}

// packWriter writes the pack's parts.
type packWriter struct {
	w                  *writer
	m                  *app.Meeting
	p                  app.Perspective
	o                  PackOptions
	mk                 app.Marking
	sched              app.Schedule
	bullets, bulletNum int
}

func (b *packWriter) pageBreak() { b.w.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`) }

func (b *packWriter) h(level int, text string) {
	b.w.para(pPr{style: fmt.Sprintf("Heading%d", level)}, run{text: text})
}

func (b *packWriter) note(text string) { b.w.para(pPr{style: "Note"}, run{text: text}) }

func (b *packWriter) italic(text string) {
	b.w.para(pPr{}, run{text: text, italic: true, color: colorGrey})
}

// texts writes free text, a paragraph a line, bulleted when asked.
func (b *packWriter) texts(text string, bullets bool) {
	for _, l := range app.TextLines(text) {
		if bullets {
			b.w.para(pPr{numID: b.bulletNum, after: 60}, run{text: l})
		} else {
			b.w.para(pPr{}, run{text: l})
		}
	}
}

// field writes a labelled part of a brief.
func (b *packWriter) field(label, text string, bullets bool) bool {
	if strings.TrimSpace(text) == "" {
		return false
	}
	b.h(3, label)
	b.texts(text, bullets)
	return true
}

func (b *packWriter) sideName(id string) string {
	if s := b.m.SideByID(id); s != nil {
		return s.Label()
	}
	return ""
}

func (b *packWriter) cover() {
	w := b.w
	w.para(pPr{before: 1200}, run{text: "BRIEFING PACK", bold: true, color: colorNavy, size: 20})
	w.para(pPr{style: "Title", align: "left"}, run{text: b.p.Title()})
	if s := app.DateRange(b.m.Details.Start, b.m.Details.End, true); s != "" {
		w.para(pPr{}, run{text: s, size: 26})
	}
	if v := b.m.VenueText(); v != "" {
		w.para(pPr{}, run{text: v, color: colorGrey})
	}
	if h := b.sideName(b.m.Details.HostSide); h != "" {
		w.para(pPr{}, run{text: "Hosted by " + h, color: colorGrey})
	}
	who, role := "the head of delegation", ""
	if b.p.Side != nil {
		if head := b.m.HeadOf(b.p.Side.ID); head != nil {
			who = head.FormalName()
			if head.Native != "" && head.Native != head.Name() {
				who += " " + head.Native
			}
			role = head.Position
			if a := b.m.AgencyByID(head.Agency); a != nil && a.Name != "" {
				role = strings.Trim(role+", "+a.Name, ", ")
			}
		}
	}
	w.para(pPr{before: 600, shade: "EEF0F2"}, run{text: "Brief for", bold: true, color: colorGrey, size: 18})
	w.para(pPr{shade: "EEF0F2", tight: true}, run{text: who, bold: true, size: 30})
	if role != "" {
		w.para(pPr{shade: "EEF0F2"}, run{text: role, color: colorGrey})
	}
	mode := "Draft"
	if b.o.Final {
		mode = "Final"
	}
	rows := [][2]string{{"Version", b.o.Version}, {"Date", app.PackDate(b.o.Date)}, {"Status", mode}}
	if b.p.Side != nil {
		owner := b.p.Side.Adjective
		if owner == "" {
			owner = b.p.Side.Label()
		}
		rows = append(rows, [2]string{"Copy", owner + " copy"})
	}
	if banner := b.mk.Banner(); banner != "" {
		rows = append(rows, [2]string{"Classification", banner})
	}
	var t [][]cell
	for _, r := range rows {
		v := run{text: r[1]}
		if r[0] == "Classification" {
			v.bold = true
			if b.mk.IsRed() {
				v.color = colorRed
			}
		}
		t = append(t, []cell{
			{width: 2000, paras: []cellPara{{pPr{tight: true}, []run{{text: r[0], bold: true, color: colorGrey, size: 18}}}}},
			{width: 5000, paras: []cellPara{{pPr{tight: true}, []run{v}}}},
		})
	}
	w.para(pPr{before: 1200})
	w.table(t, false, false)
}

func (b *packWriter) purpose() {
	b.h(1, "Purpose and objectives")
	d := b.m.Details
	if strings.TrimSpace(d.Purpose) == "" && strings.TrimSpace(d.Objectives) == "" {
		b.italic("No purpose or objectives have been recorded.")
		return
	}
	b.field("Purpose", d.Purpose, false)
	b.field("Objectives", d.Objectives, true)
}

// fact writes a label and its value on one line.
func (b *packWriter) fact(label, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	b.w.para(pPr{left: 1700, hanging: 1700, tab: 1700, after: 40}, run{text: label + "\t", bold: true, color: colorGrey}, run{text: value})
}

func (b *packWriter) programme() {
	b.h(1, "Logistics and programme")
	d := b.m.Details
	b.fact("Date", app.DateRange(d.Start, d.End, true))
	b.fact("Venue", b.m.VenueText())
	b.fact("Host", b.sideName(d.HostSide))
	hours := d.DayStart
	if d.PlannedEnd != "" {
		hours = strings.Trim(d.DayStart+" – "+d.PlannedEnd, " –")
	}
	b.fact("Hours", hours)
	var dels []string
	for _, dl := range b.p.Delegations() {
		if len(dl.People) > 0 {
			dels = append(dels, fmt.Sprintf("%s %d", dl.Side.Label(), len(dl.People)))
		}
	}
	b.fact("Delegations", strings.Join(dels, ", "))
	b.field("Logistics", d.Logistics, false)
	if len(b.sched.Slots) == 0 {
		return
	}
	b.h(2, "Programme")
	b.note("Times marked FIXED are pinned to the clock; the others follow on from the item before.")
	total := b.w.textWidth()
	leadW := total * 38 / 100 / max(1, len(b.p.Sides))
	head := []cell{hc("Time", total*11/100), hc("Item", total-total*11/100-leadW*len(b.p.Sides)-total*14/100)}
	for _, s := range b.p.Sides {
		head = append(head, hc("Lead: "+s.Label(), leadW))
	}
	head = append(head, hc("Location", total*14/100))
	rows := [][]cell{head}
	day := -1
	multi := b.sched.MultiDay()
	for _, sl := range b.sched.Slots {
		it := sl.Item
		if multi && sl.Day != day && sl.Depth == 0 {
			day = sl.Day
			r := make([]cell, len(head))
			for i := range r {
				r[i] = cell{width: head[i].width, shade: "EEF0F2"}
			}
			r[1].paras = []cellPara{{pPr{tight: true}, []run{{text: fmt.Sprintf("Day %d, %s", day+1, b.m.DayDate(day, true)), bold: true}}}}
			rows = append(rows, r)
		}
		timeRuns := []run{{text: app.FormatClock(sl.Start)}}
		if it.Fixed != "" {
			timeRuns = []run{{text: app.FormatClock(sl.Start), bold: true}, {text: " FIXED", bold: true, size: 14, color: colorNavy}}
		}
		title := run{text: strings.Repeat("    ", sl.Depth) + it.Title, bold: sl.Depth == 0 && !it.Kind.IsPause(), italic: it.Kind.IsPause()}
		r := []cell{{width: head[0].width, paras: []cellPara{{pPr{tight: true}, timeRuns}}}, {width: head[1].width, paras: []cellPara{{pPr{tight: true}, []run{title}}}}}
		for i, s := range b.p.Sides {
			c := cell{width: head[2+i].width}
			if p := b.lead(it, s.ID); p != nil {
				c.paras = []cellPara{{pPr{tight: true}, []run{{text: p.Name()}}}}
			}
			r = append(r, c)
		}
		r = append(r, cell{width: head[len(head)-1].width, paras: []cellPara{{pPr{tight: true}, []run{{text: it.Location}}}}})
		if it.Kind.IsPause() {
			for i := range r {
				r[i].shade = "EEF0F2"
			}
		}
		rows = append(rows, r)
	}
	b.w.table(rows, true, true)
}

// hc is a header cell.
func hc(text string, width int) cell {
	return cell{width: width, shade: "DFE5EC", paras: []cellPara{{pPr{tight: true}, []run{{text: text, bold: true, size: 18}}}}}
}

// lead is an item's lead speaker for a side, or nil.
func (b *packWriter) lead(it *app.Item, side string) *app.Person {
	for _, id := range it.Leads {
		if p := b.m.PersonByID(id); p != nil && p.Side == side {
			return p
		}
	}
	return nil
}

// inItem reports whether a slot is the chosen item or one of its
// sub-items (every slot when no item is chosen).
func (b *packWriter) inItem(sl app.Slot) bool {
	if b.o.Item == "" {
		return true
	}
	for it := sl.Item; it != nil; it = b.m.ItemByID(it.Parent) {
		if it.ID == b.o.Item {
			return true
		}
	}
	return false
}

func (b *packWriter) briefs() {
	b.h(1, "Briefs")
	nums := b.sched.BriefNumbers()
	first := true
	for _, sl := range b.sched.BriefSlots() {
		if !b.inItem(sl) {
			continue
		}
		if sl.Depth == 0 && !first {
			b.pageBreak()
		}
		first = false
		b.brief(sl, nums[sl.Item.ID])
	}
}

func (b *packWriter) brief(sl app.Slot, num string) {
	it := sl.Item
	b.h(min(2+sl.Depth, 3), num+"  "+it.Title)
	when := app.FormatClock(sl.Start) + "–" + app.FormatClock(sl.End)
	if b.sched.MultiDay() {
		when = fmt.Sprintf("Day %d, %s", sl.Day+1, when)
	}
	if it.Fixed != "" {
		when += " (fixed)"
	}
	meta := []string{when}
	if it.Location != "" {
		meta = append(meta, it.Location)
	}
	var leads []string
	for _, s := range b.p.Sides {
		if p := b.lead(it, s.ID); p != nil {
			leads = append(leads, p.Name()+" ("+s.Label()+")")
		}
	}
	if len(leads) > 0 {
		meta = append(meta, "Leads: "+strings.Join(leads, ", "))
	}
	b.note(strings.Join(meta, "  ·  "))
	if !it.Marking.IsZero() {
		c := ""
		if it.Marking.IsRed() {
			c = colorRed
		}
		b.w.para(pPr{style: "Note"}, run{text: "Brief classification: ", bold: true}, run{text: it.Marking.Banner(), bold: true, color: c})
	}
	switch it.Triage {
	case app.TriagePossible:
		b.italic("Possible: this topic may be raised.")
	case app.TriageUnlikely:
		b.w.para(pPr{shade: "EEF0F2"}, run{text: "Unlikely to be raised. ", bold: true}, run{text: "Defensive lines only: use them if the other side raises the topic."})
		ifRaised := it.Response
		if strings.TrimSpace(ifRaised) == "" {
			ifRaised = it.Points
		}
		a := b.field("If raised", ifRaised, true)
		if !b.field("Press line", it.PressLine, false) && !a {
			b.italic("No defensive lines prepared.")
		}
		return
	}
	any := false
	for _, f := range []struct {
		label, text string
		bullets     bool
	}{
		{"Our objectives", it.Objectives, false}, {"Points to make", it.Points, true}, {"Their likely objectives", it.TheirObjectives, false},
		{"Our response", it.Response, false}, {"Press line", it.PressLine, false},
	} {
		any = b.field(f.label, f.text, f.bullets) || any
	}
	if !b.background(it) && !any {
		b.italic("No brief prepared.")
	}
}

// background writes an item's background, marking (or leaving out) what
// must not be disclosed.
func (b *packWriter) background(it *app.Item) bool {
	headed := false
	for _, bg := range b.m.Background {
		if bg.Item != it.ID || (bg.NotForDisclosure && b.o.StripNotForDisclosure) {
			continue
		}
		for _, l := range app.TextLines(bg.Text) {
			if !headed {
				b.h(3, "Background")
				headed = true
			}
			if bg.NotForDisclosure {
				b.w.para(pPr{shade: "FBECEC"}, run{text: "NOT FOR DISCLOSURE  ", bold: true, color: colorRed, size: 16}, run{text: l})
			} else {
				b.w.para(pPr{}, run{text: l})
			}
		}
	}
	return headed
}

func (b *packWriter) press() {
	b.h(1, "Press lines")
	b.italic("Public lines for use with the media, by programme item.")
	for _, sl := range b.sched.Slots {
		it := sl.Item
		if strings.TrimSpace(it.PressLine) == "" || !b.inItem(sl) {
			continue
		}
		t := it.Title
		if it.Triage == app.TriageUnlikely {
			t += " (if raised)"
		}
		b.h(3, t)
		b.texts(it.PressLine, false)
	}
}

// personName is a person's formal name with the name in its own script.
func personName(p *app.Person) string {
	n := p.FormalName()
	if n == "" && p.Native == "" {
		n = p.Label()
	}
	if p.Native != "" && p.Native != p.Name() {
		n = strings.TrimSpace(n + " " + p.Native)
	}
	return n
}

func (b *packWriter) delegations() {
	b.h(1, "Delegations")
	total := b.w.textWidth()
	widths := []int{total * 7 / 100, total * 30 / 100, total * 31 / 100, total * 16 / 100, total * 16 / 100}
	for _, dl := range b.p.Delegations() {
		b.h(2, app.DelegationTitle(dl.Side))
		if len(dl.People) == 0 {
			b.italic("No participants recorded.")
			continue
		}
		rows := [][]cell{{hc("No.", widths[0]), hc("Name", widths[1]), hc("Position", widths[2]), hc("Agency", widths[3]), hc("Role", widths[4])}}
		for n, p := range dl.People {
			lead := p.Role.Leads()
			abbrev := ""
			if a := b.m.AgencyByID(p.Agency); a != nil {
				abbrev = a.Abbrev
				if abbrev == "" {
					abbrev = a.Name
				}
			}
			row := []cell{}
			for i, t := range []string{fmt.Sprint(n + 1), personName(p), p.Position, abbrev, p.RoleText()} {
				row = append(row, cell{width: widths[i], paras: []cellPara{{pPr{tight: true}, []run{{text: t, bold: lead && (i == 1 || i == 4)}}}}})
			}
			rows = append(rows, row)
		}
		b.w.table(rows, true, true)
		var legend []string
		for _, a := range b.m.AgenciesOf(dl.Side.ID) {
			s := a.Name
			if a.Abbrev != "" && a.Abbrev != a.Name {
				s = a.Abbrev + " " + a.Name
			}
			if a.Lead {
				s += " (lead)"
			}
			legend = append(legend, s)
		}
		if len(legend) > 0 {
			b.w.para(pPr{style: "Note", before: 120}, run{text: "Agencies: ", bold: true}, run{text: strings.Join(legend, "; ")})
		}
	}
}

func (b *packWriter) biographies() {
	b.h(1, "Biographies")
	for _, s := range b.p.Others() {
		first := true
		for _, p := range b.m.PeopleOf(s.ID) {
			if !p.Role.Principal() {
				continue
			}
			if first {
				adj := s.Adjective
				if adj == "" {
					adj = s.Label()
				}
				b.h(2, adj+" principals")
				first = false
			}
			b.h(3, personName(p))
			meta := []string{p.RoleText()}
			if p.Position != "" {
				meta = append(meta, p.Position)
			}
			if a := b.m.AgencyByID(p.Agency); a != nil {
				meta = append(meta, a.Name)
			}
			b.note(strings.Join(meta, ", "))
			n := 0
			for _, f := range [][2]string{{"Biography", p.Bio}, {"Education", p.Education}, {"Career", p.Career}, {"Interests", p.Interests}} {
				for j, l := range app.TextLines(f[1]) {
					if j == 0 {
						b.w.para(pPr{}, run{text: f[0] + ": ", bold: true}, run{text: l})
					} else {
						b.w.para(pPr{}, run{text: l})
					}
					n++
				}
			}
			if n == 0 {
				b.italic("No biography on file.")
			}
		}
	}
}

func (b *packWriter) statement() {
	b.h(1, b.m.StatementHeading(b.o.Final))
	if !b.o.Final {
		b.note("Text in [square brackets] is not agreed; the code after a bracket names the side that proposed it. Alternative wordings are numbered bis, ter.")
	}
	s := &statementWriter{w: b.w, m: b.m, draft: !b.o.Final}
	s.write()
	s.signatures(b.p.Signatories())
}

func (b *packWriter) annexes() {
	b.h(1, "Annexes")
	for i, a := range b.m.Annexes {
		if i > 0 {
			b.pageBreak()
		}
		b.h(2, app.AnnexTitle(i, a))
		if !a.Marking.IsZero() {
			c := ""
			if a.Marking.IsRed() {
				c = colorRed
			}
			b.w.para(pPr{style: "Note"}, run{text: "Annex classification: ", bold: true}, run{text: a.Marking.Banner(), bold: true, color: c})
		}
		b.texts(a.Text, false)
	}
}
