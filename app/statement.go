package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Statement editing. Every user action on the joint statement is a method
// of Meeting named ...Edit that reads the meeting and returns the Edit to
// apply through the Document (or an error that says why the action is not
// possible, wrapping ErrRule when a negotiation rule refuses it). Nothing
// here changes the meeting: the Document applies the edit, records it for
// undo and checks the rules again.
//
//	if err := doc.Do(m.BracketEdit(id, 4, 17, jp)); err != nil { ... }
//
// Text positions (a selection) are counted in runes of the paragraph's
// plain text (Spans.Plain), not bytes.
//
// State follows the text: a paragraph that gets an open bracket or an
// alternative becomes bracketed (whatever it was); a bracketed paragraph
// whose last bracket and last alternative are resolved becomes proposed,
// ready to be marked agreed. Agreed and ad ref are only ever set by
// SetStateEdit, which refuses them while anything is open.

// Do applies an edit made by one of the Meeting's ...Edit methods, passing
// on the error that method returned: doc.Do(m.ResolveBracketEdit(...)).
func (d *Document) Do(e Edit, err error) error {
	if err != nil {
		return err
	}
	return d.Apply(e)
}

// ParagraphByID returns the statement paragraph with the ID, or nil.
func (m *Meeting) ParagraphByID(id string) *Paragraph {
	for _, p := range m.Paragraphs {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// paragraph finds a paragraph for an edit, with an error that says so.
func (m *Meeting) paragraph(id string) (*Paragraph, error) {
	if p := m.ParagraphByID(id); p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("no statement paragraph with ID %q: it may have been deleted; refresh the statement and try again", id)
}

// paraName names a paragraph in a message: `paragraph 5 bis`.
func (m *Meeting) paraName(p *Paragraph) string {
	ref := m.Numbers().Ref[p.ID]
	switch {
	case ref == "":
		return "the paragraph"
	case p.Kind == ParaHeading || strings.HasPrefix(ref, "preambular") || strings.HasPrefix(ref, "alternative"):
		return ref
	}
	return "paragraph " + ref
}

// baseOf returns the paragraph an alternative is an alternative of, or p.
func (m *Meeting) baseOf(p *Paragraph) *Paragraph {
	if p.AltOf != "" {
		if b := m.ParagraphByID(p.AltOf); b != nil {
			return b
		}
	}
	return p
}

func (m *Meeting) checkSide(id string) error {
	if id != "" && m.SideByID(id) == nil {
		return fmt.Errorf("no side with ID %q: choose one of the meeting's sides", id)
	}
	return nil
}

// stateFor returns the state a paragraph should have with the given text
// and number of alternatives: bracketed while anything is open, proposed
// once a bracketed paragraph has nothing open left, else unchanged.
func stateFor(p *Paragraph, text Spans, alts int) State {
	open := text.OpenBrackets() > 0 || alts > 0 || p.AltOf != ""
	switch {
	case open && p.State != StateBracketed:
		return StateBracketed
	case !open && p.State == StateBracketed:
		return StateProposed
	}
	return p.State
}

// textOps sets a paragraph's text and the state that goes with it.
func (m *Meeting) textOps(p *Paragraph, text Spans) []Op {
	ops := []Op{Set(KindParagraph, p.ID, "text", text)}
	if s := stateFor(p, text, len(Alternatives(m)[p.ID])); s != p.State {
		ops = append(ops, Set(KindParagraph, p.ID, "state", s))
	}
	return ops
}

// ---- Brackets ----

// BracketInfo describes one open bracket of a paragraph.
type BracketInfo struct {
	// ID is the bracket's ID (Span.Bracket); Side the proposing side's ID.
	ID   string
	Side string
	// Start and End are the bracketed passage's rune offsets in the
	// paragraph's plain text; Text is the passage.
	Start, End int
	Text       string
}

// Brackets lists a paragraph's open brackets in text order.
func (s Spans) Brackets() []BracketInfo {
	var out []BracketInfo
	pos := 0
	for _, sp := range s {
		n := utf8.RuneCountInString(sp.T)
		if sp.Bracket != "" {
			if k := len(out) - 1; k >= 0 && out[k].ID == sp.Bracket && out[k].End == pos {
				out[k].End += n
				out[k].Text += sp.T
			} else {
				out = append(out, BracketInfo{ID: sp.Bracket, Side: sp.Side, Start: pos, End: pos + n, Text: sp.T})
			}
		}
		pos += n
	}
	return out
}

// splitAt returns the spans with a span boundary at rune offset at.
func splitAt(s Spans, at int) Spans {
	out := make(Spans, 0, len(s)+1)
	pos := 0
	for _, sp := range s {
		n := utf8.RuneCountInString(sp.T)
		if at > pos && at < pos+n {
			r := []rune(sp.T)
			k := at - pos
			a, b := sp, sp
			a.T, b.T = string(r[:k]), string(r[k:])
			out = append(out, a, b)
		} else {
			out = append(out, sp)
		}
		pos += n
	}
	return out
}

// compact drops empty spans and joins neighbours with the same bracket.
func compact(s Spans) Spans {
	var out Spans
	for _, sp := range s {
		if sp.T == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Bracket == sp.Bracket && (sp.Bracket != "" || out[n-1].Side == sp.Side) {
			out[n-1].T += sp.T
			continue
		}
		if sp.Bracket == "" {
			sp.Side = ""
		}
		out = append(out, sp)
	}
	return out
}

// BracketSpans returns text with the runes [start, end) of its plain text
// put in a new bracket proposed by side. It refuses an empty or
// out-of-range selection and one that overlaps a bracket already there.
func BracketSpans(text Spans, start, end int, side, bracketID string) (Spans, error) {
	n := utf8.RuneCountInString(text.Plain())
	if start < 0 || end > n || start >= end {
		return nil, fmt.Errorf("select the passage to bracket (characters %d to %d of %d is not a passage of the text)", start, end, n)
	}
	for _, b := range text.Brackets() {
		if start < b.End && b.Start < end {
			return nil, fmt.Errorf("%w: the selection overlaps the bracket [%s]: resolve that bracket first or select outside it", ErrRule, short(b.Text))
		}
	}
	s := splitAt(splitAt(text, start), end)
	out := make(Spans, 0, len(s))
	pos := 0
	for _, sp := range s {
		k := utf8.RuneCountInString(sp.T)
		if pos >= start && pos+k <= end {
			sp.Bracket, sp.Side = bracketID, side
		}
		out = append(out, sp)
		pos += k
	}
	return compact(out), nil
}

// BracketEdit puts the runes [start, end) of a paragraph's plain text in
// square brackets proposed by the side (a side ID). The paragraph becomes
// bracketed. The selection must not overlap a bracket already there.
func (m *Meeting) BracketEdit(paraID string, start, end int, side string) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	if err := m.checkSide(side); err != nil {
		return Edit{}, err
	}
	text, err := BracketSpans(p.Text, start, end, side, NewID())
	if err != nil {
		return Edit{}, fmt.Errorf("%s: %w", m.paraName(p), err)
	}
	return Edit{Label: "Bracket text", Ops: m.textOps(p, text)}, nil
}

// ResolveSpans resolves one bracket of the text: keep makes its text
// settled, otherwise the text is dropped and the white space around the
// gap tidied (no double space, no space before , . ; : or at either end).
func ResolveSpans(text Spans, bracketID string, keep bool) (Spans, error) {
	found := false
	out := make(Spans, 0, len(text))
	for _, sp := range text {
		if sp.Bracket != bracketID {
			out = append(out, sp)
			continue
		}
		found = true
		if keep {
			out = append(out, Span{T: sp.T})
		} else {
			out = append(out, Span{T: "\x00"}) // gap marker, tidied below
		}
	}
	if !found {
		return nil, fmt.Errorf("no open bracket %q in the text: it may have been resolved already", bracketID)
	}
	out = compact(out)
	if keep {
		return out, nil
	}
	return tidyGaps(out), nil
}

// tidyGaps removes the gap markers left by dropped brackets and the white
// space they leave doubled.
func tidyGaps(s Spans) Spans {
	for i := range s {
		for strings.Contains(s[i].T, "\x00") {
			k := strings.IndexByte(s[i].T, 0)
			s[i].T = s[i].T[:k] + s[i].T[k+1:]
			before, after := runeBefore(s, i, k), runeAfter(s, i, k)
			switch {
			case before == 0 && isSpace(after):
				trimSpaceAt(s, i, k)
			case isSpace(before) && (after == 0 || isSpace(after) || strings.ContainsRune(",.;:", after)):
				trimSpaceBefore(s, i, k)
			}
		}
	}
	return compact(s)
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\u3000' }

// runeBefore returns the rune before byte k of span i across spans (0 at the start).
func runeBefore(s Spans, i, k int) rune {
	if k > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[i].T[:k])
		return r
	}
	for j := i - 1; j >= 0; j-- {
		if s[j].T != "" {
			r, _ := utf8.DecodeLastRuneInString(s[j].T)
			return r
		}
	}
	return 0
}

