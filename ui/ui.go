// Package ui is Parley's window, in Fyne.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// AppID is the application's unique ID (preferences, storage folders).
const AppID = "org.parley.app"

// Options say what the window opens and how.
type Options struct {
	File     string
	Snapshot string
	View     string
}

// Views lists the navigation views by name.
var Views = []string{"overview", "delegations", "programme", "briefs", "statement", "problems"}

// CheckView reports whether name is a view ("" is the default view).
func CheckView(name string) error {
	if name == "" {
		return nil
	}
	for _, v := range Views {
		if v == name {
			return nil
		}
	}
	return fmt.Errorf("unknown view %q", name)
}

// Run opens the window and returns when it closes.
func Run(a fyne.App, o Options) error {
	w := a.NewWindow("Parley")
	w.SetContent(widget.NewLabel("Parley"))
	w.ShowAndRun()
	return nil
}
