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
	_, d := largeFormEditor(b)
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

// BenchmarkTypeRareCharacter: typing a character the window's font does
// not hold and no common set brings (a rare Hangul syllable), with the
// large meeting open: the font is cut again and the theme re-applied to
// the whole window. The worst case of typing.
func BenchmarkTypeRareCharacter(b *testing.B) {
	e, d := largeFormEditor(b)
	next := rune(0xD7A3) // Hangul syllables outside KS X 1001, one per run
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for e.text.covers(next) {
			next--
		}
		test.Type(d.form.native, string(next))
	}
}

// BenchmarkTypeJapaneseNames: typing common Japanese surnames into the
// native-script field, one character per run, with the large meeting open:
// the first kanji brings the common set, later ones are already there.
func BenchmarkTypeJapaneseNames(b *testing.B) {
	_, d := largeFormEditor(b)
	names := []rune("佐藤鈴木高橋田中渡辺伊藤山本中村小林加藤吉田山田佐々木山口松本井上木村林斎藤清水山崎森池田橋本阿部石川山下中島石井小川前田岡田長谷川藤田後藤近藤村上遠藤青木坂本福田太田西村藤井金子岡本藤原中野三浦原田松田竹内")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		test.Type(d.form.native, string(names[i%len(names)]))
	}
}

// largeFormEditor is largeEditor on the Delegations view, with its form.
func largeFormEditor(b *testing.B) (*Editor, *delegations) {
	e := largeEditor(b)
	e.showView("delegations")
	return e, e.views["delegations"].(*delegations)
}
