package app_test

import (
	"testing"

	"parley/app"
	"parley/app/sample"
)

// BenchmarkSchedule: recomputing the large meeting's schedule, target <= 1 ms.
func BenchmarkSchedule(b *testing.B) {
	m := sample.Large(sample.LargeOptions{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.Schedule()
	}
}

// BenchmarkValidate: validating the large meeting (part of opening a file).
func BenchmarkValidate(b *testing.B) {
	m := sample.Large(sample.LargeOptions{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = app.Validate(m)
	}
}

// BenchmarkApplyEdit: one field edit through the document on the large meeting.
func BenchmarkApplyEdit(b *testing.B) {
	d := app.NewDocument(sample.Large(sample.LargeOptions{}))
	p := d.Meeting().People[10]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		title := "Director"
		if i%2 == 0 {
			title = "Deputy Director"
		}
		if err := d.Apply(app.Edit{Ops: []app.Op{app.Set(app.KindPerson, p.ID, "position", title)}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMovePerson: a structural edit (reorder) on the large meeting.
func BenchmarkMovePerson(b *testing.B) {
	d := app.NewDocument(sample.Large(sample.LargeOptions{}))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := d.Meeting()
		p := m.People[5]
		delta := 1
		if i%2 == 1 {
			delta = -1
		}
		if err := d.Apply(app.Edit{Ops: m.MoveOps(p, delta)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNext: preparing the next meeting of the series from the large
// meeting (new IDs for every record, briefs and agreed language kept),
// target <= 50 ms.
func BenchmarkNext(b *testing.B) {
	m := sample.Large(sample.LargeOptions{})
	if m.Details.Ordinal == 0 {
		m.Details.Ordinal = 2
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := app.Next(m, app.NextOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConfirmAll: confirming every participant of the next large
// meeting (300) as one edit through the document, target <= 20 ms.
func BenchmarkConfirmAll(b *testing.B) {
	m := sample.Large(sample.LargeOptions{})
	if m.Details.Ordinal == 0 {
		m.Details.Ordinal = 2
	}
	next, _, err := app.Next(m, app.NextOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, p := range next.ToConfirm("") {
		ids = append(ids, p.ID)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := app.NewDocument(next.Clone())
		b.StartTimer()
		ed, err := d.Meeting().ConfirmEdit(ids...)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Apply(ed); err != nil {
			b.Fatal(err)
		}
	}
}
