package pack

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"parley/app"
)

// Section is a part of the briefing pack.
type Section string

// The sections, in their default order.
const (
	Cover       Section = "cover"
	Contents    Section = "contents"
	Purpose     Section = "purpose"
	Programme   Section = "programme"
	Briefs      Section = "briefs"
	Press       Section = "press"
	Delegations Section = "delegations"
	Biographies Section = "biographies"
	Statement   Section = "statement"
	Annexes     Section = "annexes"
)

// Changes is the optional section "Changes since draft N": the redline
// from draft Options.ChangesSince to the current text. It is not in the
// default order; Options.ChangesSince adds it after the statement.
const Changes Section = "changes"

// Sections lists the default sections in the default order.
var Sections = []Section{Cover, Contents, Purpose, Programme, Briefs, Press, Delegations, Biographies, Statement, Annexes}

// OptionalSections lists the sections a pack holds only when asked for.
var OptionalSections = []Section{Changes}

// known reports whether s is a section, default or optional.
func known(s Section) bool {
	return slices.Contains(Sections, s) || slices.Contains(OptionalSections, s)
}

// Title is the section's heading in the pack and its name in a dialog.
func (s Section) Title() string {
	switch s {
	case Cover:
		return "Cover"
	case Contents:
		return "Contents"
	case Purpose:
		return "Purpose and objectives"
	case Programme:
		return "Logistics and programme"
	case Briefs:
		return "Briefs"
	case Press:
		return "Press lines"
	case Delegations:
		return "Delegations"
	case Biographies:
		return "Biographies"
	case Statement:
		return "Joint statement"
	case Annexes:
		return "Annexes"
	case Changes:
		return "Changes since a draft"
	}
	return string(s)
}

