package app

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Merging two copies of one meeting.
//
// No common ancestor is needed: every record carries the dot of the edit
// that made it and of the last edit of each field, every copy carries a
// clock (per editing session, the last edit it contains) and tombstones of
// deleted records. For each field of a record both copies hold:
//
//   - same dot: same value;
//   - one copy's clock covers the other's dot but not the reverse: that
//     copy's value is newer and is taken, with its dot;
//   - neither covers the other (concurrent edits): equal values merge; the
//     order fields (pos, the container: side, parent item, item; a top-level
//     item's day) take the greater dot, so moves never conflict; a
//     paragraph's text is merged word by word from the newest text both
//     copies' histories share; otherwise it is a conflict, and the result
//     keeps mine.
//
// A record only one copy holds was added there and is kept, unless the
// other copy has its tombstone: then it was deleted there. It stays deleted
// when the holder did not edit it since (no dot of it the deleting copy
// has not seen, order fields aside), and is kept with a record conflict
// when it did. A holder whose clock covers the tombstone restored it
// (undid the deletion) and keeps it. A record the result still refers to
// (a person's side or agency, an item's parent or lead speakers...) is
// never deleted: it is kept with a record conflict.
//
// Conflicts stay in the result (Meeting.Conflicts) until someone resolves
// them (ResolveOps); unresolved conflicts of either copy are kept. The
// result's clock is the pointwise maximum of both, tombstones are the union;
// a text merged word by word gets a dot of a merge session named after the
// inputs, so the merge is deterministic: the same two files give the same
// bytes, merge(A, A) is A, and merge(A, B) and merge(B, A) differ only in
// which side a conflict's current value comes from.

// MergeOptions adjust a merge.
type MergeOptions struct {
	// Base is a common ancestor of both copies, when the user has one. It
	// settles what revision data alone cannot: a field both sides edited
	// where one side's value equals the base's, and word-level merges of
	// plain text fields. Optional.
	Base *Meeting
	// MineLabel and TheirsLabel name the two copies in conflicts (file names).
	MineLabel, TheirsLabel string
	// Force merges meetings that are not copies of one meeting.
	Force bool
}

// ErrNotSameMeeting is wrapped by the error Merge returns for two meetings
// that are not copies of one meeting.
var ErrNotSameMeeting = errors.New("not copies of one meeting")

// KeptField is the revision key a record gets when a conflict over its
// deletion is resolved by keeping it: an edit of the record as a whole, so
// that a copy that deleted it concurrently yields a conflict, not a silent
// deletion.
const KeptField = "*"

// SectionReport counts what a merge changed in one section of mine.
type SectionReport struct {
	Kind Kind
	// Added records are in the result but were not in mine; Deleted were
	// in mine but are not in the result; Changed are in both and differ.
	Added, Changed, Deleted int
}

// Name is the section's name for people ("participants").
func (s SectionReport) Name() string { return SectionName(s.Kind) }

// String reads "participants: 2 added, 1 changed".
func (s SectionReport) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{s.Added, "added"}, {s.Changed, "changed"}, {s.Deleted, "deleted"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+" "+p.word)
		}
	}
	return s.Name() + ": " + strings.Join(parts, ", ")
}

// SectionName names the section of a kind of record, in the plural.
func SectionName(k Kind) string {
	switch k {
	case KindDetails:
		return "meeting details"
	case KindStatement:
		return "statement"
	case KindAgency:
		return "agencies"
	case KindVersion:
		return "drafts"
	case KindSignatory:
		return "signatories"
	}
	return k.Noun() + "s"
}

// MergeReport says what a merge did, as seen from mine.
type MergeReport struct {
	MineLabel, TheirsLabel string
	// Sections lists, in file order, the sections the merge changed.
	Sections []SectionReport
	// Conflicts are all unresolved conflicts of the result (the result's
	// Meeting.Conflicts): New of them found by this merge, the others kept
	// from the inputs.
	Conflicts []Conflict
	New       int
	// WordMerged counts the texts edited on both sides that merged word by word.
	WordMerged int
}

// Changed reports whether the merge changes mine at all.
func (r MergeReport) Changed() bool { return len(r.Sections) > 0 }

