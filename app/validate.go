package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Severity grades a problem.
type Severity int

// Severities, from least to most serious. A Fatal problem means the file
// cannot be trusted (duplicate or dangling IDs) and is not opened for
// editing; an Error must be fixed before the meeting is final; a Warning is
// advice.
const (
	Warning Severity = iota
	Error
	Fatal
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "fatal"
}

// Problem is one finding of validation.
type Problem struct {
	Severity Severity
	Kind     Kind
	ID       string
	Field    string
	// Where names the record for people: `participant 12 ("Koichi Mizushima")`.
	Where string
	What  string
}

// String formats the problem as "where: what".
func (p Problem) String() string { return p.Where + ": " + p.What }

// Describer names records for people, in messages.
type Describer struct {
	idx  map[string]Ref
	nums Numbering
	m    *Meeting
}

// NewDescriber prepares names for the records of m.
func NewDescriber(m *Meeting) *Describer {
	return &Describer{idx: m.Index(), nums: m.Numbers(), m: m}
}

// Where names the record with the ID: `participant 12 ("Koichi Mizushima")`.
func (d *Describer) Where(id string) string {
	ref, ok := d.idx[id]
	if !ok {
		return "record " + id
	}
	return d.describe(ref)
}

// WhereRecord names a record that may not be indexed (a duplicate, say).
func (d *Describer) WhereRecord(k Kind, r Record, n int) string {
	return d.describe(Ref{Kind: k, Record: r, N: n})
}

func (d *Describer) describe(ref Ref) string {
	n := strconv.Itoa(ref.N)
	switch r := ref.Record.(type) {
	case *Details:
		return "meeting"
	case *Statement:
		return "statement"
	case *Side:
		return "side " + n + " (" + quote(r.Label()) + ")"
	case *Agency:
		return "agency " + n + " (" + quote(r.Label()) + ")"
	case *Person:
		return "participant " + n + " (" + quote(r.Label()) + ")"
	case *Item:
		return "programme item " + n + " (" + quote(short(r.Title)) + ")"
	case *Background:
		it := d.idx[r.Item]
		if item, ok := it.Record.(*Item); ok {
			return "background paragraph " + n + " of programme item " + strconv.Itoa(it.N) + " (" + quote(short(item.Title)) + ")"
		}
		return "background paragraph " + n
	case *Paragraph:
		if ref, ok := d.nums.Ref[r.ID]; ok {
			if r.Kind == ParaHeading {
				return "statement " + ref
			}
			return "statement paragraph " + ref
		}
		return "statement paragraph at place " + n
	case *Signatory:
		return "signatory " + n + " (" + quote(firstNonEmpty(r.Name, r.Title)) + ")"
	case *Version:
		return "draft " + strconv.Itoa(r.Number)
	case *Annex:
		return "annex " + n + " (" + quote(short(r.Title)) + ")"
	}
	return string(ref.Kind) + " " + n
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 48 {
		return string([]rune(s)[:47]) + "…"
	}
	return s
}

// Validate checks the meeting and returns every problem found, most
// serious first, then in file order.
func Validate(m *Meeting) []Problem {
	v := &validator{m: m, d: NewDescriber(m)}
	v.run()
	slices.SortStableFunc(v.out, func(a, b Problem) int { return int(b.Severity) - int(a.Severity) })
	return v.out
}

// HasFatal reports whether any problem is fatal.
func HasFatal(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == Fatal {
			return true
		}
	}
	return false
}

// Worst returns the highest severity among problems, or -1 when there are none.
func Worst(ps []Problem) Severity {
	w := Severity(-1)
	for _, p := range ps {
		if p.Severity > w {
			w = p.Severity
		}
	}
	return w
}

type validator struct {
	m   *Meeting
	d   *Describer
	out []Problem
}

