package app_test

import (
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"parley/app"
)

// origin is a small meeting both copies start from, with readable IDs.
func origin() *app.Meeting {
	m := &app.Meeting{Clock: app.Clock{}}
	m.Details = app.Details{Rec: app.Rec{ID: "meeting"}, Topic: "Cyber Policy Dialogue", Ordinal: 2, Start: "2016-08-02",
		DayStart: "09:30", City: "Tokyo", HostSide: "jp", OurSide: "au", Status: app.StatusConfirmed}
	m.Statement = app.Statement{Rec: app.Rec{ID: "statement"}, Title: "Joint Statement", Kind: app.StatementJoint}
	m.Sides = []*app.Side{
		{Rec: app.Rec{ID: "jp"}, Pos: "F", Name: "Japan", ShortName: "Japan", Code: "JP"},
		{Rec: app.Rec{ID: "au"}, Pos: "V", Name: "Australia", ShortName: "Australia", Code: "AU"},
	}
	m.Agencies = []*app.Agency{
		{Rec: app.Rec{ID: "mofa"}, Side: "jp", Pos: "V", Name: "Ministry of Foreign Affairs", Abbrev: "MOFA"},
		{Rec: app.Rec{ID: "dfat"}, Side: "au", Pos: "V", Name: "Department of Foreign Affairs and Trade", Abbrev: "DFAT"},
	}
	m.People = []*app.Person{
		{Rec: app.Rec{ID: "mizushima"}, Side: "jp", Pos: "F", Given: "Koichi", Family: "Mizushima", Agency: "mofa", Role: app.RoleCoChair},
		{Rec: app.Rec{ID: "sato"}, Side: "jp", Pos: "V", Given: "Misaki", Family: "Sato", Role: app.RoleMember},
		{Rec: app.Rec{ID: "mckinnon"}, Side: "au", Pos: "F", Given: "Rob", Family: "McKinnon", Agency: "dfat",
			Position: "Assistant Secretary", Role: app.RoleCoChair},
		{Rec: app.Rec{ID: "patel"}, Side: "au", Pos: "V", Given: "Anika", Family: "Patel", Role: app.RoleAdviser},
	}
	m.Items = []*app.Item{
		{Rec: app.Rec{ID: "opening"}, Pos: "F", Title: "Opening remarks", Kind: app.ItemSession, Minutes: 15, Leads: []string{"mizushima", "mckinnon"}},
		{Rec: app.Rec{ID: "norms"}, Pos: "V", Title: "International law and norms", Kind: app.ItemSession, Minutes: 60,
			Points: "Australia supports the UNGGE report. We will promote its norms in the region."},
		{Rec: app.Rec{ID: "cbm"}, Parent: "norms", Pos: "V", Title: "Confidence building measures", Kind: app.ItemSession, Minutes: 20},
		{Rec: app.Rec{ID: "close"}, Pos: "k", Title: "Closing", Kind: app.ItemSession, Minutes: 10},
	}
	m.Paragraphs = []*app.Paragraph{
		{Rec: app.Rec{ID: "p1"}, Pos: "F", Kind: app.ParaPreambular, State: app.StateProposed,
			Text: app.PlainSpans("The participants welcomed the second meeting of the dialogue in Tokyo.")},
		{Rec: app.Rec{ID: "p2"}, Pos: "V", Kind: app.ParaOperative, State: app.StateBracketed,
			Text: app.Spans{{T: "The participants will cooperate on "}, {T: "cyber capacity building", Bracket: "b1", Side: "jp"}, {T: " in the region."}}},
		{Rec: app.Rec{ID: "p3"}, Pos: "k", Kind: app.ParaOperative, State: app.StateProposed,
			Text: app.PlainSpans("両国はサイバー分野における協力を強化する。")},
	}
	m.Normalize()
	return m
}

// fork opens two copies of one meeting, as two people editing two files.
func fork(m *app.Meeting) (mine, theirs *app.Document) {
	return app.NewDocument(m.Clone()), app.NewDocument(m.Clone())
}

func set(k app.Kind, id, field string, v any) func(*app.Document) error {
	return func(d *app.Document) error {
		return d.Apply(app.Edit{Ops: []app.Op{app.Set(k, id, field, v)}})
	}
}

func del(k app.Kind, id string) func(*app.Document) error {
	return func(d *app.Document) error {
		ops, err := d.Meeting().DeleteOps(k, id)
		if err != nil {
			return err
		}
		return d.Apply(app.Edit{Ops: ops})
	}
}

