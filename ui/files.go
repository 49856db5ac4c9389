package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/storage"
)

// shortcut makes a Ctrl (Cmd on macOS) shortcut.
func shortcut(k fyne.KeyName, shift bool) *desktop.CustomShortcut {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: k, Modifier: mod}
}

type action struct {
	label string
	sc    fyne.Shortcut
	run   func()
}

// actions are the window's commands, on menu items and as shortcuts.
func (e *Editor) actions() map[string]action {
	return map[string]action{
		"new":     {"New", shortcut(fyne.KeyN, false), e.newMeeting},
		"open":    {"Open…", shortcut(fyne.KeyO, false), e.openDialog},
		"save":    {"Save", shortcut(fyne.KeyS, false), func() { e.save(nil) }},
		"saveas":  {"Save As…", shortcut(fyne.KeyS, true), func() { e.saveAs(nil) }},
		"export":  {"Export Briefing Pack…", shortcut(fyne.KeyE, false), e.exportDialog},
		"merge":   {"Merge With…", nil, e.mergeDialog},
		"import":  {"Import Participants…", shortcut(fyne.KeyI, false), func() { e.importPeopleDialog("") }},
		"quit":    {"Quit", shortcut(fyne.KeyQ, false), func() { e.confirmDiscard("quitting", e.quit) }},
		"undo":    {"Undo", &fyne.ShortcutUndo{}, e.undo},
		"redo":    {"Redo", shortcut(fyne.KeyZ, true), e.redo},
		"redo2":   {"Redo", &fyne.ShortcutRedo{}, e.redo},
		"find":    {"Find", shortcut(fyne.KeyF, false), e.find},
		"delete":  {"Delete Selected…", nil, e.deleteSelected},
		"problem": {"Problems", shortcut(fyne.Key6, false), func() { e.showView("problems") }},
	}
}

func (e *Editor) menu() *fyne.MainMenu {
	acts := e.actions()
	item := func(name string) *fyne.MenuItem {
		a := acts[name]
		mi := fyne.NewMenuItem(a.label, a.run)
		if a.sc != nil {
			mi.Shortcut = a.sc
		}
		return mi
	}
	e.recent = fyne.NewMenu("Open Recent")
	recentItem := fyne.NewMenuItem("Open Recent", nil)
	recentItem.ChildMenu = e.recent
	e.refreshRecentMenu()
	quit := item("quit")
	quit.IsQuit = true
	file := fyne.NewMenu("File", item("new"), item("open"), recentItem, fyne.NewMenuItemSeparator(),
		item("save"), item("saveas"), fyne.NewMenuItemSeparator(),
		item("import"), item("merge"), item("export"), fyne.NewMenuItemSeparator(), quit)
	edit := fyne.NewMenu("Edit", item("undo"), item("redo"), fyne.NewMenuItemSeparator(), item("find"), item("delete"))
	var views []*fyne.MenuItem
	for i, vi := range viewInfos {
		name := vi.name
		mi := fyne.NewMenuItem(vi.title, func() { e.showView(name) })
		mi.Shortcut = shortcut(fyne.KeyName(string(rune('1'+i))), false)
		views = append(views, mi)
	}
	help := fyne.NewMenu("Help", fyne.NewMenuItem("About Parley", e.about))
	return fyne.NewMainMenu(file, edit, fyne.NewMenu("View", views...), help)
}

func (e *Editor) addShortcuts() {
	c := e.win.Canvas()
	for _, a := range e.actions() {
		if a.sc != nil {
			run := a.run
			c.AddShortcut(a.sc, func(fyne.Shortcut) { run() })
		}
	}
	for i, vi := range viewInfos {
		name := vi.name
		c.AddShortcut(shortcut(fyne.KeyName(string(rune('1'+i))), false), func(fyne.Shortcut) { e.showView(name) })
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyDelete {
			e.deleteSelected()
		}
	})
}

