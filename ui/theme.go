package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"parley/assets"
)

// cjkFont is the bundled font that covers Latin, kana, Hangul and CJK
// ideographs, so native-script names render on a machine without CJK
// system fonts.
var cjkFont = fyne.NewStaticResource("WenQuanYiMicroHei.ttf", assets.CJK)

// parleyTheme is Fyne's default theme (light or dark as the system says)
// with a text font that covers every script a delegation list holds.
// Bold text keeps the default Latin face, which has no CJK glyphs: the
// views never set native-script names in bold.
type parleyTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return parleyTheme{theme.DefaultTheme()} }

// Font returns the CJK-capable face for regular and italic text.
func (t parleyTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol || s.Bold {
		return t.Theme.Font(s)
	}
	return cjkFont
}

// Color keeps the default colours.
func (t parleyTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, v)
}
