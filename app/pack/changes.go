package pack

import (
	"strings"

	"parley/app"
)

// The section "Changes since draft N": the redline from a numbered draft
// to the current text (app.Meeting.Redline), for a head of delegation who
// wants to see at a glance what moved since that draft.
//
// Deletions are red and struck through, insertions green and underlined
// (the lines survive black-and-white printing), square brackets bold in
// either. Paragraphs whose text, place and state did not change are left
// out and counted ("3 paragraphs unchanged: 4–6"): the full current text
// is in the statement section, and printing it again, even dimmed, would
// bury a handful of changes in pages of settled text. Headings stay, to
// show where the changes are; a paragraph whose only change is its state
// gets one line. Numbers are the current text's, with the draft's after
// "was" when they differ.

var (
	stRefNo  = style{face: faceBold, size: 9.8, color: black}
	stWas    = style{face: faceRegular, size: 9, color: grey}
	stStateC = style{face: faceRegular, size: 8.2, color: grey}
	stOmit   = style{face: faceItalic, size: 8.6, color: grey}
	stChHead = style{face: faceBold, size: 10.5, color: navy}
)

// redlineIndent is the indent per paragraph level.
const redlineIndent = 22.0

// changes lays out the changes since draft Options.ChangesSince.
func (b *builder) changes() {
	d := b.d
	rl := b.redline
	b.h1(b.sectionTitle(Changes), "section/"+string(Changes))
	b.fact("From", b.draftName(rl.From))
	b.fact("To", b.draftName(rl.To))
	if rl.SideName != "" {
		b.fact("Changes by", sanitize(rl.SideName)+" (the side that produced the later text)")
	}
	b.fact("Summary", changeSummary(rl))
	small := func(st style) style { st.size = 8.2; return st }
	del, ins := small(stBody), small(stBody)
	del.color, del.deco = red, decoStrike
	ins.color, ins.deco = green, decoUnderline
	key := "Square brackets are the negotiation's own: text not yet agreed. Numbers are the current text's, with the draft's " +
		"after \u201cwas\u201d. Paragraphs whose text, place and state did not change are left out and counted"
	if b.o.has(Statement) && len(b.m.Paragraphs) > 0 {
		key += "; the whole current text is in \u201c" + b.statementTitle() + "\u201d"
	}
	legend := b.note(rich{{"Deleted text", del}, {" is struck through in red, ", stSmall}, {"inserted text", ins},
		{" underlined in green. " + key + ".", stSmall}}, 0)
	legend.before, legend.after = 4, 12
	d.place(legend)
	if !rl.Changed() {
		d.place(b.note(plain("No changes: the current text is the same as "+rl.From.Name()+".", stItalic), 0))
		return
	}
	var omitted []*app.RedlinePara
	flush := func() {
		if len(omitted) > 0 {
			p := b.note(plain(unchangedNote(omitted), stOmit), float64(min(max(omitted[0].Level, 0), 2))*redlineIndent)
			p.after = 7
			d.place(p)
			omitted = nil
		}
	}
	for i := range rl.Paragraphs {
		if err := b.ctx.Err(); err != nil {
			return
		}
		p := &rl.Paragraphs[i]
		switch {
		case p.Kind == app.ParaHeading:
			flush()
			// A heading stays to show where the changes are, unless
			// nothing stands under it.
			next := i + 1
			if p.HasChange() || next < len(rl.Paragraphs) && rl.Paragraphs[next].Kind != app.ParaHeading {
				b.changedHeading(p)
			}
		case p.Status == app.ParaUnchanged && !p.Moved && p.OldState == p.NewState:
			omitted = append(omitted, p)
		default:
			flush()
			b.changedPara(p)
		}
	}
	flush()
}

// draftName describes one side of the comparison: its number, label,
// date and where it went or came from.
func (b *builder) draftName(d app.DraftInfo) string {
	if d.Number == 0 {
		s := "The current text, at this pack's version " + sanitize(b.o.Version)
		if b.o.Date != "" {
			s += " of " + longDate(b.o.Date, false)
		}
		return s
	}
	parts := []string{"Draft " + itoa(d.Number)}
	if d.Label != "" {
		parts = append(parts, "\u201c"+sanitize(d.Label)+"\u201d")
	}
	if d.Date != "" {
		parts = append(parts, longDate(d.Date, false))
	}
	by, other := sanitize(d.ByName), ""
	if d.Side != d.By {
		other = sanitize(b.sideName(d.Side))
	}
	switch d.Direction {
	case app.DirReceived:
		if by != "" {
			parts = append(parts, "received from "+by)
		} else {
			parts = append(parts, "received")
		}
	case app.DirSent:
		s := "sent"
		if by != "" {
			s += " by " + by
		}
		if other != "" {
			s += " to " + other
		}
		parts = append(parts, s)
	case app.DirInternal:
		parts = append(parts, "internal draft")
	}
	return strings.Join(parts, ", ")
}

