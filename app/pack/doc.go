// Package pack renders the briefing pack: meeting data in, PDF bytes out.
// It is the only package that imports the PDF library (gofpdf), so the
// library can be swapped in one place.
//
// Render works in three steps. Sections are first laid out by a small
// engine of its own (layout.go): text is split into runs by script (Noto
// Sans for Latin, WenQuanYi Micro Hei for kana, Hangul and ideographs),
// measured with the fonts' own widths and broken into lines by rules that
// also hold for Japanese and Korean; tables are measured row by row and
// pages are broken between rows, and headings stay with what follows.
// The result is a list of drawing operations per page, so the page count
// and the page of every heading are known before anything is drawn: the
// contents and "Page X of Y" are exact. Then the banner, running header and
// footer are added to every page. Last, the fonts are cut down to the
// glyphs used (ttf.go: the fonts are parsed once per process, cut once per
// export) and gofpdf draws the pages.
//
// The optional section "Changes since draft N" (changes.go) draws the
// redline from a draft to the current text, deletions struck through and
// insertions underlined by the same engine (a style's deco).
//
// The output depends only on the meeting and the options: no clock, sorted
// PDF catalog, glyphs numbered in code point order; the same input gives
// the same bytes.
package pack