// Summary describes the merge in lines for people.
func (r MergeReport) Summary() []string {
	var lines []string
	if len(r.Sections) == 0 {
		lines = append(lines, "no changes to "+orDefault(r.MineLabel, "mine"))
	}
	for _, s := range r.Sections {
		lines = append(lines, s.String())
	}
	if r.WordMerged > 0 {
		lines = append(lines, Count(r.WordMerged, "text")+" edited on both sides merged word by word")
	}
	switch n := len(r.Conflicts); {
	case n == 0:
		lines = append(lines, "no conflicts")
	case r.New == n:
		lines = append(lines, Count(n, "conflict")+" to resolve")
	default:
		lines = append(lines, fmt.Sprintf("%s to resolve (%d new, %d unresolved before)", Count(n, "conflict"), r.New, n-r.New))
	}
	return lines
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// Merge merges two copies of one meeting and reports what changed in mine.
// Neither input is modified; the result shares no records with them. Mine
// is the copy whose values a conflict keeps (the open document, or the
// first file named). Two meetings with different IDs are refused with an
// ErrNotSameMeeting error unless opt.Force is set.
func Merge(mine, theirs *Meeting, opt MergeOptions) (*Meeting, MergeReport, error) {
	if mine == nil || theirs == nil {
		return nil, MergeReport{}, errors.New("merge: a meeting is missing")
	}
	if !opt.Force {
		if err := sameMeeting(mine, theirs, opt.MineLabel, opt.TheirsLabel); err != nil {
			return nil, MergeReport{}, err
		}
		if opt.Base != nil {
			if err := sameMeeting(mine, opt.Base, opt.MineLabel, "the base"); err != nil {
				return nil, MergeReport{}, err
			}
		}
	}
	g := newMerger(mine, theirs, opt)
	g.run()
	rep := MergeReport{MineLabel: opt.MineLabel, TheirsLabel: opt.TheirsLabel, Sections: sections(mine, g.out),
		Conflicts: slices.Clone(g.out.Conflicts), New: g.fresh, WordMerged: g.wordMerged}
	return g.out, rep, nil
}

func sameMeeting(a, b *Meeting, la, lb string) error {
	if a.Details.ID == b.Details.ID {
		return nil
	}
	name := func(m *Meeting, label string) string {
		desc := strconv.Quote(strings.TrimSpace(Ordinal(m.Details.Ordinal) + " " + m.Details.Topic + " " + m.Details.Start))
		if label != "" {
			return label + " (" + desc + ")"
		}
		return desc
	}
	return fmt.Errorf("%w: %s and %s are different meetings (their meeting IDs differ); merge only copies of one meeting file, or force the merge to combine them anyway", ErrNotSameMeeting, name(a, la), name(b, lb))
}

// entry is one record ID of either copy.
type entry struct {
	kind Kind
	id   string
	m, t Record
	// out is the record in the result (nil: deleted).
	out Record
	// fromTheirs marks a record that comes into the result from theirs.
	fromTheirs bool
	// order is the place in file order (mine first, then theirs' additions).
	order int
}

type pendingDot struct {
	rec   *Rec
	id    string
	field string
	key   string
}

type merger struct {
	mine, theirs, base *Meeting
	opt                MergeOptions
	out                *Meeting
	idxM, idxT, idxB   map[string]Ref
	tombM, tombT       map[string]Tombstone
	entries            []*entry
	byID               map[string]*entry
	conflicts          []Conflict
	pending            []pendingDot
	fresh, wordMerged  int
}

func newMerger(mine, theirs *Meeting, opt MergeOptions) *merger {
	g := &merger{mine: mine, theirs: theirs, base: opt.Base, opt: opt,
		idxM: mine.Index(), idxT: theirs.Index(), tombM: tombstones(mine), tombT: tombstones(theirs)}
	if g.base != nil {
		g.idxB = g.base.Index()
	}
	return g
}

func tombstones(m *Meeting) map[string]Tombstone {
	out := make(map[string]Tombstone, len(m.Deleted))
	for _, t := range m.Deleted {
		if o, ok := out[t.ID]; !ok || o.Dot.Less(t.Dot) {
			out[t.ID] = t
		}
	}
	return out
}

func (g *merger) run() {
	g.out = &Meeting{Details: g.mine.Details, Statement: g.mine.Statement, Extra: mergeExtra(g.mine.Extra, g.theirs.Extra)}
	g.out.Details.Rec = cloneRec(g.mine.Details.Rec)
	g.out.Statement.Rec = cloneRec(g.mine.Statement.Rec)
	g.out.Clock = make(Clock, len(g.mine.Clock)+len(g.theirs.Clock))
	for _, c := range []Clock{g.mine.Clock, g.theirs.Clock} {
		for s, n := range c {
			if g.out.Clock[s] < n {
				g.out.Clock[s] = n
			}
		}
	}
	g.mergeRecord(KindDetails, &g.out.Details, &g.mine.Details, &g.theirs.Details, g.baseOf(KindDetails, g.mine.Details.ID))
	g.mergeRecord(KindStatement, &g.out.Statement, &g.mine.Statement, &g.theirs.Statement, g.baseOf(KindStatement, g.mine.Statement.ID))

	g.collect()
	for _, e := range g.entries {
		g.decide(e)
	}
	g.keepReferenced()
	g.build()
	g.breakCycles()
	g.stampMerged()
	// Conflicts are described and ordered by place in the finished result.
	g.out.Normalize()
	g.finishConflicts()
}

func (g *merger) baseOf(k Kind, id string) Record {
	if g.base == nil {
		return nil
	}
	switch k {
	case KindDetails:
		return &g.base.Details
	case KindStatement:
		return &g.base.Statement
	}
	if r, ok := g.idxB[id]; ok && r.Kind == k {
		return r.Record
	}
	return nil
}

// collect lists the records of both copies, mine's in file order first.
func (g *merger) collect() {
	g.byID = make(map[string]*entry, len(g.idxM)+len(g.idxT)/8)
	add := func(k Kind, r Record, theirs bool) {
		if !IsListKind(k) {
			return
		}
		id := r.Meta().ID
		e, ok := g.byID[id]
		if !ok {
			e = &entry{kind: k, id: id, order: len(g.entries)}
			g.byID[id] = e
			g.entries = append(g.entries, e)
		}
		switch {
		case !theirs && e.m == nil:
			e.m = r
		case theirs && e.t == nil && e.kind == k:
			e.t = r
		case theirs && e.t == nil:
			// The same ID names records of different kinds: keep mine,
			// and keep theirs in a conflict.
			g.conflict(Conflict{Kind: k, Record: id, Mine: nil, Theirs: recordJSON(r)},
				id+"|kind|"+string(e.kind)+"|"+string(k))
		}
	}
	g.mine.Each(func(k Kind, r Record) { add(k, r, false) })
	g.theirs.Each(func(k Kind, r Record) { add(k, r, true) })
}

// decide settles one record: merged, kept, added or deleted.
func (g *merger) decide(e *entry) {
	switch {
	case e.m != nil && e.t != nil:
		out := CloneRecord(e.m)
		g.mergeRecord(e.kind, out, e.m, e.t, g.baseOf(e.kind, e.id))
		e.out = out
	case e.m != nil:
		e.out = g.lone(e, e.m, g.tombT, g.mine.Clock, g.theirs.Clock, false)
	default:
		e.out = g.lone(e, e.t, g.tombM, g.theirs.Clock, g.mine.Clock, true)
		e.fromTheirs = e.out != nil
	}
}

// lone decides a record only one copy holds: holder has it, other has not;
// tomb are the other copy's tombstones.
func (g *merger) lone(e *entry, r Record, tomb map[string]Tombstone, holder, other Clock, theirs bool) Record {
	t, deleted := tomb[e.id]
	if !deleted || holder.Covers(t.Dot) {
		// Added by the holder, or deleted and restored there.
		return CloneRecord(r)
	}
	edited, last := editedSince(e.kind, r, other)
	if edited && g.base != nil {
		if b := g.baseOf(e.kind, e.id); b != nil && sameContent(e.kind, r, b) {
			edited = false
		}
	}
	if !edited {
		return nil
	}
	c := Conflict{Kind: e.kind, Record: e.id}
	if theirs {
		c.Mine, c.Theirs = nil, recordJSON(r)
	} else {
		c.Mine, c.Theirs = recordJSON(r), nil
	}
	lo, hi := sortDots(t.Dot, last)
	g.conflict(c, e.id+"||deleted|"+lo.String()+"|"+hi.String())
	return CloneRecord(r)
}

// editedSince reports whether r carries an edit (other than a move) that
// clock does not contain, and the greatest such dot.
func editedSince(k Kind, r Record, clock Clock) (bool, Dot) {
	var last Dot
	edited := false
	for f, d := range r.Meta().Revs {
		if orderField(k, f) || clock.Covers(d) {
			continue
		}
		if !edited || last.Less(d) {
			last = d
		}
		edited = true
	}
	return edited, last
}

// sameContent reports whether two versions of a record have the same
// values in every field but the order fields.
func sameContent(k Kind, a, b Record) bool {
	return sameValues(a, b, func(f string) bool { return orderField(k, f) })
}

// sameValues reports whether two versions of a record hold equal values in
// every field skip does not leave out (nil: every field).
func sameValues(a, b Record, skip func(field string) bool) bool {
	for _, f := range FieldNames(a) {
		if skip != nil && skip(f) {
			continue
		}
		va, _ := GetField(a, f)
		vb, _ := GetField(b, f)
		if !FieldEqual(va, vb) {
			return false
		}
	}
	return true
}

// orderField reports whether a field only places a record (its position,
// its container, a top-level item's day): such fields merge automatically,
// the greater dot winning.
func orderField(k Kind, f string) bool {
	switch f {
	case "pos":
		return true
	case "side":
		return k == KindAgency || k == KindPerson || k == KindSignatory
	case "parent", "day":
		return k == KindItem
	case "item":
		return k == KindBackground
	}
	return false
}

func sortDots(a, b Dot) (Dot, Dot) {
	if b.Less(a) {
		return b, a
	}
	return a, b
}

func maxDot(a, b Dot) Dot {
	if a.Less(b) {
		return b
	}
	return a
}

// mergeRecord merges the fields of m and t into out (a copy of m).
func (g *merger) mergeRecord(k Kind, out, m, t, base Record) {
	mm, tm := m.Meta(), t.Meta()
	if !g.opt.Force && mm.Made == tm.Made && maps(mm.Revs, tm.Revs) && sameValues(m, t, nil) {
		return // every field has the same dot and the same value
	}
	om := out.Meta()
	setRev := func(f string, d Dot) {
		if om.Rev(f) == d {
			return
		}
		if om.Revs == nil {
			om.Revs = map[string]Dot{}
		}
		om.Revs[f] = d
	}
	for _, f := range FieldNames(out) {
		dm, dt := mm.Rev(f), tm.Rev(f)
		vm, _ := GetField(m, f)
		vt, _ := GetField(t, f)
		if dm == dt && FieldEqual(vm, vt) {
			continue
		}
		if dm == dt && !g.opt.Force {
			// The same edit cannot have left two values: one copy was
			// changed outside Parley (by hand, by another tool). Neither
			// value is dropped: the user chooses.
			g.conflict(Conflict{Kind: k, Record: om.ID, Field: f, Mine: valueJSON(vm), Theirs: valueJSON(vt)},
				om.ID+"|"+f+"|"+dm.String()+"|outside")
			continue
		}
		mSeen, tSeen := g.mine.Clock.Covers(dt), g.theirs.Clock.Covers(dm)
		switch {
		case tSeen && !mSeen:
			g.take(out, t, f, vt, dt)
			continue
		case mSeen && !tSeen:
			continue
		}
		// Concurrent edits.
		if FieldEqual(vm, vt) || orderField(k, f) {
			if dm.Less(dt) {
				g.take(out, t, f, vt, dt)
			}
			continue
		}
		if g.mergeText(k, f, out, m, t, base, vm, vt, dm, dt) {
			continue
		}
		if base != nil {
			vb, err := GetField(base, f)
			if err == nil && FieldEqual(vm, vb) {
				g.take(out, t, f, vt, dt)
				continue
			}
			if err == nil && FieldEqual(vt, vb) {
				continue
			}
		}
		lo, hi := sortDots(dm, dt)
		g.conflict(Conflict{Kind: k, Record: om.ID, Field: f, Mine: valueJSON(vm), Theirs: valueJSON(vt)},
			om.ID+"|"+f+"|"+lo.String()+"|"+hi.String())
	}
	// Revision keys that name no field (a kept record's "*", fields of a
	// newer Parley): the newer or the greater dot.
	for f, dt := range tm.Revs {
		if HasField(out, f) {
			continue
		}
		dm, ok := mm.Revs[f]
		switch {
		case !ok, dm == dt:
			if !ok {
				setRev(f, dt)
			}
		case g.theirs.Clock.Covers(dm) && !g.mine.Clock.Covers(dt):
			setRev(f, dt)
		case !g.mine.Clock.Covers(dt) && dm.Less(dt):
			setRev(f, dt)
		}
	}
	if len(tm.Extra) > 0 {
		om.Extra = mergeExtra(mm.Extra, tm.Extra)
	}
}

func maps(a, b map[string]Dot) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// take sets field f of out to theirs' value with its dot.
func (g *merger) take(out, t Record, f string, v any, d Dot) {
	_ = SetField(out, f, v)
	om := out.Meta()
	if om.Rev(f) != d {
		if om.Revs == nil {
			om.Revs = map[string]Dot{}
		}
		om.Revs[f] = d
	}
	if p, ok := out.(*Paragraph); ok && f == "text" {
		p.History = t.(*Paragraph).History
	}
}

// mergeText merges a paragraph's text (from the newest text both copies'
// histories share, else the base) or, with a base, a plain text field, word
// by word. It reports whether it did.
func (g *merger) mergeText(k Kind, f string, out, m, t, base Record, vm, vt any, dm, dt Dot) bool {
	if pm, ok := m.(*Paragraph); ok && f == "text" {
		pt := t.(*Paragraph)
		common, at, ok := textBase(pm, pt)
		if !ok {
			bp, isPara := base.(*Paragraph)
			if !isPara {
				return false
			}
			common = bp.Text
		}
		merged, ok := MergeSpans(common, pm.Text, pt.Text)
		if !ok {
			return false
		}
		po := out.(*Paragraph)
		po.Text = merged
		po.History = mergeHistory(pm, pt, at)
		g.later(po.Meta(), f, dm, dt, merged.Bracketed())
		g.wordMerged++
		return true
	}
	sm, ok1 := vm.(string)
	st, ok2 := vt.(string)
	if !ok1 || !ok2 || base == nil || reflect.TypeOf(vm) != reflect.TypeOf("") {
		return false
	}
	vb, err := GetField(base, f)
	if err != nil {
		return false
	}
	sb, _ := vb.(string)
	merged, ok := MergeText(sb, sm, st)
	if !ok {
		return false
	}
	_ = SetField(out, f, merged)
	g.later(out.Meta(), f, dm, dt, merged)
	g.wordMerged++
	return true
}

// later records a field whose merged value needs a dot of its own; dm and
// dt are the dots of the two values it came from.
func (g *merger) later(r *Rec, f string, dm, dt Dot, value string) {
	lo, hi := sortDots(dm, dt)
	g.pending = append(g.pending, pendingDot{rec: r, id: r.ID, field: f,
		key: r.ID + "|" + f + "|" + lo.String() + "|" + hi.String() + "|" + value})
}

// textRevs is a paragraph's texts, oldest first: its history and its
// current text.
func textRevs(p *Paragraph) []TextRev {
	return append(slices.Clone(p.History), TextRev{Dot: p.Rev("text"), Text: p.Text})
}

// textBase finds the newest text both paragraphs' histories share.
func textBase(a, b *Paragraph) (Spans, Dot, bool) {
	ra, rb := textRevs(a), textRevs(b)
	inB := make(map[Dot]int, len(rb))
	for i, r := range rb {
		inB[r.Dot] = i
	}
	best, bestScore := -1, -1
	for i, r := range ra {
		j, ok := inB[r.Dot]
		if !ok || !slices.Equal(r.Text, rb[j].Text) {
			continue
		}
		if s := i + j; s > bestScore || (s == bestScore && ra[best].Dot.Less(r.Dot)) {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return nil, Dot{}, false
	}
	return ra[best].Text, ra[best].Dot, true
}

// mergeHistory combines the histories of two paragraphs merged from the
// common text at: the shared history up to it, then each side's texts
// since (the side with the lesser current dot first), newest kept.
func mergeHistory(a, b *Paragraph, at Dot) []TextRev {
	ra, rb := textRevs(a), textRevs(b)
	if b.Rev("text").Less(a.Rev("text")) {
		ra, rb = rb, ra
	}
	var out []TextRev
	seen := map[Dot]bool{}
	push := func(r TextRev) {
		if !seen[r.Dot] {
			seen[r.Dot] = true
			out = append(out, r)
		}
	}
	cut := slices.IndexFunc(ra, func(r TextRev) bool { return r.Dot == at })
	for _, r := range ra[:cut+1] {
		push(r)
	}
	for _, r := range ra[cut+1:] {
		push(r)
	}
	for _, r := range rb {
		push(r)
	}
	if len(out) > MaxHistory {
		out = out[len(out)-MaxHistory:]
	}
	return out
}

// conflict records a conflict found by this merge; key identifies it (the
// record, the field and the two dots), so that the same divergence gives
// the same conflict ID whichever copy is mine.
func (g *merger) conflict(c Conflict, key string) {
	c.ID = uuid.NewSHA1(conflictSpace, []byte(key)).String()
	c.MineLabel, c.TheirsLabel = g.opt.MineLabel, g.opt.TheirsLabel
	if c.Mine == nil {
		c.Mine = json.RawMessage("null")
	}
	if c.Theirs == nil {
		c.Theirs = json.RawMessage("null")
	}
	g.conflicts = append(g.conflicts, c)
}

var conflictSpace = uuid.MustParse("3b0b8a52-8f8e-4d0e-9d4e-8f6a1c2d7e01")

func valueJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage("null")
	}
	return b
}

