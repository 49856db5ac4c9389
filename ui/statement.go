package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// statementView shows the joint statement with its numbering and states.
type statementView struct {
	ed   *Editor
	list *widget.List
	box  fyne.CanvasObject
	nums app.Numbering
}

func newStatementView(ed *Editor) *statementView {
	s := &statementView{ed: ed}
	s.list = widget.NewList(func() int { return len(s.ed.doc.Meeting().Paragraphs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, widget.NewLabel("00 bis"), newChip(), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ps := s.ed.doc.Meeting().Paragraphs
			if i >= len(ps) {
				return
			}
			p := ps[i]
			c := o.(*fyne.Container)
			text := p.Text.Bracketed()
			if p.LeadIn != "" {
				text = p.LeadIn + " " + text
			}
			c.Objects[0].(*widget.Label).SetText(text)
			c.Objects[1].(*widget.Label).SetText(s.nums.Label[p.ID])
			c.Objects[2].(*widget.Label).SetText(string(p.State))
		})
	s.box = container.NewBorder(heading("Statement"), nil, nil, nil, s.list)
	return s
}

func (s *statementView) object() fyne.CanvasObject { return s.box }
func (s *statementView) reset() {
	s.nums = s.ed.doc.Meeting().Numbers()
	s.list.Refresh()
}
func (s *statementView) changed(app.Event)    { s.reset() }
func (s *statementView) focus(string, string) {}
