package app

import (
	"fmt"
	"strings"
)

// Positions are fractional keys: strings of base-62 digits read as a
// fraction, compared as plain strings, never ending in the zero digit.
// Between any two keys there is always another, so moving or inserting a
// record changes only that record's Pos.
const posDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// PosBetween returns a key strictly between a and b. An empty a means the
// start of the list, an empty b its end. It panics when a >= b (a bug in
// the caller, not bad input).
func PosBetween(a, b string) string {
	if b != "" && a >= b {
		panic(fmt.Sprintf("PosBetween(%q, %q): keys out of order", a, b))
	}
	return midpoint(a, b)
}

func midpoint(a, b string) string {
	if b != "" {
		n := 0
		for n < len(b) && digitAt(a, n) == b[n] {
			n++
		}
		if n > 0 {
			return b[:n] + midpoint(safeSlice(a, n), b[n:])
		}
	}
	da := 0
	if a != "" {
		da = strings.IndexByte(posDigits, a[0])
	}
	db := len(posDigits)
	if b != "" {
		db = strings.IndexByte(posDigits, b[0])
	}
	if db-da > 1 {
		return string(posDigits[(da+db+1)/2])
	}
	if len(b) > 1 {
		return b[:1]
	}
	return string(posDigits[da]) + midpoint(safeSlice(a, 1), "")
}

func digitAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return '0'
}

func safeSlice(s string, i int) string {
	if i >= len(s) {
		return ""
	}
	return s[i:]
}

// PosSequence returns n evenly spaced keys in ascending order, for building
// a list in one go.
func PosSequence(n int) []string {
	if n <= 0 {
		return nil
	}
	width, space := 1, len(posDigits)
	for space < n+1 {
		width++
		space *= len(posDigits)
	}
	keys := make([]string, n)
	buf := make([]byte, width)
	for i := range keys {
		v := (i + 1) * space / (n + 1)
		for j := width - 1; j >= 0; j-- {
			buf[j] = posDigits[v%len(posDigits)]
			v /= len(posDigits)
		}
		keys[i] = strings.TrimRight(string(buf), "0")
	}
	return keys
}

// ValidPos reports whether s is a well-formed position key.
func ValidPos(s string) bool {
	if s == "" || s[len(s)-1] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(posDigits, s[i]) < 0 {
			return false
		}
	}
	return true
}
