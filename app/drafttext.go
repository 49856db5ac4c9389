package app

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Drafts as text. A draft arrives pasted from an email or a word
// processor, and goes out the same way. The convention, read by ParseDraft
// and written by FormatStatement (so that one reads what the other
// writes, unchanged):
//
//	Japan-Australia Strategic Cyber Partnership     the title: the first line, when short and unnumbered
//	                                                 (or a Markdown "# Title" line)
//	Recognising the ...,                             preambular paragraphs: unnumbered, a blank line around each
//
//	1. To play a leading role ...                    numbered paragraphs: "1." or "1)"; the numbers written are
//	2. The Participants will ...                     checked, never kept: Parley numbers paragraphs itself
//
//	Scope                                            a heading: a short unnumbered line without a full stop
//	                                                 (or "## Scope", or "**Scope**" alone)
//	3. The Participants [will]JP ... (ad ref)        [square brackets]: text not agreed, proposed by the side
//	                                                 whose code follows the bracket, else by the importing
//	                                                 side; "(ad ref)" at the end: agreed ad ref
//	3 bis. [The Participants ...]                    an alternative wording of paragraph 3 (bis, ter, quater...),
//	                                                 after 3's sub-paragraphs; the brackets round it are its own
//	 - a. **Harden cyber defences** by ...           sub-paragraphs "a.", "a)", "(a)", "- a.", with an optional
//	   - i. ...                                      **bold lead-in**; under them "i.", "(i)"...
//
// A line that does not start a paragraph continues the one above it (text
// wrapped by an email program); a blank line ends a paragraph. Whatever
// ParseDraft does not understand cleanly it still imports as far as it
// goes, in the order written, and reports with the line number: nothing is
// dropped or reordered silently.

// DraftProblem is a line of a draft that was not understood cleanly.
type DraftProblem struct {
	// Line is the 1-based line number in the draft.
	Line int
	// Where, when set, says where the problem is in a draft that has no
	// lines of its own (a Word document): "paragraph 6(a) ("Harden cyber…")".
	Where string
	What  string
}

// String formats the problem as "line 12: what", or "where: what".
func (p DraftProblem) String() string {
	if p.Where != "" {
		return p.Where + ": " + p.What
	}
	return "line " + strconv.Itoa(p.Line) + ": " + p.What
}

// ParsedDraft is a draft read from text.
type ParsedDraft struct {
	// Title is the statement's title, when the draft has one.
	Title string
	// Paragraphs are the paragraphs in the order written, with fresh IDs
	// and positions, alternatives pointing at their paragraph (AltOf).
	Paragraphs []*Paragraph
	// Lines holds the line each paragraph starts on, by paragraph ID.
	Lines map[string]int
	// Problems lists, in line order, every line not understood cleanly.
	Problems []DraftProblem
	// Notes lists what a reader left out on purpose (a Word draft's
	// signature block): for the user's information, not problems.
	Notes []DraftProblem
}

// labelKind is what a paragraph label is.
type labelKind int

const (
	labelNone labelKind = iota
	labelNumber
	labelAlpha
	labelBullet
)

// label is the number or letter a line starts with.
type label struct {
	kind   labelKind
	core   string // "5", "a", "iv"
	suffix string // "bis", "ter"
	rest   string // the text after the label
}

// maxHeadingWords and maxHeadingRunes bound a line read as a heading;
// maxTitleRunes a first line read as the title.
const (
	maxHeadingWords = 12
	maxHeadingRunes = 100
	maxTitleRunes   = 200
)

// parseLabel reads the label a line starts with, if any.
func parseLabel(line string) label {
	s := strings.TrimLeft(line, " \t\u3000")
	bullet := false
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') && !strings.HasPrefix(s, "**") {
		s = strings.TrimLeft(s[2:], " \t")
		bullet = true
	}
	l, ok := parseCore(s)
	if ok {
		return l
	}
	if bullet {
		return label{kind: labelBullet, rest: s}
	}
	return label{}
}

