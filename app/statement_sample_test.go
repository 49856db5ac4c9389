package app_test

import (
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

func TestSampleStatementRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    *app.Meeting
	}{
		{"sample", sample.Sample()},
		{"large", sample.Large(sample.LargeOptions{})},
		{"large Japanese", sample.Large(sample.LargeOptions{Japanese: true})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.m.StatementText()
			d := tc.m.ReadDraft(text, "")
			// The large sample has sub-paragraphs right after a heading,
			// which validation warns about too: reading reports them, and
			// nothing else.
			orphans := 0
			for _, p := range app.Validate(tc.m) {
				if strings.Contains(p.What, "no paragraph above it") {
					orphans++
				}
			}
			for _, p := range d.Problems {
				if strings.Contains(p.What, "no paragraph above it to belong to") && orphans > 0 {
					orphans--
					continue
				}
				t.Errorf("reading the printed statement: %s", p)
			}
			if got := tc.m.FormatStatement(d.Title, d.Paragraphs); got != text {
				t.Errorf("round trip differs\ngot:\n%s\nwant:\n%s", got, text)
			}
			// The structure survives: kinds, levels, lead-ins, brackets
			// and alternatives with their sides, numbers.
			want, got := tc.m.DisplayOrder(), d.Paragraphs
			if len(got) != len(want) {
				t.Fatalf("%d paragraphs, want %d", len(got), len(want))
			}
			wn, gn := tc.m.Numbers(), app.NumberParagraphs(got)
			for i := range want {
				w, g := want[i], got[i]
				if w.Kind != g.Kind || w.Level != g.Level || w.LeadIn != g.LeadIn || w.Text.Tagged(tc.m.SideCode) != g.Text.Tagged(tc.m.SideCode) ||
					(w.AltOf == "") != (g.AltOf == "") || (w.AltOf != "" && w.Side != g.Side) || wn.Ref[w.ID] != gn.Ref[g.ID] {
					t.Errorf("paragraph %d: got %+v, want %+v", i, g, w)
				}
				if (w.State == app.StateAdRef) != (g.State == app.StateAdRef) {
					t.Errorf("paragraph %s: ad ref lost", wn.Ref[w.ID])
				}
			}
		})
	}
}

func TestSampleRedline(t *testing.T) {
	m := sample.Sample()
	r, err := m.Redline(1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if r.SideName != "Australia" || r.From.ByName != "Japan" {
		t.Errorf("attribution: %s (from %s)", r.SideName, r.From.ByName)
	}
	var ins, changed int
	for _, p := range r.Paragraphs {
		switch p.Status {
		case app.ParaInserted:
			ins++
			if p.NewLabel != "5 bis" || !p.Alternative {
				t.Errorf("inserted %+v", p)
			}
		case app.ParaChanged:
			changed++
		case app.ParaDeleted:
			t.Errorf("deleted %+v", p)
		}
	}
	if ins != 1 || changed != 3 {
		t.Errorf("%d inserted, %d changed; want 1 and 3", ins, changed)
	}
}

func TestLargeRedlineRebuildsTexts(t *testing.T) {
	for _, japanese := range []bool{false, true} {
		m := sample.Large(sample.LargeOptions{Japanese: japanese})
		r, err := m.Redline(1, 20)
		if err != nil {
			t.Fatal(err)
		}
		from, to := m.DraftByNumber(1), m.DraftByNumber(20)
		var olds, news []string
		changed := 0
		for _, p := range r.Paragraphs {
			var o, n strings.Builder
			for _, run := range p.Text {
				if run.Op != app.RunInsert {
					o.WriteString(run.Text)
				}
				if run.Op != app.RunDelete {
					n.WriteString(run.Text)
				}
			}
			if p.Status != app.ParaInserted {
				olds = append(olds, o.String())
			}
			if p.Status != app.ParaDeleted {
				news = append(news, n.String())
			}
			if p.Status == app.ParaChanged {
				changed++
			}
		}
		for i, p := range from.Paragraphs {
			if olds[i] != p.Text.Bracketed() {
				t.Fatalf("Japanese %v: old paragraph %d not rebuilt", japanese, i)
			}
		}
		for i, p := range to.Paragraphs {
			if news[i] != p.Text.Bracketed() {
				t.Fatalf("Japanese %v: new paragraph %d not rebuilt", japanese, i)
			}
		}
		if changed == 0 {
			t.Errorf("Japanese %v: no changes found between draft 1 and 20", japanese)
		}
	}
}

// BenchmarkRedlineLarge compares two 120-paragraph drafts of the large
// sample (draft 1 and draft 20, about a hundred changes apart).
func BenchmarkRedlineLarge(b *testing.B) {
	for _, tc := range []struct {
		name     string
		japanese bool
	}{{"English", false}, {"Japanese", true}} {
		b.Run(tc.name, func(b *testing.B) {
			m := sample.Large(sample.LargeOptions{Japanese: tc.japanese})
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := m.Redline(1, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportLarge reads the large sample's 120-paragraph statement as
// text and imports it, through the document, into an empty statement.
func BenchmarkImportLarge(b *testing.B) {
	src := sample.Large(sample.LargeOptions{})
	text := src.StatementText()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		m := sample.Sample()
		m.Paragraphs = nil
		doc := app.NewDocument(m)
		b.StartTimer()
		d := m.ReadDraft(text, "")
		if err := doc.Do(m.ImportDraftEdit(d, false)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLintLarge lints the large sample's 120-paragraph statement, as
// every validation does.
func BenchmarkLintLarge(b *testing.B) {
	m := sample.Large(sample.LargeOptions{})
	d := app.NewDescriber(m)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		app.Lint(m, d)
	}
}
