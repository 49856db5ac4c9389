package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	rows   *fyne.Container
	scroll *container.Scroll
	box    fyne.CanvasObject
	// shown is the redline on screen (tests read it).
	shown *app.Redline
}

// Redline styles.
var (
	insStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameSuccess, TextStyle: fyne.TextStyle{Underline: true}}
	delStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Strikethrough: true}}
)

func newRedlineView() *redlineView {
	r := &redlineView{header: widget.NewRichText(), rows: container.NewVBox()}
	r.header.Wrapping = fyne.TextWrapWord
	r.scroll = container.NewVScroll(r.rows)
	r.box = container.NewBorder(r.header, nil, nil, nil, r.scroll)
	return r
}

func (r *redlineView) object() fyne.CanvasObject { return r.box }

// message shows a note instead of a redline.
func (r *redlineView) message(s string) {
	r.shown = nil
	r.header.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: s, Style: widget.RichTextStyleParagraph}}
	r.header.Refresh()
	r.rows.Objects = nil
	r.rows.Refresh()
}

// describe names one text of a comparison: "draft 1 (Japanese first
// draft, received, 2016-07-12)".
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
	summary := "No changes."
	if red.Changed() {
		summary = fmt.Sprintf("%s changed, %d inserted, %d deleted, %d moved. ", plural(chg, "paragraph"), ins, del, mov)
	}
	r.header.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: head, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: boldable(head)}}},
		&widget.TextSegment{Text: ": changes by ", Style: inline("")},
		&widget.TextSegment{Text: by, Style: widget.RichTextStyle{ColorName: look.colorOf(red.Side)}},
		&widget.TextSegment{Text: summary, Style: caption("")},
		&widget.TextSegment{Text: "inserted text", Style: withSize(insStyle, theme.SizeNameCaptionText)},
		&widget.TextSegment{Text: " · ", Style: caption("")},
		&widget.TextSegment{Text: "deleted text", Style: withSize(delStyle, theme.SizeNameCaptionText)},
		&widget.TextSegment{Text: " · the negotiation's own [brackets] are part of the text compared", Style: caption("")},
	}
	r.header.Refresh()
	var rows []fyne.CanvasObject
	for i := range red.Paragraphs {
		p := &red.Paragraphs[i]
		if changesOnly && !p.HasChange() {
			continue
		}
		rows = append(rows, redlineRow(p), widget.NewSeparator())
	}
	r.rows.Objects = rows
	r.rows.Refresh()
	r.scroll.ScrollToTop()
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
		st.TextStyle.Bold = bold && boldable(run.Text)
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

// redlineRow draws one paragraph: number, text, notes.
func redlineRow(p *app.RedlinePara) fyne.CanvasObject {
	label := p.NewLabel
	numStyle := inline("")
	if p.Status == app.ParaDeleted {
		label = p.OldLabel
		numStyle = delStyle
	} else if p.Status == app.ParaInserted {
		numStyle = insStyle
	}
	num := widget.NewRichText(&widget.TextSegment{Text: label, Style: numStyle})
	body := widget.NewRichText(richSegments(redlineSegs(p))...)
	body.Wrapping = fyne.TextWrapWord
	level := 0
	if p.Kind != app.ParaHeading {
		level = max(0, min(p.Level, 2))
	}
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(float32(level)*indentStep, 1))
	return container.NewBorder(nil, nil, container.NewHBox(indent, fixedWidth(num, 58)), nil, body)
}
