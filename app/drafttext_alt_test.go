package app

import (
	"slices"
	"strings"
	"testing"
)

// TestImportAlternativeOfParagraphWithSubParagraphs reads a draft whose
// paragraph 3 has lettered sub-paragraphs with bold lead-ins followed by
// punctuation, and an alternative 3 bis written in its own brackets.
func TestImportAlternativeOfParagraphWithSubParagraphs(t *testing.T) {
	text := readTestdata(t, "drafts/alternative.txt")
	d := ParseDraft(text, "jp")
	if len(d.Problems) > 0 {
		t.Errorf("problems: %v", d.Problems)
	}
	var bis *Paragraph
	for _, p := range d.Paragraphs {
		if p.AltOf != "" {
			bis = p
		}
	}
	if bis == nil {
		t.Fatal("no alternative read")
	}
	// The alternative's own brackets are the alternative, not a bracket in it.
	if n := bis.Text.OpenBrackets(); n != 0 || strings.Contains(bis.Text.Plain(), "[") {
		t.Errorf("3 bis has %d bracket(s) of its own: %q", n, bis.Text.Bracketed())
	}
	if bis.Side != "jp" || bis.State != StateBracketed {
		t.Errorf("3 bis side %q state %s", bis.Side, bis.State)
	}
	// The alternative follows paragraph 3 with its sub-paragraphs, in the
	// statement's order as in the display order.
	want := []string{"o:1", "o:2", "o:3", "o:(a):5G", "o:(b):Open RAN", "o:(c):Submarine cables", "o:(d):Satellite communications", "o:3 bis", "o:4"}
	if got := outline(d.Paragraphs); !slices.Equal(got, want) {
		t.Errorf("list order\ngot  %q\nwant %q", got, want)
	}
	if got := outline(displayOrder(d.Paragraphs)); !slices.Equal(got, want) {
		t.Errorf("display order\ngot  %q\nwant %q", got, want)
	}
	// Printed, the draft reads as written: one pair of brackets round
	// 3 bis, after (d); no space before the punctuation after a lead-in.
	once := FormatStatement(d.Title, d.Paragraphs)
	if once != text {
		t.Errorf("printed text differs from the draft:\n%s", firstDiff(once, text))
	}
	// Print, import, print is stable.
	d2 := ParseDraft(once, "jp")
	if len(d2.Problems) > 0 {
		t.Errorf("problems reading the printed text: %v", d2.Problems)
	}
	if twice := FormatStatement(d2.Title, d2.Paragraphs); twice != once {
		t.Errorf("print, import, print not stable:\n%s", firstDiff(twice, once))
	}
}

// TestAlternativeBracketForms reads the ways a draft brackets an
// alternative: round the whole, round the text after the lead-in, with a
// bracket of its own inside, or not at all.
func TestAlternativeBracketForms(t *testing.T) {
	tests := []struct {
		line, leadIn, text string
	}{
		{"1 bis. [Other words.]", "", "Other words."},
		{"1 bis. Other words.", "", "Other words."},
		{"1 bis. [**Lead** other words.]", "Lead", "other words."},
		{"1 bis. **Lead** [other words.]", "Lead", "other words."},
		{"1 bis. [Other [possibly] words.]", "", "Other [possibly] words."},
		{"1 bis. [Other] words [here].", "", "[Other] words [here]."},
	}
	for _, tc := range tests {
		d := ParseDraft("1. Words.\n"+tc.line+"\n", "au")
		if len(d.Problems) > 0 {
			t.Errorf("%q: problems %v", tc.line, d.Problems)
		}
		if len(d.Paragraphs) != 2 {
			t.Fatalf("%q: %d paragraphs", tc.line, len(d.Paragraphs))
		}
		alt := d.Paragraphs[1]
		if alt.LeadIn != tc.leadIn || alt.Text.Bracketed() != tc.text {
			t.Errorf("%q: lead-in %q text %q, want %q %q", tc.line, alt.LeadIn, alt.Text.Bracketed(), tc.leadIn, tc.text)
		}
		// Printing and reading again keeps it as it is.
		again := ParseDraft(FormatStatement("", d.Paragraphs), "au")
		if got := again.Paragraphs[1]; got.LeadIn != alt.LeadIn || got.Text.Bracketed() != alt.Text.Bracketed() {
			t.Errorf("%q: printed and read again: %q %q", tc.line, got.LeadIn, got.Text.Bracketed())
		}
	}
}

func TestLeadInGap(t *testing.T) {
	tests := []struct{ text, gap string }{
		{"by enhancing", " "},
		{", recognising", ""},
		{".", ""},
		{"; and", ""},
		{": the", ""},
		{") and", ""},
		{"! yes", ""},
		{"? no", ""},
		{"’s partners", ""},
		{"”", ""},
		{"…", ""},
		{"、協力", ""},
		{"[including", " "},
		{"(including", " "},
		{"", ""},
	}
	for _, tc := range tests {
		if got := LeadInGap(tc.text); got != tc.gap {
			t.Errorf("LeadInGap(%q) = %q, want %q", tc.text, got, tc.gap)
		}
	}
}