func recordJSON(r Record) json.RawMessage { return valueJSON(r) }

func mergeExtra(a, b map[string]json.RawMessage) map[string]json.RawMessage {
	if len(b) == 0 {
		return a
	}
	out := make(map[string]json.RawMessage, len(a)+len(b))
	for k, v := range b {
		out[k] = v
	}
	for k, v := range a {
		out[k] = v
	}
	return out
}

// reference is a record's reference to another record.
type reference struct {
	kind  Kind
	id    string
	field string
}

// references lists what a record refers to.
func references(r Record) []reference {
	var out []reference
	add := func(k Kind, id, f string) {
		if id != "" {
			out = append(out, reference{k, id, f})
		}
	}
	switch v := r.(type) {
	case *Details:
		add(KindSide, v.HostSide, "hostSide")
		add(KindSide, v.OurSide, "ourSide")
	case *Agency:
		add(KindSide, v.Side, "side")
	case *Person:
		add(KindSide, v.Side, "side")
		add(KindAgency, v.Agency, "agency")
	case *Signatory:
		add(KindSide, v.Side, "side")
	case *Item:
		add(KindItem, v.Parent, "parent")
		for _, l := range v.Leads {
			add(KindPerson, l, "leads")
		}
	case *Background:
		add(KindItem, v.Item, "item")
	case *Paragraph:
		add(KindParagraph, v.AltOf, "altOf")
		add(KindSide, v.Side, "side")
		for _, s := range v.Text {
			add(KindSide, s.Side, "text")
		}
	case *Version:
		add(KindSide, v.Side, "side")
	}
	return out
}

