package app

import (
	"cmp"
	"slices"

	"github.com/google/uuid"
)

// NewID returns a fresh record ID (a random UUID).
func NewID() string { return uuid.NewString() }

// Ref locates a record in a meeting.
type Ref struct {
	Kind   Kind
	Record Record
	// N is the record's 1-based place in its list in file order.
	N int
}

// Each calls fn for every record in file order.
func (m *Meeting) Each(fn func(k Kind, r Record)) {
	fn(KindDetails, &m.Details)
	for _, k := range Kinds {
		if k == KindDetails {
			continue
		}
		if k == KindStatement {
			fn(k, &m.Statement)
			continue
		}
		m.eachOf(k, func(r Record) { fn(k, r) })
	}
}

func (m *Meeting) eachOf(k Kind, fn func(r Record)) {
	switch k {
	case KindDetails:
		fn(&m.Details)
	case KindStatement:
		fn(&m.Statement)
	case KindSide:
		for _, r := range m.Sides {
			fn(r)
		}
	case KindAgency:
		for _, r := range m.Agencies {
			fn(r)
		}
	case KindPerson:
		for _, r := range m.People {
			fn(r)
		}
	case KindItem:
		for _, r := range m.Items {
			fn(r)
		}
	case KindBackground:
		for _, r := range m.Background {
			fn(r)
		}
	case KindParagraph:
		for _, r := range m.Paragraphs {
			fn(r)
		}
	case KindSignatory:
		for _, r := range m.Signatories {
			fn(r)
		}
	case KindVersion:
		for _, r := range m.Versions {
			fn(r)
		}
	case KindAnnex:
		for _, r := range m.Annexes {
			fn(r)
		}
	}
}

// Records returns the records of one kind in file order.
func (m *Meeting) Records(k Kind) []Record {
	var out []Record
	m.eachOf(k, func(r Record) { out = append(out, r) })
	return out
}

// Index maps every record ID to where it is. When an ID occurs twice the
// first occurrence wins (validation reports the duplicate).
func (m *Meeting) Index() map[string]Ref {
	idx := make(map[string]Ref, 16+len(m.People)+len(m.Items)+len(m.Paragraphs)+len(m.Background)+len(m.Agencies))
	n := map[Kind]int{}
	m.Each(func(k Kind, r Record) {
		n[k]++
		id := r.Meta().ID
		if _, dup := idx[id]; !dup {
			idx[id] = Ref{Kind: k, Record: r, N: n[k]}
		}
	})
	return idx
}

// insert adds a record at the end of its list; the caller puts the lists
// back in order (Normalize) once its changes are done.
func (m *Meeting) insert(r Record) {
	switch v := r.(type) {
	case *Side:
		m.Sides = append(m.Sides, v)
	case *Agency:
		m.Agencies = append(m.Agencies, v)
	case *Person:
		m.People = append(m.People, v)
	case *Item:
		m.Items = append(m.Items, v)
	case *Background:
		m.Background = append(m.Background, v)
	case *Paragraph:
		m.Paragraphs = append(m.Paragraphs, v)
	case *Signatory:
		m.Signatories = append(m.Signatories, v)
	case *Version:
		m.Versions = append(m.Versions, v)
	case *Annex:
		m.Annexes = append(m.Annexes, v)
	}
}

func removeID[T Record](list []T, id string) ([]T, Record) {
	for i, r := range list {
		if r.Meta().ID == id {
			return slices.Delete(slices.Clone(list), i, i+1), r
		}
	}
	return list, nil
}

// remove takes a record out of its list and returns it (nil if absent).
func (m *Meeting) remove(k Kind, id string) Record {
	var r Record
	switch k {
	case KindSide:
		m.Sides, r = removeID(m.Sides, id)
	case KindAgency:
		m.Agencies, r = removeID(m.Agencies, id)
	case KindPerson:
		m.People, r = removeID(m.People, id)
	case KindItem:
		m.Items, r = removeID(m.Items, id)
	case KindBackground:
		m.Background, r = removeID(m.Background, id)
	case KindParagraph:
		m.Paragraphs, r = removeID(m.Paragraphs, id)
	case KindSignatory:
		m.Signatories, r = removeID(m.Signatories, id)
	case KindVersion:
		m.Versions, r = removeID(m.Versions, id)
	case KindAnnex:
		m.Annexes, r = removeID(m.Annexes, id)
	}
	return r
}

// IsListKind reports whether records of the kind can be added and removed
// (all but the meeting's details and the statement).
func IsListKind(k Kind) bool { return k != KindDetails && k != KindStatement }

// Container returns the field that groups a record's list (side, parent
// item, item) and the record's value of it; "" for kinds in one list.
func Container(r Record) (field, value string) {
	switch v := r.(type) {
	case *Agency:
		return "side", v.Side
	case *Person:
		return "side", v.Side
	case *Signatory:
		return "side", v.Side
	case *Item:
		return "parent", v.Parent
	case *Background:
		return "item", v.Item
	}
	return "", ""
}

// PosOf returns a record's position key ("" for kinds without one).
func PosOf(r Record) string {
	switch v := r.(type) {
	case *Side:
		return v.Pos
	case *Agency:
		return v.Pos
	case *Person:
		return v.Pos
	case *Item:
		return v.Pos
	case *Background:
		return v.Pos
	case *Paragraph:
		return v.Pos
	case *Signatory:
		return v.Pos
	case *Annex:
		return v.Pos
	}
	return ""
}

