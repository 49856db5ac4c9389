package app_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parley/app"
	"parley/app/sample"
)

// The property test: from one origin, two people edit copies at random
// through the document (add, edit, delete, move people, programme items
// and statement paragraphs; change words of paragraphs; undo, redo, save).
// What the merge must give is worked out independently, from the edit
// logs and the final copies, never from the revision data the merge uses.

// editLog is what one copy's subscriber saw.
type editLog struct {
	// set[id][field]: the field was set (by an edit, an undo or a redo).
	set map[string]map[string]bool
}

func logEdits(d *app.Document) *editLog {
	l := &editLog{set: map[string]map[string]bool{}}
	d.Subscribe(func(e app.Event) {
		for _, c := range e.Changes {
			if c.Op != app.OpSet {
				continue
			}
			if l.set[c.ID] == nil {
				l.set[c.ID] = map[string]bool{}
			}
			l.set[c.ID][c.Field] = true
		}
	})
	return l
}

// edited reports whether the copy edited the record other than by moving it.
func (l *editLog) edited(k app.Kind, id string) bool {
	for f := range l.set[id] {
		if !isOrder(k, f) {
			return true
		}
	}
	return false
}

// isOrder is the test's own list of fields that only place a record.
func isOrder(k app.Kind, f string) bool {
	switch {
	case f == "pos":
		return true
	case f == "side" && (k == app.KindPerson || k == app.KindAgency || k == app.KindSignatory):
		return true
	case (f == "parent" || f == "day") && k == app.KindItem:
		return true
	case f == "item" && k == app.KindBackground:
		return true
	}
	return false
}

type editor struct {
	r   *rand.Rand
	d   *app.Document
	tag string
	n   int
}

func (e *editor) unique() string {
	e.n++
	return fmt.Sprintf("zq%s%d", e.tag, e.n)
}

// uniqueHan is a new ideograph from CJK Extension A, which the generated
// meetings never use: one token, like the character it replaces.
func (e *editor) uniqueHan() string {
	e.n++
	r := rune(0x3400 + 2*e.n)
	if e.tag == "B" {
		r++
	}
	return string(r)
}

func pick[T any](r *rand.Rand, list []T) (T, bool) {
	var zero T
	if len(list) == 0 {
		return zero, false
	}
	return list[r.Intn(len(list))], true
}

