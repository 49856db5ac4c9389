package app

import (
	"strconv"
	"strings"
	"testing"
)

// rl renders runs with the plain-text marks, for comparing.
func rl(runs []Run) string {
	var b strings.Builder
	writeRuns(&b, runs)
	return b.String()
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"same", "The Participants will meet.", "The Participants will meet.", "The Participants will meet."},
		{"insert a word", "The Participants will meet.", "The Participants will meet annually.", "The Participants will meet{+ annually+}."},
		{"delete a word", "The Participants will regularly meet.", "The Participants will meet.", "The Participants will [-regularly -]meet."},
		{"replace a word", "The Parties shall meet.", "The Participants will meet.",
			"The [-Parties shall-]{+Participants will+} meet."},
		{"whole words, not letters", "cooperation", "coordination", "[-cooperation-]{+coordination+}"},
		{"brackets are text", "where possible, the", "[where possible, ]the", "{+[+}where possible, {+]+}the"},
		{"from nothing", "", "New text.", "{+New text.+}"},
		{"to nothing", "Old text.", "", "[-Old text.-]"},
		{"Japanese by character", "両国は情報を共有する。", "両国はサイバー情報を共有する。", "両国は{+サイバー+}情報を共有する。"},
		{"Japanese replacement", "日本と豪州は協議する。", "日本と豪州は協力する。", "日本と豪州は協[-議-]{+力+}する。"},
		{"Korean words", "양국은 정보를 공유한다.", "양국은 위협 정보를 공유한다.", "양국은 {+위협 +}정보를 공유한다."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			runs := WordDiff(tc.a, tc.b)
			if got := rl(runs); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			var old, new strings.Builder
			for _, r := range runs {
				if r.Op != RunInsert {
					old.WriteString(r.Text)
				}
				if r.Op != RunDelete {
					new.WriteString(r.Text)
				}
			}
			if old.String() != tc.a || new.String() != tc.b {
				t.Errorf("runs do not give the texts back: %q / %q", old.String(), new.String())
			}
		})
	}
}

func TestTokenCodesSkipSurrogates(t *testing.T) {
	for _, i := range []int{0, 1, 0xD7FE, 0xD7FF, 0xD800, 0x10000, 0x100000} {
		r := runeFor(i)
		if r >= 0xD800 && r <= 0xDFFF {
			t.Errorf("token %d coded as a surrogate %U", i, r)
		}
		if got := indexOfRune(r); got != i {
			t.Errorf("token %d: coded %U, decoded %d", i, r, got)
		}
	}
}

func para(id, text string) Paragraph {
	return Paragraph{Rec: Rec{ID: id}, Kind: ParaOperative, State: StateProposed, Text: PlainSpans(text)}
}

func summary(ps []RedlinePara) string {
	var out []string
	for _, p := range ps {
		s := string(p.Status)[:3]
		if p.Moved {
			s += "+moved"
		}
		lab := p.NewLabel
		if p.Status == ParaDeleted {
			lab = p.OldLabel
		} else if p.OldLabel != p.NewLabel && p.OldLabel != "" {
			lab = p.OldLabel + ">" + p.NewLabel
		}
		out = append(out, lab+":"+s)
	}
	return strings.Join(out, " ")
}

