package app

import "strings"

// AgreedLanguage lists the meeting's agreed language in statement order:
// paragraphs marked as agreed language, and paragraphs agreed in full
// (state agreed, no brackets, not an alternative wording, not a heading),
// each with its source (this meeting's title with the host first, its
// date, the paragraph's number, and file, the name of the meeting's file).
func (m *Meeting) AgreedLanguage(file string) []AgreedText {
	nums := m.Numbers()
	title := m.HostFirst().Title()
	var out []AgreedText
	for _, p := range m.Paragraphs {
		agreed := p.State == StateAgreed && p.AltOf == "" && p.Kind != ParaHeading && p.Text.OpenBrackets() == 0
		if !p.AgreedLanguage && !agreed {
			continue
		}
		if strings.TrimSpace(p.LeadIn+p.Text.Plain()) == "" {
			continue
		}
		out = append(out, AgreedText{
			Paragraph: p.Snapshot(),
			Source:    Source{Meeting: title, Date: m.Details.Start, Number: nums.Ref[p.ID], File: file},
			Statement: m.Statement.Title,
			Marked:    p.AgreedLanguage,
		})
	}
	return out
}

// Matches reports whether every word of the query is in the paragraph's
// lead-in or text, in any case. An empty query matches.
func (a AgreedText) Matches(query string) bool {
	hay := strings.ToLower(a.Paragraph.LeadIn + " " + a.Paragraph.Text.Plain())
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Text is the paragraph's lead-in and text as one line of plain text.
func (a AgreedText) Text() string {
	t := a.Paragraph.Text.Plain()
	if a.Paragraph.LeadIn != "" {
		t = a.Paragraph.LeadIn + LeadInGap(t) + t
	}
	return t
}

// EarlierAgreed lists the agreed language carried over from the series'
// earlier meetings (Statement.Earlier) that matches the query.
func (m *Meeting) EarlierAgreed(query string) []AgreedText {
	var out []AgreedText
	for _, a := range m.Statement.Earlier {
		if a.Matches(query) {
			out = append(out, a)
		}
	}
	return out
}
