package app_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// TestNext builds the 3rd Japan-Australia meeting from the sample (the
// 2nd) and checks what carried over, what was increased and what reset.
func TestNext(t *testing.T) {
	last := sample.Sample()
	before := last.Clone()
	next, sum, err := app.Next(last, app.NextOptions{File: "2016-tokyo.parley", City: "Canberra", ID: "next-meeting"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(last, before) {
		t.Fatal("Next changed the last meeting")
	}
	d := next.Details
	if d.ID == last.Details.ID || d.Ordinal != 3 || d.Start != "" || d.Venue != "" || d.City != "Canberra" || d.Status != app.StatusPlanning {
		t.Errorf("details: %+v", d)
	}
	if got := next.Perspective("").Title(); got != "3rd Australia-Japan Cyber Policy Dialogue" {
		t.Errorf("title %q", got)
	}
	// The host alternates: Japan hosted the 2nd, Australia hosts the 3rd.
	if host := next.SideByID(d.HostSide); host == nil || host.Code != "AU" {
		t.Errorf("host %v", host)
	}
	if our := next.SideByID(d.OurSide); our == nil || our.Code != "AU" || !d.Marking.Equal(last.Details.Marking) {
		t.Errorf("our side %v, marking %v", our, d.Marking)
	}
	// Every record is new: no ID of the last meeting survives, and there is no revision history.
	old := map[string]bool{}
	last.Each(func(_ app.Kind, r app.Record) { old[r.Meta().ID] = true })
	next.Each(func(k app.Kind, r app.Record) {
		rec := r.Meta()
		if old[rec.ID] {
			t.Errorf("%s %s keeps its old ID", k, rec.ID)
		}
		if !rec.Made.IsZero() || len(rec.Revs) > 0 {
			t.Errorf("%s %s carries revision data", k, rec.ID)
		}
	})
	if len(next.Clock) != 0 || len(next.Deleted) != 0 || len(next.Conflicts) != 0 {
		t.Error("revision data carried over")
	}
	if _, _, err := app.Merge(last, next, app.MergeOptions{}); !errors.Is(err, app.ErrNotSameMeeting) {
		t.Errorf("merging the last meeting with the next: %v", err)
	}
	// The series, directories and delegations, every participant to confirm.
	if len(next.Sides) != 2 || len(next.Agencies) != len(last.Agencies) || len(next.People) != len(last.People) {
		t.Fatalf("%d sides, %d agencies, %d people", len(next.Sides), len(next.Agencies), len(next.People))
	}
	for i, p := range next.People {
		q := last.People[i]
		if !p.ToConfirm || p.FormalName() != q.FormalName() || p.Native != q.Native || p.Position != q.Position {
			t.Errorf("participant %d: %+v", i+1, p)
		}
		if a := agencyOf(next, p.Agency); a == nil || a.Abbrev != agencyOf(last, q.Agency).Abbrev || a.Side != p.Side {
			t.Errorf("participant %d's agency %v", i+1, a)
		}
	}
	// The programme's structure without clock times or rooms; briefs kept as last time.
	if len(next.Items) != len(last.Items) {
		t.Fatalf("%d items", len(next.Items))
	}
	for i, it := range next.Items {
		was := last.Items[i]
		if it.Title != was.Title || it.Minutes != was.Minutes || it.Kind != was.Kind || it.Day != was.Day || it.Triage != was.Triage ||
			(it.Parent == "") != (was.Parent == "") || len(it.Leads) != len(was.Leads) {
			t.Errorf("item %q changed shape: %+v", was.Title, it)
		}
		if it.Fixed != "" || it.Location != "" || it.Points != "" || it.PressLine != "" || it.Objectives != "" {
			t.Errorf("item %q keeps its time, room or brief text", it.Title)
		}
		if was.Points != "" && (it.LastTime == nil || it.LastTime.Points != was.Points || it.LastTime.Meeting != "2nd Australia-Japan Cyber Policy Dialogue") {
			t.Errorf("item %q: last time %+v", it.Title, it.LastTime)
		}
		for _, l := range it.Leads {
			if p := personOf(next, l); p == nil || !p.ToConfirm {
				t.Errorf("item %q: lead %s is not a carried-over participant", it.Title, l)
			}
		}
	}
	if len(next.Background) != 0 {
		t.Error("background paragraphs kept as records")
	}
	offensive := itemTitled(next, "If raised: Australia's offensive cyber capability")
	if lt := offensive.LastTime; lt == nil || len(lt.Background) != 2 || !lt.Background[1].NotForDisclosure {
		t.Errorf("background of the last time: %+v", lt)
	}
	// A new statement; the last one's agreed paragraphs in the agreed-language search.
	if len(next.Paragraphs) != 0 || len(next.Versions) != 0 || next.Statement.Title != last.Statement.Title {
		t.Errorf("statement: %d paragraphs, %d drafts, title %q", len(next.Paragraphs), len(next.Versions), next.Statement.Title)
	}
	agreed := next.EarlierAgreed("governed through")
	if len(agreed) != 1 || agreed[0].Source.Number != "7" || agreed[0].Source.File != "2016-tokyo.parley" ||
		agreed[0].Source.Meeting != "2nd Japan-Australia Cyber Policy Dialogue" {
		t.Fatalf("agreed language on governance: %+v", agreed)
	}
	all := next.EarlierAgreed("")
	for _, a := range all {
		if a.Paragraph.Text.OpenBrackets() > 0 || a.Paragraph.AltOf != "" {
			t.Errorf("not agreed: %q", a.Text())
		}
	}
	if len(all) != 6 {
		t.Errorf("%d agreed paragraphs carried over", len(all))
	}
	// Reusing one records where it came from.
	ed, id, err := next.InsertAgreedLanguageEdit("", agreed[0].Paragraph, agreed[0].Source)
	if err != nil {
		t.Fatal(err)
	}
	doc := app.NewDocument(next)
	if err := doc.Apply(ed); err != nil {
		t.Fatal(err)
	}
	if p := doc.Meeting().ParagraphByID(id); p == nil || p.Source == nil || p.Source.Number != "7" || !p.AgreedLanguage {
		t.Errorf("inserted %+v", p)
	}
	// The summary says it all.
	text := sum.String()
	for _, want := range []string{"3rd Australia-Japan Cyber Policy Dialogue", "17 participants, each to confirm",
		"1 item fixed to a clock time now follow", "meeting number: 2nd → 3rd", "dates: 2016-08-02 → to be set",
		"venue: Ministry of Foreign Affairs, Kasumigaseki, Tokyo → Canberra", "host: Japan → Australia (the host alternates",
		"status: confirmed → planning", "6 agreed paragraphs of the 2nd meeting's statement", "never merges"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if probs := app.Validate(next); app.HasFatal(probs) {
		t.Errorf("the next meeting has fatal problems: %v", probs)
	}
	// The one after: its agreed language joins what came before.
	fourth, _, err := app.Next(doc.Meeting(), app.NextOptions{File: "2017-canberra.parley"})
	if err != nil {
		t.Fatal(err)
	}
	if got := fourth.Details.Ordinal; got != 4 {
		t.Errorf("4th meeting numbered %d", got)
	}
	if host := fourth.SideByID(fourth.Details.HostSide); host == nil || host.Code != "JP" {
		t.Errorf("4th host %v", host)
	}
	if n := len(fourth.EarlierAgreed("")); n != 6 {
		t.Errorf("the 4th meeting offers %d agreed paragraphs, want the 6 of the 2nd (one reused in the 3rd, not twice)", n)
	}
}

// TestNextRefused: open merge conflicts are listed; a missing ordinal is
// asked for; bad dates and hosts are named.
func TestNextRefused(t *testing.T) {
	m := sample.Sample()
	m.Conflicts = []app.Conflict{{ID: "c1", Kind: app.KindPerson, Record: m.People[0].ID, Field: "position",
		Where: `participant 1 ("Koichi Mizushima").position`, Mine: []byte(`"Ambassador"`), Theirs: []byte(`"Envoy"`)}}
	_, _, err := app.Next(m, app.NextOptions{})
	var open *app.OpenConflictsError
	if !errors.As(err, &open) || len(open.Conflicts) != 1 ||
		!strings.Contains(err.Error(), `1 conflict from a merge is still open`) ||
		!strings.Contains(err.Error(), `participant 1 ("Koichi Mizushima").position: "Ambassador" | "Envoy"`) {
		t.Errorf("conflicts: %v", err)
	}
	m = sample.Sample()
	m.Details.Ordinal = 0
	if _, _, err := app.Next(m, app.NextOptions{}); !errors.Is(err, app.ErrNoOrdinal) {
		t.Errorf("no ordinal: %v", err)
	}
	if next, _, err := app.Next(m, app.NextOptions{Ordinal: 5}); err != nil || next.Details.Ordinal != 5 {
		t.Errorf("ordinal given: %v", err)
	}
	for _, o := range []app.NextOptions{{Start: "1 August"}, {Start: "2017-08-02", End: "2017-08-01"}, {Host: "nobody"}, {Ordinal: -1}} {
		if _, _, err := app.Next(sample.Sample(), o); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
}

// TestNextMultilateral: in a multilateral series the host passes to the
// next side in alphabetical order, round again after the last.
func TestNextMultilateral(t *testing.T) {
	m := sample.Multilateral()
	var hosts []string
	for range 5 {
		next, _, err := app.Next(m, app.NextOptions{})
		if err != nil {
			t.Fatal(err)
		}
		hosts = append(hosts, next.SideByID(next.Details.HostSide).Code)
		if next.Details.GroupName != "Quad Senior Cyber Group" || len(next.Sides) != 4 {
			t.Fatalf("series not carried over: %+v", next.Details)
		}
		m = next
	}
	if want := []string{"IN", "JP", "US", "AU", "IN"}; !slices.Equal(hosts, want) {
		t.Errorf("hosts %v, want %v", hosts, want)
	}
}

// TestConfirm: confirming is one undoable edit, for one or many.
func TestConfirm(t *testing.T) {
	next, _, err := app.Next(sample.Sample(), app.NextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc := app.NewDocument(next)
	side := next.Sides[0].ID
	tc := next.ToConfirm(side)
	ed, err := next.ConfirmEdit(tc[0].ID)
	if err != nil || ed.Label != "Confirm participant" {
		t.Fatalf("%v %+v", err, ed)
	}
	if err := doc.Apply(ed); err != nil {
		t.Fatal(err)
	}
	if len(doc.Meeting().ToConfirm(side)) != len(tc)-1 {
		t.Fatal("not confirmed")
	}
	var ids []string
	for _, p := range doc.Meeting().ToConfirm(side) {
		ids = append(ids, p.ID)
	}
	ed, _ = doc.Meeting().ConfirmEdit(ids...)
	if err := doc.Apply(ed); err != nil || len(doc.Meeting().ToConfirm(side)) != 0 {
		t.Fatalf("confirm all: %v", err)
	}
	doc.Undo()
	if len(doc.Meeting().ToConfirm(side)) != len(tc)-1 {
		t.Error("undo of confirm all did not bring all back")
	}
	found := false
	for _, p := range app.Validate(doc.Meeting()) {
		if p.Field == "toConfirm" && strings.Contains(p.What, "still to confirm") {
			found = true
		}
	}
	if !found {
		t.Error("no warning for participants still to confirm")
	}
	if _, err := doc.Meeting().ConfirmEdit("nobody"); err == nil {
		t.Error("confirmed an unknown participant")
	}
}

func agencyOf(m *app.Meeting, id string) *app.Agency {
	for _, a := range m.Agencies {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func personOf(m *app.Meeting, id string) *app.Person {
	for _, p := range m.People {
		if p.ID == id {
			return p
		}
	}
	return nil
}

func itemTitled(m *app.Meeting, title string) *app.Item {
	for _, it := range m.Items {
		if it.Title == title {
			return it
		}
	}
	return nil
}

// TestNextFieldsMerge: the fields the series adds merge like the others:
// a confirmation in one copy and an edit of the same participant in the
// other both stand; two different group names are a conflict.
func TestNextFieldsMerge(t *testing.T) {
	next, _, err := app.Next(sample.Multilateral(), app.NextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := app.NewDocument(next.Clone()), app.NewDocument(next.Clone())
	p := next.People[0]
	ed, _ := a.Meeting().ConfirmEdit(p.ID)
	if err := a.Apply(ed); err != nil {
		t.Fatal(err)
	}
	apply := func(d *app.Document, ops ...app.Op) {
		t.Helper()
		if err := d.Apply(app.Edit{Ops: ops}); err != nil {
			t.Fatal(err)
		}
	}
	apply(b, app.Set(app.KindPerson, p.ID, "position", "Ambassador for Cyber Affairs"))
	apply(a, app.Set(app.KindDetails, next.Details.ID, "groupName", "Quad Cyber Group"))
	merged, rep, err := app.Merge(a.Meeting(), b.Meeting(), app.MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	q := personOf(merged, p.ID)
	if q.ToConfirm || q.Position != "Ambassador for Cyber Affairs" || merged.Details.GroupName != "Quad Cyber Group" || len(rep.Conflicts) != 0 {
		t.Errorf("merged: to confirm %v, position %q, group %q, %d conflicts", q.ToConfirm, q.Position, merged.Details.GroupName, len(rep.Conflicts))
	}
	apply(b, app.Set(app.KindDetails, next.Details.ID, "groupName", "Quad Senior Cyber Group (2025)"))
	_, rep, err = app.Merge(a.Meeting(), b.Meeting(), app.MergeOptions{})
	if err != nil || len(rep.Conflicts) != 1 || rep.Conflicts[0].Field != "groupName" {
		t.Errorf("two group names: %v, %+v", err, rep.Conflicts)
	}
}
