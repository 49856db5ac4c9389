package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// editEntry is an entry whose text goes to the meeting through an app
// ...Edit method: edit turns the typed text into the edit (the method
// decides how; SetTextEdit keeps brackets, SetLeadInEdit trims). Undo and
// redo go to the document; onShortcut sees other shortcuts first (Ctrl+B
// brackets the selection), since a focused entry keeps them from the
// window.
type editEntry struct {
	widget.Entry
	ed      *Editor
	title   string
	edit    func(string) (app.Edit, error)
	loading bool
	// trimmed: the model keeps the text trimmed, so the entry is not
	// reloaded while it differs only in surrounding space (typing "a ").
	trimmed    bool
	onShortcut func(fyne.Shortcut) bool
	// grow makes a multi-line entry as tall as its text.
	grow             bool
	minRows, maxRows int
	rows             int
	// onRows runs when a growing entry changes its number of rows.
	onRows func()
}

func newEditEntry(ed *Editor, title string, multiLine bool) *editEntry {
	f := &editEntry{ed: ed, title: title, minRows: 3, maxRows: 16}
	f.MultiLine = multiLine
	if multiLine {
		f.Wrapping = fyne.TextWrapWord
		f.grow = true
		f.SetMinRowsVisible(f.minRows)
	}
	f.ExtendBaseWidget(f)
	f.OnChanged = f.typed
	return f
}

func (f *editEntry) typed(s string) {
	f.fit()
	if f.loading || f.edit == nil {
		return
	}
	ed, err := f.edit(s)
	if err == nil && len(ed.Ops) > 0 {
		err = f.ed.doc.Apply(ed)
	}
	if err != nil {
		f.ed.showError(f.title, err)
	}
}

// load shows the model's value without applying an edit.
func (f *editEntry) load(value string) {
	if f.Text == value || (f.trimmed && strings.TrimSpace(f.Text) == value) {
		return
	}
	f.loading = true
	f.SetText(value)
	f.loading = false
	f.fit()
}

// fit grows a multi-line entry with its text.
func (f *editEntry) fit() {
	if !f.grow {
		return
	}
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
func (f *editEntry) Resize(s fyne.Size) {
	old := f.Size()
	f.Entry.Resize(s)
	if f.grow && s.Width != old.Width {
		f.fit()
	}
}

// TypedShortcut sends undo and redo to the document and the view's own
// shortcuts to the view.
func (f *editEntry) TypedShortcut(s fyne.Shortcut) {
	switch {
	case isUndo(s):
		f.ed.undo()
	case isRedo(s):
		f.ed.redo()
	case f.onShortcut != nil && f.onShortcut(s):
	default:
		f.Entry.TypedShortcut(s)
	}
}

// selection returns the selected passage as rune offsets in the entry's
// text. Fyne tells the selected text and the cursor, which is at one end
// of the selection: the end when selecting forwards (the usual way),
// the start when selecting backwards.
func (f *editEntry) selection() (start, end int, ok bool) {
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
