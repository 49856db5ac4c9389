package ui

import (
	"image/color"
	"runtime"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"parley/app"
)

// Each side's brackets have a colour of their own (app.SidePalette, by the
// side's place in the meeting), drawn through theme colour names so that
// text styles can name them: "parley.side.0" to "parley.side.7". In a dark
// theme the colours are lightened to read on the dark background.

const sideColorPrefix = "parley.side."

// sideColorName is the theme colour name of the side at place i.
func sideColorName(i int) fyne.ThemeColorName {
	return fyne.ThemeColorName(sideColorPrefix + strconv.Itoa(i%len(app.SidePalette)))
}

// sideColor is the colour of a side colour name in a theme variant, and
// whether n is one.
func sideColor(n fyne.ThemeColorName, v fyne.ThemeVariant) (color.Color, bool) {
	s, ok := strings.CutPrefix(string(n), sideColorPrefix)
	if !ok {
		return nil, false
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 0 || i >= len(app.SidePalette) {
		return nil, false
	}
	c := app.SidePalette[i]
	if v == theme.VariantDark {
		lift := func(x uint8) uint8 { return x + uint8((255-int(x))*45/100) }
		return color.NRGBA{R: lift(c.R), G: lift(c.G), B: lift(c.B), A: 0xff}, true
	}
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff}, true
}

// maxSideKeys is how many sides have a bracket shortcut of their own.
const maxSideKeys = 9

// sideKeyModifier is the modifier of the per-side bracket shortcuts: Alt
// (Option and Command on macOS, where Option alone types characters).
func sideKeyModifier() fyne.KeyModifier {
	if runtime.GOOS == "darwin" {
		return fyne.KeyModifierAlt | fyne.KeyModifierSuper
	}
	return fyne.KeyModifierAlt
}

// scBracketSide brackets the selected passage for the nth side (from 0) in
// the order the Statement view lists them: Alt+1 to Alt+9.
func scBracketSide(n int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(n + 1)), Modifier: sideKeyModifier()}
}

// sideKeyIndex is the side a shortcut brackets for, or -1.
func sideKeyIndex(cs *desktop.CustomShortcut) int {
	if cs.Modifier != sideKeyModifier() || len(cs.KeyName) != 1 {
		return -1
	}
	n := int(cs.KeyName[0] - '1')
	if n < 0 || n >= maxSideKeys {
		return -1
	}
	return n
}

// sideKeyName writes a side's shortcut as the menus show it ("Alt+3").
func sideKeyName(n int) string {
	if runtime.GOOS == "darwin" {
		return "⌥⌘" + strconv.Itoa(n+1)
	}
	return "Alt+" + strconv.Itoa(n+1)
}