// changeSummary counts the changes: "2 paragraphs changed, 1 new; 8
// changed state; 3 unchanged".
func changeSummary(rl *app.Redline) string {
	if !rl.Changed() {
		return "No changes"
	}
	var changed, added, deleted, moved, state, same int
	for i := range rl.Paragraphs {
		p := &rl.Paragraphs[i]
		switch p.Status {
		case app.ParaChanged:
			changed++
		case app.ParaInserted:
			added++
		case app.ParaDeleted:
			deleted++
		}
		if p.Moved {
			moved++
		}
		if p.Kind == app.ParaHeading {
			continue
		}
		if p.Status != app.ParaInserted && p.Status != app.ParaDeleted && p.OldState != p.NewState {
			state++
		}
		if p.Status == app.ParaUnchanged && !p.Moved && p.OldState == p.NewState {
			same++
		}
	}
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, itoa(n)+" "+what)
		}
	}
	noun := "paragraphs"
	if changed+added+deleted+moved == 1 {
		noun = "paragraph"
	}
	var text []string
	for _, c := range []struct {
		n    int
		what string
	}{{changed, "changed"}, {added, "new"}, {deleted, "deleted"}, {moved, "moved"}} {
		if c.n > 0 {
			w := c.what
			if len(text) == 0 {
				w = noun + " " + w
			}
			text = append(text, itoa(c.n)+" "+w)
		}
	}
	if len(text) > 0 {
		parts = append(parts, strings.Join(text, ", "))
	}
	add(state, "changed state")
	add(same, "unchanged")
	return strings.Join(parts, "; ")
}

// unchangedNote stands for a run of left-out paragraphs: "Paragraph 7
// unchanged.", "3 paragraphs unchanged: 4–6 (were 3–5)."
func unchangedNote(run []*app.RedlinePara) string {
	first, last := run[0], run[len(run)-1]
	renumbered := false
	for _, p := range run {
		renumbered = renumbered || p.OldRef != p.NewRef
	}
	var s string
	switch {
	case first.NewRef == "" || last.NewRef == "":
		s = itoa(len(run)) + " paragraphs unchanged"
		if len(run) == 1 {
			s = "1 paragraph unchanged"
		}
	case len(run) == 1:
		s = capital(refName(first.NewRef)) + " unchanged"
		if renumbered && first.OldRef != "" {
			s += " (was " + first.OldRef + ")"
		}
	default:
		s = itoa(len(run)) + " paragraphs unchanged: " + refRange(first.NewRef, last.NewRef)
		if renumbered && first.OldRef != "" && last.OldRef != "" {
			s += " (were " + refRange(first.OldRef, last.OldRef) + ")"
		}
	}
	return sanitize(s) + "."
}

// refName names a paragraph by its reference: "paragraph 6(a)",
// "preambular paragraph 2".
func refName(ref string) string {
	if strings.HasPrefix(ref, "preambular ") {
		return ref
	}
	return "paragraph " + ref
}

// refRange writes the references of the first and last of a run of
// paragraphs: "3–6(c)", "preambular paragraphs 1–3".
func refRange(a, z string) string {
	const pre = "preambular paragraph "
	pa, pz := strings.HasPrefix(a, pre), strings.HasPrefix(z, pre)
	switch {
	case a == z:
		return a
	case pa && pz:
		return "preambular paragraphs " + a[len(pre):] + "\u2013" + z[len(pre):]
	case !pa && !pz:
		return a + "\u2013" + z
	}
	return refName(a) + " to " + refName(z)
}

// changedHeading lays out a heading of the statement, with its changes,
// kept with what follows.
func (b *builder) changedHeading(p *app.RedlinePara) {
	d := b.d
	runs := p.Text
	if len(runs) == 0 {
		runs = p.LeadIn
	}
	t := runsRich(runs, stChHead)
	if tag, c := changeTag(p); tag != "" {
		t = append(t, span{"  ", stChHead}, span{tag, style{face: faceBold, size: 7, color: c}})
	}
	q := &para{lines: wrap(t, d.g.width(), 0), lead: 15, after: 3}
	d.gap(10)
	d.ensure(q.height() + q.after + 13 + 2*leadBody)
	d.place(q)
}

