package main

import (
	"fmt"
	"io"

	fyneapp "fyne.io/fyne/v2/app"

	"parley/ui"
)

// runWindow opens the window: `parley [FILE]` or
// `parley --snapshot OUT.png [--view V] [FILE]`.
func runWindow(args []string, stdout, stderr io.Writer) int {
	const usage = "[--snapshot OUT.png [--view overview|delegations|programme|briefs|statement|problems]] [FILE.parley]"
	fs := newFlags("parley", usage, stderr)
	snapshot := fs.String("snapshot", "", "write the window's first frame to this PNG file and quit")
	view := fs.String("view", "", "the view to show first")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 1 {
		return usageError(stderr, usage, "open one file at a time")
	}
	opts := ui.Options{Snapshot: *snapshot, View: *view}
	if len(pos) == 1 {
		opts.File = pos[0]
	}
	if err := ui.CheckView(opts.View); err != nil {
		return usageError(stderr, usage, "%v", err)
	}
	a := fyneapp.NewWithID(ui.AppID)
	if err := ui.Run(a, opts); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBad
	}
	return exitOK
}