func (v *validator) add(s Severity, k Kind, r Record, field, format string, args ...any) {
	id := ""
	where := "meeting"
	if r != nil {
		id = r.Meta().ID
		where = v.d.Where(id)
	}
	v.out = append(v.out, Problem{Severity: s, Kind: k, ID: id, Field: field, Where: where, What: fmt.Sprintf(format, args...)})
}

func (v *validator) ref(k Kind, want Kind) func(r Record, field, id string, sev Severity) bool {
	return func(r Record, field, id string, sev Severity) bool {
		if id == "" {
			return true
		}
		ref, ok := v.d.idx[id]
		if !ok || ref.Kind != want {
			v.add(sev, k, r, field, "%s refers to %s %s, which does not exist", field, want.Noun(), id)
			return false
		}
		return true
	}
}

func (v *validator) run() {
	m := v.m
	// Identity: every record has a unique ID.
	seen := map[string]bool{}
	counts := map[Kind]int{}
	m.Each(func(k Kind, r Record) {
		counts[k]++
		id := r.Meta().ID
		switch {
		case id == "":
			v.out = append(v.out, Problem{Severity: Fatal, Kind: k, Where: v.d.WhereRecord(k, r, counts[k]),
				What: "has no ID: every record needs a unique ID"})
		case seen[id]:
			v.out = append(v.out, Problem{Severity: Fatal, Kind: k, ID: id, Where: v.d.WhereRecord(k, r, counts[k]),
				What: "duplicate ID " + id + ": another record has the same ID"})
		}
		seen[id] = true
	})

	det := &m.Details
	sideRef := v.ref(KindDetails, KindSide)
	sideRef(det, "hostSide", det.HostSide, Fatal)
	sideRef(det, "ourSide", det.OurSide, Fatal)
	if det.Status != "" && !slices.Contains(Statuses, det.Status) {
		v.add(Error, KindDetails, det, "status", "unknown status %q", det.Status)
	}
	v.date(det, "start", det.Start, true)
	v.date(det, "end", det.End, false)
	if det.End != "" && det.Start != "" && det.End < det.Start {
		v.add(Error, KindDetails, det, "end", "ends (%s) before it starts (%s)", det.End, det.Start)
	}
	v.clock(det, "dayStart", det.DayStart, true)
	v.clock(det, "plannedEnd", det.PlannedEnd, false)
	v.marking(KindDetails, det, "marking", det.Marking)
	if len(m.Sides) < 2 {
		v.add(Warning, KindDetails, det, "", "a dialogue needs at least two sides; this meeting has %d", len(m.Sides))
	}

	if m.Multilateral() && strings.TrimSpace(det.GroupName) == "" {
		v.add(Warning, KindDetails, det, "groupName", "a series of %d sides has no group name: its title joins every side's name", len(m.Sides))
	}
	codes := map[string]*Side{}
	for _, s := range m.Sides {
		if c := strings.ToUpper(strings.TrimSpace(s.Code)); c != "" {
			if other, dup := codes[c]; dup {
				v.add(Warning, KindSide, s, "code", "code %q is also %s's: their brackets would carry the same tag", s.Code, other.Label())
			}
			codes[c] = s
		}
		if strings.TrimSpace(s.Name) == "" && strings.TrimSpace(s.ShortName) == "" {
			v.add(Error, KindSide, s, "name", "has no name")
		}
		if strings.TrimSpace(s.Code) == "" {
			v.add(Warning, KindSide, s, "code", "has no country or organisation code (AU, JP, KR...)")
		}
		if m.HeadOf(s.ID) == nil {
			v.add(Warning, KindSide, s, "", "has no co-chair or head of delegation")
		}
		if tc := m.ToConfirm(s.ID); len(tc) > 0 {
			v.add(Warning, KindPerson, tc[0], "toConfirm", "%s of %s carried over from the last meeting still to confirm (Delegations: confirm or remove)",
				Count(len(tc), "participant"), s.Label())
		}
	}

	abbrevs := map[string]string{}
	for _, a := range m.Agencies {
		v.ref(KindAgency, KindSide)(a, "side", a.Side, Fatal)
		if a.Side == "" {
			v.add(Fatal, KindAgency, a, "side", "belongs to no side")
		}
		if strings.TrimSpace(a.Name) == "" {
			v.add(Error, KindAgency, a, "name", "has no name")
		}
		if a.Abbrev != "" {
			key := a.Side + "\x00" + strings.ToUpper(a.Abbrev)
			if other, dup := abbrevs[key]; dup {
				v.add(Warning, KindAgency, a, "abbrev", "abbreviation %q is also used by %s on the same side", a.Abbrev, v.d.Where(other))
			}
			abbrevs[key] = a.ID
		}
	}

	for _, p := range m.People {
		sideOK := false
		if p.Side == "" {
			v.add(Fatal, KindPerson, p, "side", "belongs to no side")
		} else {
			sideOK = v.ref(KindPerson, KindSide)(p, "side", p.Side, Fatal)
		}
		if v.ref(KindPerson, KindAgency)(p, "agency", p.Agency, Fatal) && p.Agency != "" && sideOK {
			if a, ok := v.d.idx[p.Agency].Record.(*Agency); ok && a.Side != p.Side {
				v.add(Error, KindPerson, p, "agency", "agency %q belongs to another side", a.Label())
			}
		}
		if !slices.Contains(Roles, p.Role) {
			v.add(Error, KindPerson, p, "role", "unknown role %q (use one of: %s)", p.Role, joinEnum(Roles))
		}
		if strings.TrimSpace(p.Given+p.Family+p.Native) == "" {
			v.add(Warning, KindPerson, p, "family", "has no name")
		}
	}

	sched := m.Schedule()
	for _, it := range m.Items {
		if it.Parent != "" {
			v.ref(KindItem, KindItem)(it, "parent", it.Parent, Fatal)
		}
		if !slices.Contains(ItemKinds, it.Kind) {
			v.add(Error, KindItem, it, "kind", "unknown kind %q (use one of: %s)", it.Kind, joinEnum(ItemKinds))
		}
		if it.Triage != "" && !slices.Contains(Triages, it.Triage) {
			v.add(Error, KindItem, it, "triage", "unknown triage %q (use one of: %s)", it.Triage, joinEnum(Triages))
		}
		if it.Minutes < 0 {
			v.add(Error, KindItem, it, "minutes", "has a negative duration (%d minutes)", it.Minutes)
		}
		v.clock(it, "fixed", it.Fixed, false)
		v.marking(KindItem, it, "marking", it.Marking)
		leadSides := map[string]bool{}
		for _, l := range it.Leads {
			if !v.ref(KindItem, KindPerson)(it, "leads", l, Fatal) {
				continue
			}
			if p, ok := v.d.idx[l].Record.(*Person); ok {
				if leadSides[p.Side] {
					v.add(Warning, KindItem, it, "leads", "has two lead speakers from one side")
				}
				leadSides[p.Side] = true
			}
		}
		if lines := EstimateA4Lines(it.Points); lines > A4Lines {
			v.add(Warning, KindItem, it, "points", "points to make run to about %d%% of an A4 side: keep them to one side", lines*100/A4Lines)
		}
		if sl, ok := sched.Slot(it.ID); ok {
			if sl.Overlap > 0 {
				if sl.Depth > 0 {
					v.add(Warning, KindItem, it, "minutes", "runs %d minutes past the end of its session", sl.Overlap)
				} else {
					v.add(Warning, KindItem, it, "minutes", "runs %d minutes into the fixed item after it", sl.Overlap)
				}
			}
			if sl.Gap > 0 {
				v.add(Warning, KindItem, it, "fixed", "leaves a gap of %d minutes before this fixed item", sl.Gap)
			}
		}
	}
	v.parentCycles()
	v.fixedOverlaps(sched)
	for day, over := range sched.Overruns() {
		v.add(Warning, KindDetails, det, "plannedEnd", "day %d ends at %s, %d minutes after the planned end %s",
			day+1, FormatClock(sched.DayEnds[day]), over, det.PlannedEnd)
	}

	for _, b := range m.Background {
		if b.Item == "" {
			v.add(Fatal, KindBackground, b, "item", "belongs to no programme item")
		}
		v.ref(KindBackground, KindItem)(b, "item", b.Item, Fatal)
	}

	v.marking(KindStatement, &m.Statement, "marking", m.Statement.Marking)
	if m.Statement.Kind != "" && !slices.Contains(StatementKinds, m.Statement.Kind) {
		v.add(Error, KindStatement, &m.Statement, "kind", "unknown kind %q", m.Statement.Kind)
	}
	alts := Alternatives(m)
	prevLevel := -1
	for _, p := range m.Paragraphs {
		v.paragraph(p, alts, prevLevel)
		if p.AltOf == "" && p.Kind != ParaHeading {
			prevLevel = p.Level
		} else if p.Kind == ParaHeading {
			prevLevel = -1
		}
	}

	for _, s := range m.Signatories {
		if s.Side == "" {
			v.add(Fatal, KindSignatory, s, "side", "belongs to no side")
		}
		v.ref(KindSignatory, KindSide)(s, "side", s.Side, Fatal)
	}
	numbers := map[int]bool{}
	for _, ver := range m.Versions {
		v.ref(KindVersion, KindSide)(ver, "side", ver.Side, Fatal)
		if numbers[ver.Number] {
			v.add(Error, KindVersion, ver, "number", "another draft has the number %d", ver.Number)
		}
		numbers[ver.Number] = true
		if ver.Direction != "" && !slices.Contains(Directions, ver.Direction) {
			v.add(Error, KindVersion, ver, "direction", "unknown direction %q (use sent, received or internal)", ver.Direction)
		}
		v.date(ver, "date", ver.Date, false)
	}
	for _, a := range m.Annexes {
		v.marking(KindAnnex, a, "marking", a.Marking)
	}
	for _, c := range m.Conflicts {
		v.out = append(v.out, Problem{Severity: Error, Kind: c.Kind, ID: c.Record, Field: c.Field, Where: c.Where,
			What: "merge conflict: " + conflictValue(c.Mine) + " | " + conflictValue(c.Theirs)})
	}
	v.out = append(v.out, Lint(m, v.d)...)
}

