package pack

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"parley/app"
	"parley/assets"
)

// face is one of the embedded font faces.
type face uint8

// The faces: Noto Sans for Latin (and Greek, Cyrillic) text and
// WenQuanYi Micro Hei for kana, Hangul and CJK ideographs.
const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceCJK
	numFaces
)

// family and style name a face for gofpdf.
func (f face) family() (family, style string) {
	switch f {
	case faceBold:
		return "sans", "B"
	case faceItalic:
		return "sans", "I"
	case faceCJK:
		return "cjk", ""
	}
	return "sans", ""
}

var (
	fontsOnce sync.Once
	fontsErr  error
	faces     [numFaces]*ttf
)

// loadFonts parses the embedded fonts once per process.
func loadFonts() error {
	fontsOnce.Do(func() {
		src := [numFaces]struct {
			name string
			data []byte
		}{
			{"NotoSans-Regular.ttf", assets.TextRegular},
			{"NotoSans-Bold.ttf", assets.TextBold},
			{"NotoSans-Italic.ttf", assets.TextItalic},
			{"WenQuanYiMicroHei.ttf", assets.CJK},
		}
		for i, s := range src {
			t, err := parseTTF(s.name, s.data)
			if err != nil {
				fontsErr = err
				return
			}
			faces[i] = t
		}
	})
	return fontsErr
}

// faceFor picks the face that draws r in text of the given Latin face:
// full-width characters (kana, Hangul, ideographs, CJK punctuation) go to
// the CJK face, everything else to the Latin face when it has the glyph,
// falling back to regular Noto Sans and then to the CJK face.
func faceFor(latin face, r rune) face {
	if app.IsWide(r) {
		if faces[faceCJK].has(r) {
			return faceCJK
		}
	}
	if faces[latin].has(r) {
		return latin
	}
	if latin != faceRegular && faces[faceRegular].has(r) {
		return faceRegular
	}
	if faces[faceCJK].has(r) {
		return faceCJK
	}
	return latin
}

// runeWidth is r's advance in thousandths of an em in the face, exactly as
// gofpdf will write it into the PDF's width array.
func runeWidth(f face, r rune) int {
	t := faces[f]
	if t.Glyph(r) != 0 {
		return int(t.w[r])
	}
	return t.missing
}

// textWidth measures a string in one face, in points.
func textWidth(f face, size float64, s string) float64 {
	w := 0
	for _, r := range s {
		w += runeWidth(f, r)
	}
	return float64(w) * size / 1000
}

// usage collects the runes each face draws, to cut the embedded subsets.
type usage [numFaces]map[rune]struct{}

func (u *usage) add(f face, s string) {
	if u[f] == nil {
		u[f] = map[rune]struct{}{}
	}
	for _, r := range s {
		u[f][r] = struct{}{}
	}
}

// subsets cuts a font per used face.
func (u *usage) subsets() (map[face][]byte, error) {
	out := map[face][]byte{}
	for f := face(0); f < numFaces; f++ {
		if len(u[f]) == 0 {
			continue
		}
		runes := make([]rune, 0, len(u[f]))
		for r := range u[f] {
			runes = append(runes, r)
		}
		b := faces[f].subset(runes)
		if len(b) == 0 {
			return nil, fmt.Errorf("font %s: cannot cut a subset", faces[f].name)
		}
		out[f] = b
	}
	return out, nil
}

// sanitize turns tabs and control characters into spaces and replaces
// runes beyond the Basic Multilingual Plane (emoji; gofpdf cannot encode
// them) with a replacement character.
func sanitize(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 && r != '\t' || r >= 0x10000 || r == utf8.RuneError {
			ok = false
			break
		}
	}
	if ok {
		return stringsReplaceTabs(s)
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x20:
			b = append(b, ' ')
		case r >= 0x10000 || r == utf8.RuneError:
			b = append(b, '\uFFFD')
		default:
			b = append(b, r)
		}
	}
	return string(b)
}

func stringsReplaceTabs(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\t' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] == '\t' {
					b[j] = ' '
				}
			}
			return string(b)
		}
	}
	return s
}