func addPerson(id, side, given string, after string) func(*app.Document) error {
	return func(d *app.Document) error {
		m := d.Meeting()
		pos := m.PosAfterLast(app.KindPerson, side)
		if after != "" {
			ref, _ := d.Lookup(after)
			pos = m.PosAfter(ref.Record)
		}
		p := &app.Person{Rec: app.Rec{ID: id}, Side: side, Pos: pos, Given: given, Family: "New", Role: app.RoleMember}
		return d.Apply(app.Edit{Ops: []app.Op{app.Add(p)}})
	}
}

func moveTo(id string, place int) func(*app.Document) error {
	return func(d *app.Document) error {
		ref, _ := d.Lookup(id)
		return d.Apply(app.Edit{Ops: d.Meeting().MoveToOps(ref.Record, place)})
	}
}

func undo(d *app.Document) error {
	if !d.Undo() {
		return errors.New("nothing to undo")
	}
	return nil
}

func steps(fs ...func(*app.Document) error) func(*app.Document) error {
	return func(d *app.Document) error {
		for _, f := range fs {
			if err := f(d); err != nil {
				return err
			}
		}
		return nil
	}
}

func person(m *app.Meeting, id string) *app.Person {
	for _, p := range m.People {
		if p.ID == id {
			return p
		}
	}
	return nil
}

func para(m *app.Meeting, id string) *app.Paragraph {
	for _, p := range m.Paragraphs {
		if p.ID == id {
			return p
		}
	}
	return nil
}

func item(m *app.Meeting, id string) *app.Item {
	for _, it := range m.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}

func ids[T app.Record](list []T) []string {
	var out []string
	for _, r := range list {
		out = append(out, r.Meta().ID)
	}
	return out
}

// conflictKeys lists conflicts as "record.field" ("record." for a record
// conflict), sorted.
func conflictKeys(cs []app.Conflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Record+"."+c.Field)
	}
	sort.Strings(out)
	return out
}

