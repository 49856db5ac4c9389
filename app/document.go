package app

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// OpKind is what an Op does.
type OpKind int

// The operations an edit is made of.
const (
	OpSet OpKind = iota
	OpAdd
	OpRemove
	// OpResolve removes the merge conflict Op.ID from Meeting.Conflicts and
	// remembers the resolution (a tombstone of kind KindConflict), so that a
	// later merge with a copy that still lists the conflict does not bring
	// it back. Build it with ResolveOps.
	OpResolve
	// OpReopen puts a resolved conflict (Op.Value, a Conflict) back; it is
	// the inverse of OpResolve.
	OpReopen
)

func (k OpKind) String() string {
	switch k {
	case OpSet:
		return "set"
	case OpAdd:
		return "add"
	case OpRemove:
		return "remove"
	case OpResolve:
		return "resolve"
	case OpReopen:
		return "reopen"
	}
	return fmt.Sprintf("op(%d)", int(k))
}

// Op is one primitive change: set a field of a record, add a record, or
// remove one.
type Op struct {
	Op     OpKind
	Kind   Kind
	ID     string
	Field  string
	Value  any
	Record Record
	// restore marks the add that undoes a removal: the record comes back
	// with the revision data it had, so that undoing a deletion does not
	// look like a new record (or an edit of every field) to a merge.
	restore bool
}

// Set is an Op that sets a field of a record.
func Set(k Kind, id, field string, value any) Op {
	return Op{Op: OpSet, Kind: k, ID: id, Field: field, Value: value}
}

// Add is an Op that adds a record (its ID must be new).
func Add(r Record) Op {
	return Op{Op: OpAdd, Kind: kindOf(r), ID: r.Meta().ID, Record: r}
}

// Remove is an Op that removes a record. Use Meeting.DeleteOps to remove
// what depends on it as well.
func Remove(k Kind, id string) Op { return Op{Op: OpRemove, Kind: k, ID: id} }

// Edit is what a user does in one step: one undoable unit.
type Edit struct {
	// Label names the edit for the Undo menu ("Edit title").
	Label string
	Ops   []Op
	// Coalesce, when not empty, folds this edit into the previous one if
	// that had the same key and came within CoalesceWindow (typing).
	Coalesce string
}

// CoalesceWindow is how close two edits with one Coalesce key must come to
// be folded into one undo step.
const CoalesceWindow = 2 * time.Second

// Change tells a subscriber what an edit touched.
type Change struct {
	Op    OpKind
	Kind  Kind
	ID    string
	Field string
}

// Event is what subscribers receive after every edit, undo and redo.
type Event struct {
	Label   string
	Changes []Change
	Undo    bool
	Redo    bool
}

// Touches reports whether the event changed a record of kind k.
func (e Event) Touches(k Kind) bool {
	for _, c := range e.Changes {
		if c.Kind == k {
			return true
		}
	}
	return false
}

// Structural reports whether records were added or removed or moved, so
// that lists must be rebuilt rather than single rows refreshed.
func (e Event) Structural() bool {
	for _, c := range e.Changes {
		if c.Op != OpSet || c.Field == "pos" || c.Field == "side" || c.Field == "parent" || c.Field == "item" {
			return true
		}
	}
	return false
}

// ErrRule is wrapped by edits refused by a domain rule.
var ErrRule = errors.New("not allowed")

type step struct {
	// before and after are set for a whole-meeting replacement (a merge);
	// forward and inverse for ordinary edits.
	before, after *Meeting
	label         string
	forward       []Op
	inverse       []Op
	serial        int
	coalesce      string
	at            time.Time
}

// Document is an open meeting: the one door for edits. It applies edits,
// stamps revision data, keeps undo and redo, knows whether there are unsaved
// changes and tells subscribers what changed. It is not safe for concurrent
// use: the UI calls it from one goroutine and hands clones to background
// work.
type Document struct {
	m       *Meeting
	idx     map[string]Ref
	session string
	undo    []step
	redo    []step
	serial  int
	saved   int
	// savedSeq is this session's last sequence number at the last save.
	savedSeq uint64
	// point is the last SavePoint taken: later edits neither coalesce
	// into its undo step nor drop the text it holds from a paragraph's
	// history, since a save in flight may be writing it.
	point   SavePoint
	subs    map[int]func(Event)
	nextSub int
	now     func() time.Time
}