func (e *Editor) refreshRecentMenu() {
	if e.recent == nil {
		return
	}
	e.recent.Items = nil
	for _, p := range e.prefs.recent() {
		path := p
		e.recent.Items = append(e.recent.Items, fyne.NewMenuItem(path, func() { e.openPath(path) }))
	}
	if len(e.recent.Items) == 0 {
		none := fyne.NewMenuItem("No recent files", nil)
		none.Disabled = true
		e.recent.Items = append(e.recent.Items, none)
	}
	e.recent.Refresh()
}

func (e *Editor) find() {
	if s, ok := e.views[e.current].(searcher); ok {
		s.focusSearch()
	}
}

func (e *Editor) deleteSelected() {
	if d, ok := e.views[e.current].(deleter); ok {
		d.deleteSelected()
	}
}

func (e *Editor) about() {
	dialog.ShowInformation("About Parley", "Parley "+Version+"\nPrepares a meeting of a standing dialogue: programme and briefs, "+
		"delegations, the joint statement and the briefing pack.\nFile format "+storage.Current.String()+".", e.win)
}

// Version is the application version shown in About.
var Version = "0.1.0"

// confirmDiscard runs then at once when there are no unsaved changes, and
// otherwise asks whether to save them first.
func (e *Editor) confirmDiscard(doing string, then func()) {
	if !e.doc.Dirty() {
		then()
		return
	}
	name := e.label
	if e.path != "" {
		name = filepath.Base(e.path)
	}
	msg := widget.NewLabel("Save the changes to " + name + " before " + doing + "?\nIf you don't save, your changes are lost.")
	var d *dialog.CustomDialog
	saveBtn := widget.NewButton("Save", func() { d.Hide(); e.save(then) })
	saveBtn.Importance = widget.HighImportance
	discard := widget.NewButton("Don't Save", func() { d.Hide(); then() })
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes", msg, e.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, saveBtn})
	d.Show()
}

// quit closes the window for good.
func (e *Editor) quit() {
	e.prefs.setWindowSize(e.win.Canvas().Size())
	if e.native != nil {
		if x, y, ok := e.native.Position(e.win); ok {
			e.prefs.setWindowPosition(x, y)
		}
	}
	e.win.SetCloseIntercept(nil)
	e.closed = true
	e.win.Close()
}

func (e *Editor) newMeeting() {
	e.confirmDiscard("starting a new meeting", func() {
		doc := app.NewDocument(NewMeeting())
		e.setDocument(doc, "", "Untitled")
		e.showView("overview")
	})
}

// NewMeeting returns an empty meeting ready to fill in.
func NewMeeting() *app.Meeting {
	return &app.Meeting{
		Details:   app.Details{Rec: app.Rec{ID: app.NewID()}, Status: app.StatusPlanning, DayStart: "09:00", PlannedEnd: "17:00"},
		Statement: app.Statement{Rec: app.Rec{ID: app.NewID()}, Kind: app.StatementJoint},
		Clock:     app.Clock{},
	}
}

func (e *Editor) folderURI() fyne.ListableURI {
	dir := e.prefs.lastFolder()
	if e.path != "" {
		dir = filepath.Dir(e.path)
	}
	if dir == "" {
		return nil
	}
	u, err := fstorage.ListerForURI(fstorage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return u
}

func (e *Editor) openDialog() {
	e.confirmDiscard("opening another meeting", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				e.showError("Cannot open the file", err)
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			e.load(path)
		}, e.win)
		d.SetFilter(fstorage.NewExtensionFileFilter([]string{storage.Extension}))
		if u := e.folderURI(); u != nil {
			d.SetLocation(u)
		}
		d.Resize(fyne.NewSize(800, 560))
		d.Show()
	})
}

// openPath opens a file, asking first about unsaved changes.
func (e *Editor) openPath(path string) {
	e.confirmDiscard("opening another meeting", func() { e.load(path) })
}

