package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ParseClock reads a clock time "HH:MM" (24-hour) as minutes after midnight.
func ParseClock(s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(m) != 2 || len(h) == 0 || len(h) > 2 {
		return 0, fmt.Errorf("time %q: want HH:MM, such as 09:30", s)
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("time %q: want HH:MM, such as 09:30", s)
	}
	return hh*60 + mm, nil
}

// FormatClock writes minutes after midnight as "HH:MM"; times past
// midnight wrap and are marked "+1".
func FormatClock(min int) string {
	day := ""
	if min >= 24*60 {
		day = "+" + strconv.Itoa(min/(24*60))
		min %= 24 * 60
	}
	if min < 0 {
		min = 0
	}
	return fmt.Sprintf("%02d:%02d%s", min/60, min%60, day)
}

// Slot is a programme item placed in time.
type Slot struct {
	Item  *Item
	Day   int
	Depth int
	// Start and End are minutes after midnight of the item's day.
	Start, End int
	// Overlap is how many minutes this item runs into the next fixed item
	// (or, for a sub-item, past its parent's end); Gap how many minutes stand
	// idle before this fixed item.
	Overlap int
	Gap     int
}

// Schedule is the programme placed in time.
type Schedule struct {
	Slots []Slot
	// DayEnds holds each day's end time, by day.
	DayEnds map[int]int
	// PlannedEnd is the meeting's planned end of day (-1 when not set).
	PlannedEnd int
	byID       map[string]int
}

// Slot returns the slot of an item.
func (s *Schedule) Slot(id string) (Slot, bool) {
	i, ok := s.byID[id]
	if !ok {
		return Slot{}, false
	}
	return s.Slots[i], true
}

// Overruns reports the days whose end passes the planned end.
func (s *Schedule) Overruns() map[int]int {
	out := map[int]int{}
	if s.PlannedEnd < 0 {
		return out
	}
	for d, end := range s.DayEnds {
		if end > s.PlannedEnd {
			out[d] = end - s.PlannedEnd
		}
	}
	return out
}

// Schedule places the programme in time. Each day starts at the meeting's
// DayStart; items follow one another; an item with a Fixed time starts at
// that time whatever comes before it, and what does not fit shows as an
// overlap on the item that runs into it, or as a gap on the fixed item.
// Sub-items run from their parent's start, one after another.
func (m *Meeting) Schedule() Schedule {
	dayStart, err := ParseClock(m.Details.DayStart)
	if err != nil {
		dayStart = 9 * 60
	}
	planned := -1
	if m.Details.PlannedEnd != "" {
		if p, err := ParseClock(m.Details.PlannedEnd); err == nil {
			planned = p
		}
	}
	s := Schedule{DayEnds: map[int]int{}, PlannedEnd: planned, byID: make(map[string]int, len(m.Items)),
		Slots: make([]Slot, 0, len(m.Items))}
	children := map[string][]*Item{}
	for _, it := range m.Items {
		if it.Parent != "" {
			children[it.Parent] = append(children[it.Parent], it)
		}
	}
	placed := make(map[*Item]bool, len(m.Items))
	var place func(list []*Item, day, depth, cursor, limit int) int
	place = func(list []*Item, day, depth, cursor, limit int) int {
		prev := -1
		for _, it := range list {
			if placed[it] {
				continue // a duplicate ID made a loop: validation reports it
			}
			placed[it] = true
			start := cursor
			gap := 0
			if it.Fixed != "" {
				if f, err := ParseClock(it.Fixed); err == nil {
					if f > cursor {
						gap = f - cursor
					} else if f < cursor && prev >= 0 {
						s.Slots[prev].Overlap += cursor - f
					}
					start = f
				}
			}
			dur := it.Minutes
			if dur < 0 {
				dur = 0
			}
			end := start + dur
			s.byID[it.ID] = len(s.Slots)
			s.Slots = append(s.Slots, Slot{Item: it, Day: day, Depth: depth, Start: start, End: end, Gap: gap})
			me := len(s.Slots) - 1
			if kids := children[it.ID]; len(kids) > 0 {
				place(kids, day, depth+1, start, end)
			}
			if limit >= 0 && end > limit {
				s.Slots[me].Overlap += end - limit
			}
			cursor = end
			prev = me
		}
		return cursor
	}
	// Top-level items, day by day, keeping programme order within a day.
	var tops []*Item
	for _, it := range m.Items {
		if it.Parent == "" {
			tops = append(tops, it)
		}
	}
	days := map[int][]*Item{}
	var order []int
	for _, it := range tops {
		if _, ok := days[it.Day]; !ok {
			order = append(order, it.Day)
		}
		days[it.Day] = append(days[it.Day], it)
	}
	slices.Sort(order)
	for _, d := range order {
		s.DayEnds[d] = place(days[d], d, 0, dayStart, -1)
	}
	// Items whose parent is missing are placed nowhere: validation reports them.
	return s
}
