package app

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Redlines. A redline compares two texts of the statement (two numbered
// drafts, or a draft and the current text) paragraph by paragraph:
//
//   - Paragraphs are paired by ID (a paragraph keeps its ID through edits,
//     moves and renumbering); then an unpaired paragraph whose text is
//     identical to an unpaired one of the other side is paired with it (the
//     same text under a new ID: re-entered, or imported); then unpaired
//     paragraphs with mostly the same words (at least half) are paired as
//     changed.
//   - Paired paragraphs whose order changed are marked moved: the fewest
//     moves that explain the new order (the rest keep their relative order).
//   - Within a paired paragraph the text is compared word by word (Tokenize:
//     words, spaces, punctuation; Chinese and Japanese character by
//     character) with the diff of github.com/sergi/go-diff. Square brackets
//     are part of the compared text, so a bracket put in or taken out shows
//     as an inserted or deleted "[" and "]".
//   - Changes are attributed to the side that produced the later text,
//     and each one to the side of the draft that made it (redline_sides.go).
//
// The result is data (Redline) that the PDF pack and the window both draw;
// WriteText renders it as plain text for the command line.

// RunOp says whether a run of redline text is kept, inserted or deleted.
type RunOp string

// Run operations.
const (
	RunEqual  RunOp = "equal"
	RunInsert RunOp = "insert"
	RunDelete RunOp = "delete"
)

// Run is a stretch of redline text with one operation.
type Run struct {
	Op   RunOp
	Text string
	// Side is the ID of the side that made an insertion or deletion (see
	// Meeting.Redline); empty for kept text.
	Side string
}

// ParaStatus says what happened to a paragraph between the two texts.
type ParaStatus string

// Paragraph statuses in a redline. Moved is a separate flag: a moved
// paragraph may also be changed.
const (
	ParaUnchanged ParaStatus = "unchanged"
	ParaChanged   ParaStatus = "changed"
	ParaInserted  ParaStatus = "inserted"
	ParaDeleted   ParaStatus = "deleted"
)

// RedlinePara is one paragraph of a redline, in the later text's order;
// deleted paragraphs stand where they stood in the earlier text.
type RedlinePara struct {
	// ID is the paragraph's ID in the later text (the earlier one for a
	// deleted paragraph); OldID its ID in the earlier text, which differs
	// when the pairing was by text.
	ID, OldID string
	Status    ParaStatus
	// Moved marks a paragraph that changed place (not just number).
	Moved bool
	// Kind, Level and Alternative describe the paragraph as it is in the
	// later text (the earlier one for a deleted paragraph), for layout.
	Kind        ParagraphKind
	Level       int
	Alternative bool
	// OldLabel and NewLabel are the numbers before the paragraph in each
	// text ("5", "(a)", "5 bis"); OldRef and NewRef the full references
	// ("6(a)"). Empty where the paragraph is not in that text or is not
	// numbered.
	OldLabel, NewLabel string
	OldRef, NewRef     string
	// OldState and NewState are the negotiation states in each text.
	OldState, NewState State
	// LeadIn and Text are the word-level changes of the bold lead-in and of
	// the text (written with its square brackets).
	LeadIn []Run
	Text   []Run
}

// Renumbered reports whether a paragraph in both texts changed number.
func (p *RedlinePara) Renumbered() bool {
	return p.Status != ParaInserted && p.Status != ParaDeleted && p.OldLabel != p.NewLabel
}

// DraftInfo describes one side of a comparison.
type DraftInfo struct {
	// Number is the draft's number; 0 is the current text.
	Number    int
	Label     string
	Date      string
	Direction Direction
	// Side is the side the draft went to or came from; By the side that
	// produced it (see Meeting.DraftAuthor); ByName that side's name.
	Side, By, ByName string
}

// Name is "draft 2" or "the current text".
func (d DraftInfo) Name() string {
	if d.Number == 0 {
		return "the current text"
	}
	return fmt.Sprintf("draft %d", d.Number)
}

// Redline is a comparison of two texts of the statement.
type Redline struct {
	From, To DraftInfo
	// Side is the ID of the side the changes are attributed to: the one
	// that produced the later text; SideName its name.
	Side, SideName string
	Paragraphs     []RedlinePara
}

// HasChange reports whether anything about the paragraph changed: text,
// place, number or state.
// A heading's state is not a change: headings are not negotiated.
func (p *RedlinePara) HasChange() bool {
	return p.Status != ParaUnchanged || p.Moved || p.Renumbered() || (p.OldState != p.NewState && p.Kind != ParaHeading)
}

// Changed reports whether anything differs between the two texts.
func (r *Redline) Changed() bool {
	for i := range r.Paragraphs {
		if r.Paragraphs[i].HasChange() {
			return true
		}
	}
	return false
}

// DraftAuthor returns the ID of the side that produced a draft: the side
// it was received from; our side for a draft we sent or kept internal
// (the draft's own side when our side is not set).
func (m *Meeting) DraftAuthor(v *Version) string {
	if v.Direction == DirReceived || m.Details.OurSide == "" {
		return v.Side
	}
	return m.Details.OurSide
}

// draftText returns a draft's paragraphs and description; number 0 is the
// current text.
func (m *Meeting) draftText(n int) ([]Paragraph, DraftInfo, error) {
	if n == 0 {
		return m.SnapshotParagraphs(), DraftInfo{By: m.Details.OurSide}, nil
	}
	v := m.DraftByNumber(n)
	if v == nil {
		var have []string
		for _, v := range m.Versions {
			have = append(have, fmt.Sprint(v.Number))
		}
		if len(have) == 0 {
			return nil, DraftInfo{}, fmt.Errorf("there is no draft %d: no drafts have been saved yet (save one first)", n)
		}
		return nil, DraftInfo{}, fmt.Errorf("there is no draft %d (the drafts are %s)", n, strings.Join(have, ", "))
	}
	return v.Paragraphs, DraftInfo{Number: v.Number, Label: v.Label, Date: v.Date, Direction: v.Direction, Side: v.Side, By: m.DraftAuthor(v)}, nil
}

// Redline compares draft from with draft to; 0 stands for the current
// text. The redline as a whole is attributed to the side that produced the
// later text (to): the side a received draft came from, our side for the
// current text and for drafts we sent. Each insertion and deletion is
// attributed to the side of the draft in between that made it (Run.Side).
func (m *Meeting) Redline(from, to int) (*Redline, error) {
	a, fi, err := m.draftText(from)
	if err != nil {
		return nil, err
	}
	b, ti, err := m.draftText(to)
	if err != nil {
		return nil, err
	}
	for _, d := range []*DraftInfo{&fi, &ti} {
		if s := m.SideByID(d.By); s != nil {
			d.ByName = s.Label()
		}
	}
	r := &Redline{From: fi, To: ti, Side: ti.By, SideName: ti.ByName, Paragraphs: CompareParagraphs(a, b)}
	m.attribute(r, from, to)
	return r, nil
}

// ---- word diff ----

// tokenCoder gives each distinct token a rune, so that a character diff of
// the coded texts is a token diff.
type tokenCoder struct {
	code map[string]rune
	toks []string
}

func newTokenCoder() *tokenCoder { return &tokenCoder{code: map[string]rune{}} }

// runeFor returns the code of token number i: valid runes only, skipping
// the surrogate range, since the diff library turns runes into strings.
func runeFor(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func indexOfRune(r rune) int {
	if r >= 0xD800+0x800 {
		r -= 0x800
	}
	return int(r) - 1
}

func (c *tokenCoder) encode(text string) []rune { return c.encodeTokens(Tokenize(text)) }

// encodeTokens codes a list of tokens, one rune each.
func (c *tokenCoder) encodeTokens(toks []string) []rune {
	out := make([]rune, len(toks))
	for i, t := range toks {
		r, ok := c.code[t]
		if !ok {
			r = runeFor(len(c.toks))
			c.code[t] = r
			c.toks = append(c.toks, t)
		}
		out[i] = r
	}
	return out
}

func (c *tokenCoder) decode(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(c.toks[indexOfRune(r)])
	}
	return b.String()
}

// WordDiff compares two texts word by word (see Tokenize) and returns the
// runs of the redline: deletions before insertions within a change, and
// changes separated only by white space merged into one.
func WordDiff(a, b string) []Run { return newTokenCoder().wordDiff(a, b) }

func (c *tokenCoder) wordDiff(a, b string) []Run {
	if a == b {
		if a == "" {
			return nil
		}
		return []Run{{Op: RunEqual, Text: a}}
	}
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(c.encode(a), c.encode(b), false)
	runs := make([]Run, 0, len(diffs))
	for _, d := range diffs {
		op := RunEqual
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = RunInsert
		case diffmatchpatch.DiffDelete:
			op = RunDelete
		}
		runs = append(runs, Run{Op: op, Text: c.decode(d.Text)})
	}
	return tidyRuns(runs)
}

