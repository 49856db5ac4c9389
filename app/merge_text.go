package app

import (
	"slices"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Word-level three-way merge. Texts are split into tokens with Tokenize
// (words, runs of white space, punctuation; one token per character in
// scripts written without spaces), each side is compared with the common
// base (with the diff library redlines use), and the changes of the
// two sides are combined as diff3 does: where only one side changed a
// stretch of the base, that change is taken; where both changed the same
// stretch differently, or inserted different text at the same place, the
// texts do not merge.

// maxEditDistance bounds how far apart (tokens inserted plus tokens
// deleted) two texts may be and still merge word by word: a rewrite that
// large overlaps any edit of the other side anyway.
const maxEditDistance = 1200

// textToken is one token of paragraph text with the bracket it stands in,
// so that bracketing or unbracketing words is a change like any other.
type textToken struct {
	t, bracket, side string
}

// spanTokens splits a paragraph's text into tokens, joining adjacent spans
// of the same bracket first.
func spanTokens(s Spans) []textToken {
	var out []textToken
	for i := 0; i < len(s); {
		j := i + 1
		text := s[i].T
		for j < len(s) && s[j].Bracket == s[i].Bracket && s[j].Side == s[i].Side {
			text += s[j].T
			j++
		}
		for _, t := range Tokenize(text) {
			out = append(out, textToken{t: t, bracket: s[i].Bracket, side: s[i].Side})
		}
		i = j
	}
	return out
}

// tokenSpans joins tokens back into spans.
func tokenSpans(toks []textToken) Spans {
	var out Spans
	for _, t := range toks {
		if n := len(out); n > 0 && out[n-1].Bracket == t.bracket && out[n-1].Side == t.side {
			out[n-1].T += t.t
			continue
		}
		out = append(out, Span{T: t.t, Bracket: t.bracket, Side: t.side})
	}
	return out
}

// MergeSpans merges two edited versions of a paragraph's text with their
// common base, word by word. It reports false when the edits overlap.
func MergeSpans(base, mine, theirs Spans) (Spans, bool) {
	ids := map[textToken]int{}
	intern := func(s Spans) ([]int, []textToken) {
		toks := spanTokens(s)
		out := make([]int, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = len(ids)
				ids[t] = id
			}
			out[i] = id
		}
		return out, toks
	}
	o, _ := intern(base)
	a, ta := intern(mine)
	b, tb := intern(theirs)
	merged, ok := merge3(o, a, b)
	if !ok {
		return nil, false
	}
	byID := make([]textToken, len(ids))
	for _, t := range ta {
		byID[ids[t]] = t
	}
	for _, t := range tb {
		byID[ids[t]] = t
	}
	toks := make([]textToken, len(merged))
	for i, id := range merged {
		toks[i] = byID[id]
	}
	return tokenSpans(toks), true
}

// MergeText merges two edited versions of a plain text with their common
// base, word by word. It reports false when the edits overlap.
func MergeText(base, mine, theirs string) (string, bool) {
	s, ok := MergeSpans(PlainSpans(base), PlainSpans(mine), PlainSpans(theirs))
	if !ok {
		return "", false
	}
	return s.Plain(), true
}

// merge3 merges the token sequences a and b, both derived from o.
func merge3(o, a, b []int) ([]int, bool) {
	ma, ok := matchTokens(o, a)
	if !ok {
		return nil, false
	}
	mb, ok := matchTokens(o, b)
	if !ok {
		return nil, false
	}
	out := make([]int, 0, max(len(a), len(b)))
	i, j, k := 0, 0, 0
	for i < len(o) || j < len(a) || k < len(b) {
		if i < len(o) && ma[i] == j && mb[i] == k {
			out = append(out, o[i])
			i, j, k = i+1, j+1, k+1
			continue
		}
		// An unstable stretch: up to the next base token both sides kept.
		n := i
		for n < len(o) && (ma[n] < 0 || mb[n] < 0) {
			n++
		}
		ja, kb := len(a), len(b)
		if n < len(o) {
			ja, kb = ma[n], mb[n]
		}
		co, ca, cb := o[i:n], a[j:ja], b[k:kb]
		switch {
		case slices.Equal(co, ca):
			out = append(out, cb...)
		case slices.Equal(co, cb), slices.Equal(ca, cb):
			out = append(out, ca...)
		default:
			return nil, false
		}
		i, j, k = n, ja, kb
	}
	return out, true
}

// matchTokens pairs the tokens of a with those of b in a longest common
// subsequence (the same diff library as redlines): m[i] is the index in b
// of a[i], or -1 when a[i] was deleted. It reports false when the
// sequences are too far apart to merge word by word.
func matchTokens(a, b []int) ([]int, bool) {
	m := make([]int, len(a))
	for i := range m {
		m[i] = -1
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(tokenRunes(a), tokenRunes(b), false)
	i, j, edits := 0, 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for x := 0; x < n; x++ {
				m[i+x] = j + x
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			i += n
			edits += n
		case diffmatchpatch.DiffInsert:
			j += n
			edits += n
		}
	}
	return m, edits <= maxEditDistance
}

// tokenRunes codes token numbers as runes for the diff library.
func tokenRunes(toks []int) []rune {
	out := make([]rune, len(toks))
	for i, t := range toks {
		out[i] = runeFor(t)
	}
	return out
}
