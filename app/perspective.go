package app

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Perspective is the alternat: every output is written from one side's
// point of view. In a bilateral meeting that side comes first in the series
// name, the title, the delegation lists and the signature columns, so the
// same meeting gives each side its own copy, deterministically. A meeting
// of more than two sides is multilateral: its copies list the host first
// and the others in English alphabetical order, or in the fixed order the
// user set, whichever copy it is (see SideOrder); the copy's side still
// decides whose brief it is (Side, Others).
type Perspective struct {
	Meeting *Meeting
	// Side is the side whose copy this is (nil when the meeting has no sides).
	Side *Side
	// Sides are all sides in this copy's order.
	Sides []*Side
}

// SideOrder is how a copy orders the sides: a per-export setting.
type SideOrder string

// The side orders.
const (
	// OrderAuto follows the custom: a bilateral meeting puts the copy's
	// side first (the alternat); a multilateral one, OrderAlphabetical.
	OrderAuto SideOrder = ""
	// OrderAlphabetical puts the host first, then the other sides in
	// English alphabetical order of their names ("Republic of Korea"
	// under R, as in UN practice).
	OrderAlphabetical SideOrder = "alphabetical"
	// OrderFixed keeps the order the sides have in the meeting, as the
	// user set it in the Overview.
	OrderFixed SideOrder = "fixed"
	// OrderOwnFirst puts the copy's side first, then the others in their
	// fixed order: the alternat, also in a multilateral meeting.
	OrderOwnFirst SideOrder = "own"
)

// SideOrders lists the side orders.
var SideOrders = []SideOrder{OrderAuto, OrderAlphabetical, OrderFixed, OrderOwnFirst}

// ParseSideOrder reads a side order as typed on a command line, in any case.
func ParseSideOrder(s string) (SideOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return OrderAuto, nil
	case "alphabetical", "host", "host-first":
		return OrderAlphabetical, nil
	case "fixed":
		return OrderFixed, nil
	case "own", "own-first", "alternat":
		return OrderOwnFirst, nil
	}
	return "", fmt.Errorf("unknown side order %q (use auto, alphabetical, fixed or own)", s)
}

// Describe says what the order does, for dialogs and help.
func (o SideOrder) Describe() string {
	switch o {
	case OrderAlphabetical:
		return "host first, then alphabetical"
	case OrderFixed:
		return "the order set in the Overview"
	case OrderOwnFirst:
		return "this copy's side first"
	}
	return "automatic (bilateral: this copy's side first; multilateral: host first, then alphabetical)"
}

// Multilateral reports whether the meeting has more than two sides.
func (m *Meeting) Multilateral() bool { return len(m.Sides) > 2 }

// Perspective returns the copy for the side with the given ID, its sides
// in the customary order (OrderAuto). An empty or unknown ID means our
// side, else the host, else the first side.
func (m *Meeting) Perspective(sideID string) Perspective {
	return m.PerspectiveIn(sideID, OrderAuto)
}

// PerspectiveIn returns the copy for the side with the given ID, its sides
// in the given order.
func (m *Meeting) PerspectiveIn(sideID string, order SideOrder) Perspective {
	first := m.sideByID(sideID)
	if first == nil {
		first = m.sideByID(m.Details.OurSide)
	}
	if first == nil {
		first = m.sideByID(m.Details.HostSide)
	}
	if first == nil && len(m.Sides) > 0 {
		first = m.Sides[0]
	}
	p := Perspective{Meeting: m, Side: first}
	if order == OrderAuto {
		order = OrderOwnFirst
		if m.Multilateral() {
			order = OrderAlphabetical
		}
	}
	switch order {
	case OrderFixed:
		p.Sides = slices.Clone(m.Sides)
	case OrderAlphabetical:
		p.Sides = m.hostThenAlphabetical()
	default:
		if first != nil {
			p.Sides = append(p.Sides, first)
		}
		for _, s := range m.Sides {
			if s != first {
				p.Sides = append(p.Sides, s)
			}
		}
	}
	return p
}

