package app

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// stmtMeeting builds a small statement: a heading, operative paragraphs
// 1 to 3, paragraph 2 with sub-paragraphs (a), (b) and (a)(i), and a
// bracket proposed by Japan in paragraph 3.
func stmtMeeting() *Meeting {
	m := &Meeting{Clock: Clock{}}
	m.Details = Details{Rec: Rec{ID: "meeting"}, Start: "2016-08-02", DayStart: "09:30", OurSide: "au", HostSide: "jp"}
	m.Statement = Statement{Rec: Rec{ID: "statement"}, Title: "Joint Statement", Kind: StatementJoint}
	m.Sides = []*Side{
		{Rec: Rec{ID: "jp"}, Pos: "F", Name: "Japan", ShortName: "Japan", Code: "JP"},
		{Rec: Rec{ID: "au"}, Pos: "V", Name: "Australia", ShortName: "Australia", Code: "AU"},
	}
	keys := PosSequence(7)
	para := func(i int, id string, k ParagraphKind, level int, st State, text ...Span) *Paragraph {
		return &Paragraph{Rec: Rec{ID: id}, Pos: keys[i], Kind: k, Level: level, State: st, Text: text}
	}
	t := func(s string) Span { return Span{T: s} }
	m.Paragraphs = []*Paragraph{
		para(0, "h", ParaHeading, 0, StateAgreed, t("Scope")),
		para(1, "p1", ParaOperative, 0, StateAgreed, t("The Participants will cooperate.")),
		para(2, "p2", ParaOperative, 0, StateProposed, t("The Participants will:")),
		para(3, "p2a", ParaOperative, 1, StateProposed, t("share information;")),
		para(4, "p2ai", ParaOperative, 2, StateProposed, t("on threats;")),
		para(5, "p2b", ParaOperative, 1, StateProposed, t("meet annually.")),
		para(6, "p3", ParaOperative, 0, StateBracketed, t("The Participants "), Span{T: "may ", Bracket: "b1", Side: "jp"}, t("consult.")),
	}
	m.Normalize()
	return m
}

