package app

import (
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// outline describes parsed paragraphs: kind initial, label, lead-in.
func outline(ps []*Paragraph) []string {
	n := NumberParagraphs(ps)
	var out []string
	for _, p := range ps {
		s := string(p.Kind[0]) + ":" + n.Label[p.ID]
		if p.LeadIn != "" {
			s += ":" + p.LeadIn
		}
		out = append(out, s)
	}
	return out
}

func TestImportSeed003(t *testing.T) {
	text := readTestdata(t, "seed003.txt")
	d := ParseDraft(text, "jp")
	if len(d.Problems) > 0 {
		t.Errorf("problems: %v", d.Problems)
	}
	if d.Title != "Japan-Australia Strategic Cyber Partnership" {
		t.Errorf("title %q", d.Title)
	}
	want := []string{"o:1", "o:2", "h:", "o:3", "o:4", "o:5", "o:6",
		"o:(a):Harden cyber defences",
		"o:(b):Build a resilient region and exercise global leadership",
		"o:(c):Strengthen public-private partnerships",
		"o:(d):Enhance collaboration on critical technology security, including in relation to artificial intelligence",
		"h:", "o:7"}
	if got := outline(d.Paragraphs); !slices.Equal(got, want) {
		t.Errorf("outline\ngot  %q\nwant %q", got, want)
	}
	if h := d.Paragraphs[2].Text.Plain(); h != "Scope" {
		t.Errorf("first heading %q", h)
	}
	if h := d.Paragraphs[11].Text.Plain(); h != "Governance" {
		t.Errorf("second heading %q", h)
	}
	if got := d.Paragraphs[7].Text.Plain(); !strings.HasPrefix(got, "by enhancing information sharing") {
		t.Errorf("(a) text %q", got)
	}
	if got := d.Paragraphs[10].Text.Plain(); !strings.HasPrefix(got, ", recognising that AI") {
		t.Errorf("(d) text %q", got)
	}
	if d.Lines[d.Paragraphs[7].ID] != 14 {
		t.Errorf("(a) on line %d, want 14", d.Lines[d.Paragraphs[7].ID])
	}
	// Import then print gives the seed back.
	if got, want := FormatStatement(d.Title, d.Paragraphs), strings.TrimSpace(text)+"\n"; got != want {
		t.Errorf("round trip differs:\n%s", firstDiff(got, want))
	}
	// Into a meeting.
	m := stmtMeeting()
	m.Paragraphs = nil
	doc := NewDocument(m)
	doE(t, doc)(m.ImportDraftEdit(d, false))
	if len(m.Paragraphs) != 13 || m.Statement.Title != d.Title {
		t.Fatalf("imported %d paragraphs, title %q", len(m.Paragraphs), m.Statement.Title)
	}
	if got := m.StatementText(); got != strings.TrimSpace(text)+"\n" {
		t.Errorf("statement text differs:\n%s", firstDiff(got, strings.TrimSpace(text)+"\n"))
	}
	if probs := Validate(m); HasFatal(probs) {
		t.Errorf("imported meeting invalid: %v", probs)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + x + "\n want " + y
		}
	}
	return "(same)"
}

func TestImportMarkdown(t *testing.T) {
	d := ParseDraft(readTestdata(t, "drafts/markdown.txt"), "jp")
	if len(d.Problems) > 0 {
		t.Errorf("problems: %v", d.Problems)
	}
	if d.Title != "Joint Statement on Cyber Cooperation" {
		t.Errorf("title %q", d.Title)
	}
	want := []string{"p:", "p:", "h:", "o:1", "o:2", "o:(a):Capacity building", "o:(b)", "o:(i)", "o:(ii)", "o:(c)", "o:2 bis", "o:3"}
	if got := outline(d.Paragraphs); !slices.Equal(got, want) {
		t.Errorf("outline\ngot  %q\nwant %q", got, want)
	}
	p1, bis, p3 := d.Paragraphs[3], d.Paragraphs[10], d.Paragraphs[11]
	if p1.Text.Bracketed() != "The Participants will [regularly] exchange views on cyber threats." || p1.State != StateBracketed || p1.Text[1].Side != "jp" {
		t.Errorf("paragraph 1: %q %s %+v", p1.Text.Bracketed(), p1.State, p1.Text)
	}
	if bis.AltOf != d.Paragraphs[4].ID || bis.Side != "jp" || bis.State != StateBracketed || d.Paragraphs[4].State != StateBracketed {
		t.Errorf("2 bis: altOf %q side %q state %s", bis.AltOf, bis.Side, bis.State)
	}
	if p3.State != StateAdRef || p3.Text.Plain() != "The Participants will meet annually." {
		t.Errorf("paragraph 3: %q %s", p3.Text.Plain(), p3.State)
	}
	// Printing and reading again changes nothing more.
	once := FormatStatement(d.Title, d.Paragraphs)
	d2 := ParseDraft(once, "jp")
	if len(d2.Problems) > 0 {
		t.Errorf("problems reading the printed text: %v\n%s", d2.Problems, once)
	}
	if twice := FormatStatement(d2.Title, d2.Paragraphs); twice != once {
		t.Errorf("not stable:\n%s", firstDiff(twice, once))
	}
}

