// Package ui is Parley's window, in Fyne: the editor's views, dialogs,
// menus, shortcuts and preferences. It holds no domain rules: every change
// goes through the open app.Document, and files go through package storage.
//
// Design: one Editor per window owns the document and the file it came
// from; views (overview, delegations, programme, briefs, statement,
// problems) subscribe to the document's change events and refresh only the
// rows an edit touched; inputs are bound to record fields and apply an
// edit per change, folded into one undo step while typing. Work that can
// take time (opening, importing, exporting, merging) runs off the UI
// goroutine and reports back through fyne.Do.
package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"parley/app"
	"parley/app/sample"
	"parley/assets"
	"parley/storage"
)

// AppID is the application's unique ID (preferences, storage folders).
const AppID = "org.parley.app"

// Options say what the window opens and how.
type Options struct {
	// File is the meeting to open; empty opens the most recent file, or
	// the sample meeting.
	File string
	// Snapshot, when set, writes the window's first frame to this PNG file
	// and quits.
	Snapshot string
	// View is the view to show first. With Snapshot it may list several,
	// separated by commas: each is shown in turn after the first frame,
	// and the snapshot is of the last (memory after a tour of the window).
	View string
	// Started is when the process started, for the first-frame time.
	Started time.Time
	// Native reaches the platform's window, where it can; nil if not.
	Native Native
	// MergeWith, when set, merges this copy into the meeting once the
	// window is up (parley --merge-with COPY FILE).
	MergeWith string
	// Redline opens the statement's redline of two drafts: "1:2" or
	// "2:current".
	Redline string
	// ReleaseC, when set, hands the C allocator's free memory back to the
	// system (the OpenGL renderer allocates through it). It runs with the
	// Go runtime's own release, after bursts of work.
	ReleaseC func() bool
}

// Native does for a window what Fyne has no API for: read the pixels the
// screen shows, and get and set the window's position. Its methods run on
// the UI goroutine.
type Native interface {
	Capture(w fyne.Window) (image.Image, error)
	Position(w fyne.Window) (x, y int, ok bool)
	Move(w fyne.Window, x, y int) bool
	// WorkArea is the part of the screen the window may use (without
	// panels and taskbar), in pixels.
	WorkArea(w fyne.Window) (x, y, width, height int, ok bool)
}

// Views lists the navigation views by name.
var Views = []string{"overview", "delegations", "programme", "briefs", "statement", "problems"}

// CheckView reports whether name is a view ("" is the default view) or,
// with a snapshot, a comma-separated list of views.
func CheckView(name string, snapshot bool) error {
	if name == "" {
		return nil
	}
	names := strings.Split(name, ",")
	if len(names) > 1 && !snapshot {
		return fmt.Errorf("a list of views (%s) goes with --snapshot; the window opens on one view", name)
	}
	for _, n := range names {
		if !slices.Contains(Views, n) {
			return fmt.Errorf("unknown view %q (use one of overview, delegations, programme, briefs, statement, problems)", n)
		}
	}
	return nil
}

// Icon is the application icon.
var Icon = fyne.NewStaticResource("parley.png", assets.Icon)

// Open prepares the window on the meeting the options name, without
// showing it.
func Open(a fyne.App, o Options) (*Editor, error) {
	a.Settings().SetTheme(newTheme())
	a.SetIcon(Icon)
	p := prefs{a.Preferences()}
	var m *app.Meeting
	var fp storage.Fingerprint
	path, label := o.File, ""
	var startupErr error
	if path == "" {
		for _, r := range p.recent() {
			if _, err := os.Stat(r); err == nil {
				path = r
				break
			}
		}
	}
	// An encrypted file is opened once the window shows, where its
	// passphrase can be asked for.
	encrypted := ""
	if storage.IsEncryptedFile(path) {
		encrypted, path = path, ""
	}
	if path != "" {
		var err error
		m, _, fp, err = storage.LoadTracked(path)
		if err != nil {
			if o.File != "" {
				return nil, err
			}
			startupErr = err
			path = ""
		}
	}
	if m == nil {
		m = sample.Sample()
		label = "Sample meeting"
	}
	w := a.NewWindow("Parley")
	e := NewEditor(a, w, app.NewDocument(m), path, label)
	e.openLater = encrypted
	storage.SetPassphraseSource(windowPassphrase{e})
	e.native = o.Native
	e.releaseC = o.ReleaseC
	protectFilesFromSaveDialog(e)
	e.fp = fp
	if rec, err := storage.DefaultRecovery(); err == nil {
		e.rec = rec
	}
	var lockErr error
	if path != "" {
		p.addRecent(path)
		e.refreshRecentMenu()
		e.lock, lockErr = storage.Lock(path)
	}
	w.Resize(p.windowSize())
	if o.View != "" {
		first, _, _ := strings.Cut(o.View, ",")
		e.showView(first)
	}
	if o.Redline != "" {
		if err := e.openRedline(o.Redline); err != nil {
			return nil, err
		}
	}
	var held *storage.LockedError
	switch {
	case startupErr != nil:
		e.showError("Cannot open the last meeting", startupErr)
	case errors.As(lockErr, &held):
		e.inform("Meeting in use", filepath.Base(path)+" is also open in another Parley: "+held.Holder.String()+
			".\nParley asks before saving over changes saved there; merge the copies if you both edit.")
	case o.Snapshot == "" && o.MergeWith == "":
		e.offerRecovery("")
	}
	if path != "" && o.Snapshot == "" {
		e.offerConflictedCopies(path)
	}
	return e, nil
}

