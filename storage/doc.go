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
// Saving is atomic: the new content goes to a temporary file in the same
// folder, is flushed to disk, and replaces the old file by rename; the
// folder is flushed too. A failure at any point leaves the previous file as
// it was.
//
// Every error names the file and, where it can, the record and field (with
// line and column), and says what to do.
package storage
