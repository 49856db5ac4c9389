package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/storage"
)

// view is one page of the window, chosen in the navigation list.
type view interface {
	// object is the view's content.
	object() fyne.CanvasObject
	// reset shows a newly opened meeting.
	reset()
	// changed shows what an edit changed.
	changed(e app.Event)
	// focus selects a record (and a field of it, if given) in the view.
	focus(id, field string)
}

// searcher is a view with a search box (Ctrl+F).
type searcher interface{ focusSearch() }

// deleter is a view whose selected row the Delete key removes.
type deleter interface{ deleteSelected() }

type viewInfo struct {
	name, title string
	icon        func() fyne.Resource
}

var viewInfos = []viewInfo{
	{"overview", "Overview", theme.HomeIcon},
	{"delegations", "Delegations", theme.AccountIcon},
	{"programme", "Programme", theme.HistoryIcon},
	{"briefs", "Briefs", theme.DocumentIcon},
	{"statement", "Statement", theme.DocumentCreateIcon},
	{"problems", "Problems", theme.WarningIcon},
}

// Editor is the main window on one open meeting.
type Editor struct {
	app   fyne.App
	win   fyne.Window
	prefs prefs
	// openLater is an encrypted file named at start, opened once the
	// window shows (its passphrase is asked for in a dialog).
	openLater string

	doc   *app.Document
	path  string // "" for a meeting never saved
	label string // the window title's name when there is no path
	unsub func()
	// fp is the file as it was when opened or last saved; lock marks it
	// open here; rec holds recovery copies of unsaved work.
	fp   storage.Fingerprint
	lock *storage.FileLock
	rec  *storage.Recovery
	stop chan struct{}
	// lockLost is the Parley that has taken this window's lock over, if
	// one has (see lockTakenOver).
	lockLost lockLost
	// saving: an encrypted save is under way in the background; saveNext
	// are the saves asked for meanwhile, run when it has finished.
	saving   bool
	saveNext []func()

	nav     *widget.List
	views   map[string]view
	current string
	body    *fyne.Container
	status  *widget.Label
	bracket *widget.Label
	saved   *widget.Label
	recent  *fyne.Menu
	// sideMenu lists the sides to bracket for (Statement menu).
	sideMenu *fyne.Menu
	// sideMenuKey is the sides the menu was built for.
	sideMenuKey string

	problems []app.Problem
	native   Native
	// text is the window's text font, cut to the characters on show (nil
	// when the app runs another theme, as in most tests).
	text *textFont
	// trimWhenIdle makes trimSoon hand memory back after bursts of work;
	// trim is its pending timer.
	trimWhenIdle bool
	trim         *time.Timer
	// releaseC hands the C heap's free memory back (Options.ReleaseC).
	releaseC func() bool
	// reapplyPending: coverTyped has asked for the theme to be applied
	// again and it has not been yet.
	reapplyPending bool
	// working counts the background work in flight (background): its
	// results reach the window through fyne.Do.
	working sync.WaitGroup
	// lastError is the last error shown (tests read it).
	lastError error
	closed    bool
	// peopleImport and lastMerge are the last import and merge dialogs
	// shown (tests read them).
	peopleImport *peopleImport
	lastMerge    *mergeReview
	exportForm   *exportForm
	// statementImport and statementExport are the Word dialogs last
	// shown (tests fill them in).
	statementImport *statementImport
	statementExport *statementExport
	lastExport      string
}

// NewEditor builds the window's content on w for the meeting in doc.
// label names the meeting in the title while it has no file.
func NewEditor(a fyne.App, w fyne.Window, doc *app.Document, path, label string) *Editor {
	e := &Editor{app: a, win: w, prefs: prefs{a.Preferences()}, views: map[string]view{}}
	if th, ok := a.Settings().Theme().(parleyTheme); ok {
		e.text = th.text
	}
	e.doc = doc
	e.path, e.label = path, label
	// Before the views measure any text: the meeting, its file's name and
	// the recent files, in one cut.
	e.coverAll([]any{doc.Meeting(), path, label, e.prefs.recent()})
	e.build()
	e.setDocument(doc, path, label)
	return e
}

