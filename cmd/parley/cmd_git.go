package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"parley/storage"
)

func init() {
	register("merge-driver", command{summary: "git's merge driver for meeting files (see git-setup): merges %B into %A; exit 3 when conflicts remain",
		usage: mergeDriverUsage, run: cmdMergeDriver})
	register("git-setup", command{summary: "make git merge meeting files with Parley in the repository at DIR (default: here)",
		usage: gitSetupUsage, run: cmdGitSetup})
}

const (
	mergeDriverUsage = "merge-driver BASE OURS THEIRS [PATH]"
	gitSetupUsage    = "git-setup [DIR] [--command CMD]"
)

// gitAttribute is the .gitattributes line that routes meeting files to
// the driver.
const gitAttribute = "*" + storage.Extension + " merge=parley"

// cmdMergeDriver follows git's merge-driver contract: BASE (%O), OURS
// (%A) and THEIRS (%B) are temporary files, PATH (%P) the file's name in
// the repository; the result goes into OURS, and the exit code is 0 for a
// clean merge and non-zero when conflicts remain (they are stored in the
// result, to settle in the window) or the merge failed (OURS untouched).
// An empty BASE (the file was added on both branches) merges without one.
func cmdMergeDriver(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("merge-driver", mergeDriverUsage, stderr)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 3 && len(pos) != 4 {
		return usageError(stderr, mergeDriverUsage, "git passes %%O %%A %%B %%P")
	}
	base, ours, theirs := pos[0], pos[1], pos[2]
	name := ours
	if len(pos) == 4 {
		name = pos[3]
	}
	if st, err := os.Stat(base); err == nil && st.Size() == 0 {
		base = ""
	}
	j := mergeJob{a: ours, b: theirs, base: base, out: ours,
		labelA: name + " (ours)", labelB: name + " (theirs)", nameA: name + " (ours)", nameB: name + " (theirs)"}
	// git's messages go to the terminal: Parley's report goes there too,
	// on stderr, so that nothing is mistaken for git's own output.
	code := mergeFiles(j, stderr, stderr)
	if code == exitRefused {
		fmt.Fprintf(stderr, "%s: conflicts remain, stored in the file: open it in Parley, settle them (Problems view), save, then git add it\n", name)
	}
	return code
}

// cmdGitSetup writes the .gitattributes line and the repository's git
// config for the merge driver. Running it again changes nothing.
func cmdGitSetup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("git-setup", gitSetupUsage, stderr)
	command := fs.String("command", "", "how git should run Parley (default: this program's full path)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 1 {
		return usageError(stderr, gitSetupUsage, "name one repository folder")
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	top, err := exec.Command("git", "-C", dir, "rev-parse", "--show-toplevel").Output()
	if err != nil {
		fmt.Fprintf(stderr, "%s: not in a git repository (or git is not installed): run git init first\n", dir)
		return exitBad
	}
	root := strings.TrimSpace(string(top))
	if *command == "" {
		exe, err := os.Executable()
		if err != nil {
			fmt.Fprintf(stderr, "parley: git-setup: cannot tell where this program is (%v): give it with --command\n", err)
			return exitBad
		}
		*command = quoteArg(filepath.ToSlash(exe))
	}
	driver := *command + " merge-driver %O %A %B %P"
	for _, kv := range [][2]string{{"merge.parley.name", "Parley meeting merge"}, {"merge.parley.driver", driver}} {
		if out, err := exec.Command("git", "-C", root, "config", kv[0], kv[1]).CombinedOutput(); err != nil {
			fmt.Fprintf(stderr, "%s: git config %s: %v %s\n", root, kv[0], err, bytes.TrimSpace(out))
			return exitBad
		}
	}
	attrs := filepath.Join(root, ".gitattributes")
	old, err := os.ReadFile(attrs)
	if err != nil && !os.IsNotExist(err) {
		fmt.Fprintf(stderr, "%s: %v\n", attrs, err)
		return exitBad
	}
	added := false
	if !hasLine(old, gitAttribute) {
		if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
			old = append(old, '\n')
		}
		if err := storage.WriteAtomic(attrs, append(old, gitAttribute+"\n"...)); err != nil {
			fmt.Fprintf(stderr, "%s: cannot write: %v\n", attrs, err)
			return exitBad
		}
		added = true
	}
	fmt.Fprintf(stdout, "git merges %s files in %s with Parley:\n", storage.Extension, root)
	fmt.Fprintf(stdout, "  .git/config: merge.parley.driver = %s\n", driver)
	if added {
		fmt.Fprintf(stdout, "  .gitattributes: added %q (commit it, so that everyone's clone uses it)\n", gitAttribute)
	} else {
		fmt.Fprintf(stdout, "  .gitattributes: already has %q\n", gitAttribute)
	}
	fmt.Fprintln(stdout, "Each clone needs parley git-setup once: git does not copy its config.")
	return exitOK
}

func hasLine(data []byte, line string) bool {
	for _, l := range strings.Split(string(data), "\n") {
		if strings.Join(strings.Fields(l), " ") == line {
			return true
		}
	}
	return false
}
