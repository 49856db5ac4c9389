package app

import (
	"strings"
	"testing"
)

func TestValidateSeedMeetingIsClean(t *testing.T) {
	for _, p := range Validate(seedMeeting()) {
		if p.Severity >= Error {
			t.Errorf("unexpected %s", p)
		}
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name     string
		change   func(m *Meeting)
		severity Severity
		want     string
	}{
		{"duplicate ID", func(m *Meeting) { m.People[1].ID = "mizushima" }, Fatal,
			`participant 2 ("Sato Misaki"): duplicate ID mizushima`},
		{"person on a missing side", func(m *Meeting) { m.People[0].Side = "kr" }, Fatal,
			`participant 4 ("Koichi Mizushima"): side refers to side kr, which does not exist`},
		{"unknown agency", func(m *Meeting) { m.People[0].Agency = "NISCC" }, Fatal,
			`participant 1 ("Koichi Mizushima"): agency refers to agency NISCC, which does not exist`},
		{"agency of the other side", func(m *Meeting) { m.People[0].Agency = "dfat" }, Error,
			`participant 1 ("Koichi Mizushima"): agency "DFAT" belongs to another side`},
		{"no head of delegation", func(m *Meeting) { m.People[0].Role = RoleMember }, Warning,
			`side 1 ("Japan"): has no co-chair or head of delegation`},
		{"unknown role", func(m *Meeting) { m.People[3].Role = "boss" }, Error,
			`participant 4 ("Anika Patel"): unknown role "boss"`},
		{"bad date", func(m *Meeting) { m.Details.Start = "2 August 2016" }, Error,
			`meeting: start date "2 August 2016": want YYYY-MM-DD`},
		{"end before start", func(m *Meeting) { m.Details.End = "2016-08-01" }, Error, `meeting: ends (2016-08-01) before it starts`},
		{"bad day start", func(m *Meeting) { m.Details.DayStart = "9.30" }, Error, `meeting: dayStart: time "9.30"`},
		{"bad marking", func(m *Meeting) { m.Details.Marking = Marking{Scheme: "AU", Level: "CONFIDENTIAL"} }, Error,
			`meeting: marking level "CONFIDENTIAL" is not in the AU scheme`},
		{"long points", func(m *Meeting) {
			m.Items = []*Item{{Rec: Rec{ID: "i1"}, Pos: "V", Kind: ItemSession, Title: "Norms", Points: strings.Repeat("A point to make about norms and international law. ", 120)}}
		}, Warning, `programme item 1 ("Norms"): points to make run to about`},
		{"overlapping fixed items", func(m *Meeting) {
			m.Items = []*Item{{Rec: Rec{ID: "a"}, Pos: "1", Kind: ItemPress, Title: "Press", Minutes: 30, Fixed: "16:00"},
				{Rec: Rec{ID: "b"}, Pos: "2", Kind: ItemCeremony, Title: "Call with the minister", Minutes: 30, Fixed: "16:15"}}
		}, Warning, `programme item 2 ("Call with the minister"): fixed at 16:15, overlaps the fixed item programme item 1 ("Press")`},
		{"dangling lead", func(m *Meeting) {
			m.Items = []*Item{{Rec: Rec{ID: "a"}, Pos: "1", Kind: ItemSession, Title: "Opening", Leads: []string{"ghost"}}}
		}, Fatal, `programme item 1 ("Opening"): leads refers to participant ghost`},
		{"agreed with brackets", func(m *Meeting) {
			m.Paragraphs = []*Paragraph{{Rec: Rec{ID: "p"}, Pos: "1", Kind: ParaOperative, State: StateAgreed,
				Text: Spans{{T: "x", Bracket: "b", Side: "jp"}}}}
		}, Error, `statement paragraph 1: is marked agreed but has 1 open bracket(s)`},
		{"parent loop", func(m *Meeting) {
			m.Items = []*Item{{Rec: Rec{ID: "a"}, Pos: "1", Parent: "b", Kind: ItemSession, Title: "A"},
				{Rec: Rec{ID: "b"}, Pos: "2", Parent: "a", Kind: ItemSession, Title: "B"}}
		}, Fatal, `is its own sub-item`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := seedMeeting()
			c.change(m)
			m.Normalize()
			probs := Validate(m)
			for _, p := range probs {
				if p.Severity == c.severity && strings.Contains(p.String(), c.want) {
					return
				}
			}
			t.Errorf("no %s %q among:\n%v", c.severity, c.want, probs)
		})
	}
}

func TestEstimateA4Lines(t *testing.T) {
	if n := EstimateA4Lines(""); n != 0 {
		t.Errorf("empty = %d", n)
	}
	if n := EstimateA4Lines("one\ntwo\nthree"); n != 3 {
		t.Errorf("three short lines = %d", n)
	}
	if a, b := EstimateA4Lines(strings.Repeat("a", 190)), EstimateA4Lines(strings.Repeat("水", 95)); a != b {
		t.Errorf("CJK characters count double: %d vs %d", a, b)
	}
}