// doE applies an edit built by a ...Edit method, failing the test on an error.
func doE(t *testing.T, d *Document) func(Edit, error) {
	t.Helper()
	return func(e Edit, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
}

func labels(m *Meeting) string {
	n := m.Numbers()
	var out []string
	for _, p := range m.Paragraphs {
		l := n.Label[p.ID]
		if l == "" {
			l = "-"
		}
		out = append(out, p.ID+"="+l)
	}
	return strings.Join(out, " ")
}

func TestStatementNumbering(t *testing.T) {
	mk := func(id string, k ParagraphKind, level int, alt string) *Paragraph {
		return &Paragraph{Rec: Rec{ID: id}, Kind: k, Level: level, AltOf: alt}
	}
	op, pre, hd := ParaOperative, ParaPreambular, ParaHeading
	tests := []struct {
		name string
		ps   []*Paragraph
		want map[string]string // ID -> label
		refs map[string]string
	}{
		{"operative", []*Paragraph{mk("1", op, 0, ""), mk("2", op, 0, ""), mk("3", op, 0, "")},
			map[string]string{"1": "1", "2": "2", "3": "3"}, nil},
		{"headings and preambular unnumbered", []*Paragraph{mk("r", pre, 0, ""), mk("h", hd, 0, ""), mk("1", op, 0, ""), mk("h2", hd, 0, ""), mk("2", op, 0, "")},
			map[string]string{"r": "", "h": "", "1": "1", "h2": "", "2": "2"}, map[string]string{"r": "preambular paragraph 1", "2": "2"}},
		{"sub-paragraphs", []*Paragraph{mk("1", op, 0, ""), mk("a", op, 1, ""), mk("i", op, 2, ""), mk("ii", op, 2, ""), mk("b", op, 1, ""), mk("2", op, 0, ""), mk("2a", op, 1, "")},
			map[string]string{"a": "(a)", "i": "(i)", "ii": "(ii)", "b": "(b)", "2": "2", "2a": "(a)"},
			map[string]string{"ii": "1(a)(ii)", "b": "1(b)", "2a": "2(a)"}},
		{"bis ter", []*Paragraph{mk("1", op, 0, ""), mk("1bis", op, 0, "1"), mk("1ter", op, 0, "1"), mk("2", op, 0, "")},
			map[string]string{"1": "1", "1bis": "1 bis", "1ter": "1 ter", "2": "2"}, map[string]string{"1ter": "1 ter"}},
		{"sub-paragraph alternative", []*Paragraph{mk("1", op, 0, ""), mk("a", op, 1, ""), mk("abis", op, 1, "a"), mk("b", op, 1, "")},
			map[string]string{"abis": "(a) bis", "b": "(b)"}, map[string]string{"abis": "1(a) bis"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := NumberParagraphs(tc.ps)
			for id, want := range tc.want {
				if got := n.Label[id]; got != want {
					t.Errorf("label of %s = %q, want %q", id, got, want)
				}
			}
			for id, want := range tc.refs {
				if got := n.Ref[id]; got != want {
					t.Errorf("ref of %s = %q, want %q", id, got, want)
				}
			}
		})
	}
}

func TestBracketSpans(t *testing.T) {
	tests := []struct {
		name       string
		text       Spans
		start, end int
		want       string // Bracketed()
		wantSpans  int
		wantErr    bool
	}{
		{"middle", Spans{{T: "law and voluntary norms"}}, 8, 18, "law and [voluntary ]norms", 3, false},
		{"whole", Spans{{T: "all of it"}}, 0, 9, "[all of it]", 1, false},
		{"at a span boundary", Spans{{T: "one "}, {T: "two", Bracket: "x", Side: "jp"}, {T: " three"}}, 7, 13, "one [two][ three]", 3, false},
		{"overlaps a bracket", Spans{{T: "one "}, {T: "two", Bracket: "x", Side: "jp"}, {T: " three"}}, 2, 6, "", 0, true},
		{"inside a bracket", Spans{{T: "one "}, {T: "two", Bracket: "x", Side: "jp"}}, 5, 6, "", 0, true},
		{"empty selection", Spans{{T: "abc"}}, 1, 1, "", 0, true},
		{"out of range", Spans{{T: "abc"}}, 1, 9, "", 0, true},
		{"Japanese", Spans{{T: "両国は情報を共有する。"}}, 3, 5, "両国は[情報]を共有する。", 3, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := BracketSpans(tc.text, tc.start, tc.end, "au", "new")
			if (err != nil) != tc.wantErr {
				t.Fatalf("error = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if got.Bracketed() != tc.want || len(got) != tc.wantSpans {
				t.Errorf("got %q in %d spans, want %q in %d", got.Bracketed(), len(got), tc.want, tc.wantSpans)
			}
			if got.Plain() != tc.text.Plain() {
				t.Errorf("plain text changed: %q", got.Plain())
			}
			for _, b := range got.Brackets() {
				if b.ID == "new" && b.Side != "au" {
					t.Errorf("new bracket side = %q", b.Side)
				}
			}
		})
	}
	// The input is never modified.
	in := Spans{{T: "abc def"}}
	if _, err := BracketSpans(in, 0, 3, "au", "n"); err != nil || in[0].T != "abc def" || in[0].Bracket != "" {
		t.Errorf("input modified: %+v", in)
	}
}

func TestResolveSpans(t *testing.T) {
	b := func(s string) Span { return Span{T: s, Bracket: "b", Side: "jp"} }
	o := func(s string) Span { return Span{T: s, Bracket: "o", Side: "au"} }
	p := func(s string) Span { return Span{T: s} }
	tests := []struct {
		name string
		text Spans
		keep bool
		want string
	}{
		{"keep", Spans{p("law and "), b("voluntary "), p("norms")}, true, "law and voluntary norms"},
		{"drop middle", Spans{p("law and "), b("voluntary "), p("norms")}, false, "law and norms"},
		{"drop at start", Spans{b("Where possible, "), p("the Participants")}, false, "the Participants"},
		{"drop at end before full stop", Spans{p("infrastructure"), b(", as well as ransomware"), p(".")}, false, "infrastructure."},
		{"drop leaves double space", Spans{p("cyber "), b("and digital"), p(" security")}, false, "cyber security"},
		{"drop leaves space before comma", Spans{p("share "), b("information"), p(", expertise")}, false, "share, expertise"},
		{"drop whole text", Spans{b("everything")}, false, ""},
		{"other bracket stays", Spans{o("first "), b("second "), p("third")}, false, "[first ]third"},
		{"keep next to another bracket", Spans{o("first "), b("second")}, true, "[first ]second"},
		{"Japanese drop", Spans{p("両国は"), b("可能な限り"), p("協議する。")}, false, "両国は協議する。"},
		{"Japanese keep", Spans{p("両国は"), b("可能な限り"), p("協議する。")}, true, "両国は可能な限り協議する。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ResolveSpans(tc.text, "b", tc.keep)
			if err != nil {
				t.Fatal(err)
			}
			if got.Bracketed() != tc.want {
				t.Errorf("got %q, want %q", got.Bracketed(), tc.want)
			}
		})
	}
	if _, err := ResolveSpans(Spans{p("x")}, "b", true); err == nil {
		t.Error("resolving a missing bracket: no error")
	}
}

