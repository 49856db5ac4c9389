package app

import (
	"slices"
	"strings"
	"testing"
)

func TestLintText(t *testing.T) {
	tests := []struct {
		text string
		want []string // words found, in order
	}{
		// Hits.
		{"The Participants shall meet annually.", []string{"shall"}},
		{"Shall the Parties meet?", []string{"Shall", "Parties"}},
		{"Each Party will inform the other Party.", []string{"Party", "Party"}},
		{"As set out in Article 3, the sides meet.", []string{"Article"}},
		{"The Participants agree to share information.", []string{"agree"}},
		{"Japan agrees that cooperation matters.", []string{"agrees"}},
		{"It is hereby agreed that the sides will meet.", []string{"agreed"}},
		{"The Participants have agreed as follows:", []string{"agreed"}},
		{"This is agreed by both sides.", []string{"agreed"}},
		{"This Agreement records the arrangements.", []string{"Agreement"}},
		{"under the present agreement", []string{"agreement"}},
		{"This statement is binding on both sides.", []string{"binding"}},
		{"The obligations of the Participants are set out below.", []string{"obligations"}},
		{"an obligation to report", []string{"obligation"}},
		{"This statement will enter into force on signature.", []string{"enter into force"}},
		{"It enters  into force today, before its entry into force.", []string{"enters  into force", "entry into force"}},
		// Non-hits.
		{"The two sides agreed to share information.", nil},
		{"The Participants have agreed to establish a working group.", nil},
		{"Agreed language from the 2016 statement was reused.", nil},
		{"The agreed minutes record the meeting.", nil},
		{"voluntary, non-binding norms of responsible State behaviour", nil},
		{"This statement is not binding; it is not legally binding.", nil},
		{"consistent with their obligations under international law", nil},
		{"under the Paris Agreement", nil},
		{"The sides reached agreement on the agenda.", nil},
		{"information shared with third parties", nil},
		{"the Liberal Party of Australia", nil},
		{"Article 51 of the Charter of the United Nations", nil},
		{"an article in the press", nil},
		{"force majeure; they will enter the room", nil},
		{"marshall plan", nil},
		{"両国は協力する。", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, h := range LintText(tc.text, DefaultTreatyWords()) {
			got = append(got, h.Found)
			if string([]rune(tc.text)[h.Start:h.End]) != h.Found {
				t.Errorf("%q: offsets %d-%d do not give %q", tc.text, h.Start, h.End, h.Found)
			}
			if h.Suggestion == "" {
				t.Errorf("%q: no suggestion for %q", tc.text, h.Found)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestLintListIsData(t *testing.T) {
	list := []TreatyWord{{Word: "undertake", Suggestion: `"will"`}, {Word: "High Contracting", Suggestion: `"Participants"`}}
	hits := LintText("The High Contracting sides undertake to meet; they shall.", list)
	if len(hits) != 2 || hits[0].Found != "High Contracting" || hits[1].Found != "undertake" {
		t.Errorf("custom list: %+v", hits)
	}
	// The default list is a copy: changing it changes nothing.
	d := DefaultTreatyWords()
	d[0].Word = "xyz"
	if DefaultTreatyWords()[0].Word != "shall" {
		t.Error("default list changed through its copy")
	}
	s := Statement{TreatyWords: list}
	if got := s.TreatyWordList(); len(got) != 2 {
		t.Errorf("override not used: %v", got)
	}
	if got := (&Statement{}).TreatyWordList(); len(got) != len(defaultTreatyWords) {
		t.Errorf("default not used: %d", len(got))
	}
}

func TestLintInValidate(t *testing.T) {
	m := stmtMeeting()
	m.ParagraphByID("p1").Text = PlainSpans("The Parties shall cooperate.")
	m.ParagraphByID("p2a").LeadIn = "Binding commitments"
	probs := Validate(m)
	var lint []Problem
	for _, p := range probs {
		if strings.Contains(p.What, "treaty language") {
			lint = append(lint, p)
		}
	}
	if len(lint) != 3 {
		t.Fatalf("lint problems: %v", lint)
	}
	if p := lint[0]; p.Severity != Warning || p.Kind != KindParagraph || p.ID != "p1" || p.Field != "text" || p.Where != "statement paragraph 1" ||
		!strings.Contains(p.What, `"Parties" is treaty language, out of place in a joint statement; suggestion: "Participants"`) {
		t.Errorf("problem %+v", p)
	}
	if p := lint[2]; p.Field != "leadIn" || p.Where != "statement paragraph 2(a)" {
		t.Errorf("lead-in problem %+v", p)
	}
	if hits := m.ParagraphLint(m.ParagraphByID("p1")); len(hits) != 2 {
		t.Errorf("paragraph lint %v", hits)
	}
	// A chair's summary is not linted.
	m.Statement.Kind = StatementSummary
	if got := Lint(m, NewDescriber(m)); len(got) != 0 || m.ParagraphLint(m.ParagraphByID("p1")) != nil {
		t.Errorf("chair's summary linted: %v", got)
	}
}