// keepReferenced keeps, with a record conflict, every deleted record that a
// record of the result (or either value of a field in conflict) refers to,
// so that merging never leaves a dangling reference.
func (g *merger) keepReferenced() {
	var queue []Record
	for _, e := range g.entries {
		if e.out != nil {
			queue = append(queue, e.out)
		}
	}
	queue = append(queue, &g.out.Details)
	for _, c := range g.conflicts {
		queue = append(queue, g.conflictValues(c)...)
	}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		for _, ref := range references(r) {
			e, ok := g.byID[ref.id]
			if !ok || e.out != nil || e.kind != ref.kind {
				continue
			}
			src, theirs := e.m, false
			if src == nil {
				src, theirs = e.t, true
			}
			e.out, e.fromTheirs = CloneRecord(src), theirs
			c := Conflict{Kind: e.kind, Record: e.id}
			if e.m != nil {
				c.Mine = recordJSON(e.m)
			}
			if e.t != nil {
				c.Theirs = recordJSON(e.t)
			}
			var tomb Dot
			if t, ok := g.tombM[e.id]; ok {
				tomb = t.Dot
			}
			if t, ok := g.tombT[e.id]; ok {
				tomb = maxDot(tomb, t.Dot)
			}
			g.conflict(c, e.id+"||referenced|"+tomb.String())
			queue = append(queue, e.out)
		}
	}
}

