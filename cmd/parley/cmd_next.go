package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"parley/app"
	"parley/storage"
)

func init() {
	register("next", command{summary: "prepare the next meeting of the series from this one and print what carried over " +
		"(exit 3 while merge conflicts are open, or when the meeting has no number and --ordinal is not given)",
		usage: nextUsage, run: cmdNext})
}

const nextUsage = "next FILE.parley -o NEXT.parley [--dry-run] [--ordinal N] [--start YYYY-MM-DD] [--end YYYY-MM-DD] " +
	"[--host SIDE] [--venue V] [--city C]"

// cmdNext writes the next meeting of the series to a new file (never over
// the last meeting's) and prints the summary of what carried over;
// --dry-run prints the summary only.
func cmdNext(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("next", nextUsage, stderr)
	out := fs.String("o", "", "where to write the next meeting (a new file: the last meeting's stays as it is)")
	dry := fs.Bool("dry-run", false, "print what would carry over, and write nothing")
	ordinal := fs.Int("ordinal", 0, "the next meeting's number (default: this meeting's plus one)")
	start := fs.String("start", "", "the next meeting's first day, YYYY-MM-DD (default: to be set)")
	end := fs.String("end", "", "the next meeting's last day, YYYY-MM-DD")
	host := fs.String("host", "", "the host side's code or name (default: the other side in a bilateral series; the next side alphabetically with more)")
	venue := fs.String("venue", "", "the venue (default: to be set)")
	city := fs.String("city", "", "the city (default: to be set)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(stderr, nextUsage, "name the last meeting's file")
	}
	if *out == "" && !*dry {
		return usageError(stderr, nextUsage, "say where to write the next meeting with -o NEXT.parley (or look first with --dry-run)")
	}
	if *ordinal < 0 {
		return usageError(stderr, nextUsage, "--ordinal: give a number of 1 or more")
	}
	path := pos[0]
	if *out != "" && *out != stdoutName && storage.SameFile(path, *out) {
		return usageError(stderr, nextUsage, "-o %s is the last meeting's file: write the next meeting to a new file", *out)
	}
	m, _, code := loadMeeting(path, stderr)
	if code != exitOK {
		return code
	}
	o := app.NextOptions{Ordinal: *ordinal, Start: *start, End: *end, Venue: *venue, City: *city, File: filepath.Base(path)}
	if *host != "" {
		s, err := findSide(m, *host)
		if err != nil {
			return usageError(stderr, nextUsage, "--host: %v", err)
		}
		o.Host = s.ID
	}
	next, sum, err := app.Next(m, o)
	var open *app.OpenConflictsError
	switch {
	case errors.As(err, &open):
		for _, c := range open.Conflicts {
			fmt.Fprintf(stderr, "%s: %s\n", path, app.ConflictLine(c))
		}
		fmt.Fprintf(stderr, "%s: next meeting refused: %s from a merge still open; settle them first (in the Problems view)\n",
			path, app.Count(len(open.Conflicts), "conflict"))
		return exitRefused
	case errors.Is(err, app.ErrNoOrdinal):
		fmt.Fprintf(stderr, "%s: meeting: ordinal: %v (--ordinal N)\n", path, err)
		return exitRefused
	case err != nil:
		return usageError(stderr, nextUsage, "%v", err)
	}
	report := stdout
	if !*dry {
		o, code := openOutput("next", "", *out, stdout, stderr)
		if code != exitOK {
			return code
		}
		defer o.close()
		if code := o.save(next); code != exitOK {
			return code
		}
		report = o.report
		fmt.Fprintf(report, "wrote %s\n\n", o.name())
	}
	fmt.Fprint(report, sum.String())
	return exitOK
}