// runeAfter returns the rune at byte k of span i across spans (0 at the end).
func runeAfter(s Spans, i, k int) rune {
	if k < len(s[i].T) {
		r, _ := utf8.DecodeRuneInString(s[i].T[k:])
		return r
	}
	for j := i + 1; j < len(s); j++ {
		if s[j].T != "" {
			r, _ := utf8.DecodeRuneInString(s[j].T)
			return r
		}
	}
	return 0
}

// trimSpaceAt removes the space rune at byte k of span i (or at the start
// of the next non-empty span).
func trimSpaceAt(s Spans, i, k int) {
	if k < len(s[i].T) {
		_, n := utf8.DecodeRuneInString(s[i].T[k:])
		s[i].T = s[i].T[:k] + s[i].T[k+n:]
		return
	}
	for j := i + 1; j < len(s); j++ {
		if s[j].T != "" {
			_, n := utf8.DecodeRuneInString(s[j].T)
			s[j].T = s[j].T[n:]
			return
		}
	}
}

// trimSpaceBefore removes the space rune before byte k of span i.
func trimSpaceBefore(s Spans, i, k int) {
	if k > 0 {
		_, n := utf8.DecodeLastRuneInString(s[i].T[:k])
		s[i].T = s[i].T[:k-n] + s[i].T[k:]
		return
	}
	for j := i - 1; j >= 0; j-- {
		if s[j].T != "" {
			_, n := utf8.DecodeLastRuneInString(s[j].T)
			s[j].T = s[j].T[:len(s[j].T)-n]
			return
		}
	}
}

