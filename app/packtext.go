package app

import (
	"fmt"
	"strings"
	"time"
)

// What the briefing pack says, whatever it is written in (the PDF of
// app/pack, the Word document of app/docx): dates, the venue, the titles
// of its parts, the numbers of the briefs.

// LongDate writes an ISO date as "2 August 2016", with the weekday when
// asked ("Tuesday 2 August 2016"); text that is not a date is returned as
// it is.
func LongDate(iso string, weekday bool) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(iso))
	if err != nil {
		return iso
	}
	if weekday {
		return t.Format("Monday 2 January 2006")
	}
	return t.Format("2 January 2006")
}

// DateRange writes a meeting's dates: "2 August 2016", "10–12 March 2026".
func DateRange(start, end string, weekday bool) string {
	s, err1 := time.Parse("2006-01-02", start)
	e, err2 := time.Parse("2006-01-02", end)
	if err1 != nil || err2 != nil || !e.After(s) {
		return LongDate(start, weekday)
	}
	switch {
	case s.Year() != e.Year():
		return s.Format("2 January 2006") + " – " + e.Format("2 January 2006")
	case s.Month() != e.Month():
		return s.Format("2 January") + " – " + e.Format("2 January 2006")
	}
	return s.Format("2") + "–" + e.Format("2 January 2006")
}

// DayDate is the date of a day of the meeting (0 is the first).
func (m *Meeting) DayDate(day int, weekday bool) string {
	t, err := time.Parse("2006-01-02", m.Details.Start)
	if err != nil {
		return fmt.Sprintf("Day %d", day+1)
	}
	layout := "2 January 2006"
	if weekday {
		layout = "Monday 2 January 2006"
	}
	return t.AddDate(0, 0, day).Format(layout)
}

// VenueText says where the meeting is: "Iikura Guest House, Tokyo", or
// "Held virtually".
func (m *Meeting) VenueText() string {
	d := m.Details
	if d.Virtual {
		if d.City != "" {
			return "Held virtually from " + d.City
		}
		return "Held virtually"
	}
	var parts []string
	for _, s := range []string{d.Venue, d.City} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// DelegationTitle heads a side's delegation list: "Japanese delegation".
func DelegationTitle(s *Side) string {
	if s.Adjective != "" {
		return s.Adjective + " delegation"
	}
	return "Delegation of " + s.Label()
}

// AnnexTitle heads the i-th annex (from 0): "Annex B: Earlier statements".
func AnnexTitle(i int, a *Annex) string {
	t := "Annex " + annexLetter(i)
	if a.Title != "" {
		t += ": " + a.Title
	}
	return t
}

func annexLetter(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

// TextLines splits free text at line ends into its non-empty lines, each
// a paragraph of a brief.
func TextLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// StatementHeading is the statement's heading in a pack: "Draft joint
// statement", or "Joint statement" in a final one.
func (m *Meeting) StatementHeading(final bool) string {
	k := string(m.Statement.Kind)
	if k == "" {
		k = string(StatementJoint)
	}
	if final {
		return strings.ToUpper(k[:1]) + k[1:]
	}
	return "Draft " + strings.ToLower(k[:1]) + k[1:]
}

// BriefSlots are the programme slots that get a brief: every item but
// breaks and meals, in programme order.
func (s *Schedule) BriefSlots() []Slot {
	var out []Slot
	for _, sl := range s.Slots {
		if !sl.Item.Kind.IsPause() {
			out = append(out, sl)
		}
	}
	return out
}

// BriefNumbers numbers the briefs by item ID: 1, 2, 3, sub-items 2.1, 2.2.
func (s *Schedule) BriefNumbers() map[string]string {
	out := map[string]string{}
	var counters []int
	for _, sl := range s.BriefSlots() {
		for len(counters) <= sl.Depth {
			counters = append(counters, 0)
		}
		counters = counters[:sl.Depth+1]
		counters[sl.Depth]++
		parts := make([]string, len(counters))
		for i, c := range counters {
			parts[i] = fmt.Sprint(c)
		}
		out[sl.Item.ID] = strings.Join(parts, ".")
	}
	return out
}

// MultiDay reports whether the programme runs over more than one day.
func (s *Schedule) MultiDay() bool {
	for _, sl := range s.Slots {
		if sl.Day != 0 {
			return true
		}
	}
	return false
}

// Label is the role as printed: "Co-chair".
func (r Role) Label() string {
	if r == "" {
		return ""
	}
	return strings.ToUpper(string(r)[:1]) + string(r)[1:]
}

// PackDate is the date of a pack's version as its cover prints it: "to
// be set" when there is none yet (the next meeting of a series).
func PackDate(iso string) string {
	if d := LongDate(iso, false); d != "" {
		return d
	}
	return "to be set"
}

// RoleText is a participant's role as the pack prints it, with "to be
// confirmed" while the participant, carried over from the series' last
// meeting, is still to confirm: "Member (to be confirmed)".
func (p *Person) RoleText() string {
	if p.ToConfirm {
		return strings.TrimSpace(p.Role.Label() + " (to be confirmed)")
	}
	return p.Role.Label()
}

// PackMarking is the marking a briefing pack carries: the highest of the
// meeting's marking and those of what it holds: the item briefs, the
// statement (or the changes to it), the annexes.
func (m *Meeting) PackMarking(briefs, statement, annexes bool) Marking {
	ms := []Marking{m.Details.Marking}
	if briefs {
		for _, it := range m.Items {
			ms = append(ms, it.Marking)
		}
	}
	if statement {
		ms = append(ms, m.Statement.Marking)
	}
	if annexes {
		for _, a := range m.Annexes {
			ms = append(ms, a.Marking)
		}
	}
	return Highest(ms...)
}

// ItemByID returns the programme item with the ID, or nil.
func (m *Meeting) ItemByID(id string) *Item { return byID(m.Items, id) }

// PersonByID returns the participant with the ID, or nil.
func (m *Meeting) PersonByID(id string) *Person { return byID(m.People, id) }

// AgencyByID returns the agency with the ID, or nil.
func (m *Meeting) AgencyByID(id string) *Agency { return byID(m.Agencies, id) }

// byID finds a record by ID in a list.
func byID[T interface{ Meta() *Rec }](list []T, id string) T {
	var zero T
	if id == "" {
		return zero
	}
	for _, r := range list {
		if r.Meta().ID == id {
			return r
		}
	}
	return zero
}
