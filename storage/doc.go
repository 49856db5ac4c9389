// Package storage reads and writes .parley files.
//
// A .parley file is UTF-8 JSON, indented, with a format marker and a
// format version first ("format": "parley", "version": "1.0") and then the
// meeting's records in canonical order, so that a file diffs cleanly.
//
// Versions: the major number changes when an older Parley could misread a
// file; the minor number when fields are only added. A file of a newer
// minor version is read, and the fields this build does not know are kept
// and written back. A file of a newer major version is refused, and never
// overwritten. Older files are brought up to date by registered migration
// steps, one per version, run on the raw JSON before decoding.
//
// Format history: 1.0 is the first released format. 1.1 adds the series
// and multilateral fields: the meeting's "groupName", a participant's
// "toConfirm", a programme item's "lastTime" (its brief at the last
// meeting) and the statement's "earlier" (agreed paragraphs of earlier
// meetings with their sources). A 1.0 file reads with them empty; a 1.0
// build keeps them in a 1.1 file unread and writes them back.
//
// Saving is atomic: the new content goes to a temporary file in the same
// folder, is flushed to disk, and replaces the old file by rename; the
// folder is flushed too. A failure before the rename leaves the previous
// file as it was; the rename is the commit point, and a failure after it
// says the file is saved but not flushed (ErrNotFlushed). A save through a
// symbolic link replaces the file the link leads to, beside itself, and
// the link stays; a folder, device or pipe is never replaced
// (ErrNotRegular). Locks and recovery copies follow the real file too.
//
// Files between machines. A meeting file travels (office, laptop,
// embassy) and two people edit copies at once, so the file carries what a
// merge needs, without a common ancestor: every record has a UUID, the dot
// (editing session, sequence number) of the edit that made it and of the
// last edit of each field ("made", "revs"); the meeting has a clock (per
// session, the last edit the copy contains), tombstones of deleted records
// ("deleted") and the conflicts not yet resolved ("conflicts"); a statement
// paragraph keeps its earlier texts with their dots ("history"). For each
// field, the copy whose clock covers the other's dot but not the reverse
// holds the newer value; when neither does, both edited it: equal values
// merge, order fields (position, side, parent item) take the greater dot,
// a paragraph's text merges word by word from the newest text both
// histories share, anything else becomes a conflict stored in the file
// (app.Merge has the rules). A record one copy lacks was added by the other
// unless the first holds its tombstone: then it was deleted there, and it
// stays deleted unless the other copy edited it since (a conflict). Two
// values under the same dot mean a copy was changed outside Parley: a
// conflict too, so a hand edit is never dropped silently. Clocks
// merge by maximum, tombstones by union, so merging is deterministic and
// can be repeated in any order.
//
// Never overwriting blindly: LoadTracked returns the file's Fingerprint
// (size, time, SHA-256), and SaveChecked refuses, with ErrChanged, to
// replace a file whose content changed since (another Parley, a sync tool):
// the user merges, saves elsewhere, or overwrites on purpose. An open file
// has a lock beside it (Lock, ".NAME.lock": host, process, user, time), so
// that a second Parley warns before opening it; a lock whose process is
// gone or that has not been refreshed for LockStaleAfter is cleared. A
// command that changes a file does it as an Update (BeginUpdate): it holds
// the lock from reading to writing, waiting a bounded time for another
// command's and refusing a window's, and its Save checks the fingerprint;
// when the file changed or a window took it over, the result goes beside
// it (UpdateConflict) and both versions are left to merge. A file that
// starts with a UTF-8 byte-order mark is read; none is ever written.
//
// Recovery: while a document has unsaved changes the window writes a
// recovery copy every RecoveryInterval, atomically, to the user's cache
// folder (Recovery, keyed by the file's path, with the original path and
// fingerprint beside it); a successful save discards it, and after a crash
// the next start offers the copies whose process is gone.
//
// Every error names the file and, where it can, the record and field (with
// line and column), and says what to do.
package storage