// conflictValues returns the record as each side of a field conflict has
// it, for finding what the values refer to.
func (g *merger) conflictValues(c Conflict) []Record {
	if c.Field == "" {
		return nil
	}
	var cur Record
	switch c.Kind {
	case KindDetails:
		cur = &g.out.Details
	case KindStatement:
		cur = &g.out.Statement
	default:
		e, ok := g.byID[c.Record]
		if !ok || e.out == nil {
			return nil
		}
		cur = e.out
	}
	var out []Record
	for _, raw := range []json.RawMessage{c.Mine, c.Theirs} {
		r := CloneRecord(cur)
		if SetFieldJSON(r, c.Field, raw) == nil {
			out = append(out, r)
		}
	}
	return out
}

// build fills the result's lists and tombstones.
func (g *merger) build() {
	for _, e := range g.entries {
		if e.out != nil {
			g.out.insert(e.out)
		}
	}
	present := g.out.Index()
	var dead []Tombstone
	seen := map[string]int{}
	for _, list := range [][]Tombstone{g.mine.Deleted, g.theirs.Deleted} {
		for _, t := range list {
			if _, live := present[t.ID]; live && t.Kind != KindConflict {
				continue
			}
			if i, ok := seen[t.ID]; ok {
				if dead[i].Dot.Less(t.Dot) {
					dead[i] = t
				}
				continue
			}
			seen[t.ID] = len(dead)
			dead = append(dead, t)
		}
	}
	g.out.Deleted = dead
}

