package app

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The less-than-treaty lint. A joint statement, an MoU or a joint press
// release records political commitments, not legal obligations, and avoids
// the words of a treaty. The lint flags them in the statement's title,
// headings, lead-ins and text, with a suggestion.
//
// The word list is data: DefaultTreatyWords, replaced by
// Statement.TreatyWords when that is set. An entry is a word or a phrase
// ("enter into force"), matched as whole words; an entry that starts with a
// capital letter ("Parties", "Article") matches only that spelling, so
// "third parties" and "a press article" pass; other entries match in any
// case.
//
// Some words are treaty language only in some uses, and the lint judges
// them by their neighbours (these rules apply whichever list is in use):
//   - "agree", "agrees": an undertaking in the present or future ("The
//     Participants agree to ...") is flagged.
//   - "agreed": past-tense narrative is a statement of fact and passes ("the
//     two sides agreed to share information", "have agreed to"), as do
//     "agreed language", "agreed minutes" and the like; flagged are the
//     operative forms "hereby agreed", "is/are/be agreed" and "agreed as
//     follows".
//   - "agreement": flagged when the text names itself so ("this agreement",
//     "the present Agreement"); an agreement elsewhere ("the Paris
//     Agreement", "reached agreement") passes.
//   - "binding": "non-binding", "not binding" and "not legally binding"
//     pass.
//   - "obligation(s)": obligations under something else ("obligations under
//     international law") pass.
//   - "Party": flagged after a determiner ("each Party", "the other
//     Party"), not in a name ("the Liberal Party").
//   - "Article": a reference to another instrument's article ("Article 51 of
//     the Charter") passes.

// defaultTreatyWords is the lint's own list; see DefaultTreatyWords.
var defaultTreatyWords = []TreatyWord{
	{Word: "shall", Suggestion: `"will"`},
	{Word: "Parties", Suggestion: `"Participants" (or "the two sides")`},
	{Word: "Party", Suggestion: `"Participant"`},
	{Word: "Article", Suggestion: `"paragraph"`},
	{Word: "Articles", Suggestion: `"paragraphs"`},
	{Word: "agree", Suggestion: `"decide", or "share the understanding that"`},
	{Word: "agrees", Suggestion: `"decides", or "shares the understanding that"`},
	{Word: "agreed", Suggestion: `"decided" or "shared understanding"`},
	{Word: "agreement", Suggestion: `"arrangement", or the document's own name ("this Joint Statement")`},
	{Word: "binding", Suggestion: `leave it out: the text is not legally binding`},
	{Word: "obligation", Suggestion: `"commitment"`},
	{Word: "obligations", Suggestion: `"commitments"`},
	{Word: "enter into force", Suggestion: `"come into effect"`},
	{Word: "enters into force", Suggestion: `"comes into effect"`},
	{Word: "entry into force", Suggestion: `"coming into effect"`},
}

// DefaultTreatyWords returns a copy of the lint's default word list, for
// the window to show and edit (an edited list goes in
// Statement.TreatyWords).
func DefaultTreatyWords() []TreatyWord { return slices.Clone(defaultTreatyWords) }

// TreatyWordList returns the word list in force: the statement's own when
// set, else the default.
func (s *Statement) TreatyWordList() []TreatyWord {
	if len(s.TreatyWords) > 0 {
		return s.TreatyWords
	}
	return defaultTreatyWords
}

// LintHit is one treaty word found.
type LintHit struct {
	// Field is the paragraph field: "text" or "leadIn" ("title" for the
	// statement's title).
	Field string
	// Start and End are rune offsets in the field's plain text.
	Start, End int
	// Found is the text as written; Word the list entry it matched.
	Found, Word string
	Suggestion  string
}

// Message says what was found and what to write instead.
func (h LintHit) Message(kind StatementKind) string {
	if kind == "" {
		kind = StatementJoint
	}
	msg := fmt.Sprintf("%q is treaty language, out of place in a %s", h.Found, kind)
	if h.Suggestion != "" {
		msg += "; suggestion: " + h.Suggestion
	}
	return msg
}

// lintWord is a word token with its rune offsets.
type lintWord struct {
	text       string
	start, end int
	// joined reports whether only white space separates the word from the
	// word before it.
	joined bool
}

// lintWords splits text into words as Tokenize does (letters and digits
// with inner apostrophes and hyphens; Chinese and Japanese one character a
// word), without keeping the tokens in between.
func lintWords(text string) []lintWord {
	out := make([]lintWord, 0, len(text)/6)
	pos := 0      // rune offset of byte i
	gapOK := true // only white space since the last word
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case asciiWordByte(r) || (r >= utf8.RuneSelf && isWordRune(r)):
			start, startPos := i, pos
			i += n
			pos++
			if r < utf8.RuneSelf || !unspaced(r) {
				for i < len(text) {
					r2, n2 := rune(text[i]), 1
					if r2 >= utf8.RuneSelf {
						r2, n2 = utf8.DecodeRuneInString(text[i:])
					}
					if asciiWordByte(r2) || (r2 >= utf8.RuneSelf && isWordRune(r2) && !unspaced(r2)) {
						i += n2
						pos++
						continue
					}
					if (r2 == '\'' || r2 == '’' || r2 == '-') && i+n2 < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[i+n2:])
						if asciiWordByte(r3) || (r3 >= utf8.RuneSelf && isWordRune(r3) && !unspaced(r3)) {
							i += n2
							pos++
							continue
						}
					}
					break
				}
			}
			out = append(out, lintWord{text: text[start:i], start: startPos, end: pos, joined: gapOK && len(out) > 0})
			gapOK = true
			continue
		case unicode.IsSpace(r):
		default:
			gapOK = false
		}
		i += n
		pos++
	}
	return out
}

