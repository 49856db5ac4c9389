package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/storage"
)

// mergeDialog is File > Merge With…: pick another copy of the meeting and
// merge it into the open one.
func (e *Editor) mergeDialog() {
	e.chooseOpen([]string{storage.Extension}, func(path string) { e.mergeFile(path, false, nil) })
}

// mergeWithDisk merges the copy on disk (changed since it was opened) into
// the open meeting, then saves the result over it.
func (e *Editor) mergeWithDisk(path string, after func()) {
	e.mergeFile(path, true, after)
}

type mergeInput struct {
	theirs *app.Meeting
	fp     storage.Fingerprint
	result *app.Meeting
	report app.MergeReport
}

// mergeFile reads a copy and merges it in the background, then shows what
// the merge does and the conflicts to settle. With save, the merged result
// is written over path (the copy on disk) once applied.
func (e *Editor) mergeFile(path string, save bool, after func()) {
	e.mergeFileWith(path, save, after, false, nil)
}

// mergeFileWith is mergeFile; force merges even another meeting, and
// merged, if given, runs once the merge is applied.
func (e *Editor) mergeFileWith(path string, save bool, after func(), force bool, merged func()) {
	mine := e.doc.Meeting().Clone()
	opt := app.MergeOptions{MineLabel: e.name(), TheirsLabel: filepath.Base(path), Force: force}
	if save {
		opt.MineLabel, opt.TheirsLabel = "your copy", "the copy on disk"
	}
	e.background(func() (any, error) {
		theirs, _, fp, err := storage.LoadTracked(path)
		if err != nil {
			return nil, err
		}
		result, report, err := app.Merge(mine, theirs, opt)
		return mergeInput{theirs, fp, result, report}, err
	}, func(v any, err error) {
		if errors.Is(err, app.ErrNotSameMeeting) {
			confirm(e, "Not the same meeting", err.Error()+"\nMerge them anyway?", "Merge Anyway",
				func() { e.mergeFileWith(path, save, after, true, merged) })
			return
		}
		if err != nil {
			e.showError("Cannot merge", err)
			return
		}
		in := v.(mergeInput)
		e.coverAll(in.theirs)
		newMergeReview(e, in, filepath.Base(path), func() {
			if save {
				e.writeTo(path, in.fp, after)
			}
			storage.CarryPassphrase(e.path, path) // merging an encrypted copy in keeps it encrypted
			if merged != nil {
				merged()
			}
		}).show()
	})
}

// name is the open meeting's name for people: its file name or label.
func (e *Editor) name() string {
	if e.path != "" {
		return filepath.Base(e.path)
	}
	return e.label
}

// mergeReview shows a merge's summary and walks through its conflicts.
type mergeReview struct {
	ed      *Editor
	in      mergeInput
	label   string
	applied func()
	choices map[string]app.Resolution
	at      int

	where, mine, theirs *widget.Label
	mineTitle, theirsT  *widget.Label
	choice              *widget.RadioGroup
	edit                *plainEntry
	counter             *widget.Label
	prev, next          *widget.Button
	dlg                 *dialog.CustomDialog
	// storedApply, when set, settles a conflict kept in the open file
	// instead of applying a merge result.
	storedApply func()
}

const (
	keepMine   = "Keep yours"
	takeTheirs = "Take theirs"
	editValue  = "Edit"
)

func newMergeReview(e *Editor, in mergeInput, label string, applied func()) *mergeReview {
	r := &mergeReview{ed: e, in: in, label: label, applied: applied, choices: map[string]app.Resolution{}}
	e.lastMerge = r
	return r
}

func (r *mergeReview) conflicts() []app.Conflict { return r.in.report.Conflicts }

func (r *mergeReview) show() {
	content := container.NewVBox()
	if r.storedApply == nil {
		summary := widget.NewLabel(strings.Join(r.in.report.Summary(), "\n"))
		summary.Wrapping = fyne.TextWrapWord
		content.Add(heading("Merging " + r.label + " into " + r.ed.name()))
		content.Add(summary)
	}
	if n := len(r.conflicts()); n > 0 {
		r.where = widget.NewLabel("")
		r.where.TextStyle = fyne.TextStyle{Bold: true}
		r.where.Wrapping = fyne.TextWrapWord
		r.mineTitle = widget.NewLabel("")
		r.theirsT = widget.NewLabel("")
		r.mine = widget.NewLabel("")
		r.mine.Wrapping = fyne.TextWrapWord
		r.theirs = widget.NewLabel("")
		r.theirs.Wrapping = fyne.TextWrapWord
		r.choice = widget.NewRadioGroup([]string{keepMine, takeTheirs, editValue}, func(string) { r.choose() })
		r.choice.Horizontal = true
		r.edit = newPlainEntry(r.ed, true)
		r.edit.SetMinRowsVisible(3)
		r.edit.OnChanged = func(string) { r.choose() }
		r.counter = widget.NewLabel("")
		r.prev = widget.NewButton("Previous", func() { r.go2(r.at - 1) })
		r.next = widget.NewButton("Next", func() { r.go2(r.at + 1) })
		cards := container.NewGridWithColumns(2,
			container.NewBorder(r.mineTitle, nil, nil, nil, container.NewVScroll(r.mine)),
			container.NewBorder(r.theirsT, nil, nil, nil, container.NewVScroll(r.theirs)))
		note := widget.NewLabel("Conflicts you leave open stay in the file, listed under Problems, until someone settles them.")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		if r.storedApply == nil {
			content.Add(widget.NewSeparator())
		}
		content.Add(container.NewBorder(nil, nil, r.counter, container.NewHBox(r.prev, r.next)))
		content.Add(r.where)
		content.Add(container.NewGridWrap(fyne.NewSize(820, 150), cards))
		content.Add(r.choice)
		content.Add(r.edit)
		content.Add(note)
	}
	cancel := widget.NewButton("Cancel", func() { r.dlg.Hide() })
	applyText := "Apply Merge"
	if r.storedApply != nil {
		applyText = "Settle"
	}
	apply := widget.NewButton(applyText, r.apply)
	apply.Importance = widget.HighImportance
	r.dlg = dialog.NewCustomWithoutButtons("Merge", content, r.ed.win)
	r.dlg.SetButtons([]fyne.CanvasObject{cancel, apply})
	r.dlg.Resize(fyne.NewSize(880, 200))
	if len(r.conflicts()) > 0 {
		r.go2(0)
		r.dlg.Resize(fyne.NewSize(880, 560))
	}
	r.dlg.Show()
}