// canon is a meeting's content for comparisons, empty lists and nil lists alike.
func canon(t testing.TB, m *app.Meeting) string {
	t.Helper()
	c := m.Clone()
	if len(c.Deleted) == 0 {
		c.Deleted = nil
	}
	if len(c.Conflicts) == 0 {
		c.Conflicts = nil
	}
	c.Normalize()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMergeRules(t *testing.T) {
	cases := []struct {
		name          string
		mine, theirs  func(*app.Document) error
		opt           app.MergeOptions
		withBase      bool
		conflicts     []string
		oneOf         [][]string // alternatives to conflicts, when dot order decides
		check         func(t *testing.T, out *app.Meeting, rep app.MergeReport)
		wantErrNotSay bool
	}{{
		name:   "records added on both sides are kept",
		mine:   addPerson("new-mine", "jp", "Mine", ""),
		theirs: addPerson("new-theirs", "au", "Theirs", ""),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if person(out, "new-mine") == nil || person(out, "new-theirs") == nil {
				t.Errorf("people %v", ids(out.People))
			}
			if len(rep.Sections) != 1 || rep.Sections[0].Kind != app.KindPerson || rep.Sections[0].Added != 1 {
				t.Errorf("report %+v", rep.Sections)
			}
		},
	}, {
		name:   "deleted on theirs, untouched on mine: deleted",
		mine:   set(app.KindPerson, "mckinnon", "email", "rob@example.org"),
		theirs: del(app.KindPerson, "patel"),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if person(out, "patel") != nil {
				t.Error("patel survived")
			}
			if !slices.ContainsFunc(out.Deleted, func(ts app.Tombstone) bool { return ts.ID == "patel" }) {
				t.Error("no tombstone for patel")
			}
			if got := rep.Sections[0].String(); got != "participants: 1 deleted" {
				t.Errorf("report %q", got)
			}
		},
	}, {
		name: "deleted on mine, untouched on theirs: deleted",
		mine: del(app.KindPerson, "patel"),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if person(out, "patel") != nil {
				t.Error("patel came back")
			}
			if rep.Changed() {
				t.Errorf("mine unchanged, report %+v", rep.Sections)
			}
		},
	}, {
		name:      "deleted on mine, edited on theirs: conflict, record kept",
		mine:      del(app.KindPerson, "patel"),
		theirs:    set(app.KindPerson, "patel", "position", "Director"),
		conflicts: []string{"patel."},
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			p := person(out, "patel")
			if p == nil || p.Position != "Director" {
				t.Fatalf("patel %+v", p)
			}
			c := out.Conflicts[0]
			if !c.MineDeleted() || c.TheirsDeleted() || c.Where != `participant 4 ("Anika Patel")` {
				t.Errorf("conflict %+v", c)
			}
			if got := c.String(); got != `participant 4 ("Anika Patel"): (deleted) | (kept: Anika Patel)` {
				t.Errorf("conflict reads %q", got)
			}
		},
	}, {
		name:      "edited on mine, deleted on theirs: conflict, record kept",
		mine:      set(app.KindPerson, "patel", "position", "Director"),
		theirs:    del(app.KindPerson, "patel"),
		conflicts: []string{"patel."},
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if person(out, "patel") == nil || out.Conflicts[0].MineDeleted() || !out.Conflicts[0].TheirsDeleted() {
				t.Errorf("patel %v, conflict %+v", person(out, "patel"), out.Conflicts)
			}
		},
	}, {
		name:   "moved on one side, deleted on the other: deleted",
		mine:   moveTo("patel", 0),
		theirs: del(app.KindPerson, "patel"),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if person(out, "patel") != nil {
				t.Error("a move kept a deleted record")
			}
		},
	}, {
		name:   "different fields of one record: both kept",
		mine:   set(app.KindPerson, "mckinnon", "position", "First Assistant Secretary"),
		theirs: set(app.KindPerson, "mckinnon", "email", "rob@example.org"),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			p := person(out, "mckinnon")
			if p.Position != "First Assistant Secretary" || p.Email != "rob@example.org" {
				t.Errorf("got %q, %q", p.Position, p.Email)
			}
			if got := rep.Sections[0].String(); got != "participants: 1 changed" {
				t.Errorf("report %q", got)
			}
		},
	}, {
		name:      "same field edited differently: conflict, mine kept",
		mine:      set(app.KindPerson, "mckinnon", "position", "First Assistant Secretary"),
		theirs:    set(app.KindPerson, "mckinnon", "position", "Ambassador for Cyber Affairs"),
		conflicts: []string{"mckinnon.position"},
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if p := person(out, "mckinnon"); p.Position != "First Assistant Secretary" {
				t.Errorf("current value %q, want mine", p.Position)
			}
			want := `participant 3 ("Rob McKinnon").position: First Assistant Secretary | Ambassador for Cyber Affairs`
			if got := out.Conflicts[0].String(); got != want {
				t.Errorf("conflict reads\n%s\nwant\n%s", got, want)
			}
			if c := out.Conflicts[0]; c.MineLabel != "mine.parley" || c.TheirsLabel != "theirs.parley" {
				t.Errorf("labels %q %q", c.MineLabel, c.TheirsLabel)
			}
		},
	}, {
		name:   "same field edited to the same value: no conflict",
		mine:   set(app.KindPerson, "mckinnon", "position", "Ambassador"),
		theirs: set(app.KindPerson, "mckinnon", "position", "Ambassador"),
	}, {
		name:   "a field edited on one side only is taken",
		theirs: set(app.KindItem, "norms", "minutes", 45),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if item(out, "norms").Minutes != 45 {
				t.Errorf("minutes %d", item(out, "norms").Minutes)
			}
		},
	}, {
		name:   "moves on one side, inserts on the other",
		mine:   moveTo("patel", 0),
		theirs: addPerson("lee", "au", "Lee", "mckinnon"),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if got := ids(out.PeopleOf("au")); !slices.Equal(got, []string{"patel", "mckinnon", "lee"}) {
				t.Errorf("order %v", got)
			}
		},
	}, {
		name:   "concurrent moves of one record: no conflict, one wins",
		mine:   moveTo("close", 0),
		theirs: moveTo("close", 1),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if got := ids(out.Items); got[0] != "close" && got[1] != "close" {
				t.Errorf("order %v", got)
			}
		},
	}, {
		name:   "paragraph edited on both sides merges word by word",
		mine:   set(app.KindParagraph, "p1", "text", app.PlainSpans("The participants warmly welcomed the second meeting of the dialogue in Tokyo.")),
		theirs: set(app.KindParagraph, "p1", "text", app.PlainSpans("The participants welcomed the second meeting of the cyber dialogue in Tokyo on 2 August.")),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			want := "The participants warmly welcomed the second meeting of the cyber dialogue in Tokyo on 2 August."
			if got := para(out, "p1").Text.Plain(); got != want {
				t.Errorf("merged\n%s\nwant\n%s", got, want)
			}
			if rep.WordMerged != 1 {
				t.Errorf("word merges %d", rep.WordMerged)
			}
		},
	}, {
		name:      "paragraph edits that overlap: conflict with both texts",
		mine:      set(app.KindParagraph, "p1", "text", app.PlainSpans("The participants welcomed the third meeting of the dialogue in Tokyo.")),
		theirs:    set(app.KindParagraph, "p1", "text", app.PlainSpans("The participants welcomed the inaugural meeting of the dialogue in Tokyo.")),
		conflicts: []string{"p1.text"},
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			c := out.Conflicts[0]
			if c.MineText() != "The participants welcomed the third meeting of the dialogue in Tokyo." ||
				c.TheirsText() != "The participants welcomed the inaugural meeting of the dialogue in Tokyo." {
				t.Errorf("conflict %s", c)
			}
			if !strings.Contains(para(out, "p1").Text.Plain(), "third") {
				t.Error("current text is not mine")
			}
		},
	}, {
		name:   "Japanese paragraph merges character by character",
		mine:   set(app.KindParagraph, "p3", "text", app.PlainSpans("日豪両国はサイバー分野における協力を強化する。")),
		theirs: set(app.KindParagraph, "p3", "text", app.PlainSpans("両国はサイバー分野における協力を一層強化する。")),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if got := para(out, "p3").Text.Plain(); got != "日豪両国はサイバー分野における協力を一層強化する。" {
				t.Errorf("merged %s", got)
			}
		},
	}, {
		name:      "Japanese edits of the same characters conflict",
		mine:      set(app.KindParagraph, "p3", "text", app.PlainSpans("両国はサイバー分野における連携を強化する。")),
		theirs:    set(app.KindParagraph, "p3", "text", app.PlainSpans("両国はサイバー分野における対話を強化する。")),
		conflicts: []string{"p3.text"},
	}, {
		name: "bracketed text survives a word-level merge",
		mine: set(app.KindParagraph, "p2", "text", app.Spans{{T: "The participants will closely cooperate on "},
			{T: "cyber capacity building", Bracket: "b1", Side: "jp"}, {T: " in the region."}}),
		theirs: set(app.KindParagraph, "p2", "text", app.Spans{{T: "The participants will cooperate on "},
			{T: "cyber capacity building", Bracket: "b1", Side: "jp"}, {T: " in the Indo-Pacific region."}}),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			want := "The participants will closely cooperate on [cyber capacity building] in the Indo-Pacific region."
			if got := para(out, "p2").Text.Bracketed(); got != want {
				t.Errorf("merged %s", got)
			}
		},
	}, {
		name: "removing a bracket on one side, editing elsewhere on the other",
		mine: set(app.KindParagraph, "p2", "text", app.PlainSpans("The participants will cooperate on cyber capacity building in the region.")),
		theirs: set(app.KindParagraph, "p2", "text", app.Spans{{T: "The participants will cooperate on "},
			{T: "cyber capacity building", Bracket: "b1", Side: "jp"}, {T: " in the wider region."}}),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			want := "The participants will cooperate on cyber capacity building in the wider region."
			if got := para(out, "p2").Text.Bracketed(); got != want {
				t.Errorf("merged %s", got)
			}
		},
	}, {
		name: "a paragraph edited twice and saved in between still finds its base",
		mine: steps(set(app.KindParagraph, "p1", "text", app.PlainSpans("The participants warmly welcomed the second meeting of the dialogue in Tokyo.")),
			func(d *app.Document) error { d.MarkSaved(); return nil },
			set(app.KindParagraph, "p1", "text", app.PlainSpans("The participants warmly welcomed the second meeting of this dialogue in Tokyo."))),
		theirs: set(app.KindParagraph, "p1", "text", app.PlainSpans("The participants welcomed the second meeting of the dialogue in Tokyo, Japan.")),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			want := "The participants warmly welcomed the second meeting of this dialogue in Tokyo, Japan."
			if got := para(out, "p1").Text.Plain(); got != want {
				t.Errorf("merged %s", got)
			}
		},
	}, {
		name:   "undoing a deletion is no edit",
		mine:   steps(del(app.KindPerson, "patel"), undo),
		theirs: set(app.KindPerson, "patel", "position", "Director"),
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if p := person(out, "patel"); p == nil || p.Position != "Director" {
				t.Errorf("patel %+v", p)
			}
		},
	}, {
		name: "a deleted item that the other side added a sub-item to is kept",
		mine: del(app.KindItem, "norms"),
		theirs: func(d *app.Document) error {
			return d.Apply(app.Edit{Ops: []app.Op{app.Add(&app.Item{Rec: app.Rec{ID: "sub"}, Parent: "norms", Pos: "k", Title: "Sub", Kind: app.ItemSession})}})
		},
		conflicts: []string{"norms."},
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if item(out, "norms") == nil || item(out, "sub") == nil || item(out, "cbm") != nil {
				t.Errorf("items %v", ids(out.Items))
			}
			if probs := app.Validate(out); app.HasFatal(probs) {
				t.Errorf("dangling: %v", probs)
			}
		},
	}, {
		name:      "a deleted person the other side made a lead speaker is kept",
		mine:      del(app.KindPerson, "sato"),
		theirs:    set(app.KindItem, "norms", "leads", []string{"sato"}),
		conflicts: []string{"sato."},
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if person(out, "sato") == nil || !slices.Equal(item(out, "norms").Leads, []string{"sato"}) {
				t.Errorf("sato %v, leads %v", person(out, "sato"), item(out, "norms").Leads)
			}
		},
	}, {
		name:   "concurrent moves that would loop items are undone with a conflict",
		mine:   set(app.KindItem, "opening", "parent", "close"),
		theirs: set(app.KindItem, "close", "parent", "opening"),
		oneOf:  [][]string{{"close.parent"}, {"opening.parent"}},
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if probs := app.Validate(out); app.HasFatal(probs) {
				t.Errorf("loop left: %v", probs)
			}
		},
	}, {
		name:      "without a base, an edit undone on one side still conflicts",
		mine:      steps(set(app.KindPerson, "mckinnon", "position", "Acting"), undo),
		theirs:    set(app.KindPerson, "mckinnon", "position", "Ambassador"),
		conflicts: []string{"mckinnon.position"},
	}, {
		name:     "with a base, an edit undone on one side gives way",
		mine:     steps(set(app.KindPerson, "mckinnon", "position", "Acting"), undo),
		theirs:   set(app.KindPerson, "mckinnon", "position", "Ambassador"),
		withBase: true,
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			if p := person(out, "mckinnon"); p.Position != "Ambassador" {
				t.Errorf("position %q", p.Position)
			}
		},
	}, {
		name:     "with a base, plain text fields merge word by word",
		mine:     set(app.KindItem, "norms", "points", "Australia strongly supports the UNGGE report. We will promote its norms in the region."),
		theirs:   set(app.KindItem, "norms", "points", "Australia supports the UNGGE report. We will promote its norms in the Indo-Pacific."),
		withBase: true,
		check: func(t *testing.T, out *app.Meeting, rep app.MergeReport) {
			want := "Australia strongly supports the UNGGE report. We will promote its norms in the Indo-Pacific."
			if got := item(out, "norms").Points; got != want {
				t.Errorf("points %q", got)
			}
		},
	}, {
		name:          "different meetings are refused",
		theirs:        set(app.KindDetails, "meeting", "topic", "x"),
		opt:           app.MergeOptions{},
		wantErrNotSay: true,
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := origin()
			dm, dt := fork(o)
			if tc.mine != nil {
				if err := tc.mine(dm); err != nil {
					t.Fatal(err)
				}
			}
			if tc.theirs != nil {
				if err := tc.theirs(dt); err != nil {
					t.Fatal(err)
				}
			}
			opt := tc.opt
			opt.MineLabel, opt.TheirsLabel = "mine.parley", "theirs.parley"
			if tc.withBase {
				opt.Base = o
			}
			theirs := dt.Meeting()
			if tc.wantErrNotSay {
				theirs = theirs.Clone()
				theirs.Details.ID = "another"
			}
			before := canon(t, dm.Meeting())
			out, rep, err := app.Merge(dm.Meeting(), theirs, opt)
			if tc.wantErrNotSay {
				if !errors.Is(err, app.ErrNotSameMeeting) || !strings.Contains(err.Error(), "mine.parley") {
					t.Fatalf("err = %v", err)
				}
				opt.Force = true
				if _, _, err := app.Merge(dm.Meeting(), theirs, opt); err != nil {
					t.Fatalf("forced: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if canon(t, dm.Meeting()) != before {
				t.Fatal("merge changed its input")
			}
			wantConflicts := func(got []string) bool {
				if tc.oneOf != nil {
					return slices.ContainsFunc(tc.oneOf, func(w []string) bool { return slices.Equal(got, w) })
				}
				return slices.Equal(got, tc.conflicts)
			}
			if got := conflictKeys(out.Conflicts); !wantConflicts(got) {
				t.Errorf("conflicts %v, want %v", got, tc.conflicts)
			}
			if len(rep.Conflicts) != len(out.Conflicts) || rep.New != len(out.Conflicts) {
				t.Errorf("report lists %d conflicts (%d new), result %d", len(rep.Conflicts), rep.New, len(out.Conflicts))
			}
			if tc.check != nil {
				tc.check(t, out, rep)
			}
			if probs := app.Validate(out); app.HasFatal(probs) {
				t.Errorf("fatal problems: %v", probs)
			}
			// The same merge again gives the same result; merging the other
			// way round finds the same conflicts.
			again, _, _ := app.Merge(dm.Meeting(), theirs, opt)
			if canon(t, again) != canon(t, out) {
				t.Error("merge is not deterministic")
			}
			back, _, _ := app.Merge(theirs, dm.Meeting(), opt)
			if got := conflictKeys(back.Conflicts); !slices.Equal(got, conflictKeys(out.Conflicts)) {
				t.Errorf("merged the other way: conflicts %v, want %v", got, tc.conflicts)
			}
			// Merging the result with either input again changes nothing.
			for _, in := range []*app.Meeting{dm.Meeting(), theirs} {
				re, rep2, err := app.Merge(out, in, opt)
				if err != nil || canon(t, re) != canon(t, out) || rep2.New != 0 {
					t.Errorf("re-merge with an input: err %v, new conflicts %d, changed %v", err, rep2.New, rep2.Sections)
				}
			}
		})
	}
}

