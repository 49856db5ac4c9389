package app

import (
	"fmt"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// charDiff compares two texts character by character, then drops the
// equalities that are coincidences (a letter that two different words
// share), so that they do not keep bits of brackets alive.
func charDiff(a, b []rune) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	return dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
}

// spanOfRune returns, for each rune of the spans' plain text, the index of
// the span it is in.
func spanOfRune(s Spans) []int {
	var out []int
	for i, sp := range s {
		for range sp.T {
			out = append(out, i)
		}
	}
	return out
}

// RemapSpans maps new plain text onto the spans of the old text, so that
// brackets survive typing. The texts are compared character by character:
//   - kept text keeps its span (settled, or its bracket and side);
//   - deleted text goes, and a bracket whose text is all deleted goes;
//   - text typed in place of deleted text takes the span of the first
//     character it replaces (retyping a word in a bracket keeps it there);
//   - other typed text joins a bracket only when typed inside it (both
//     neighbours in that bracket); typed at a bracket's edge or in settled
//     text it is settled. Bracketing new text is a separate, explicit act.
func RemapSpans(old Spans, plain string) Spans {
	oldR := []rune(old.Plain())
	newR := []rune(plain)
	if string(oldR) == plain {
		return old
	}
	owner := spanOfRune(old)
	same := func(a, b int) bool {
		return a >= 0 && b >= 0 && old[a].Bracket != "" && old[a].Bracket == old[b].Bracket
	}
	attr := make([]int, 0, len(newR)) // span index of old, -1 for settled
	i := 0
	pendingDel := -2
	for _, d := range charDiff(oldR, newR) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := 0; k < n; k++ {
				attr = append(attr, owner[i])
				i++
			}
			pendingDel = -2
		case diffmatchpatch.DiffDelete:
			if pendingDel == -2 {
				pendingDel = owner[i]
			}
			i += n
		case diffmatchpatch.DiffInsert:
			a := -1
			if pendingDel != -2 {
				a = pendingDel
			} else if len(attr) > 0 && i < len(owner) && same(attr[len(attr)-1], owner[i]) {
				a = owner[i]
			}
			if a >= 0 && old[a].Bracket == "" {
				a = -1
			}
			for k := 0; k < n; k++ {
				attr = append(attr, a)
			}
			pendingDel = -2
		}
	}
	out := make(Spans, 0, len(old)+1)
	start := 0
	for j := 1; j <= len(newR); j++ {
		if j < len(newR) && attr[j] == attr[start] {
			continue
		}
		sp := Span{T: string(newR[start:j])}
		if a := attr[start]; a >= 0 {
			sp.Bracket, sp.Side = old[a].Bracket, old[a].Side
		}
		out = append(out, sp)
		start = j
	}
	return compact(out)
}

// ParseBracketed reads text written with square brackets into its plain
// text and, per rune, the bracket it is in (0 settled, 1 the first
// bracket...). It refuses a nested bracket, a ] that closes nothing and a
// [ left open, naming the character (counted from 1).
func ParseBracketed(text string) (plain []rune, group []int, err error) {
	open, opened, n := 0, 0, 0
	pos := 0
	for _, r := range text {
		pos++
		switch r {
		case '[':
			if open != 0 {
				return nil, nil, fmt.Errorf("bracket at character %d opens inside the bracket opened at character %d: brackets do not nest", pos, opened)
			}
			n++
			open, opened = n, pos
			continue
		case ']':
			if open == 0 {
				return nil, nil, fmt.Errorf("] at character %d closes no bracket: remove it or add the [ that opens it", pos)
			}
			open = 0
			continue
		}
		plain = append(plain, r)
		group = append(group, open)
	}
	if open != 0 {
		return nil, nil, fmt.Errorf("the bracket opened at character %d is not closed: add the ]", opened)
	}
	return plain, group, nil
}

// RemapBracketed reads text written with square brackets into spans,
// keeping the IDs and sides of the old text's brackets: each new bracket
// takes the old bracket that most of its kept text was in; brackets with
// no such text are new, proposed by side.
func RemapBracketed(old Spans, text, side string) (Spans, error) {
	newR, group, err := ParseBracketed(text)
	if err != nil {
		return nil, err
	}
	oldR := []rune(old.Plain())
	owner := spanOfRune(old)
	// votes[g][bracket ID] counts kept runes of new bracket g in old bracket.
	votes := map[int]map[string]int{}
	i, j := 0, 0
	for _, d := range charDiff(oldR, newR) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := 0; k < n; k++ {
				if g := group[j]; g > 0 {
					if b := old[owner[i]].Bracket; b != "" {
						if votes[g] == nil {
							votes[g] = map[string]int{}
						}
						votes[g][b]++
					}
				}
				i++
				j++
			}
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		}
	}
	sideOf := map[string]string{}
	for _, sp := range old {
		if sp.Bracket != "" {
			sideOf[sp.Bracket] = sp.Side
		}
	}
	used := map[string]bool{}
	ids := map[int]Span{}
	for g := 1; ; g++ {
		if !containsInt(group, g) {
			break
		}
		best, bestN := "", 0
		for b, c := range votes[g] {
			if !used[b] && (c > bestN || (c == bestN && b < best)) {
				best, bestN = b, c
			}
		}
		if best != "" {
			used[best] = true
			ids[g] = Span{Bracket: best, Side: sideOf[best]}
		} else {
			ids[g] = Span{Bracket: NewID(), Side: side}
		}
	}
	var out Spans
	start := 0
	for k := 1; k <= len(newR); k++ {
		if k < len(newR) && group[k] == group[start] {
			continue
		}
		sp := Span{T: string(newR[start:k])}
		if g := group[start]; g > 0 {
			sp.Bracket, sp.Side = ids[g].Bracket, ids[g].Side
		}
		out = append(out, sp)
		start = k
	}
	return compact(out), nil
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
