package app

import (
	"strings"
	"unicode"
)

// Which side a name belongs to: the author of a tracked change in a Word
// draft ("Koichi Mizushima", "DFAT - Policy"), or a comment that says who
// proposed a bracket ("Proposed by Japan", "AU").

// SideOfAuthor returns the side a document author belongs to: the side
// of a participant with that name (given and family name in either order,
// or the name in its own script), of an agency whose abbreviation or name
// the author's name contains, or the side it names (see SideNamed). It
// returns nil when none, or more than one side, fits.
func (m *Meeting) SideOfAuthor(author string) *Side {
	a := foldName(author)
	if a == "" {
		return nil
	}
	found := map[string]bool{}
	for _, p := range m.People {
		for _, n := range []string{p.Given + " " + p.Family, p.Family + " " + p.Given, p.Native, p.Name()} {
			if n = foldName(n); n != "" && (n == a || containsWords(a, n)) {
				found[p.Side] = true
			}
		}
	}
	if len(found) == 0 {
		for _, ag := range m.Agencies {
			for _, n := range []string{ag.Abbrev, ag.Name} {
				if n = foldName(n); n != "" && containsWords(a, n) {
					found[ag.Side] = true
				}
			}
		}
	}
	if len(found) == 0 {
		return m.SideNamed(author)
	}
	return m.onlySide(found)
}

// SideNamed returns the side a short text names: by its code ("JP"), name,
// short name, name in titles or adjective ("Japanese"), as a word of the
// text ("Proposed by Japan", "JP proposal"). It returns nil when the text
// names no side, or more than one.
func (m *Meeting) SideNamed(text string) *Side {
	t := foldName(text)
	if t == "" {
		return nil
	}
	found := map[string]bool{}
	for _, s := range m.Sides {
		for _, n := range []string{s.Name, s.ShortName, s.TitleName, s.Adjective} {
			if n = foldName(n); n != "" && containsWords(t, n) {
				found[s.ID] = true
			}
		}
		// A code counts as written in capitals: "AU", not the French "au".
		if c := strings.TrimSpace(s.Code); c != "" && containsWords(" "+strings.Join(strings.FieldsFunc(text, notWordRune), " ")+" ", " "+strings.ToUpper(c)+" ") {
			found[s.ID] = true
		}
	}
	return m.onlySide(found)
}

func (m *Meeting) onlySide(found map[string]bool) *Side {
	if len(found) != 1 {
		return nil
	}
	for id := range found {
		return m.SideByID(id)
	}
	return nil
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// foldName lower-cases a name and reduces it to its words, one space
// apart, with a space at either end (" koichi mizushima ").
func foldName(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), notWordRune)
	if len(f) == 0 {
		return ""
	}
	return " " + strings.Join(f, " ") + " "
}

// containsWords reports whether the folded text holds the folded words
// as whole words.
func containsWords(text, words string) bool { return strings.Contains(text, words) }