// go2 shows conflict i.
func (r *mergeReview) go2(i int) {
	cs := r.conflicts()
	if i < 0 || i >= len(cs) {
		return
	}
	r.at = i
	c := cs[i]
	r.counter.SetText(fmt.Sprintf("Conflict %d of %d", i+1, len(cs)))
	r.where.SetText(c.Where)
	r.mineTitle.SetText("Yours (" + orText(c.MineLabel, "this copy") + ")")
	r.theirsT.SetText("Theirs (" + orText(c.TheirsLabel, r.label) + ")")
	r.mine.SetText(c.MineText())
	r.theirs.SetText(c.TheirsText())
	setEnabled(r.prev, i > 0)
	setEnabled(r.next, i < len(cs)-1)
	editable := r.editable(c)
	opts := []string{keepMine, takeTheirs}
	if editable {
		opts = append(opts, editValue)
	}
	r.choice.Options = opts
	res, chosen := r.choices[c.ID]
	r.choice.OnChanged = nil
	switch {
	case !chosen:
		r.choice.SetSelected("")
	case res.Choice == app.ChooseMine:
		r.choice.SetSelected(keepMine)
	case res.Choice == app.ChooseTheirs:
		r.choice.SetSelected(takeTheirs)
	default:
		r.choice.SetSelected(editValue)
	}
	r.choice.OnChanged = func(string) { r.choose() }
	r.edit.OnChanged = nil
	if res.Choice == app.ChooseValue && chosen {
		r.edit.SetText(fmt.Sprint(res.Value))
	} else {
		r.edit.SetText(c.MineText())
	}
	r.edit.OnChanged = func(string) { r.choose() }
	if r.choice.Selected == editValue {
		r.edit.Show()
	} else {
		r.edit.Hide()
	}
}

// editable reports whether the conflict is over a text field the user can
// write a new value for.
func (r *mergeReview) editable(c app.Conflict) bool {
	if c.Deletes() {
		return false
	}
	for _, rec := range r.in.result.Records(c.Kind) {
		if rec.Meta().ID == c.Record {
			v, err := app.GetField(rec, c.Field)
			if err != nil {
				return false
			}
			switch v.(type) {
			case string, app.Spans:
				return true
			}
			return false
		}
	}
	return false
}

// choose records the choice for the conflict shown.
func (r *mergeReview) choose() {
	c := r.conflicts()[r.at]
	switch r.choice.Selected {
	case keepMine:
		r.choices[c.ID] = app.Resolution{Choice: app.ChooseMine}
		r.edit.Hide()
	case takeTheirs:
		r.choices[c.ID] = app.Resolution{Choice: app.ChooseTheirs}
		r.edit.Hide()
	case editValue:
		r.choices[c.ID] = app.Resolution{Choice: app.ChooseValue, Value: r.edit.Text}
		r.edit.Show()
	default:
		delete(r.choices, c.ID)
	}
}

// apply settles the chosen conflicts and puts the result in the document
// as one undoable step.
func (r *mergeReview) apply() {
	if r.storedApply != nil {
		r.storedApply()
		return
	}
	result := r.in.result
	if err := app.Resolve(result, r.ed.doc.Session(), r.choices); err != nil {
		r.ed.showError("Cannot apply the merge", err)
		return
	}
	r.dlg.Hide()
	if !r.in.report.Changed() && len(result.Conflicts) == len(r.ed.doc.Meeting().Conflicts) {
		// Nothing to take (the same copy, or an older one): the meeting
		// stays as it is, saved if it was, with no merge to undo.
		if r.applied != nil {
			r.applied()
		}
		return
	}
	r.ed.doc.Replace(result, "Merge with "+r.label)
	if r.applied != nil {
		r.applied()
	}
}

func orText(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// resolveStoredConflict settles a conflict kept in the file (by an earlier
// merge): keep yours, take theirs, or write a new value.
func (e *Editor) resolveStoredConflict(record, field string) {
	m := e.doc.Meeting()
	var c app.Conflict
	found := false
	for _, x := range m.Conflicts {
		if x.Record == record && x.Field == field {
			c, found = x, true
			break
		}
	}
	if !found {
		return
	}
	in := mergeInput{result: m.Clone(), report: app.MergeReport{Conflicts: []app.Conflict{c}}}
	r := newMergeReview(e, in, orText(c.TheirsLabel, "their copy"), nil)
	r.storedApply = func() {
		res, ok := r.choices[c.ID]
		if !ok {
			r.dlg.Hide()
			return
		}
		ed, err := app.ResolveEdit(e.doc.Meeting(), c.ID, res)
		if err != nil {
			e.showError("Cannot settle the conflict", err)
			return
		}
		if e.apply(ed) {
			r.dlg.Hide()
		}
	}
	r.show()
}