func TestRemapSpans(t *testing.T) {
	base := Spans{{T: "The Participants "}, {T: "may ", Bracket: "b1", Side: "jp"}, {T: "consult."}}
	tests := []struct {
		name, plain, want string
		brackets          int
	}{
		{"unchanged", "The Participants may consult.", "The Participants [may ]consult.", 1},
		{"typing before the bracket", "The two Participants may consult.", "The two Participants [may ]consult.", 1},
		{"typing inside the bracket", "The Participants maay consult.", "The Participants [maay ]consult.", 1},
		{"retyping the bracketed word", "The Participants might consult.", "The Participants [might ]consult.", 1},
		{"typing at the bracket's end stays out", "The Participants may regularly consult.", "The Participants [may ]regularly consult.", 1},
		{"deleting the bracketed text", "The Participants consult.", "The Participants consult.", 0},
		{"typing after", "The Participants may consult each other.", "The Participants [may ]consult each other.", 1},
		{"everything new", "Nothing alike", "Nothing alike", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := RemapSpans(base, tc.plain)
			if got.Plain() != tc.plain {
				t.Fatalf("plain = %q, want %q", got.Plain(), tc.plain)
			}
			if got.Bracketed() != tc.want || got.OpenBrackets() != tc.brackets {
				t.Errorf("got %q (%d brackets), want %q", got.Bracketed(), got.OpenBrackets(), tc.want)
			}
			for _, b := range got.Brackets() {
				if b.ID != "b1" || b.Side != "jp" {
					t.Errorf("bracket lost its identity: %+v", b)
				}
			}
		})
	}
	ja := Spans{{T: "両国は"}, {T: "可能な限り", Bracket: "b", Side: "jp"}, {T: "協議する。"}}
	if got := RemapSpans(ja, "両国は可能な範囲で協議する。"); got.Bracketed() != "両国は[可能な範囲で]協議する。" {
		t.Errorf("Japanese: got %q", got.Bracketed())
	}
}

func TestRemapBracketed(t *testing.T) {
	old := Spans{{T: "law and "}, {T: "voluntary ", Bracket: "b1", Side: "jp"}, {T: "norms"}}
	tests := []struct {
		name, text, want string
		keepID           bool
		newBrackets      int
		wantErr          string
	}{
		{"same", "law and [voluntary ]norms", "law and [voluntary ]norms", true, 0, ""},
		{"edited inside", "law and [voluntary, non-binding ]norms", "law and [voluntary, non-binding ]norms", true, 0, ""},
		{"new bracket", "[law] and [voluntary ]norms", "[law] and [voluntary ]norms", true, 1, ""},
		{"bracket removed", "law and voluntary norms", "law and voluntary norms", false, 0, ""},
		{"unclosed", "law and [voluntary norms", "", false, 0, "not closed"},
		{"stray close", "law] and norms", "", false, 0, "closes no bracket"},
		{"nested", "law [and [voluntary]] norms", "", false, 0, "do not nest"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := RemapBracketed(old, tc.text, "au")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Bracketed() != tc.want {
				t.Errorf("got %q, want %q", got.Bracketed(), tc.want)
			}
			kept, fresh := false, 0
			for _, b := range got.Brackets() {
				if b.ID == "b1" && b.Side == "jp" {
					kept = true
				} else if b.Side == "au" {
					fresh++
				}
			}
			if kept != tc.keepID || fresh != tc.newBrackets {
				t.Errorf("kept b1 = %v, new brackets = %d; want %v, %d", kept, fresh, tc.keepID, tc.newBrackets)
			}
		})
	}
}