func (e *Editor) build() {
	e.views["overview"] = newOverview(e)
	e.views["delegations"] = newDelegations(e)
	e.views["programme"] = newProgramme(e)
	e.views["briefs"] = newBriefs(e)
	e.views["statement"] = newStatementView(e)
	e.views["problems"] = newProblems(e)

	e.nav = widget.NewList(func() int { return len(viewInfos) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Delegations"), layout.NewSpacer(), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(viewInfos[i].icon())
			box.Objects[1].(*widget.Label).SetText(viewInfos[i].title)
			badge := box.Objects[3].(*widget.Label)
			badge.SetText("")
			if viewInfos[i].name == "problems" && len(e.problems) > 0 {
				badge.SetText(fmt.Sprint(len(e.problems)))
			}
		})
	e.nav.OnSelected = func(i widget.ListItemID) { e.showView(viewInfos[i].name) }

	e.body = container.NewStack()
	e.status = widget.NewLabel("")
	e.bracket = widget.NewLabel("")
	e.saved = widget.NewLabel("")
	statusBar := container.NewHBox(e.bracket, widget.NewSeparator(), e.status, layout.NewSpacer(), e.saved)
	split := container.NewHSplit(container.NewBorder(nil, nil, nil, widget.NewSeparator(), e.nav), e.body)
	split.SetOffset(0.13)
	e.win.SetContent(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), statusBar), nil, nil, split))
	e.win.SetMainMenu(e.menu())
	e.addShortcuts()
	e.win.SetCloseIntercept(e.requestClose)
	e.win.SetOnDropped(e.dropped)
	e.nav.Select(0)
}

// requestClose is what the window's close button does: ask about unsaved
// changes, then close.
func (e *Editor) requestClose() { e.confirmDiscard("closing", e.quit) }

// setDocument shows a newly opened meeting.
func (e *Editor) setDocument(doc *app.Document, path, label string) {
	if e.unsub != nil {
		e.unsub()
	}
	if !e.lock.Covers(path) {
		e.holdLock(nil) // reopening the same file keeps its lock
	}
	if e.rec != nil && e.doc != nil && e.doc != doc {
		e.rec.Discard(e.path)
	}
	if doc != e.doc { // NewEditor covered its first meeting already
		e.coverAll([]any{doc.Meeting(), path, label})
	}
	e.fp = storage.Fingerprint{}
	e.doc, e.path, e.label = doc, path, label
	e.unsub = doc.Subscribe(func(ev app.Event) { e.changed(ev) })
	e.problems = app.Validate(doc.Meeting())
	for _, v := range e.views {
		v.reset()
	}
	e.refreshChrome()
	e.trimSoon()
}

// changed passes an edit on to the views and updates the window's chrome.
func (e *Editor) changed(ev app.Event) {
	e.coverChanges(ev)
	e.problems = app.Validate(e.doc.Meeting())
	for _, v := range e.views {
		v.changed(ev)
	}
	e.refreshChrome()
}

// cover makes the window's text font draw every character of texts.
// Text reaches the window from a few places, each covered where it
// enters: the meeting (opened, edited, merged), typed or pasted input,
// files read (a list to import, a copy to merge, a draft, agreed
// language), file names (chosen, dropped, recent, listed in a file
// dialog) and messages (showError, confirm, inform). TestNoMissingGlyphs
// walks every view and dialog to hold it so.
func (e *Editor) cover(texts ...string) {
	if e.text != nil && e.text.add(texts...) {
		e.reapplyTheme()
	}
}

// coverInput is cover for text about to be typed or pasted into an entry:
// a new ideograph or Hangul syllable brings its script's common characters
// along, and the theme is re-applied at once, before the entry measures
// the text. Measured with a font that lacks one of its characters, the
// text would send Fyne looking through the system's fonts, and a face
// found there stays loaded for good: 20 MB for a system CJK font.
func (e *Editor) coverInput(s string) {
	if e.text != nil && e.text.addTyped(s) {
		e.reapplyTheme()
	}
}

// coverTyped is cover for text an entry has taken (its OnChanged), as a
// net for what came in other than by typing or pasting: the theme is
// re-applied once for a burst of changes.
func (e *Editor) coverTyped(s string) {
	if e.text == nil || !e.text.addTyped(s) || e.reapplyPending {
		return
	}
	e.reapplyPending = true
	fyne.Do(func() {
		e.reapplyPending = false
		e.reapplyTheme()
	})
}

// coverAll makes the window's text font draw every character of the text
// held in v (app.EachText): a copy to merge, a table to import.
func (e *Editor) coverAll(v any) {
	if e.text != nil && e.text.addAll(v) {
		e.reapplyTheme()
	}
}

// coverChanges makes the text font draw what an edit brought in, cutting
// it once for all the records the edit touched.
func (e *Editor) coverChanges(ev app.Event) {
	var touched []any
	for _, c := range ev.Changes {
		if c.ID == "" { // the whole meeting was swapped (merge, undo of one)
			touched = []any{e.doc.Meeting()}
			break
		}
		if ref, ok := e.doc.Lookup(c.ID); ok {
			touched = append(touched, ref.Record)
		}
	}
	e.coverAll(touched)
}

// reapplyTheme makes Fyne load the grown text font: it drops its parsed
// faces and redraws every widget.
func (e *Editor) reapplyTheme() {
	e.app.Settings().SetTheme(e.app.Settings().Theme())
	e.trimSoon() // Fyne parses the new cut: a burst of work
}