// hostThenAlphabetical lists the host side first, then the others in
// English alphabetical order of their names.
func (m *Meeting) hostThenAlphabetical() []*Side {
	host := m.sideByID(m.Details.HostSide)
	var rest []*Side
	for _, s := range m.Sides {
		if s != host {
			rest = append(rest, s)
		}
	}
	col := collate.New(language.English, collate.IgnoreCase, collate.Loose)
	slices.SortStableFunc(rest, func(a, b *Side) int {
		if c := col.CompareString(a.sortName(), b.sortName()); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	if host != nil {
		return append([]*Side{host}, rest...)
	}
	return rest
}

// sortName is the name a side is sorted by: its formal name, else its
// short name, else its code.
func (s *Side) sortName() string {
	return firstNonEmpty(s.Name, s.ShortName, s.Code)
}

// HostFirst returns the perspective of a jointly issued text, which puts
// the host side first (then, in a multilateral meeting, the others in
// alphabetical order).
func (m *Meeting) HostFirst() Perspective { return m.Perspective(m.Details.HostSide) }

func (m *Meeting) sideByID(id string) *Side {
	if id == "" {
		return nil
	}
	for _, s := range m.Sides {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// SideByID returns the side with the ID, or nil.
func (m *Meeting) SideByID(id string) *Side { return m.sideByID(id) }

// FindSide finds a side by its code, short name or name, in any case, as
// typed on a command line ("AU", "au", "Australia").
func (m *Meeting) FindSide(s string) (*Side, error) {
	s = strings.TrimSpace(s)
	for _, sd := range m.Sides {
		if strings.EqualFold(sd.Code, s) || strings.EqualFold(sd.ShortName, s) || strings.EqualFold(sd.Name, s) ||
			(sd.TitleName != "" && strings.EqualFold(sd.TitleName, s)) {
			return sd, nil
		}
	}
	var known []string
	for _, sd := range m.Sides {
		known = append(known, sd.Code+" ("+sd.ShortName+")")
	}
	return nil, fmt.Errorf("no side %q in this meeting; the sides are %s", s, strings.Join(known, ", "))
}

// TitleOrName is the name a side goes by in the series title.
func (s *Side) TitleOrName() string {
	if s.TitleName != "" {
		return s.TitleName
	}
	if s.Name != "" {
		return s.Name
	}
	return s.ShortName
}

// Label names the side for lists: the short name, else the name, else the code.
func (s *Side) Label() string {
	switch {
	case s.ShortName != "":
		return s.ShortName
	case s.Name != "":
		return s.Name
	}
	return s.Code
}

// SeriesName is the dialogue's name with this copy's sides in order:
// "Japan-Australia Cyber Policy Dialogue". A multilateral series with a
// group name goes by it ("Quad Senior Cyber Group") in every copy.
func (p Perspective) SeriesName() string {
	if g := strings.TrimSpace(p.Meeting.Details.GroupName); g != "" && p.Meeting.Multilateral() {
		return g
	}
	names := make([]string, 0, len(p.Sides))
	for _, s := range p.Sides {
		names = append(names, s.TitleOrName())
	}
	return join(" ", strings.Join(names, "-"), p.Meeting.Details.Topic)
}

// SideList names the sides in this copy's order for running text, each
// by its title name: "Australia, India, Japan and United States of America".
func (p Perspective) SideList() string {
	names := make([]string, 0, len(p.Sides))
	for _, s := range p.Sides {
		names = append(names, s.TitleOrName())
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Title is the meeting's title: "2nd Japan-Australia Cyber Policy
// Dialogue", "Inaugural Australia-Republic of Korea ...".
func (p Perspective) Title() string {
	return capitalise(join(" ", Ordinal(p.Meeting.Details.Ordinal), p.SeriesName()))
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Others are the sides other than this copy's, in this copy's order.
func (p Perspective) Others() []*Side {
	out := make([]*Side, 0, len(p.Sides))
	for _, s := range p.Sides {
		if s != p.Side {
			out = append(out, s)
		}
	}
	return out
}

// Delegation is one side's participants in precedence order.
type Delegation struct {
	Side   *Side
	People []*Person
}

// Delegations lists each side's participants, this copy's side first.
func (p Perspective) Delegations() []Delegation {
	out := make([]Delegation, 0, len(p.Sides))
	for _, s := range p.Sides {
		out = append(out, Delegation{Side: s, People: p.Meeting.PeopleOf(s.ID)})
	}
	return out
}

// Signatories lists the signature columns, this copy's side first; within
// a side in their order.
func (p Perspective) Signatories() []*Signatory {
	var out []*Signatory
	for _, s := range p.Sides {
		for _, g := range p.Meeting.Signatories {
			if g.Side == s.ID {
				out = append(out, g)
			}
		}
	}
	return out
}

// PeopleOf returns a side's participants in precedence order.
func (m *Meeting) PeopleOf(sideID string) []*Person {
	var out []*Person
	for _, p := range m.People {
		if p.Side == sideID {
			out = append(out, p)
		}
	}
	return out
}

// AgenciesOf returns a side's agency directory in order.
func (m *Meeting) AgenciesOf(sideID string) []*Agency {
	var out []*Agency
	for _, a := range m.Agencies {
		if a.Side == sideID {
			out = append(out, a)
		}
	}
	return out
}

// HeadOf returns the side's first co-chair or head of delegation, or nil.
func (m *Meeting) HeadOf(sideID string) *Person {
	for _, p := range m.People {
		if p.Side == sideID && p.Role.Leads() {
			return p
		}
	}
	return nil
}

// RGB is a colour, for outputs that draw one (the window, the PDF).
type RGB struct{ R, G, B uint8 }

// SidePalette holds the colours of the sides' brackets and tags, dark
// enough to read as text on white and told apart by hue: blue, orange,
// green, purple, teal, crimson, olive, slate. A ninth side takes the
// first colour again.
var SidePalette = []RGB{
	{0x0b, 0x4f, 0x9c}, {0xb3, 0x47, 0x00}, {0x1b, 0x7a, 0x3a}, {0x8e, 0x2c, 0x9e},
	{0x00, 0x72, 0x7a}, {0xb0, 0x24, 0x5e}, {0x6b, 0x5b, 0x00}, {0x4b, 0x55, 0x63},
}

// SideIndex is the side's place in the meeting's list of sides (the order
// set in the Overview), or -1.
func (m *Meeting) SideIndex(id string) int {
	for i, s := range m.Sides {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// SideColour is the colour of a side's brackets: by the side's place in the
// meeting, so a side has one colour in every copy, view and output. It
// returns false for an unknown side (a bracket with no side recorded).
func (m *Meeting) SideColour(id string) (RGB, bool) {
	i := m.SideIndex(id)
	if i < 0 {
		return RGB{}, false
	}
	return SidePalette[i%len(SidePalette)], true
}