// step makes one random edit. Edits a domain rule refuses are skipped.
func (e *editor) step() {
	m := e.d.Meeting()
	apply := func(ops []app.Op) {
		if len(ops) > 0 {
			_ = e.d.Apply(app.Edit{Ops: ops})
		}
	}
	switch c := e.r.Intn(100); {
	case c < 14:
		if p, ok := pick(e.r, m.People); ok {
			f := []string{"position", "email", "phone", "given"}[e.r.Intn(4)]
			apply([]app.Op{app.Set(app.KindPerson, p.ID, f, e.unique())})
		}
	case c < 24:
		if it, ok := pick(e.r, m.Items); ok {
			switch e.r.Intn(3) {
			case 0:
				apply([]app.Op{app.Set(app.KindItem, it.ID, "title", e.unique())})
			case 1:
				apply([]app.Op{app.Set(app.KindItem, it.ID, "minutes", 5+e.r.Intn(200))})
			default:
				apply([]app.Op{app.Set(app.KindItem, it.ID, "location", e.unique())})
			}
		}
	case c < 40:
		if p, ok := pick(e.r, m.Paragraphs); ok {
			if text, ok := replaceWord(e.r, p.Text, e.unique(), e.uniqueHan()); ok {
				apply([]app.Op{app.Set(app.KindParagraph, p.ID, "text", text)})
			}
		}
	case c < 46:
		if s, ok := pick(e.r, m.Sides); ok {
			var pos string
			if sib, ok := pick(e.r, m.PeopleOf(s.ID)); ok {
				pos = m.PosAfter(sib)
			} else {
				pos = m.PosAfterLast(app.KindPerson, s.ID)
			}
			p := &app.Person{Rec: app.Rec{ID: "person-" + e.unique()}, Side: s.ID, Pos: pos, Given: e.unique(), Role: app.RoleMember}
			apply([]app.Op{app.Add(p)})
		}
	case c < 50:
		it := &app.Item{Rec: app.Rec{ID: "item-" + e.unique()}, Pos: m.PosAfterLast(app.KindItem, ""), Title: e.unique(),
			Kind: app.ItemSession, Minutes: 30}
		apply([]app.Op{app.Add(it)})
	case c < 55:
		if after, ok := pick(e.r, m.Paragraphs); ok {
			p := &app.Paragraph{Rec: app.Rec{ID: "para-" + e.unique()}, Pos: m.PosAfter(after), Kind: app.ParaOperative,
				State: app.StateProposed, Text: app.PlainSpans("New paragraph " + e.unique() + " text.")}
			apply([]app.Op{app.Add(p)})
		}
	case c < 60:
		if p, ok := pick(e.r, m.People); ok {
			ops, _ := m.DeleteOps(app.KindPerson, p.ID)
			apply(ops)
		}
	case c < 63:
		if it, ok := pick(e.r, m.Items); ok {
			ops, _ := m.DeleteOps(app.KindItem, it.ID)
			apply(ops)
		}
	case c < 67:
		if p, ok := pick(e.r, m.Paragraphs); ok {
			ops, _ := m.DeleteOps(app.KindParagraph, p.ID)
			apply(ops)
		}
	case c < 85:
		var r app.Record
		switch e.r.Intn(3) {
		case 0:
			r, _ = pick(e.r, m.People)
		case 1:
			r, _ = pick(e.r, m.Items)
		default:
			r, _ = pick(e.r, m.Paragraphs)
		}
		if r != nil && !isNilRecord(r) {
			delta := e.r.Intn(7) - 3
			apply(m.MoveOps(r, delta))
		}
	case c < 93:
		e.d.Undo()
	case c < 97:
		e.d.Redo()
	default:
		e.d.MarkSaved()
	}
}

func isNilRecord(r app.Record) bool {
	switch v := r.(type) {
	case *app.Person:
		return v == nil
	case *app.Item:
		return v == nil
	case *app.Paragraph:
		return v == nil
	}
	return false
}

// tok is a token of paragraph text with its bracket.
type tok struct{ t, b, s string }

// tokens splits a paragraph's text as the merge does: adjacent spans of
// one bracket joined, then app.Tokenize.
func tokens(s app.Spans) []tok {
	var out []tok
	for i := 0; i < len(s); {
		j, text := i+1, s[i].T
		for j < len(s) && s[j].Bracket == s[i].Bracket && s[j].Side == s[i].Side {
			text += s[j].T
			j++
		}
		for _, t := range app.Tokenize(text) {
			out = append(out, tok{t, s[i].Bracket, s[i].Side})
		}
		i = j
	}
	return out
}

func fromTokens(ts []tok) app.Spans {
	var out app.Spans
	for _, t := range ts {
		if n := len(out); n > 0 && out[n-1].Bracket == t.b && out[n-1].Side == t.s {
			out[n-1].T += t.t
			continue
		}
		out = append(out, app.Span{T: t.t, Bracket: t.b, Side: t.s})
	}
	return out
}

func isWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// replaceWord replaces one word of the text with a new one (han, for a
// character of a text written without spaces), keeping every other token
// and the brackets.
func replaceWord(r *rand.Rand, s app.Spans, word, han string) (app.Spans, bool) {
	ts := tokens(s)
	var words []int
	for i, t := range ts {
		if isWord(t.t) {
			words = append(words, i)
		}
	}
	i, ok := pick(r, words)
	if !ok {
		return nil, false
	}
	ts = slices.Clone(ts)
	if first, _ := utf8.DecodeRuneInString(ts[i].t); unicode.Is(unicode.Han, first) || unicode.In(first, unicode.Hiragana, unicode.Katakana) {
		word = han
	}
	ts[i].t = word
	return fromTokens(ts), true
}