// ResolveBracketEdit resolves a bracket of a paragraph: keep its text
// (remove the brackets) or drop it. A bracketed paragraph with nothing
// left open becomes proposed.
func (m *Meeting) ResolveBracketEdit(paraID, bracketID string, keep bool) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	text, err := ResolveSpans(p.Text, bracketID, keep)
	if err != nil {
		return Edit{}, fmt.Errorf("%s: %w", m.paraName(p), err)
	}
	label := "Drop bracketed text"
	if keep {
		label = "Keep bracketed text"
	}
	return Edit{Label: label, Ops: m.textOps(p, text)}, nil
}

// ---- Alternatives ----

// block returns the paragraph with its alternatives, in list order.
func (m *Meeting) withAlts(base *Paragraph) []*Paragraph {
	var out []*Paragraph
	for _, p := range m.Paragraphs {
		if p == base || p.AltOf == base.ID {
			out = append(out, p)
		}
	}
	return out
}

// gapAfter returns the positions around the gap right after the last of
// the paragraphs (in list order).
func (m *Meeting) gapAfter(last *Paragraph) (lo, hi string) {
	i := slices.Index(m.Paragraphs, last)
	lo = last.Pos
	if i+1 < len(m.Paragraphs) {
		hi = m.Paragraphs[i+1].Pos
	}
	return lo, hi
}

// gapBefore returns the positions around the gap right before p.
func (m *Meeting) gapBefore(p *Paragraph) (lo, hi string) {
	i := slices.Index(m.Paragraphs, p)
	if i > 0 {
		lo = m.Paragraphs[i-1].Pos
	}
	return lo, p.Pos
}

// posIn returns n ascending keys strictly between lo and hi, or false when
// the gap cannot take them (two paragraphs share a position).
func posIn(lo, hi string, n int) ([]string, bool) {
	if hi != "" && lo >= hi {
		return nil, false
	}
	keys := make([]string, n)
	prev := lo
	for i := range keys {
		keys[i] = PosBetween(prev, hi)
		prev = keys[i]
	}
	return keys, true
}

// AddAlternativeEdit adds an alternative wording of a paragraph (3 bis,
// 3 ter) proposed by side. text is the alternative's wording; empty starts
// it as a copy of the paragraph's text, for the user to edit. The
// alternative follows the whole paragraph it replaces (its sub-paragraphs
// and other alternatives); the paragraph becomes bracketed. It returns
// the new paragraph's ID.
func (m *Meeting) AddAlternativeEdit(paraID, side, text string) (Edit, string, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, "", err
	}
	if err := m.checkSide(side); err != nil {
		return Edit{}, "", err
	}
	base := m.baseOf(p)
	if base.Kind == ParaHeading {
		return Edit{}, "", fmt.Errorf("%w: %s is a heading: headings have no alternative wordings; edit or bracket its text", ErrRule, m.paraName(base))
	}
	heads := m.heads()
	i := slices.Index(heads, base)
	whole := m.members(heads[i:subtreeEnd(heads, i)])
	lo, hi := m.gapAfter(whole[len(whole)-1])
	keys, ok := posIn(lo, hi, 1)
	if !ok {
		return Edit{}, "", fmt.Errorf("%s shares its place with another paragraph: move one of them first", m.paraName(base))
	}
	if text == "" {
		text = base.Text.Plain()
	}
	alt := &Paragraph{Rec: Rec{ID: NewID()}, Pos: keys[0], Kind: base.Kind, Level: base.Level, AltOf: base.ID, Side: side,
		LeadIn: base.LeadIn, Text: PlainSpans(text), State: StateBracketed}
	ops := []Op{Add(alt)}
	if base.State != StateBracketed {
		ops = append(ops, Set(KindParagraph, base.ID, "state", StateBracketed))
	}
	return Edit{Label: "Add alternative wording", Ops: ops}, alt.ID, nil
}