func parseCore(s string) (label, bool) {
	i := 0
	paren := strings.HasPrefix(s, "(")
	if paren {
		i = 1
	}
	j := i
	kind := labelNone
	switch {
	case j < len(s) && s[j] >= '0' && s[j] <= '9':
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		kind = labelNumber
	case j < len(s) && s[j] >= 'a' && s[j] <= 'z':
		for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		kind = labelAlpha
	}
	if kind == labelNone || j-i > 6 {
		return label{}, false
	}
	core := s[i:j]
	if kind == labelAlpha && letterIndex(core) == 0 && romanValue(core) == 0 {
		return label{}, false
	}
	suffix, k := suffixAt(s, j)
	punct := false
	if paren {
		if k >= len(s) || s[k] != ')' {
			return label{}, false
		}
		k++
		punct = true
		if suffix == "" {
			suffix, k = suffixAt(s, k) // "(a) bis"
		}
		if k < len(s) && s[k] == '.' {
			k++
		}
	} else if k < len(s) && (s[k] == '.' || s[k] == ')') {
		k++
		punct = true
	}
	if !punct && suffix == "" {
		return label{}, false
	}
	if k < len(s) && s[k] != ' ' && s[k] != '\t' {
		return label{}, false
	}
	return label{kind: kind, core: core, suffix: suffix, rest: strings.TrimSpace(s[k:])}, true
}

// suffixAt reads an alternative's suffix (bis, ter...) at byte k, after
// optional spaces; it returns "" and k when there is none.
func suffixAt(s string, k int) (string, int) {
	t := strings.TrimLeft(s[k:], " ")
	for _, w := range latinTimes {
		if strings.HasPrefix(t, w) && (len(t) == len(w) || !isLetterByte(t[len(w)])) {
			return w, len(s) - len(t) + len(w)
		}
	}
	return "", k
}

func isLetterByte(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// letterIndex reads a letter label: a = 1 ... z = 26, aa = 27 (0 if not one).
func letterIndex(s string) int {
	if s == "" {
		return 0
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return 0
		}
	}
	if s[0] < 'a' || s[0] > 'z' {
		return 0
	}
	return int(s[0]-'a') + 1 + 26*(len(s)-1)
}

// romanValue reads a lower-case Roman numeral written the usual way (0 if not one).
func romanValue(s string) int {
	if s == "" {
		return 0
	}
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	if n <= 0 || roman(n) != s {
		return 0
	}
	return n
}

// block is a paragraph being read: its label and its lines.
type block struct {
	line  int
	label label
	text  strings.Builder
	// starts maps byte offsets in text to line numbers, for messages.
	starts []lineStart
}

type lineStart struct{ off, line int }

func (b *block) add(s string, line int) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if b.text.Len() > 0 {
		last, _ := utf8.DecodeLastRuneInString(b.text.String())
		first, _ := utf8.DecodeRuneInString(s)
		if !(unspaced(last) && unspaced(first)) {
			b.text.WriteByte(' ')
		}
	}
	b.starts = append(b.starts, lineStart{b.text.Len(), line})
	b.text.WriteString(s)
}

func (b *block) lineAt(off int) int {
	line := b.line
	for _, s := range b.starts {
		if s.off <= off {
			line = s.line
		}
	}
	return line
}

// draftReader holds the state of ParseDraft.
type draftReader struct {
	side        string
	codes       map[string]string
	out         *ParsedDraft
	seen        bool // a paragraph (not the title) has been read
	num         int  // last paragraph number written
	numOK       bool // an operative paragraph has been read
	letter, rom int
	lastLevel   int
	// written numbers and letters to paragraph IDs, for alternatives.
	byNum    map[string]*Paragraph
	altCount map[string]int
	parent   bool // a paragraph that sub-paragraphs can belong to is open
}

func (r *draftReader) problem(line int, format string, args ...any) {
	r.out.Problems = append(r.out.Problems, DraftProblem{Line: line, What: fmt.Sprintf(format, args...)})
}

// ParseDraft reads a draft written as plain text or Markdown (see the
// convention above). Brackets are recorded as proposed by side (a side ID,
// may be empty) and so are alternative wordings.
func ParseDraft(text, side string) *ParsedDraft { return ReadDraft(text, DraftOptions{Side: side}) }