// textExpect works out the merge of two texts that replaced words of the
// origin: the changes of both, or a conflict when the two copies changed
// the same or neighbouring tokens (with no unchanged token between them,
// they form one changed stretch).
func textExpect(o, a, b app.Spans) (app.Spans, bool, bool) {
	to, ta, tb := tokens(o), tokens(a), tokens(b)
	if len(ta) != len(to) || len(tb) != len(to) {
		return nil, false, false // not a word replacement: not predicted
	}
	out := slices.Clone(to)
	changedA := make([]bool, len(to)+1)
	changedB := make([]bool, len(to)+1)
	for i := range to {
		changedA[i] = ta[i] != to[i]
		changedB[i] = tb[i] != to[i]
		switch {
		case changedA[i]:
			out[i] = ta[i]
		case changedB[i]:
			out[i] = tb[i]
		}
	}
	for i := range to {
		for _, j := range []int{i - 1, i, i + 1} {
			if j >= 0 && j < len(to) && changedA[i] && changedB[j] && ta[i] != tb[j] {
				return nil, true, true
			}
		}
	}
	return fromTokens(out), false, true
}

// expectation is what the merge of a and b must give.
type expectation struct {
	present   map[string]bool
	conflicts map[string]bool // "id.field", "id." for a record conflict
	texts     map[string]app.Spans
	unsure    map[string]bool // paragraphs whose text the test does not predict
}

func expect(o, a, b *app.Meeting, la, lb *editLog) expectation {
	x := expectation{present: map[string]bool{}, conflicts: map[string]bool{}, texts: map[string]app.Spans{}, unsure: map[string]bool{}}
	i0, ia, ib := o.Index(), a.Index(), b.Index()
	all := map[string]app.Kind{}
	for _, idx := range []map[string]app.Ref{i0, ia, ib} {
		for id, r := range idx {
			if app.IsListKind(r.Kind) {
				all[id] = r.Kind
			}
		}
	}
	// version returns the record's fields as the merge should have them,
	// for following references: refs lists the ids a record refers to.
	refs := map[string][]string{}
	for id, k := range all {
		ra, inA := ia[id]
		rb, inB := ib[id]
		switch {
		case inA && inB:
			x.present[id] = true
			for _, f := range app.FieldNames(ra.Record) {
				if isOrder(k, f) {
					continue
				}
				va, _ := app.GetField(ra.Record, f)
				vb, _ := app.GetField(rb.Record, f)
				if k == app.KindParagraph && f == "text" {
					if app.FieldEqual(va, vb) {
						continue
					}
					o0, ok := i0[id]
					if !ok {
						x.unsure[id] = true
						continue
					}
					text, conflict, ok := textExpect(o0.Record.(*app.Paragraph).Text, va.(app.Spans), vb.(app.Spans))
					switch {
					case !ok:
						x.unsure[id] = true
					case conflict:
						x.conflicts[id+".text"] = true
					default:
						x.texts[id] = text
					}
					continue
				}
				if la.set[id][f] && lb.set[id][f] && !app.FieldEqual(va, vb) {
					x.conflicts[id+"."+f] = true
				}
			}
			refs[id] = append(refsOf(ra.Record), refsOf(rb.Record)...)
			// A side's edit of a reference wins unless both edited it.
			if it, ok := ra.Record.(*app.Item); ok && !x.conflicts[id+".leads"] {
				leads := it.Leads
				if lb.set[id]["leads"] && !la.set[id]["leads"] {
					leads = rb.Record.(*app.Item).Leads
				}
				refs[id] = append([]string{it.Parent}, leads...)
			}
		case inA || inB:
			r, other, log := ra, ib, la
			if inB {
				r, other, log = rb, ia, lb
			}
			_ = other
			if _, inOrigin := i0[id]; inOrigin && !log.edited(k, id) {
				continue // deleted on the other side, untouched here
			}
			if _, inOrigin := i0[id]; inOrigin {
				x.conflicts[id+"."] = true
			}
			x.present[id] = true
			refs[id] = refsOf(r.Record)
		}
	}
	// A record the result refers to is kept, with a record conflict.
	changed := true
	for changed {
		changed = false
		ids := make([]string, 0, len(x.present))
		for id := range x.present {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			for _, ref := range refs[id] {
				if ref == "" || x.present[ref] {
					continue
				}
				r, ok := ia[ref]
				if !ok {
					r, ok = ib[ref]
				}
				if !ok {
					continue
				}
				x.present[ref] = true
				x.conflicts[ref+"."] = true
				refs[ref] = refsOf(r.Record)
				changed = true
			}
		}
	}
	return x
}