func TestBracketAndResolveThroughDocument(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	// Paragraph 1 is agreed; bracketing part of it makes it bracketed.
	doE(t, d)(m.BracketEdit("p1", 4, 16, "jp"))
	p1 := m.ParagraphByID("p1")
	if p1.Text.Bracketed() != "The [Participants] will cooperate." || p1.State != StateBracketed {
		t.Fatalf("after bracketing: %q %s", p1.Text.Bracketed(), p1.State)
	}
	// It cannot be agreed while the bracket is open, neither by the edit
	// builder nor by a raw op through the document.
	if _, err := m.SetStateEdit("p1", StateAgreed); !errors.Is(err, ErrRule) {
		t.Errorf("agreeing a bracketed paragraph: %v", err)
	}
	if err := d.Apply(Edit{Ops: []Op{Set(KindParagraph, "p1", "state", StateAdRef)}}); !errors.Is(err, ErrRule) {
		t.Errorf("raw ad ref with a bracket: %v", err)
	}
	id := p1.Text.Brackets()[0].ID
	doE(t, d)(m.ResolveBracketEdit("p1", id, true))
	if p1 = m.ParagraphByID("p1"); p1.Text.Bracketed() != "The Participants will cooperate." || p1.State != StateProposed {
		t.Fatalf("after keeping: %q %s", p1.Text.Bracketed(), p1.State)
	}
	doE(t, d)(m.SetStateEdit("p1", StateAgreed))
	// Undo goes back step by step.
	for _, want := range []string{"proposed", "bracketed", "agreed"} {
		if !d.Undo() {
			t.Fatal("nothing to undo")
		}
		if got := m.ParagraphByID("p1").State; string(got) != want {
			t.Errorf("after undo: state %s, want %s", got, want)
		}
	}
	if got := m.ParagraphByID("p1").Text.Bracketed(); got != "The Participants will cooperate." {
		t.Errorf("after undoing everything: %q", got)
	}
	// Dropping paragraph 3's bracket.
	doE(t, d)(m.ResolveBracketEdit("p3", "b1", false))
	if p3 := m.ParagraphByID("p3"); p3.Text.Bracketed() != "The Participants consult." || p3.State != StateProposed {
		t.Errorf("after dropping: %q %s", p3.Text.Bracketed(), p3.State)
	}
	// Unknown side and paragraph.
	if _, err := m.BracketEdit("p1", 0, 3, "xx"); err == nil {
		t.Error("unknown side accepted")
	}
	if _, err := m.BracketEdit("nope", 0, 3, "jp"); err == nil || !strings.Contains(err.Error(), "no statement paragraph") {
		t.Errorf("unknown paragraph: %v", err)
	}
}

