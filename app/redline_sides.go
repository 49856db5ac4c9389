package app

import (
	"slices"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Attributing the changes of a redline. Between two drafts there may be
// others, each produced by one side (Meeting.DraftAuthor): draft 1 sent to
// Japan, draft 2 received with Japan's changes, draft 3 with ours. Each
// change of the redline from draft 1 to draft 3 is attributed to the side
// of the draft that made it: a word is inserted by the side of the first
// draft of the chain that has it (and every later one), deleted by the
// side of the first draft that no longer has it. The texts of a
// paragraph along the chain are found by its ID; when a draft in between
// lacks the paragraph, its changes are attributed to the side that
// produced the later text.

// chain returns the drafts a redline from..to passes through, in order,
// with the side that produced each (0 is the current text). A comparison
// backwards, or from the current text, is one step.
func (m *Meeting) chain(from, to int) []int {
	out := []int{from}
	if from != 0 && (to == 0 || from < to) {
		var mid []int
		for _, v := range m.Versions {
			if v.Number > from && (to == 0 || v.Number < to) {
				mid = append(mid, v.Number)
			}
		}
		slices.Sort(mid)
		out = append(out, slices.Compact(mid)...)
	}
	return append(out, to)
}

// attribute sets the Side of every inserted and deleted run of r.
func (m *Meeting) attribute(r *Redline, from, to int) {
	chain := m.chain(from, to)
	texts := make([]map[string]*Paragraph, len(chain))
	authors := make([]string, len(chain))
	for i, n := range chain {
		ps, info, err := m.draftText(n)
		if err != nil {
			return
		}
		authors[i] = info.By
		texts[i] = make(map[string]*Paragraph, len(ps))
		for k := range ps {
			texts[i][ps[k].ID] = &ps[k]
		}
	}
	for i := range r.Paragraphs {
		rp := &r.Paragraphs[i]
		along := make([]*Paragraph, len(chain))
		for k := range chain {
			switch {
			case k == 0:
				if rp.Status != ParaInserted {
					along[k] = texts[k][rp.OldID]
				}
			case texts[k][rp.ID] != nil:
				along[k] = texts[k][rp.ID]
			default:
				along[k] = texts[k][rp.OldID]
			}
		}
		if rp.Status == ParaDeleted {
			along[len(chain)-1] = nil
		}
		rp.LeadIn = attributeRuns(rp.LeadIn, along, func(p *Paragraph) string { return p.LeadIn }, authors, r.Side)
		rp.Text = attributeRuns(rp.Text, along, func(p *Paragraph) string { return p.Text.Bracketed() }, authors, r.Side)
	}
}

// attributeRuns attributes the changes of one field's runs. along holds
// the paragraph in each draft of the chain (nil where it is not there:
// its text is then empty); field reads the compared text; authors the
// side of each draft; last the side of the latest, for a one-step chain.
func attributeRuns(runs []Run, along []*Paragraph, field func(*Paragraph) string, authors []string, last string) []Run {
	n := len(along)
	changed := false
	for _, r := range runs {
		changed = changed || r.Op != RunEqual
	}
	if !changed {
		return runs
	}
	if n <= 2 {
		for i := range runs {
			if runs[i].Op != RunEqual {
				runs[i].Side = last
			}
		}
		return runs
	}
	texts := make([][]string, n)
	raw := make([]string, n)
	for k, p := range along {
		if p != nil {
			raw[k] = field(p)
			if k > 0 && raw[k] == raw[k-1] {
				texts[k] = texts[k-1]
			} else {
				texts[k] = Tokenize(raw[k])
			}
		}
	}
	// born[t]: the draft that brought token t of the latest text.
	born := make([]int, len(texts[0]))
	// alive[t]: the draft that dropped token t of the earliest text (n: none).
	alive := make([]int, len(texts[0]))
	at := make([]int, len(texts[0])) // token of the current draft -> token of the earliest
	for t := range at {
		at[t] = t
		alive[t] = n
	}
	c := newTokenCoder()
	for k := 1; k < n; k++ {
		if raw[k] == raw[k-1] && (along[k] == nil) == (along[k-1] == nil) {
			continue // the same text: the same tokens, born and alive as before
		}
		var nb, na []int
		i, j := 0, 0
		for _, d := range c.tokenDiff(texts[k-1], texts[k]) {
			switch d.op {
			case diffmatchpatch.DiffEqual:
				for range d.n {
					nb = append(nb, born[i])
					na = append(na, at[i])
					i++
					j++
				}
			case diffmatchpatch.DiffDelete:
				for range d.n {
					if at[i] >= 0 && alive[at[i]] == n {
						alive[at[i]] = k
					}
					i++
				}
			case diffmatchpatch.DiffInsert:
				for range d.n {
					nb = append(nb, k)
					na = append(na, -1)
					j++
				}
			}
		}
		born, at = nb, na
	}
	// Walk the runs: equal and inserted text is the latest text's tokens,
	// equal and deleted text the earliest's.
	var out []Run
	newT, oldT := 0, 0
	take := func(toks []string, pos *int, text string, side func(int) string) {
		size := 0
		start := *pos
		for *pos < len(toks) && size < len(text) {
			size += len(toks[*pos])
			*pos++
		}
		// Sub-runs by side; white space goes with the token before it.
		var cur Run
		off := 0
		for t := start; t < *pos; t++ {
			s := cur.Side
			if !isBlank(toks[t]) || cur.Text == "" {
				s = side(t)
			}
			if cur.Text != "" && s != cur.Side {
				out = append(out, cur)
				cur = Run{}
			}
			end := min(off+len(toks[t]), len(text))
			cur = Run{Op: cur.Op, Text: cur.Text + text[off:end], Side: s}
			off = end
		}
		if cur.Text != "" || off < len(text) {
			cur.Text += text[off:]
			out = append(out, cur)
		}
	}
	for _, r := range runs {
		start := len(out)
		switch r.Op {
		case RunEqual:
			out = append(out, r)
			size := 0
			for newT < len(texts[n-1]) && size < len(r.Text) {
				size += len(texts[n-1][newT])
				newT++
			}
			size = 0
			for oldT < len(texts[0]) && size < len(r.Text) {
				size += len(texts[0][oldT])
				oldT++
			}
			continue
		case RunInsert:
			take(texts[n-1], &newT, r.Text, func(t int) string {
				if b := born[t]; b > 0 {
					return authors[b]
				}
				return last
			})
		case RunDelete:
			take(texts[0], &oldT, r.Text, func(t int) string {
				if a := alive[t]; a < n {
					return authors[a]
				}
				return last
			})
		}
		for k := start; k < len(out); k++ {
			out[k].Op = r.Op
		}
	}
	return out
}

func isBlank(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// tokenOp is a run of tokens one diff operation covers.
type tokenOp struct {
	op diffmatchpatch.Operation
	n  int
}

// tokenDiff compares two token lists: the operations in order, counted in
// tokens.
func (c *tokenCoder) tokenDiff(a, b []string) []tokenOp {
	dmp := diffmatchpatch.New()
	var out []tokenOp
	for _, d := range dmp.DiffMainRunes(c.encodeTokens(a), c.encodeTokens(b), false) {
		out = append(out, tokenOp{d.Type, len([]rune(d.Text))})
	}
	return out
}
