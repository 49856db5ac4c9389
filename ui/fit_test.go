package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestFitSize: the window's size in Fyne's units against work areas in
// pixels, at the scales Windows laptops use.
func TestFitSize(t *testing.T) {
	def := fyne.NewSize(1280, 820)
	for _, c := range []struct {
		scale  float32
		aw, ah int
		want   fyne.Size
	}{
		{1, 1400, 900, def},                             // room enough: unchanged
		{1, 1366, 728, fyne.NewSize(1280, 680)},         // 1366 x 768 less a 40 px taskbar
		{1.5, 1920, 1032, fyne.NewSize(1269.3334, 656)}, // 1920 x 1080 at 150 %
		{1.25, 1920, 1040, fyne.NewSize(1280, 793.6)},   // at 125 %
	} {
		if got := fitSize(def, c.scale, c.aw, c.ah); got != c.want {
			t.Errorf("%gx on %dx%d: %v, want %v", c.scale, c.aw, c.ah, got, c.want)
		}
	}
	for _, c := range []struct{ x, n, lo, room, want int }{
		{100, 800, 0, 1366, 100},  // on the screen: stays
		{1200, 800, 0, 1366, 566}, // off the right: moved back
		{-50, 800, 0, 1366, 0},    // off the left
		{10, 900, 0, 800, 0},      // larger than the screen: at its start
		{0, 400, 40, 1000, 40},    // a panel at the top
	} {
		if got := clampInto(c.x, c.n, c.lo, c.room); got != c.want {
			t.Errorf("clampInto(%d, %d, %d, %d) = %d, want %d", c.x, c.n, c.lo, c.room, got, c.want)
		}
	}
}
