package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/storage"
)

// agreedSearch is the dialog that finds agreed language in the .parley
// files of a folder (earlier meetings) and inserts a paragraph of it after
// the selected one, with its source recorded.
type agreedSearch struct {
	s       *statementView
	dir     string
	folder  *widget.Label
	query   *plainEntry
	status  *widget.Label
	list    *widget.List
	preview *widget.Label
	insert  *widget.Button
	matches []storage.AgreedMatch
	chosen  int
	busy    bool
	d       dialog.Dialog
}

// showAgreedSearch opens the agreed-language search.
func showAgreedSearch(s *statementView) {
	a := &agreedSearch{s: s, chosen: -1, dir: s.ed.app.Preferences().String(prefAgreedDir)}
	a.folder = widget.NewLabel("")
	a.folder.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), a.chooseFolder)
	a.query = newPlainEntry(a.s.ed, false)
	a.query.SetPlaceHolder("Words the paragraph must contain (empty lists all agreed paragraphs)")
	a.query.OnSubmitted = func(string) { a.search() }
	find := widget.NewButtonWithIcon("Search", theme.SearchIcon(), a.search)
	a.status = widget.NewLabel("")
	a.status.Wrapping = fyne.TextWrapWord
	a.list = widget.NewList(func() int { return len(a.matches) },
		func() fyne.CanvasObject {
			src := widget.NewLabel("3rd Japan-Australia Cyber Policy Dialogue, 2015-05-12, paragraph 4")
			src.SizeName = theme.SizeNameCaptionText
			src.Truncation = fyne.TextTruncateEllipsis
			txt := widget.NewLabel("The Participants will work together…")
			txt.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(txt, src)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(a.matches) {
				return
			}
			mt := a.matches[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(matchText(mt))
			src := strings.TrimPrefix(sourceText(&mt.Source), " from ")
			if mt.Marked {
				src += " · marked as agreed language"
			}
			box.Objects[1].(*widget.Label).SetText(src)
		})
	a.list.OnSelected = func(i widget.ListItemID) {
		a.chosen = i
		a.showChosen()
	}
	a.preview = widget.NewLabel("")
	a.preview.Wrapping = fyne.TextWrapWord
	a.insert = widget.NewButtonWithIcon("Insert", theme.ContentAddIcon(), a.insertChosen)
	a.insert.Importance = widget.HighImportance
	a.showFolder()
	a.showChosen()
	earlier := len(s.ed.doc.Meeting().Statement.Earlier) > 0

	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Folder"), choose, a.folder),
		container.NewBorder(nil, nil, nil, find, a.query),
		a.status)
	bottom := container.NewVBox(widget.NewSeparator(), a.preview, container.NewHBox(a.insert))
	content := container.NewBorder(top, bottom, nil, nil, a.list)
	a.d = dialog.NewCustom("Insert agreed language", "Close", content, s.ed.win)
	a.d.Resize(fyne.NewSize(860, 600))
	a.d.Show()
	s.agreedDialog = a
	if a.dir != "" || earlier {
		a.search()
	}
}

func matchText(mt storage.AgreedMatch) string {
	t := mt.Paragraph.Text.Plain()
	if mt.Paragraph.LeadIn != "" {
		t = mt.Paragraph.LeadIn + app.LeadInGap(t) + t
	}
	return t
}

func (a *agreedSearch) showFolder() {
	if a.dir == "" {
		a.folder.SetText("(none chosen)")
		msg := "Choose the folder that holds earlier meetings' .parley files: their agreed paragraphs are listed here."
		if len(a.s.ed.doc.Meeting().Statement.Earlier) > 0 {
			msg = "The agreed paragraphs carried over from the series' earlier meetings are listed; choose a folder of .parley files to search more."
		}
		a.status.SetText(msg)
		return
	}
	a.folder.SetText(a.dir)
}

func (a *agreedSearch) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		a.setFolder(u.Path())
	}, a.s.ed.win)
	if a.dir != "" {
		if u, err := fstorage.ListerForURI(fstorage.NewFileURI(a.dir)); err == nil {
			d.SetLocation(u)
		}
	}
	showSized(d, fyne.NewSize(760, 520))
}

