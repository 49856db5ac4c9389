package app

import (
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into the units a redline or a word-level merge
// works on: words (letters, digits and inner apostrophes or hyphens), runs
// of white space, and single punctuation marks. Scripts written without
// spaces (Chinese, Japanese) are split into single characters, so that a
// changed character shows as one change. Joining the tokens gives the text
// back exactly.
func Tokenize(text string) []string {
	var out []string
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		j := i + n
		switch {
		case unspaced(r):
			// one character a token
		case unicode.IsSpace(r):
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
		case isWordRune(r):
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) && !unspaced(r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isWordRune(r3) && !unspaced(r3) {
						j += n2
						continue
					}
				}
				break
			}
		}
		out = append(out, text[i:j])
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// unspaced reports whether r belongs to a script written without spaces
// between words: Han ideographs, kana, and CJK punctuation.
func unspaced(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
