package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// parleyTheme is Fyne's default theme (light or dark as the system says)
// with a text font that covers every script a delegation list holds: the
// bundled CJK-capable font, cut to the characters on show (textFont).
// Bold text keeps the default Latin face, which has no CJK glyphs: the
// views never set native-script names in bold.
type parleyTheme struct {
	fyne.Theme
	text *textFont
}

func newTheme() parleyTheme { return parleyTheme{theme.DefaultTheme(), newTextFont()} }

// Font returns the CJK-capable face for regular and italic text.
func (t parleyTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol || s.Bold {
		return t.Theme.Font(s)
	}
	return t.text.resource()
}

// Color keeps the default colours and adds the sides' (sideColor).
func (t parleyTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := sideColor(n, v); ok {
		return c
	}
	return t.Theme.Color(n, v)
}