// Run opens the window and returns when it closes.
func Run(a fyne.App, o Options) error {
	debug.SetGCPercent(gcPercent)
	e, err := Open(a, o)
	if err != nil {
		return err
	}
	var snapErr error
	if o.Snapshot != "" {
		go func() { snapErr = snapshot(e, o) }()
	} else {
		go e.placeOnScreen()
		e.trimWhenIdle = true
		e.trimSoon()
		e.startTimers()
	}
	if e.openLater != "" {
		go func() {
			time.Sleep(100 * time.Millisecond)
			fyne.Do(func() { e.load(e.openLater) })
		}()
	}
	if o.MergeWith != "" {
		go func() {
			time.Sleep(100 * time.Millisecond)
			fyne.Do(func() { e.mergeFile(o.MergeWith, false, nil) })
		}()
	}
	e.win.ShowAndRun()
	e.release()
	return snapErr
}

// snapshot waits for the first painted frame, writes it as a PNG and quits.
func snapshot(e *Editor, o Options) (err error) {
	defer fyne.Do(func() { e.app.Quit() })
	started := o.Started
	if started.IsZero() {
		started = time.Now()
	}
	deadline := time.Now().Add(20 * time.Second)
	placed := e.native == nil
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if !placed {
			// Fitted to the screen first: the screen cannot show, nor the
			// capture read, a window larger than itself. Until it can be
			// placed the window is not on the screen, or the platform
			// cannot place it (macOS, Wayland): captured as it is.
			if fyne.DoAndWait(func() { placed = e.fitScreen(false) }); placed {
				time.Sleep(300 * time.Millisecond) // laid out again at its size
				continue
			}
		}
		if o.MergeWith != "" && !mergeShown(e) {
			continue // snapshot the merge summary, once it is up
		}
		img := capture(e)
		if img == nil || blank(img) {
			continue
		}
		elapsed := time.Since(started)
		if _, tour, ok := strings.Cut(o.View, ","); ok {
			for _, v := range strings.Split(tour, ",") {
				fyne.DoAndWait(func() { e.showView(v) })
				time.Sleep(500 * time.Millisecond) // drawn, and Fyne's caches filled
			}
			img = capture(e)
		}
		b := img.Bounds()
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
		if err := storage.WriteAtomic(o.Snapshot, buf.Bytes()); err != nil {
			return fmt.Errorf("snapshot %s: %w", o.Snapshot, err)
		}
		// Measure the window with the meeting open, after the frame's
		// copies made for the PNG are garbage.
		e.settle()
		fmt.Fprintf(os.Stdout, "wrote %s (%dx%d); first frame %d ms after start", o.Snapshot, b.Dx(), b.Dy(), elapsed.Milliseconds())
		if rss, soft, private := residentMB(); rss > 0 {
			fmt.Fprintf(os.Stdout, "; resident memory %d MB", rss)
			if soft > 0 {
				fmt.Fprintf(os.Stdout, " (%d MB without the software OpenGL renderer)", rss-soft)
			}
			fmt.Fprintf(os.Stdout, ", of which %d MB private", private)
		}
		fmt.Fprintln(os.Stdout)
		return nil
	}
	return errors.New("snapshot: the window showed no frame within 20 seconds (is there a display? try xvfb-run)")
}

// mergeShown reports, after a frame has painted it, whether the merge
// review is on screen.
func mergeShown(e *Editor) bool {
	shown := false
	fyne.DoAndWait(func() { shown = e.lastMerge != nil || e.lastError != nil })
	if shown {
		time.Sleep(300 * time.Millisecond)
	}
	return shown
}

// capture reads the window's pixels: from the platform where it can (what
// the screen shows), else from Fyne's renderer.
func capture(e *Editor) image.Image {
	var img image.Image
	if e.native != nil {
		fyne.DoAndWait(func() {
			if i, err := e.native.Capture(e.win); err == nil {
				img = i
			}
		})
	}
	if img == nil {
		// Fyne reads its OpenGL frame buffer on the thread that draws
		// (Windows refuses the context anywhere else).
		fyne.DoAndWait(func() { img = e.win.Canvas().Capture() })
	}
	return img
}

