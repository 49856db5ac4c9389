package ui

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/storage"
	"parley/storage/trash"
)

// Carrying a meeting: encryption with a passphrase (File > Encrypt with
// Passphrase…, Remove Encryption…), the passphrase dialog for encrypted
// files, and sync tools' conflicted copies offered for merging when a
// meeting opens.

// windowPassphrase asks for passphrases with a dialog in the window. It is
// called from the goroutine that reads the file, never the UI's.
type windowPassphrase struct{ e *Editor }

// Passphrase implements storage.PassphraseSource.
func (w windowPassphrase) Passphrase(path string, again bool) (string, error) {
	type answer struct {
		pass string
		ok   bool
	}
	ch := make(chan answer, 1)
	fyne.Do(func() {
		w.e.askPassphrase(path, again, func(p string, ok bool) { ch <- answer{p, ok} })
	})
	a := <-ch
	if !a.ok {
		return "", fmt.Errorf("%w: cancelled", storage.ErrNoPassphrase)
	}
	return a.pass, nil
}

// askPassphrase shows the password dialog for an encrypted file.
func (e *Editor) askPassphrase(path string, again bool, done func(string, bool)) {
	entry := widget.NewPasswordEntry()
	entry.SetPlaceHolder("Passphrase")
	text := filepath.Base(path) + " is encrypted. Enter its passphrase to open it."
	if again {
		text = "Wrong passphrase for " + filepath.Base(path) + ". Try again (letters, accents and case count)."
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	answered := false
	finish := func(ok bool) {
		if answered {
			return
		}
		if ok && entry.Text == "" {
			return
		}
		answered = true
		d.Hide()
		done(entry.Text, ok)
	}
	entry.OnSubmitted = func(string) { finish(true) }
	open := widget.NewButton("Open", func() { finish(true) })
	open.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { finish(false) })
	d = dialog.NewCustomWithoutButtons("Encrypted meeting", container.NewVBox(msg, entry), e.win)
	d.SetButtons([]fyne.CanvasObject{cancel, open})
	d.SetOnClosed(func() { finish(false) })
	d.Resize(fyne.NewSize(460, 170))
	d.Show()
	e.win.Canvas().Focus(entry)
}

// encryptDialog is File > Encrypt with Passphrase…: choose a passphrase
// (twice); the meeting is saved encrypted at once, and every later save and
// recovery copy is encrypted too.
func (e *Editor) encryptDialog() {
	first, second := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	first.SetPlaceHolder("Passphrase")
	second.SetPlaceHolder("The same again")
	title := "Encrypt with Passphrase"
	text := "Anyone who opens the file will need this passphrase. Without it the meeting cannot be recovered: keep it safe, apart from the file."
	if storage.Encrypted(e.path) {
		title = "Change Passphrase"
		text = "Choose the new passphrase. " + text
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	var d *dialog.CustomDialog
	ok := widget.NewButton("Encrypt and Save", func() {
		switch {
		case first.Text == "":
			problem.SetText("The passphrase is empty.")
			return
		case first.Text != second.Text:
			problem.SetText("The two passphrases differ.")
			return
		}
		if err := storage.SetPassphrase(e.path, first.Text); err != nil {
			problem.SetText(err.Error())
			return
		}
		d.Hide()
		e.save(func() { e.refreshChrome() })
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	second.OnSubmitted = func(string) { ok.OnTapped() }
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, first, second, problem), e.win)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fyne.NewSize(480, 280))
	d.Show()
	e.win.Canvas().Focus(first)
}

// decryptDialog is File > Remove Encryption…: after asking, the meeting is
// saved without encryption.
func (e *Editor) decryptDialog() {
	if !storage.Encrypted(e.path) {
		dialog.ShowInformation("Not encrypted", e.name()+" is not encrypted.", e.win)
		return
	}
	confirm(e, "Remove Encryption", "Save "+e.name()+" without encryption? Anyone who has the file can then read it.", "Remove and Save", func() {
		path := e.path
		storage.ClearPassphrase(path)
		e.save(func() { e.refreshChrome() })
	})
}

// offerConflictedCopies looks beside path for copies of the open meeting a
// sync tool left after a conflict, and offers to merge each in.
func (e *Editor) offerConflictedCopies(path string) {
	id := e.doc.Meeting().Details.ID
	e.background(func() (any, error) {
		return storage.FindConflictedCopies(path, id), nil
	}, func(v any, _ error) {
		if e.path == path {
			e.offerConflictedCopy(v.([]storage.ConflictedCopy))
		}
	})
}

// offerConflictedCopy offers the first copy, then the rest.
func (e *Editor) offerConflictedCopy(copies []storage.ConflictedCopy) {
	if len(copies) == 0 {
		return
	}
	c, rest := copies[0], copies[1:]
	next := func() { e.offerConflictedCopy(rest) }
	name := filepath.Base(c.Path)
	msg := widget.NewLabel(fmt.Sprintf("%s left a conflicted copy of this meeting beside it:\n\n%s\n(changed %s)\n\n"+
		"It holds changes made on another computer at the same time.\nMerge them into the open meeting?",
		c.Service, name, c.Modified.Local().Format("2006-01-02 15:04")))
	var d *dialog.CustomDialog
	merge := widget.NewButton("Merge…", func() {
		d.Hide()
		e.mergeFileWith(c.Path, false, nil, false, func() { e.offerTrash(c.Path, next) })
	})
	merge.Importance = widget.HighImportance
	later := widget.NewButton("Not Now", func() { d.Hide(); next() })
	d = dialog.NewCustomWithoutButtons("Conflicted copy found", msg, e.win)
	d.SetButtons([]fyne.CanvasObject{later, merge})
	d.Resize(fyne.NewSize(520, 10))
	d.Show()
}

// offerTrash, after a merge that left no conflicts, offers to move the
// merged copy to the trash; then runs next.
func (e *Editor) offerTrash(path string, next func()) {
	if len(e.doc.Meeting().Conflicts) > 0 {
		next()
		return
	}
	name := filepath.Base(path)
	msg := widget.NewLabel("The copy merged without conflicts. Move " + name + " to the trash? (Save the meeting to keep the merge.)")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Merged", "Move to Trash", "Keep It", msg, func(ok bool) {
		if ok {
			if err := trash.Move(path); err != nil {
				e.showError("Cannot move the copy to the trash", errors.New(name+": "+err.Error()))
			}
		}
		next()
	}, e.win)
	d.Resize(fyne.NewSize(480, 170))
	d.Show()
}
