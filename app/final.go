package app

import (
	"fmt"
	"strings"
)

// OpenItem is something that keeps the statement from being final: an
// open bracket, an alternative wording, or a paragraph agreed only ad ref.
type OpenItem struct {
	Paragraph string
	// Ref is the paragraph's number ("5", "6(c)", "5 bis").
	Ref string
	// What says what is open: "bracket [Where possible, ] proposed by Japan".
	What string
}

func (o OpenItem) String() string { return "paragraph " + o.Ref + ": " + o.What }

// RefusedError is returned when a final text (a final pack, a clean
// statement) is asked for while the statement still has open items; Open
// lists them by paragraph number.
type RefusedError struct {
	// What was refused: "final pack", "clean statement".
	What string
	Open []OpenItem
}

// Error says what was refused and lists the open items.
func (e *RefusedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s refused: the statement has %s (resolve them or export a draft): ", e.What, Count(len(e.Open), "open item"))
	for i, o := range e.Open {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(o.String())
	}
	return b.String()
}

// OpenItems lists, in statement order, every open bracket, alternative
// wording and ad ref paragraph.
func (m *Meeting) OpenItems() []OpenItem {
	nums := m.Numbers()
	var out []OpenItem
	sideName := func(id string) string {
		if s := m.SideByID(id); s != nil {
			return s.Label()
		}
		return "no side recorded"
	}
	for _, p := range m.Paragraphs {
		ref := nums.Ref[p.ID]
		if p.AltOf != "" {
			out = append(out, OpenItem{Paragraph: p.ID, Ref: ref, What: "alternative wording proposed by " + sideName(p.Side)})
			continue
		}
		last := ""
		for _, sp := range p.Text {
			if sp.Bracket != "" && sp.Bracket != last {
				text := bracketText(p.Text, sp.Bracket)
				out = append(out, OpenItem{Paragraph: p.ID, Ref: ref, What: fmt.Sprintf("bracket [%s] proposed by %s", short(text), sideName(sp.Side))})
			}
			last = sp.Bracket
		}
		if p.State == StateAdRef {
			out = append(out, OpenItem{Paragraph: p.ID, Ref: ref, What: "agreed ad ref only (subject to confirmation by capital)"})
		}
	}
	return out
}

func bracketText(s Spans, id string) string {
	t := ""
	for _, sp := range s {
		if sp.Bracket == id {
			t += sp.T
		}
	}
	return t
}

// AtDraft returns the meeting as it was at a numbered draft of the
// statement, for reading and printing only: the draft's title and
// paragraphs, everything else shared with m. Draft 0 is m itself.
func (m *Meeting) AtDraft(n int) (*Meeting, error) {
	if n == 0 {
		return m, nil
	}
	ps, _, err := m.draftText(n)
	if err != nil {
		return nil, err
	}
	c := *m
	c.Statement.Title = m.DraftByNumber(n).Title
	c.Paragraphs = make([]*Paragraph, len(ps))
	for i := range ps {
		p := ps[i]
		c.Paragraphs[i] = &p
	}
	return &c, nil
}