// TestAlternativeAfterSubParagraphs adds an alternative to a paragraph
// with sub-paragraphs: it goes after them, in the list and on display.
func TestAlternativeAfterSubParagraphs(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	e, bis, err := m.AddAlternativeEdit("p2", "jp", "The Participants will cooperate.")
	doE(t, d)(e, err)
	var ids, shown []string
	for _, p := range m.Paragraphs {
		ids = append(ids, p.ID)
	}
	for _, p := range m.DisplayOrder() {
		shown = append(shown, p.ID)
	}
	want := []string{"h", "p1", "p2", "p2a", "p2ai", "p2b", bis, "p3"}
	if !slices.Equal(ids, want) {
		t.Errorf("list order %v, want %v", ids, want)
	}
	if !slices.Equal(shown, want) {
		t.Errorf("display order %v, want %v", shown, want)
	}
	// An alternative stored before the sub-paragraphs (as older files
	// have it) is shown after them all the same.
	m2 := stmtMeeting()
	keys := PosSequence(8)
	alt := &Paragraph{Rec: Rec{ID: "alt"}, Kind: ParaOperative, AltOf: "p2a", Level: 1, Text: PlainSpans("exchange views;")}
	m2.Paragraphs = slices.Insert(m2.Paragraphs, 4, alt)
	for i, p := range m2.Paragraphs {
		p.Pos = keys[i]
	}
	shown = nil
	for _, p := range m2.DisplayOrder() {
		shown = append(shown, p.ID)
	}
	if want := []string{"h", "p1", "p2", "p2a", "p2ai", "alt", "p2b", "p3"}; !slices.Equal(shown, want) {
		t.Errorf("display order of an alternative of (a) before (a)(i): %v, want %v", shown, want)
	}
}

// TestRedlineAlternativeOrder compares two drafts: the redline lists an
// alternative after the sub-paragraphs of its paragraph, as shown.
func TestRedlineAlternativeOrder(t *testing.T) {
	m := stmtMeeting()
	keys := PosSequence(8)
	alt := &Paragraph{Rec: Rec{ID: "alt"}, Kind: ParaOperative, AltOf: "p2", Text: PlainSpans("The Participants will consider:")}
	m.Paragraphs = slices.Insert(m.Paragraphs, 3, alt)
	for i, p := range m.Paragraphs {
		p.Pos = keys[i]
	}
	old := m.SnapshotParagraphs()
	var got []string
	for _, p := range CompareParagraphs(old, old) {
		got = append(got, p.ID+"="+p.NewLabel)
	}
	want := []string{"h=", "p1=1", "p2=2", "p2a=(a)", "p2ai=(i)", "p2b=(b)", "alt=2 bis", "p3=3"}
	if !slices.Equal(got, want) {
		t.Errorf("redline order %v, want %v", got, want)
	}
}

// TestDraftSideCodes reads the code of the proposing side after a bracket
// and after an alternative; other brackets are the importing side's.
func TestDraftSideCodes(t *testing.T) {
	m := stmtMeeting()
	text := "1. The Participants [will]JP cooperate [closely]AU and [often].\n" +
		"1 bis. [The Participants [may]JP meet.]AU\n"
	d := m.ReadDraft(text, "au")
	if len(d.Problems) > 0 {
		t.Errorf("problems: %v", d.Problems)
	}
	var sides []string
	for _, b := range d.Paragraphs[0].Text.Brackets() {
		sides = append(sides, b.Text+"="+b.Side)
	}
	if want := []string{"will=jp", "closely=au", "often=au"}; !slices.Equal(sides, want) {
		t.Errorf("bracket sides %v, want %v", sides, want)
	}
	alt := d.Paragraphs[1]
	if alt.AltOf != d.Paragraphs[0].ID || alt.Side != "au" || alt.Text.Tagged(m.SideCode) != "The Participants [may]JP meet." {
		t.Errorf("alternative: side %q text %q", alt.Side, alt.Text.Tagged(m.SideCode))
	}
	// A word that is not a code stays text.
	if got := m.ReadDraft("2. The [ASEAN]AUKUS partners.", "").Paragraphs[0].Text.Tagged(nil); got != "The [ASEAN]AUKUS partners." {
		t.Errorf("paragraph 2: %q", got)
	}
	// Printed with the meeting's codes, read again: the same.
	printed := m.FormatStatement("", d.Paragraphs)
	again := m.ReadDraft(printed, "jp")
	if got := m.FormatStatement("", again.Paragraphs); got != printed {
		t.Errorf("printed and read again:\n%s", firstDiff(got, printed))
	}
	if !strings.Contains(printed, "1 bis. [The Participants [may]JP meet.]AU") {
		t.Errorf("printed:\n%s", printed)
	}
}
