package ui

import "fyne.io/fyne/v2/dialog"

func (e *Editor) exportDialog() {
	dialog.ShowInformation("Export", "The briefing pack export is not in this build yet.", e.win)
}

func (e *Editor) mergeDialog() {
	dialog.ShowInformation("Merge", "Merging copies is not in this build yet.", e.win)
}

func (e *Editor) importPeopleDialog(path string) {
	dialog.ShowInformation("Import", "Importing participants is not in this build yet.", e.win)
}

func (e *Editor) exportPeopleDialog(side string) {
	dialog.ShowInformation("Export", "Exporting participants is not in this build yet.", e.win)
}
