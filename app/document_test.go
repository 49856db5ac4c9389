package app

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDocumentUndoRedoDirty(t *testing.T) {
	d := NewDocument(seedMeeting())
	var events []Event
	cancel := d.Subscribe(func(e Event) { events = append(events, e) })
	if d.Dirty() {
		t.Fatal("new document is dirty")
	}
	if err := d.Apply(Edit{Label: "Edit topic", Ops: []Op{Set(KindDetails, "meeting", "topic", "Cyber and Critical Technology Dialogue")}}); err != nil {
		t.Fatal(err)
	}
	if !d.Dirty() || d.Meeting().Details.Topic != "Cyber and Critical Technology Dialogue" {
		t.Fatal("edit not applied or not dirty")
	}
	if len(events) != 1 || events[0].Changes[0] != (Change{Op: OpSet, Kind: KindDetails, ID: "meeting", Field: "topic"}) {
		t.Fatalf("events %+v", events)
	}
	if ok, label := d.CanUndo(); !ok || label != "Edit topic" {
		t.Fatalf("CanUndo %v %q", ok, label)
	}
	d.Undo()
	if d.Dirty() || d.Meeting().Details.Topic != "Cyber Policy Dialogue" {
		t.Fatal("undo did not restore the saved state")
	}
	d.Redo()
	if !d.Dirty() || d.Meeting().Details.Topic != "Cyber and Critical Technology Dialogue" {
		t.Fatal("redo failed")
	}
	d.MarkSaved()
	if d.Dirty() {
		t.Fatal("dirty after save")
	}
	d.Undo()
	if !d.Dirty() {
		t.Fatal("undo past the save point is not dirty")
	}
	cancel()
	n := len(events)
	d.Redo()
	if len(events) != n {
		t.Fatal("cancelled subscriber still called")
	}
}

// TestSaveFinishedLater: a save that finishes after more edits (the
// window's background save of an encrypted meeting) marks saved what it
// wrote, and the later edits stay unsaved.
func TestSaveFinishedLater(t *testing.T) {
	d := NewDocument(seedMeeting())
	if err := d.Apply(Edit{Coalesce: "topic", Ops: []Op{Set(KindDetails, "meeting", "topic", "Written")}}); err != nil {
		t.Fatal(err)
	}
	p := d.Point()
	if err := d.Apply(Edit{Coalesce: "topic", Ops: []Op{Set(KindDetails, "meeting", "topic", "Typed during the save")}}); err != nil {
		t.Fatal(err)
	}
	d.MarkSavedAt(p)
	if !d.Dirty() {
		t.Fatal("the edit made during the save is marked saved")
	}
	d.Undo()
	if d.Dirty() {
		t.Fatal("back at what the save wrote, the document is still unsaved")
	}
}

func TestDocumentStampsRevisions(t *testing.T) {
	d := NewDocument(seedMeeting())
	if err := d.Apply(Edit{Ops: []Op{Set(KindPerson, "sato", "position", "Counsellor")}}); err != nil {
		t.Fatal(err)
	}
	p := d.Meeting().People[1]
	dot := p.Revs["position"]
	if dot.Session != d.Session() || dot.Seq == 0 || !d.Meeting().Clock.Covers(dot) {
		t.Fatalf("position revision %v, clock %v", dot, d.Meeting().Clock)
	}
	d.Undo()
	if p := d.Meeting().People[1]; p.Revs["position"] == dot || p.Revs["position"].Session != d.Session() {
		t.Fatalf("undo must be stamped as a new edit, got %v", p.Revs["position"])
	}
	// Removing leaves a tombstone; undoing the removal takes it away.
	ops, err := d.Meeting().DeleteOps(KindPerson, "patel")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Apply(Edit{Ops: ops}); err != nil {
		t.Fatal(err)
	}
	if len(d.Meeting().Deleted) != 1 || d.Meeting().Deleted[0].ID != "patel" {
		t.Fatalf("tombstones %v", d.Meeting().Deleted)
	}
	d.Undo()
	if len(d.Meeting().Deleted) != 0 || len(d.Meeting().PeopleOf("au")) != 2 {
		t.Fatalf("undo of removal: tombstones %v, people %d", d.Meeting().Deleted, len(d.Meeting().PeopleOf("au")))
	}
}

