package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

func TestSearchAgreed(t *testing.T) {
	dir := t.TempDir()
	// The sample: agreed paragraphs 1, 2, 6, 6(a), 6(b), 7; paragraph 6(a)
	// also marked as agreed language. Headings are never matches.
	m := sample.Sample()
	for _, p := range m.Paragraphs {
		if p.LeadIn == "Harden cyber defences" {
			p.AgreedLanguage = true
		}
	}
	if err := Save(filepath.Join(dir, "2016-tokyo.parley"), m); err != nil {
		t.Fatal(err)
	}
	// A later meeting where only paragraph 7 is agreed and nothing is
	// marked as agreed language.
	m2 := sample.Sample()
	m2.Details.Ordinal = 3
	m2.Details.Start = "2017-09-01"
	for _, p := range m2.Paragraphs {
		p.AgreedLanguage = false
		if p.State == app.StateAgreed && p.Kind != app.ParaHeading && !strings.HasPrefix(p.Text.Plain(), "The Strategic Cyber Partnership will") {
			p.State = app.StateProposed
		}
	}
	if err := Save(filepath.Join(dir, "2017-canberra.parley"), m2); err != nil {
		t.Fatal(err)
	}
	// Files that are not meetings, or are broken, are reported, not fatal.
	os.WriteFile(filepath.Join(dir, "broken.parley"), []byte("{not json"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not searched"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub.parley"), 0o755)

	matches, problems := SearchAgreed(dir, "")
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "broken.parley") {
		t.Errorf("problems: %v", problems)
	}
	var got []string
	for _, mt := range matches {
		s := mt.Source
		got = append(got, s.File+" "+s.Number)
		if s.Meeting == "" || s.Date == "" {
			t.Errorf("source incomplete: %+v", s)
		}
	}
	want := "2016-tokyo.parley 1|2016-tokyo.parley 2|2016-tokyo.parley 6|2016-tokyo.parley 6(a)|2016-tokyo.parley 6(b)|2016-tokyo.parley 7|2017-canberra.parley 7"
	if strings.Join(got, "|") != want {
		t.Errorf("matches\ngot  %s\nwant %s", strings.Join(got, "|"), want)
	}

	// Words narrow the search, in any case; the source is complete.
	matches, _ = SearchAgreed(dir, "HARDEN defences")
	if len(matches) != 1 {
		t.Fatalf("matches %d", len(matches))
	}
	mt := matches[0]
	if !mt.Marked || mt.Source.Number != "6(a)" || mt.Source.Date != "2016-08-02" || mt.Source.File != "2016-tokyo.parley" ||
		mt.Source.Meeting != "2nd Japan-Australia Cyber Policy Dialogue" || mt.Statement != m.Statement.Title {
		t.Errorf("match %+v", mt)
	}
	// Insert it into another statement with its source.
	target := sample.Sample()
	doc := app.NewDocument(target)
	last := target.Paragraphs[len(target.Paragraphs)-1].ID
	e, id, err := target.InsertAgreedLanguageEdit(last, mt.Paragraph, mt.Source)
	if err == nil {
		err = doc.Apply(e)
	}
	if err != nil {
		t.Fatal(err)
	}
	p := target.ParagraphByID(id)
	if p.Source == nil || *p.Source != mt.Source || p.LeadIn != "Harden cyber defences" || !p.AgreedLanguage {
		t.Errorf("inserted %+v", p)
	}
	// Saved and loaded, the source survives.
	path := filepath.Join(t.TempDir(), "new.parley")
	if err := Save(path, target); err != nil {
		t.Fatal(err)
	}
	back, _, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if q := back.ParagraphByID(id); q == nil || q.Source == nil || q.Source.Number != "6(a)" {
		t.Errorf("loaded %+v", q)
	}

	if _, problems := SearchAgreed(filepath.Join(dir, "missing"), ""); len(problems) != 1 || !strings.Contains(problems[0].Error(), "cannot list") {
		t.Errorf("missing folder: %v", problems)
	}
}