func TestImportWrapped(t *testing.T) {
	d := ParseDraft(readTestdata(t, "drafts/wrapped.txt"), "")
	if len(d.Problems) > 0 {
		t.Errorf("problems: %v", d.Problems)
	}
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, p.Text.Plain())
	}
	want := []string{
		"The Participants will work together to strengthen cyber defences and cyber resilience.",
		"The Participants will consult each other.",
		"両国は、サイバー空間における国際法の適用について協議する。",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestImportMalformed(t *testing.T) {
	d := ParseDraft(readTestdata(t, "drafts/malformed.txt"), "au")
	want := []struct {
		line int
		what string
	}{
		{3, "not closed"},
		{5, "numbered 4 where 3 was expected"},
		{7, "(c) where (b) was expected"},
		{8, "bullet without a letter"},
		{8, "lead-in opened with ** is not closed"},
		{9, "] closes no bracket"},
		{11, "unnumbered paragraph after numbered paragraph 5"},
		{13, "7 bis: there is no paragraph 7"},
		{14, "numbered 8 where 6 was expected"},
		{14, "bold marks (**) inside the text"},
	}
	if len(d.Problems) != len(want) {
		t.Errorf("%d problems, want %d:", len(d.Problems), len(want))
		for _, p := range d.Problems {
			t.Log(p)
		}
	}
	for i, w := range want {
		if i >= len(d.Problems) {
			break
		}
		if p := d.Problems[i]; p.Line != w.line || !strings.Contains(p.What, w.what) {
			t.Errorf("problem %d = %s, want line %d: %s", i, p, w.line, w.what)
		}
	}
	// Nothing dropped or reordered: every paragraph is there, in order.
	var starts []string
	for _, p := range d.Paragraphs {
		f := strings.Fields(p.LeadIn + " " + p.Text.Plain())
		starts = append(starts, strings.Join(f[:min(3, len(f))], " "))
	}
	wantStarts := []string{
		"The Participants will", "The Participants will", "The Participants will", "first item;", "third item;",
		"**Stray lead-in without", "The Participants] will", "This unnumbered paragraph", "An alternative of", "The **Participants** will",
	}
	if !slices.Equal(starts, wantStarts) {
		t.Errorf("paragraphs\ngot  %q\nwant %q", starts, wantStarts)
	}
	if d.Title != "Draft statement" {
		t.Errorf("title %q", d.Title)
	}
	// The unclosed bracket runs to the end of paragraph 1, proposed by the importing side.
	if p := d.Paragraphs[0]; p.Text.Bracketed() != "The Participants will [cooperate on cyber security.]" || p.Text[1].Side != "au" {
		t.Errorf("paragraph 1: %q", p.Text.Bracketed())
	}
}

func TestParseLabels(t *testing.T) {
	tests := []struct {
		line         string
		kind         labelKind
		core, suffix string
	}{
		{"1. Text", labelNumber, "1", ""},
		{"12) Text", labelNumber, "12", ""},
		{"3 bis. Text", labelNumber, "3", "bis"},
		{"3bis. Text", labelNumber, "3", "bis"},
		{"3 ter Text", labelNumber, "3", "ter"},
		{" - a. Text", labelAlpha, "a", ""},
		{"(b) Text", labelAlpha, "b", ""},
		{"c) Text", labelAlpha, "c", ""},
		{"(iv) Text", labelAlpha, "iv", ""},
		{"- (a) bis Text", labelAlpha, "a", "bis"},
		{"* plain bullet", labelBullet, "", ""},
		{"2016 was a year.", labelNone, "", ""},
		{"3.5 per cent", labelNone, "", ""},
		{"i.e. this", labelNone, "", ""},
		{"etc. more", labelNone, "", ""},
		{"**Bold** text", labelNone, "", ""},
		{"Scope", labelNone, "", ""},
	}
	for _, tc := range tests {
		l := parseLabel(tc.line)
		if l.kind != tc.kind || l.core != tc.core || l.suffix != tc.suffix {
			t.Errorf("%q: got %+v", tc.line, l)
		}
	}
}

func TestImportReplaceKeepsIDs(t *testing.T) {
	m := stmtMeeting()
	text := m.StatementText()
	edited := strings.Replace(text, "2. The Participants will:", "2. The Participants will also:", 1)
	d := m.ReadDraft(edited, "jp")
	if len(d.Problems) > 0 {
		t.Fatalf("problems: %v\n%s", d.Problems, edited)
	}
	if _, err := m.ImportDraftEdit(d, false); !errors.Is(err, ErrRule) {
		t.Errorf("import into a statement with paragraphs: %v", err)
	}
	doc := NewDocument(m)
	doE(t, doc)(m.ImportDraftEdit(d, true))
	var ids []string
	for _, p := range m.Paragraphs {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"h", "p1", "p2", "p2a", "p2ai", "p2b", "p3"}) {
		t.Errorf("IDs %v", ids)
	}
	if p := m.ParagraphByID("p1"); p.State != StateAgreed {
		t.Errorf("unchanged paragraph lost its state: %s", p.State)
	}
	if p := m.ParagraphByID("p3"); p.Text[1].Bracket != "b1" || p.Text[1].Side != "jp" {
		t.Errorf("unchanged paragraph lost its bracket: %+v", p.Text)
	}
	if p := m.ParagraphByID("p2"); p.Text.Plain() != "The Participants will also:" {
		t.Errorf("changed paragraph: %q", p.Text.Plain())
	}
	// A redline against the text before shows the one change.
	doc.Undo()
	doE(t, doc)(m.SaveDraftEdit("before", "", "", ""))
	doE(t, doc)(m.ImportDraftEdit(d, true))
	r, err := m.Redline(1, 0)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, p := range r.Paragraphs {
		if p.HasChange() {
			changed++
			if p.ID != "p2" || rl(p.Text) != "The Participants will{+ also+}:" {
				t.Errorf("change %+v", p)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d paragraphs changed, want 1", changed)
	}
}

// draft120 is a 120-paragraph draft as text: headings every 20
// paragraphs, sub-paragraphs, brackets and an alternative.
func draft120() string {
	old, _ := redlineDrafts()
	var ps []*Paragraph
	keys := PosSequence(200)
	k := 0
	next := func(p *Paragraph) *Paragraph { p.Pos = keys[k]; k++; ps = append(ps, p); return p }
	for i := range old {
		p := old[i]
		if i%20 == 0 {
			next(&Paragraph{Rec: Rec{ID: "h" + strconv.Itoa(i)}, Kind: ParaHeading, Text: PlainSpans("Section " + strconv.Itoa(i/20+1))})
		}
		if i%20 != 0 && (i%6 == 1 || i%6 == 2) {
			p.Level = 1
			p.LeadIn = "Lead-in words"
		}
		if i%4 == 0 {
			p.Text = Spans{{T: "The Participants "}, {T: "will", Bracket: "b", Side: "jp"}, {T: " " + p.Text.Plain()}}
		}
		q := next(&p)
		if i%30 == 3 {
			next(&Paragraph{Rec: Rec{ID: "alt" + strconv.Itoa(i)}, Kind: ParaOperative, AltOf: q.ID, Text: PlainSpans("An alternative wording.")})
		}
	}
	return FormatStatement("A long statement", ps)
}

func TestDraft120RoundTrip(t *testing.T) {
	text := draft120()
	d := ParseDraft(text, "jp")
	if len(d.Problems) > 0 {
		t.Fatalf("problems: %v", d.Problems[:min(3, len(d.Problems))])
	}
	n := 0
	for _, p := range d.Paragraphs {
		if p.Kind == ParaOperative && p.AltOf == "" {
			n++
		}
	}
	if n != 120 {
		t.Errorf("%d paragraphs, want 120", n)
	}
	if got := FormatStatement(d.Title, d.Paragraphs); got != text {
		t.Errorf("round trip:\n%s", firstDiff(got, text))
	}
}

// BenchmarkImport120 reads a 120-paragraph draft and imports it into an
// empty statement through the document.
func BenchmarkImport120(b *testing.B) {
	text := draft120()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := stmtMeeting()
		m.Paragraphs = nil
		doc := NewDocument(m)
		d := ParseDraft(text, "jp")
		if err := doc.Do(m.ImportDraftEdit(d, false)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse120 reads a 120-paragraph draft.
func BenchmarkParse120(b *testing.B) {
	text := draft120()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ParseDraft(text, "jp")
	}
}
