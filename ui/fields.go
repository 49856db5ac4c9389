package ui

import (
	"strconv"
	"strings"

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

// fieldEntry is an entry bound to a text field of a record. Typing applies
// an edit through the document (consecutive keystrokes fold into one undo
// step); undo and redo go to the document.
type fieldEntry struct {
	widget.Entry
	ed      *Editor
	b       binding
	label   string
	loading bool
	// parse turns the text into the field's value; nil keeps the text. A
	// parse error leaves the model unchanged and shows on the entry.
	parse func(string) (any, error)
	// grow makes a multi-line entry as tall as its text (up to max rows).
	grow    bool
	minRows int
	maxRows int
	// changedHook is called after the user's text was applied.
	changedHook func(string)
}

func newFieldEntry(ed *Editor, label string, multiLine bool) *fieldEntry {
	f := &fieldEntry{ed: ed, label: label, minRows: 2, maxRows: 18}
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
	if f.Text != value {
		f.loading = true
		f.SetText(value)
		f.loading = false
	}
	f.fit()
}

func (f *fieldEntry) userChanged(s string) {
	f.fit()
	if f.loading || f.b.id == "" {
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
		rows += 1 + len([]rune(line))/perRow
	}
	rows = max(f.minRows, min(rows, f.maxRows))
	f.SetMinRowsVisible(rows)
}

// Resize re-fits a growing entry to its new width.
func (f *fieldEntry) Resize(s fyne.Size) {
	old := f.Size()
	f.Entry.Resize(s)
	if f.grow && s.Width != old.Width {
		f.fit()
	}
}

// TypedShortcut sends undo and redo to the document.
func (f *fieldEntry) TypedShortcut(s fyne.Shortcut) {
	switch {
	case isUndo(s):
		f.ed.undo()
	case isRedo(s):
		f.ed.redo()
	default:
		f.Entry.TypedShortcut(s)
	}
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