// load reads a meeting in the background, with an activity dialog that can
// cancel, then shows it.
func (e *Editor) load(path string) {
	cancelled := false
	bar := widget.NewProgressBarInfinite()
	var d *dialog.CustomDialog
	cancel := widget.NewButton("Cancel", func() { cancelled = true; d.Hide() })
	d = dialog.NewCustomWithoutButtons("Opening "+filepath.Base(path), container.NewVBox(bar), e.win)
	d.SetButtons([]fyne.CanvasObject{cancel})
	d.Show()
	e.background(func() (any, error) {
		m, _, err := storage.Load(path)
		return m, err
	}, func(v any, err error) {
		d.Hide()
		if cancelled {
			return
		}
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				e.prefs.removeRecent(path)
				e.refreshRecentMenu()
			}
			e.showError("Cannot open the meeting", err)
			return
		}
		e.opened(v.(*app.Meeting), path)
	})
}

// opened shows a meeting just read from path.
func (e *Editor) opened(m *app.Meeting, path string) {
	e.setDocument(app.NewDocument(m), path, "")
	e.prefs.addRecent(path)
	e.prefs.setLastFolder(filepath.Dir(path))
	e.refreshRecentMenu()
}

// syncWork makes background work run at once (tests).
var syncWork = false

// background runs work off the UI goroutine and done back on it.
func (e *Editor) background(work func() (any, error), done func(any, error)) {
	if syncWork {
		v, err := work()
		done(v, err)
		return
	}
	go func() {
		v, err := work()
		fyne.Do(func() { done(v, err) })
	}()
}

// save writes the meeting to its file (Save As when it has none) and then
// runs after, if given.
func (e *Editor) save(after func()) {
	if e.path == "" {
		e.saveAs(after)
		return
	}
	e.writeTo(e.path, after)
}

func (e *Editor) writeTo(path string, after func()) {
	if err := storage.Save(path, e.doc.Meeting()); err != nil {
		e.showError("Cannot save", err)
		return
	}
	e.doc.MarkSaved()
	e.path, e.label = path, ""
	e.prefs.addRecent(path)
	e.prefs.setLastFolder(filepath.Dir(path))
	e.refreshRecentMenu()
	e.refreshChrome()
	if after != nil {
		after()
	}
}

func (e *Editor) saveAs(after func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.showError("Cannot save", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		// The dialog creates the file empty; the atomic save replaces it.
		w.Close()
		if !strings.HasSuffix(strings.ToLower(path), storage.Extension) {
			os.Remove(path)
			path += storage.Extension
		}
		e.writeTo(path, after)
	}, e.win)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{storage.Extension}))
	name := e.label
	if e.path != "" {
		name = filepath.Base(e.path)
	}
	if !strings.HasSuffix(name, storage.Extension) {
		name = suggestFileName(e.doc.Meeting()) + storage.Extension
	}
	d.SetFileName(name)
	if u := e.folderURI(); u != nil {
		d.SetLocation(u)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// suggestFileName proposes a file name from the meeting's title and date.
func suggestFileName(m *app.Meeting) string {
	t := m.Perspective("").Title()
	if t == "" {
		t = "meeting"
	}
	var b strings.Builder
	for _, r := range t {
		switch {
		case r == ' ' || r == '-' || r == '_':
			b.WriteByte(' ')
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|':
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Join(strings.Fields(b.String()), " ")
	if m.Details.Start != "" {
		name += " " + m.Details.Start
	}
	return name
}

// dropped opens a dropped meeting file or imports dropped participant lists.
func (e *Editor) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		path := u.Path()
		switch strings.ToLower(filepath.Ext(path)) {
		case storage.Extension:
			e.openPath(path)
			return
		default:
			if storage.IsPeopleList(path) {
				e.importPeopleDialog(path)
				return
			}
		}
	}
	if len(uris) > 0 {
		e.showError("Cannot use the dropped file", errors.New(uris[0].Name()+": drop a .parley meeting to open it, or a .csv or .xlsx participant list to import it"))
	}
}

// showError shows an error in a dialog; the message already names the file
// and the record.
func (e *Editor) showError(title string, err error) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, msg), e.win)
	d.Resize(fyne.NewSize(560, 200))
	e.lastError = err
	d.Show()
}
