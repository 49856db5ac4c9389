package pack

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"parley/app/sample"
	"parley/assets"
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

// TestParseTTFRejects checks that fonts gofpdf cannot use are refused with
// a message, not silently.
func TestParseTTFRejects(t *testing.T) {
	ttfHeader := func(magic uint32) []byte {
		b := make([]byte, 12)
		be.PutUint32(b, magic)
		return b
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "file too short"},
		{"otf", ttfHeader(0x4F54544F), "CFF (.otf) outlines are not supported"},
		{"ttc", ttfHeader(0x74746366), "font collections (.ttc) are not supported"},
		{"text", []byte("this is not a font at all"), "not a TrueType font"},
		{"no tables", ttfHeader(0x00010000), `no "head" table`},
		{"truncated", assets.TextRegular[:2000], "runs past the end of the file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseTTF("x.ttf", tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "font x.ttf: ") {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestConcurrentRenders renders packs from several goroutines at once (run
// with -race).
func TestConcurrentRenders(t *testing.T) {
	want := render(t, sample.Sample(), Options{})
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			out, err := Render(context.Background(), sample.Sample(), Options{}, nil)
			if err == nil && !bytes.Equal(out, want) {
				err = errors.New("a concurrent render differs")
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
