package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens the chosen file for writing before it returns,
// which truncates an existing file at once: a meeting chosen to save over
// would be emptied before Parley's checks (a newer format, a file that is
// not a meeting) and its atomic save could keep it. fileRepo wraps the
// file repository so that a writer touches the file only when something is
// written to it; Parley never writes through it, it saves atomically by
// path.
type fileRepo interface {
	repository.WritableRepository
	repository.AppendableRepository
	repository.DeleteAllRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.MovableRepository
	repository.CopyableRepository
}

type lazyFileRepo struct {
	fileRepo
	// shown, when set, is told the names a dialog is about to list (the
	// window's text font must draw them).
	shown func(names ...string)
}

// List lists a folder and passes the names on to shown.
func (r lazyFileRepo) List(u fyne.URI) ([]fyne.URI, error) {
	list, err := r.fileRepo.List(u)
	if r.shown != nil {
		names := []string{u.Path()}
		for _, l := range list {
			names = append(names, l.Name())
		}
		r.shown(names...)
	}
	return list, err
}

// Writer returns a writer that opens (and truncates) the file on the first
// write only.
func (r lazyFileRepo) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, repo: r.fileRepo}, nil
}

type lazyWriter struct {
	uri  fyne.URI
	repo fileRepo
	w    fyne.URIWriteCloser
}

func (w *lazyWriter) URI() fyne.URI { return w.uri }

func (w *lazyWriter) Write(p []byte) (int, error) {
	if w.w == nil {
		real, err := w.repo.Writer(w.uri)
		if err != nil {
			return 0, err
		}
		w.w = real
	}
	return w.w.Write(p)
}

func (w *lazyWriter) Close() error {
	if w.w == nil {
		return nil
	}
	return w.w.Close()
}

// protectFilesFromSaveDialog installs the lazy writer for file URIs; the
// names the file dialogs list join the editor's text font.
func protectFilesFromSaveDialog(e *Editor) {
	r, err := repository.ForURI(fstorage.NewFileURI(string(filepath.Separator)))
	if err != nil {
		return
	}
	if lazy, done := r.(lazyFileRepo); done {
		r = lazy.fileRepo
	}
	if fr, ok := r.(fileRepo); ok {
		repository.Register("file", lazyFileRepo{fr, func(names ...string) {
			fyne.Do(func() { e.cover(names...) })
		}})
	}
}

// showSized shows a file dialog at a size. The size comes after Show:
// Fyne 2.8's FileDialog.Resize before Show asks the dialog's window, which
// Show makes, for its minimum size, and panics.
func showSized(d *dialog.FileDialog, size fyne.Size) {
	d.Show()
	d.Resize(size)
}

// chooseOpen asks for a file with one of the extensions and passes its
// path on.
func (e *Editor) chooseOpen(exts []string, then func(path string)) {
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
		e.cover(path) // what comes next names the file
		then(path)
	}, e.win)
	d.SetFilter(fstorage.NewExtensionFileFilter(exts))
	if u := e.folderURI(); u != nil {
		d.SetLocation(u)
	}
	showSized(d, fyne.NewSize(800, 560))
}

// chooseSave asks where to write a file, suggesting name, and passes on
// the path, ending in ext. Nothing is written to the file here.
func (e *Editor) chooseSave(name, ext string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.showError("Cannot write there", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		e.cover(path) // typed in the dialog: what comes next names it
		then(path)
	}, e.win)
	d.SetFileName(name)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{ext}))
	if u := e.folderURI(); u != nil {
		d.SetLocation(u)
	}
	showSized(d, fyne.NewSize(800, 560))
}