// breakCycles undoes concurrent moves that made programme items sub-items
// of each other: the item whose move came last goes back under the parent
// the other copy gives it (or to the top level), with a conflict.
func (g *merger) breakCycles() {
	for {
		parent := make(map[string]string, len(g.out.Items))
		byID := make(map[string]*Item, len(g.out.Items))
		for _, it := range g.out.Items {
			parent[it.ID] = it.Parent
			byID[it.ID] = it
		}
		var cycle []*Item
		for _, it := range g.out.Items {
			seen := map[string]bool{}
			for cur := it.ID; cur != "" && byID[cur] != nil; cur = parent[cur] {
				if seen[cur] {
					for c := cur; ; c = parent[c] {
						cycle = append(cycle, byID[c])
						if parent[c] == cur {
							break
						}
					}
					break
				}
				seen[cur] = true
			}
			if cycle != nil {
				break
			}
		}
		if cycle == nil {
			return
		}
		last := cycle[0]
		for _, it := range cycle[1:] {
			if last.Rev("parent").Less(it.Rev("parent")) {
				last = it
			}
		}
		e := g.byID[last.ID]
		var mineParent, theirsParent string
		if e.m != nil {
			mineParent = e.m.(*Item).Parent
		}
		if e.t != nil {
			theirsParent = e.t.(*Item).Parent
		}
		back := ""
		for _, p := range []string{mineParent, theirsParent} {
			if p != last.Parent && !g.under(p, last.ID, parent) {
				back = p
				break
			}
		}
		g.conflict(Conflict{Kind: KindItem, Record: last.ID, Field: "parent", Mine: valueJSON(mineParent), Theirs: valueJSON(theirsParent)},
			last.ID+"|parent|cycle|"+last.Rev("parent").String())
		var dm, dt Dot
		if e.m != nil {
			dm = e.m.Meta().Rev("parent")
		}
		if e.t != nil {
			dt = e.t.Meta().Rev("parent")
		}
		g.later(last.Meta(), "parent", dm, dt, back)
		last.Parent = back
		g.out.Items = programmeOrder(g.out.Items)
	}
}

