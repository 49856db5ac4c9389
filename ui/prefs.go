package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefRecent      = "recentFiles"
	prefLastFolder  = "lastFolder"
	prefWinWidth    = "windowWidth"
	prefWinHeight   = "windowHeight"
	prefWinX        = "windowX"
	prefWinY        = "windowY"
	prefAgreedDir   = "agreedLanguageFolder"
	prefExportSide  = "exportSide"
	maxRecentFiles  = 10
	defaultWinWidth = 1280
	defaultWinHeigh = 820
)

// prefs is a typed view of the app's preferences.
type prefs struct{ p fyne.Preferences }

func (p prefs) recent() []string {
	var out []string
	for _, s := range p.p.StringList(prefRecent) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// addRecent puts path first in the recent files.
func (p prefs) addRecent(path string) {
	list := slices.DeleteFunc(p.recent(), func(s string) bool { return s == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecentFiles {
		list = list[:maxRecentFiles]
	}
	p.p.SetStringList(prefRecent, list)
}

func (p prefs) removeRecent(path string) {
	p.p.SetStringList(prefRecent, slices.DeleteFunc(p.recent(), func(s string) bool { return s == path }))
}

func (p prefs) lastFolder() string     { return p.p.String(prefLastFolder) }
func (p prefs) setLastFolder(d string) { p.p.SetString(prefLastFolder, d) }

func (p prefs) windowSize() fyne.Size {
	w := p.p.FloatWithFallback(prefWinWidth, defaultWinWidth)
	h := p.p.FloatWithFallback(prefWinHeight, defaultWinHeigh)
	if w < 640 || h < 480 {
		return fyne.NewSize(defaultWinWidth, defaultWinHeigh)
	}
	return fyne.NewSize(float32(w), float32(h))
}

func (p prefs) setWindowSize(s fyne.Size) {
	p.p.SetFloat(prefWinWidth, float64(s.Width))
	p.p.SetFloat(prefWinHeight, float64(s.Height))
}

// windowPosition returns the remembered position, if any.
func (p prefs) windowPosition() (x, y int, ok bool) {
	x, y = p.p.IntWithFallback(prefWinX, -1<<30), p.p.IntWithFallback(prefWinY, -1<<30)
	return x, y, x != -1<<30 && y != -1<<30
}

func (p prefs) setWindowPosition(x, y int) {
	p.p.SetInt(prefWinX, x)
	p.p.SetInt(prefWinY, y)
}