func TestMergeSelf(t *testing.T) {
	dm, _ := fork(origin())
	_ = set(app.KindPerson, "sato", "email", "x@example.org")(dm)
	_ = del(app.KindPerson, "patel")(dm)
	m := dm.Meeting()
	out, rep, err := app.Merge(m, m, app.MergeOptions{})
	if err != nil || canon(t, out) != canon(t, m) || rep.Changed() || len(rep.Conflicts) != 0 {
		t.Fatalf("merge(A, A) != A: err %v, report %+v", err, rep)
	}
}

// A copy changed outside Parley (by hand, in a text editor) holds a value
// no edit made: the merge keeps both values as a conflict rather than
// dropping one because the revision data match.
func TestMergeCopyChangedOutsideParley(t *testing.T) {
	dm, _ := fork(origin())
	mine := dm.Meeting()
	theirs := mine.Clone()
	for _, p := range theirs.People {
		if p.ID == "sato" {
			p.Native = "佐藤美咲"
		}
	}
	for _, pair := range [][2]*app.Meeting{{mine, theirs}, {theirs, mine}} {
		out, rep, err := app.Merge(pair[0], pair[1], app.MergeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Conflicts) != 1 {
			t.Fatalf("%d conflicts, want the hand edit: %+v", len(rep.Conflicts), rep.Conflicts)
		}
		c := rep.Conflicts[0]
		if c.Record != "sato" || c.Field != "native" || !strings.Contains(string(c.Mine)+string(c.Theirs), "佐藤美咲") {
			t.Errorf("conflict %+v", c)
		}
		if len(out.Conflicts) != 1 {
			t.Errorf("the conflict is not kept in the merged meeting")
		}
	}
}

