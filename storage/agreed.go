package storage

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"parley/app"
)

// AgreedMatch is a paragraph of agreed language found in an earlier
// meeting's file.
type AgreedMatch struct {
	// Paragraph is the paragraph as it stands in that file, without
	// revision data; insert it with Meeting.InsertAgreedLanguageEdit.
	Paragraph app.Paragraph
	// Source says where it came from: the meeting's title, its date, the
	// paragraph's number and the file's name.
	Source app.Source
	// Statement is the title of the statement it is part of.
	Statement string
	// Marked reports that the paragraph was marked as agreed language;
	// otherwise it was found as an agreed paragraph.
	Marked bool
}

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
	words := strings.Fields(strings.ToLower(query))
	var out []AgreedMatch
	var problems []error
	for _, name := range names {
		path := filepath.Join(dir, name)
		m, _, err := Load(path)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		out = append(out, agreedIn(m, name, words)...)
	}
	return out, problems
}

// agreedIn returns the agreed paragraphs of one meeting that contain
// every word.
func agreedIn(m *app.Meeting, file string, words []string) []AgreedMatch {
	nums := m.Numbers()
	title := m.HostFirst().Title()
	var out []AgreedMatch
	for _, p := range m.Paragraphs {
		agreed := p.State == app.StateAgreed && p.AltOf == "" && p.Kind != app.ParaHeading && p.Text.OpenBrackets() == 0
		if !p.AgreedLanguage && !agreed {
			continue
		}
		if strings.TrimSpace(p.LeadIn+p.Text.Plain()) == "" {
			continue
		}
		hay := strings.ToLower(p.LeadIn + " " + p.Text.Plain())
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		number := nums.Ref[p.ID]
		out = append(out, AgreedMatch{
			Paragraph: p.Snapshot(),
			Source:    app.Source{Meeting: title, Date: m.Details.Start, Number: number, File: file},
			Statement: m.Statement.Title,
			Marked:    p.AgreedLanguage,
		})
	}
	return out
}
