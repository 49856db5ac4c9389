package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dragRow is a list row that can be dragged up or down to reorder: it
// reports how many rows it was moved when the drag ends.
type dragRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	marker  *canvas.Rectangle
	// index is the row shown; onMove gets the row and the places moved.
	index  int
	onMove func(index, by int)
	dy     float32
}

func newDragRow(content fyne.CanvasObject, onMove func(index, by int)) *dragRow {
	r := &dragRow{content: content, onMove: onMove}
	r.marker = canvas.NewRectangle(color.Transparent)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the content over a marker that shows while dragging.
func (r *dragRow) CreateRenderer() fyne.WidgetRenderer {
	handle := widget.NewIcon(theme.MenuIcon())
	return widget.NewSimpleRenderer(container.NewStack(r.marker, container.NewBorder(nil, nil, handle, nil, r.content)))
}

// Dragged follows the pointer.
func (r *dragRow) Dragged(ev *fyne.DragEvent) {
	r.dy += ev.Dragged.DY
	r.marker.FillColor = theme.Color(theme.ColorNameSelection)
	r.marker.Refresh()
}

// DragEnd moves the row by the number of row heights dragged.
func (r *dragRow) DragEnd() {
	h := r.Size().Height
	by := 0
	if h > 0 {
		by = int((r.dy + h/2*sign(r.dy)) / h)
	}
	r.dy = 0
	r.marker.FillColor = color.Transparent
	r.marker.Refresh()
	if by != 0 && r.onMove != nil {
		r.onMove(r.index, by)
	}
}

func sign(f float32) float32 {
	if f < 0 {
		return -1
	}
	return 1
}

// chip is a small coloured label (a role, a state, a triage level).
func newChip() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.LowImportance
	return l
}

// segmented is a row of buttons of which one is selected. With more
// choices than fit a row (maxSegments), it is a drop-down list instead.
type segmented struct {
	box      *fyne.Container
	buttons  []*widget.Button
	list     *widget.Select
	selected int
	onChange func(i int)
}

// maxSegments is the most choices shown as buttons.
const maxSegments = 4

func newSegmented(onChange func(int)) *segmented {
	return &segmented{box: container.NewHBox(), onChange: onChange}
}

func (s *segmented) setOptions(labels []string) {
	s.box.Objects = nil
	s.buttons = nil
	s.list = nil
	if s.selected >= len(labels) {
		s.selected = 0
	}
	if len(labels) > maxSegments {
		s.list = widget.NewSelect(labels, nil)
		s.list.SetSelectedIndex(s.selected)
		s.list.OnChanged = func(string) {
			if i := s.list.SelectedIndex(); i >= 0 && i != s.selected {
				s.set(i, true)
			}
		}
		s.box.Add(newFitSelect(s.list).box)
		s.box.Refresh()
		return
	}
	for i, l := range labels {
		i := i
		b := widget.NewButton(l, func() { s.set(i, true) })
		s.buttons = append(s.buttons, b)
		s.box.Add(b)
	}
	s.paint()
	s.box.Refresh()
}

func (s *segmented) set(i int, notify bool) {
	s.selected = i
	if s.list != nil && s.list.SelectedIndex() != i {
		s.list.SetSelectedIndex(i)
	}
	s.paint()
	if notify && s.onChange != nil {
		s.onChange(i)
	}
}

func (s *segmented) paint() {
	for i, b := range s.buttons {
		if i == s.selected {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
}

// rowList is a list that hands the Delete key to its view, so a selected
// row can be deleted from the keyboard.
type rowList struct {
	widget.List
	onDelete func()
}

func newRowList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), onDelete func()) *rowList {
	l := &rowList{onDelete: onDelete}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey deletes the selected row on Delete, and moves as a list does
// otherwise.
func (l *rowList) TypedKey(ev *fyne.KeyEvent) {
	if (ev.Name == fyne.KeyDelete || ev.Name == fyne.KeyBackspace) && l.onDelete != nil {
		l.onDelete()
		return
	}
	l.List.TypedKey(ev)
}