// TestConflictsKeptAndResolved: unresolved conflicts travel with the file,
// are not doubled by another merge, and once resolved do not come back.
func TestConflictsKeptAndResolved(t *testing.T) {
	dm, dt := fork(origin())
	_ = set(app.KindPerson, "mckinnon", "position", "Mine")(dm)
	_ = set(app.KindPerson, "mckinnon", "position", "Theirs")(dt)
	_ = del(app.KindPerson, "patel")(dm)
	_ = set(app.KindPerson, "patel", "phone", "+61 2 6261 1111")(dt)
	out, rep, err := app.Merge(dm.Meeting(), dt.Meeting(), app.MergeOptions{})
	if err != nil || len(out.Conflicts) != 2 || rep.New != 2 {
		t.Fatalf("err %v, conflicts %v", err, out.Conflicts)
	}
	// Both people merge; each copy has the conflicts once.
	other, _, _ := app.Merge(dt.Meeting(), dm.Meeting(), app.MergeOptions{})
	both, rep, _ := app.Merge(out, other, app.MergeOptions{})
	if len(both.Conflicts) != 2 || rep.New != 0 {
		t.Fatalf("conflicts after merging two merge results: %v (new %d)", conflictKeys(both.Conflicts), rep.New)
	}

	// Resolve through the document: theirs for the position, keep patel.
	d := app.NewDocument(out)
	byField := map[string]app.Conflict{}
	for _, c := range d.Meeting().Conflicts {
		byField[c.Field] = c
	}
	e, err := app.ResolveEdit(d.Meeting(), byField["position"].ID, app.Resolution{Choice: app.ChooseTheirs})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Apply(e); err != nil {
		t.Fatal(err)
	}
	if person(d.Meeting(), "mckinnon").Position != "Theirs" || len(d.Meeting().Conflicts) != 1 {
		t.Fatalf("after resolving: %q, %v", person(d.Meeting(), "mckinnon").Position, d.Meeting().Conflicts)
	}
	if !d.Undo() || len(d.Meeting().Conflicts) != 2 || person(d.Meeting(), "mckinnon").Position != "Mine" {
		t.Fatal("undo did not reopen the conflict")
	}
	d.Redo()
	e, err = app.ResolveEdit(d.Meeting(), byField[""].ID, app.Resolution{Choice: app.ChooseTheirs})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Apply(e); err != nil || len(d.Meeting().Conflicts) != 0 || person(d.Meeting(), "patel") == nil {
		t.Fatalf("keeping patel: %v, %v", err, d.Meeting().Conflicts)
	}
	resolved := d.Meeting()
	// The other copy still lists both conflicts: merging does not bring
	// them back, and nothing is lost.
	for _, o := range []*app.Meeting{out, other, dm.Meeting(), dt.Meeting()} {
		re, rep, err := app.Merge(resolved, o, app.MergeOptions{})
		if err != nil || len(re.Conflicts) != 0 || person(re, "patel") == nil || person(re, "mckinnon").Position != "Theirs" {
			t.Fatalf("resolved conflicts came back: %v %v (%+v)", err, conflictKeys(re.Conflicts), rep)
		}
	}
	// Someone else resolved the same conflict the other way: that is a new
	// conflict, not a silent choice.
	d2 := app.NewDocument(other)
	var pos app.Conflict
	for _, c := range other.Conflicts {
		if c.Field == "position" {
			pos = c
		}
	}
	e, _ = app.ResolveEdit(d2.Meeting(), pos.ID, app.Resolution{Choice: app.ChooseMine}) // "Theirs" is mine there
	if err := d2.Apply(e); err != nil {
		t.Fatal(err)
	}
	e, _ = app.ResolveEdit(d2.Meeting(), pos.ID, app.Resolution{Choice: app.ChooseMine})
	if e.Ops != nil {
		t.Fatal("resolved twice")
	}
	re, _, _ := app.Merge(resolved, d2.Meeting(), app.MergeOptions{})
	if got := conflictKeys(re.Conflicts); len(got) != 0 {
		// Both chose "Theirs": the same value, no conflict.
		t.Fatalf("same resolution on both sides conflicts: %v", got)
	}
}