// changeTag is the tag of what happened to a paragraph, and its colour.
func changeTag(p *app.RedlinePara) (string, rgb) {
	switch {
	case p.Status == app.ParaInserted:
		return "NEW", green
	case p.Status == app.ParaDeleted:
		return "DELETED", red
	case p.Moved && p.Status == app.ParaChanged:
		return "MOVED AND CHANGED", navy
	case p.Moved:
		return "MOVED", navy
	case p.Status == app.ParaChanged:
		return "CHANGED", navy
	}
	return "", black
}

// changedPara lays out a paragraph with a change: a line with its number,
// the number it had, what happened and its state, then its text with the
// deletions and insertions drawn (but for a change of state alone).
func (b *builder) changedPara(p *app.RedlinePara) {
	d := b.d
	x := float64(min(max(p.Level, 0), 2)) * redlineIndent
	ref, old := p.NewRef, p.OldRef
	if p.Status == app.ParaDeleted {
		ref, old = p.OldRef, ""
	}
	if p.Status == app.ParaInserted {
		old = ""
	}
	if ref == "" {
		ref = "Unnumbered paragraph"
		if p.Kind == app.ParaPreambular {
			ref = "Preambular paragraph"
		}
	}
	num := rich{{capital(sanitize(ref)), stRefNo}}
	if old != "" && old != ref {
		num = append(num, span{" (was " + sanitize(old) + ")", stWas})
	}
	var head rich
	sep := func() {
		if len(head) > 0 {
			head = append(head, span{" · ", stStateC})
		}
	}
	if tag, c := changeTag(p); tag != "" {
		head = append(head, span{tag, style{face: faceBold, size: 7, color: c}})
	}
	var state string
	switch {
	case p.Status == app.ParaInserted:
		state = string(p.NewState)
	case p.Status != app.ParaDeleted && p.OldState != p.NewState:
		state = string(p.OldState) + " \u2192 " + string(p.NewState)
		if p.OldState == "" {
			state = string(p.NewState)
		}
	}
	if state != "" {
		sep()
		head = append(head, span{state, stStateC})
	}
	stateOnly := p.Status == app.ParaUnchanged && !p.Moved
	if stateOnly {
		sep()
		head = append(head, span{"text unchanged", stOmit})
	}
	// The number hangs before the rest of the line.
	label := wrap(num, d.g.width()-x, 0)
	hx := x + label[0].w + 9
	hp := &para{lines: wrap(head, d.g.width()-hx, 0), lead: 13, x: hx, label: label[:1], labelX: x, after: 1}
	if stateOnly {
		hp.after = 7
		d.gap(3)
		d.place(hp)
		return
	}
	var t rich
	if len(p.LeadIn) > 0 {
		t = append(t, runsRich(p.LeadIn, stBold)...)
		if len(p.Text) > 0 {
			if gap := app.LeadInGap(p.Text[0].Text); gap != "" {
				t = append(t, span{gap, stBody})
			}
		}
	}
	t = append(t, runsRich(p.Text, stBody)...)
	if len(t) == 0 {
		t = plain("(no text)", stItalic)
	}
	tp := &para{lines: wrap(t, d.g.width()-x, 0), lead: leadBody, x: x, after: 8}
	d.gap(3)
	d.ensure(hp.height() + hp.after + tp.leadHeight())
	d.place(hp)
	d.place(tp)
}

// runsRich sets redline runs in a base style: kept text as it is,
// deletions red and struck through, insertions green and underlined;
// square brackets bold. A deletion followed at once by an insertion is
// set apart by a space, so the two do not read as one word.
func runsRich(runs []app.Run, base style) rich {
	var t rich
	for i, r := range runs {
		st := base
		switch r.Op {
		case app.RunDelete:
			st.color, st.deco = red, decoStrike
		case app.RunInsert:
			st.color, st.deco = green, decoUnderline
		}
		text := sanitize(strings.ReplaceAll(r.Text, "\n", " "))
		if i > 0 && r.Op == app.RunInsert && runs[i-1].Op == app.RunDelete &&
			!strings.HasSuffix(runs[i-1].Text, " ") && !strings.HasPrefix(text, " ") {
			gap := base
			gap.color = black
			t = append(t, span{" ", gap})
		}
		bst := st
		bst.face = faceBold
		for text != "" {
			k := strings.IndexAny(text, "[]")
			if k < 0 {
				t = append(t, span{text, st})
				break
			}
			if k > 0 {
				t = append(t, span{text[:k], st})
			}
			t = append(t, span{text[k : k+1], bst})
			text = text[k+1:]
		}
	}
	return t
}
