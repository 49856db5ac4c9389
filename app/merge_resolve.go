package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Settling merge conflicts. A conflict is resolved through the document
// like any edit: ResolveEdit returns the edit (set the field, or delete or
// keep the record, then OpResolve, which drops the conflict and remembers
// that it was settled). Resolve settles conflicts in a merge result that is
// not open yet, before Document.Replace applies it as one undoable step.

// Choice is how a conflict is settled.
type Choice int

// The ways to settle a conflict.
const (
	// ChooseMine keeps mine's value (for a record conflict: mine's fate of
	// the record, deleted or kept).
	ChooseMine Choice = iota
	// ChooseTheirs takes theirs' value (or fate of the record).
	ChooseTheirs
	// ChooseValue sets the field to Resolution.Value (field conflicts only).
	ChooseValue
)

func (c Choice) String() string {
	switch c {
	case ChooseMine:
		return "mine"
	case ChooseTheirs:
		return "theirs"
	case ChooseValue:
		return "edited value"
	}
	return fmt.Sprintf("choice(%d)", int(c))
}

// Resolution settles one conflict.
type Resolution struct {
	Choice Choice
	// Value is the value for ChooseValue: a value of the field's type
	// (Spans for a paragraph's text, which also accepts a string), or its
	// JSON as a json.RawMessage.
	Value any
}

// Deletes reports whether the conflict is over a record deleted on one side
// and edited (or still needed) on the other, rather than over a field.
func (c Conflict) Deletes() bool { return c.Field == "" }

// MineDeleted reports whether mine deleted the record (record conflicts).
func (c Conflict) MineDeleted() bool { return isNull(c.Mine) }

// TheirsDeleted reports whether theirs deleted the record (record conflicts).
func (c Conflict) TheirsDeleted() bool { return isNull(c.Theirs) }

func isNull(raw json.RawMessage) bool {
	s := strings.TrimSpace(string(raw))
	return s == "" || s == "null"
}

// MineText is mine's value for people: the text itself, a paragraph with
// its brackets, "(deleted)".
func (c Conflict) MineText() string { return c.valueText(c.Mine) }

// TheirsText is theirs' value for people.
func (c Conflict) TheirsText() string { return c.valueText(c.Theirs) }

// String reads "where: mine | theirs".
func (c Conflict) String() string {
	return c.Where + ": " + c.MineText() + " | " + c.TheirsText()
}

func (c Conflict) valueText(raw json.RawMessage) string {
	if isNull(raw) {
		if c.Field == "" {
			return "(deleted)"
		}
		return "(empty)"
	}
	if c.Field == "" {
		r := NewRecord(c.Kind)
		if r == nil || json.Unmarshal(raw, r) != nil {
			return "(kept)"
		}
		return "(kept: " + recordLabel(r) + ")"
	}
	if c.Kind == KindParagraph && c.Field == "text" {
		var s Spans
		if json.Unmarshal(raw, &s) == nil {
			return oneLine(s.Bracketed())
		}
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			return "(empty)"
		}
		return oneLine(x)
	case nil:
		return "(empty)"
	}
	return oneLine(string(raw))
}

// oneLine shows line breaks as " ↵ " so that a value fits one line.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", " ↵ ")
}

func recordLabel(r Record) string {
	switch v := r.(type) {
	case *Person:
		return v.Label()
	case *Side:
		return firstNonEmpty(v.ShortName, v.Name, v.Code)
	case *Agency:
		return firstNonEmpty(v.Abbrev, v.Name)
	case *Item:
		return short(v.Title)
	case *Background:
		return short(v.Text)
	case *Paragraph:
		return short(v.Text.Bracketed())
	case *Signatory:
		return firstNonEmpty(v.Name, v.Title)
	case *Version:
		return firstNonEmpty(v.Label, fmt.Sprintf("draft %d", v.Number))
	case *Annex:
		return short(v.Title)
	}
	return r.Meta().ID
}

// FindConflict returns the unresolved conflict with the ID.
func (m *Meeting) FindConflict(id string) (Conflict, bool) {
	i := slices.IndexFunc(m.Conflicts, func(c Conflict) bool { return c.ID == id })
	if i < 0 {
		return Conflict{}, false
	}
	return m.Conflicts[i], true
}

