package ui

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/storage"
)

// nextMeeting prepares the next meeting of the series from the open one
// (File > New Meeting in This Series…): it asks for the meeting number
// when the open meeting has none, then where to save the new file, writes
// it, opens it and shows what carried over. The open meeting's file is
// left as it is.
func (e *Editor) nextMeeting() {
	m := e.doc.Meeting()
	if len(m.Conflicts) > 0 {
		_, _, err := app.Next(m, app.NextOptions{})
		e.showError("Settle the merge conflicts first", err)
		e.showView("problems")
		return
	}
	if m.Details.Ordinal <= 0 {
		e.askOrdinal(func(n int) { e.chooseNext(app.NextOptions{Ordinal: n}) })
		return
	}
	e.chooseNext(app.NextOptions{})
}

// askOrdinal asks for the next meeting's number.
func (e *Editor) askOrdinal(then func(int)) {
	num := widget.NewEntry()
	num.SetPlaceHolder("3")
	num.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 1 {
			return errors.New("a number of 1 or more")
		}
		return nil
	}
	note := widget.NewLabel("This meeting has no number in the series (Overview), so the next one's is unknown.")
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", note), widget.NewFormItem("Next meeting's number", num)}
	d := dialog.NewForm("Number of the next meeting", "Continue", "Cancel", items, func(ok bool) {
		if n, err := strconv.Atoi(strings.TrimSpace(num.Text)); ok && err == nil {
			then(n)
		}
	}, e.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

// chooseNext builds the next meeting, asks where to save it, writes it
// off the UI goroutine and opens it with the summary.
func (e *Editor) chooseNext(o app.NextOptions) {
	o.File = filepath.Base(e.path)
	if e.path == "" {
		o.File = ""
	}
	next, sum, err := app.Next(e.doc.Meeting(), o)
	if err != nil {
		e.showError("Cannot prepare the next meeting", err)
		return
	}
	e.chooseSave(suggestFileName(next)+storage.Extension, storage.Extension, func(path string) {
		e.writeNext(path, next, sum)
	})
}

// writeNext saves the next meeting to path (a new file, never the open
// meeting's) off the UI goroutine, then opens it and shows the summary.
func (e *Editor) writeNext(path string, next *app.Meeting, sum app.NextSummary) {
	if e.path != "" && filepath.Clean(path) == filepath.Clean(e.path) {
		e.showError("Cannot prepare the next meeting", errors.New(filepath.Base(path)+
			" is this meeting's file: save the next meeting as a new file"))
		return
	}
	e.background(func() (any, error) {
		return storage.SaveChecked(path, next, storage.Fingerprint{})
	}, func(v any, err error) {
		if err != nil {
			e.showError("Cannot save the next meeting", err)
			return
		}
		fp := v.(storage.Fingerprint)
		e.confirmDiscard("opening the next meeting", func() {
			e.lockThen(path, func(lk *storage.FileLock) {
				e.opened(next, path, fp, lk)
				e.showView("overview")
				showNextSummary(e, path, sum)
			})
		})
	})
}

// showNextSummary shows what carried over to the next meeting.
func showNextSummary(e *Editor, path string, sum app.NextSummary) {
	section := func(title string, lines []string) fyne.CanvasObject {
		box := container.NewVBox(heading(title))
		for _, l := range lines {
			lb := widget.NewLabel("• " + l)
			lb.Wrapping = fyne.TextWrapWord
			box.Add(lb)
		}
		return box
	}
	intro := widget.NewLabel(sum.Title + " is saved as " + filepath.Base(path) +
		". Confirm the delegations in the Delegations view; the briefs keep last time's text to pull from.")
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, section("Carried over", sum.Carried), section("Increased or reset", sum.Changed))
	d := dialog.NewCustom("What carried over", "Close", container.NewVScroll(content), e.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}