func TestResolveChoices(t *testing.T) {
	dm, dt := fork(origin())
	_ = set(app.KindPerson, "mckinnon", "position", "Mine")(dm)
	_ = set(app.KindPerson, "mckinnon", "position", "Theirs")(dt)
	_ = set(app.KindParagraph, "p1", "text", app.PlainSpans("Mine."))(dm)
	_ = set(app.KindParagraph, "p1", "text", app.PlainSpans("Theirs."))(dt)
	_ = set(app.KindPerson, "patel", "phone", "1")(dm)
	_ = del(app.KindPerson, "patel")(dt)
	out, _, err := app.Merge(dm.Meeting(), dt.Meeting(), app.MergeOptions{})
	if err != nil || len(out.Conflicts) != 3 {
		t.Fatalf("%v %v", err, conflictKeys(out.Conflicts))
	}
	choices := map[string]app.Resolution{}
	for _, c := range out.Conflicts {
		switch c.Field {
		case "position":
			choices[c.ID] = app.Resolution{Choice: app.ChooseValue, Value: "Edited"}
		case "text":
			choices[c.ID] = app.Resolution{Choice: app.ChooseValue, Value: "Both [texts]."}
		case "":
			choices[c.ID] = app.Resolution{Choice: app.ChooseTheirs} // deleted
		}
	}
	d := app.NewDocument(origin())
	session := d.Session()
	if err := app.Resolve(out, session, choices); err != nil {
		t.Fatal(err)
	}
	if len(out.Conflicts) != 0 || person(out, "mckinnon").Position != "Edited" || person(out, "patel") != nil ||
		para(out, "p1").Text.Plain() != "Both [texts]." {
		t.Fatalf("resolved: %v, %q, %v, %q", out.Conflicts, person(out, "mckinnon").Position, person(out, "patel"), para(out, "p1").Text.Plain())
	}
	if out.Clock[session] == 0 {
		t.Error("resolutions not stamped with the given session")
	}
	if app.HasFatal(app.Validate(out)) {
		t.Error("resolving left the meeting inconsistent")
	}
	// The document takes the result as one undoable step.
	d.Replace(out, "Merge with theirs.parley")
	if ok, label := d.CanUndo(); !ok || label != "Merge with theirs.parley" {
		t.Fatalf("undo %v %q", ok, label)
	}
	if err := d.Apply(app.Edit{Ops: []app.Op{app.Set(app.KindPerson, "sato", "email", "s@example.org")}}); err != nil {
		t.Fatal(err)
	}
	if got := person(d.Meeting(), "sato").Revs["email"]; got.Session != session || got.Seq <= out.Clock[session]-1 {
		t.Errorf("the next edit reuses a dot: %v, clock %v", got, out.Clock)
	}
	// An unknown choice or conflict is refused and changes nothing.
	if err := app.Resolve(out, "", map[string]app.Resolution{"nope": {}}); err == nil {
		t.Error("unknown conflict accepted")
	}
}