func TestCompareParagraphs(t *testing.T) {
	a, b, c, d := para("a", "Alpha one."), para("b", "Bravo two."), para("c", "Charlie three."), para("d", "Delta four.")
	renamed := para("new-c", "Charlie three.")
	edited := para("x", "Charlie three and more.")
	bis := para("cbis", "Charlie alternative.")
	bis.AltOf = "c"
	tests := []struct {
		name     string
		old, new []Paragraph
		want     string
	}{
		{"unchanged", []Paragraph{a, b, c}, []Paragraph{a, b, c}, "1:unc 2:unc 3:unc"},
		{"inserted", []Paragraph{a, c}, []Paragraph{a, b, c}, "1:unc 2:ins 2>3:unc"},
		{"deleted stays in place", []Paragraph{a, b, c}, []Paragraph{a, c}, "1:unc 2:del 3>2:unc"},
		{"deleted first", []Paragraph{a, b, c}, []Paragraph{b, c}, "1:del 2>1:unc 3>2:unc"},
		{"moved", []Paragraph{a, b, c, d}, []Paragraph{a, c, d, b}, "1:unc 3>2:unc 4>3:unc 2>4:unc+moved"},
		{"moved up", []Paragraph{a, b, c, d}, []Paragraph{d, a, b, c}, "4>1:unc+moved 1>2:unc 2>3:unc 3>4:unc"},
		{"same text under a new ID", []Paragraph{a, b, c}, []Paragraph{renamed, a, b}, "3>1:unc+moved 1>2:unc 2>3:unc"},
		{"similar text under a new ID", []Paragraph{a, b, c}, []Paragraph{a, b, edited}, "1:unc 2:unc 3:cha"},
		{"alternative added", []Paragraph{a, c}, []Paragraph{a, c, bis}, "1:unc 2:unc 2 bis:ins"},
		{"everything new", []Paragraph{a}, []Paragraph{d}, "1:del 1:ins"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CompareParagraphs(tc.old, tc.new)
			if s := summary(got); s != tc.want {
				t.Errorf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
	// A moved and edited paragraph shows both.
	c2 := para("c", "Charlie three, changed.")
	got := CompareParagraphs([]Paragraph{a, b, c, d}, []Paragraph{c2, a, b, d})
	if got[0].ID != "c" || !got[0].Moved || got[0].Status != ParaChanged || rl(got[0].Text) != "Charlie three{+, changed+}." {
		t.Errorf("moved and changed: %+v", got[0])
	}
	if got[0].OldRef != "3" || got[0].NewRef != "1" {
		t.Errorf("numbers %s -> %s", got[0].OldRef, got[0].NewRef)
	}
}

func TestRedlineJapanese(t *testing.T) {
	old := []Paragraph{para("1", "両国は、サイバー空間における国際法の適用について協議する。"), para("2", "両国は情報を共有する。")}
	new := []Paragraph{para("1", "両国は、サイバー空間における国際法の適用について緊密に協議する。"), para("3", "両国は演習を実施する。"), para("2", "両国は情報を共有する。")}
	got := CompareParagraphs(old, new)
	if s := summary(got); s != "1:cha 2:ins 2>3:unc" {
		t.Fatalf("paragraphs: %s", s)
	}
	if s := rl(got[0].Text); s != "両国は、サイバー空間における国際法の適用について{+緊密に+}協議する。" {
		t.Errorf("text: %s", s)
	}
}

func TestMeetingRedline(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	doE(t, d)(m.SaveDraftEdit("Japanese first draft", "2016-07-12", DirReceived, "jp"))
	doE(t, d)(m.BracketEdit("p1", 4, 16, "au"))
	doE(t, d)(m.MoveParagraphEdit("p3", -1))
	e, _, err := m.InsertAfterEdit("p3", "")
	doE(t, d)(e, err)
	doE(t, d)(m.SaveDraftEdit("Australian comments", "2016-07-22", DirSent, "jp"))

	r, err := m.Redline(1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if r.Side != "au" || r.SideName != "Australia" || r.From.ByName != "Japan" {
		t.Errorf("attributed to %q (%s), from by %s", r.Side, r.SideName, r.From.ByName)
	}
	var b strings.Builder
	if err := r.WriteText(&b, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Redline: draft 1 -> draft 2",
		`from: draft 1 "Japanese first draft", 2016-07-12, received, by Japan`,
		"Changes by Australia.",
		"~ 1. (agreed -> bracketed) The {+[+}Participants{+]+} will cooperate.",
		"> 2. (moved, was 3) The Participants [may ]consult.",
		"+ 3. (new)",
		"  4. (was 2) The Participants will:",
		"      (i) on threats;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	b.Reset()
	r.WriteText(&b, true)
	if strings.Contains(b.String(), "Scope") {
		t.Errorf("changes only shows an unchanged heading:\n%s", b.String())
	}
	// The current text against draft 2: nothing changed.
	r, err = m.Redline(2, 0)
	if err != nil || r.Changed() {
		t.Errorf("current text vs draft 2: %v changed %v", err, r != nil && r.Changed())
	}
	if _, err := m.Redline(7, 0); err == nil || !strings.Contains(err.Error(), "drafts are 1, 2") {
		t.Errorf("missing draft: %v", err)
	}
}

// redlineDrafts builds two 120-paragraph texts: the later one with a word
// changed in every fifth paragraph, a paragraph inserted every 20, one
// deleted every 30 and two moved.
func redlineDrafts() (old, new []Paragraph) {
	words := strings.Fields("the participants will cooperate closely on cyber security capacity building critical infrastructure information sharing and regional resilience in the indo-pacific consistent with international law")
	for i := 0; i < 120; i++ {
		var b strings.Builder
		for k := 0; k < 60; k++ {
			b.WriteString(words[(i*7+k*3)%len(words)])
			b.WriteByte(' ')
		}
		old = append(old, para("p"+strconv.Itoa(i), strings.TrimSpace(b.String())+"."))
	}
	for i, p := range old {
		if i%30 == 29 {
			continue
		}
		if i%5 == 0 {
			p.Text = PlainSpans(strings.Replace(p.Text.Plain(), "cooperate", "work together", 1) + " [Where possible.]")
		}
		new = append(new, p)
		if i%20 == 10 {
			new = append(new, para("n"+strconv.Itoa(i), "A new paragraph proposed in this draft about something else entirely."))
		}
	}
	new[3], new[50] = new[50], new[3]
	return old, new
}

func BenchmarkRedline120(b *testing.B) {
	old, new := redlineDrafts()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		CompareParagraphs(old, new)
	}
}