func refsOf(r app.Record) []string {
	switch v := r.(type) {
	case *app.Person:
		return []string{v.Side, v.Agency}
	case *app.Item:
		return append([]string{v.Parent}, v.Leads...)
	case *app.Background:
		return []string{v.Item}
	case *app.Paragraph:
		return []string{v.AltOf, v.Side}
	}
	return nil
}

func TestMergeProperties(t *testing.T) {
	runs := 200
	if testing.Short() {
		runs = 40
	}
	for run := 1; run <= runs; run++ {
		seed := int64(run)
		o := sample.Large(sample.LargeOptions{PeoplePerSide: 10, Items: 9, Paragraphs: 8, Versions: 1, Seed: seed, Japanese: run%4 == 0})
		a, b := fork(o)
		la, lb := logEdits(a), logEdits(b)
		ea := &editor{r: rand.New(rand.NewSource(seed)), d: a, tag: "A"}
		eb := &editor{r: rand.New(rand.NewSource(seed * 7919)), d: b, tag: "B"}
		for i := 0; i < 30; i++ {
			ea.step()
			eb.step()
		}
		if !checkMerge(t, fmt.Sprintf("seed %d", seed), o, a.Meeting(), b.Meeting(), la, lb) {
			return
		}
	}
}

func checkMerge(t *testing.T, name string, o, ma, mb *app.Meeting, la, lb *editLog) bool {
	t.Helper()
	fail := func(format string, args ...any) bool {
		t.Errorf(name+": "+format, args...)
		return false
	}
	opt := app.MergeOptions{MineLabel: "a.parley", TheirsLabel: "b.parley"}
	out, rep, err := app.Merge(ma, mb, opt)
	if err != nil {
		return fail("merge: %v", err)
	}
	x := expect(o, ma, mb, la, lb)

	// Presence: every record kept that must be, none that must not.
	got := map[string]bool{}
	out.Each(func(k app.Kind, r app.Record) {
		if app.IsListKind(k) {
			got[r.Meta().ID] = true
		}
	})
	for id := range x.present {
		if !got[id] {
			return fail("record %s vanished", id)
		}
	}
	for id := range got {
		if !x.present[id] {
			return fail("record %s should be deleted", id)
		}
	}
	// Conflicts: exactly the same-field divergent edits (and records
	// deleted on one side but edited or needed on the other).
	var gotC, wantC []string
	for _, c := range out.Conflicts {
		if !x.unsure[c.Record] || c.Field != "text" {
			gotC = append(gotC, c.Record+"."+c.Field)
		}
	}
	for k := range x.conflicts {
		wantC = append(wantC, k)
	}
	sort.Strings(gotC)
	sort.Strings(wantC)
	if !slices.Equal(gotC, wantC) {
		return fail("conflicts\n got %v\nwant %v", gotC, wantC)
	}
	if len(rep.Conflicts) != len(out.Conflicts) {
		return fail("report lists %d conflicts, result has %d", len(rep.Conflicts), len(out.Conflicts))
	}
	// Values: each field as the edits say.
	ia, ib, io := ma.Index(), mb.Index(), out.Index()
	for id, ref := range io {
		if !app.IsListKind(ref.Kind) {
			continue
		}
		ra, inA := ia[id]
		rb, inB := ib[id]
		for _, f := range app.FieldNames(ref.Record) {
			v, _ := app.GetField(ref.Record, f)
			var want []any
			switch {
			case inA && inB:
				va, _ := app.GetField(ra.Record, f)
				vb, _ := app.GetField(rb.Record, f)
				switch {
				case f == "text" && ref.Kind == app.KindParagraph && x.texts[id] != nil:
					want = []any{x.texts[id]}
				case f == "text" && ref.Kind == app.KindParagraph && x.unsure[id]:
					continue // not predicted
				case f == "text" && ref.Kind == app.KindParagraph && x.conflicts[id+".text"]:
					want = []any{va}
				case isOrder(ref.Kind, f) && la.set[id][f] && lb.set[id][f]:
					want = []any{va, vb}
				case lb.set[id][f] && !la.set[id][f]:
					want = []any{vb}
				default:
					want = []any{va}
				}
			case inA:
				va, _ := app.GetField(ra.Record, f)
				want = []any{va}
			default:
				vb, _ := app.GetField(rb.Record, f)
				want = []any{vb}
			}
			if !slices.ContainsFunc(want, func(w any) bool { return app.FieldEqual(w, v) }) {
				return fail("%s %s.%s = %#v, want one of %#v", ref.Kind, id, f, v, want)
			}
		}
	}
	if probs := app.Validate(out); app.HasFatal(probs) {
		return fail("merge result has fatal problems: %v", probs[0])
	}

	// Deterministic, idempotent, and the same either way round.
	again, _, _ := app.Merge(ma, mb, opt)
	if canon(t, again) != canon(t, out) {
		return fail("merge is not deterministic")
	}
	for _, m := range []*app.Meeting{ma, mb} {
		self, rep, _ := app.Merge(m, m, opt)
		if canon(t, self) != canon(t, m) || rep.Changed() {
			return fail("merge(A, A) != A")
		}
		re, rep, _ := app.Merge(out, m, opt)
		if canon(t, re) != canon(t, out) || rep.New != 0 {
			return fail("merging the result with an input again changed it: %v", rep.Summary())
		}
	}
	back, _, err := app.Merge(mb, ma, app.MergeOptions{MineLabel: "b.parley", TheirsLabel: "a.parley"})
	if err != nil {
		return fail("merge back: %v", err)
	}
	if msg := sameUpToSides(out, back); msg != "" {
		return fail("merge(A, B) and merge(B, A) differ: %s", msg)
	}
	return true
}

