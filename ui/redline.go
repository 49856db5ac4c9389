package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// redlineView draws a redline: insertions green and underlined, deletions
// red and struck through, each paragraph with its number in the later
// text (the earlier one noted when it changed), moved paragraphs noted,
// and the side the changes are attributed to.
type redlineView struct {
	header *widget.RichText
	rows   *textList
	box    *fyne.Container
	// shown is the redline on screen (tests read it).
	shown *app.Redline
}

// Redline styles.
var (
	insStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameSuccess, TextStyle: fyne.TextStyle{Underline: true}}
	delStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Strikethrough: true}}
)

func newRedlineView() *redlineView {
	r := &redlineView{header: widget.NewRichText(), rows: newTextList(nil)}
	r.header.Wrapping = fyne.TextWrapWord
	r.rows.list.OnSelected = func(widget.ListItemID) { r.rows.list.UnselectAll() }
	r.box = container.New(wrapTop{}, container.NewVBox(r.header, widget.NewSeparator()), r.rows.object())
	return r
}

// wrapTop lays a header that wraps over the rest of its space. The
// header is given the width first, so that its height is that of its
// text wrapped at that width (a Border would use the height before).
type wrapTop struct{}

// Layout places the header, then the rest below it.
func (wrapTop) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	head, rest := objs[0], objs[1]
	head.Resize(fyne.NewSize(size.Width, head.Size().Height))
	h := head.MinSize().Height
	head.Resize(fyne.NewSize(size.Width, h))
	head.Move(fyne.NewPos(0, 0))
	rest.Move(fyne.NewPos(0, h))
	rest.Resize(fyne.NewSize(size.Width, size.Height-h))
}

// MinSize stacks the two.
func (wrapTop) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height)
}

func (r *redlineView) object() fyne.CanvasObject { return r.box }

// message shows a note instead of a redline.
func (r *redlineView) message(s string) {
	r.shown = nil
	r.header.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: s, Style: widget.RichTextStyleParagraph}}
	r.header.Refresh()
	r.box.Refresh()
	r.rows.set(nil)
}

// describeText names one text of a comparison: "draft 1 (Japanese first
// draft, 2016-07-12)".
func describeText(d app.DraftInfo) string {
	if d.Number == 0 {
		return "the current text"
	}
	var parts []string
	if d.Label != "" {
		parts = append(parts, d.Label)
	}
	if d.Date != "" {
		parts = append(parts, d.Date)
	}
	s := d.Name()
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// show draws a redline; changesOnly leaves out paragraphs with no change.
func (r *redlineView) show(red *app.Redline, look sideLook, changesOnly bool) {
	r.shown = red
	ins, del, chg, mov := 0, 0, 0, 0
	for i := range red.Paragraphs {
		p := &red.Paragraphs[i]
		switch p.Status {
		case app.ParaInserted:
			ins++
		case app.ParaDeleted:
			del++
		case app.ParaChanged:
			chg++
		}
		if p.Moved {
			mov++
		}
	}
	by := red.SideName
	if by == "" {
		by = "no side recorded"
	}
	head := fmt.Sprintf("From %s to %s", describeText(red.From), describeText(red.To))
	summary := "No changes. "
	if red.Changed() {
		summary = fmt.Sprintf("%s changed, %d inserted, %d deleted, %d moved. ", app.Count(chg, "paragraph"), ins, del, mov)
	}
	r.header.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: head, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: ": changes by ", Style: inline("")},
		&widget.TextSegment{Text: by, Style: widget.RichTextStyle{ColorName: look.colorOf(red.Side)}},
		&widget.TextSegment{Text: summary, Style: caption("")},
		&widget.TextSegment{Text: "inserted text", Style: withSize(insStyle, theme.SizeNameCaptionText)},
		&widget.TextSegment{Text: " · ", Style: caption("")},
		&widget.TextSegment{Text: "deleted text", Style: withSize(delStyle, theme.SizeNameCaptionText)},
		&widget.TextSegment{Text: " · the negotiation's own [brackets] are part of the text compared", Style: caption("")},
	}
	r.header.Refresh()
	r.box.Refresh()
	var looks []rowLook
	for i := range red.Paragraphs {
		p := &red.Paragraphs[i]
		if changesOnly && !p.HasChange() {
			continue
		}
		looks = append(looks, redlineLook(p))
	}
	r.rows.set(looks)
	r.rows.list.ScrollToTop()
}