// NewDocument opens a meeting for editing. A fresh editing session is
// started: its edits are stamped with a new session ID.
func NewDocument(m *Meeting) *Document {
	if m.Clock == nil {
		m.Clock = Clock{}
	}
	m.Normalize()
	d := &Document{m: m, session: NewID()[:8], subs: map[int]func(Event){}, now: time.Now}
	d.reindex()
	return d
}

// Meeting returns the meeting. Callers read it and must not change it:
// every change goes through Apply.
func (d *Document) Meeting() *Meeting { return d.m }

// Lookup finds a record by ID.
func (d *Document) Lookup(id string) (Ref, bool) {
	r, ok := d.idx[id]
	return r, ok
}

// Session is the ID stamped on this document's edits.
func (d *Document) Session() string { return d.session }

// Dirty reports unsaved changes.
func (d *Document) Dirty() bool { return d.state() != d.saved }

// MarkSaved records that the current state is what is on disk.
func (d *Document) MarkSaved() { d.MarkSavedAt(d.Point()) }

// SavePoint is the document's state at one moment, for a save that
// finishes later, in the background.
type SavePoint struct {
	state int
	seq   uint64
}

// Point returns the current state, to give MarkSavedAt when the save of
// what the document holds now has finished. Later edits start a new undo
// step, so that they stay unsaved.
func (d *Document) Point() SavePoint {
	d.point = SavePoint{d.state(), d.m.Clock[d.session]}
	return d.point
}

// MarkSavedAt records that the state at p is what is on disk: edits made
// since p stay unsaved.
func (d *Document) MarkSavedAt(p SavePoint) { d.saved, d.savedSeq = p.state, p.seq }

// MarkUnsaved forces the unsaved state (a document created from a template
// that has never been saved, say).
func (d *Document) MarkUnsaved() { d.saved = -1 }

func (d *Document) state() int {
	if len(d.undo) == 0 {
		return 0
	}
	return d.undo[len(d.undo)-1].serial
}

// CanUndo reports whether there is an edit to undo, and its label.
func (d *Document) CanUndo() (bool, string) {
	if len(d.undo) == 0 {
		return false, ""
	}
	return true, d.undo[len(d.undo)-1].label
}

// CanRedo reports whether there is an undone edit to redo, and its label.
func (d *Document) CanRedo() (bool, string) {
	if len(d.redo) == 0 {
		return false, ""
	}
	return true, d.redo[len(d.redo)-1].label
}

// Subscribe registers fn to be called after every change; the returned
// function unregisters it.
func (d *Document) Subscribe(fn func(Event)) (cancel func()) {
	id := d.nextSub
	d.nextSub++
	d.subs[id] = fn
	return func() { delete(d.subs, id) }
}

func (d *Document) notify(e Event) {
	keys := make([]int, 0, len(d.subs))
	for k := range d.subs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if fn, ok := d.subs[k]; ok {
			fn(e)
		}
	}
}

// Apply performs an edit as one undoable step. Either every op applies or,
// on error, none does. An edit that changes nothing is not recorded.
func (d *Document) Apply(e Edit) error {
	inverse, changes, err := d.run(e.Ops)
	if err != nil {
		if e.Label != "" {
			return fmt.Errorf("%s: %w", e.Label, err)
		}
		return err
	}
	if len(changes) == 0 {
		return nil
	}
	now := d.now()
	if n := len(d.undo); e.Coalesce != "" && n > 0 && len(d.redo) == 0 {
		top := &d.undo[n-1]
		if top.coalesce == e.Coalesce && now.Sub(top.at) < CoalesceWindow && top.serial != d.saved && top.serial != d.point.state {
			top.forward = append(top.forward, e.Ops...)
			top.inverse = append(inverse, top.inverse...)
			top.at = now
			d.notify(Event{Label: e.Label, Changes: changes})
			return nil
		}
	}
	d.serial++
	d.undo = append(d.undo, step{label: e.Label, forward: e.Ops, inverse: inverse, serial: d.serial, coalesce: e.Coalesce, at: now})
	d.redo = nil
	d.notify(Event{Label: e.Label, Changes: changes})
	return nil
}

