package main

import (
	"errors"
	"fmt"
	"io"

	"parley/app"
	"parley/storage"
)

// stdoutName is the -o value that writes to standard output.
const stdoutName = "-"

// lockWait is how long a command waits for another command's lock on a
// meeting (a variable for tests).
var lockWait = storage.CommandLockWait

// beforeSave, when set, runs just before a command writes the meeting
// file it has read (tests use it to change the file meanwhile).
var beforeSave func(path string)

// meetingOutput is where a command that changes a meeting writes it: over
// the file it read, to -o OUT, or to standard output (-o -). Writing a
// file holds the file's lock from before the meeting is read until it is
// written, so that two commands never lose each other's work and a
// meeting open in a window is left alone, and the write checks that the
// file is still what was read.
type meetingOutput struct {
	command string
	// input is the meeting file read ("" for none), dest the file written
	// or stdoutName.
	input, dest string
	// update holds the lock of dest; nil for standard output.
	update *storage.Update
	stdout io.Writer
	stderr io.Writer
	// report is where the command's own messages go: standard output, or
	// standard error when the meeting goes there.
	report io.Writer
}

// openOutput prepares to write the meeting read from input ("" for none)
// to out, or over input when out is "". Unless the meeting goes to
// standard output, it takes the lock of the file written: it waits a
// while for another command's lock, saying so, and refuses a file open in
// a window. Call close when done.
func openOutput(command, input, out string, stdout, stderr io.Writer) (*meetingOutput, int) {
	o := &meetingOutput{command: command, input: input, dest: out, stdout: stdout, stderr: stderr, report: stdout}
	if o.dest == "" {
		o.dest = input
	}
	if o.dest == stdoutName {
		o.report = stderr
		return o, exitOK
	}
	if _, err := storage.SaveTarget(o.dest); err != nil {
		return nil, writeFailed(o.dest, err, stderr)
	}
	u, err := storage.BeginUpdate(o.dest, command, lockWait, func(h storage.LockInfo) {
		fmt.Fprintf(stderr, "%s: waiting for %s to finish with it (up to %s)…\n", o.dest, holderName(h), lockWait)
	})
	var held *storage.LockedError
	if errors.As(err, &held) {
		return nil, lockRefused(o.dest, held.Holder, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitBad
	}
	o.update = u
	return o, exitOK
}

// holderName names the holder of a command's lock: "parley import-people
// (alice on office-pc, process 4242)".
func holderName(h storage.LockInfo) string {
	if h.App == "" && h.Host == "" {
		return "another Parley" // a lock being written: no name in it yet
	}
	who := h.User
	if who == "" {
		who = "someone"
	}
	if h.Host != "" {
		who += " on " + h.Host
	}
	if h.PID > 0 {
		who += fmt.Sprintf(", process %d", h.PID)
	}
	if h.Command == "" {
		return "another Parley (" + who + ")"
	}
	return "parley " + h.Command + " (" + who + ")"
}

// lockRefused says why a command does not write a meeting whose lock
// another Parley holds, and returns the exit code.
func lockRefused(path string, h storage.LockInfo, stderr io.Writer) int {
	if h.Command == "" && h.App != "" {
		user := h.User
		if user == "" {
			user = "someone"
		}
		fmt.Fprintf(stderr, "%s: open in Parley on %s by %s since %s: close it there, or write elsewhere with -o OUT.parley\n",
			path, h.Host, user, h.Time.Local().Format("2006-01-02 15:04"))
		return exitBad
	}
	fmt.Fprintf(stderr, "%s: still in use by %s after waiting %s: try again once it has finished "+
		"(if no Parley command is working on it, remove %s)\n", path, holderName(h), lockWait, storage.LockPath(path))
	return exitBad
}

// inPlace reports whether the command writes back the file it reads.
func (o *meetingOutput) inPlace() bool {
	return o.update != nil && o.input != "" && storage.SameFile(o.input, o.dest)
}

// load reads the input meeting, under the lock and remembering what it
// read when the command writes it back.
func (o *meetingOutput) load() (*app.Meeting, []app.Problem, int) {
	if !o.inPlace() {
		return loadMeeting(o.input, o.stderr)
	}
	m, probs, err := o.update.Load()
	return m, probs, loadFailed(o.input, err, o.stderr)
}

// name is the output's name for messages.
func (o *meetingOutput) name() string {
	if o.dest == stdoutName {
		return "(standard output)"
	}
	return o.dest
}

// save writes the meeting and returns the exit code.
func (o *meetingOutput) save(m *app.Meeting) int {
	if o.update == nil {
		data, err := storage.Encode(m)
		if err != nil {
			fmt.Fprintf(o.stderr, "%s: %v\n", o.input, err)
			return exitBad
		}
		return writeOut(o.dest, data, o.stdout, o.stderr)
	}
	if o.input != "" {
		storage.CarryPassphrase(o.dest, o.input) // a copy of an encrypted meeting is encrypted too
	}
	if beforeSave != nil {
		beforeSave(o.dest)
	}
	err := o.update.Save(m)
	var conflict *storage.UpdateConflict
	switch {
	case errors.As(err, &conflict):
		fmt.Fprintln(o.stderr, err)
		if conflict.Aside != "" {
			fmt.Fprintf(o.stderr, "parley: merge them with: parley merge %s %s\n", quoteArg(o.dest), quoteArg(conflict.Aside))
		}
		return exitBad
	case err != nil && !writtenAnyway(o.dest, err, o.stderr):
		return writeFailed(o.dest, err, o.stderr)
	}
	return exitOK
}

// close releases the lock.
func (o *meetingOutput) close() {
	if o != nil {
		o.update.Close()
	}
}

// writeOut writes data to path atomically, or to standard output when the
// path is "" or stdoutName.
func writeOut(path string, data []byte, stdout, stderr io.Writer) int {
	if path == "" || path == stdoutName {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "parley: cannot write to standard output: %v\n", err)
			return exitBad
		}
		return exitOK
	}
	if err := storage.WriteAtomic(path, data); err != nil && !writtenAnyway(path, err, stderr) {
		return writeFailed(path, err, stderr)
	}
	return exitOK
}

// writtenAnyway reports whether a write that returned err has replaced the
// file all the same (only flushing its folder to the disk failed after),
// and then warns: running the command again would do its work twice.
func writtenAnyway(path string, err error, stderr io.Writer) bool {
	if !errors.Is(err, storage.ErrNotFlushed) {
		return false
	}
	var fe *storage.Error
	if errors.As(err, &fe) && fe.Kind != nil {
		err = fe.Kind
	}
	fmt.Fprintf(stderr, "%s: warning: %v: the file holds the new content, though a power cut "+
		"in the next moments could bring back the old one; do not run the command again\n", path, err)
	return true
}

// writeFailed says what a failed write left, and returns the exit code.
func writeFailed(path string, err error, stderr io.Writer) int {
	var fe *storage.Error
	switch {
	case errors.As(err, &fe) && fe.Path != "":
		fmt.Fprint(stderr, err)
	default:
		fmt.Fprintf(stderr, "%s: cannot write: %v", path, err)
	}
	if errors.Is(err, storage.ErrNotRegular) {
		fmt.Fprint(stderr, " (to write to standard output, use -o -)")
	}
	fmt.Fprintln(stderr)
	return exitBad
}
