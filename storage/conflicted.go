package storage

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Conflicted copies. When two machines change a meeting file in a sync
// folder before either has seen the other's change, the sync tool keeps
// both: one under the file's name, the other renamed beside it. The names
// each tool gives (for meeting.parley):
//
//	Dropbox       meeting (Anna's conflicted copy 2026-12-05).parley
//	              meeting (conflicted copy 2026-12-05).parley
//	Nextcloud     meeting (conflicted copy 2026-12-05 101010).parley
//	(ownCloud)    meeting_conflict-20261205-101010.parley (older clients)
//	Syncthing     meeting.sync-conflict-20261205-101010-ABCDEFG.parley
//	OneDrive      meeting-LAPTOP-7Q2.parley, meeting-LAPTOP-7Q2-2.parley
//	              (the computer's name appended)
//	Google Drive  meeting (1).parley
//	Parley        meeting.conflict-20261205-101010.parley (a command's
//	              result it could not write over a file changed meanwhile)
//
// A name alone proves little (meeting-draft.parley fits OneDrive's
// pattern), so a copy counts only when it is the same meeting: the same
// meeting ID as the file it sits beside.

// ConflictedCopy is a sync tool's conflicted copy of a meeting file.
type ConflictedCopy struct {
	// Path is the copy's path.
	Path string
	// Service names the sync tool whose pattern the name fits.
	Service string
	// Modified is the copy's modification time.
	Modified time.Time
}

var conflictPatterns = []struct {
	service string
	re      *regexp.Regexp // matched against the name without the extension, after the original's
}{
	{"Dropbox or Nextcloud", regexp.MustCompile(`(?i)^ \((?:[^()]*'s )?conflicted copy(?: [^()]*)? \d{4}-\d{2}-\d{2}(?: \d{6})?(?: \(\d+\))?\)$`)},
	{"ownCloud", regexp.MustCompile(`^_conflict-\d{8}-\d{6}$`)},
	{"Syncthing", regexp.MustCompile(`^\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?$`)},
	{"Google Drive", regexp.MustCompile(`^ \(\d{1,3}\)$`)},
	{"Parley", regexp.MustCompile(`^\.conflict-\d{8}-\d{6}(?:-\d+)?$`)},
	{"OneDrive", regexp.MustCompile(`^-[A-Za-z0-9][A-Za-z0-9-]{0,62}$`)},
}

// ConflictedCopyService reports whether name (a file name) fits a sync
// tool's pattern for a conflicted copy of original (a file name), and
// names the tool.
func ConflictedCopyService(name, original string) (string, bool) {
	ext := filepath.Ext(original)
	base := strings.TrimSuffix(original, ext)
	if name == original || !strings.HasSuffix(name, ext) || !strings.HasPrefix(name, base) {
		return "", false
	}
	rest := strings.TrimSuffix(strings.TrimPrefix(name, base), ext)
	for _, p := range conflictPatterns {
		if p.re.MatchString(rest) {
			return p.service, true
		}
	}
	return "", false
}

// FindConflictedCopies lists the conflicted copies of the meeting file at
// path left beside it by sync tools, oldest first, keeping only those that
// are the same meeting (meeting ID id). An encrypted copy counts when it
// opens with the passphrase of path; nothing is asked for.
func FindConflictedCopies(path, id string) []ConflictedCopy {
	dir, original := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []ConflictedCopy
	for _, e := range entries {
		service, ok := ConflictedCopyService(e.Name(), original)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if meetingID(p, path) != id {
			continue
		}
		c := ConflictedCopy{Path: p, Service: service}
		if info, err := e.Info(); err == nil {
			c.Modified = info.ModTime()
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b ConflictedCopy) int { return a.Modified.Compare(b.Modified) })
	return out
}

// meetingID reads the meeting ID of the file at p ("" when it cannot be
// read), decrypting with the passphrase known for keyOf.
func meetingID(p, keyOf string) string {
	data, err := ReadFile(p)
	if err != nil {
		return ""
	}
	if IsEncrypted(data) {
		pass, _ := knownPassphrase(keyOf)
		if pass == "" {
			return ""
		}
		if data, err = Decrypt(data, pass); err != nil {
			return ""
		}
	}
	m, err := Decode(data)
	if err != nil {
		return ""
	}
	return m.Details.ID
}
