package docx

import (
	"testing"

	"parley/app"
	"parley/app/sample"
)

// BenchmarkExportLarge writes the large meeting's 120-paragraph statement
// as a Word document.
func BenchmarkExportLarge(b *testing.B) {
	m := sample.Large(sample.LargeOptions{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Statement(m, StatementOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportLarge reads the large meeting's statement from a Word
// document and imports it, through the document, into an empty
// statement.
func BenchmarkImportLarge(b *testing.B) {
	src := sample.Large(sample.LargeOptions{})
	data, err := Statement(src, StatementOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		m := sample.Sample()
		m.Paragraphs = nil
		doc := app.NewDocument(m)
		b.StartTimer()
		d, err := ReadDraft(data, "large.docx", m, "")
		if err != nil {
			b.Fatal(err)
		}
		if err := doc.Do(m.ImportDraftEdit(d, false)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRedlineLarge writes the large meeting's redline from its first
// draft to the current text, through every draft between, as Word tracked
// changes.
func BenchmarkRedlineLarge(b *testing.B) {
	m := sample.Large(sample.LargeOptions{})
	b.ReportAllocs()
	for b.Loop() {
		r, err := m.Redline(1, 0)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Redline(m, r, RedlineOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