// Undo reverts the last edit. It reports whether there was one.
func (d *Document) Undo() bool {
	n := len(d.undo)
	if n == 0 {
		return false
	}
	s := d.undo[n-1]
	if s.before != nil {
		d.undo = d.undo[:n-1]
		d.redo = append(d.redo, s)
		d.swap(s.before, s.label, true, false)
		return true
	}
	inverse, changes, err := d.run(s.inverse)
	if err != nil {
		// The history no longer fits the meeting (a bug): drop it rather
		// than corrupt the meeting.
		d.undo, d.redo = nil, nil
		return false
	}
	d.undo = d.undo[:n-1]
	d.redo = append(d.redo, step{label: s.label, forward: s.forward, inverse: inverse, serial: s.serial})
	d.notify(Event{Label: s.label, Changes: changes, Undo: true})
	return true
}

// Redo re-applies the last undone edit. It reports whether there was one.
func (d *Document) Redo() bool {
	n := len(d.redo)
	if n == 0 {
		return false
	}
	s := d.redo[n-1]
	if s.after != nil {
		d.redo = d.redo[:n-1]
		d.undo = append(d.undo, s)
		d.swap(s.after, s.label, false, true)
		return true
	}
	// The undo left the ops that redo the step (s.inverse): for a removed
	// record they bring it back with its revision data, so a redone
	// addition is the same record to a merge, not a new one.
	redo := s.inverse
	if redo == nil {
		redo = s.forward
	}
	inverse, changes, err := d.run(redo)
	if err != nil {
		d.undo, d.redo = nil, nil
		return false
	}
	d.redo = d.redo[:n-1]
	d.undo = append(d.undo, step{label: s.label, forward: s.forward, inverse: inverse, serial: s.serial})
	d.notify(Event{Label: s.label, Changes: changes, Redo: true})
	return true
}

// run applies ops, stamping each with a fresh dot. It returns the ops that
// undo them. On error it restores the meeting exactly and returns the error.
func (d *Document) run(ops []Op) (inverse []Op, changes []Change, err error) {
	var restore []func()
	defer func() {
		if err != nil {
			for i := len(restore) - 1; i >= 0; i-- {
				restore[i]()
			}
			d.m.Normalize()
			d.reindex()
		}
	}()
	structural := false
	for _, op := range ops {
		inv, ch, undoExact, e := d.apply(op)
		if e != nil {
			return nil, nil, e
		}
		if undoExact != nil {
			restore = append(restore, undoExact)
		}
		if ch == nil {
			continue
		}
		if ch.Op != OpSet || isOrderField(ch.Field) {
			structural = true
		}
		inverse = append(inverse, inv)
		changes = append(changes, *ch)
	}
	if structural {
		d.m.Normalize()
		d.reindex()
	}
	if e := checkRules(d.m, changes); e != nil {
		return nil, nil, e
	}
	slices.Reverse(inverse)
	return inverse, changes, nil
}

func isOrderField(f string) bool {
	return f == "pos" || f == "side" || f == "parent" || f == "item" || f == "number"
}

func (d *Document) nextDot() Dot {
	seq := d.m.Clock[d.session] + 1
	dot := Dot{Session: d.session, Seq: seq}
	d.m.Clock[d.session] = seq
	return dot
}

