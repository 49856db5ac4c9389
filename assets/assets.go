// Package assets holds what Parley embeds in its binary: the fonts that
// cover Latin, Japanese, Korean and Chinese text (for the window and the
// PDF), and the application icon. Licences sit beside the fonts.
package assets

import _ "embed"

// TextRegular, TextBold and TextItalic are Noto Sans, for Latin text.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	TextRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	TextBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	TextItalic []byte
)

// CJK is WenQuanYi Micro Hei, a single-face TrueType font with Latin,
// kana, Hangul and CJK ideographs (simplified and traditional).
//
//go:embed fonts/WenQuanYiMicroHei.ttf
var CJK []byte

// Icon is the application icon (PNG, 512 by 512).
//
//go:embed icon.png
var Icon []byte