func TestDocumentAtomicEdits(t *testing.T) {
	d := NewDocument(seedMeeting())
	before := d.Meeting().Details.Topic
	err := d.Apply(Edit{Ops: []Op{
		Set(KindDetails, "meeting", "topic", "Changed"),
		Set(KindPerson, "nobody", "given", "X"),
	}})
	if err == nil || !strings.Contains(err.Error(), "no participant with ID nobody") {
		t.Fatalf("err = %v", err)
	}
	if d.Meeting().Details.Topic != before || d.Dirty() || d.Meeting().Details.Revs["topic"] != (Dot{}) {
		t.Fatal("a failed edit left changes behind")
	}
	if err := d.Apply(Edit{Ops: []Op{Set(KindPerson, "sato", "minutes", 3)}}); err == nil {
		t.Fatal("unknown field accepted")
	}
	if err := d.Apply(Edit{Ops: []Op{Set(KindPerson, "sato", "given", 3)}}); err == nil {
		t.Fatal("wrong type accepted")
	}
	if err := d.Apply(Edit{Ops: []Op{Add(&Person{Rec: Rec{ID: "sato"}})}}); err == nil {
		t.Fatal("duplicate ID accepted")
	}
	// A string converts to a named string type.
	if err := d.Apply(Edit{Ops: []Op{Set(KindPerson, "sato", "role", "adviser")}}); err != nil || d.Meeting().People[1].Role != RoleAdviser {
		t.Fatalf("role edit: %v", err)
	}
}

func TestDocumentRules(t *testing.T) {
	m := seedMeeting()
	m.Paragraphs = []*Paragraph{{Rec: Rec{ID: "p1"}, Pos: "V", Kind: ParaOperative, State: StateBracketed,
		Text: Spans{{T: "The Participants "}, {T: "will", Bracket: "b1", Side: "jp"}}}}
	m.Items = []*Item{{Rec: Rec{ID: "a"}, Pos: "V", Kind: ItemSession}, {Rec: Rec{ID: "b"}, Pos: "W", Parent: "a", Kind: ItemSession}}
	d := NewDocument(m)
	err := d.Apply(Edit{Ops: []Op{Set(KindParagraph, "p1", "state", StateAgreed)}})
	if !errors.Is(err, ErrRule) {
		t.Fatalf("agreeing a bracketed paragraph: %v", err)
	}
	if d.Meeting().Paragraphs[0].State != StateBracketed {
		t.Fatal("refused edit applied")
	}
	if err := d.Apply(Edit{Ops: []Op{Set(KindItem, "a", "parent", "b")}}); !errors.Is(err, ErrRule) {
		t.Fatalf("parent cycle: %v", err)
	}
}

