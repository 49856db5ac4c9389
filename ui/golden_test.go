package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestGoldenViews compares each view of the sample meeting with its master
// image in testdata (written to testdata/failed when it differs).
func TestGoldenViews(t *testing.T) {
	for _, name := range Views {
		t.Run(name, func(t *testing.T) {
			e := newTestEditor(t)
			e.showView(name)
			test.AssertImageMatches(t, "view-"+name+".png", e.win.Canvas().Capture())
		})
	}
}
