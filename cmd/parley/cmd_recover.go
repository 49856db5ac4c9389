package main

import (
	"fmt"
	"io"
	"strings"

	"parley/storage"
)

func init() {
	register("recover", command{summary: "list, restore or discard the recovery copies of unsaved changes",
		usage: recoverUsage, run: cmdRecover})
}

const recoverUsage = "recover --list | recover FILE.parley [-o OUT.parley|-] [--force] | recover --discard FILE.parley"

// cmdRecover works on the recovery copies the window writes while a
// meeting has unsaved changes. FILE names the meeting the copy is of (as
// --list shows it; "untitled" for a meeting never saved). Restoring writes
// the copy over FILE, unless FILE changed since the unsaved changes began
// (then -o writes it elsewhere, to merge), or to -o OUT.
func cmdRecover(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("recover", recoverUsage, stderr)
	list := fs.Bool("list", false, "list the recovery copies")
	discard := fs.Bool("discard", false, "discard the recovery copy of FILE")
	out := fs.String("o", "", "write the recovered meeting here instead of over FILE (- for standard output)")
	force := fs.Bool("force", false, "restore over FILE even though it changed since")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	rec, err := storage.DefaultRecovery()
	if err != nil {
		fmt.Fprintf(stderr, "parley: recover: %v\n", err)
		return exitBad
	}
	if *list {
		if len(pos) > 0 || *discard || *out != "" {
			return usageError(stderr, recoverUsage, "--list takes no file")
		}
		return listRecovery(rec, stdout, stderr)
	}
	if len(pos) != 1 {
		return usageError(stderr, recoverUsage, "name the meeting whose recovery copy to restore (parley recover --list shows them)")
	}
	c, ok := findRecovery(rec, pos[0])
	if !ok {
		fmt.Fprintf(stderr, "%s: no recovery copy (parley recover --list shows the copies there are)\n", pos[0])
		return exitBad
	}
	if c.Live {
		fmt.Fprintf(stderr, "%s: still open in a running Parley (process %d): save it there; its recovery copy is in use\n", c.Name(), c.PID)
		return exitRefused
	}
	if *discard {
		if *out != "" {
			return usageError(stderr, recoverUsage, "--discard writes nothing: drop -o")
		}
		if err := rec.DiscardCopy(c); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", c.Name(), err)
			return exitBad
		}
		fmt.Fprintf(stdout, "discarded the recovery copy of %s (saved %s)\n", c.Name(), c.Saved.Local().Format("2006-01-02 15:04"))
		return exitOK
	}
	target := *out
	if target == "" {
		if c.Original == "" {
			return usageError(stderr, recoverUsage, "the copy is of an untitled meeting: say where to write it with -o OUT.parley")
		}
		target = c.Original
	}
	m, _, err := rec.Read(c)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n(the recovery copy of %s is damaged: discard it with parley recover --discard)\n", err, c.Name())
		return exitBad
	}
	overOriginal := c.Original != "" && target != stdoutName && storage.SameFile(target, c.Original)
	o, code := openOutput("recover", "", target, stdout, stderr)
	if code != exitOK {
		return code
	}
	defer o.close()
	if overOriginal {
		// Under the lock: the file as it is now, which the save checks.
		now, err := o.update.Track()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitBad
		}
		if !*force && !now.Same(c.Base) {
			fmt.Fprintf(stderr, "%s: changed since the unsaved changes in its recovery copy began: write the copy elsewhere "+
				"(parley recover %s -o OTHER.parley) and merge the two (parley merge %s OTHER.parley), or overwrite it with --force\n",
				c.Original, quoteArg(pos[0]), quoteArg(c.Original))
			return exitRefused
		}
	}
	storage.CarryPassphrase(o.dest, c.Original, c.Copy)
	if code := o.save(m); code != exitOK {
		return code
	}
	saved := c.Saved.Local().Format("2006-01-02 15:04")
	if overOriginal {
		if err := rec.DiscardCopy(c); err != nil {
			fmt.Fprintf(stderr, "%s: restored, but %v\n", target, err)
			return exitBad
		}
		fmt.Fprintf(o.report, "restored %s from its recovery copy (saved %s); the copy is discarded\n", target, saved)
		return exitOK
	}
	fmt.Fprintf(o.report, "wrote %s from the recovery copy of %s (saved %s); the copy is kept (parley recover --discard %s removes it)\n",
		o.name(), c.Name(), saved, quoteArg(pos[0]))
	return exitOK
}

func listRecovery(rec *storage.Recovery, stdout, stderr io.Writer) int {
	copies, err := rec.List()
	if err != nil {
		fmt.Fprintf(stderr, "parley: recover: %v\n", err)
		return exitBad
	}
	if len(copies) == 0 {
		fmt.Fprintf(stdout, "no recovery copies in %s\n", rec.Dir)
		return exitOK
	}
	for _, c := range copies {
		name := c.Original
		if name == "" {
			name = "untitled"
		}
		state := ""
		if c.Live {
			state = fmt.Sprintf("  (open in a running Parley, process %d)", c.PID)
		}
		fmt.Fprintf(stdout, "%s  saved %s  %s%s\n  copy: %s\n", name, c.Saved.Local().Format("2006-01-02 15:04:05"), sizeText(c.Size), state, c.Copy)
	}
	return exitOK
}

// findRecovery finds the copy of the meeting at path ("untitled" for the
// untitled one), or the copy itself when path names a copy or its key.
func findRecovery(rec *storage.Recovery, path string) (storage.RecoveryCopy, bool) {
	if c, ok := rec.Find(path); ok {
		return c, true
	}
	if path == "untitled" {
		if c, ok := rec.Find(""); ok {
			return c, true
		}
	}
	copies, _ := rec.List()
	for _, c := range copies {
		if storage.SameFile(c.Copy, path) || c.Key == path || c.Key+storage.Extension == path {
			return c, true
		}
	}
	return storage.RecoveryCopy{}, false
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// quoteArg quotes a path for a command line shown to the user, when needed.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$&;|<>()*?") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