// ChooseAlternativeEdit resolves a paragraph's alternative wordings by
// choosing one: the chosen alternative's text, lead-in and side replace
// the paragraph's (the paragraph keeps its ID and place, so redlines and
// merges follow it) and every alternative is removed. Choosing the
// paragraph itself keeps its own wording and withdraws the alternatives.
func (m *Meeting) ChooseAlternativeEdit(id string) (Edit, error) {
	chosen, err := m.paragraph(id)
	if err != nil {
		return Edit{}, err
	}
	base := m.baseOf(chosen)
	alts := Alternatives(m)[base.ID]
	if len(alts) == 0 {
		return Edit{}, fmt.Errorf("%s has no alternative wordings to choose from", m.paraName(base))
	}
	var ops []Op
	text := base.Text
	if chosen != base {
		text = slices.Clone(chosen.Text)
		ops = append(ops, Set(KindParagraph, base.ID, "text", text), Set(KindParagraph, base.ID, "leadIn", chosen.LeadIn))
		if chosen.Side != "" {
			ops = append(ops, Set(KindParagraph, base.ID, "side", chosen.Side))
		}
	}
	for _, a := range alts {
		ops = append(ops, Remove(KindParagraph, a.ID))
	}
	if s := stateFor(base, text, 0); s != base.State {
		ops = append(ops, Set(KindParagraph, base.ID, "state", s))
	}
	return Edit{Label: "Choose alternative wording", Ops: ops}, nil
}

// ---- State ----

// SetStateEdit sets a paragraph's negotiation state. Agreed and ad ref are
// refused while the paragraph has open brackets or alternative wordings,
// and for an alternative wording itself (choose it instead).
func (m *Meeting) SetStateEdit(paraID string, s State) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	if !slices.Contains(States, s) {
		return Edit{}, fmt.Errorf("unknown state %q (use proposed, bracketed, ad ref or agreed)", s)
	}
	if s == StateAgreed || s == StateAdRef {
		if p.AltOf != "" {
			return Edit{}, fmt.Errorf("%w: %s is an alternative wording: choose it to replace the paragraph, then mark that %s", ErrRule, m.paraName(p), s)
		}
		if n := p.Text.OpenBrackets(); n > 0 {
			return Edit{}, fmt.Errorf("%w: %s has %d open bracket(s): resolve them before marking it %s", ErrRule, m.paraName(p), n, s)
		}
		if n := len(Alternatives(m)[p.ID]); n > 0 {
			return Edit{}, fmt.Errorf("%w: %s has %d alternative wording(s): choose one before marking it %s", ErrRule, m.paraName(p), n, s)
		}
	}
	return Edit{Label: "Mark " + string(s), Ops: []Op{Set(KindParagraph, p.ID, "state", s)}}, nil
}

// ---- Text ----

// SetTextEdit replaces a paragraph's text with new plain text as typed,
// keeping its brackets where they were: the old and new texts are
// compared character by character (RemapSpans) so that text kept keeps
// its bracket, typing inside a bracket stays in it, and a bracket whose
// text is all deleted goes. Successive typing in one paragraph folds into
// one undo step.
func (m *Meeting) SetTextEdit(paraID, plain string) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	return Edit{Label: "Edit text", Ops: m.textOps(p, RemapSpans(p.Text, plain)), Coalesce: "text:" + p.ID}, nil
}

// SetBracketedTextEdit replaces a paragraph's text with text written with
// square brackets ("law and [voluntary, non-binding] norms"), as a user
// edits the bracketed form. Brackets that survive keep their ID and
// proposing side (matched by the text they keep); new ones are proposed by
// side. Unbalanced or nested brackets are refused with their place.
func (m *Meeting) SetBracketedTextEdit(paraID, text, side string) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	if err := m.checkSide(side); err != nil {
		return Edit{}, err
	}
	spans, err := RemapBracketed(p.Text, text, side)
	if err != nil {
		return Edit{}, fmt.Errorf("%s: %w", m.paraName(p), err)
	}
	return Edit{Label: "Edit text", Ops: m.textOps(p, spans), Coalesce: "text:" + p.ID}, nil
}

// SetLeadInEdit sets a paragraph's bold lead-in ("Harden cyber defences").
func (m *Meeting) SetLeadInEdit(paraID, leadIn string) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	return Edit{Label: "Edit lead-in", Ops: []Op{Set(KindParagraph, p.ID, "leadIn", strings.TrimSpace(leadIn))}, Coalesce: "leadIn:" + p.ID}, nil
}

// SetKindEdit makes a paragraph (with its alternatives) a heading, a
// preambular or an operative paragraph. A heading is never a
// sub-paragraph and has no alternatives.
func (m *Meeting) SetKindEdit(paraID string, k ParagraphKind) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	if !slices.Contains(ParagraphKinds, k) {
		return Edit{}, fmt.Errorf("unknown paragraph kind %q (use heading, preambular or operative)", k)
	}
	base := m.baseOf(p)
	group := m.withAlts(base)
	if k == ParaHeading && len(group) > 1 {
		return Edit{}, fmt.Errorf("%w: %s has alternative wordings: choose one before making it a heading", ErrRule, m.paraName(base))
	}
	var ops []Op
	for _, q := range group {
		ops = append(ops, Set(KindParagraph, q.ID, "kind", k))
		if k == ParaHeading && q.Level != 0 {
			ops = append(ops, Set(KindParagraph, q.ID, "level", 0))
		}
	}
	return Edit{Label: "Make " + string(k), Ops: ops}, nil
}

