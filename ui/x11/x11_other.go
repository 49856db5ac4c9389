//go:build !((linux || freebsd || openbsd || netbsd) && cgo)

package x11

import (
	"image"

	"fyne.io/fyne/v2"
)

// Capture is not available here: the window captures through Fyne.
func (Native) Capture(fyne.Window) (image.Image, error) { return nil, ErrUnavailable }

// Position is not available here.
func (Native) Position(fyne.Window) (x, y int, ok bool) { return 0, 0, false }

// Move is not available here.
func (Native) Move(fyne.Window, int, int) bool { return false }

// WorkArea is not available here.
func (Native) WorkArea(fyne.Window) (x, y, width, height int, ok bool) { return 0, 0, 0, 0, false }