// DraftOptions say how to read a draft.
type DraftOptions struct {
	// Side is the ID of the side that proposed the brackets and
	// alternatives the draft does not attribute (may be empty).
	Side string
	// Codes maps the side codes a draft may write after a bracket
	// ("[will]JP") to side IDs (Meeting.SideCodes).
	Codes map[string]string
}

// SideCodes maps each side's code, in capitals, to the side's ID: the
// codes a draft writes after a bracket.
func (m *Meeting) SideCodes() map[string]string {
	out := map[string]string{}
	for _, s := range m.Sides {
		if c := m.SideCode(s.ID); c != "" {
			if _, taken := out[c]; !taken {
				out[c] = s.ID
			}
		}
	}
	return out
}

// ReadDraft reads a draft written as plain text or Markdown (see the
// convention above) with the options.
func ReadDraft(text string, o DraftOptions) *ParsedDraft {
	r := &draftReader{side: o.Side, codes: o.Codes, out: &ParsedDraft{Lines: map[string]int{}}, byNum: map[string]*Paragraph{}, altCount: map[string]int{}}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var cur *block
	flush := func() {
		if cur != nil {
			r.paragraph(cur)
			cur = nil
		}
	}
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimRight(strings.TrimPrefix(raw, "\ufeff"), " \t\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "#") {
			level := len(t) - len(strings.TrimLeft(t, "#"))
			if h := strings.TrimSpace(t[level:]); level <= 6 && len(t) > level && (t[level] == ' ' || t[level] == '\t') {
				flush()
				if level == 1 && r.out.Title == "" && !r.seen {
					r.out.Title = h
				} else {
					r.heading(h, n)
				}
				continue
			}
		}
		if l := parseLabel(line); l.kind != labelNone {
			flush()
			cur = &block{line: n, label: l}
			cur.add(l.rest, n)
			continue
		}
		if cur == nil {
			cur = &block{line: n}
		}
		cur.add(line, n)
	}
	flush()
	// An alternative written before its paragraph's sub-paragraphs is
	// stored after them, where it is shown.
	r.out.Paragraphs = displayOrder(r.out.Paragraphs)
	keys := PosSequence(len(r.out.Paragraphs))
	for i, p := range r.out.Paragraphs {
		p.Pos = keys[i]
	}
	return r.out
}

func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:,!?。；：、！？", last)
}

func looksLikeHeading(s string) bool {
	return s != "" && len(strings.Fields(s)) <= maxHeadingWords && utf8.RuneCountInString(s) <= maxHeadingRunes &&
		!endsSentence(s) && !strings.ContainsAny(s, "[]")
}

func (r *draftReader) heading(text string, line int) {
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, "**") && strings.HasSuffix(text, "**") && len(text) > 4 {
		text = strings.TrimSpace(text[2 : len(text)-2])
	}
	p := &Paragraph{Rec: Rec{ID: NewID()}, Kind: ParaHeading, State: StateProposed, Text: PlainSpans(text)}
	r.add(p, line)
	r.parent = false
	r.letter, r.rom = 0, 0
	r.lastLevel = 0
}

func (r *draftReader) add(p *Paragraph, line int) {
	r.out.Paragraphs = append(r.out.Paragraphs, p)
	r.out.Lines[p.ID] = line
	r.seen = true
}