func TestAlternatives(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	doE(t, d)(m.SetStateEdit("p1", StateAgreed))
	e, bis, err := m.AddAlternativeEdit("p1", "jp", "The Participants will cooperate closely.")
	doE(t, d)(e, err)
	e, ter, err := m.AddAlternativeEdit(bis, "au", "") // an alternative of an alternative is one of the paragraph
	doE(t, d)(e, err)
	n := m.Numbers()
	if n.Label[bis] != "1 bis" || n.Label[ter] != "1 ter" {
		t.Fatalf("labels: %s", labels(m))
	}
	if m.ParagraphByID("p1").State != StateBracketed || m.ParagraphByID(ter).Text.Plain() != "The Participants will cooperate." {
		t.Errorf("state %s, ter text %q", m.ParagraphByID("p1").State, m.ParagraphByID(ter).Text.Plain())
	}
	// Alternatives follow their paragraph, before paragraph 2.
	ids := []string{}
	for _, p := range m.Paragraphs[:5] {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"h", "p1", bis, ter, "p2"}) {
		t.Errorf("order %v", ids)
	}
	if _, err := m.SetStateEdit("p1", StateAgreed); !errors.Is(err, ErrRule) {
		t.Errorf("agreeing with alternatives: %v", err)
	}
	if _, err := m.SetStateEdit(bis, StateAgreed); !errors.Is(err, ErrRule) {
		t.Errorf("agreeing an alternative: %v", err)
	}
	if err := d.Apply(Edit{Ops: []Op{Set(KindParagraph, "p1", "state", StateAgreed)}}); !errors.Is(err, ErrRule) {
		t.Errorf("raw agree with alternatives: %v", err)
	}
	if _, _, err := m.AddAlternativeEdit("h", "jp", "x"); !errors.Is(err, ErrRule) {
		t.Errorf("alternative of a heading: %v", err)
	}
	// Open items list both alternatives.
	open := 0
	for _, o := range m.OpenItems() {
		if strings.Contains(o.What, "alternative") {
			open++
		}
	}
	if open != 2 {
		t.Errorf("open alternatives = %d, want 2", open)
	}
	// Choosing 1 bis: its text replaces paragraph 1's, alternatives go.
	doE(t, d)(m.ChooseAlternativeEdit(bis))
	p1 := m.ParagraphByID("p1")
	if p1.Text.Plain() != "The Participants will cooperate closely." || p1.Side != "jp" || p1.State != StateProposed {
		t.Errorf("after choosing: %q side %s state %s", p1.Text.Plain(), p1.Side, p1.State)
	}
	if len(Alternatives(m)) != 0 || m.ParagraphByID(bis) != nil {
		t.Errorf("alternatives left: %v", Alternatives(m))
	}
	d.Undo()
	if m.ParagraphByID(bis) == nil || m.ParagraphByID("p1").Text.Plain() != "The Participants will cooperate." {
		t.Error("undo did not bring the alternatives back")
	}
	// Withdrawing both alternatives puts paragraph 1 back to proposed.
	doE(t, d)(m.DeleteParagraphEdit(ter))
	if m.ParagraphByID("p1").State != StateBracketed {
		t.Error("one alternative left: paragraph should stay bracketed")
	}
	doE(t, d)(m.DeleteParagraphEdit(bis))
	if m.ParagraphByID("p1").State != StateProposed {
		t.Errorf("no alternatives left: state %s", m.ParagraphByID("p1").State)
	}
	// Choosing the paragraph itself withdraws the alternatives.
	e, _, err = m.AddAlternativeEdit("p3", "au", "Other words.")
	doE(t, d)(e, err)
	doE(t, d)(m.ChooseAlternativeEdit("p3"))
	if p3 := m.ParagraphByID("p3"); p3.Text.Bracketed() != "The Participants [may ]consult." || p3.State != StateBracketed || len(Alternatives(m)) != 0 {
		t.Errorf("choosing the paragraph itself: %q %s", p3.Text.Bracketed(), p3.State)
	}
	if _, err := m.ChooseAlternativeEdit("p2"); err == nil {
		t.Error("choosing among no alternatives: no error")
	}
}

func TestStateRules(t *testing.T) {
	tests := []struct {
		name  string
		para  string
		state State
		ok    bool
	}{
		{"agree clean paragraph", "p2", StateAgreed, true},
		{"ad ref clean paragraph", "p2", StateAdRef, true},
		{"agree bracketed", "p3", StateAgreed, false},
		{"ad ref bracketed", "p3", StateAdRef, false},
		{"propose bracketed", "p3", StateProposed, true},
		{"unknown state", "p2", "final", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := stmtMeeting()
			e, err := m.SetStateEdit(tc.para, tc.state)
			if (err == nil) != tc.ok {
				t.Fatalf("SetStateEdit: %v, want ok %v", err, tc.ok)
			}
			// The document refuses the same thing on its own.
			err = NewDocument(m).Apply(Edit{Ops: []Op{Set(KindParagraph, tc.para, "state", tc.state)}})
			if tc.state != "final" && (err == nil) != tc.ok {
				t.Errorf("Document.Apply: %v, want ok %v", err, tc.ok)
			}
			_ = e
		})
	}
}

