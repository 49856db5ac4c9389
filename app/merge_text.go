package app

import "slices"

// Word-level three-way merge. Texts are split into tokens with Tokenize
// (words, runs of white space, punctuation; one token per character in
// scripts written without spaces), each side is compared with the common
// base (a shortest edit script, Myers' algorithm), and the changes of the
// two sides are combined as diff3 does: where only one side changed a
// stretch of the base, that change is taken; where both changed the same
// stretch differently, or inserted different text at the same place, the
// texts do not merge.

// maxEditDistance bounds the work of one comparison (tokens inserted plus
// tokens deleted). Two texts further apart than this are not merged word
// by word: a rewrite that large overlaps any edit of the other side anyway.
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
// subsequence: m[i] is the index in b of a[i], or -1 when a[i] was
// deleted. It reports false when the sequences are too far apart.
func matchTokens(a, b []int) ([]int, bool) {
	m := make([]int, len(a))
	for i := range m {
		m[i] = -1
	}
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		m[pre] = pre
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		m[len(a)-1-suf] = len(b) - 1 - suf
		suf++
	}
	return m, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], func(x, y int) { m[pre+x] = pre + y })
}

// myers finds a shortest edit script from a to b (E. Myers, "An O(ND)
// difference algorithm", 1986) and calls match for every pair of tokens
// kept. It gives up (false) beyond maxEditDistance.
func myers(a, b []int, match func(x, y int)) bool {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return true
	}
	limit := min(n+m, maxEditDistance)
	off := limit + 1
	v := make([]int32, 2*limit+3)
	// trace[d] holds v[-d..d] after step d, for walking back.
	var trace [][]int32
	for d := 0; d <= limit; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = int(v[off+k+1])
			} else {
				x = int(v[off+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = int32(x)
			if x >= n && y >= m {
				trace = append(trace, slices.Clone(v[off-d:off+d+1]))
				backtrack(trace, a, b, d, match)
				return true
			}
		}
		trace = append(trace, slices.Clone(v[off-d:off+d+1]))
	}
	return false
}

func backtrack(trace [][]int32, a, b []int, d int, match func(x, y int)) {
	x, y := len(a), len(b)
	for ; d > 0; d-- {
		prev := trace[d-1] // v[-(d-1)..d-1]
		at := func(k int) int { return int(prev[k+d-1]) }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		mx := px // where the snake of step d starts
		if pk == k-1 {
			mx = px + 1
		}
		for x > mx {
			x, y = x-1, y-1
			match(x, y)
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		match(x, y)
	}
}