// ParseSections reads a comma-separated list of section names in the
// order wanted ("cover,contents,statement"), in any case. An empty list
// means every default section in the default order. Optional sections
// (changes) go where they are listed. Unknown or repeated names are
// errors that list the valid names.
func ParseSections(list string) ([]Section, error) {
	if strings.TrimSpace(list) == "" {
		return slices.Clone(Sections), nil
	}
	var out []Section
	for _, name := range strings.Split(list, ",") {
		s := Section(strings.ToLower(strings.TrimSpace(name)))
		if s == "" {
			continue
		}
		if !known(s) {
			return nil, fmt.Errorf("unknown section %q (the sections are %s)", name, sectionNames())
		}
		if slices.Contains(out, s) {
			return nil, fmt.Errorf("section %q is listed twice", s)
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return slices.Clone(Sections), nil
	}
	return out, nil
}

func sectionNames() string {
	var names []string
	for _, s := range append(slices.Clone(Sections), OptionalSections...) {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

// Paper sizes.
const (
	A4     = "a4"
	Letter = "letter"
)

// Options choose what goes into a pack and how it looks. The zero value
// is our side's draft pack on A4 with every section.
type Options struct {
	// Side is the ID of the side whose copy this is (the alternat): its
	// name comes first in the title, its delegation and signatory column
	// first. Empty means our side (Details.OurSide).
	Side string
	// SideOrder orders the sides in the title, the programme's lead
	// columns, the delegations and the signature block alike: by default
	// the alternat in a bilateral meeting, the host then alphabetical order
	// in a multilateral one (app.SideOrder).
	SideOrder app.SideOrder
	// Sections are the sections to include, in order; empty means the
	// default sections in the default order (Sections).
	Sections []Section
	// ChangesSince, when not 0, adds the section "Changes since draft N"
	// (Changes) with this draft number: where Sections lists it, else
	// after the statement (before the annexes, or last, when the
	// statement is left out). Listing Changes needs it set. A draft the
	// meeting does not have gives a *NoDraftError; a final pack refuses
	// it (ErrFinalChanges).
	ChangesSince int
	// Final makes a final pack: refused while the statement has open
	// brackets, alternatives or ad ref paragraphs (a *FinalRefusedError),
	// and printed without brackets, states or drafting notes.
	Final bool
	// Paper is A4 ("a4", the default) or Letter ("letter").
	Paper string
	// LineNumbers numbers the lines of the statement in the margin.
	LineNumbers bool
	// StripNotForDisclosure leaves out background paragraphs marked not
	// for disclosure; otherwise they are printed, visibly marked.
	StripNotForDisclosure bool
	// Marking, when set, replaces the computed banner marking.
	Marking *app.Marking
	// Version and Date are printed on the cover and in every footer.
	// Empty Version means the number of the latest statement draft;
	// empty Date (an ISO date, 2016-07-22) means that draft's date, else
	// the meeting's first day. The date also fixes the PDF's timestamps.
	Version, Date string
}

// ErrFinalChanges is returned when a final pack is asked to hold the
// changes section: a final pack carries no revision history.
var ErrFinalChanges = errors.New("a final pack carries no revision history: leave out the changes since a draft, or export a draft pack")

// NoDraftError is returned when Options.ChangesSince names a draft the
// meeting does not have.
type NoDraftError struct {
	Number int
	Drafts []int // the meeting's draft numbers, in order
}

// Error names the draft asked for and the drafts there are.
func (e *NoDraftError) Error() string {
	if len(e.Drafts) == 0 {
		return fmt.Sprintf("there is no draft %d to show the changes since: no drafts have been saved yet", e.Number)
	}
	nums := make([]string, len(e.Drafts))
	for i, n := range e.Drafts {
		nums[i] = itoa(n)
	}
	return fmt.Sprintf("there is no draft %d to show the changes since (the drafts are %s)", e.Number, strings.Join(nums, ", "))
}

// FinalRefusedError is returned when a final pack is asked for while the
// statement still has open items; Open lists them by paragraph number.
type FinalRefusedError = app.RefusedError

// normalized checks the options and fills in the defaults.
func (o Options) normalized(m *app.Meeting) (Options, error) {
	if len(o.Sections) == 0 {
		o.Sections = slices.Clone(Sections)
	} else {
		o.Sections = slices.Clone(o.Sections)
		seen := map[Section]bool{}
		for _, s := range o.Sections {
			if !known(s) {
				return o, fmt.Errorf("unknown section %q (the sections are %s)", s, sectionNames())
			}
			if seen[s] {
				return o, fmt.Errorf("section %q is listed twice", s)
			}
			seen[s] = true
		}
	}
	if o.ChangesSince != 0 && !o.has(Changes) {
		at := len(o.Sections)
		if i := slices.Index(o.Sections, Statement); i >= 0 {
			at = i + 1
		} else if i := slices.Index(o.Sections, Annexes); i >= 0 {
			at = i
		}
		o.Sections = slices.Insert(o.Sections, at, Changes)
	}
	if o.has(Changes) {
		switch {
		case o.ChangesSince == 0:
			return o, errors.New("the changes section needs the number of the draft to compare with (ChangesSince)")
		case o.Final:
			return o, ErrFinalChanges
		case m.DraftByNumber(o.ChangesSince) == nil:
			e := &NoDraftError{Number: o.ChangesSince}
			for _, v := range m.Versions {
				e.Drafts = append(e.Drafts, v.Number)
			}
			slices.Sort(e.Drafts)
			return o, e
		}
	}
	o.Paper = strings.ToLower(strings.TrimSpace(o.Paper))
	if o.Paper == "" {
		o.Paper = A4
	}
	if _, ok := papers[o.Paper]; !ok {
		return o, fmt.Errorf("unknown paper size %q (use a4 or letter)", o.Paper)
	}
	if o.Side != "" && m.SideByID(o.Side) == nil {
		return o, fmt.Errorf("no side with ID %q in this meeting", o.Side)
	}
	if o.Marking != nil {
		if msg := o.Marking.Validate(); msg != "" {
			return o, fmt.Errorf("marking: %s", msg)
		}
	}
	if o.Version == "" || o.Date == "" {
		var latest *app.Version
		for _, v := range m.Versions {
			if latest == nil || v.Number > latest.Number {
				latest = v
			}
		}
		if o.Version == "" {
			o.Version = "1"
			if latest != nil {
				o.Version = itoa(latest.Number)
			}
		}
		if o.Date == "" {
			o.Date = m.Details.Start
			if latest != nil && latest.Date != "" {
				o.Date = latest.Date
			}
		}
	}
	return o, nil
}

func (o Options) has(s Section) bool { return slices.Contains(o.Sections, s) }

// Marking returns the marking the pack's banner will carry: the override
// when one is set, else the highest of the meeting's marking and the
// markings of the included item briefs, statement (or changes to it) and
// annexes.
func Marking(m *app.Meeting, o Options) app.Marking {
	if o.Marking != nil {
		return *o.Marking
	}
	if len(o.Sections) == 0 {
		o.Sections = Sections
	}
	return m.PackMarking(o.has(Briefs), (o.has(Statement) && len(m.Paragraphs) > 0) || o.has(Changes) || o.ChangesSince != 0, o.has(Annexes))
}

// Render builds the briefing pack and returns the PDF. It checks ctx
// between sections and pages and returns ctx's error when cancelled.
// progress, when not nil, is called from the calling goroutine with the
// work done out of a total that stays the same for one export. In final
// mode with the statement included, open items in the statement give a
// *FinalRefusedError; see Options for the errors of the changes section.
// The same meeting and options give the same bytes.
func Render(ctx context.Context, m *app.Meeting, o Options, progress func(done, total int)) ([]byte, error) {
	if m == nil {
		return nil, errors.New("briefing pack: no meeting")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	o, err := o.normalized(m)
	if err != nil {
		return nil, fmt.Errorf("briefing pack: %w", err)
	}
	if o.Final && o.has(Statement) {
		if open := m.OpenItems(); len(open) > 0 {
			return nil, &FinalRefusedError{What: "final pack", Open: open}
		}
	}
	if err := loadFonts(); err != nil {
		return nil, fmt.Errorf("briefing pack: %w", err)
	}
	progress(0, progressTotal)
	b := newBuilder(ctx, m, o, progress)
	if err := b.build(); err != nil {
		return nil, err
	}
	out, err := b.emit()
	if err != nil {
		return nil, err
	}
	progress(progressTotal, progressTotal)
	return out, nil
}

// progressTotal is the scale of progress reports: layout takes the first
// half, drawing the pages most of the rest.
const progressTotal = 1000

// stamp is the PDF's creation and modification time, taken from the
// pack's date (or the meeting's), never from the clock.
func stamp(o Options, m *app.Meeting) time.Time {
	for _, s := range []string{o.Date, m.Details.Start} {
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}
