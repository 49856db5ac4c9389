package storage

import (
	"bytes"
	"fmt"
	"reflect"

	"parley/app"
)

// Drafts are stored as deltas: each draft lists its paragraph IDs in order
// ("order") and holds only the paragraphs that differ from the same
// paragraph in the draft numbered before it ("paragraphs"). Twenty drafts of
// a long statement thus cost little more than one, and a new draft adds
// only what changed to the file (and to a diff of it).

// fileMeeting is the file's shape: the meeting with drafts as deltas.
type fileMeeting struct {
	*app.Meeting
	Versions []*versionDelta `json:"versions"`
}

// versionDelta is a draft as stored.
type versionDelta struct {
	*app.Version
	Order      []string        `json:"order"`
	Paragraphs []app.Paragraph `json:"paragraphs"`
}

func encodeVersions(b *bytes.Buffer, versions []*app.Version) error {
	b.WriteByte('[')
	var prev map[string]*app.Paragraph
	for i, v := range versions {
		if i > 0 {
			b.WriteByte(',')
		}
		d := versionDelta{Version: v, Order: make([]string, len(v.Paragraphs)), Paragraphs: []app.Paragraph{}}
		cur := make(map[string]*app.Paragraph, len(v.Paragraphs))
		for j := range v.Paragraphs {
			p := &v.Paragraphs[j]
			d.Order[j] = p.ID
			cur[p.ID] = p
			if old, ok := prev[p.ID]; !ok || !sameParagraph(old, p) {
				d.Paragraphs = append(d.Paragraphs, *p)
			}
		}
		prev = cur
		if err := encodeRecord(b, &d); err != nil {
			return fmt.Errorf("draft %d: %w", v.Number, err)
		}
	}
	b.WriteByte(']')
	return nil
}

// Meta lets a delta be encoded like a record, with the draft's kept fields.
func (d *versionDelta) Meta() *app.Rec { return d.Version.Meta() }

func sameParagraph(a, b *app.Paragraph) bool {
	return a.ID == b.ID && a.Kind == b.Kind && a.Level == b.Level && a.AltOf == b.AltOf && a.Side == b.Side &&
		a.LeadIn == b.LeadIn && a.State == b.State && a.AgreedLanguage == b.AgreedLanguage &&
		reflect.DeepEqual(a.Source, b.Source) && spansEqual(a.Text, b.Text)
}

func spansEqual(a, b app.Spans) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// expandVersions rebuilds each draft's full paragraph list from the deltas,
// in number order.
func (fm *fileMeeting) expandVersions() error {
	fm.Meeting.Versions = make([]*app.Version, 0, len(fm.Versions))
	byNumber := make([]*versionDelta, 0, len(fm.Versions))
	for i, d := range fm.Versions {
		if d == nil || d.Version == nil {
			return &Error{Kind: ErrCorrupt, Where: fmt.Sprintf("versions[%d]", i), Msg: "is null, not a draft"}
		}
		byNumber = append(byNumber, d)
	}
	sortDeltas(byNumber)
	var prev map[string]*app.Paragraph
	for _, d := range byNumber {
		own := make(map[string]*app.Paragraph, len(d.Paragraphs))
		for j := range d.Paragraphs {
			own[d.Paragraphs[j].ID] = &d.Paragraphs[j]
		}
		order := d.Order
		if order == nil {
			// A draft written without an order list holds all its paragraphs.
			for _, p := range d.Paragraphs {
				order = append(order, p.ID)
			}
		}
		full := make([]app.Paragraph, len(order))
		cur := make(map[string]*app.Paragraph, len(order))
		for j, id := range order {
			p, ok := own[id]
			if !ok {
				p, ok = prev[id]
			}
			if !ok {
				return &Error{Kind: ErrCorrupt, Where: fmt.Sprintf("draft %d", d.Number),
					Msg: fmt.Sprintf("paragraph %s is neither in this draft nor in the draft before it: the file is damaged, open a backup", id)}
			}
			full[j] = *p
			cur[id] = &full[j]
		}
		prev = cur
		d.Version.Paragraphs = full
		fm.Meeting.Versions = append(fm.Meeting.Versions, d.Version)
	}
	return nil
}

func sortDeltas(ds []*versionDelta) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Number < ds[j-1].Number; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}