// ---- Structure: insert, delete, move, indent ----

// effLevel is a paragraph's depth for moves: headings count as level 0.
func effLevel(p *Paragraph) int {
	if p.Kind == ParaHeading {
		return 0
	}
	return p.Level
}

// heads returns the paragraphs that are not alternatives, in order.
func (m *Meeting) heads() []*Paragraph {
	out := make([]*Paragraph, 0, len(m.Paragraphs))
	for _, p := range m.Paragraphs {
		if p.AltOf == "" {
			out = append(out, p)
		}
	}
	return out
}

// subtreeEnd returns the index in heads just past heads[i] and its
// sub-paragraphs (a heading has none).
func subtreeEnd(heads []*Paragraph, i int) int {
	j := i + 1
	if heads[i].Kind == ParaHeading {
		return j
	}
	for j < len(heads) && heads[j].Kind != ParaHeading && heads[j].Level > heads[i].Level {
		j++
	}
	return j
}

// members returns heads[i:j] with their alternatives, in list order.
func (m *Meeting) members(heads []*Paragraph) []*Paragraph {
	in := make(map[string]bool, len(heads))
	for _, h := range heads {
		in[h.ID] = true
	}
	var out []*Paragraph
	for _, p := range m.Paragraphs {
		if in[p.ID] || (p.AltOf != "" && in[p.AltOf]) {
			out = append(out, p)
		}
	}
	return out
}

// placeOps gives the paragraphs (in the order given) positions in the gap
// between lo and hi; when the gap is too narrow (two paragraphs share a
// position) every paragraph is given a fresh position in the order wanted.
func (m *Meeting) placeOps(moved []*Paragraph, lo, hi string, order func() []*Paragraph) []Op {
	var ops []Op
	if keys, ok := posIn(lo, hi, len(moved)); ok {
		for i, p := range moved {
			ops = append(ops, Set(KindParagraph, p.ID, "pos", keys[i]))
		}
		return ops
	}
	all := order()
	keys := PosSequence(len(all))
	for i, p := range all {
		if p.Pos != keys[i] {
			ops = append(ops, Set(KindParagraph, p.ID, "pos", keys[i]))
		}
	}
	return ops
}

// insertParagraph builds the edit adding a paragraph at the gap.
func (m *Meeting) insertParagraph(p *Paragraph, lo, hi string, at int) (Edit, string, error) {
	if keys, ok := posIn(lo, hi, 1); ok {
		p.Pos = keys[0]
		return Edit{Label: "Insert paragraph", Ops: []Op{Add(p)}}, p.ID, nil
	}
	// Two paragraphs share a place: respace them all around the new one.
	order := slices.Insert(slices.Clone(m.Paragraphs), at, p)
	keys := PosSequence(len(order))
	var ops []Op
	for i, q := range order {
		if q == p {
			p.Pos = keys[i]
			continue
		}
		if q.Pos != keys[i] {
			ops = append(ops, Set(KindParagraph, q.ID, "pos", keys[i]))
		}
	}
	return Edit{Label: "Insert paragraph", Ops: append(ops, Add(p))}, p.ID, nil
}

func (m *Meeting) newParagraph(ref *Paragraph, k ParagraphKind) (*Paragraph, error) {
	if k != "" && !slices.Contains(ParagraphKinds, k) {
		return nil, fmt.Errorf("unknown paragraph kind %q (use heading, preambular or operative)", k)
	}
	p := &Paragraph{Rec: Rec{ID: NewID()}, Kind: k, State: StateProposed, Side: m.Details.OurSide}
	if p.Kind == "" {
		p.Kind = ParaOperative
		if ref != nil && ref.Kind != ParaHeading {
			p.Kind = ref.Kind
		}
	}
	if ref != nil && p.Kind != ParaHeading && ref.Kind == p.Kind {
		p.Level = ref.Level
	}
	if m.SideByID(p.Side) == nil {
		p.Side = ""
	}
	return p, nil
}

// InsertAfterEdit inserts an empty paragraph of kind k after the paragraph
// refID, at its level, after its alternatives and sub-paragraphs (so after
// paragraph 6 comes a new 7, after 6(d) a new 6(e)); an empty refID appends
// at the end. An empty kind takes the reference paragraph's (operative
// after a heading). It returns the new paragraph's ID.
func (m *Meeting) InsertAfterEdit(refID string, k ParagraphKind) (Edit, string, error) {
	var ref *Paragraph
	lo, hi := "", ""
	at := len(m.Paragraphs)
	if refID != "" {
		r, err := m.paragraph(refID)
		if err != nil {
			return Edit{}, "", err
		}
		ref = m.baseOf(r)
		heads := m.heads()
		i := slices.Index(heads, ref)
		mem := m.members(heads[i:subtreeEnd(heads, i)])
		last := mem[len(mem)-1]
		lo, hi = m.gapAfter(last)
		at = slices.Index(m.Paragraphs, last) + 1
	} else if n := len(m.Paragraphs); n > 0 {
		lo = m.Paragraphs[n-1].Pos
		ref = m.baseOf(m.Paragraphs[n-1])
	}
	p, err := m.newParagraph(ref, k)
	if err != nil {
		return Edit{}, "", err
	}
	return m.insertParagraph(p, lo, hi, at)
}

