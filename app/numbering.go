package app

import (
	"strconv"
	"strings"
)

// Numbering holds the computed numbers of statement paragraphs.
type Numbering struct {
	// Label is what stands before the paragraph: "3", "(a)", "(ii)", "3 bis";
	// empty for headings and preambular paragraphs.
	Label map[string]string
	// Ref is the full reference used in messages: "6(a)", "3 bis", or for an
	// unnumbered paragraph a description ("heading \"Scope\"", "preambular 2").
	Ref map[string]string
}

// Numbers numbers the statement's paragraphs.
func (m *Meeting) Numbers() Numbering { return NumberParagraphs(m.Paragraphs) }

// latinTimes are the suffixes of alternative wordings: 3 bis, 3 ter...
var latinTimes = []string{"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"}

// AltSuffix is the suffix of the n-th alternative (1: "bis").
func AltSuffix(n int) string {
	if n >= 1 && n <= len(latinTimes) {
		return latinTimes[n-1]
	}
	return "alt " + strconv.Itoa(n+1)
}

// NumberParagraphs numbers paragraphs in the given order: operative
// paragraphs 1, 2, 3; sub-paragraphs (a), (b) then (i), (ii) under them;
// alternatives take their paragraph's number with bis, ter; headings and
// preambular paragraphs are not numbered.
func NumberParagraphs(ps []*Paragraph) Numbering {
	n := Numbering{Label: make(map[string]string, len(ps)), Ref: make(map[string]string, len(ps))}
	var num, sub, subsub, pre, head int
	var numRef, subRef string
	for _, p := range ps {
		if p.AltOf != "" {
			continue
		}
		switch {
		case p.Kind == ParaHeading:
			head++
			n.Ref[p.ID] = "heading " + quote(headingText(p))
		case p.Level <= 0 && p.Kind == ParaPreambular:
			pre++
			sub, subsub = 0, 0
			numRef = ""
			subRef = ""
			n.Ref[p.ID] = "preambular paragraph " + strconv.Itoa(pre)
		case p.Level <= 0:
			num++
			sub, subsub = 0, 0
			numRef = strconv.Itoa(num)
			n.Label[p.ID] = numRef
			n.Ref[p.ID] = numRef
		case p.Level == 1:
			sub++
			subsub = 0
			subRef = numRef + "(" + letters(sub) + ")"
			n.Label[p.ID] = "(" + letters(sub) + ")"
			n.Ref[p.ID] = subRef
		default:
			subsub++
			n.Label[p.ID] = "(" + roman(subsub) + ")"
			n.Ref[p.ID] = subRef + "(" + roman(subsub) + ")"
		}
	}
	count := map[string]int{}
	for _, p := range ps {
		if p.AltOf == "" {
			continue
		}
		count[p.AltOf]++
		suffix := AltSuffix(count[p.AltOf])
		base, ok := n.Ref[p.AltOf]
		if !ok {
			n.Ref[p.ID] = "alternative " + suffix + " of a missing paragraph"
			continue
		}
		if l := n.Label[p.AltOf]; l != "" {
			n.Label[p.ID] = l + " " + suffix
		} else {
			n.Label[p.ID] = suffix
		}
		n.Ref[p.ID] = base + " " + suffix
	}
	return n
}

func headingText(p *Paragraph) string {
	t := strings.TrimSpace(p.Text.Plain())
	if t == "" {
		t = p.LeadIn
	}
	if len([]rune(t)) > 40 {
		t = string([]rune(t)[:40]) + "…"
	}
	return t
}

// Letters writes n as sub-paragraphs are lettered: 1 as a, 26 as z, 27 as
// aa, 28 as bb.
func Letters(n int) string { return letters(n) }

// Roman writes n in lower-case Roman numerals, as sub-sub-paragraphs are
// numbered.
func Roman(n int) string { return roman(n) }

// letters writes 1 as a, 26 as z, 27 as aa, 28 as bb (the drafting convention).
func letters(n int) string {
	if n <= 0 {
		return ""
	}
	c := byte('a' + (n-1)%26)
	return strings.Repeat(string(c), (n-1)/26+1)
}

// roman writes n in lower-case Roman numerals.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// ParagraphPtrs returns pointers to a version's paragraphs, for numbering.
func (v *Version) ParagraphPtrs() []*Paragraph {
	out := make([]*Paragraph, len(v.Paragraphs))
	for i := range v.Paragraphs {
		out[i] = &v.Paragraphs[i]
	}
	return out
}
