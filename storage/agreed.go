package storage

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"parley/app"
)

// AgreedMatch is a paragraph of agreed language found in an earlier
// meeting's file, with its source; insert it with
// Meeting.InsertAgreedLanguageEdit.
type AgreedMatch = app.AgreedText

// SearchAgreed looks for agreed language in the .parley files of a folder
// (not its sub-folders): paragraphs marked as agreed language, and
// paragraphs agreed in full (state agreed, no brackets, not an alternative
// wording, not a heading). When query is not empty, a paragraph matches
// when every word of the query is in its lead-in or text, in any case.
// Matches come in file name order, then statement order.
//
// A file that cannot be read or is not a valid meeting does not stop the
// search: it is reported among the problems (each error names its file),
// and the other files are searched.
func SearchAgreed(dir, query string) ([]AgreedMatch, []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{&Error{Path: dir, Kind: err, Msg: "cannot list the folder: " + err.Error()}}
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), Extension) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var out []AgreedMatch
	var problems []error
	for _, name := range names {
		path := filepath.Join(dir, name)
		m, _, err := Load(path)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		out = append(out, agreedIn(m, name, query)...)
	}
	return out, problems
}

// agreedIn returns the agreed paragraphs of one meeting that match the query.
func agreedIn(m *app.Meeting, file, query string) []AgreedMatch {
	var out []AgreedMatch
	for _, a := range m.AgreedLanguage(file) {
		if a.Matches(query) {
			out = append(out, a)
		}
	}
	return out
}