// tidyRuns merges changes separated only by white space ("[-a-] [-b-]"
// becomes "[-a b-]"), and orders each change as deletion then insertion.
func tidyRuns(runs []Run) []Run {
	type change struct{ del, ins strings.Builder }
	var out []Run
	var cur *change
	flush := func() {
		if cur == nil {
			return
		}
		if cur.del.Len() > 0 {
			out = append(out, Run{Op: RunDelete, Text: cur.del.String()})
		}
		if cur.ins.Len() > 0 {
			out = append(out, Run{Op: RunInsert, Text: cur.ins.String()})
		}
		cur = nil
	}
	for i, r := range runs {
		switch r.Op {
		case RunDelete:
			if cur == nil {
				cur = &change{}
			}
			cur.del.WriteString(r.Text)
		case RunInsert:
			if cur == nil {
				cur = &change{}
			}
			cur.ins.WriteString(r.Text)
		default:
			if cur != nil && i+1 < len(runs) && strings.TrimSpace(r.Text) == "" {
				cur.del.WriteString(r.Text)
				cur.ins.WriteString(r.Text)
				continue
			}
			flush()
			out = append(out, r)
		}
	}
	flush()
	return out
}

// ---- paragraph pairing ----

// paraKey identifies a paragraph's content: kind, lead-in and text as
// printed (white space at a bracket's edge counts as outside it).
func paraKey(p *Paragraph) string {
	return string(p.Kind) + "\x00" + p.LeadIn + "\x00" + p.Text.Tagged(nil)
}