// InsertBeforeEdit inserts an empty paragraph of kind k right before the
// paragraph refID (before the paragraph an alternative belongs to), at
// its level; an empty refID inserts at the start. It returns the new
// paragraph's ID.
func (m *Meeting) InsertBeforeEdit(refID string, k ParagraphKind) (Edit, string, error) {
	var ref *Paragraph
	lo, hi := "", ""
	at := 0
	if refID != "" {
		r, err := m.paragraph(refID)
		if err != nil {
			return Edit{}, "", err
		}
		ref = m.baseOf(r)
		lo, hi = m.gapBefore(ref)
		at = slices.Index(m.Paragraphs, ref)
	} else if len(m.Paragraphs) > 0 {
		hi = m.Paragraphs[0].Pos
		ref = m.baseOf(m.Paragraphs[0])
	}
	p, err := m.newParagraph(ref, k)
	if err != nil {
		return Edit{}, "", err
	}
	return m.insertParagraph(p, lo, hi, at)
}

// DeleteParagraphEdit deletes a paragraph with its alternative wordings.
// Deleting an alternative withdraws only it; when it was the last one and
// nothing else is open, its paragraph goes back to proposed. Sub-paragraphs
// of a deleted paragraph stay, under the paragraph before.
func (m *Meeting) DeleteParagraphEdit(paraID string) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	ops, err := m.DeleteOps(KindParagraph, p.ID)
	if err != nil {
		return Edit{}, err
	}
	label := "Delete paragraph"
	if p.AltOf != "" {
		label = "Withdraw alternative wording"
		if base := m.ParagraphByID(p.AltOf); base != nil {
			if s := stateFor(base, base.Text, len(Alternatives(m)[base.ID])-1); s != base.State {
				ops = append(ops, Set(KindParagraph, base.ID, "state", s))
			}
		}
	}
	return Edit{Label: label, Ops: ops}, nil
}

// MoveParagraphEdit moves a paragraph one place up (delta < 0) or down
// (delta > 0) among its siblings, taking its alternatives and
// sub-paragraphs with it: paragraph 6 with (a) to (d) swaps with paragraph
// 5; (b) swaps with (a) but never leaves its paragraph; a paragraph moves
// past a heading into the next or previous section. The edit has no ops
// when the paragraph cannot move that way.
func (m *Meeting) MoveParagraphEdit(paraID string, delta int) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	e := Edit{Label: "Move paragraph"}
	if delta == 0 {
		return e, nil
	}
	p = m.baseOf(p)
	heads := m.heads()
	i := slices.Index(heads, p)
	j := subtreeEnd(heads, i)
	level := effLevel(p)
	moved := m.members(heads[i:j])
	var lo, hi string
	var order func() []*Paragraph
	if delta < 0 {
		k := i - 1
		for k >= 0 && effLevel(heads[k]) > level {
			k--
		}
		if k < 0 || effLevel(heads[k]) < level {
			return e, nil
		}
		lo, hi = m.gapBefore(m.members(heads[k : k+1])[0])
		prev := heads[k]
		order = func() []*Paragraph { return m.reorder(moved, prev, true) }
	} else {
		if j >= len(heads) || effLevel(heads[j]) < level {
			return e, nil
		}
		next := m.members(heads[j:subtreeEnd(heads, j)])
		lo, hi = m.gapAfter(next[len(next)-1])
		last := next[len(next)-1]
		order = func() []*Paragraph { return m.reorder(moved, last, false) }
	}
	e.Ops = m.placeOps(moved, lo, hi, order)
	return e, nil
}

// reorder returns the paragraphs with moved taken out and put back before
// (or after) the anchor.
func (m *Meeting) reorder(moved []*Paragraph, anchor *Paragraph, before bool) []*Paragraph {
	rest := slices.DeleteFunc(slices.Clone(m.Paragraphs), func(p *Paragraph) bool { return slices.Contains(moved, p) })
	i := slices.Index(rest, anchor)
	if !before {
		i++
	}
	return slices.Insert(rest, i, moved...)
}

