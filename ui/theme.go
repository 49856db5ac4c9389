package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// parleyTheme is Fyne's default theme (light or dark as the system says)
// with a text font that covers every script a delegation list holds: the
// bundled CJK-capable font, cut to the characters on show (textFont), in
// every text style.
type parleyTheme struct {
	fyne.Theme
	text *textFont
}

func newTheme() parleyTheme { return parleyTheme{theme.DefaultTheme(), newTextFont()} }

// Font returns the cut for regular text. For bold, italic and monospaced
// text it returns the cut's characters that Fyne's own face for the style
// lacks (CJK, kana, some symbols), which Fyne tries before that face: the
// Latin keeps its weight, slant or fixed width, and nothing is missing.
func (t parleyTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return t.Theme.Font(s)
	}
	if fallback := fyneFace(s); fallback != nil {
		return t.text.supplement(fallback)
	}
	return t.text.resource()
}

// fyneFace is the face Fyne falls back to for text in style s after the
// theme's (painter.CachedFontFace), or nil for regular text, which the
// cut draws.
func fyneFace(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace:
		return theme.DefaultTextMonospaceFont()
	case s.Bold && s.Italic:
		return theme.DefaultTextBoldItalicFont()
	case s.Bold:
		return theme.DefaultTextBoldFont()
	case s.Italic:
		return theme.DefaultTextItalicFont()
	}
	return nil
}

// Color keeps the default colours and adds the sides' (sideColor).
func (t parleyTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := sideColor(n, v); ok {
		return c
	}
	return t.Theme.Color(n, v)
}