// sameUpToSides compares merge(A, B) with merge(B, A): the same records,
// clock, tombstones and conflicts, with mine and theirs swapped, and the
// same values except in fields in conflict.
func sameUpToSides(ab, ba *app.Meeting) string {
	if canonClock(ab.Clock) != canonClock(ba.Clock) {
		return "clocks"
	}
	dead := func(m *app.Meeting) string {
		var s []string
		for _, t := range m.Deleted {
			s = append(s, fmt.Sprint(t))
		}
		sort.Strings(s)
		return strings.Join(s, ",")
	}
	if dead(ab) != dead(ba) {
		return "tombstones"
	}
	cb := map[string]app.Conflict{}
	for _, c := range ba.Conflicts {
		cb[c.ID] = c
	}
	inConflict := map[string]bool{}
	if len(ab.Conflicts) != len(ba.Conflicts) {
		return "number of conflicts"
	}
	for _, c := range ab.Conflicts {
		d, ok := cb[c.ID]
		if !ok {
			return "conflict " + c.ID + " only one way"
		}
		if !bytes.Equal(c.Mine, d.Theirs) || !bytes.Equal(c.Theirs, d.Mine) {
			return "conflict " + c.Where + " values"
		}
		inConflict[c.Record+"."+c.Field] = true
	}
	ia, ib := ab.Index(), ba.Index()
	if len(ia) != len(ib) {
		return "records"
	}
	for id, ra := range ia {
		rb, ok := ib[id]
		if !ok {
			return "record " + id
		}
		for _, f := range app.FieldNames(ra.Record) {
			if inConflict[id+"."+f] {
				continue
			}
			va, _ := app.GetField(ra.Record, f)
			vb, _ := app.GetField(rb.Record, f)
			if !app.FieldEqual(va, vb) {
				return fmt.Sprintf("%s.%s: %#v | %#v", id, f, va, vb)
			}
		}
	}
	return ""
}

func canonClock(c app.Clock) string {
	var s []string
	for k, v := range c {
		s = append(s, fmt.Sprintf("%s:%d", k, v))
	}
	sort.Strings(s)
	return strings.Join(s, ",")
}