func TestSetText(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	doE(t, d)(m.SetTextEdit("p3", "The two Participants may consult."))
	doE(t, d)(m.SetTextEdit("p3", "The two Participants may consult each other."))
	if got := m.ParagraphByID("p3").Text.Bracketed(); got != "The two Participants [may ]consult each other." {
		t.Errorf("got %q", got)
	}
	// Typing coalesces into one undo step.
	d.Undo()
	if got := m.ParagraphByID("p3").Text.Bracketed(); got != "The Participants [may ]consult." {
		t.Errorf("after undo: %q", got)
	}
	doE(t, d)(m.SetTextEdit("p3", "The Participants consult."))
	if p := m.ParagraphByID("p3"); p.Text.OpenBrackets() != 0 || p.State != StateProposed {
		t.Errorf("bracket text deleted: %q %s", p.Text.Bracketed(), p.State)
	}
	doE(t, d)(m.SetBracketedTextEdit("p2", "The Participants [will]:", "au"))
	if p := m.ParagraphByID("p2"); p.Text.Bracketed() != "The Participants [will]:" || p.State != StateBracketed || p.Text[1].Side != "au" {
		t.Errorf("bracketed text: %+v %s", p.Text, p.State)
	}
	if _, err := m.SetBracketedTextEdit("p2", "The [Participants", "au"); err == nil || !strings.Contains(err.Error(), "paragraph 2") {
		t.Errorf("unclosed bracket: %v", err)
	}
	doE(t, d)(m.SetLeadInEdit("p2a", "  Share information "))
	if m.ParagraphByID("p2a").LeadIn != "Share information" {
		t.Errorf("lead-in %q", m.ParagraphByID("p2a").LeadIn)
	}
	doE(t, d)(m.SetKindEdit("p1", ParaHeading))
	if p := m.ParagraphByID("p1"); p.Kind != ParaHeading {
		t.Error("kind not set")
	}
}

func TestInsertMoveIndentDelete(t *testing.T) {
	tests := []struct {
		name string
		do   func(m *Meeting) (Edit, error)
		want string
	}{
		{"move 3 up past 2 with its sub-paragraphs", func(m *Meeting) (Edit, error) { return m.MoveParagraphEdit("p3", -1) },
			"h=- p1=1 p3=2 p2=3 p2a=(a) p2ai=(i) p2b=(b)"},
		{"move 2 down takes its sub-paragraphs", func(m *Meeting) (Edit, error) { return m.MoveParagraphEdit("p2", 1) },
			"h=- p1=1 p3=2 p2=3 p2a=(a) p2ai=(i) p2b=(b)"},
		{"move (b) up swaps with (a)", func(m *Meeting) (Edit, error) { return m.MoveParagraphEdit("p2b", -1) },
			"h=- p1=1 p2=2 p2b=(a) p2a=(b) p2ai=(i) p3=3"},
		{"move (a) up cannot leave its paragraph", func(m *Meeting) (Edit, error) { return m.MoveParagraphEdit("p2a", -1) },
			"h=- p1=1 p2=2 p2a=(a) p2ai=(i) p2b=(b) p3=3"},
		{"move 1 up past the heading", func(m *Meeting) (Edit, error) { return m.MoveParagraphEdit("p1", -1) },
			"p1=1 h=- p2=2 p2a=(a) p2ai=(i) p2b=(b) p3=3"},
		{"move the last down: nothing", func(m *Meeting) (Edit, error) { return m.MoveParagraphEdit("p3", 1) },
			"h=- p1=1 p2=2 p2a=(a) p2ai=(i) p2b=(b) p3=3"},
		{"indent 3 under 2", func(m *Meeting) (Edit, error) { return m.IndentEdit("p3", 1) },
			"h=- p1=1 p2=2 p2a=(a) p2ai=(i) p2b=(b) p3=(c)"},
		{"indent (b) under (a)", func(m *Meeting) (Edit, error) { return m.IndentEdit("p2b", 1) },
			"h=- p1=1 p2=2 p2a=(a) p2ai=(i) p2b=(ii) p3=3"},
		{"outdent (a) takes (i) with it", func(m *Meeting) (Edit, error) { return m.IndentEdit("p2a", -1) },
			"h=- p1=1 p2=2 p2a=3 p2ai=(a) p2b=(b) p3=4"},
		{"delete 2 keeps its sub-paragraphs", func(m *Meeting) (Edit, error) { return m.DeleteParagraphEdit("p2") },
			"h=- p1=1 p2a=(a) p2ai=(i) p2b=(b) p3=2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := stmtMeeting()
			before := labels(m)
			d := NewDocument(m)
			e, err := tc.do(m)
			doE(t, d)(e, err)
			if got := labels(m); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			d.Undo()
			if got := labels(m); got != before {
				t.Errorf("after undo %s", got)
			}
		})
	}
	refused := []struct {
		name string
		do   func(m *Meeting) (Edit, error)
	}{
		{"indent the first paragraph after a heading", func(m *Meeting) (Edit, error) { return m.IndentEdit("p1", 1) }},
		{"indent (i) further", func(m *Meeting) (Edit, error) { return m.IndentEdit("p2ai", 1) }},
		{"indent (a) with its (i)", func(m *Meeting) (Edit, error) { return m.IndentEdit("p2a", 1) }},
		{"outdent a paragraph", func(m *Meeting) (Edit, error) { return m.IndentEdit("p1", -1) }},
		{"indent a heading", func(m *Meeting) (Edit, error) { return m.IndentEdit("h", 1) }},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.do(stmtMeeting()); !errors.Is(err, ErrRule) {
				t.Errorf("error = %v, want a rule refusal", err)
			}
		})
	}
	// The document refuses a level out of range on its own.
	m := stmtMeeting()
	if err := NewDocument(m).Apply(Edit{Ops: []Op{Set(KindParagraph, "p2ai", "level", 3)}}); !errors.Is(err, ErrRule) {
		t.Errorf("level 3: %v", err)
	}
}

