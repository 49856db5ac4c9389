package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// treatyWords is the dialog that edits the less-than-treaty lint's word
// list (Statement.TreatyWords); saving is one undoable edit.
type treatyWords struct {
	ed   *Editor
	rows *fyne.Container
	list []*treatyWordRow
	d    *dialog.ConfirmDialog
}

type treatyWordRow struct {
	word, suggestion *plainEntry
	box              fyne.CanvasObject
}

// showTreatyWords opens the treaty-word list of the open statement.
func showTreatyWords(ed *Editor) *treatyWords {
	st := ed.doc.Meeting().Statement
	t := &treatyWords{ed: ed, rows: container.NewVBox()}
	t.fill(st.TreatyWordList())
	add := widget.NewButtonWithIcon("Add word", theme.ContentAddIcon(), func() {
		r := t.addRow(app.TreatyWord{})
		t.rows.Refresh()
		ed.win.Canvas().Focus(r.word)
	})
	defaults := widget.NewButton("Restore the default list", func() {
		t.fill(app.DefaultTreatyWords())
	})
	note := widget.NewLabel("A word or phrase matches as whole words; one that starts with a capital (Parties, Article) " +
		"matches only that spelling. Some words are judged by their neighbours whatever the list: \"agreed\" in past-tense " +
		"narrative, \"non-binding\" and \"obligations under\" pass.")
	note.Wrapping = fyne.TextWrapWord
	head := container.NewGridWithColumns(2, subheading("Word or phrase"), subheading("Suggestion"))
	content := container.NewBorder(container.NewVBox(note, head), container.NewHBox(add, defaults), nil, nil,
		container.NewVScroll(t.rows))
	t.d = dialog.NewCustomConfirm("Treaty words", "Save", "Cancel", content, func(ok bool) {
		if ok {
			t.save()
		}
	}, ed.win)
	t.d.Resize(fyne.NewSize(820, 600))
	t.d.Show()
	return t
}

func (t *treatyWords) fill(words []app.TreatyWord) {
	t.rows.Objects, t.list = nil, nil
	for _, w := range words {
		t.addRow(w)
	}
	t.rows.Refresh()
}

func (t *treatyWords) addRow(w app.TreatyWord) *treatyWordRow {
	r := &treatyWordRow{word: newPlainEntry(t.ed, false), suggestion: newPlainEntry(t.ed, false)}
	r.word.SetText(w.Word)
	r.suggestion.SetText(w.Suggestion)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	r.box = container.NewBorder(nil, nil, nil, del, container.NewGridWithColumns(2, r.word, r.suggestion))
	del.OnTapped = func() {
		t.list = slices.DeleteFunc(t.list, func(x *treatyWordRow) bool { return x == r })
		t.rows.Remove(r.box)
	}
	t.list = append(t.list, r)
	t.rows.Add(r.box)
	return r
}

// words is the list as edited, without empty rows.
func (t *treatyWords) words() []app.TreatyWord {
	var out []app.TreatyWord
	for _, r := range t.list {
		w := app.TreatyWord{Word: strings.TrimSpace(r.word.Text), Suggestion: strings.TrimSpace(r.suggestion.Text)}
		if w.Word != "" {
			out = append(out, w)
		}
	}
	return out
}

// save sets the statement's list; a list equal to the default is kept as
// "the default" (no list of its own) so it follows later defaults.
func (t *treatyWords) save() {
	m := t.ed.doc.Meeting()
	words := t.words()
	if slices.Equal(words, app.DefaultTreatyWords()) {
		words = nil
	}
	if slices.Equal(words, m.Statement.TreatyWords) {
		return
	}
	t.ed.apply(app.Edit{Label: "Edit treaty words", Ops: []app.Op{app.Set(app.KindStatement, m.Statement.ID, "treatyWords", words)}})
}