// apply performs one op. It returns the inverse op, the change (nil for a
// no-op) and a function that restores the exact prior state.
func (d *Document) apply(op Op) (inv Op, ch *Change, restore func(), err error) {
	switch op.Op {
	case OpSet:
		ref, ok := d.idx[op.ID]
		if !ok || ref.Kind != op.Kind {
			return inv, nil, nil, fmt.Errorf("no %s with ID %s", op.Kind.Noun(), op.ID)
		}
		r := ref.Record
		old, err := GetField(r, op.Field)
		if err != nil {
			return inv, nil, nil, err
		}
		if err := SetField(r, op.Field, op.Value); err != nil {
			return inv, nil, nil, err
		}
		cur, _ := GetField(r, op.Field)
		if FieldEqual(old, cur) {
			_ = SetField(r, op.Field, old)
			return inv, nil, nil, nil
		}
		meta := r.Meta()
		oldRev, hadRev := meta.Revs[op.Field]
		clock := d.m.Clock[d.session]
		var oldHist []TextRev
		para, isPara := r.(*Paragraph)
		if isPara && op.Field == "text" {
			oldHist = para.History
			d.remember(para, meta.Rev("text"), old.(Spans))
		}
		if meta.Revs == nil {
			meta.Revs = map[string]Dot{}
		}
		meta.Revs[op.Field] = d.nextDot()
		restore = func() {
			if isPara && op.Field == "text" {
				para.History = oldHist
			}
			_ = SetField(r, op.Field, old)
			if hadRev {
				meta.Revs[op.Field] = oldRev
			} else {
				delete(meta.Revs, op.Field)
			}
			d.m.Clock[d.session] = clock
		}
		return Set(op.Kind, op.ID, op.Field, old), &Change{Op: OpSet, Kind: op.Kind, ID: op.ID, Field: op.Field}, restore, nil

	case OpAdd:
		if op.Record == nil || !IsListKind(op.Kind) || kindOf(op.Record) != op.Kind {
			return inv, nil, nil, fmt.Errorf("cannot add a %s record", op.Kind)
		}
		id := op.Record.Meta().ID
		if id == "" {
			return inv, nil, nil, fmt.Errorf("new %s has no ID", op.Kind.Noun())
		}
		if _, exists := d.idx[id]; exists {
			return inv, nil, nil, fmt.Errorf("a record with ID %s exists already", id)
		}
		r := CloneRecord(op.Record)
		clock := d.m.Clock[d.session]
		deleted := d.m.Deleted
		if !op.restore {
			r.Meta().Made = d.nextDot()
		}
		d.m.Deleted = slices.DeleteFunc(slices.Clone(d.m.Deleted), func(t Tombstone) bool { return t.ID == id })
		d.m.insert(r)
		d.idx[id] = Ref{Kind: op.Kind, Record: r}
		restore = func() {
			d.m.remove(op.Kind, id)
			delete(d.idx, id)
			d.m.Deleted = deleted
			d.m.Clock[d.session] = clock
		}
		return Remove(op.Kind, id), &Change{Op: OpAdd, Kind: op.Kind, ID: id}, restore, nil

	case OpRemove:
		ref, ok := d.idx[op.ID]
		if !ok || ref.Kind != op.Kind || !IsListKind(op.Kind) {
			return inv, nil, nil, fmt.Errorf("no %s with ID %s to remove", op.Kind.Noun(), op.ID)
		}
		r := d.m.remove(op.Kind, op.ID)
		if r == nil {
			return inv, nil, nil, fmt.Errorf("no %s with ID %s to remove", op.Kind.Noun(), op.ID)
		}
		delete(d.idx, op.ID)
		clock := d.m.Clock[d.session]
		deleted := d.m.Deleted
		d.m.Deleted = append(slices.Clone(d.m.Deleted), Tombstone{Kind: op.Kind, ID: op.ID, Dot: d.nextDot()})
		restore = func() {
			d.m.insert(r)
			d.idx[op.ID] = ref
			d.m.Deleted = deleted
			d.m.Clock[d.session] = clock
		}
		back := Add(CloneRecord(r))
		back.restore = true
		return back, &Change{Op: OpRemove, Kind: op.Kind, ID: op.ID}, restore, nil

	case OpResolve:
		i := slices.IndexFunc(d.m.Conflicts, func(c Conflict) bool { return c.ID == op.ID })
		if i < 0 {
			return inv, nil, nil, fmt.Errorf("no merge conflict with ID %s (resolved already?)", op.ID)
		}
		c := d.m.Conflicts[i]
		conflicts, deleted, clock := d.m.Conflicts, d.m.Deleted, d.m.Clock[d.session]
		dot := d.nextDot()
		d.m.Conflicts = slices.Delete(slices.Clone(d.m.Conflicts), i, i+1)
		d.m.Deleted = append(slices.Clone(d.m.Deleted), Tombstone{Kind: KindConflict, ID: c.ID, Dot: dot})
		// Settling the conflict is an edit of the field (of the record, for
		// a deletion kept): a copy that settled it otherwise conflicts anew.
		var meta *Rec
		field := c.Field
		if field == "" {
			field = KeptField
		}
		var oldRev Dot
		var hadRev bool
		if ref, ok := d.idx[c.Record]; ok {
			meta = ref.Record.Meta()
			oldRev, hadRev = meta.Revs[field]
			if meta.Revs == nil {
				meta.Revs = map[string]Dot{}
			}
			meta.Revs[field] = dot
		}
		restore = func() {
			d.m.Conflicts, d.m.Deleted = conflicts, deleted
			d.m.Clock[d.session] = clock
			if meta != nil {
				if hadRev {
					meta.Revs[field] = oldRev
				} else {
					delete(meta.Revs, field)
				}
			}
		}
		return Op{Op: OpReopen, Kind: KindConflict, ID: c.ID, Value: c}, &Change{Op: OpResolve, Kind: KindConflict, ID: c.ID}, restore, nil

	case OpReopen:
		c, ok := op.Value.(Conflict)
		if !ok || c.ID == "" || c.ID != op.ID {
			return inv, nil, nil, fmt.Errorf("reopening conflict %s: the op carries no conflict", op.ID)
		}
		if slices.ContainsFunc(d.m.Conflicts, func(o Conflict) bool { return o.ID == c.ID }) {
			return inv, nil, nil, nil
		}
		conflicts, deleted := d.m.Conflicts, d.m.Deleted
		d.m.Conflicts = append(slices.Clone(d.m.Conflicts), c)
		d.m.Deleted = slices.DeleteFunc(slices.Clone(d.m.Deleted), func(t Tombstone) bool { return t.Kind == KindConflict && t.ID == c.ID })
		restore = func() { d.m.Conflicts, d.m.Deleted = conflicts, deleted }
		return Op{Op: OpResolve, Kind: KindConflict, ID: c.ID}, &Change{Op: OpReopen, Kind: KindConflict, ID: c.ID}, restore, nil
	}
	return inv, nil, nil, fmt.Errorf("unknown operation %v", op.Op)
}