func TestInsert(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	e, id, err := m.InsertAfterEdit("p2", "")
	doE(t, d)(e, err)
	if got := labels(m); got != "h=- p1=1 p2=2 p2a=(a) p2ai=(i) p2b=(b) "+id+"=3 p3=4" {
		t.Errorf("insert after 2: %s", got)
	}
	e, id2, err := m.InsertAfterEdit("p2a", "")
	doE(t, d)(e, err)
	if n := m.Numbers(); n.Ref[id2] != "2(b)" {
		t.Errorf("insert after (a): %s", labels(m))
	}
	e, id3, err := m.InsertBeforeEdit("p1", ParaPreambular)
	doE(t, d)(e, err)
	if m.Paragraphs[1].ID != id3 || m.Paragraphs[1].Kind != ParaPreambular || m.Paragraphs[1].Side != "au" {
		t.Errorf("insert before 1: %s", labels(m))
	}
	e, id4, err := m.InsertAfterEdit("", ParaHeading)
	doE(t, d)(e, err)
	if last := m.Paragraphs[len(m.Paragraphs)-1]; last.ID != id4 || last.Kind != ParaHeading || last.Level != 0 {
		t.Errorf("append heading: %s", labels(m))
	}
	e, id5, err := m.InsertBeforeEdit("", "")
	doE(t, d)(e, err)
	if m.Paragraphs[0].ID != id5 {
		t.Errorf("insert at start: %s", labels(m))
	}
	if _, _, err := m.InsertAfterEdit("p1", "annex"); err == nil {
		t.Error("unknown kind accepted")
	}
}

func TestStillOpen(t *testing.T) {
	m := stmtMeeting()
	for _, p := range m.Paragraphs {
		if p.ID == "p2" || p.ID == "p2a" || p.ID == "p2b" {
			p.State = StateAgreed
		}
	}
	f := m.StillOpen()
	var shown, open []string
	for _, p := range m.Paragraphs {
		if f.Shows(p.ID) {
			shown = append(shown, p.ID)
		}
		if f.Open[p.ID] {
			open = append(open, p.ID)
		}
	}
	// (i) is proposed: its paragraph 2 and (a) show as context.
	if !slices.Equal(open, []string{"p2ai", "p3"}) || !slices.Equal(shown, []string{"h", "p2", "p2a", "p2ai", "p3"}) {
		t.Errorf("open %v shown %v", open, shown)
	}
	if got := m.OpenBracketsBySide(); got["jp"] != 1 || len(got) != 1 {
		t.Errorf("brackets by side %v", got)
	}
}

