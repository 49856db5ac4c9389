package app

import (
	"fmt"
	"strings"
	"unicode"
)

// checkRules enforces the rules an edit may not break; validation reports
// the rest. It looks only at the records the edit changed.
func checkRules(m *Meeting, changes []Change) error {
	var paras, items map[string]bool
	for _, c := range changes {
		if c.Op == OpRemove {
			continue
		}
		switch c.Kind {
		case KindParagraph:
			if paras == nil {
				paras = map[string]bool{}
			}
			paras[c.ID] = true
		case KindItem:
			if items == nil {
				items = map[string]bool{}
			}
			items[c.ID] = true
		}
	}
	if paras != nil {
		alts := Alternatives(m)
		for _, p := range m.Paragraphs {
			if !paras[p.ID] && !(p.AltOf != "" && paras[p.AltOf]) {
				continue
			}
			if p.State == StateAgreed || p.State == StateAdRef {
				if n := p.Text.OpenBrackets(); n > 0 {
					return fmt.Errorf("%w: a paragraph with %d open bracket(s) cannot be marked %s: resolve the brackets first", ErrRule, n, p.State)
				}
				if len(alts[p.ID]) > 0 {
					return fmt.Errorf("%w: a paragraph with alternative wordings cannot be marked %s: choose one alternative first", ErrRule, p.State)
				}
				if p.AltOf != "" {
					return fmt.Errorf("%w: an alternative wording cannot be marked %s: choose it to replace the paragraph instead", ErrRule, p.State)
				}
			}
			if err := paragraphShape(m, p, paras[p.ID]); err != nil {
				return err
			}
		}
	}
	if items != nil {
		parent := make(map[string]string, len(m.Items))
		for _, it := range m.Items {
			parent[it.ID] = it.Parent
		}
		for id := range items {
			seen := map[string]bool{}
			for cur := id; cur != ""; cur = parent[cur] {
				if seen[cur] {
					return fmt.Errorf("%w: a programme item cannot be its own sub-item", ErrRule)
				}
				seen[cur] = true
			}
		}
	}
	return nil
}

// paragraphShape checks a changed paragraph's level and, for an
// alternative wording, the paragraph it belongs to.
func paragraphShape(m *Meeting, p *Paragraph, changed bool) error {
	if !changed {
		return nil
	}
	if p.Level < 0 || p.Level > 2 {
		return fmt.Errorf("%w: level %d: sub-paragraphs go two deep, (a) then (i)", ErrRule, p.Level)
	}
	if p.AltOf == "" {
		return nil
	}
	base := m.ParagraphByID(p.AltOf)
	switch {
	case base == nil:
		return fmt.Errorf("%w: an alternative wording must belong to a paragraph of the statement (%s is not one)", ErrRule, p.AltOf)
	case base.AltOf != "":
		return fmt.Errorf("%w: an alternative wording cannot have alternatives of its own: make it an alternative of the paragraph", ErrRule)
	case base.Kind == ParaHeading:
		return fmt.Errorf("%w: a heading has no alternative wordings: edit or bracket its text", ErrRule)
	}
	return nil
}

// Alternatives maps each paragraph ID to its alternative wordings in order.
func Alternatives(m *Meeting) map[string][]*Paragraph {
	alts := map[string][]*Paragraph{}
	for _, p := range m.Paragraphs {
		if p.AltOf != "" {
			alts[p.AltOf] = append(alts[p.AltOf], p)
		}
	}
	return alts
}

// OpenBrackets counts the bracketed spans (distinct brackets) in the text.
func (s Spans) OpenBrackets() int {
	n := 0
	last := ""
	for _, sp := range s {
		if sp.Bracket != "" && sp.Bracket != last {
			n++
		}
		last = sp.Bracket
	}
	return n
}

// Plain is the text without bracket marks.
func (s Spans) Plain() string {
	n := 0
	for _, sp := range s {
		n += len(sp.T)
	}
	b := make([]byte, 0, n)
	for _, sp := range s {
		b = append(b, sp.T...)
	}
	return string(b)
}

// Bracketed is the text with open brackets written in square brackets,
// exactly as the spans hold it.
func (s Spans) Bracketed() string {
	var b []byte
	last := ""
	for _, sp := range s {
		if sp.Bracket != last {
			if last != "" {
				b = append(b, ']')
			}
			if sp.Bracket != "" {
				b = append(b, '[')
			}
			last = sp.Bracket
		}
		b = append(b, sp.T...)
	}
	if last != "" {
		b = append(b, ']')
	}
	return string(b)
}

// Tagged is the text as printed: open brackets written in square
// brackets with the white space at their edges outside them, each
// followed by what code returns for its proposing side's ID
// ("existing law and [voluntary]JP norms"); a nil code writes nothing
// after the brackets.
func (s Spans) Tagged(code func(side string) string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j].Bracket == s[i].Bracket {
			j++
		}
		var t strings.Builder
		for _, sp := range s[i:j] {
			t.WriteString(sp.T)
		}
		text := t.String()
		if s[i].Bracket == "" {
			b.WriteString(text)
			i = j
			continue
		}
		core := strings.TrimFunc(text, unicode.IsSpace)
		lead := ""
		if core != "" {
			lead = text[:strings.Index(text, core)]
		} else {
			core = text
		}
		b.WriteString(lead + "[" + core + "]")
		if code != nil {
			b.WriteString(code(s[i].Side))
		}
		b.WriteString(text[len(lead)+len(core):])
		i = j
	}
	return b.String()
}

// PlainSpans makes settled text.
func PlainSpans(text string) Spans {
	if text == "" {
		return nil
	}
	return Spans{{T: text}}
}