func conflictValue(raw []byte) string {
	s := string(raw)
	if s == "" || s == "null" {
		return "(deleted)"
	}
	return short(s)
}

func (v *validator) paragraph(p *Paragraph, alts map[string][]*Paragraph, prevLevel int) {
	if !slices.Contains(ParagraphKinds, p.Kind) {
		v.add(Error, KindParagraph, p, "kind", "unknown kind %q (use heading, preambular or operative)", p.Kind)
	}
	if !slices.Contains(States, p.State) {
		v.add(Error, KindParagraph, p, "state", "unknown state %q (use proposed, bracketed, ad ref or agreed)", p.State)
	}
	if p.Level < 0 || p.Level > 2 {
		v.add(Error, KindParagraph, p, "level", "level %d: sub-paragraphs go two deep, (a) then (i)", p.Level)
	} else if p.AltOf == "" && p.Level > prevLevel+1 {
		v.add(Warning, KindParagraph, p, "level", "is a sub-paragraph with no paragraph above it to belong to")
	}
	v.ref(KindParagraph, KindSide)(p, "side", p.Side, Fatal)
	if p.AltOf != "" {
		if v.ref(KindParagraph, KindParagraph)(p, "altOf", p.AltOf, Fatal) {
			if base := v.d.idx[p.AltOf].Record.(*Paragraph); base.AltOf != "" {
				v.add(Error, KindParagraph, p, "altOf", "is an alternative of an alternative: make it an alternative of %s", v.d.Where(base.AltOf))
			}
		}
	}
	for _, sp := range p.Text {
		if sp.Bracket == "" {
			continue
		}
		if sp.Side == "" {
			v.add(Warning, KindParagraph, p, "text", "bracket [%s] records no proposing side", short(sp.T))
		} else {
			v.ref(KindParagraph, KindSide)(p, "text", sp.Side, Fatal)
		}
	}
	if p.State == StateAgreed || p.State == StateAdRef {
		if n := p.Text.OpenBrackets(); n > 0 {
			v.add(Error, KindParagraph, p, "state", "is marked %s but has %d open bracket(s)", p.State, n)
		}
		if len(alts[p.ID]) > 0 {
			v.add(Error, KindParagraph, p, "state", "is marked %s but has %d alternative wording(s)", p.State, len(alts[p.ID]))
		}
	}
}

