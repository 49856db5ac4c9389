package main

import (
	"fmt"
	"io"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

func init() {
	register("version", command{summary: "print the version", usage: "version", run: cmdVersion})
	register("sample", command{summary: "write the sample meeting (or the four-sided one, or the large generated one)",
		usage: sampleUsage, run: cmdSample})
	register("check", command{summary: "validate a meeting: exit 0 valid (warnings printed), 1 not; --final: 1 while the statement has anything open",
		usage: "check FILE.parley [--final]", run: cmdCheck})
}

func cmdVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageError(stderr, "version", "version takes no arguments")
	}
	fmt.Fprintln(stdout, versionLine(storage.Current.String()))
	return exitOK
}

const sampleUsage = "sample [--large [--native] | --multilateral [--sides N]] -o OUT.parley|-"

func cmdSample(args []string, stdout, stderr io.Writer) int {
	const usage = sampleUsage
	fs := newFlags("sample", usage, stderr)
	out := fs.String("o", "", "where to write the meeting (- for standard output)")
	large := fs.Bool("large", false, "write the large generated meeting used by the benchmarks")
	native := fs.Bool("native", false, "with --large: give every participant a native-script (CJK) name")
	multi := fs.Bool("multilateral", false, "write the four-sided sample meeting (Australia, India, Japan, United States)")
	sides := fs.Int("sides", 0, fmt.Sprintf("with --multilateral: how many sides, 4 to %d (partners join the Quad)", sample.MaxSides))
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		return usageError(stderr, usage, "unexpected argument %q", pos[0])
	}
	if *out == "" {
		return usageError(stderr, usage, "say where to write the meeting with -o OUT.parley")
	}
	var m *app.Meeting
	if *native && !*large {
		return usageError(stderr, usage, "--native goes with --large")
	}
	if *sides != 0 && (!*multi || *sides < 4 || *sides > sample.MaxSides) {
		return usageError(stderr, usage, "--sides goes with --multilateral and takes 4 to %d", sample.MaxSides)
	}
	switch {
	case *large && *multi:
		return usageError(stderr, usage, "choose --large or --multilateral")
	case *large:
		m = sample.Large(sample.LargeOptions{Native: *native})
	case *multi:
		m = sample.MultilateralWith(sample.MultilateralOptions{Sides: *sides})
	default:
		m = sample.Sample()
	}
	o, code := openOutput("sample", "", *out, stdout, stderr)
	if code != exitOK {
		return code
	}
	defer o.close()
	return o.save(m)
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	const usage = "check FILE.parley [--final]"
	fs := newFlags("check", usage, stderr)
	final := fs.Bool("final", false, "also list every open bracket, alternative wording and ad ref paragraph of the statement; exit 1 while any remain")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(stderr, usage, "name one meeting file")
	}
	path := pos[0]
	m, probs, code := loadMeeting(path, stderr)
	if code != exitOK {
		return code
	}
	// Problems read "FILE: where: what": errors on stderr, warnings (which
	// leave the meeting valid) on stdout with "warning:" before the what.
	bad := false
	for _, p := range probs {
		if p.Severity >= app.Error {
			fmt.Fprintf(stderr, "%s: %s\n", path, p)
			bad = true
		} else {
			fmt.Fprintf(stdout, "%s: %s: warning: %s\n", path, p.Where, p.What)
		}
	}
	listConflictedCopies(path, m, stdout)
	if *final {
		open := m.OpenItems()
		for _, o := range open {
			fmt.Fprintf(stderr, "%s: %s\n", path, o)
		}
		if n := len(open); n > 0 {
			items := "open items are"
			if n == 1 {
				items = "open item is"
			}
			fmt.Fprintf(stderr, "%s: statement: not final: %d %s left\n", path, n, items)
			bad = true
		}
	}
	if bad {
		return exitBad
	}
	return exitOK
}
