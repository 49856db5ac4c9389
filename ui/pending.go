package ui

import "fyne.io/fyne/v2/dialog"

func (e *Editor) exportDialog() {
	dialog.ShowInformation("Export", "The briefing pack export is not in this build yet.", e.win)
}