func (v *validator) parentCycles() {
	parent := map[string]string{}
	for _, it := range v.m.Items {
		parent[it.ID] = it.Parent
	}
	for _, it := range v.m.Items {
		seen := map[string]bool{}
		for cur := it.ID; cur != ""; cur = parent[cur] {
			if seen[cur] {
				v.add(Fatal, KindItem, it, "parent", "is its own sub-item (a loop of parent items)")
				break
			}
			seen[cur] = true
		}
	}
}

func (v *validator) fixedOverlaps(s Schedule) {
	var fixed []Slot
	for _, sl := range s.Slots {
		if sl.Item.Fixed != "" {
			fixed = append(fixed, sl)
		}
	}
	for i := 0; i < len(fixed); i++ {
		for j := i + 1; j < len(fixed); j++ {
			a, b := fixed[i], fixed[j]
			if a.Day == b.Day && a.Start < b.End && b.Start < a.End && a.Depth == b.Depth {
				v.add(Warning, KindItem, b.Item, "fixed", "fixed at %s, overlaps the fixed item %s (%s to %s)",
					FormatClock(b.Start), v.d.Where(a.Item.ID), FormatClock(a.Start), FormatClock(a.End))
			}
		}
	}
}

func (v *validator) date(r Record, field, s string, required bool) {
	if s == "" {
		if required {
			v.add(Error, kindOf(r), r, field, "has no %s date", field)
		}
		return
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		v.add(Error, kindOf(r), r, field, "%s date %q: want YYYY-MM-DD, such as 2016-08-02", field, s)
	}
}