// under reports whether item p is id or lies under it.
func (g *merger) under(p, id string, parent map[string]string) bool {
	seen := map[string]bool{}
	for cur := p; cur != "" && !seen[cur]; cur = parent[cur] {
		if cur == id {
			return true
		}
		seen[cur] = true
	}
	return false
}

// stampMerged gives each text merged word by word a dot of its own, in a
// merge session named after the merged content: neither input contains
// that text, so neither may cover its dot.
func (g *merger) stampMerged() {
	if len(g.pending) == 0 {
		return
	}
	slices.SortFunc(g.pending, func(a, b pendingDot) int {
		return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.field, b.field))
	})
	h := sha256.New()
	clocks := []string{clockKey(g.mine.Clock), clockKey(g.theirs.Clock)}
	slices.Sort(clocks)
	for _, s := range clocks {
		h.Write([]byte(s + "\n"))
	}
	for _, p := range g.pending {
		h.Write([]byte(p.key + "\n"))
	}
	session := "m" + hex.EncodeToString(h.Sum(nil))[:7]
	for i, p := range g.pending {
		d := Dot{Session: session, Seq: uint64(i + 1)}
		if p.rec.Revs == nil {
			p.rec.Revs = map[string]Dot{}
		}
		p.rec.Revs[p.field] = d
		g.out.Clock.Observe(d)
	}
}

