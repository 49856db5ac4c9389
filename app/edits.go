package app

import (
	"fmt"
	"slices"
)

// Siblings returns the records that share r's list and container (people
// of one side, sub-items of one item), in order, r included.
func (m *Meeting) Siblings(r Record) []Record {
	k := kindOf(r)
	field, value := Container(r)
	var out []Record
	m.eachOf(k, func(o Record) {
		if field != "" {
			if _, v := Container(o); v != value {
				return
			}
		}
		if it, ok := o.(*Item); ok && it.Parent == "" {
			if it.Day != r.(*Item).Day {
				return
			}
		}
		out = append(out, o)
	})
	return out
}

// PosAfterLast returns a position after every record of kind k in the
// container (the side ID, parent item ID or item ID; "" for kinds without).
func (m *Meeting) PosAfterLast(k Kind, container string) string {
	last := ""
	m.eachOf(k, func(o Record) {
		if _, v := Container(o); v == container {
			if p := PosOf(o); p > last {
				last = p
			}
		}
	})
	return PosBetween(last, "")
}

// PosAfter returns a position right after the record r among its siblings.
func (m *Meeting) PosAfter(r Record) string {
	sib := m.Siblings(r)
	i := indexOf(sib, r)
	next := ""
	if i+1 < len(sib) {
		next = PosOf(sib[i+1])
	}
	return PosBetween(PosOf(r), next)
}

// PosBefore returns a position right before the record r among its siblings.
func (m *Meeting) PosBefore(r Record) string {
	sib := m.Siblings(r)
	i := indexOf(sib, r)
	prev := ""
	if i > 0 {
		prev = PosOf(sib[i-1])
	}
	return PosBetween(prev, PosOf(r))
}

func indexOf(list []Record, r Record) int {
	return slices.IndexFunc(list, func(o Record) bool { return o.Meta().ID == r.Meta().ID })
}

// MoveOps moves a record up (delta < 0) or down (delta > 0) among its
// siblings by |delta| places. It returns no ops when the record cannot move.
func (m *Meeting) MoveOps(r Record, delta int) []Op {
	sib := m.Siblings(r)
	i := indexOf(sib, r)
	j := i + delta
	if i < 0 || delta == 0 || j < 0 || j >= len(sib) {
		return nil
	}
	return m.MoveToOps(r, j)
}

// MoveToOps moves a record to place j (0-based) among its siblings, as in
// drag and drop: only the moved record's position changes.
func (m *Meeting) MoveToOps(r Record, j int) []Op {
	sib := m.Siblings(r)
	i := indexOf(sib, r)
	if i < 0 || j == i || j < 0 || j >= len(sib) {
		return nil
	}
	rest := slices.Delete(slices.Clone(sib), i, i+1)
	prev, next := "", ""
	if j > 0 {
		prev = PosOf(rest[j-1])
	}
	if j < len(rest) {
		next = PosOf(rest[j])
	}
	if prev != "" && next != "" && prev >= next {
		// Two siblings share a position (a merge can do that): spread them out.
		return m.respaceOps(sib, i, j)
	}
	return []Op{Set(kindOf(r), r.Meta().ID, "pos", PosBetween(prev, next))}
}

// respaceOps gives every sibling a fresh evenly spaced position, with the
// record at i moved to j.
func (m *Meeting) respaceOps(sib []Record, i, j int) []Op {
	moved := sib[i]
	order := slices.Delete(slices.Clone(sib), i, i+1)
	order = slices.Insert(order, j, moved)
	keys := PosSequence(len(order))
	var ops []Op
	for n, r := range order {
		if PosOf(r) != keys[n] {
			ops = append(ops, Set(kindOf(r), r.Meta().ID, "pos", keys[n]))
		}
	}
	return ops
}

// DeleteOps removes a record and everything that depends on it: a side's
// agencies, people and signatories; an item's sub-items and background;
// a paragraph's alternatives. References to it elsewhere are cleared (a
// person as lead speaker, an agency of a person, the host side).
func (m *Meeting) DeleteOps(k Kind, id string) ([]Op, error) {
	if !IsListKind(k) {
		return nil, fmt.Errorf("the %s cannot be deleted", k)
	}
	idx := m.Index()
	ref, ok := idx[id]
	if !ok || ref.Kind != k {
		return nil, fmt.Errorf("no %s with ID %s", k.Noun(), id)
	}
	var ops []Op
	removed := map[string]bool{}
	var del func(k Kind, id string)
	del = func(k Kind, id string) {
		if removed[id] {
			return
		}
		removed[id] = true
		switch k {
		case KindSide:
			for _, a := range m.Agencies {
				if a.Side == id {
					del(KindAgency, a.ID)
				}
			}
			for _, p := range m.People {
				if p.Side == id {
					del(KindPerson, p.ID)
				}
			}
			for _, s := range m.Signatories {
				if s.Side == id {
					del(KindSignatory, s.ID)
				}
			}
		case KindItem:
			for _, it := range m.Items {
				if it.Parent == id {
					del(KindItem, it.ID)
				}
			}
			for _, b := range m.Background {
				if b.Item == id {
					del(KindBackground, b.ID)
				}
			}
		case KindParagraph:
			for _, p := range m.Paragraphs {
				if p.AltOf == id {
					del(KindParagraph, p.ID)
				}
			}
		}
		ops = append(ops, Remove(k, id))
	}
	del(k, id)
	// Clear references from records that stay.
	for _, p := range m.People {
		if !removed[p.ID] && p.Agency != "" && removed[p.Agency] {
			ops = append(ops, Set(KindPerson, p.ID, "agency", ""))
		}
	}
	for _, it := range m.Items {
		if removed[it.ID] {
			continue
		}
		if kept := slices.DeleteFunc(slices.Clone(it.Leads), func(l string) bool { return removed[l] }); len(kept) != len(it.Leads) {
			ops = append(ops, Set(KindItem, it.ID, "leads", kept))
		}
	}
	det := &m.Details
	if removed[det.HostSide] {
		ops = append(ops, Set(KindDetails, det.ID, "hostSide", ""))
	}
	if removed[det.OurSide] {
		ops = append(ops, Set(KindDetails, det.ID, "ourSide", ""))
	}
	for _, v := range m.Versions {
		if v.Side != "" && removed[v.Side] {
			ops = append(ops, Set(KindVersion, v.ID, "side", ""))
		}
	}
	for _, p := range m.Paragraphs {
		if removed[p.ID] {
			continue
		}
		if p.Side != "" && removed[p.Side] {
			ops = append(ops, Set(KindParagraph, p.ID, "side", ""))
		}
		if spansUseSide(p.Text, removed) {
			text := slices.Clone(p.Text)
			for i := range text {
				if removed[text[i].Side] {
					text[i].Side = ""
				}
			}
			ops = append(ops, Set(KindParagraph, p.ID, "text", text))
		}
	}
	return ops, nil
}

func spansUseSide(s Spans, sides map[string]bool) bool {
	for _, sp := range s {
		if sp.Side != "" && sides[sp.Side] {
			return true
		}
	}
	return false
}

// MergeAgencyOps moves every participant of agency from to agency into and
// removes from (two entries in a directory that are one agency).
func (m *Meeting) MergeAgencyOps(from, into string) []Op {
	var ops []Op
	for _, p := range m.People {
		if p.Agency == from {
			ops = append(ops, Set(KindPerson, p.ID, "agency", into))
		}
	}
	return append(ops, Remove(KindAgency, from))
}
