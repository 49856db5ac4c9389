// Package app is Parley's domain: a meeting of a standing dialogue with its
// sides, agencies, people, programme, briefs, joint statement and numbered
// drafts, in plain Go.
//
// Design:
//   - Meeting holds every record of one .parley file. Each record embeds Rec:
//     a UUID, the Dot of the edit that made it and the Dot of the last edit
//     of each field. Deleted records leave a Tombstone. Together with the
//     meeting's Clock (what each editing session has contributed) this is
//     what lets two copies merge without a common ancestor.
//   - Ordered lists (precedence, programme, paragraphs) are ordered by a
//     fractional position key (Pos), so a move is a one-field edit that
//     merges like any other.
//   - Document is the one door for edits: it applies an Edit (a list of
//     Ops), stamps revisions, keeps undo/redo, tracks unsaved changes and
//     tells subscribers what changed.
//   - Derived views (display names, schedule, perspective, numbering,
//     validation) are pure functions of a Meeting.
//   - Statement drafting (brackets, alternatives, states, drafts) is a set
//     of methods returning Edits; Redline compares drafts word by word;
//     Lint flags treaty language; drafttext reads and writes the statement
//     as numbered plain text.
//   - Merge combines two copies of one meeting from their revision data
//     alone (a common ancestor is optional); what it cannot decide becomes
//     a Conflict kept in the file until someone settles it.
//
// The package imports neither the GUI toolkit nor the PDF library.
package app
