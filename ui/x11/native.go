package x11

import "errors"

// Native implements ui.Native for X11. On other systems (Windows, macOS)
// and in builds without cgo every call reports that it is not available,
// and the window falls back to what Fyne itself offers.
type Native struct{}

// ErrUnavailable says the window is not an X11 window (Wayland, Windows,
// macOS, or a build without cgo).
var ErrUnavailable = errors.New("not an X11 window")
