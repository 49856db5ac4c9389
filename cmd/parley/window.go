package main

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"parley/ui"
	"parley/ui/malloc"
)

// started is when the process started, for the first-frame time.
var started = time.Now()

// runWindow opens the window: `parley [FILE]` or
// `parley --snapshot OUT.png [--view V] [FILE]`.
func runWindow(args []string, stdout, stderr io.Writer) int {
	const usage = "[--snapshot OUT.png] [--view overview|delegations|programme|briefs|statement|problems] [--merge-with COPY.parley] [--redline N:M] [FILE.parley]"
	fs := newFlags("parley", usage, stderr)
	snapshot := fs.String("snapshot", "", "write the window's first frame to this PNG file and quit")
	view := fs.String("view", "", "the view to show first; with --snapshot, views separated by commas are shown in turn and the last is written")
	mergeWith := fs.String("merge-with", "", "merge this copy of the meeting into FILE once the window is up")
	redline := fs.String("redline", "", "open on the redline of two drafts, such as 1:2 or 2:current")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 1 {
		return usageError(stderr, usage, "open one file at a time")
	}
	opts := ui.Options{Snapshot: *snapshot, View: *view, Started: started, Native: native, ReleaseC: malloc.Release, MergeWith: *mergeWith, Redline: *redline}
	if len(pos) == 1 {
		opts.File = pos[0]
	}
	if err := ui.CheckView(opts.View, opts.Snapshot != ""); err != nil {
		return usageError(stderr, usage, "%v", err)
	}
	fyneapp.SetMetadata(fyne.AppMetadata{ID: details.ID, Name: details.Name, Version: details.Version, Build: details.Build, Icon: ui.Icon,
		Migrations: map[string]bool{"fyneDo": true}})
	a := fyneapp.NewWithID(details.ID)
	if err := ui.Run(a, opts); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBad
	}
	return exitOK
}
