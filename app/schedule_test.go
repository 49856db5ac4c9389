package app

import (
	"testing"
)

func items(specs ...Item) []*Item {
	out := make([]*Item, len(specs))
	keys := PosSequence(len(specs))
	for i := range specs {
		it := specs[i]
		if it.ID == "" {
			it.ID = "i" + string(rune('a'+i))
		}
		if it.Pos == "" {
			it.Pos = keys[i]
		}
		if it.Kind == "" {
			it.Kind = ItemSession
		}
		out[i] = &it
	}
	return out
}

func TestSchedule(t *testing.T) {
	type want struct {
		start, end   string
		overlap, gap int
	}
	cases := []struct {
		name  string
		items []*Item
		want  map[string]want
	}{
		{"sequential", items(Item{Minutes: 30}, Item{Minutes: 15}, Item{Minutes: 45}), map[string]want{
			"ia": {"09:30", "10:00", 0, 0}, "ib": {"10:00", "10:15", 0, 0}, "ic": {"10:15", "11:00", 0, 0}}},
		{"fixed item leaves a gap", items(Item{Minutes: 30}, Item{Minutes: 20, Fixed: "10:30"}, Item{Minutes: 10}), map[string]want{
			"ia": {"09:30", "10:00", 0, 0}, "ib": {"10:30", "10:50", 0, 30}, "ic": {"10:50", "11:00", 0, 0}}},
		{"item runs into a fixed item", items(Item{Minutes: 90}, Item{Minutes: 20, Fixed: "10:30"}), map[string]want{
			"ia": {"09:30", "11:00", 30, 0}, "ib": {"10:30", "10:50", 0, 0}}},
		{"sub-items run from the parent's start", items(Item{Rec: Rec{ID: "p"}, Minutes: 60}, Item{Rec: Rec{ID: "c1"}, Parent: "p", Minutes: 20},
			Item{Rec: Rec{ID: "c2"}, Parent: "p", Minutes: 30}, Item{Rec: Rec{ID: "n"}, Minutes: 10}), map[string]want{
			"p": {"09:30", "10:30", 0, 0}, "c1": {"09:30", "09:50", 0, 0}, "c2": {"09:50", "10:20", 0, 0}, "n": {"10:30", "10:40", 0, 0}}},
		{"sub-items overrun their parent", items(Item{Rec: Rec{ID: "p"}, Minutes: 30}, Item{Rec: Rec{ID: "c1"}, Parent: "p", Minutes: 20},
			Item{Rec: Rec{ID: "c2"}, Parent: "p", Minutes: 25}), map[string]want{
			"c2": {"09:50", "10:15", 15, 0}}},
		{"second day starts afresh", items(Item{Minutes: 60}, Item{Minutes: 30, Day: 1}), map[string]want{
			"ia": {"09:30", "10:30", 0, 0}, "ib": {"09:30", "10:00", 0, 0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := seedMeeting()
			m.Items = c.items
			m.Normalize()
			s := m.Schedule()
			for id, w := range c.want {
				sl, ok := s.Slot(id)
				if !ok {
					t.Fatalf("%s not scheduled", id)
				}
				got := want{FormatClock(sl.Start), FormatClock(sl.End), sl.Overlap, sl.Gap}
				if got != w {
					t.Errorf("%s: got %+v, want %+v", id, got, w)
				}
			}
		})
	}
}

func TestScheduleRecomputesWhenDurationChanges(t *testing.T) {
	m := seedMeeting()
	m.Items = items(Item{Rec: Rec{ID: "a"}, Minutes: 30}, Item{Rec: Rec{ID: "b"}, Minutes: 30}, Item{Rec: Rec{ID: "press"}, Minutes: 20, Fixed: "11:00"}, Item{Rec: Rec{ID: "c"}, Minutes: 15})
	d := NewDocument(m)
	if err := d.Apply(Edit{Ops: []Op{Set(KindItem, "a", "minutes", 60)}}); err != nil {
		t.Fatal(err)
	}
	s := d.Meeting().Schedule()
	b, _ := s.Slot("b")
	press, _ := s.Slot("press")
	c, _ := s.Slot("c")
	if FormatClock(b.Start) != "10:30" {
		t.Errorf("b starts at %s, want 10:30 after a grew", FormatClock(b.Start))
	}
	if FormatClock(press.Start) != "11:00" || press.Gap != 0 {
		t.Errorf("fixed press moved to %s (gap %d)", FormatClock(press.Start), press.Gap)
	}
	if FormatClock(c.Start) != "11:20" {
		t.Errorf("c starts at %s, want 11:20", FormatClock(c.Start))
	}
	if err := d.Apply(Edit{Ops: []Op{Set(KindItem, "a", "minutes", 90)}}); err != nil {
		t.Fatal(err)
	}
	s = d.Meeting().Schedule()
	b, _ = s.Slot("b")
	press, _ = s.Slot("press")
	if b.Overlap != 30 || FormatClock(press.Start) != "11:00" {
		t.Errorf("overlap on b = %d, press at %s; want 30 and 11:00", b.Overlap, FormatClock(press.Start))
	}
}

func TestClock(t *testing.T) {
	good := map[string]int{"09:30": 570, "9:05": 545, "00:00": 0, "23:59": 1439}
	for s, want := range good {
		if got, err := ParseClock(s); err != nil || got != want {
			t.Errorf("ParseClock(%q) = %d, %v", s, got, err)
		}
	}
	for _, s := range []string{"24:00", "9.30", "", "12:5", "ab:cd", "12:60"} {
		if _, err := ParseClock(s); err == nil {
			t.Errorf("ParseClock(%q) accepted", s)
		}
	}
	if got := FormatClock(24*60 + 30); got != "00:30+1" {
		t.Errorf("FormatClock past midnight = %q", got)
	}
}

func TestScheduleSurvivesDuplicateIDs(t *testing.T) {
	m := seedMeeting()
	m.Items = []*Item{{Rec: Rec{ID: "x"}, Pos: "1", Minutes: 10, Kind: ItemSession}, {Rec: Rec{ID: "x"}, Parent: "x", Pos: "2", Minutes: 5, Kind: ItemSession}}
	s := m.Schedule()
	if len(s.Slots) != 2 {
		t.Fatalf("%d slots", len(s.Slots))
	}
}