func clockKey(c Clock) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + ":" + strconv.FormatUint(c[k], 10) + ",")
	}
	return b.String()
}

// finishConflicts gathers the inputs' unresolved conflicts and the new
// ones, drops those resolved in either copy, describes each place for
// people and puts them in file order.
func (g *merger) finishConflicts() {
	resolved := map[string]bool{}
	for _, t := range g.out.Deleted {
		if t.Kind == KindConflict {
			resolved[t.ID] = true
		}
	}
	var all []Conflict
	have := map[string]bool{}
	push := func(c Conflict, isNew bool) {
		if resolved[c.ID] || have[c.ID] {
			return
		}
		have[c.ID] = true
		if isNew {
			g.fresh++
		}
		all = append(all, c)
	}
	for _, c := range g.mine.Conflicts {
		push(c, false)
	}
	for _, c := range g.theirs.Conflicts {
		push(c, false)
	}
	d := NewDescriber(g.out)
	for _, c := range g.conflicts {
		c.Where = d.Where(c.Record)
		if c.Kind == KindDetails {
			c.Where = "meeting"
		}
		if c.Field != "" {
			c.Where += "." + c.Field
		}
		push(c, true)
	}
	order := map[string]int{}
	n := 0
	g.out.Each(func(_ Kind, r Record) {
		order[r.Meta().ID] = n
		n++
	})
	rank := func(c Conflict) int {
		if i, ok := order[c.Record]; ok {
			return i
		}
		return n
	}
	slices.SortStableFunc(all, func(a, b Conflict) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Field, b.Field), cmp.Compare(a.ID, b.ID))
	})
	g.out.Conflicts = all
}

// sections compares the result with mine, section by section.
func sections(mine, out *Meeting) []SectionReport {
	var rep []SectionReport
	for _, k := range Kinds {
		s := SectionReport{Kind: k}
		before := map[string]Record{}
		for _, r := range mine.Records(k) {
			before[r.Meta().ID] = r
		}
		after := out.Records(k)
		if !IsListKind(k) {
			if len(after) == 1 && len(before) == 1 {
				for _, b := range before {
					if !sameRecord(b, after[0]) {
						s.Changed++
					}
				}
			}
		} else {
			for _, r := range after {
				b, ok := before[r.Meta().ID]
				switch {
				case !ok:
					s.Added++
				case !sameRecord(b, r):
					s.Changed++
				}
				delete(before, r.Meta().ID)
			}
			s.Deleted = len(before)
		}
		if s.Added+s.Changed+s.Deleted > 0 {
			rep = append(rep, s)
		}
	}
	return rep
}

// sameRecord reports whether two versions of a record hold the same values.
func sameRecord(a, b Record) bool {
	am, bm := a.Meta(), b.Meta()
	return am.Made == bm.Made && maps(am.Revs, bm.Revs) || sameValues(a, b, nil)
}
