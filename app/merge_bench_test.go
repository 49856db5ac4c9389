package app_test

import (
	"fmt"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// divergedCopies returns two copies of the large generated meeting with a
// tenth of the people, programme items, background and statement
// paragraphs edited: a third of those on one copy, a third on the other,
// a third on both (other fields; for paragraphs, other words of the text,
// merged word by word). Each copy also adds and deletes a few people.
func divergedCopies(tb testing.TB) (mine, theirs *app.Meeting) {
	o := sample.Large(sample.LargeOptions{})
	a, b := fork(o)
	var opsA, opsB []app.Op
	edit := func(i int, k app.Kind, id, fa string, va any, fb string, vb any) {
		switch i % 3 {
		case 0:
			opsA = append(opsA, app.Set(k, id, fa, va))
		case 1:
			opsB = append(opsB, app.Set(k, id, fb, vb))
		default:
			opsA = append(opsA, app.Set(k, id, fa, va))
			opsB = append(opsB, app.Set(k, id, fb, vb))
		}
	}
	for i, p := range o.People {
		if i%10 == 0 {
			edit(i/10, app.KindPerson, p.ID, "position", "Director "+p.ID[:4], "email", p.ID[:8]+"@example.org")
		}
	}
	for i, it := range o.Items {
		if i%10 == 0 {
			edit(i/10, app.KindItem, it.ID, "title", "Revised "+it.Title, "minutes", it.Minutes+5)
		}
	}
	for i, bg := range o.Background {
		if i%10 == 0 {
			edit(i/10, app.KindBackground, bg.ID, "text", bg.Text+" Updated.", "nfd", !bg.NotForDisclosure)
		}
	}
	for i, p := range o.Paragraphs {
		if i%10 != 0 || p.Kind == app.ParaHeading {
			continue
		}
		words := strings.Fields(p.Text.Plain())
		first := append([]string{"Firstly,"}, words...)
		last := append(append([]string{}, words...), "(as revised)")
		n := i / 10
		edit(n, app.KindParagraph, p.ID, "text", app.PlainSpans(strings.Join(first, " ")), "text", app.PlainSpans(strings.Join(last, " ")))
	}
	for i := 0; i < 5; i++ {
		side := o.Sides[i%2].ID
		opsA = append(opsA, app.Add(&app.Person{Rec: app.Rec{ID: fmt.Sprintf("added-%d", i)}, Side: side,
			Pos: o.PosAfterLast(app.KindPerson, side) + fmt.Sprint(i+1), Given: "New", Family: fmt.Sprint(i), Role: app.RoleMember}))
	}
	if err := a.Apply(app.Edit{Ops: opsA}); err != nil {
		tb.Fatal(err)
	}
	if err := b.Apply(app.Edit{Ops: opsB}); err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		p := o.People[21+i*7] // not one of those edited
		ops, err := b.Meeting().DeleteOps(app.KindPerson, p.ID)
		if err != nil {
			tb.Fatal(err)
		}
		if err := b.Apply(app.Edit{Ops: ops}); err != nil {
			tb.Fatal(err)
		}
	}
	return a.Meeting(), b.Meeting()
}

func TestDivergedLargeMerge(t *testing.T) {
	a, b := divergedCopies(t)
	out, rep, err := app.Merge(a, b, app.MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.WordMerged == 0 || len(out.Conflicts) != 0 || !rep.Changed() {
		t.Fatalf("report %v", rep.Summary())
	}
	if app.HasFatal(app.Validate(out)) {
		t.Fatal("fatal problems")
	}
}

// BenchmarkMergeLarge: target <= 50 ms for two copies of the large
// generated meeting with a tenth of the records diverged.
func BenchmarkMergeLarge(b *testing.B) {
	mine, theirs := divergedCopies(b)
	opt := app.MergeOptions{MineLabel: "mine.parley", TheirsLabel: "theirs.parley"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := app.Merge(mine, theirs, opt); err != nil {
			b.Fatal(err)
		}
	}
}