// refreshChrome updates the title, the status line and the problem count.
func (e *Editor) refreshChrome() {
	e.win.SetTitle(e.title())
	m := e.doc.Meeting()
	errs, warns := 0, 0
	for _, p := range e.problems {
		if p.Severity >= app.Error {
			errs++
		} else {
			warns++
		}
	}
	e.status.SetText(fmt.Sprintf("%s, %s", app.Count(errs, "error"), app.Count(warns, "warning")))
	e.bracket.SetText(openBracketSummary(m))
	if key := sidesKey(m); key != e.sideMenuKey {
		e.sideMenuKey = key
		e.refreshSideMenu()
	}
	if e.saving {
		e.saved.SetText("Encrypting and saving…")
	} else if e.doc.Dirty() {
		e.saved.SetText("Unsaved changes")
	} else if e.path != "" {
		e.saved.SetText("Saved")
	} else {
		e.saved.SetText("Not saved to a file yet")
	}
	if n := e.lockLost.note(); n != "" {
		e.saved.SetText(n + " · " + e.saved.Text)
	}
	e.nav.RefreshItem(len(viewInfos) - 1)
}

// openBracketSummary counts open brackets per side, as the Statement view
// does, and the alternative wordings: "Open brackets: Australia 2 · Japan 1".
// The sides come in the Statement view's order; with more than two, by
// their codes ("AU 2 · IN 1 · JP 1 · US 3"), so eight fit the line.
func openBracketSummary(m *app.Meeting) string {
	count := m.OpenBracketsBySide()
	alts := 0
	for _, p := range m.Paragraphs {
		if p.AltOf != "" {
			alts++
		}
	}
	var parts []string
	for _, s := range m.Perspective("").Sides {
		if n := count[s.ID]; n > 0 {
			name := s.Label()
			if m.Multilateral() {
				name = firstNonEmpty(m.SideCode(s.ID), name)
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, n))
		}
	}
	if n := count[""]; n > 0 {
		parts = append(parts, fmt.Sprintf("no side %d", n))
	}
	text := "No open brackets"
	if len(parts) > 0 {
		text = "Open brackets: " + strings.Join(parts, " · ")
	}
	if alts > 0 {
		text += " · " + app.Count(alts, "alternative")
	}
	return text
}

// sidesKey identifies the sides' labels, order and colours, to rebuild
// what lists them only when they change.
func sidesKey(m *app.Meeting) string {
	var b strings.Builder
	for _, s := range m.Perspective("").Sides {
		fmt.Fprintf(&b, "%s=%s/%d;", s.ID, s.Label(), m.SideIndex(s.ID))
	}
	return b.String()
}

// title is the window title: the file name, an unsaved marker, the app.
func (e *Editor) title() string {
	name := e.label
	if e.path != "" {
		name = filepath.Base(e.path)
	}
	if e.doc.Dirty() {
		name = "*" + name
	}
	return name + " — Parley"
}

// showView switches to a view by name.
func (e *Editor) showView(name string) {
	v, ok := e.views[name]
	if !ok {
		return
	}
	e.current = name
	e.body.Objects = []fyne.CanvasObject{v.object()}
	e.body.Refresh()
	e.trimSoon()
	for i, vi := range viewInfos {
		if vi.name == name {
			e.nav.Select(i)
		}
	}
}

// Show jumps to a record: the view that edits it, with it selected.
func (e *Editor) Show(id, field string) {
	ref, ok := e.doc.Lookup(id)
	if !ok {
		e.showView("overview")
		return
	}
	name := "overview"
	switch ref.Kind {
	case app.KindPerson, app.KindAgency:
		name = "delegations"
	case app.KindItem:
		name = "programme"
		if isBriefField(field) {
			name = "briefs"
		}
	case app.KindBackground:
		name = "briefs"
	case app.KindParagraph, app.KindStatement, app.KindSignatory, app.KindVersion:
		name = "statement"
	}
	e.showView(name)
	e.views[name].focus(id, field)
}

func isBriefField(f string) bool {
	switch f {
	case "objectives", "points", "theirObjectives", "response", "pressLine", "marking":
		return true
	}
	return false
}

// apply applies an edit through the document; a refused edit is shown.
func (e *Editor) apply(ed app.Edit) bool {
	if len(ed.Ops) == 0 {
		return false
	}
	if err := e.doc.Apply(ed); err != nil {
		dialog.ShowError(err, e.win)
		return false
	}
	return true
}

func (e *Editor) undo() { e.doc.Undo() }
func (e *Editor) redo() { e.doc.Redo() }

// Document returns the open document.
func (e *Editor) Document() *app.Document { return e.doc }

// Path returns the open file's path ("" when never saved).
func (e *Editor) Path() string { return e.path }

// Window returns the editor's window.
func (e *Editor) Window() fyne.Window { return e.win }
