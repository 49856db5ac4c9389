package app

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Dot names one edit: the editing session that made it and that session's
// sequence number. The zero Dot stands for the origin, known to every copy.
type Dot struct {
	Session string
	Seq     uint64
}

// IsZero reports whether d is the origin.
func (d Dot) IsZero() bool { return d.Session == "" && d.Seq == 0 }

// String gives the dot as "session:seq", or "" for the origin.
func (d Dot) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Session + ":" + strconv.FormatUint(d.Seq, 10)
}

// Less orders dots deterministically (by session, then sequence).
func (d Dot) Less(e Dot) bool {
	if d.Session != e.Session {
		return d.Session < e.Session
	}
	return d.Seq < e.Seq
}

// MarshalText encodes the dot as "session:seq".
func (d Dot) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes "session:seq".
func (d *Dot) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		*d = Dot{}
		return nil
	}
	i := strings.LastIndexByte(s, ':')
	if i <= 0 {
		return fmt.Errorf("revision %q: want session:number", s)
	}
	n, err := strconv.ParseUint(s[i+1:], 10, 64)
	if err != nil {
		return fmt.Errorf("revision %q: want session:number", s)
	}
	*d = Dot{Session: s[:i], Seq: n}
	return nil
}

// Clock records, per editing session, the highest sequence number whose
// edit this copy contains.
type Clock map[string]uint64

// Covers reports whether the edit d is contained in this copy.
func (c Clock) Covers(d Dot) bool { return d.IsZero() || c[d.Session] >= d.Seq }

// Observe records that the edit d is contained.
func (c Clock) Observe(d Dot) {
	if !d.IsZero() && c[d.Session] < d.Seq {
		c[d.Session] = d.Seq
	}
}

// Kind names a type of record.
type Kind string

// The kinds of record a meeting holds.
const (
	KindDetails    Kind = "meeting"
	KindSide       Kind = "side"
	KindAgency     Kind = "agency"
	KindPerson     Kind = "person"
	KindItem       Kind = "item"
	KindBackground Kind = "background"
	KindStatement  Kind = "statement"
	KindParagraph  Kind = "paragraph"
	KindSignatory  Kind = "signatory"
	KindVersion    Kind = "version"
	KindAnnex      Kind = "annex"
)

// Kinds lists every kind in file order.
var Kinds = []Kind{KindDetails, KindSide, KindAgency, KindPerson, KindItem, KindBackground,
	KindStatement, KindParagraph, KindSignatory, KindVersion, KindAnnex}

// Noun is the kind's name for messages ("participant", "programme item").
func (k Kind) Noun() string {
	switch k {
	case KindDetails:
		return "meeting"
	case KindPerson:
		return "participant"
	case KindItem:
		return "programme item"
	case KindBackground:
		return "background paragraph"
	case KindParagraph:
		return "statement paragraph"
	}
	return string(k)
}

// Rec is the identity and revision data every record carries.
type Rec struct {
	// ID is the record's UUID, unique in the file.
	ID string `json:"id"`
	// Made is the edit that created the record (zero: part of the origin).
	Made Dot `json:"made,omitzero"`
	// Revs holds, per field, the last edit that changed it after creation.
	Revs map[string]Dot `json:"revs,omitempty"`
	// Extra keeps fields written by a newer Parley so they survive a save.
	Extra map[string]json.RawMessage `json:"-"`
}

// Meta returns the record's identity and revision data.
func (r *Rec) Meta() *Rec { return r }

// Rev returns the dot of the last change to field, falling back to Made.
func (r *Rec) Rev(field string) Dot {
	if d, ok := r.Revs[field]; ok {
		return d
	}
	return r.Made
}

// Record is any record of a meeting.
type Record interface {
	Meta() *Rec
}

// KindConflict is the kind of a tombstone that remembers a resolved merge
// conflict (Tombstone.ID is the conflict's ID). It names no record list.
const KindConflict Kind = "conflict"

// Tombstone remembers a deleted record so that a merge can tell a deletion
// from an addition on the other side. A tombstone of kind KindConflict
// remembers a resolved conflict instead.
type Tombstone struct {
	Kind Kind   `json:"kind"`
	ID   string `json:"id"`
	Dot  Dot    `json:"dot,omitzero"`
}

// Conflict is a difference a merge could not decide. It stays in the file
// until someone resolves it.
type Conflict struct {
	// ID identifies the conflict.
	ID string `json:"id"`
	// Kind and Record name the record concerned.
	Kind   Kind   `json:"kind"`
	Record string `json:"record"`
	// Field is the field in conflict; empty when the record itself is (deleted
	// on one side, edited on the other).
	Field string `json:"field,omitempty"`
	// Where describes the place for people ("participant 3 (\"Rob McKinnon\").position").
	Where string `json:"where"`
	// Mine and Theirs are the two values as JSON; null for a deleted record.
	Mine   json.RawMessage `json:"mine"`
	Theirs json.RawMessage `json:"theirs"`
	// MineLabel and TheirsLabel name the two copies (file names).
	MineLabel   string `json:"mineLabel,omitempty"`
	TheirsLabel string `json:"theirsLabel,omitempty"`
}