// ResolveOps returns the ops that settle the conflict with the ID in m:
// the change the choice makes (if any), then an OpResolve.
func ResolveOps(m *Meeting, id string, r Resolution) ([]Op, error) {
	c, ok := m.FindConflict(id)
	if !ok {
		return nil, fmt.Errorf("no unresolved merge conflict with ID %s: it was resolved already or the meeting changed", id)
	}
	resolve := Op{Op: OpResolve, Kind: KindConflict, ID: c.ID}
	idx := m.Index()
	ref, exists := idx[c.Record]
	if c.Field == "" {
		return resolveRecord(m, c, r, ref, exists, resolve)
	}
	if !exists {
		// The record is gone (deleted after the merge): nothing to set.
		return []Op{resolve}, nil
	}
	var raw json.RawMessage
	switch r.Choice {
	case ChooseMine:
		raw = c.Mine
	case ChooseTheirs:
		raw = c.Theirs
	case ChooseValue:
		v, err := fieldValue(ref.Record, c.Field, r.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Where, err)
		}
		return []Op{Set(ref.Kind, c.Record, c.Field, v), resolve}, nil
	default:
		return nil, fmt.Errorf("%s: unknown choice %v", c.Where, r.Choice)
	}
	tmp := CloneRecord(ref.Record)
	if err := SetFieldJSON(tmp, c.Field, raw); err != nil {
		return nil, fmt.Errorf("%s: the stored value cannot be used: %w; choose the other value or edit it", c.Where, err)
	}
	v, _ := GetField(tmp, c.Field)
	return []Op{Set(ref.Kind, c.Record, c.Field, v), resolve}, nil
}

func resolveRecord(m *Meeting, c Conflict, r Resolution, ref Ref, exists bool, resolve Op) ([]Op, error) {
	var raw json.RawMessage
	switch r.Choice {
	case ChooseMine:
		raw = c.Mine
	case ChooseTheirs:
		raw = c.Theirs
	default:
		return nil, fmt.Errorf("%s: a record deleted on one side is either kept or deleted: choose mine or theirs", c.Where)
	}
	switch {
	case isNull(raw) && exists:
		ops, err := m.DeleteOps(ref.Kind, c.Record)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Where, err)
		}
		return append(ops, resolve), nil
	case !isNull(raw) && !exists:
		rec := NewRecord(c.Kind)
		if rec == nil || json.Unmarshal(raw, rec) != nil || rec.Meta().ID != c.Record {
			return nil, fmt.Errorf("%s: the stored record cannot be restored", c.Where)
		}
		add := Add(rec)
		add.restore = true
		return []Op{add, resolve}, nil
	}
	return []Op{resolve}, nil
}

// fieldValue converts an edited value to the field's type.
func fieldValue(r Record, field string, v any) (any, error) {
	tmp := CloneRecord(r)
	switch x := v.(type) {
	case json.RawMessage:
		if err := SetFieldJSON(tmp, field, x); err != nil {
			return nil, err
		}
	case string:
		if _, isSpans := mustField(r, field).(Spans); isSpans {
			if err := SetField(tmp, field, PlainSpans(x)); err != nil {
				return nil, err
			}
			break
		}
		if err := SetField(tmp, field, x); err != nil {
			return nil, err
		}
	default:
		if err := SetField(tmp, field, x); err != nil {
			return nil, err
		}
	}
	return GetField(tmp, field)
}

func mustField(r Record, field string) any {
	v, _ := GetField(r, field)
	return v
}

// ResolveEdit returns the undoable edit that settles the conflict with the
// ID in m, labelled for the Undo menu.
func ResolveEdit(m *Meeting, id string, r Resolution) (Edit, error) {
	ops, err := ResolveOps(m, id, r)
	if err != nil {
		return Edit{}, err
	}
	c, _ := m.FindConflict(id)
	return Edit{Label: "Resolve conflict: " + c.Where, Ops: ops}, nil
}

// Resolve settles conflicts in a meeting that is not open in a Document (a
// merge result before Document.Replace applies it), as edits of the given
// editing session (pass Document.Session() of the document the result is
// for, so that its next edits follow on; "" starts a new session). Choices
// are applied in the meeting's conflict order; on error m is unchanged.
func Resolve(m *Meeting, session string, choices map[string]Resolution) error {
	if session == "" {
		session = NewID()[:8]
	}
	if m.Clock == nil {
		m.Clock = Clock{}
	}
	work := m.Clone()
	d := &Document{m: work, session: session, subs: map[int]func(Event){}, now: time.Now}
	d.reindex()
	var ids []string
	for _, c := range work.Conflicts {
		if _, ok := choices[c.ID]; ok {
			ids = append(ids, c.ID)
		}
	}
	for id := range choices {
		if !slices.Contains(ids, id) {
			return fmt.Errorf("no unresolved merge conflict with ID %s", id)
		}
	}
	// Each resolution sees the meeting as the ones before left it.
	for _, id := range ids {
		ops, err := ResolveOps(d.m, id, choices[id])
		if err == nil {
			err = d.Apply(Edit{Ops: ops})
		}
		if err != nil {
			return err
		}
	}
	*m = *d.m
	return nil
}