// paragraph turns a block into a paragraph.
func (r *draftReader) paragraph(b *block) {
	text := b.text.String()
	l := b.label
	if l.kind == labelNone {
		oneLine := len(b.starts) <= 1
		bold := strings.HasPrefix(text, "**") && strings.HasSuffix(text, "**") && strings.Count(text, "**") == 2 && len(text) > 4
		switch {
		case oneLine && !r.seen && r.out.Title == "" && utf8.RuneCountInString(text) <= maxTitleRunes && !endsSentence(text) && !strings.ContainsAny(text, "[]"):
			r.out.Title = strings.Trim(text, "* ")
			return
		case oneLine && (bold || looksLikeHeading(text)):
			r.heading(text, b.line)
			return
		}
	}
	p := &Paragraph{Rec: Rec{ID: NewID()}, Kind: ParaOperative, State: StateProposed}
	var base *Paragraph
	switch l.kind {
	case labelNone:
		p.Kind = ParaPreambular
		if r.numOK {
			r.problem(b.line, "unnumbered paragraph after numbered paragraph %d: imported as an unnumbered paragraph in its place; number it, or join it to the paragraph above", r.num)
		}
		r.parent = true
		r.letter, r.rom = 0, 0
	case labelNumber:
		n, _ := strconv.Atoi(l.core)
		if l.suffix != "" {
			base = r.alternative(l, b.line)
			break
		}
		if want := r.num + 1; n != want {
			r.problem(b.line, "paragraph numbered %d where %d was expected: imported in the order written (Parley numbers paragraphs itself)", n, want)
		}
		r.num, r.numOK = n, true
		r.byNum[l.core] = p
		r.parent = true
		r.letter, r.rom = 0, 0
	case labelAlpha, labelBullet:
		p.Level = r.subLevel(l, b.line)
		if l.suffix != "" {
			base = r.alternative(l, b.line)
			if base != nil {
				p.Level = base.Level
			}
			break
		}
		if p.Level == 1 {
			r.byNum[strconv.Itoa(r.num)+"("+l.core+")"] = p
		}
	}
	if base != nil {
		p.AltOf, p.Kind, p.Level = base.ID, base.Kind, base.Level
		if p.Side == "" {
			p.Side = r.side
		}
		base.State = StateBracketed
	} else if l.kind != labelNone {
		r.lastLevel = p.Level
	}
	cut := 0 // bytes taken off the end of the block's text
	if base != nil {
		text, cut = r.unwrapAlternative(p, text, cut)
	}
	text = r.leadIn(p, text, b)
	if base != nil && p.LeadIn != "" {
		text, cut = r.unwrapAlternative(p, text, cut)
	}
	off := b.text.Len() - cut - len(text) // text is what follows the lead-in
	if t, ok := cutAdRef(text); ok {
		text = t
		p.State = StateAdRef
	}
	p.Text = r.brackets(text, b, off)
	if p.Text.OpenBrackets() > 0 || p.AltOf != "" {
		if p.State == StateAdRef {
			r.problem(b.line, "marked ad ref but has open brackets: imported as bracketed")
		}
		p.State = StateBracketed
	}
	if p.Text.Plain() == "" && p.LeadIn == "" {
		r.problem(b.line, "the paragraph has no text: imported empty")
	}
	r.add(p, b.line)
}

// subLevel decides whether a letter label is a sub-paragraph (a) or a
// sub-sub-paragraph (i), and checks its sequence.
func (r *draftReader) subLevel(l label, line int) int {
	if l.kind == labelBullet {
		if !r.parent {
			r.problem(line, "bullet with no paragraph above it to belong to: imported as a sub-paragraph")
		} else {
			r.problem(line, "bullet without a letter: imported as sub-paragraph (%s)", letters(r.letter+1))
		}
		r.letter++
		r.rom = 0
		return 1
	}
	li, ro := letterIndex(l.core), romanValue(l.core)
	if l.suffix != "" {
		if ro > 0 && r.lastLevel == 2 && li != r.letter {
			return 2
		}
		return 1
	}
	expectLetter := li > 0 && li == r.letter+1
	expectRoman := ro > 0 && r.letter >= 1 && ro == r.rom+1
	level := 1
	switch {
	case expectLetter && expectRoman:
		if r.lastLevel == 2 {
			level = 2
		}
	case expectLetter:
	case expectRoman:
		level = 2
	case li > 0:
		r.problem(line, "sub-paragraph (%s) where (%s) was expected: imported in the order written (Parley letters sub-paragraphs itself)", l.core, letters(r.letter+1))
	default:
		level = 2
		if r.letter == 0 {
			r.problem(line, "sub-paragraph (%s) with no lettered sub-paragraph above it: imported as (i) level", l.core)
		} else {
			r.problem(line, "sub-paragraph (%s) where (%s) was expected: imported in the order written", l.core, roman(r.rom+1))
		}
	}
	if !r.parent {
		r.problem(line, "sub-paragraph (%s) with no paragraph above it to belong to: imported as a sub-paragraph", l.core)
	}
	if level == 1 {
		r.letter++
		if li > 0 {
			r.letter = li
		}
		r.rom = 0
	} else {
		r.rom++
		if ro > 0 {
			r.rom = ro
		}
	}
	return level
}