func TestSaveDraftAndSignatories(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	if m.NextDraftNumber() != 1 {
		t.Fatalf("first draft number %d", m.NextDraftNumber())
	}
	doE(t, d)(m.SaveDraftEdit("Australian comments", "2016-07-22", DirSent, "jp"))
	doE(t, d)(m.SaveDraftEdit("", "", "", ""))
	if len(m.Versions) != 2 || m.Versions[1].Number != 2 || m.NextDraftNumber() != 3 {
		t.Fatalf("drafts %+v", m.Versions)
	}
	v := m.DraftByNumber(1)
	if v.Label != "Australian comments" || v.Direction != DirSent || len(v.Paragraphs) != len(m.Paragraphs) || v.Paragraphs[6].Text.Bracketed() != "The Participants [may ]consult." {
		t.Errorf("draft 1: %+v", v)
	}
	if m.DraftByNumber(2).Direction != DirInternal {
		t.Error("empty direction should be internal")
	}
	// The snapshot does not share the current text: editing it leaves the draft alone.
	doE(t, d)(m.SetTextEdit("p3", "Changed."))
	if m.DraftByNumber(1).Paragraphs[6].Text.Plain() != "The Participants may consult." {
		t.Error("draft changed with the text")
	}
	for _, bad := range []struct{ date, dir, side string }{{"22/07/2016", "sent", ""}, {"", "posted", ""}, {"", "sent", "xx"}} {
		if _, err := m.SaveDraftEdit("x", bad.date, Direction(bad.dir), bad.side); err == nil {
			t.Errorf("bad draft %v accepted", bad)
		}
	}

	e, s1, err := m.AddSignatoryEdit("au", "Julie Bishop", "Minister for Foreign Affairs")
	doE(t, d)(e, err)
	e, s2, err := m.AddSignatoryEdit("au", "", "Minister for Defence")
	doE(t, d)(e, err)
	e, s3, err := m.AddSignatoryEdit("jp", "", "Minister for Foreign Affairs of Japan")
	doE(t, d)(e, err)
	doE(t, d)(m.MoveSignatoryEdit(s2, -1))
	doE(t, d)(m.SetSignatoryEdit(s1, "Julie Bishop", "Minister for Foreign Affairs of Australia"))
	var order []string
	for _, s := range m.Perspective("au").Signatories() {
		order = append(order, s.ID)
	}
	if !slices.Equal(order, []string{s2, s1, s3}) {
		t.Errorf("signatory order %v, want %v", order, []string{s2, s1, s3})
	}
	doE(t, d)(m.DeleteSignatoryEdit(s3))
	if len(m.Signatories) != 2 {
		t.Error("signatory not deleted")
	}
	if _, _, err := m.AddSignatoryEdit("", "x", "y"); err == nil {
		t.Error("signatory without a side accepted")
	}
}

func TestAgreedLanguageEdits(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	doE(t, d)(m.SetAgreedLanguageEdit("p1", true))
	if !m.ParagraphByID("p1").AgreedLanguage {
		t.Error("not marked")
	}
	src := Paragraph{Kind: ParaOperative, LeadIn: "Harden cyber defences", Text: Spans{{T: "by sharing information."}}}
	e, id, err := m.InsertAgreedLanguageEdit("p1", src, Source{Meeting: "2nd Japan-Australia Cyber Policy Dialogue", Date: "2016-08-02", Number: "6(a)", File: "2016.parley"})
	doE(t, d)(e, err)
	p := m.ParagraphByID(id)
	if p == nil || p.Source == nil || p.Source.Number != "6(a)" || !p.AgreedLanguage || p.LeadIn != "Harden cyber defences" || p.State != StateProposed {
		t.Fatalf("inserted: %+v", p)
	}
	if m.Numbers().Ref[id] != "2" {
		t.Errorf("inserted as %s", m.Numbers().Ref[id])
	}
}

func TestFinalOpenItems(t *testing.T) {
	m := stmtMeeting()
	m.ParagraphByID("p1").State = StateAdRef
	alt := &Paragraph{Rec: Rec{ID: "alt"}, Pos: PosBetween(m.ParagraphByID("p2b").Pos, m.ParagraphByID("p3").Pos), Kind: ParaOperative, AltOf: "p2", Side: "jp", Text: PlainSpans("Other.")}
	m.Paragraphs = append(m.Paragraphs, alt)
	m.Normalize()
	var got []string
	for _, o := range m.OpenItems() {
		got = append(got, o.String())
	}
	want := []string{
		"paragraph 1: agreed ad ref only (subject to confirmation by capital)",
		"paragraph 2 bis: alternative wording proposed by Japan",
		"paragraph 3: bracket [may ] proposed by Japan",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
