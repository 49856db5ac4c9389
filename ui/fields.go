package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// isUndo and isRedo recognise the undo and redo shortcuts, so that entries
// hand them to the document instead of keeping a history of their own.
func isUndo(s fyne.Shortcut) bool {
	if _, ok := s.(*fyne.ShortcutUndo); ok {
		return true
	}
	cs, ok := s.(*desktop.CustomShortcut)
	return ok && cs.KeyName == fyne.KeyZ && cs.Modifier == fyne.KeyModifierShortcutDefault
}

func isRedo(s fyne.Shortcut) bool {
	if _, ok := s.(*fyne.ShortcutRedo); ok {
		return true
	}
	cs, ok := s.(*desktop.CustomShortcut)
	return ok && ((cs.KeyName == fyne.KeyZ && cs.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift) ||
		(cs.KeyName == fyne.KeyY && cs.Modifier == fyne.KeyModifierShortcutDefault))
}

// binding names the field an input edits: a record kind, ID and field.
type binding struct {
	kind  app.Kind
	id    string
	field string
}

// fieldEntry is an entry whose text goes to the meeting as edits through
// the document: bound to a record's field (bind), or through an app ...Edit
// method (edit). Consecutive keystrokes fold into one undo step; undo and
// redo go to the document; a multi-line entry grows with its text.
type fieldEntry struct {
	plainEntry
	label string
	// b is the field the entry is bound to (bind).
	b binding
	// parse turns the text into the field's value; nil keeps the text. A
	// parse error leaves the model unchanged and shows on the entry.
	parse func(string) (any, error)
	// edit, when set, turns the text into the edit instead (SetTextEdit
	// keeps a paragraph's brackets); a refused edit is shown with the
	// entry's label as title.
	edit func(string) (app.Edit, error)
	// trimmed: the model keeps the text trimmed, so the entry is not
	// reloaded while it differs only in surrounding space (typing "a ").
	trimmed bool
	loading bool
	// onShortcut sees shortcuts other than undo and redo first (Ctrl+B
	// brackets the selection), since a focused entry keeps them from the
	// window; it reports whether it used one.
	onShortcut func(fyne.Shortcut) bool
	// grow makes a multi-line entry as tall as its text (up to maxRows);
	// onRows runs when its number of rows changes.
	grow             bool
	minRows, maxRows int
	rows             int
	onRows           func()
	// changedHook is called after the user's text was applied.
	changedHook func(string)
}

func newFieldEntry(ed *Editor, label string, multiLine bool) *fieldEntry {
	return newEntry(ed, label, multiLine, 2, 18)
}

// newEditEntry makes an entry whose text becomes an edit through an app
// ...Edit method (set edit); title names refusals.
func newEditEntry(ed *Editor, title string, multiLine bool) *fieldEntry {
	return newEntry(ed, title, multiLine, 3, 16)
}

func newEntry(ed *Editor, label string, multiLine bool, minRows, maxRows int) *fieldEntry {
	f := &fieldEntry{plainEntry: plainEntry{ed: ed}, label: label, minRows: minRows, maxRows: maxRows}
	f.MultiLine = multiLine
	if multiLine {
		f.Wrapping = fyne.TextWrapWord
		f.grow = true
		f.SetMinRowsVisible(f.minRows)
	}
	f.ExtendBaseWidget(f)
	f.OnChanged = f.userChanged
	return f
}

// bind points the entry at a field and shows its value.
func (f *fieldEntry) bind(b binding, value string) {
	f.b = b
	if f.parse != nil && f.Validator == nil {
		// Entries that parse show their errors (and only those entries
		// carry the validation mark).
		f.Validator = func(s string) error {
			_, err := f.parse(s)
			return err
		}
	}
	f.load(value)
}

// load shows a value from the model without applying an edit.
func (f *fieldEntry) load(value string) {
	if f.Text != value && !(f.trimmed && strings.TrimSpace(f.Text) == value) {
		f.loading = true
		f.SetText(value)
		f.loading = false
	}
	f.fit()
}

func (f *fieldEntry) userChanged(s string) {
	f.ed.coverTyped(s)
	f.fit()
	if f.loading {
		return
	}
	if f.edit != nil {
		ed, err := f.edit(s)
		if err == nil && len(ed.Ops) > 0 {
			err = f.ed.doc.Apply(ed)
		}
		if err != nil {
			f.ed.showError(f.label, err)
		}
		return
	}
	if f.b.id == "" {
		return
	}
	var v any = s
	if f.parse != nil {
		pv, err := f.parse(s)
		if err != nil {
			return // the entry shows the error (Validator)
		}
		v = pv
	}
	f.ed.apply(app.Edit{Label: "Edit " + f.label, Coalesce: f.b.id + "/" + f.b.field,
		Ops: []app.Op{app.Set(f.b.kind, f.b.id, f.b.field, v)}})
	if f.changedHook != nil {
		f.changedHook(s)
	}
}

// fit grows a multi-line entry with its text.
func (f *fieldEntry) fit() {
	if !f.grow {
		return
	}
	// About how many characters fit on a row of the entry as laid out.
	perRow := 60
	if w := f.Size().Width; w > 0 {
		perRow = max(20, int(w/(theme.TextSize()*0.55)))
	}
	rows := 0
	for _, line := range strings.Split(f.Text, "\n") {
		rows += 1 + utf8.RuneCountInString(line)/perRow
	}
	rows = max(f.minRows, min(rows, f.maxRows))
	if rows == f.rows {
		return
	}
	f.rows = rows
	f.SetMinRowsVisible(rows)
	if f.onRows != nil {
		f.onRows()
	}
}