// TestUndoOfMergeKeepsDotsUnique: undoing a merge swaps in an older clock,
// but the document never stamps the same dot on two different edits.
func TestUndoOfMergeKeepsDotsUnique(t *testing.T) {
	d := app.NewDocument(origin())
	_ = set(app.KindPerson, "sato", "email", "a")(d)
	merged := d.Meeting().Clone()
	merged.Details.Topic = "Merged"
	d.Replace(merged, "Merge")
	_ = set(app.KindPerson, "sato", "email", "b")(d)
	first := person(d.Meeting(), "sato").Revs["email"]
	d.Undo()
	d.Undo()
	_ = set(app.KindPerson, "sato", "phone", "c")(d)
	if again := person(d.Meeting(), "sato").Revs["phone"]; again.Seq <= first.Seq {
		t.Fatalf("dot %v reused after undoing a merge (was %v)", again, first)
	}
}

func TestMergeSpans(t *testing.T) {
	cases := []struct {
		base, mine, theirs, want string
		ok                       bool
	}{
		{"a b c", "a x c", "a b c d", "a x c d", true},
		{"a b c", "a x c", "a y c", "", false},
		{"a b c", "a x c", "a x c", "a x c", true},
		{"", "one", "", "one", true},
		{"", "one", "two", "", false},
		{"a b c d e", "a c d e", "a b c d", "a c d", true},
		{"協力を強化する", "協力を一層強化する", "連携を強化する", "連携を一層強化する", true},
		{"Don't stop co-operating.", "Do not stop co-operating.", "Don't stop co-operating now.", "Do not stop co-operating now.", true},
	}
	for _, c := range cases {
		got, ok := app.MergeText(c.base, c.mine, c.theirs)
		if ok != c.ok || got != c.want {
			t.Errorf("MergeText(%q, %q, %q) = %q, %v; want %q, %v", c.base, c.mine, c.theirs, got, ok, c.want, c.ok)
		}
	}
}

// TestRedoKeepsIdentity: an addition undone and redone is the same record
// to a merge, so the other copy's edit of it is not a conflict.
func TestRedoKeepsIdentity(t *testing.T) {
	dm, _ := fork(origin())
	if err := addPerson("lee", "au", "Lee", "")(dm); err != nil {
		t.Fatal(err)
	}
	made := person(dm.Meeting(), "lee").Made
	theirs := app.NewDocument(dm.Meeting().Clone()) // the file goes to a colleague
	dm.Undo()
	dm.Redo()
	if got := person(dm.Meeting(), "lee").Made; got != made {
		t.Fatalf("redo made a new record: %v, was %v", got, made)
	}
	if err := set(app.KindPerson, "lee", "position", "Director")(theirs); err != nil {
		t.Fatal(err)
	}
	out, _, err := app.Merge(dm.Meeting(), theirs.Meeting(), app.MergeOptions{})
	if err != nil || len(out.Conflicts) != 0 || person(out, "lee").Position != "Director" {
		t.Fatalf("err %v, conflicts %v", err, conflictKeys(out.Conflicts))
	}
}
