package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/storage"
)

// startTimers writes a recovery copy of unsaved work every
// storage.RecoveryInterval, and keeps the file's lock fresh.
func (e *Editor) startTimers() {
	if e.stop != nil {
		return
	}
	e.stop = make(chan struct{})
	stop := e.stop
	go func() {
		t := time.NewTicker(storage.RecoveryInterval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(e.tick)
			}
		}
	}()
}

func (e *Editor) stopTimers() {
	if e.stop != nil {
		close(e.stop)
		e.stop = nil
	}
}

// tick is the timer's work, on the UI goroutine: copy the meeting, write
// the copy in the background.
func (e *Editor) tick() {
	e.checkLock()
	if e.rec == nil || !e.doc.Dirty() {
		return
	}
	// Noted here, with the clone: a save or a quit that discards the copy
	// before the write below is done makes it write nothing.
	m, p, fp := e.doc.Meeting().Clone(), e.rec.Pending(e.path), e.fp
	e.background(func() (any, error) { return nil, p.Write(m, fp) }, func(_ any, err error) {
		if err != nil {
			e.status.SetText("Recovery copy not written: " + err.Error())
		}
	})
}

// writeRecovery writes the recovery copy now (tests, and before risky work).
func (e *Editor) writeRecovery() error {
	if e.rec == nil {
		return nil
	}
	return e.rec.Write(e.path, e.doc.Meeting().Clone(), e.fp)
}

// offerRecovery asks about copies of unsaved work left by a Parley that
// stopped without saving: all of them at start (path ""), or the one for a
// file just opened.
func (e *Editor) offerRecovery(path string) {
	if e.rec == nil {
		return
	}
	copies, err := e.rec.List()
	if err != nil {
		return
	}
	for _, c := range copies {
		if c.Live || (path != "" && c.Original != path) {
			continue
		}
		e.askRestore(c)
		return // one at a time: the next start (or open) offers the rest
	}
}

func (e *Editor) askRestore(c storage.RecoveryCopy) {
	e.cover(c.Name())
	msg := widget.NewLabel(fmt.Sprintf("Parley stopped without saving the changes to %s. A recovery copy from %s is kept.\n"+
		"Restore it to go on where you were, or discard it.", c.Name(), c.Saved.Local().Format("Monday 2 January 15:04")))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	restore := widget.NewButton("Restore", func() { d.Hide(); e.restore(c) })
	restore.Importance = widget.HighImportance
	discard := widget.NewButton("Discard", func() {
		d.Hide()
		confirm(e, "Discard recovery copy", "Discard the unsaved changes to "+c.Name()+"? This cannot be undone.", "Discard",
			func() { e.rec.DiscardCopy(c) })
	})
	later := widget.NewButton("Later", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes recovered", msg, e.win)
	d.SetButtons([]fyne.CanvasObject{later, discard, restore})
	d.Resize(fyne.NewSize(560, 180))
	d.Show()
}

// restore opens a recovery copy as unsaved changes to its original file.
// It is read in the background: an encrypted copy asks for its passphrase.
func (e *Editor) restore(c storage.RecoveryCopy) {
	e.background(func() (any, error) {
		m, _, err := e.rec.Read(c)
		return m, err
	}, func(v any, err error) {
		if err != nil {
			e.showError("Cannot restore the recovery copy", err)
			return
		}
		e.restored(c, v.(*app.Meeting))
	})
}

// restored shows a recovery copy read.
func (e *Editor) restored(c storage.RecoveryCopy, m *app.Meeting) {
	show := func(lk *storage.FileLock) {
		label := "Recovered"
		if c.Original != "" {
			label = ""
		}
		doc := app.NewDocument(m)
		doc.MarkUnsaved()
		e.setDocument(doc, c.Original, label)
		e.fp = c.Base
		e.holdLock(lk)
		// Opening it discarded the copy (the window's own, when the
		// meeting was open here): the unsaved work gets it back at once.
		if err := e.writeRecovery(); err != nil {
			e.status.SetText("Recovery copy not written: " + err.Error())
		}
	}
	if c.Original == "" {
		show(nil)
		return
	}
	e.lockThen(c.Original, show)
}