func asciiWordByte(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
}

func wordMatches(entry, word string) bool {
	r, _ := utf8.DecodeRuneInString(entry)
	if unicode.IsUpper(r) {
		return entry == word
	}
	return strings.EqualFold(entry, word)
}

// LintText finds the listed treaty words in a text.
func LintText(text string, list []TreatyWord) []LintHit { return newLintIndex(list).find(text) }

// lintIndex holds a word list ready for searching: entries by their first
// word in lower case, so each word of a text is looked up once.
type lintIndex struct {
	list   []TreatyWord
	fields [][]string
	first  map[string][]int
}

func newLintIndex(list []TreatyWord) *lintIndex {
	ix := &lintIndex{list: list, fields: make([][]string, len(list)), first: make(map[string][]int, len(list))}
	for n, tw := range list {
		ix.fields[n] = strings.Fields(tw.Word)
		if len(ix.fields[n]) > 0 {
			k := strings.ToLower(ix.fields[n][0])
			ix.first[k] = append(ix.first[k], n)
		}
	}
	return ix
}

func (ix *lintIndex) find(text string) []LintHit {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	words := lintWords(text)
	var runes []rune
	var hits []LintHit
	for i := range words {
		cands := ix.first[strings.ToLower(words[i].text)]
	next:
		for _, n := range cands {
			ew := ix.fields[n]
			if i+len(ew) > len(words) {
				continue
			}
			for k, e := range ew {
				w := words[i+k]
				if !wordMatches(e, w.text) || (k > 0 && !w.joined) {
					continue next
				}
			}
			j := i + len(ew)
			if !treatyUse(strings.ToLower(ix.list[n].Word), words, i, j) {
				continue
			}
			if runes == nil {
				runes = []rune(text)
			}
			start, end := words[i].start, words[j-1].end
			hits = append(hits, LintHit{Start: start, End: end, Found: string(runes[start:end]), Word: ix.list[n].Word, Suggestion: ix.list[n].Suggestion})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].Start < hits[b].Start })
	return slices.CompactFunc(hits, func(a, b LintHit) bool { return a.Start == b.Start && a.End == b.End })
}

// treatyUse judges a word found at words[i:j] by its neighbours.
func treatyUse(entry string, words []lintWord, i, j int) bool {
	prev := func(k int) string {
		// the k-th word before, when joined to the found word by white space only
		at := i
		for n := 0; n < k; n++ {
			if at <= 0 || !words[at].joined {
				return ""
			}
			at--
		}
		return strings.ToLower(words[at].text)
	}
	next := func(k int) string {
		at := j - 1
		for n := 0; n < k; n++ {
			if at+1 >= len(words) || !words[at+1].joined {
				return ""
			}
			at++
		}
		return strings.ToLower(words[at].text)
	}
	switch entry {
	case "agreed":
		switch prev(1) {
		case "hereby", "is", "are", "be", "been", "being":
			return true
		}
		return next(1) == "as" && next(2) == "follows"
	case "agreement":
		switch prev(1) {
		case "this", "present", "hereby":
			return true
		}
		return false
	case "binding":
		p1, p2 := prev(1), prev(2)
		return !(p1 == "not" || p1 == "non" || (p1 == "legally" && (p2 == "not" || p2 == "non")))
	case "obligation", "obligations":
		return next(1) != "under"
	case "party":
		switch prev(1) {
		case "the", "each", "either", "a", "other", "one", "both", "any", "neither", "two", "another":
			return true
		}
		return false
	case "article", "articles":
		n1 := next(1)
		if n1 != "" && unicode.IsDigit([]rune(n1)[0]) && next(2) == "of" {
			return false
		}
		return true
	}
	return true
}

// LintParagraph finds the listed treaty words in a paragraph's lead-in
// and text.
func LintParagraph(p *Paragraph, list []TreatyWord) []LintHit {
	return newLintIndex(list).paragraph(p)
}

func (ix *lintIndex) paragraph(p *Paragraph) []LintHit {
	var out []LintHit
	for _, h := range ix.find(p.LeadIn) {
		h.Field = "leadIn"
		out = append(out, h)
	}
	for _, h := range ix.find(p.Text.Plain()) {
		h.Field = "text"
		out = append(out, h)
	}
	return out
}

// ParagraphLint returns the lint hits of one paragraph of the statement,
// for the window to show on it: none when the statement is not a
// less-than-treaty text (a chair's summary).
func (m *Meeting) ParagraphLint(p *Paragraph) []LintHit {
	if !m.Statement.Kind.LessThanTreaty() {
		return nil
	}
	return LintParagraph(p, m.Statement.TreatyWordList())
}

// Lint checks the statement's language against the less-than-treaty word
// list and returns a warning for every treaty word found.
func Lint(m *Meeting, d *Describer) []Problem {
	st := &m.Statement
	if !st.Kind.LessThanTreaty() {
		return nil
	}
	ix := newLintIndex(st.TreatyWordList())
	var out []Problem
	for _, h := range ix.find(st.Title) {
		out = append(out, Problem{Severity: Warning, Kind: KindStatement, ID: st.ID, Field: "title", Where: "statement title", What: h.Message(st.Kind)})
	}
	for _, p := range m.Paragraphs {
		for _, h := range ix.paragraph(p) {
			out = append(out, Problem{Severity: Warning, Kind: KindParagraph, ID: p.ID, Field: h.Field, Where: d.Where(p.ID), What: h.Message(st.Kind)})
		}
	}
	return out
}