// frameRoom is the room, in pixels, left on the screen for the window's
// frame (title bar, borders), which the window's size does not count.
const frameRoom = 48

// fitSize is the window size (in Fyne's units) that fits a work area of
// aw x ah pixels at scale: size itself when it fits.
func fitSize(size fyne.Size, scale float32, aw, ah int) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	maxW := float32(aw-frameRoom/3) / scale
	maxH := float32(ah-frameRoom) / scale
	return fyne.NewSize(min(size.Width, maxW), min(size.Height, maxH))
}

// clampInto moves a span of length n starting at x into [lo, lo+room),
// as far as it fits.
func clampInto(x, n, lo, room int) int {
	return max(lo, min(x, lo+room-n))
}

// placeOnScreen, once the window is on the screen, fits it to the screen's
// work area and puts it where it was last closed, kept on the screen.
func (e *Editor) placeOnScreen() {
	if e.native == nil {
		return
	}
	for i := 0; i < 40; i++ {
		time.Sleep(50 * time.Millisecond)
		placed := false
		fyne.DoAndWait(func() { placed = e.fitScreen(true) })
		if placed {
			return
		}
	}
}

// fitScreen shrinks the window to the work area of its screen when it is
// larger (the default 1280 x 820 is taller than a 1366 x 768 laptop's
// screen, or a 1920 x 1080 one at 150 %), and keeps it on that area: at
// the position where it was last closed when restore is set. It reports
// false while the window is not on the screen yet.
func (e *Editor) fitScreen(restore bool) bool {
	x, y, ok := e.native.Position(e.win)
	if !ok {
		return false
	}
	ax, ay, aw, ah, ok := e.native.WorkArea(e.win)
	if !ok || aw <= 0 || ah <= 0 {
		return true
	}
	scale := e.win.Canvas().Scale()
	size := e.win.Canvas().Size()
	if fit := fitSize(size, scale, aw, ah); fit != size {
		e.win.Resize(fit)
		size = fit
	}
	move := false
	if restore {
		if px, py, ok := e.prefs.windowPosition(); ok {
			x, y, move = px, py, true
		}
	}
	nx := clampInto(x, int(size.Width*scale)+frameRoom/3, ax, aw)
	ny := clampInto(y, int(size.Height*scale)+frameRoom, ay, ah)
	if move || nx != x || ny != y {
		e.native.Move(e.win, nx, ny)
	}
	return true
}

// settle hands back to the system the memory that a burst of work used
// only for a moment: the Go heap's (parsing fonts makes most of it at
// start-up) and the C heap's (the OpenGL renderer's).
func (e *Editor) settle() {
	debug.FreeOSMemory()
	if e.releaseC != nil {
		e.releaseC()
	}
}

// gcPercent is the garbage collector's target: the heap may grow by half
// its live size between collections, not by all of it (Go's default). The
// live heap is small (tens of MB), so collecting more often costs
// milliseconds and keeps the window's memory about 10 MB lower in use.
const gcPercent = 50

// trimSoon hands memory back to the system once the window has been idle
// for two seconds after a burst of work (start-up, opening a file,
// switching views, importing, exporting), as the real window does (tests
// leave trimWhenIdle off).
func (e *Editor) trimSoon() {
	if !e.trimWhenIdle {
		return
	}
	if e.trim != nil {
		e.trim.Stop()
	}
	e.trim = time.AfterFunc(2*time.Second, e.settle)
}

// residentMB is the process's resident memory in MiB (Linux; 0 elsewhere),
// how much of it is the software OpenGL renderer's libraries (Mesa's
// llvmpipe under Xvfb, absent with a graphics driver), and how much is
// private (anonymous) memory rather than pages of files such as the
// program and its libraries, which the system can drop and read again.
func residentMB() (total, software, private int) {
	if runtime.GOOS != "linux" {
		return 0, 0, 0 // (Wine reads Linux's /proc/self/smaps only in part)
	}
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return 0, 0, 0
	}
	var name string
	var all, soft, anon int
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":"):
			name = ""
			if len(f) >= 6 {
				name = f[5]
			}
		case len(f) >= 2 && f[0] == "Rss:":
			kb, _ := strconv.Atoi(f[1])
			all += kb
			if strings.Contains(name, "libLLVM") || strings.Contains(name, "_dri.so") || strings.Contains(name, "libgallium") {
				soft += kb
			}
		case len(f) >= 2 && f[0] == "Anonymous:":
			kb, _ := strconv.Atoi(f[1])
			anon += kb
		}
	}
	return all / 1024, soft / 1024, anon / 1024
}

// blank reports whether every pixel of the image is the same colour.
func blank(img image.Image) bool {
	b := img.Bounds()
	if b.Empty() {
		return true
	}
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bb, a := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}