// wordSet returns the sorted distinct word tokens of a paragraph's text.
func wordSet(c *tokenCoder, p *Paragraph) []rune {
	var out []rune
	for _, t := range Tokenize(p.LeadIn + " " + p.Text.Plain()) {
		r, _ := utf8First(t)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		out = append(out, c.encode(strings.ToLower(t))...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func utf8First(s string) (rune, int) {
	for i, r := range s {
		return r, i
	}
	return 0, 0
}

// similarity is the Dice coefficient of two sorted word sets.
func similarity(a, b []rune) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// SimilarEnough is the share of words two paragraphs must have in common
// to be paired as one changed paragraph when their IDs differ.
const SimilarEnough = 0.5

// pairParagraphs pairs old and new paragraphs: by ID, by identical text,
// then by similar words. It returns, for each new paragraph, the index of
// its old one or -1.
func pairParagraphs(old, new []Paragraph) []int {
	oldOf := make([]int, len(new))
	taken := make([]bool, len(old))
	byID := make(map[string]int, len(old))
	for i := range old {
		if _, dup := byID[old[i].ID]; !dup {
			byID[old[i].ID] = i
		}
	}
	for j := range new {
		oldOf[j] = -1
		if i, ok := byID[new[j].ID]; ok && !taken[i] {
			oldOf[j], taken[i] = i, true
		}
	}
	// Identical text under a new ID.
	byText := map[string][]int{}
	for i := range old {
		if !taken[i] && strings.TrimSpace(old[i].Text.Plain()+old[i].LeadIn) != "" {
			k := paraKey(&old[i])
			byText[k] = append(byText[k], i)
		}
	}
	for j := range new {
		if oldOf[j] >= 0 {
			continue
		}
		k := paraKey(&new[j])
		if list := byText[k]; len(list) > 0 {
			oldOf[j], taken[list[0]] = list[0], true
			byText[k] = list[1:]
		}
	}
	// Mostly the same words.
	var ui, uj []int
	for i := range old {
		if !taken[i] && old[i].Kind != ParaHeading {
			ui = append(ui, i)
		}
	}
	for j := range new {
		if oldOf[j] < 0 && new[j].Kind != ParaHeading {
			uj = append(uj, j)
		}
	}
	if len(ui) == 0 || len(uj) == 0 || len(ui)*len(uj) > 250000 {
		return oldOf
	}
	c := newTokenCoder()
	ws := make(map[int][]rune, len(ui))
	for _, i := range ui {
		ws[i] = wordSet(c, &old[i])
	}
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	for _, j := range uj {
		wj := wordSet(c, &new[j])
		for _, i := range ui {
			if s := similarity(ws[i], wj); s >= SimilarEnough {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.j, b.j); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	for _, cd := range cands {
		if !taken[cd.i] && oldOf[cd.j] < 0 {
			oldOf[cd.j], taken[cd.i] = cd.i, true
		}
	}
	return oldOf
}

// stayed marks the pairs that keep their relative order: the longest
// increasing run of old indices in new order. The other pairs moved.
func stayed(oldOf []int) map[int]bool {
	var js []int
	for j, i := range oldOf {
		if i >= 0 {
			js = append(js, j)
		}
	}
	// Patience sorting with back links.
	tails := []int{} // indices into js
	prev := make([]int, len(js))
	for k, j := range js {
		v := oldOf[j]
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if oldOf[js[tails[mid]]] < v {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo > 0 {
			prev[k] = tails[lo-1]
		} else {
			prev[k] = -1
		}
		if lo == len(tails) {
			tails = append(tails, k)
		} else {
			tails[lo] = k
		}
	}
	out := map[int]bool{}
	if len(tails) == 0 {
		return out
	}
	for k := tails[len(tails)-1]; k >= 0; k = prev[k] {
		out[oldOf[js[k]]] = true
	}
	return out
}

func ptrs(ps []Paragraph) []*Paragraph {
	out := make([]*Paragraph, len(ps))
	for i := range ps {
		out[i] = &ps[i]
	}
	return out
}

// CompareParagraphs compares two texts of the statement, each a list of
// paragraphs in order, and returns the redline paragraphs in display
// order (alternatives after the whole paragraph they replace).
func CompareParagraphs(old, new []Paragraph) []RedlinePara {
	old, new = inDisplayOrder(old), inDisplayOrder(new)
	oldNums := NumberParagraphs(ptrs(old))
	newNums := NumberParagraphs(ptrs(new))
	oldOf := pairParagraphs(old, new)
	keep := stayed(oldOf)
	paired := make([]bool, len(old))
	for _, i := range oldOf {
		if i >= 0 {
			paired[i] = true
		}
	}
	// Deleted paragraphs follow the nearest earlier paragraph that kept
	// its place (-1: at the top).
	after := map[int][]int{}
	anchor := -1
	for i := range old {
		switch {
		case keep[i]:
			anchor = i
		case !paired[i]:
			after[anchor] = append(after[anchor], i)
		}
	}
	c := newTokenCoder()
	out := make([]RedlinePara, 0, len(new)+len(after))
	deleted := func(i int) {
		p := &old[i]
		out = append(out, RedlinePara{ID: p.ID, OldID: p.ID, Status: ParaDeleted, Kind: p.Kind, Level: p.Level,
			Alternative: p.AltOf != "", OldLabel: oldNums.Label[p.ID], OldRef: oldNums.Ref[p.ID], OldState: p.State,
			LeadIn: runsOf(RunDelete, p.LeadIn), Text: runsOf(RunDelete, p.Text.Bracketed())})
	}
	for _, i := range after[-1] {
		deleted(i)
	}
	for j := range new {
		p := &new[j]
		rp := RedlinePara{ID: p.ID, Kind: p.Kind, Level: p.Level, Alternative: p.AltOf != "",
			NewLabel: newNums.Label[p.ID], NewRef: newNums.Ref[p.ID], NewState: p.State}
		i := oldOf[j]
		if i < 0 {
			rp.Status = ParaInserted
			rp.LeadIn = runsOf(RunInsert, p.LeadIn)
			rp.Text = runsOf(RunInsert, p.Text.Bracketed())
			out = append(out, rp)
			continue
		}
		o := &old[i]
		rp.OldID, rp.OldLabel, rp.OldRef, rp.OldState = o.ID, oldNums.Label[o.ID], oldNums.Ref[o.ID], o.State
		rp.Moved = !keep[i]
		rp.LeadIn = c.wordDiff(o.LeadIn, p.LeadIn)
		rp.Text = c.wordDiff(o.Text.Bracketed(), p.Text.Bracketed())
		rp.Status = ParaUnchanged
		if o.LeadIn != p.LeadIn || o.Text.Bracketed() != p.Text.Bracketed() || o.Kind != p.Kind {
			rp.Status = ParaChanged
		}
		out = append(out, rp)
		if keep[i] {
			for _, d := range after[i] {
				deleted(d)
			}
		}
	}
	return out
}

// inDisplayOrder returns the paragraphs in the order they are shown:
// alternatives after the whole paragraph they replace.
func inDisplayOrder(ps []Paragraph) []Paragraph {
	order := displayOrder(ptrs(ps))
	out := make([]Paragraph, len(order))
	for i, p := range order {
		out[i] = *p
	}
	return out
}

func runsOf(op RunOp, text string) []Run {
	if text == "" {
		return nil
	}
	return []Run{{Op: op, Text: text}}
}

// ---- plain text ----

// RedlineTextConvention explains the plain-text redline's marks.
const RedlineTextConvention = "Deletions are written [-like this-], insertions {+like this+}. " +
	"Each paragraph starts with a mark: ' ' unchanged, '~' changed, '+' inserted, '-' deleted, '>' moved; " +
	"numbers are the later text's, with the earlier number after 'was'. " +
	"Square brackets are the negotiation's own brackets, part of the text compared."

// WriteText writes the redline as plain text (see RedlineTextConvention).
// With changesOnly, paragraphs with no change at all are left out.
func (r *Redline) WriteText(w io.Writer, changesOnly bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Redline: %s -> %s\n", r.From.Name(), r.To.Name())
	b.WriteString(r.describe("from", r.From))
	b.WriteString(r.describe("to", r.To))
	if r.SideName != "" {
		fmt.Fprintf(&b, "Changes by %s.\n", r.SideName)
	}
	b.WriteString(RedlineTextConvention + "\n\n")
	if !r.Changed() {
		b.WriteString("No changes.\n")
	}
	for i := range r.Paragraphs {
		p := &r.Paragraphs[i]
		if changesOnly && !p.HasChange() {
			continue
		}
		b.WriteString(p.line())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Redline) describe(which string, d DraftInfo) string {
	if d.Number == 0 {
		return fmt.Sprintf("  %-5s the current text\n", which+":")
	}
	var parts []string
	if d.Label != "" {
		parts = append(parts, quote(d.Label))
	}
	if d.Date != "" {
		parts = append(parts, d.Date)
	}
	if d.Direction != "" {
		parts = append(parts, string(d.Direction))
	}
	if d.ByName != "" {
		parts = append(parts, "by "+d.ByName)
	}
	return fmt.Sprintf("  %-5s draft %d %s\n", which+":", d.Number, strings.Join(parts, ", "))
}

func (p *RedlinePara) line() string {
	var b strings.Builder
	mark := " "
	switch {
	case p.Status == ParaInserted:
		mark = "+"
	case p.Status == ParaDeleted:
		mark = "-"
	case p.Moved:
		mark = ">"
	case p.Status == ParaChanged:
		mark = "~"
	}
	b.WriteString(mark)
	b.WriteString(" ")
	b.WriteString(strings.Repeat("  ", max(0, min(p.Level, 2))))
	label := p.NewLabel
	if p.Status == ParaDeleted {
		label = p.OldLabel
	}
	if label != "" {
		b.WriteString(label)
		if label[0] >= '0' && label[0] <= '9' && !strings.Contains(label, " ") {
			b.WriteString(".")
		}
		b.WriteString(" ")
	}
	var notes []string
	switch {
	case p.Status == ParaDeleted:
		notes = append(notes, "deleted")
	case p.Status == ParaInserted:
		notes = append(notes, "new")
	default:
		if p.Moved {
			if p.OldRef != "" {
				notes = append(notes, "moved, was "+p.OldRef)
			} else {
				notes = append(notes, "moved")
			}
		} else if p.Renumbered() && p.OldRef != "" {
			notes = append(notes, "was "+p.OldRef)
		}
		if p.OldState != p.NewState && p.Kind != ParaHeading {
			notes = append(notes, fmt.Sprintf("%s -> %s", p.OldState, p.NewState))
		}
	}
	if p.Kind == ParaHeading {
		notes = append(notes, "heading")
	}
	if len(notes) > 0 {
		b.WriteString("(" + strings.Join(notes, "; ") + ") ")
	}
	if len(p.LeadIn) > 0 {
		b.WriteString("**")
		writeRuns(&b, p.LeadIn)
		b.WriteString("**")
		if len(p.Text) > 0 {
			b.WriteString(LeadInGap(p.Text[0].Text))
		}
	}
	writeRuns(&b, p.Text)
	return strings.TrimRight(b.String(), " ")
}

func writeRuns(b *strings.Builder, runs []Run) {
	for _, r := range runs {
		switch r.Op {
		case RunInsert:
			b.WriteString("{+" + r.Text + "+}")
		case RunDelete:
			b.WriteString("[-" + r.Text + "-]")
		default:
			b.WriteString(r.Text)
		}
	}
}
