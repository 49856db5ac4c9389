package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app"
	"parley/app/sample"
)

func largeEditor(b *testing.B) *Editor {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow("Parley")
	e := NewEditor(a, w, app.NewDocument(sample.Large(sample.LargeOptions{Native: true})), "", "Large")
	w.Resize(fyne.NewSize(1280, 820))
	return e
}

// BenchmarkSwitchView: switching views with the large meeting open,
// target <= 50 ms.
func BenchmarkSwitchView(b *testing.B) {
	e := largeEditor(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.showView(Views[i%len(Views)])
		e.win.Canvas().Content().Refresh()
	}
}

// BenchmarkEditInView: one edit typed into the person form with the large
// meeting open (apply, validate, refresh the row), target <= 50 ms.
func BenchmarkEditInView(b *testing.B) {
	e := largeEditor(b)
	e.showView("delegations")
	d := e.views["delegations"].(*delegations)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		test.Type(d.form.position, "x")
	}
}

// BenchmarkProgrammeDurationEdit: changing a duration recomputes every
// later start time.
func BenchmarkProgrammeDurationEdit(b *testing.B) {
	e := largeEditor(b)
	e.showView("programme")
	p := e.views["programme"].(*programme)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			test.Type(p.form.minutes, "5")
		} else {
			p.form.minutes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
	}
}

// BenchmarkTextFont: building the window's text font for the large
// meeting with native-script names (base cut, then the meeting's
// characters), part of every cold start.
func BenchmarkTextFont(b *testing.B) {
	m := sample.Large(sample.LargeOptions{Native: true})
	for i := 0; i < b.N; i++ {
		t := newTextFont()
		t.addAll(m)
	}
}