// setFolder searches another folder and remembers it.
func (a *agreedSearch) setFolder(dir string) {
	a.dir = dir
	a.s.ed.app.Preferences().SetString(prefAgreedDir, dir)
	a.showFolder()
	a.search()
}

// search reads the folder's meetings off the UI goroutine.
func (a *agreedSearch) search() {
	earlier := a.s.ed.doc.Meeting().EarlierAgreed(a.query.Text)
	if a.dir == "" && len(a.s.ed.doc.Meeting().Statement.Earlier) == 0 {
		a.status.SetText("Choose a folder first.")
		return
	}
	if a.busy {
		return
	}
	a.busy = true
	a.status.SetText("Searching " + a.dir + "…")
	dir, q := a.dir, a.query.Text
	type result struct {
		matches []storage.AgreedMatch
		probs   []error
	}
	a.s.ed.background(func() (any, error) {
		if dir == "" {
			return result{}, nil
		}
		m, p := storage.SearchAgreed(dir, q)
		return result{m, p}, nil
	}, func(v any, _ error) {
		a.busy = false
		res := v.(result)
		a.matches = mergeAgreed(earlier, res.matches)
		var texts []string
		for _, mt := range a.matches {
			texts = append(texts, matchText(mt), sourceText(&mt.Source))
		}
		a.s.ed.cover(texts...)
		a.chosen = -1
		a.list.UnselectAll()
		a.list.Refresh()
		a.showChosen()
		files := map[string]bool{}
		for _, mt := range res.matches {
			files[mt.Source.File] = true
		}
		msg := fmt.Sprintf("%s in %s.", app.Count(len(a.matches), "agreed paragraph"), app.Count(len(files), "file"))
		if len(earlier) > 0 {
			msg = fmt.Sprintf("%s: %d carried over from the series' earlier meetings, the others in %s.",
				app.Count(len(a.matches), "agreed paragraph"), len(earlier), app.Count(len(files), "file"))
		}
		if len(a.matches) == 0 {
			msg = "No agreed paragraphs found"
			if strings.TrimSpace(q) != "" {
				msg += " with those words"
			}
			msg += "."
		}
		if len(res.probs) > 0 {
			msg += " Not searched: " + errors.Join(res.probs...).Error()
		}
		a.status.SetText(msg)
	})
}

// mergeAgreed lists the paragraphs carried over in the meeting's file
// first, then those found in the folder that are not the same paragraph
// of the same meeting again (the last meeting's file is often there too).
func mergeAgreed(earlier, found []storage.AgreedMatch) []storage.AgreedMatch {
	type key struct{ meeting, number, text string }
	seen := map[key]bool{}
	out := make([]storage.AgreedMatch, 0, len(earlier)+len(found))
	for _, list := range [][]storage.AgreedMatch{earlier, found} {
		for _, mt := range list {
			k := key{mt.Source.Meeting, mt.Source.Number, matchText(mt)}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, mt)
		}
	}
	return out
}

// showChosen previews the chosen paragraph and where it will go.
func (a *agreedSearch) showChosen() {
	if a.chosen < 0 || a.chosen >= len(a.matches) {
		a.preview.SetText("Select a paragraph to see it in full.")
		a.insert.SetText("Insert")
		a.insert.Disable()
		return
	}
	mt := a.matches[a.chosen]
	a.preview.SetText(matchText(mt) + "\n\n" + strings.TrimPrefix(sourceText(&mt.Source), " from "))
	where := "at the end"
	if p := a.s.para(); p != nil {
		where = "after " + strings.ToLower(a.s.paraName(p)[:1]) + a.s.paraName(p)[1:]
	}
	a.insert.SetText("Insert " + where)
	a.insert.Enable()
}

// insertChosen inserts the chosen paragraph after the selected one.
func (a *agreedSearch) insertChosen() {
	if a.chosen < 0 || a.chosen >= len(a.matches) {
		return
	}
	mt := a.matches[a.chosen]
	ed, id, err := a.s.ed.doc.Meeting().InsertAgreedLanguageEdit(a.s.selected, mt.Paragraph, mt.Source)
	if a.s.do("Cannot insert the agreed language")(ed, err) {
		a.d.Hide()
		a.s.tabs.Select(a.s.textTab)
		a.s.selectID(id)
	}
}