// alternative finds the paragraph "3 bis" is an alternative of.
func (r *draftReader) alternative(l label, line int) *Paragraph {
	key := l.core
	if l.kind == labelAlpha {
		key = strconv.Itoa(r.num) + "(" + l.core + ")"
	}
	base := r.byNum[key]
	name := l.core + " " + l.suffix
	if base == nil {
		r.problem(line, "%s: there is no paragraph %s before it to be an alternative of: imported as an ordinary paragraph", name, l.core)
		return nil
	}
	r.altCount[base.ID]++
	if want := AltSuffix(r.altCount[base.ID]); want != l.suffix {
		r.problem(line, "%s where %s %s was expected: imported as the next alternative of %s", name, l.core, want, l.core)
	}
	return base
}

// leadIn takes a **bold lead-in** off the start of the text.
func (r *draftReader) leadIn(p *Paragraph, text string, b *block) string {
	from := 0
	if strings.HasPrefix(text, "**") {
		end := strings.Index(text[2:], "**")
		if end < 0 {
			r.problem(b.line, "a bold lead-in opened with ** is not closed: kept as text")
			from = 2
		} else {
			p.LeadIn = strings.TrimSpace(text[2 : 2+end])
			text = strings.TrimLeft(text[2+end+2:], " ")
			if p.Kind == ParaHeading {
				r.problem(b.line, "a heading has no lead-in")
			}
		}
	}
	if k := strings.Index(text[from:], "**"); k >= 0 {
		r.problem(b.lineAt(b.text.Len()-len(text)+from+k), "bold marks (**) inside the text: only a bold lead-in at the start of a paragraph is kept as such; the marks are kept as text")
	}
	return text
}

// unwrapAlternative takes off the brackets that enclose the whole of an
// alternative wording ("3 bis. [Within the Dialogue, ...]JP"): they are
// the alternative's own, not a bracket in its text, and a side code after
// them names the side that proposed the alternative. Brackets inside
// stay. cut counts the bytes taken off the end so far; it returns the new
// count.
func (r *draftReader) unwrapAlternative(p *Paragraph, text string, cut int) (string, int) {
	if !strings.HasPrefix(text, "[") {
		return text, cut
	}
	depth := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			side, n := r.codeAt(text[i+1:])
			if i+1+n != len(text) {
				return text, cut // "[a] and [b]": two brackets, not one round the whole
			}
			if side != "" {
				p.Side = side
			}
			inner := strings.TrimLeft(text[1:i], " ")
			trimmed := strings.TrimRight(inner, " ")
			return trimmed, cut + 1 + n + len(inner) - len(trimmed)
		}
	}
	return text, cut
}

// codeAt reads a side code at the start of s (the capitals and digits
// right after a closing bracket, "]JP"): the side's ID and the code's
// length in bytes, or "" and 0 when s does not start with a code of the
// meeting.
func (r *draftReader) codeAt(s string) (string, int) {
	n := 0
	for n < len(s) && ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' && s[n] <= '9')) {
		n++
	}
	if id, ok := r.codes[s[:n]]; ok && n > 0 {
		return id, n
	}
	return "", 0
}

// cutAdRef removes an "(ad ref)" mark at the end of the text.
func cutAdRef(text string) (string, bool) {
	for _, mark := range []string{"(ad ref)", "[ad ref]"} {
		if len(text) >= len(mark) && strings.EqualFold(text[len(text)-len(mark):], mark) {
			return strings.TrimRight(text[:len(text)-len(mark)], " "), true
		}
	}
	return text, false
}

