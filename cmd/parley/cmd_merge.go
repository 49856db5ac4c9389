package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"parley/app"
	"parley/storage"
)

func init() {
	register("merge", command{summary: "merge two edited copies of a meeting; exit 3 when conflicts remain",
		usage: mergeUsage, run: cmdMerge})
}

const mergeUsage = "merge A.parley B.parley [-o OUT.parley|-] [--base BASE.parley] [--force]"

// cmdMerge merges B into A (A is "mine": a conflict keeps A's value) and
// writes the result to OUT, or to A itself. Inputs that cannot be read
// (damaged, newer format, contradictory) are refused and nothing is
// written. Conflicts are stored in the result and listed as
// "where: mine | theirs".
func cmdMerge(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("merge", mergeUsage, stderr)
	out := fs.String("o", "", "where to write the merged meeting (default: A.parley itself; - for standard output)")
	basePath := fs.String("base", "", "a common ancestor of both copies, if you have one")
	force := fs.Bool("force", false, "merge even meetings that are not copies of one meeting")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		return usageError(stderr, mergeUsage, "name the two copies to merge")
	}
	pathA, pathB := pos[0], pos[1]
	return mergeFiles(mergeJob{a: pathA, b: pathB, base: *basePath, out: *out,
		labelA: filepath.Base(pathA), labelB: filepath.Base(pathB), force: *force}, stdout, stderr)
}

// listConflictedCopies lists the sync tools' conflicted copies of the
// meeting beside its file, as warnings.
func listConflictedCopies(path string, m *app.Meeting, stdout io.Writer) {
	for _, c := range storage.FindConflictedCopies(path, m.Details.ID) {
		fmt.Fprintf(stdout, "%s: warning: %s left a conflicted copy of this meeting beside it: %s: merge it in (parley merge %s %s) and delete it\n",
			path, c.Service, filepath.Base(c.Path), quoteArg(path), quoteArg(c.Path))
	}
}

// mergeJob is one merge of two copies: b into a, written to out ("" for a
// itself, "-" for standard output).
type mergeJob struct {
	a, b, base, out string
	labelA, labelB  string
	// nameA and nameB name the copies in the report (default: a and b).
	nameA, nameB string
	force        bool
}

// mergeFiles runs a merge and reports it as parley merge does. It holds
// the lock of the file written from reading a to writing the result.
func mergeFiles(j mergeJob, stdout, stderr io.Writer) int {
	pathA, pathB := j.a, j.b
	o, code := openOutput("merge", pathA, j.out, stdout, stderr)
	if code != exitOK {
		return code
	}
	defer o.close()
	mine, _, code := o.load()
	if code != exitOK {
		return code
	}
	theirs, _, code := loadMeeting(pathB, stderr)
	if code != exitOK {
		return code
	}
	opt := app.MergeOptions{MineLabel: j.labelA, TheirsLabel: j.labelB, Force: j.force}
	if j.base != "" {
		if opt.Base, _, code = loadMeeting(j.base, stderr); code != exitOK {
			return code
		}
	}
	merged, rep, err := app.Merge(mine, theirs, opt)
	if errors.Is(err, app.ErrNotSameMeeting) {
		fmt.Fprintf(stderr, "parley: merge: %v (--force)\n", err)
		return exitRefused
	}
	if err != nil {
		fmt.Fprintf(stderr, "parley: merge: %v\n", err)
		return exitBad
	}
	// Never write a file Parley would refuse to open.
	if probs := app.Validate(merged); app.HasFatal(probs) {
		for _, p := range probs {
			if p.Severity == app.Fatal {
				fmt.Fprintf(stderr, "%s: %s\n", o.name(), p)
			}
		}
		fmt.Fprintf(stderr, "parley: merge: the result would be inconsistent: nothing written; please report this with both files\n")
		return exitBad
	}
	storage.CarryPassphrase(o.dest, pathA, pathB)
	if code := o.save(merged); code != exitOK {
		return code
	}
	report := o.report
	fmt.Fprintf(report, "merged %s into %s: wrote %s\n", cmp.Or(j.nameB, pathB), cmp.Or(j.nameA, pathA), o.name())
	for _, line := range rep.Summary() {
		fmt.Fprintf(report, "  %s\n", line)
	}
	if len(merged.Conflicts) == 0 {
		return exitOK
	}
	noun := "conflicts remain"
	if len(merged.Conflicts) == 1 {
		noun = "conflict remains"
	}
	fmt.Fprintf(report, "%d %s (where: mine | theirs), stored in %s; settle them in Parley (Problems view):\n", len(merged.Conflicts), noun, o.name())
	for _, c := range merged.Conflicts {
		fmt.Fprintln(report, c.String())
	}
	return exitRefused
}
