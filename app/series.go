package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// A dialogue is a standing series: the next meeting is prepared from the
// last one, often by someone new on the desk. Next builds it as a new
// meeting (a new meeting ID and new record IDs, no revision history), so
// its file never merges with the last meeting's by mistake.
//
// Carried over: the series (topic, group name, sides), the agency
// directories, the delegations (each participant to confirm), the
// programme's structure (titles, kinds, durations, days, nesting, leads,
// triage, markings; not clock times or rooms), the marking, the
// statement's title, kind, marking, treaty words and signature block, and
// the annexes. Increased or reset: the ordinal, dates, venue, city and
// host, the status, the briefs' text (kept on each item as LastTime), the
// statement's paragraphs and drafts (its agreed paragraphs go to
// Statement.Earlier for the agreed-language search), merge conflicts.

// NextOptions say what the next meeting starts with. Zero values take the
// defaults.
type NextOptions struct {
	// Ordinal is the next meeting's number; 0 means the last one's plus
	// one (then the last one must have a number).
	Ordinal int
	// Start and End are the next meeting's dates (YYYY-MM-DD); empty
	// leaves them to be filled in.
	Start, End string
	// Host is the next host side's ID. Empty alternates: in a bilateral
	// series the other side hosts; in a multilateral one, the side after
	// the last host in alphabetical order.
	Host string
	// Venue and City are the next meeting's; empty leaves them to be
	// filled in.
	Venue, City string
	// File is the name of the last meeting's file, recorded in the source
	// of its agreed paragraphs.
	File string
	// ID is the new meeting's ID; empty means a fresh one.
	ID string
}

// ErrNoOrdinal is returned by Next when the last meeting has no number and
// none was given for the next one.
var ErrNoOrdinal = errors.New("the meeting has no meeting number, so the next one's is unknown: say which number the next meeting has")

// OpenConflictsError is returned by Next while the last meeting has merge
// conflicts: they must be settled first, or they would be carried over
// half-decided. Conflicts lists them.
type OpenConflictsError struct {
	Conflicts []Conflict
}

// Error lists the conflicts as "where: mine | theirs".
func (e *OpenConflictsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s from a merge %s still open: settle %s first (Problems view, or parley merge)",
		Count(len(e.Conflicts), "conflict"), isAre(len(e.Conflicts)), itThem(len(e.Conflicts)))
	for _, c := range e.Conflicts {
		b.WriteString("\n  ")
		b.WriteString(ConflictLine(c))
	}
	return b.String()
}

