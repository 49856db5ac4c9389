// Package win32 reaches the native window behind a Fyne window on Windows
// for what Fyne has no API for: reading the window's pixels as the screen
// shows them (Fyne reads its OpenGL front buffer, which Windows drivers
// and Wine need not keep), and the window's position on the screen. It
// calls user32 and gdi32 without cgo; the ui package sees it through
// ui.Native. On other systems every call reports that it is not available.
package win32

import "errors"

// Native implements ui.Native for Windows.
type Native struct{}

// ErrUnavailable says the window is not a Windows window.
var ErrUnavailable = errors.New("not a Windows window")