func byPos[T Record](a, b T) int {
	if c := cmp.Compare(PosOf(a), PosOf(b)); c != 0 {
		return c
	}
	return cmp.Compare(a.Meta().ID, b.Meta().ID)
}

// Normalize puts every list in canonical order: sides, paragraphs and
// annexes by position; agencies, people and signatories by side, then
// position; programme items depth first; background by item, then position;
// versions by number. The order is a pure function of the content, so a
// file written twice is the same bytes.
func (m *Meeting) Normalize() {
	slices.SortStableFunc(m.Sides, byPos)
	sideRank := make(map[string]int, len(m.Sides))
	for i, s := range m.Sides {
		sideRank[s.ID] = i
	}
	rankOf := func(id string) int {
		if r, ok := sideRank[id]; ok {
			return r
		}
		return len(sideRank)
	}
	bySide := func(a, b Record) int {
		_, sa := Container(a)
		_, sb := Container(b)
		if c := cmp.Compare(rankOf(sa), rankOf(sb)); c != 0 {
			return c
		}
		if c := cmp.Compare(sa, sb); c != 0 {
			return c
		}
		return byPos(a, b)
	}
	slices.SortStableFunc(m.Agencies, func(a, b *Agency) int { return bySide(a, b) })
	slices.SortStableFunc(m.People, func(a, b *Person) int { return bySide(a, b) })
	slices.SortStableFunc(m.Signatories, func(a, b *Signatory) int { return bySide(a, b) })
	m.Items = programmeOrder(m.Items)
	itemRank := make(map[string]int, len(m.Items))
	for i, it := range m.Items {
		itemRank[it.ID] = i
	}
	slices.SortStableFunc(m.Background, func(a, b *Background) int {
		ra, oka := itemRank[a.Item]
		rb, okb := itemRank[b.Item]
		if !oka {
			ra = len(itemRank)
		}
		if !okb {
			rb = len(itemRank)
		}
		if c := cmp.Compare(ra, rb); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Item, b.Item); c != 0 {
			return c
		}
		return byPos(a, b)
	})
	slices.SortStableFunc(m.Paragraphs, byPos)
	slices.SortStableFunc(m.Annexes, byPos)
	slices.SortStableFunc(m.Versions, func(a, b *Version) int {
		if c := cmp.Compare(a.Number, b.Number); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	slices.SortStableFunc(m.Deleted, func(a, b Tombstone) int { return cmp.Compare(a.ID, b.ID) })
}

// programmeOrder returns items depth first, siblings by position. Items
// whose parent is missing, or that sit in a parent cycle, follow at the end.
func programmeOrder(items []*Item) []*Item {
	children := map[string][]*Item{}
	ids := make(map[string]bool, len(items))
	for _, it := range items {
		ids[it.ID] = true
	}
	for _, it := range items {
		p := it.Parent
		children[p] = append(children[p], it)
	}
	out := make([]*Item, 0, len(items))
	seen := make(map[*Item]bool, len(items))
	var walk func(parent string)
	walk = func(parent string) {
		kids := children[parent]
		slices.SortStableFunc(kids, func(a, b *Item) int {
			if c := cmp.Compare(a.Day, b.Day); c != 0 && parent == "" {
				return c
			}
			return byPos(a, b)
		})
		for _, k := range kids {
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, k)
			walk(k.ID)
		}
	}
	walk("")
	if len(out) < len(items) {
		var rest []*Item
		for _, it := range items {
			if !seen[it] {
				rest = append(rest, it)
			}
		}
		slices.SortStableFunc(rest, byPos)
		out = append(out, rest...)
	}
	return out
}

// Clone returns a deep copy that shares no mutable state with m.
func (m *Meeting) Clone() *Meeting {
	c := *m
	c.Details = m.Details
	c.Details.Rec = cloneRec(m.Details.Rec)
	c.Statement = m.Statement
	c.Statement.Rec = cloneRec(m.Statement.Rec)
	c.Sides = cloneList(m.Sides)
	c.Agencies = cloneList(m.Agencies)
	c.People = cloneList(m.People)
	c.Items = cloneList(m.Items)
	c.Background = cloneList(m.Background)
	c.Paragraphs = cloneList(m.Paragraphs)
	c.Signatories = cloneList(m.Signatories)
	c.Versions = cloneList(m.Versions)
	c.Annexes = cloneList(m.Annexes)
	c.Clock = make(Clock, len(m.Clock))
	for k, v := range m.Clock {
		c.Clock[k] = v
	}
	c.Deleted = slices.Clone(m.Deleted)
	c.Conflicts = slices.Clone(m.Conflicts)
	return &c
}

func cloneRec(r Rec) Rec {
	if r.Revs != nil {
		revs := make(map[string]Dot, len(r.Revs))
		for k, v := range r.Revs {
			revs[k] = v
		}
		r.Revs = revs
	}
	return r
}

// cloneList copies each record; field values are shared, which is safe
// because edits replace field values and never change them in place.
func cloneList[T any, P interface {
	*T
	Record
}](list []P) []P {
	if list == nil {
		return nil
	}
	out := make([]P, len(list))
	for i, r := range list {
		c := new(T)
		*c = *r
		P(c).Meta().Revs = cloneRec(*r.Meta()).Revs
		out[i] = c
	}
	return out
}

// CloneRecord returns a copy of one record (revision maps copied).
func CloneRecord(r Record) Record {
	v := reflectClone(r)
	rec := v.Meta()
	*rec = cloneRec(*rec)
	return v
}