func TestDocumentCoalescesTyping(t *testing.T) {
	d := NewDocument(seedMeeting())
	now := time.Unix(1000, 0)
	d.now = func() time.Time { return now }
	for _, s := range []string{"C", "Cy", "Cyb"} {
		if err := d.Apply(Edit{Label: "Edit topic", Coalesce: "topic", Ops: []Op{Set(KindDetails, "meeting", "topic", s)}}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(300 * time.Millisecond)
	}
	d.Undo()
	if d.Meeting().Details.Topic != "Cyber Policy Dialogue" {
		t.Fatalf("one undo should revert the typing, topic %q", d.Meeting().Details.Topic)
	}
	if ok, _ := d.CanUndo(); ok {
		t.Fatal("typing made more than one undo step")
	}
}

func TestDocumentReplace(t *testing.T) {
	d := NewDocument(seedMeeting())
	other := d.Meeting().Clone()
	other.Details.Topic = "Merged"
	d.Replace(other, "Merge")
	if d.Meeting().Details.Topic != "Merged" || !d.Dirty() {
		t.Fatal("replace not applied")
	}
	d.Undo()
	if d.Meeting().Details.Topic != "Cyber Policy Dialogue" || d.Dirty() {
		t.Fatal("undo of replace")
	}
	d.Redo()
	if d.Meeting().Details.Topic != "Merged" {
		t.Fatal("redo of replace")
	}
}

func TestParagraphHistory(t *testing.T) {
	m := seedMeeting()
	m.Paragraphs = []*Paragraph{{Rec: Rec{ID: "p1"}, Pos: "V", Kind: ParaOperative, State: StateProposed, Text: PlainSpans("origin")}}
	d := NewDocument(m)
	set := func(s string) {
		if err := d.Apply(Edit{Ops: []Op{Set(KindParagraph, "p1", "text", PlainSpans(s))}}); err != nil {
			t.Fatal(err)
		}
	}
	set("one")
	set("two")
	h := d.Meeting().Paragraphs[0].History
	if len(h) != 1 || h[0].Text.Plain() != "origin" {
		t.Fatalf("history within one unsaved session: %+v", h)
	}
	d.MarkSaved()
	set("three")
	h = d.Meeting().Paragraphs[0].History
	if len(h) != 2 || h[1].Text.Plain() != "two" {
		t.Fatalf("history after a save: %+v", h)
	}
}

func TestMoveAndDeleteOps(t *testing.T) {
	d := NewDocument(seedMeeting())
	m := d.Meeting()
	sato := m.People[1]
	if err := d.Apply(Edit{Ops: m.MoveOps(sato, -1)}); err != nil {
		t.Fatal(err)
	}
	if got := d.Meeting().PeopleOf("jp")[0].ID; got != "sato" {
		t.Fatalf("first Japanese participant %s after move up", got)
	}
	if ops := d.Meeting().MoveOps(d.Meeting().PeopleOf("jp")[0], -1); ops != nil {
		t.Fatal("moved the first person further up")
	}
	// Deleting a side takes its agencies and people; references are cleared.
	ops, err := d.Meeting().DeleteOps(KindSide, "jp")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Apply(Edit{Label: "Delete side", Ops: ops}); err != nil {
		t.Fatal(err)
	}
	m = d.Meeting()
	if len(m.Sides) != 1 || len(m.PeopleOf("jp")) != 0 || len(m.AgenciesOf("jp")) != 0 || m.Details.HostSide != "" {
		t.Fatalf("after deleting Japan: sides %d, host %q", len(m.Sides), m.Details.HostSide)
	}
	if probs := Validate(m); HasFatal(probs) {
		t.Fatalf("deleting left dangling references: %v", probs)
	}
	d.Undo()
	if len(d.Meeting().PeopleOf("jp")) != 2 || d.Meeting().Details.HostSide != "jp" {
		t.Fatal("undo of side deletion")
	}
}

func TestMergeAgencyOps(t *testing.T) {
	m := seedMeeting()
	m.Agencies = append(m.Agencies, &Agency{Rec: Rec{ID: "mofa2"}, Side: "jp", Pos: "4", Name: "Ministry of Foreign Affairs of Japan", Abbrev: "MOFA-J"})
	m.People[1].Agency = "mofa2"
	d := NewDocument(m)
	if err := d.Apply(Edit{Ops: d.Meeting().MergeAgencyOps("mofa2", "mofa")}); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Lookup("mofa2"); ok {
		t.Fatal("merged agency kept")
	}
	for _, p := range d.Meeting().People {
		if p.Agency == "mofa2" {
			t.Fatal("participant left on the merged agency")
		}
	}
}
