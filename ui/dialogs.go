package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// confirm asks before doing something, with a named confirm button.
func confirm(ed *Editor, title, message, confirmText string, then func()) {
	ed.cover(title, message)
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, confirmText, "Cancel", msg, func(ok bool) {
		if ok {
			then()
		}
	}, ed.win)
	d.Resize(fyne.NewSize(460, 160))
	d.Show()
}

// inform tells something, with an OK button.
func (e *Editor) inform(title, message string) {
	e.cover(title, message)
	dialog.ShowInformation(title, message, e.win)
}