// brackets reads [square brackets] into bracketed spans, reporting a
// bracket left open, a ] that closes nothing and nested brackets.
//
// base is the text's byte offset in the block, for line numbers.
func (r *draftReader) brackets(text string, b *block, base int) Spans {
	var out Spans
	var cur strings.Builder // text of the span being read, when it has gaps
	depth, openedAt := 0, 0
	id, side := "", r.side
	emit := func() {
		if cur.Len() == 0 {
			return
		}
		sp := Span{T: cur.String()}
		if depth > 0 {
			sp.Bracket, sp.Side = id, side
		}
		out = append(out, sp)
		cur.Reset()
	}
	last := 0 // start of the text not yet copied
	for i := 0; i < len(text); i++ {
		k := strings.IndexAny(text[i:], "[]")
		if k < 0 {
			break
		}
		i += k
		c := text[i]
		cur.WriteString(text[last:i])
		last = i + 1
		switch {
		case c == '[' && depth > 0:
			r.problem(b.lineAt(base+i), "bracket opened inside the bracket opened on line %d: nested brackets are imported as one bracket", b.lineAt(base+openedAt))
			depth++
		case c == '[':
			emit()
			depth, openedAt, id, side = 1, i, NewID(), r.side
		case depth == 0:
			r.problem(b.lineAt(base+i), "] closes no bracket: kept as text")
			cur.WriteByte(c)
		case depth > 1:
			depth--
		default:
			if cur.Len() == 0 {
				r.problem(b.lineAt(base+i), "empty brackets []: ignored")
			}
			if s, n := r.codeAt(text[i+1:]); s != "" {
				side = s
				i += n
				last = i + 1
			}
			emit()
			depth = 0
		}
	}
	cur.WriteString(text[last:])
	if depth > 0 {
		r.problem(b.lineAt(base+openedAt), "the bracket opened here is not closed: it runs to the end of the paragraph")
	}
	emit()
	return compact(out)
}

// ---- writing ----

// FormatStatement writes a statement as numbered plain text in the draft
// convention ParseDraft reads: title, paragraphs with their computed
// numbers, headings, sub-paragraphs, **lead-ins**, [brackets], alternatives
// as "5 bis" after their paragraph and "(ad ref)" marks. Brackets carry no
// side code (see Meeting.FormatStatement).
func FormatStatement(title string, ps []*Paragraph) string { return formatStatement(title, ps, nil) }

// FormatStatement writes paragraphs of the meeting's statement (or of one
// of its drafts) like FormatStatement, with the code of the proposing side
// after each bracket and alternative ("[will]JP"), as ReadDraft reads with
// the meeting's SideCodes.
func (m *Meeting) FormatStatement(title string, ps []*Paragraph) string {
	return formatStatement(title, ps, m.SideCode)
}

// SideCode is the code of the side with the ID in capitals, as printed
// after a bracket, or "" (no side, or a side without a code).
func (m *Meeting) SideCode(id string) string {
	if s := m.SideByID(id); s != nil {
		return strings.ToUpper(strings.TrimSpace(s.Code))
	}
	return ""
}