func (d *Document) reindex() { d.idx = d.m.Index() }

// Replace swaps in a whole new state of the meeting as one undoable step,
// keeping the new state's revision data as it is (a merge result carries
// the dots of the edits it took from each copy). Subscribers are told that
// every record may have changed.
func (d *Document) Replace(m *Meeting, label string) {
	if m.Clock == nil {
		m.Clock = Clock{}
	}
	m.Normalize()
	d.serial++
	d.undo = append(d.undo, step{label: label, before: d.m.Clone(), after: m.Clone(), serial: d.serial})
	d.redo = nil
	d.swap(m, label, false, false)
}

func (d *Document) swap(m *Meeting, label string, undo, redo bool) {
	seq := d.m.Clock[d.session]
	d.m = m.Clone()
	// This session's sequence never goes back (undoing a merge swaps in an
	// older clock): two different edits must never share a dot.
	if d.m.Clock[d.session] < seq {
		d.m.Clock[d.session] = seq
	}
	d.reindex()
	var changes []Change
	for _, k := range Kinds {
		changes = append(changes, Change{Op: OpAdd, Kind: k})
	}
	d.notify(Event{Label: label, Changes: changes, Undo: undo, Redo: redo})
}

// remember keeps the paragraph's text before a change in its history when
// that text may exist in another copy: it was made in another session, or
// saved since. Edits within one unsaved session keep only the first text.
func (d *Document) remember(p *Paragraph, prev Dot, text Spans) {
	if prev.Session == d.session && prev.Seq > max(d.savedSeq, d.point.seq) {
		return
	}
	if n := len(p.History); n > 0 && p.History[n-1].Dot == prev {
		return
	}
	h := append(slices.Clone(p.History), TextRev{Dot: prev, Text: text})
	if len(h) > MaxHistory {
		h = h[len(h)-MaxHistory:]
	}
	p.History = h
}
