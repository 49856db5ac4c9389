package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app"
	"parley/assets"
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

// shortcutText writes a shortcut's keys as the system names them: "Ctrl+F"
// on Windows and Linux, "Cmd+F" on macOS, where the shortcut modifier
// (fyne.KeyModifierShortcutDefault) is Command.
func shortcutText(keys string) string {
	if runtime.GOOS == "darwin" {
		return "Cmd+" + keys
	}
	return "Ctrl+" + keys
}

type action struct {
	label string
	sc    fyne.Shortcut
	run   func()
}

// actions are the window's commands, on menu items and as shortcuts.
func (e *Editor) actions() map[string]action {
	return map[string]action{
		"new":      {"New", shortcut(fyne.KeyN, false), e.newMeeting},
		"next":     {"New Meeting in This Series…", nil, e.nextMeeting},
		"open":     {"Open…", shortcut(fyne.KeyO, false), e.openDialog},
		"save":     {"Save", shortcut(fyne.KeyS, false), func() { e.save(nil) }},
		"saveas":   {"Save As…", shortcut(fyne.KeyS, true), func() { e.saveAs(nil) }},
		"export":   {"Export Briefing Pack…", shortcut(fyne.KeyE, false), e.exportDialog},
		"merge":    {"Merge With…", nil, e.mergeDialog},
		"encrypt":  {"Encrypt with Passphrase…", nil, e.encryptDialog},
		"decrypt":  {"Remove Encryption…", nil, e.decryptDialog},
		"import":   {"Import Participants…", shortcut(fyne.KeyI, false), func() { e.importPeopleDialog("") }},
		"importst": {"Import Statement Draft…", nil, func() { e.importStatementDialog("") }},
		"exportst": {"Export Statement…", nil, e.exportStatementDialog},
		"quit":     {"Quit", shortcut(fyne.KeyQ, false), func() { e.confirmDiscard("quitting", e.quit) }},
		"undo":     {"Undo", &fyne.ShortcutUndo{}, e.undo},
		"redo":     {"Redo", shortcut(fyne.KeyZ, true), e.redo},
		"redo2":    {"Redo", &fyne.ShortcutRedo{}, e.redo},
		"find":     {"Find", shortcut(fyne.KeyF, false), e.find},
		"delete":   {"Delete Selected…", nil, e.deleteSelected},
		"problem":  {"Problems", shortcut(fyne.Key6, false), func() { e.showView("problems") }},
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
	file := fyne.NewMenu("File", item("new"), item("next"), item("open"), recentItem, fyne.NewMenuItemSeparator(),
		item("save"), item("saveas"), item("encrypt"), item("decrypt"), fyne.NewMenuItemSeparator(),
		item("import"), item("importst"), item("merge"), item("export"), item("exportst"), fyne.NewMenuItemSeparator(), quit)
	edit := fyne.NewMenu("Edit", item("undo"), item("redo"), fyne.NewMenuItemSeparator(), item("find"), item("delete"))
	var views []*fyne.MenuItem
	for i, vi := range viewInfos {
		name := vi.name
		mi := fyne.NewMenuItem(vi.title, func() { e.showView(name) })
		mi.Shortcut = shortcut(fyne.KeyName(string(rune('1'+i))), false)
		views = append(views, mi)
	}
	var statement []*fyne.MenuItem
	for _, a := range e.statementCommands() {
		mi := fyne.NewMenuItem(a.label, a.run)
		if a.sc != nil {
			mi.Shortcut = a.sc
		}
		statement = append(statement, mi)
	}
	statement = append(statement[:2:2], append([]*fyne.MenuItem{e.bracketSideMenu()}, statement[2:]...)...)
	help := fyne.NewMenu("Help", fyne.NewMenuItem("About Parley", e.about))
	return fyne.NewMainMenu(file, edit, fyne.NewMenu("View", views...), fyne.NewMenu("Statement", statement...), help)
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
	recent := e.prefs.recent()
	e.cover(recent...)
	for _, p := range recent {
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

// about shows the name, the version (from the application's metadata,
// which the command reads from FyneApp.toml), the file format and the
// bundled fonts with their licences.
func (e *Editor) about() {
	meta := e.app.Metadata()
	title := widget.NewLabelWithStyle(aboutTitle(meta), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel("Prepares a meeting of a standing dialogue: programme and briefs, delegations,\n" +
		"the joint statement and the briefing pack. File format " + storage.Current.String() + ".")
	items := []fyne.CanvasObject{title, text, widget.NewLabelWithStyle("Bundled fonts", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, f := range assets.FontLicences {
		body := string(f.Text)
		items = append(items, container.NewBorder(nil, nil, nil,
			widget.NewButton("Licence…", func() { e.showLicence(f.Font, body) }),
			widget.NewLabel(f.Font+": "+f.Licence)))
	}
	dialog.ShowCustom("About "+meta.Name, "Close", container.NewVBox(items...), e.win)
}

// aboutTitle reads "Parley 0.1.0 (build 1)".
func aboutTitle(m fyne.AppMetadata) string {
	name := m.Name
	if name == "" {
		name = "Parley"
	}
	s := name + " " + m.Version
	if m.Build > 0 {
		s += " (build " + strconv.Itoa(m.Build) + ")"
	}
	return s
}

// showLicence shows a licence's text, scrolling.
func (e *Editor) showLicence(font, text string) {
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(620, 420))
	dialog.ShowCustom(font+": licence", "Close", scroll, e.win)
}

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
	e.release()
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

// release lets go of the file when the window closes: timers stop, the
// lock goes, and a recovery copy goes too unless changes are unsaved (the
// user chose not to save them: then too, as they asked).
func (e *Editor) release() {
	e.stopTimers()
	e.holdLock(nil)
	if e.rec != nil {
		e.rec.Discard(e.path)
	}
}

func (e *Editor) newMeeting() {
	e.confirmDiscard("starting a new meeting", func() {
		doc := app.NewDocument(NewMeeting())
		storage.ClearPassphrase("") // a new meeting starts unencrypted
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
		e.chooseOpen([]string{storage.Extension}, e.load)
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
	type loaded struct {
		m  *app.Meeting
		fp storage.Fingerprint
	}
	e.background(func() (any, error) {
		m, _, fp, err := storage.LoadTracked(path)
		return loaded{m, fp}, err
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
		l := v.(loaded)
		e.lockThen(path, func(lk *storage.FileLock) { e.opened(l.m, path, l.fp, lk) })
	})
}

// lockThen takes the lock beside path and runs then with it. The meeting
// this window has open already keeps its lock. When another running
// Parley holds the file, it asks first; a lock that cannot be written (a
// read-only folder) does not stop the opening.
func (e *Editor) lockThen(path string, then func(*storage.FileLock)) {
	if e.lock.Covers(path) && e.lock.Check() == nil {
		then(e.lock)
		return
	}
	lk, err := storage.Lock(path)
	var held *storage.LockedError
	switch {
	case err == nil:
		then(lk)
	case errors.As(err, &held):
		where := "in another Parley: " + held.Holder.String()
		if held.Holder.Mine() {
			where = "in another window of this Parley"
		}
		msg := filepath.Base(path) + " is open " + where +
			".\nIf you both edit it, one of you must merge the other's copy. Open it anyway?"
		confirm(e, "Meeting in use", msg, "Open Anyway", func() {
			lk, err := storage.TakeLock(path)
			if err != nil {
				lk = nil
			}
			then(lk)
		})
	default:
		then(nil)
	}
}

// opened shows a meeting just read from path, with the file's fingerprint
// and lock.
func (e *Editor) opened(m *app.Meeting, path string, fp storage.Fingerprint, lk *storage.FileLock) {
	e.setDocument(app.NewDocument(m), path, "")
	e.fp = fp
	e.holdLock(lk)
	e.prefs.addRecent(path)
	e.prefs.setLastFolder(filepath.Dir(path))
	e.refreshRecentMenu()
	e.offerRecovery(path)
	e.offerConflictedCopies(path)
}

// background runs work off the UI goroutine and done back on it. Work in
// flight is counted in e.working (tests wait for it).
func (e *Editor) background(work func() (any, error), done func(any, error)) {
	e.working.Add(1)
	go func() {
		defer e.working.Done()
		v, err := work()
		fyne.Do(func() {
			done(v, err)
			e.trimSoon()
		})
	}()
}

// save writes the meeting to its file (Save As when it has none) and then
// runs after, if given.
func (e *Editor) save(after func()) {
	if e.path == "" {
		e.saveAs(after)
		return
	}
	e.writeTo(e.path, e.fp, after)
}

// writeTo saves to path unless the file changed on disk since fp; then it
// offers to merge, save under another name, or overwrite. When another
// Parley has taken the file's lock over, it asks first.
func (e *Editor) writeTo(path string, fp storage.Fingerprint, after func()) {
	if e.lock.Covers(path) {
		var held *storage.LockedError
		if errors.As(e.lock.Check(), &held) && held.Holder.Token != e.lockLost.saveAnyway {
			e.lockTakenOver(held.Holder, false)
			e.askSaveTakenOver(path, fp, after, held.Holder)
			return
		}
	}
	storage.CarryPassphrase(path, e.path) // Save As of an encrypted meeting stays encrypted
	if storage.Encrypted(path) {
		e.writeEncrypted(path, fp, after)
		return
	}
	newFP, err := storage.SaveChecked(path, e.doc.Meeting(), fp)
	e.wrote(path, newFP, err, e.doc.Point(), after)
}

// writeEncrypted saves an encrypted meeting in the background: deriving
// the key from the passphrase takes most of a second by design, and the
// window stays responsive meanwhile. What the meeting held when the save
// began is written; edits made during it stay unsaved. A save asked for
// while one is under way runs after it.
func (e *Editor) writeEncrypted(path string, fp storage.Fingerprint, after func()) {
	if e.saving {
		e.saveNext = append(e.saveNext, func() {
			if path == e.path {
				fp = e.fp
			}
			e.writeTo(path, fp, after)
		})
		return
	}
	doc, m, at := e.doc, e.doc.Meeting().Clone(), e.doc.Point()
	e.saving = true
	e.refreshChrome()
	e.background(func() (any, error) {
		return storage.SaveChecked(path, m, fp)
	}, func(v any, err error) {
		e.saving = false
		next := e.saveNext
		e.saveNext = nil
		if e.doc != doc {
			// Another meeting was opened meanwhile: only a failure matters.
			if err != nil {
				e.showError("Cannot save", err)
			}
			return
		}
		newFP, _ := v.(storage.Fingerprint)
		if !e.wrote(path, newFP, err, at, after) {
			e.refreshChrome()
			return
		}
		for _, f := range next {
			f()
		}
	})
}

// wrote finishes a save to path that ended with err, marking saved what
// the document held at at. It reports whether the meeting was saved.
func (e *Editor) wrote(path string, newFP storage.Fingerprint, err error, at app.SavePoint, after func()) bool {
	if errors.Is(err, storage.ErrChanged) {
		e.changedOnDisk(path, after)
		return false
	}
	if err != nil && !errors.Is(err, storage.ErrNotFlushed) {
		e.showError("Cannot save", err)
		return false
	}
	old := e.path
	e.doc.MarkSavedAt(at)
	e.path, e.label, e.fp = path, "", newFP
	if e.rec != nil {
		e.rec.Discard(old)
		e.rec.Discard(path)
	}
	if old != path {
		e.relock(path)
	}
	e.prefs.addRecent(path)
	e.prefs.setLastFolder(filepath.Dir(path))
	e.refreshRecentMenu()
	e.refreshChrome()
	if err != nil {
		// Saved, but not flushed to the disk: say so, and leave what was
		// to follow (quitting, opening another file) to the user.
		e.showError("Saved, with a warning", err)
		return true
	}
	if after != nil {
		after()
	}
	return true
}

// relock moves the lock to a new file after Save As.
func (e *Editor) relock(path string) {
	e.holdLock(nil)
	if lk, err := storage.Lock(path); err == nil {
		e.holdLock(lk)
	}
}

// holdLock makes lk the window's lock, releasing the one it held before
// unless that is lk.
func (e *Editor) holdLock(lk *storage.FileLock) {
	if e.lock != nil && e.lock != lk {
		e.lock.Unlock()
	}
	e.lock = lk
	e.lockLost = lockLost{}
	if e.status != nil {
		e.refreshChrome()
	}
}

// lockLost is what the window knows of another Parley that has taken its
// lock over (its user opened the file anyway).
type lockLost struct {
	// holder is that Parley, nil while the lock is the window's.
	holder *storage.LockInfo
	// told and saveAnyway are the holder's token once the user has been
	// told, and once the user has chosen to save here all the same.
	told, saveAnyway string
}

// note is the status line's word on the lock, "" while it is the window's.
func (l lockLost) note() string {
	if l.holder == nil {
		return ""
	}
	return "Also open in Parley: " + l.holder.User + " on " + l.holder.Host
}

// lockTakenOver notes that another Parley holds the file now and, the first
// time, tells the user (unless the caller asks instead).
func (e *Editor) lockTakenOver(h storage.LockInfo, tell bool) {
	first := e.lockLost.told != h.Token
	e.lockLost.holder, e.lockLost.told = &h, h.Token
	e.refreshChrome()
	if tell && first {
		name := filepath.Base(e.path)
		dialog.ShowInformation("Meeting opened elsewhere", name+" has been opened in another Parley: "+h.String()+
			".\nIts lock is theirs now. Before you save here, Parley asks: if you both edit, one of you must merge the other's copy.", e.win)
	}
}

// checkLock refreshes the window's lock, and tells the user when another
// Parley has taken it over.
func (e *Editor) checkLock() {
	if e.lock == nil {
		return
	}
	var held *storage.LockedError
	if err := e.lock.Refresh(); errors.As(err, &held) {
		e.lockTakenOver(held.Holder, true)
	} else if e.lockLost.holder != nil && err == nil {
		e.lockLost.holder = nil // the other has closed it: the lock is ours again
		e.refreshChrome()
	}
}

// askSaveTakenOver asks before saving over a file that another Parley has
// open and has taken the lock of.
func (e *Editor) askSaveTakenOver(path string, fp storage.Fingerprint, after func(), h storage.LockInfo) {
	msg := widget.NewLabel(filepath.Base(path) + " is open in another Parley: " + h.String() + ".\n" +
		"Saving here replaces the file under that window, whose user must then merge your copy before saving theirs. " +
		"Save under another name and merge later, or save here all the same?")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	anyway := widget.NewButton("Save Here Anyway", func() {
		d.Hide()
		e.lockLost.saveAnyway = h.Token
		e.writeTo(path, fp, after)
	})
	saveAs := widget.NewButton("Save As…", func() { d.Hide(); e.saveAs(after) })
	saveAs.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Meeting open in another Parley", msg, e.win)
	d.SetButtons([]fyne.CanvasObject{cancel, anyway, saveAs})
	d.Resize(fyne.NewSize(620, 200))
	d.Show()
}

// changedOnDisk asks what to do when the file changed since it was opened.
func (e *Editor) changedOnDisk(path string, after func()) {
	msg := widget.NewLabel(filepath.Base(path) + " changed on disk since you opened it: another Parley or a sync tool saved it.\n" +
		"Merge the two copies, save yours under another name, or overwrite the file with your copy.")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	merge := widget.NewButton("Merge…", func() { d.Hide(); e.mergeWithDisk(path, after) })
	merge.Importance = widget.HighImportance
	saveAs := widget.NewButton("Save As…", func() { d.Hide(); e.saveAs(after) })
	overwrite := widget.NewButton("Overwrite", func() {
		d.Hide()
		confirm(e, "Overwrite", "Replace the file on disk with your copy? The changes saved there since you opened it are lost.", "Overwrite",
			func() { e.writeTo(path, storage.Fingerprint{}, after) })
	})
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("File changed on disk", msg, e.win)
	d.SetButtons([]fyne.CanvasObject{cancel, overwrite, saveAs, merge})
	d.Resize(fyne.NewSize(620, 200))
	d.Show()
}

func (e *Editor) saveAs(after func()) {
	name := e.label
	if e.path != "" {
		name = filepath.Base(e.path)
	}
	if !strings.HasSuffix(name, storage.Extension) {
		name = suggestFileName(e.doc.Meeting()) + storage.Extension
	}
	e.chooseSave(name, storage.Extension, func(path string) {
		e.writeTo(path, storage.Fingerprint{}, after)
	})
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

// dropped opens a dropped meeting file, imports a dropped participant
// list or draft statement.
func (e *Editor) dropped(_ fyne.Position, uris []fyne.URI) {
	names := make([]string, len(uris))
	for i, u := range uris {
		names[i] = u.Path()
	}
	e.cover(names...) // dialogs name the file
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
			if storage.IsDraftFile(path) {
				e.importStatementDialog(path)
				return
			}
		}
	}
	if len(uris) > 0 {
		e.showError("Cannot use the dropped file", errors.New(uris[0].Name()+": drop a .parley meeting to open it, a .csv or .xlsx participant list to import it, or a .docx, .txt or .md draft statement to import it"))
	}
}

// showError shows an error in a dialog; the message already names the file
// and the record.
func (e *Editor) showError(title string, err error) {
	e.cover(err.Error())
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, msg), e.win)
	d.Resize(fyne.NewSize(560, 200))
	e.lastError = err
	d.Show()
}
