package pack

import (
	"bytes"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// TestSubsetMatchesGofpdf cuts each face to a few runes, loads the cut
// into gofpdf and checks that gofpdf measures every rune as we do.
func TestSubsetMatchesGofpdf(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    face
		text string
	}{
		{"regular", faceRegular, "Koichi Mizushima, Lee Choong-myon; Müller café – “quoted” 2016."},
		{"bold", faceBold, "PROTECTED//AUSTEO Page 12 of 150"},
		{"italic", faceItalic, "Not for disclosure: Ærø œuvre"},
		{"cjk", faceCJK, "水島光一 이충면 ひらがなカタカナ、。孟建柱 機密性2 대외비 Ⅲ급 비밀"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var runes []rune
			for _, r := range tc.text {
				runes = append(runes, r)
			}
			cut := faces[tc.f].subset(runes)
			pdf := gofpdf.New("P", "pt", "A4", "")
			fam, st := tc.f.family()
			pdf.AddUTF8FontFromBytes(fam, st, cut)
			pdf.SetFont(fam, st, 1000)
			if pdf.Err() {
				t.Fatalf("gofpdf refused the cut font: %v", pdf.Error())
			}
			for _, r := range tc.text {
				if !faces[tc.f].has(r) {
					continue
				}
				got := pdf.GetStringWidth(string(r))
				if want := float64(runeWidth(tc.f, r)); got != want {
					t.Errorf("%q: gofpdf width %v, ours %v", r, got, want)
				}
			}
			pdf.AddPage()
			pdf.Text(50, 50, tc.text)
			var buf bytes.Buffer
			if err := pdf.Output(&buf); err != nil {
				t.Fatal(err)
			}
			t.Logf("cut %d bytes, pdf %d bytes", len(cut), buf.Len())
		})
	}
}