func (v *validator) clock(r Record, field, s string, required bool) {
	if s == "" {
		if required {
			v.add(Error, kindOf(r), r, field, "has no %s time", field)
		}
		return
	}
	if _, err := ParseClock(s); err != nil {
		v.add(Error, kindOf(r), r, field, "%s: %v", field, err)
	}
}

func (v *validator) marking(k Kind, r Record, field string, mk Marking) {
	if msg := mk.Validate(); msg != "" {
		v.add(Error, k, r, field, "%s", msg)
	}
}

func joinEnum[T ~string](vals []T) string {
	s := make([]string, len(vals))
	for i, v := range vals {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// A4Lines is about how many lines of 11-point text fill one side of A4.
const A4Lines = 46

// EstimateA4Lines estimates how many lines of an A4 page the text fills at
// 11 points: about 95 Latin characters a line, CJK characters counting
// double, each paragraph starting a new line.
func EstimateA4Lines(text string) int {
	if strings.TrimSpace(text) == "" {
		return 0
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		w := 0
		for _, r := range para {
			if IsWide(r) {
				w += 2
			} else {
				w++
			}
		}
		lines += 1 + w/95
	}
	return lines
}

// IsWide reports whether r is a full-width (CJK, kana, Hangul) character.
func IsWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x20000 && r <= 0x3FFFD))
}
