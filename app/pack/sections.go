package pack

import (
	"strings"

	"parley/app"
)

// cover lays out the cover page.
func (b *builder) cover() {
	d, g := b.d, b.d.g
	d.cur().cover = true
	x, w := g.left, g.width()
	y := g.top + 64
	d.text(x, y, "BRIEFING PACK", style{face: faceBold, size: 10, color: navy})
	y += 9
	d.add(op{kind: opRect, x: x, y: y, x2: 44, y2: 2.4, color: navy})
	y += 30
	title := style{face: faceBold, size: 25, color: navy}
	for _, l := range wrap(plain(sanitize(b.p.Title()), title), w, 0) {
		d.drawLine(l, x, y+25*0.86)
		y += 31
	}
	y += 14
	if s := dateRange(b.m.Details.Start, b.m.Details.End, true); s != "" {
		for _, l := range wrap(plain(s, style{face: faceRegular, size: 13, color: black}), w, 0) {
			d.drawLine(l, x, y+13*0.86)
			y += 18
		}
	}
	if v := b.venue(); v != "" {
		for _, l := range wrap(plain(sanitize(v), style{face: faceRegular, size: 11, color: grey}), w, 0) {
			d.drawLine(l, x, y+11*0.86)
			y += 15.5
		}
	}
	if h := b.sideName(b.m.Details.HostSide); h != "" {
		d.text(x, y+11*0.86, "Hosted by "+sanitize(h), style{face: faceRegular, size: 11, color: grey})
		y += 15.5
	}
	if b.m.Multilateral() {
		// A group's name does not say who meets: list the sides.
		for _, l := range wrap(plain(sanitize(b.p.SideList()), style{face: faceRegular, size: 11, color: grey}), w, 0) {
			d.drawLine(l, x, y+11*0.86)
			y += 15.5
		}
	}

	// The principal this pack is for, in a shaded box.
	y += 46
	var who, whoNative, role string
	if b.p.Side != nil {
		if head := b.m.HeadOf(b.p.Side.ID); head != nil {
			who = head.FormalName()
			whoNative = head.Native
			if whoNative == head.Name() {
				whoNative = ""
			}
			role = head.Position
			if a := b.agencies[head.Agency]; a != nil && a.Name != "" {
				role = joinNonEmpty(", ", role, a.Name)
			}
		}
	}
	if who == "" {
		who = "the head of delegation"
	}
	nameSt := style{face: faceBold, size: 15, color: black}
	nameLines := wrap(nameRich(who, whoNative, nameSt), w-36, 0)
	roleLines := wrap(plain(sanitize(role), style{face: faceRegular, size: 10, color: grey}), w-36, 0)
	boxH := 22 + 14 + float64(len(nameLines))*20 + float64(len(roleLines))*14 + 18
	if role == "" {
		boxH -= 4
	}
	d.add(op{kind: opRect, x: x, y: y, x2: w, y2: boxH, color: shade})
	d.add(op{kind: opRect, x: x, y: y, x2: 3, y2: boxH, color: navy})
	yy := y + 22
	d.text(x+18, yy, "Brief for", style{face: faceBold, size: 9, color: grey})
	yy += 8
	for _, l := range nameLines {
		d.drawLine(l, x+18, yy+15*0.86+3)
		yy += 20
	}
	for _, l := range roleLines {
		d.drawLine(l, x+18, yy+10*0.86+3)
		yy += 14
	}
	y += boxH

	// Particulars at the foot of the page.
	type kv struct{ k, v string }
	mode := "Draft"
	if b.o.Final {
		mode = "Final"
	}
	rows := []kv{{"Version", sanitize(b.o.Version)}, {"Date", app.PackDate(b.o.Date)}, {"Status", mode}}
	if b.p.Side != nil {
		owner := b.p.Side.Adjective
		if owner == "" {
			owner = b.p.Side.Label()
		}
		rows = append(rows, kv{"Copy", sanitize(owner) + " copy"})
	}
	banner := b.marking.Banner()
	if banner != "" {
		rows = append(rows, kv{"Classification", sanitize(banner)})
	}
	y = g.bottom - float64(len(rows))*16 - 6
	d.rule(x, x+w, y-10, 0.5, rule)
	for _, r := range rows {
		d.text(x, y+9, r.k, style{face: faceBold, size: 9, color: grey})
		st := style{face: faceRegular, size: 9.5, color: black}
		if r.k == "Classification" {
			st.face = faceBold
			if b.marking.IsRed() {
				st.color = red
			}
		}
		d.text(x+96, y+9, r.v, st)
		y += 16
	}
	d.fresh = false
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// contentsPage lists every section and brief with its page number; the
// numbers are filled in once everything has been laid out.
func (b *builder) contentsPage() {
	d := b.d
	b.h1("Contents", "")
	numW := 34.0
	right := d.g.w - d.g.right
	for _, ai := range b.contents {
		a := d.anchors[ai]
		indent := 0.0
		if a.level > 1 {
			indent = 16 + float64(a.level-2)*24
		}
		st, lead, before := style{face: faceRegular, size: 9.5, color: black}, 13.5, 1.5
		if a.level == 1 {
			st, lead, before = style{face: faceBold, size: 10, color: navy}, 15, 8
		}
		tx := indent
		var numLine []line
		if a.num != "" {
			numLine = wrap(plain(a.num, st), 100, 0)
			tx += max(numLine[0].w+7, 24)
		}
		lines := wrap(plain(sanitize(a.title), st), d.g.width()-tx-numW-12, 0)
		d.gap(before)
		d.ensure(float64(len(lines)) * lead)
		top := d.y
		var base float64
		var last line
		for i, l := range lines {
			base = baseline(d.y, lead, st.size)
			if i == 0 && len(numLine) > 0 {
				d.drawLine(numLine[0], d.g.left+indent, base)
			}
			d.drawLine(l, d.g.left+tx, base)
			last = l
			d.y += lead
		}
		from := d.g.left + tx + last.w + 5
		to := right - numW + 4
		if to > from {
			d.add(op{kind: opDotted, x: from, y: base, x2: to, y2: base, lw: 0.7, color: grey})
		}
		d.add(op{kind: opPageRef, x: right, y: base, face: st.face, size: st.size, color: st.color, anchor: ai})
		d.add(op{kind: opLink, x: d.g.left, y: top, x2: d.g.width(), y2: d.y - top, anchor: ai})
	}
}

// purpose lays out the purpose and objectives.
func (b *builder) purpose() {
	b.h1(Purpose.Title(), "section/"+string(Purpose))
	det := b.m.Details
	if strings.TrimSpace(det.Purpose) == "" && strings.TrimSpace(det.Objectives) == "" {
		b.d.place(b.note(plain("No purpose or objectives have been recorded.", stItalic), 0))
		return
	}
	if ps := paras(det.Purpose); len(ps) > 0 {
		var out []*para
		for _, s := range ps {
			out = append(out, b.body(plain(s, stBody), 0))
		}
		b.h2("Purpose", "", leadOf(out), -1)
		b.placeAll(out)
	}
	if ps := b.bulletParas(det.Objectives, 0); len(ps) > 0 {
		b.h2("Objectives", "", leadOf(ps), -1)
		b.placeAll(ps)
	}
}

// facts places a label and value, the label hanging in a left column.
func (b *builder) fact(label, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	p := &para{lines: wrap(plain(sanitize(value), stBody), b.d.g.width()-110, 0), lead: leadBody, x: 110, after: 2,
		label: wrap(plain(label, style{face: faceBold, size: 9, color: grey}), 104, 0), labelX: 0}
	b.d.place(p)
}

// programme lays out logistics and the programme table.
func (b *builder) programme() {
	b.h1(Programme.Title(), "section/"+string(Programme))
	det := b.m.Details
	b.fact("Date", dateRange(det.Start, det.End, true))
	b.fact("Venue", b.venue())
	b.fact("Host", b.sideName(det.HostSide))
	hours := det.DayStart
	if det.PlannedEnd != "" {
		hours = joinNonEmpty(" – ", det.DayStart, det.PlannedEnd)
	}
	b.fact("Hours", hours)
	var dels []string
	for _, dl := range b.p.Delegations() {
		if len(dl.People) > 0 {
			dels = append(dels, dl.Side.Label()+" "+itoa(len(dl.People)))
		}
	}
	b.fact("Delegations", strings.Join(dels, ", "))
	if ps := paras(det.Logistics); len(ps) > 0 {
		var out []*para
		for _, s := range ps {
			out = append(out, b.body(plain(s, stBody), 0))
		}
		b.h2("Logistics", "", leadOf(out), -1)
		b.placeAll(out)
	}
	if len(b.sched.Slots) == 0 {
		return
	}
	t := b.programmeTable()
	legend := b.note(rich{{"Times marked ", stSmall}, {"FIXED", style{face: faceBold, size: 6.2, color: navy}},
		{" are pinned to the clock; the others follow on from the item before. Breaks and meals are shaded; sub-items are indented under their session.", stSmall}}, 0)
	legend.after = 6
	b.h2("Programme", "", legend.height()+legend.after+t.leadHeight(), -1)
	b.d.place(legend)
	b.d.placeTable(t)
}

// programmeTable builds the programme table: start time, item, the lead
// speaker of each side (in this copy's order) and the location.
func (b *builder) programmeTable() *table {
	cols := []column{{title: "Time", w: 0.105}, {title: "Item", w: 0.375}}
	// With more than two sides the leads share one column, a line each,
	// tagged with the side's code in this copy's order.
	multi := len(b.p.Sides) > 2
	if multi {
		cols = append(cols, column{title: "Leads", w: 0.38})
	} else {
		leadW := 0.38 / float64(max(1, len(b.p.Sides)))
		for _, s := range b.p.Sides {
			cols = append(cols, column{title: "Lead: " + s.Label(), w: leadW})
		}
	}
	cols = append(cols, column{title: "Location", w: 0.14})
	t := newTable(b.d.g.width(), leadCell, cols...)
	multiDay := b.multiDay()
	day := -1
	for _, sl := range b.sched.Slots {
		if multiDay && sl.Day != day && sl.Depth == 0 {
			day = sl.Day
			r := t.addFullRow(cell{text: rich{{"Day " + itoa(day+1) + "  ", stCellB}, {b.dayDate(day, true), stCell}}})
			r.fill = &shade
			r.keepNext = true
		}
		it := sl.Item
		timeText := rich{{app.FormatClock(sl.Start), stCell}}
		if it.Fixed != "" {
			timeText = rich{{app.FormatClock(sl.Start), stCellB}, {" FIXED", style{face: faceBold, size: 6.2, color: navy}}}
		}
		titleSt := stCell
		if sl.Depth == 0 && !it.Kind.IsPause() {
			titleSt = stCellB
		}
		if it.Kind.IsPause() {
			titleSt = stCellI
		}
		item := rich{{sanitize(it.Title), titleSt}}
		if sl.Overlap > 0 {
			item = append(item, span{"  runs " + itoa(sl.Overlap) + " min over", style{face: faceBold, size: 7, color: red}})
		}
		if sl.Gap > 0 && it.Fixed != "" {
			item = append(item, span{"  " + itoa(sl.Gap) + " min free before", style{face: faceRegular, size: 7, color: grey}})
		}
		cells := []cell{{text: timeText}, {text: item, indent: 11 * float64(sl.Depth)}}
		if multi {
			cells = append(cells, b.leadsCell(it))
		} else {
			for _, s := range b.p.Sides {
				var c cell
				if p := b.lead(it, s.ID); p != nil {
					c.text = plain(sanitize(p.Name()), stCell)
				}
				cells = append(cells, c)
			}
		}
		cells = append(cells, cell{text: plain(sanitize(it.Location), stCell)})
		r := t.addRow(cells...)
		if it.Kind.IsPause() {
			r.fill = &shade
		}
	}
	return t
}

// leadsCell lists an item's lead speakers a line each, with their side's
// code, in this copy's order of the sides.
func (b *builder) leadsCell(it *app.Item) cell {
	var c cell
	for _, s := range b.p.Sides {
		p := b.lead(it, s.ID)
		if p == nil {
			continue
		}
		t := rich{{b.sideCode(s.ID) + "  ", style{face: faceBold, size: 7.4, color: grey}}, {sanitize(p.Name()), stCell}}
		if c.text == nil {
			c.text = t
		} else {
			c.more = append(c.more, t)
		}
	}
	return c
}

// briefItems are the programme items that get a brief: every item but
// breaks and meals, in programme order.
func (b *builder) briefItems() []app.Slot { return b.sched.BriefSlots() }

// briefNumber numbers briefs 1, 2, 3 with sub-items 2.1, 2.2.
func (b *builder) briefNumber(sl app.Slot) string {
	if len(b.briefNo) == 0 {
		b.briefNo = b.sched.BriefNumbers()
	}
	return b.briefNo[sl.Item.ID]
}

// briefs lays out one brief per programme item.
func (b *builder) briefs() error {
	b.h1(Briefs.Title(), "section/"+string(Briefs))
	items := b.briefItems()
	first := true
	for i, sl := range items {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if sl.Depth == 0 && !first {
			b.d.breakPage()
		}
		first = false
		b.brief(sl)
		if i%8 == 7 {
			base := 0
			for j, s := range b.o.Sections {
				if s == Briefs {
					base = j
				}
			}
			n := len(b.o.Sections)
			done := base*progressTotal/2/n + (i+1)*progressTotal/2/n/len(items)
			b.progress(done, progressTotal)
		}
	}
	return nil
}

// briefMeta is the line under a brief's heading: when, where, who leads.
func (b *builder) briefMeta(sl app.Slot) rich {
	it := sl.Item
	var parts []string
	when := app.FormatClock(sl.Start) + "–" + app.FormatClock(sl.End)
	if b.multiDay() {
		when = "Day " + itoa(sl.Day+1) + ", " + when
	}
	if it.Fixed != "" {
		when += " (fixed)"
	}
	parts = append(parts, when)
	if it.Location != "" {
		parts = append(parts, sanitize(it.Location))
	}
	var leads []string
	for _, s := range b.p.Sides {
		if p := b.lead(it, s.ID); p != nil {
			leads = append(leads, sanitize(p.Name())+" ("+s.Label()+")")
		}
	}
	if len(leads) > 0 {
		parts = append(parts, "Leads: "+strings.Join(leads, ", "))
	}
	return plain(strings.Join(parts, "  ·  "), stSmall)
}

// brief lays out one item's brief.
func (b *builder) brief(sl app.Slot) {
	it := sl.Item
	d := b.d
	num := b.briefNumber(sl)
	title := sanitize(it.Title)
	meta := b.note(b.briefMeta(sl), 0)
	key := "item/" + it.ID
	if sl.Depth == 0 {
		b.numHeading(plain(num, stH2), plain(title, stH2), 17, 10, 4, key, meta.leadHeight()+2*leadBody, 1, num+" "+title)
	} else {
		st := style{face: faceBold, size: 10.8, color: navy}
		b.numHeading(plain(num, st), plain(title, st), 15, 12, 2, key, meta.leadHeight()+2*leadBody, 2, num+" "+title)
	}
	d.place(meta)
	if !it.Marking.IsZero() {
		st := style{face: faceBold, size: 8.2, color: black}
		if it.Marking.IsRed() {
			st.color = red
		}
		d.place(b.note(rich{{"Brief classification: ", stSmallB}, {sanitize(it.Marking.Banner()), st}}, 0))
	}
	switch it.Triage {
	case app.TriagePossible:
		d.place(b.note(plain("Possible: this topic may be raised.", stItalic), 0))
	case app.TriageUnlikely:
		p := b.note(rich{{"Unlikely to be raised. ", style{face: faceBold, size: 9, color: black}},
			{"Defensive lines only: use them if the other side raises the topic.", style{face: faceRegular, size: 9, color: black}}}, 8)
		p.fill, p.bar, p.before, p.after = &shade, &navy, 4, 8
		d.place(p)
		ifRaised := it.Response
		if strings.TrimSpace(ifRaised) == "" {
			ifRaised = it.Points
		}
		b.field("If raised", ifRaised, true)
		b.field("Press line", it.PressLine, false)
		if strings.TrimSpace(ifRaised) == "" && strings.TrimSpace(it.PressLine) == "" {
			d.place(b.note(plain("No defensive lines prepared.", stItalic), 0))
		}
		return
	}
	before := len(d.cur().ops)
	pages := len(d.pages)
	b.field("Our objectives", it.Objectives, false)
	b.field("Points to make", it.Points, true)
	b.field("Their likely objectives", it.TheirObjectives, false)
	b.field("Our response", it.Response, false)
	b.field("Press line", it.PressLine, false)
	b.background(it)
	if len(d.pages) == pages && len(d.cur().ops) == before {
		d.place(b.note(plain("No brief prepared.", stItalic), 0))
	}
}

// background lays out an item's background, marking or leaving out what
// must not be disclosed.
func (b *builder) background(it *app.Item) {
	var ps []*para
	for _, bg := range b.m.Background {
		if bg.Item != it.ID {
			continue
		}
		if bg.NotForDisclosure && b.o.StripNotForDisclosure {
			continue
		}
		for _, s := range paras(bg.Text) {
			if bg.NotForDisclosure {
				t := rich{{"NOT FOR DISCLOSURE  ", style{face: faceBold, size: 7.4, color: red}}, {s, stBody}}
				p := b.body(t, 8)
				p.fill, p.bar, p.before, p.after = &lightRed, &red, 3, 9
				ps = append(ps, p)
			} else {
				ps = append(ps, b.body(plain(s, stBody), 0))
			}
		}
	}
	if len(ps) == 0 {
		return
	}
	b.h3("Background", leadOf(ps))
	b.placeAll(ps)
}

// press gathers the press lines in programme order.
func (b *builder) press() {
	b.h1(Press.Title(), "section/"+string(Press))
	b.d.place(b.note(plain("Public lines for use with the media, by programme item.", stItalic), 0))
	for _, sl := range b.sched.Slots {
		it := sl.Item
		if strings.TrimSpace(it.PressLine) == "" {
			continue
		}
		head := rich{{sanitize(it.Title), style{face: faceBold, size: 9.8, color: navy}}}
		if it.Triage == app.TriageUnlikely {
			head = append(head, span{"  (if raised)", style{face: faceItalic, size: 9, color: grey}})
		}
		var ps []*para
		for _, s := range paras(it.PressLine) {
			ps = append(ps, b.body(plain(s, stBody), 0))
		}
		b.heading(head, 14, 7, 1, "", leadOf(ps), -1, "")
		b.placeAll(ps)
	}
}

// delegations lists each side's delegation, this copy's side first.
func (b *builder) delegations() {
	b.h1(Delegations.Title(), "section/"+string(Delegations))
	for i, dl := range b.p.Delegations() {
		if err := b.ctx.Err(); err != nil {
			return
		}
		t := newTable(b.d.g.width(), leadCell, column{title: "No.", w: 0.06, align: alignRight},
			column{title: "Name", w: 0.33}, column{title: "Position", w: 0.33}, column{title: "Agency", w: 0.13},
			column{title: "Role", w: 0.15})
		for n, p := range dl.People {
			nameSt, roleSt := stCell, stCell
			if p.Role.Leads() {
				nameSt, roleSt = stCellB, stCellB
			}
			role := p.RoleText()
			t.addRow(cell{text: plain(itoa(n+1), stCell)}, cell{text: displayName(p, nameSt)},
				cell{text: plain(sanitize(p.Position), stCell)}, cell{text: plain(sanitize(b.agencyAbbrev(p.Agency)), stCell)},
				cell{text: plain(role, roleSt)})
		}
		if i > 0 {
			b.d.gap(10)
		}
		if len(dl.People) == 0 {
			b.h2(delegationTitle(dl.Side), "delegation/"+dl.Side.ID, leadBody, 1)
			b.d.place(b.note(plain("No participants recorded.", stItalic), 0))
			continue
		}
		// The side's agencies, so the abbreviations can be read.
		var legend rich
		for _, a := range b.m.AgenciesOf(dl.Side.ID) {
			if len(legend) > 0 {
				legend = append(legend, span{";  ", stSmall})
			}
			if a.Abbrev != "" && a.Abbrev != a.Name {
				legend = append(legend, span{sanitize(a.Abbrev) + " ", stSmallB})
			}
			legend = append(legend, span{sanitize(a.Name), stSmall})
			if a.Lead {
				legend = append(legend, span{" (lead)", stSmall})
			}
		}
		var lp *para
		if len(legend) > 0 {
			lp = b.note(append(rich{{"Agencies: ", stSmallB}}, legend...), 0)
			lp.before = 6
			t.after = lp.leadHeight()
		}
		b.h2(delegationTitle(dl.Side), "delegation/"+dl.Side.ID, t.leadHeight(), 1)
		b.d.placeTable(t)
		if lp != nil {
			b.d.place(lp)
		}
	}
}

// principals are the other sides' co-chairs, heads and deputies.
func (b *builder) principals() []*app.Person {
	var out []*app.Person
	for _, s := range b.p.Others() {
		for _, p := range b.m.PeopleOf(s.ID) {
			if p.Role.Principal() {
				out = append(out, p)
			}
		}
	}
	return out
}

// biographies lays out the other sides' principals' biographies.
func (b *builder) biographies() {
	b.h1(Biographies.Title(), "section/"+string(Biographies))
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
				b.h2(adj+" principals", "", 60, 1)
				first = false
			}
			var meta []string
			meta = append(meta, p.RoleText())
			if p.Position != "" {
				meta = append(meta, p.Position)
			}
			if a := b.agencies[p.Agency]; a != nil {
				meta = append(meta, a.Name)
			}
			metaP := b.note(plain(sanitize(strings.Join(meta, ", ")), stSmall), 0)
			b.heading(displayName(p, style{face: faceBold, size: 10.8, color: black}), 15, 10, 1, "",
				metaP.leadHeight()+leadBody, -1, "")
			b.d.place(metaP)
			n := 0
			for _, f := range []struct{ label, text string }{
				{"Biography", p.Bio}, {"Education", p.Education}, {"Career", p.Career}, {"Interests", p.Interests},
			} {
				if strings.TrimSpace(f.text) == "" {
					continue
				}
				n++
				ps := paras(f.text)
				for j, s := range ps {
					t := plain(s, stBody)
					if j == 0 {
						t = rich{{f.label + ": ", stBold}, {s, stBody}}
					}
					b.d.place(b.body(t, 0))
				}
			}
			if n == 0 {
				b.d.place(b.note(plain("No biography on file.", stItalic), 0))
			}
		}
	}
}

// annexes lays out the annexes, each from a new page.
func (b *builder) annexes() {
	b.h1(Annexes.Title(), "section/"+string(Annexes))
	for i, a := range b.m.Annexes {
		if i > 0 {
			b.d.breakPage()
		}
		var ps []*para
		if !a.Marking.IsZero() {
			st := style{face: faceBold, size: 8.2, color: black}
			if a.Marking.IsRed() {
				st.color = red
			}
			ps = append(ps, b.note(rich{{"Annex classification: ", stSmallB}, {sanitize(a.Marking.Banner()), st}}, 0))
		}
		for _, s := range paras(a.Text) {
			ps = append(ps, b.body(plain(s, stBody), 0))
		}
		b.h2(annexTitle(i, a), "annex/"+a.ID, leadOf(ps), 1)
		b.placeAll(ps)
	}
}