// Resize re-fits a growing entry to its new width.
func (f *fieldEntry) Resize(s fyne.Size) {
	old := f.Size()
	f.Entry.Resize(s)
	if f.grow && s.Width != old.Width {
		f.fit()
	}
}

// TypedShortcut sends undo and redo to the document, and other shortcuts
// to onShortcut first.
func (f *fieldEntry) TypedShortcut(s fyne.Shortcut) {
	switch {
	case isUndo(s):
		f.ed.undo()
	case isRedo(s):
		f.ed.redo()
	case f.onShortcut != nil && f.onShortcut(s):
	default:
		f.plainEntry.TypedShortcut(s)
	}
}

// selection returns the selected passage as rune offsets in the entry's
// text. Fyne tells the selected text and the cursor, which is at one end
// of the selection: the end when selecting forwards (the usual way),
// the start when selecting backwards.
func (f *fieldEntry) selection() (start, end int, ok bool) {
	sel := f.SelectedText()
	if sel == "" {
		return 0, 0, false
	}
	n := utf8.RuneCountInString(sel)
	cur := f.CursorTextOffset()
	r := []rune(f.Text)
	if cur-n >= 0 && cur <= len(r) && string(r[cur-n:cur]) == sel {
		return cur - n, cur, true
	}
	if cur >= 0 && cur+n <= len(r) && string(r[cur:cur+n]) == sel {
		return cur, cur + n, true
	}
	return 0, 0, false
}

// intParser parses a whole number of at least min.
func intParser(min int, what string) func(string) (any, error) {
	return func(s string) (any, error) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < min {
			return nil, fieldError(what + ": enter a whole number of at least " + strconv.Itoa(min))
		}
		return n, nil
	}
}

// clockParser accepts an empty text or a time HH:MM.
func clockParser(optional bool) func(string) (any, error) {
	return func(s string) (any, error) {
		s = strings.TrimSpace(s)
		if s == "" && optional {
			return "", nil
		}
		if _, err := app.ParseClock(s); err != nil {
			return nil, err
		}
		return s, nil
	}
}

type fieldError string

func (e fieldError) Error() string { return string(e) }

// fieldCheck is a check box bound to a boolean field; put its Check in
// containers.
type fieldCheck struct {
	*widget.Check
	ed      *Editor
	b       binding
	loading bool
}

func newFieldCheck(ed *Editor, text, label string) *fieldCheck {
	c := &fieldCheck{ed: ed}
	c.Check = widget.NewCheck(text, func(v bool) {
		if c.loading || c.b.id == "" {
			return
		}
		c.ed.apply(app.Edit{Label: label, Ops: []app.Op{app.Set(c.b.kind, c.b.id, c.b.field, v)}})
	})
	return c
}

func (c *fieldCheck) bind(b binding, v bool) {
	c.b = b
	c.load(v)
}

func (c *fieldCheck) load(v bool) {
	if c.Checked != v {
		c.loading = true
		c.SetChecked(v)
		c.loading = false
	}
}

// fieldSelect is a drop-down bound to a field; options map shown text to
// stored values. Put its Select in containers.
type fieldSelect struct {
	*widget.Select
	ed      *Editor
	b       binding
	label   string
	values  []string
	loading bool
}

func newFieldSelect(ed *Editor, label string) *fieldSelect {
	s := &fieldSelect{ed: ed, label: label}
	s.Select = widget.NewSelect(nil, func(text string) {
		if s.loading || s.b.id == "" {
			return
		}
		i := indexOfString(s.Options, text)
		if i < 0 {
			return
		}
		s.ed.apply(app.Edit{Label: "Set " + s.label, Ops: []app.Op{app.Set(s.b.kind, s.b.id, s.b.field, s.values[i])}})
	})
	return s
}

// setOptions sets the shown texts and the values they stand for.
func (s *fieldSelect) setOptions(texts, values []string) {
	s.loading = true
	s.Options = texts
	s.values = values
	s.Refresh()
	s.loading = false
}

func (s *fieldSelect) bind(b binding, value string) {
	s.b = b
	s.load(value)
}

func (s *fieldSelect) load(value string) {
	s.loading = true
	defer func() { s.loading = false }()
	i := indexOfString(s.values, value)
	if i < 0 {
		s.ClearSelected()
		return
	}
	if s.Selected != s.Options[i] {
		s.SetSelected(s.Options[i])
	}
}

func indexOfString(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// enumStrings converts a list of string enums.
func enumStrings[T ~string](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// plainEntry is an entry whose typed or pasted text joins the window's
// text font before the entry draws it (Editor.coverInput). On its own it
// holds text that is not yet a field of the meeting (a search, a new
// draft's label, a value to settle a conflict with); fieldEntry builds on
// it.
type plainEntry struct {
	widget.Entry
	ed *Editor
}

func newPlainEntry(ed *Editor, multiLine bool) *plainEntry {
	p := &plainEntry{ed: ed}
	p.MultiLine = multiLine
	if multiLine {
		p.Wrapping = fyne.TextWrapWord
	}
	p.ExtendBaseWidget(p)
	return p
}

// TypedRune takes a typed character.
func (p *plainEntry) TypedRune(r rune) {
	p.ed.coverInput(string(r))
	p.Entry.TypedRune(r)
}

// TypedShortcut takes a shortcut; a paste brings the clipboard's text.
func (p *plainEntry) TypedShortcut(s fyne.Shortcut) {
	if paste, ok := s.(*fyne.ShortcutPaste); ok && paste.Clipboard != nil {
		p.ed.coverInput(paste.Clipboard.Content())
	}
	p.Entry.TypedShortcut(s)
}
