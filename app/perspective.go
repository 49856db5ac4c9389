package app

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Perspective is the alternat: every output is written from one side's
// point of view, and that side comes first in the series name, the title,
// the delegation lists and the signature columns. The same meeting gives
// each side its own copy, deterministically.
type Perspective struct {
	Meeting *Meeting
	// Side is the side whose copy this is (nil when the meeting has no sides).
	Side *Side
	// Sides are all sides in this copy's order.
	Sides []*Side
}

// Perspective returns the copy for the side with the given ID. An empty
// or unknown ID means our side, else the host, else the first side.
func (m *Meeting) Perspective(sideID string) Perspective {
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
	if first != nil {
		p.Sides = append(p.Sides, first)
	}
	for _, s := range m.Sides {
		if s != first {
			p.Sides = append(p.Sides, s)
		}
	}
	return p
}

// HostFirst returns the perspective of a jointly issued text, which puts
// the host side first.
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

// SeriesName is the dialogue's name with this copy's side first:
// "Japan-Australia Cyber Policy Dialogue".
func (p Perspective) SeriesName() string {
	names := make([]string, 0, len(p.Sides))
	for _, s := range p.Sides {
		names = append(names, s.TitleOrName())
	}
	return join(" ", strings.Join(names, "-"), p.Meeting.Details.Topic)
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

// Others are the sides other than this copy's, in order.
func (p Perspective) Others() []*Side {
	if len(p.Sides) == 0 {
		return nil
	}
	return p.Sides[1:]
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
