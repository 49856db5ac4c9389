package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// problemsView lists validation problems; choosing one jumps to its record.
type problemsView struct {
	ed      *Editor
	list    *widget.List
	summary *widget.Label
	box     fyne.CanvasObject
}

func newProblems(ed *Editor) *problemsView {
	p := &problemsView{ed: ed}
	p.list = widget.NewList(func() int { return len(p.ed.problems) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("where: what")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.ed.problems) {
				return
			}
			pr := p.ed.problems[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(pr.String())
			icon := c.Objects[1].(*widget.Icon)
			switch pr.Severity {
			case app.Warning:
				icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			default:
				icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.ed.problems) {
			pr := p.ed.problems[i]
			p.list.UnselectAll()
			if strings.HasPrefix(pr.What, "merge conflict") {
				p.ed.resolveStoredConflict(pr.ID, pr.Field)
				return
			}
			p.ed.Show(pr.ID, pr.Field)
		}
	}
	p.summary = widget.NewLabel("")
	p.box = container.NewBorder(container.NewVBox(heading("Problems"), p.summary), nil, nil, nil, p.list)
	return p
}

func (p *problemsView) object() fyne.CanvasObject { return p.box }

func (p *problemsView) reset() { p.refresh() }

func (p *problemsView) changed(app.Event) { p.refresh() }

func (p *problemsView) refresh() {
	errs, warns := 0, 0
	for _, pr := range p.ed.problems {
		if pr.Severity >= app.Error {
			errs++
		} else {
			warns++
		}
	}
	if errs+warns == 0 {
		p.summary.SetText("No problems found.")
	} else {
		p.summary.SetText(app.Count(errs, "error") + " and " + app.Count(warns, "warning") + ". Choose one to go to the record.")
	}
	p.list.Refresh()
}

func (p *problemsView) focus(string, string) {}