func formatStatement(title string, ps []*Paragraph, code func(string) string) string {
	nums := NumberParagraphs(ps)
	var b strings.Builder
	blank := true // a blank line was just written (or nothing yet)
	sep := func() {
		if !blank {
			b.WriteByte('\n')
			blank = true
		}
	}
	if title != "" {
		if utf8.RuneCountInString(title) > maxTitleRunes || endsSentence(title) || strings.ContainsAny(title, "[]") {
			b.WriteString("# ")
		}
		b.WriteString(title + "\n")
		blank = false
		sep()
	}
	first := true
	for _, p := range displayOrder(ps) {
		switch {
		case p.Kind == ParaHeading:
			sep()
			t := p.Text.Plain()
			if !looksLikeHeading(t) || (first && title == "") {
				t = "## " + t
			}
			b.WriteString(t + "\n")
			blank = false
			sep()
		case nums.Label[p.ID] == "" && p.Level == 0:
			sep()
			b.WriteString(paraBody(p, code) + "\n")
			blank = false
			sep()
		default:
			b.WriteString(draftLabel(p, nums.Label[p.ID]) + paraBody(p, code) + "\n")
			blank = false
		}
		first = false
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// draftLabel writes a paragraph's label: "5. ", "5 bis. ", " - a. ",
// "   - ii. ".
func draftLabel(p *Paragraph, lab string) string {
	if lab == "" {
		return strings.Repeat("  ", p.Level) + "- "
	}
	core := strings.NewReplacer("(", "", ")", "").Replace(lab)
	switch p.Level {
	case 0:
		return core + ". "
	case 1:
		return " - " + core + ". "
	}
	return "   - " + core + ". "
}

// paraBody writes a paragraph's **lead-in** and text with its brackets
// (tagged with code, when not nil); an alternative wording is bracketed as
// a whole.
func paraBody(p *Paragraph, code func(string) string) string {
	var s string
	text := p.Text.Tagged(code)
	if p.LeadIn != "" {
		s = "**" + p.LeadIn + "**" + LeadInGap(text)
	}
	s = strings.TrimRight(s+text, " ")
	if p.AltOf != "" && s != "" {
		s = "[" + s + "]"
		if code != nil {
			s += code(p.Side)
		}
	}
	if p.State == StateAdRef {
		s += " (ad ref)"
	}
	return s
}

// LeadInGap is what stands between a bold lead-in and the paragraph's
// text: a space, or nothing when the text starts with punctuation that
// follows a word directly ("**Enhance collaboration ...**, recognising
// that ...", "**Satellite communications**.").
func LeadInGap(text string) string {
	r, _ := utf8.DecodeRuneInString(text)
	if text == "" || NoSpaceBefore(r) {
		return ""
	}
	return " "
}

// NoSpaceBefore reports whether r follows the word before it without a
// space: , . ; : ! ? ) ] } closing quotes, the ellipsis, and the
// characters of scripts written without spaces (Chinese, Japanese).
func NoSpaceBefore(r rune) bool {
	return strings.ContainsRune(",.;:!?)]}’”»…%", r) || unspaced(r)
}

// displayOrder returns the paragraphs in order with each paragraph's
// alternatives (wherever they are in the list) after the whole paragraph
// they replace: after its sub-paragraphs, before the next paragraph of its
// level. An alternative whose paragraph is missing stays where it is.
func displayOrder(ps []*Paragraph) []*Paragraph {
	alts := map[string][]*Paragraph{}
	ids := map[string]bool{}
	for _, p := range ps {
		ids[p.ID] = true
	}
	for _, p := range ps {
		if p.AltOf != "" && ids[p.AltOf] {
			alts[p.AltOf] = append(alts[p.AltOf], p)
		}
	}
	out := make([]*Paragraph, 0, len(ps))
	var open []*Paragraph // the paragraphs whose sub-paragraphs may follow
	closeTo := func(level int) {
		for len(open) > 0 && effLevel(open[len(open)-1]) >= level {
			out = append(out, alts[open[len(open)-1].ID]...)
			open = open[:len(open)-1]
		}
	}
	for _, p := range ps {
		if p.AltOf != "" && ids[p.AltOf] {
			continue
		}
		closeTo(effLevel(p))
		out = append(out, p)
		if p.AltOf == "" {
			open = append(open, p)
		}
	}
	closeTo(-1)
	return out
}

// DisplayOrder returns the statement's paragraphs as they are shown and
// printed: in order, each paragraph's alternative wordings after the
// paragraph and its sub-paragraphs.
func (m *Meeting) DisplayOrder() []*Paragraph { return displayOrder(m.Paragraphs) }

// StatementText prints the statement in the draft convention, brackets
// tagged with the proposing side's code.
func (m *Meeting) StatementText() string { return m.FormatStatement(m.Statement.Title, m.Paragraphs) }

// DraftText prints a draft of the statement like StatementText.
func (m *Meeting) DraftText(v *Version) string { return m.FormatStatement(v.Title, v.ParagraphPtrs()) }

// ReadDraft reads a draft of the meeting's statement (see ReadDraft):
// side codes after brackets name the meeting's sides; other brackets are
// proposed by side.
func (m *Meeting) ReadDraft(text, side string) *ParsedDraft {
	return ReadDraft(text, DraftOptions{Side: side, Codes: m.SideCodes()})
}

// ---- importing ----

// ImportDraftEdit puts a parsed draft in the statement. The statement must
// be empty unless replace is set; then the draft replaces every paragraph.
// A paragraph of the draft with the same text as one of the statement's,
// or else the same number and kind, keeps that paragraph's ID (so redlines
// and merges follow it) and, when the text is the same, its brackets'
// sides and its state; everything else comes from the draft. The draft's
// title, when it has one, becomes the statement's.
func (m *Meeting) ImportDraftEdit(d *ParsedDraft, replace bool) (Edit, error) {
	if len(m.Paragraphs) > 0 && !replace {
		return Edit{}, fmt.Errorf("%w: the statement already has %d paragraphs: replace them, or import into an empty statement", ErrRule, len(m.Paragraphs))
	}
	oldNums := m.Numbers()
	newNums := NumberParagraphs(d.Paragraphs)
	reuse := map[string]*Paragraph{} // new ID -> old paragraph
	taken := map[string]bool{}
	byKey := map[string][]*Paragraph{}
	byRef := map[string]*Paragraph{}
	for _, o := range m.Paragraphs {
		byKey[paraKey(o)] = append(byKey[paraKey(o)], o)
		byRef[string(o.Kind)+"\x00"+oldNums.Ref[o.ID]] = o
	}
	for _, p := range d.Paragraphs {
		for _, o := range byKey[paraKey(p)] {
			if !taken[o.ID] {
				reuse[p.ID], taken[o.ID] = o, true
				break
			}
		}
	}
	for _, p := range d.Paragraphs {
		if reuse[p.ID] != nil {
			continue
		}
		if o := byRef[string(p.Kind)+"\x00"+newNums.Ref[p.ID]]; o != nil && !taken[o.ID] {
			reuse[p.ID], taken[o.ID] = o, true
		}
	}
	idOf := func(id string) string {
		if o := reuse[id]; o != nil {
			return o.ID
		}
		return id
	}
	var ops []Op
	for _, o := range m.Paragraphs {
		if !taken[o.ID] {
			ops = append(ops, Remove(KindParagraph, o.ID))
		}
	}
	for _, p := range d.Paragraphs {
		np := *p
		np.AltOf = ""
		if p.AltOf != "" {
			np.AltOf = idOf(p.AltOf)
		}
		o := reuse[p.ID]
		if o == nil {
			ops = append(ops, Add(&np))
			continue
		}
		if paraKey(o) == paraKey(p) {
			np.Text = o.Text
			if np.State != StateAdRef && np.State != StateBracketed {
				np.State = o.State
			}
		} else if t, err := RemapBracketed(o.Text, p.Text.Bracketed(), firstSide(p.Text)); err == nil {
			np.Text = t
		}
		if np.Side == "" {
			np.Side = o.Side
		}
		set := func(field string, old, new any) {
			if !FieldEqual(old, new) {
				ops = append(ops, Set(KindParagraph, o.ID, field, new))
			}
		}
		set("pos", o.Pos, np.Pos)
		set("kind", o.Kind, np.Kind)
		set("level", o.Level, np.Level)
		set("altOf", o.AltOf, np.AltOf)
		set("side", o.Side, np.Side)
		set("leadIn", o.LeadIn, np.LeadIn)
		set("text", o.Text, np.Text)
		set("state", o.State, np.State)
	}
	if d.Title != "" && d.Title != m.Statement.Title {
		ops = append(ops, Set(KindStatement, m.Statement.ID, "title", d.Title))
	}
	return Edit{Label: "Import draft", Ops: ops}, nil
}

func firstSide(s Spans) string {
	for _, sp := range s {
		if sp.Side != "" {
			return sp.Side
		}
	}
	return ""
}