func withSize(st widget.RichTextStyle, size fyne.ThemeSizeName) widget.RichTextStyle {
	st.SizeName = size
	return st
}

// runSegs styles redline runs; bold for a lead-in or heading.
func runSegs(runs []app.Run, bold bool) []seg {
	out := make([]seg, 0, len(runs))
	for _, run := range runs {
		var st widget.RichTextStyle
		switch run.Op {
		case app.RunInsert:
			st = insStyle
		case app.RunDelete:
			st = delStyle
		default:
			st = inline("")
		}
		st.TextStyle.Bold = bold
		out = append(out, seg{run.Text, st})
	}
	return out
}

// redlineSegs is a redline paragraph's text and notes.
func redlineSegs(p *app.RedlinePara) []seg {
	heading := p.Kind == app.ParaHeading
	var out []seg
	if len(p.LeadIn) > 0 {
		out = append(out, runSegs(p.LeadIn, true)...)
		if len(p.Text) > 0 {
			if gap := app.LeadInGap(p.Text[0].Text); gap != "" {
				out = append(out, seg{gap, inline("")})
			}
		}
	}
	out = append(out, runSegs(p.Text, heading)...)
	if len(out) == 0 {
		out = append(out, seg{"(no text)", inline(theme.ColorNamePlaceHolder)})
	}
	out = endLine(out)
	var notes []string
	switch p.Status {
	case app.ParaInserted:
		notes = append(notes, "new paragraph")
	case app.ParaDeleted:
		notes = append(notes, "deleted")
	default:
		switch {
		case p.Moved && p.OldRef != "":
			notes = append(notes, "moved, was "+p.OldRef)
		case p.Moved:
			notes = append(notes, "moved")
		case p.Renumbered() && p.OldRef != "":
			notes = append(notes, "renumbered, was "+p.OldRef)
		}
		if p.OldState != p.NewState && !heading {
			notes = append(notes, fmt.Sprintf("%s → %s", p.OldState, p.NewState))
		}
	}
	if p.Alternative {
		notes = append(notes, "alternative wording")
	}
	if len(notes) > 0 {
		st := caption(theme.ColorNamePlaceHolder)
		st.Inline = false
		out = append(out, seg{strings.Join(notes, "; "), st})
	}
	return out
}

// redlineLook is one paragraph of a redline as a row: number, text,
// notes, and a chip for what happened to it.
func redlineLook(p *app.RedlinePara) rowLook {
	lk := rowLook{num: seg{p.NewLabel, inline("")}, segs: redlineSegs(p), chipIm: widget.LowImportance}
	switch p.Status {
	case app.ParaDeleted:
		lk.num = seg{p.OldLabel, delStyle}
		lk.chip, lk.chipIm = "deleted", widget.DangerImportance
	case app.ParaInserted:
		lk.num.style = insStyle
		lk.chip, lk.chipIm = "inserted", widget.SuccessImportance
	case app.ParaChanged:
		lk.chip, lk.chipIm = "changed", widget.WarningImportance
	}
	switch {
	case p.Moved:
		lk.chip = strings.TrimPrefix(lk.chip+", moved", ", ")
		lk.chipIm = widget.WarningImportance
	case lk.chip == "" && p.Renumbered():
		lk.chip = "renumbered"
	case lk.chip == "" && p.HasChange():
		lk.chip = "state changed"
	}
	if p.Kind != app.ParaHeading {
		lk.level = max(0, min(p.Level, 2))
	}
	lk.setKey()
	return lk
}
