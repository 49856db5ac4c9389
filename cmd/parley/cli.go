package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"parley/app"
	"parley/storage"
)

// Exit codes shared by every subcommand.
const (
	exitOK      = 0
	exitBad     = 1 // the input is bad
	exitUsage   = 2 // the command line is wrong
	exitRefused = 3 // refused by a rule the user can resolve
)

// command is a subcommand.
type command struct {
	summary string
	usage   string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands are registered by each cmd_*.go file's init.
var commands = map[string]command{}

func register(name string, c command) { commands[name] = c }

func run(args []string, stdout, stderr io.Writer) int {
	storage.ForgetPassphrases()
	storage.SetPassphraseSource(promptPassphrase{stderr})
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "-help", "--help":
			printHelp(stdout)
			return exitOK
		}
		if c, ok := commands[args[0]]; ok {
			return c.run(args[1:], stdout, stderr)
		}
		if !strings.HasPrefix(args[0], "-") && !strings.Contains(args[0], ".") && !strings.Contains(args[0], "/") {
			fmt.Fprintf(stderr, "parley: unknown command %q\n", args[0])
			printUsageLine(stderr)
			return exitUsage
		}
	}
	return runWindow(args, stdout, stderr)
}

func printUsageLine(w io.Writer) {
	fmt.Fprintln(w, "usage: parley [FILE.parley] | parley COMMAND [ARGS]   (parley help lists the commands)")
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Parley prepares a meeting of a standing dialogue: programme, briefs, delegations and the joint statement.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage:")
	fmt.Fprintln(w, "  parley [FILE.parley]")
	fmt.Fprintln(w, "      open the window (the sample meeting when no file is named and none was open last)")
	fmt.Fprintln(w, "  parley [--view V] [--redline N:M] [--merge-with COPY.parley] [--snapshot OUT.png] [FILE.parley]")
	fmt.Fprintln(w, "      open on a view or a redline; merge a copy in once open; or write the first frame to OUT.png and quit")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  parley %s\n      %s\n", commands[n].usage, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Flags may stand before or after the file names. Exit codes: 0 done, 1 bad input, 2 usage, 3 refused by a rule.")
	fmt.Fprintln(w, "-o - writes to standard output. A command that changes a meeting file holds its lock meanwhile: it waits up to")
	fmt.Fprintf(w, "%s for another command's, and refuses a meeting open in the window.\n", storage.CommandLockWait)
}

// parseArgs parses flags that may stand before or after the positional
// arguments and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// newFlags makes a flag set for a subcommand that reports usage errors
// on stderr with the usage line.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: parley %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// usageError prints a usage problem and returns the usage exit code.
func usageError(stderr io.Writer, usage, format string, args ...any) int {
	fmt.Fprintf(stderr, "parley: "+format+"\n", args...)
	fmt.Fprintf(stderr, "usage: parley %s\n", usage)
	return exitUsage
}

// loadMeeting loads a meeting for a command, printing problems as
// "FILE: where: what". It returns nil and the exit code on failure.
func loadMeeting(path string, stderr io.Writer) (*app.Meeting, []app.Problem, int) {
	m, probs, err := storage.Load(path)
	return m, probs, loadFailed(path, err, stderr)
}

// loadFailed prints why a meeting could not be loaded and returns the exit
// code (exitOK when err is nil).
func loadFailed(path string, err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var fe *storage.Error
	if errors.As(err, &fe) && len(fe.Problems) > 1 {
		for _, p := range fe.Problems {
			fmt.Fprintf(stderr, "%s: %s\n", path, p)
		}
	} else {
		fmt.Fprintln(stderr, err)
	}
	if errors.Is(err, storage.ErrWrongPassphrase) || errors.Is(err, storage.ErrNoPassphrase) || errors.Is(err, storage.ErrEmptyPassphrase) {
		return exitRefused
	}
	return exitBad
}

// findSide resolves a --side value (code, short name or name, any case).
func findSide(m *app.Meeting, s string) (*app.Side, error) {
	if s == "" {
		return nil, nil
	}
	return m.FindSide(s)
}