// IndentEdit makes a paragraph a sub-paragraph of the one above (delta
// > 0: 7 becomes 6(e), (b) becomes (a)(i)) or brings it back out (delta <
// 0), with its alternatives and its own sub-paragraphs. Headings do not
// indent; levels go from 0 (a paragraph) to 2 ((i)).
func (m *Meeting) IndentEdit(paraID string, delta int) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	p = m.baseOf(p)
	label := "Indent paragraph"
	if delta < 0 {
		label, delta = "Outdent paragraph", -1
	} else if delta > 0 {
		delta = 1
	} else {
		return Edit{Label: label}, nil
	}
	if p.Kind == ParaHeading {
		return Edit{}, fmt.Errorf("%w: %s is a heading: headings are not indented", ErrRule, m.paraName(p))
	}
	heads := m.heads()
	i := slices.Index(heads, p)
	tree := heads[i:subtreeEnd(heads, i)]
	if delta < 0 && p.Level == 0 {
		return Edit{}, fmt.Errorf("%w: %s is not a sub-paragraph", ErrRule, m.paraName(p))
	}
	if delta > 0 {
		if i == 0 || heads[i-1].Kind == ParaHeading || effLevel(heads[i-1]) < p.Level {
			return Edit{}, fmt.Errorf("%w: %s has no paragraph above it to become a sub-paragraph of", ErrRule, m.paraName(p))
		}
		for _, q := range tree {
			if q.Level+1 > 2 {
				return Edit{}, fmt.Errorf("%w: %s cannot be indented: sub-paragraphs go two deep, (a) then (i)", ErrRule, m.paraName(p))
			}
		}
	}
	var ops []Op
	for _, q := range m.members(tree) {
		ops = append(ops, Set(KindParagraph, q.ID, "level", q.Level+delta))
	}
	return Edit{Label: label, Ops: ops}, nil
}

// ---- Open items ----

// OpenFilter is the "only what is still open" view of the statement.
type OpenFilter struct {
	// Open holds the paragraphs still open: not agreed (proposed,
	// bracketed, ad ref), with open brackets, with alternative wordings,
	// or an alternative wording. Headings are open only when bracketed.
	Open map[string]bool
	// Context holds the paragraphs shown only to place the open ones: the
	// heading of their section and the paragraphs they are sub-paragraphs of.
	Context map[string]bool
}

// Shows reports whether the filtered view shows the paragraph.
func (f OpenFilter) Shows(id string) bool { return f.Open[id] || f.Context[id] }

// StillOpen returns the filter of paragraphs still open.
func (m *Meeting) StillOpen() OpenFilter {
	f := OpenFilter{Open: map[string]bool{}, Context: map[string]bool{}}
	alts := Alternatives(m)
	for _, p := range m.Paragraphs {
		open := p.Text.OpenBrackets() > 0 || p.AltOf != "" || len(alts[p.ID]) > 0
		if p.Kind != ParaHeading && p.State != StateAgreed {
			open = true
		}
		if open {
			f.Open[p.ID] = true
		}
	}
	heading := ""
	var parents [3]string
	for _, p := range m.Paragraphs {
		if p.AltOf != "" {
			if f.Open[p.ID] && !f.Open[p.AltOf] {
				f.Context[p.AltOf] = true
			}
			continue
		}
		if p.Kind == ParaHeading {
			heading, parents = p.ID, [3]string{}
			continue
		}
		if p.Level >= 0 && p.Level <= 2 {
			parents[p.Level] = p.ID
			for l := p.Level + 1; l <= 2; l++ {
				parents[l] = ""
			}
		}
		if !f.Open[p.ID] {
			continue
		}
		if heading != "" {
			f.Context[heading] = true
		}
		for l := 0; l < p.Level && l <= 2; l++ {
			if parents[l] != "" {
				f.Context[parents[l]] = true
			}
		}
	}
	for id := range f.Open {
		delete(f.Context, id)
	}
	return f
}

// OpenBracketsBySide counts the open brackets of the statement per
// proposing side ID ("" for brackets with no side recorded), for the
// status line.
func (m *Meeting) OpenBracketsBySide() map[string]int {
	out := map[string]int{}
	for _, p := range m.Paragraphs {
		for _, b := range p.Text.Brackets() {
			out[b.Side]++
		}
	}
	return out
}

// ---- Drafts ----

// DraftByNumber returns the draft (version) with the number, or nil.
func (m *Meeting) DraftByNumber(n int) *Version {
	for _, v := range m.Versions {
		if v.Number == n {
			return v
		}
	}
	return nil
}

// NextDraftNumber is the number the next saved draft takes: one more than
// the highest so far.
func (m *Meeting) NextDraftNumber() int {
	n := 0
	for _, v := range m.Versions {
		n = max(n, v.Number)
	}
	return n + 1
}

// SnapshotParagraphs returns the statement's paragraphs as a draft keeps
// them, in order, without revision data.
func (m *Meeting) SnapshotParagraphs() []Paragraph {
	out := make([]Paragraph, len(m.Paragraphs))
	for i, p := range m.Paragraphs {
		out[i] = p.Snapshot()
	}
	return out
}