// ConflictLine describes a stored merge conflict: "where: mine | theirs".
func ConflictLine(c Conflict) string {
	return c.Where + ": " + conflictValue(c.Mine) + " | " + conflictValue(c.Theirs)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// NextSummary says what Next carried over and what it increased or reset,
// for the user to check: the "What carried over" summary.
type NextSummary struct {
	// Title is the new meeting's title in our copy.
	Title string
	// Carried and Changed are lines of text, one a topic.
	Carried, Changed []string
}

// String writes the summary as text, a line a topic.
func (s NextSummary) String() string {
	var b strings.Builder
	b.WriteString(s.Title + "\n\nCarried over:\n")
	for _, l := range s.Carried {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("\nIncreased or reset:\n")
	for _, l := range s.Changed {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// Next prepares the next meeting of the series from m, which it does not
// change. It is refused while m has merge conflicts (an
// *OpenConflictsError) and when the ordinal is unknown (ErrNoOrdinal).
func Next(m *Meeting, o NextOptions) (*Meeting, NextSummary, error) {
	if len(m.Conflicts) > 0 {
		return nil, NextSummary{}, &OpenConflictsError{Conflicts: slices.Clone(m.Conflicts)}
	}
	ordinal := o.Ordinal
	switch {
	case ordinal < 0:
		return nil, NextSummary{}, fmt.Errorf("meeting number %d: give a number of 1 or more", ordinal)
	case ordinal == 0 && m.Details.Ordinal <= 0:
		return nil, NextSummary{}, ErrNoOrdinal
	case ordinal == 0:
		ordinal = m.Details.Ordinal + 1
	}
	for _, d := range []struct{ what, v string }{{"start date", o.Start}, {"end date", o.End}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return nil, NextSummary{}, fmt.Errorf("%s %q: write it as YYYY-MM-DD, such as 2017-08-01", d.what, d.v)
		}
	}
	if o.End != "" && o.Start != "" && o.End < o.Start {
		return nil, NextSummary{}, fmt.Errorf("the end date %s is before the start date %s", o.End, o.Start)
	}
	if o.Host != "" && m.SideByID(o.Host) == nil {
		return nil, NextSummary{}, fmt.Errorf("no side with ID %q to host", o.Host)
	}
	id := o.ID
	if id == "" {
		id = NewID()
	}
	n := &nexter{last: m, ns: uuid.NewSHA1(uuid.NameSpaceOID, []byte("parley/next/"+id)), ids: map[string]string{}}
	return n.build(id, ordinal, o)
}

// nexter builds the next meeting: every record gets a new ID derived from
// the new meeting's and the old record's.
type nexter struct {
	last *Meeting
	ns   uuid.UUID
	ids  map[string]string
}

// id is the new ID of the record that had the old one ("" stays "").
func (n *nexter) id(old string) string {
	if old == "" {
		return ""
	}
	if id, ok := n.ids[old]; ok {
		return id
	}
	id := uuid.NewSHA1(n.ns, []byte(old)).String()
	n.ids[old] = id
	return id
}

// NextHost is the side that hosts after the last meeting's host: the other
// side in a bilateral series; in a multilateral one the next side in
// English alphabetical order, round again after the last; "" when the
// last meeting had no host.
func (m *Meeting) NextHost() string {
	host := m.sideByID(m.Details.HostSide)
	if host == nil || len(m.Sides) < 2 {
		return ""
	}
	sides := slices.Clone(m.Sides)
	if m.Multilateral() {
		col := collate.New(language.English, collate.IgnoreCase, collate.Loose)
		slices.SortStableFunc(sides, func(a, b *Side) int { return col.CompareString(a.sortName(), b.sortName()) })
	}
	i := slices.Index(sides, host)
	return sides[(i+1)%len(sides)].ID
}

func (n *nexter) build(meetingID string, ordinal int, o NextOptions) (*Meeting, NextSummary, error) {
	m := n.last
	out := &Meeting{Clock: Clock{}}
	lastTitle := m.Perspective("").Title()
	lastLabel := firstNonEmpty(Ordinal(m.Details.Ordinal)+" meeting", "last meeting")
	if m.Details.Ordinal == 1 {
		lastLabel = "inaugural meeting"
	}

	d := m.Details
	host := o.Host
	if host == "" {
		host = m.NextHost()
	}
	out.Details = Details{
		Rec: Rec{ID: meetingID}, Topic: d.Topic, GroupName: d.GroupName, Ordinal: ordinal,
		Start: o.Start, End: o.End, DayStart: d.DayStart, PlannedEnd: d.PlannedEnd,
		Venue: o.Venue, City: o.City, HostSide: n.id(host), OurSide: n.id(d.OurSide),
		Status: StatusPlanning, Marking: d.Marking, Purpose: d.Purpose,
	}
	out.Sides = carry(n, m.Sides, nil)
	out.Agencies = carry(n, m.Agencies, func(a *Agency) { a.Side = n.id(a.Side) })
	out.People = carry(n, m.People, func(p *Person) {
		p.Side, p.Agency = n.id(p.Side), n.id(p.Agency)
		p.ToConfirm = true
	})
	background := map[string][]PriorText{}
	for _, b := range m.Background {
		background[b.Item] = append(background[b.Item], PriorText{Text: b.Text, NotForDisclosure: b.NotForDisclosure})
	}
	released, briefs := 0, 0
	for _, it := range m.Items {
		c := *it
		c.Rec = Rec{ID: n.id(it.ID)}
		c.Parent = n.id(it.Parent)
		c.Leads = nil
		for _, l := range it.Leads {
			c.Leads = append(c.Leads, n.id(l))
		}
		if c.Fixed != "" {
			released++
		}
		c.Fixed, c.Location = "", ""
		prior := PriorBrief{Meeting: lastTitle, Date: d.Start, Objectives: it.Objectives, Points: it.Points,
			TheirObjectives: it.TheirObjectives, Response: it.Response, PressLine: it.PressLine, Background: background[it.ID]}
		c.LastTime = nil
		if prior.hasText() {
			c.LastTime = &prior
			briefs++
		}
		c.Objectives, c.Points, c.TheirObjectives, c.Response, c.PressLine = "", "", "", "", ""
		out.Items = append(out.Items, &c)
	}
	st := m.Statement
	out.Statement = Statement{Rec: Rec{ID: n.id(st.ID)}, Title: st.Title, Kind: st.Kind, Marking: st.Marking,
		TreatyWords: st.TreatyWords}
	agreed := m.AgreedLanguage(o.File)
	out.Statement.Earlier = slices.Clone(agreed)
	seen := map[string]bool{}
	for _, a := range agreed {
		seen[a.Text()] = true
	}
	older := 0
	for _, a := range st.Earlier {
		if !seen[a.Text()] {
			seen[a.Text()] = true
			out.Statement.Earlier = append(out.Statement.Earlier, a)
			older++
		}
	}
	out.Signatories = carry(n, m.Signatories, func(g *Signatory) { g.Side = n.id(g.Side) })
	out.Annexes = carry(n, m.Annexes, nil)
	out.Normalize()

	sum := NextSummary{Title: out.Perspective("").Title()}
	var sides []string
	for _, s := range out.Perspective("").Sides {
		sides = append(sides, s.Label()+" ("+firstNonEmpty(s.Code, "no code")+")")
	}
	series := firstNonEmpty(d.GroupName, d.Topic, "the dialogue")
	sum.Carried = append(sum.Carried,
		fmt.Sprintf("series: %s, %s: %s", series, Count(len(m.Sides), "side"), strings.Join(sides, ", ")),
		fmt.Sprintf("agency directories: %s", Count(len(m.Agencies), "agency")),
		fmt.Sprintf("delegations: %s, each to confirm or remove in the Delegations view", Count(len(m.People), "participant")),
	)
	prog := fmt.Sprintf("programme: %s with durations, days, leads and triage", Count(len(m.Items), "item"))
	if released > 0 {
		if released == 1 {
			prog += "; 1 item fixed to a clock time now follows on (fix it again if it still is)"
		} else {
			prog += fmt.Sprintf("; %s fixed to a clock time now follow on (fix them again if they still are)", Count(released, "item"))
		}
	}
	sum.Carried = append(sum.Carried, prog)
	if b := d.Marking.Banner(); b != "" {
		sum.Carried = append(sum.Carried, "marking: "+b)
	}
	stm := "statement: title"
	if st.Title != "" {
		stm += " (" + st.Title + ")"
	}
	stm += ", kind and marking"
	if len(m.Signatories) > 0 {
		stm += ", " + Count(len(m.Signatories), "signatory")
	}
	sum.Carried = append(sum.Carried, stm)
	if len(m.Annexes) > 0 {
		sum.Carried = append(sum.Carried, "annexes: "+Count(len(m.Annexes), "annex"))
	}
	ag := fmt.Sprintf("agreed language: %s of the %s's statement, in the agreed-language search with their source",
		Count(len(agreed), "agreed paragraph"), lastLabel)
	if older > 0 {
		ag += fmt.Sprintf(", and %s from earlier meetings", Count(older, "paragraph"))
	}
	sum.Carried = append(sum.Carried, ag)

	change := func(what, from, to string) {
		sum.Changed = append(sum.Changed, what+": "+firstNonEmpty(from, "(none)")+" → "+to)
	}
	change("meeting number", Ordinal(d.Ordinal), Ordinal(ordinal))
	change("dates", join(" to ", d.Start, d.End), firstNonEmpty(join(" to ", o.Start, o.End), "to be set"))
	change("venue", join(", ", d.Venue, d.City), firstNonEmpty(join(", ", o.Venue, o.City), "to be set"))
	hostTo := "none"
	if s := out.SideByID(out.Details.HostSide); s != nil {
		hostTo = s.Label()
		if o.Host == "" {
			if m.Multilateral() {
				hostTo += " (the next side in alphabetical order; change it in the Overview)"
			} else {
				hostTo += " (the host alternates; change it in the Overview)"
			}
		}
	}
	lastHost := ""
	if s := m.SideByID(d.HostSide); s != nil {
		lastHost = s.Label()
	}
	change("host", lastHost, hostTo)
	change("status", string(d.Status), string(StatusPlanning))
	sum.Changed = append(sum.Changed,
		fmt.Sprintf("briefs: the items' titles kept; the text of %s under \"Last time\" in the Briefs view, to pull from", Count(briefs, "brief")),
		fmt.Sprintf("statement: a new text (the %s's %s and %s stay in its file)", lastLabel,
			Count(len(m.Paragraphs), "paragraph"), Count(len(m.Versions), "draft")),
		"merge history: none; a new meeting ID, so this file never merges with the "+lastLabel+"'s by mistake",
	)
	return out, sum, nil
}

// carry copies records into the next meeting under their new IDs, without
// revision data; fix, when given, maps the copy's references.
func carry[T any, P interface {
	*T
	Record
}](n *nexter, list []P, fix func(P)) []P {
	var out []P
	for _, r := range list {
		c := P(new(T))
		*c = *r
		*c.Meta() = Rec{ID: n.id(r.Meta().ID)}
		if fix != nil {
			fix(c)
		}
		out = append(out, c)
	}
	return out
}

func (p PriorBrief) hasText() bool {
	return strings.TrimSpace(p.Objectives+p.Points+p.TheirObjectives+p.Response+p.PressLine) != "" || len(p.Background) > 0
}

// ConfirmEdit confirms that carried-over participants attend: one
// undoable edit, whatever their number. Those already confirmed are left
// alone; an unknown ID is an error.
func (m *Meeting) ConfirmEdit(ids ...string) (Edit, error) {
	var ops []Op
	for _, id := range ids {
		var p *Person
		for _, q := range m.People {
			if q.ID == id {
				p = q
			}
		}
		if p == nil {
			return Edit{}, fmt.Errorf("no participant with ID %s", id)
		}
		if p.ToConfirm {
			ops = append(ops, Set(KindPerson, id, "toConfirm", false))
		}
	}
	label := "Confirm participant"
	if len(ops) > 1 {
		label = fmt.Sprintf("Confirm %d participants", len(ops))
	}
	return Edit{Label: label, Ops: ops}, nil
}

// ToConfirm lists a side's participants still to confirm ("" for every side).
func (m *Meeting) ToConfirm(sideID string) []*Person {
	var out []*Person
	for _, p := range m.People {
		if p.ToConfirm && (sideID == "" || p.Side == sideID) {
			out = append(out, p)
		}
	}
	return out
}