// SaveDraftEdit saves the statement as it stands as the next numbered
// draft: label ("Australian comments"), date (YYYY-MM-DD, may be empty),
// direction (sent to, received from, or internal; empty means internal)
// and the side it went to or came from. The draft takes the number
// NextDraftNumber gives before the edit is applied.
func (m *Meeting) SaveDraftEdit(label, date string, dir Direction, side string) (Edit, error) {
	if dir == "" {
		dir = DirInternal
	}
	if !slices.Contains(Directions, dir) {
		return Edit{}, fmt.Errorf("unknown direction %q (use sent, received or internal)", dir)
	}
	if date != "" {
		if _, err := time.Parse("2006-01-02", date); err != nil {
			return Edit{}, fmt.Errorf("draft date %q: want YYYY-MM-DD, such as 2016-07-22", date)
		}
	}
	if err := m.checkSide(side); err != nil {
		return Edit{}, err
	}
	v := &Version{Rec: Rec{ID: NewID()}, Number: m.NextDraftNumber(), Label: strings.TrimSpace(label), Date: date,
		Direction: dir, Side: side, Title: m.Statement.Title, Paragraphs: m.SnapshotParagraphs()}
	return Edit{Label: fmt.Sprintf("Save draft %d", v.Number), Ops: []Op{Add(v)}}, nil
}

// ---- Signatories ----

// AddSignatoryEdit adds a signatory (a column of the signature block) for
// a side, after that side's others. It returns the new signatory's ID.
// The columns' order across sides follows the perspective
// (Perspective.Signatories).
func (m *Meeting) AddSignatoryEdit(side, name, title string) (Edit, string, error) {
	if side == "" || m.SideByID(side) == nil {
		return Edit{}, "", fmt.Errorf("a signatory signs for a side: choose one of the meeting's sides (got %q)", side)
	}
	s := &Signatory{Rec: Rec{ID: NewID()}, Side: side, Pos: m.PosAfterLast(KindSignatory, side),
		Name: strings.TrimSpace(name), Title: strings.TrimSpace(title)}
	return Edit{Label: "Add signatory", Ops: []Op{Add(s)}}, s.ID, nil
}

func (m *Meeting) signatory(id string) (*Signatory, error) {
	for _, s := range m.Signatories {
		if s.ID == id {
			return s, nil
		}
	}
	return nil, fmt.Errorf("no signatory with ID %q: it may have been deleted", id)
}

// SetSignatoryEdit sets a signatory's name and title.
func (m *Meeting) SetSignatoryEdit(id, name, title string) (Edit, error) {
	s, err := m.signatory(id)
	if err != nil {
		return Edit{}, err
	}
	return Edit{Label: "Edit signatory", Ops: []Op{
		Set(KindSignatory, s.ID, "name", strings.TrimSpace(name)),
		Set(KindSignatory, s.ID, "title", strings.TrimSpace(title)),
	}}, nil
}

// MoveSignatoryEdit moves a signatory up (delta < 0) or down among its
// side's signatories. The edit has no ops when it cannot move.
func (m *Meeting) MoveSignatoryEdit(id string, delta int) (Edit, error) {
	s, err := m.signatory(id)
	if err != nil {
		return Edit{}, err
	}
	return Edit{Label: "Move signatory", Ops: m.MoveOps(s, delta)}, nil
}

// DeleteSignatoryEdit deletes a signatory.
func (m *Meeting) DeleteSignatoryEdit(id string) (Edit, error) {
	s, err := m.signatory(id)
	if err != nil {
		return Edit{}, err
	}
	return Edit{Label: "Delete signatory", Ops: []Op{Remove(KindSignatory, s.ID)}}, nil
}

// ---- Agreed language ----

// SetAgreedLanguageEdit marks (or unmarks) a paragraph as agreed language:
// text that later statements may reuse.
func (m *Meeting) SetAgreedLanguageEdit(paraID string, on bool) (Edit, error) {
	p, err := m.paragraph(paraID)
	if err != nil {
		return Edit{}, err
	}
	label := "Mark as agreed language"
	if !on {
		label = "Unmark agreed language"
	}
	return Edit{Label: label, Ops: []Op{Set(KindParagraph, p.ID, "agreedLanguage", on)}}, nil
}

// InsertAgreedLanguageEdit inserts agreed language found in an earlier
// statement (src, its Source recorded) as a new paragraph after afterID
// (at the end when empty). The new paragraph has src's lead-in and text
// (without brackets), is marked agreed language, proposed by our side,
// and starts proposed: agreed before is not agreed in this negotiation.
func (m *Meeting) InsertAgreedLanguageEdit(afterID string, src Paragraph, source Source) (Edit, string, error) {
	e, id, err := m.InsertAfterEdit(afterID, src.Kind)
	if err != nil {
		return Edit{}, "", err
	}
	for i, op := range e.Ops {
		if op.Op == OpAdd && op.ID == id {
			p := op.Record.(*Paragraph)
			p.LeadIn = src.LeadIn
			p.Text = PlainSpans(src.Text.Plain())
			p.AgreedLanguage = true
			s := source
			p.Source = &s
			e.Ops[i] = Add(p)
		}
	}
	e.Label = "Insert agreed language"
	return e, id, nil
}
