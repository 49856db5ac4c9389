package pack

import (
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// TestMultilateralPack: a four-sided meeting's copies list the host first,
// then the others alphabetically, in every section; the fixed order is a
// per-export choice; the copy's side decides whose brief it is.
func TestMultilateralPack(t *testing.T) {
	m := sample.Multilateral()
	tests := []struct {
		name, side string
		order      app.SideOrder
		briefFor   string
		sides      []string // delegation headings, signatories and leads in order
		notBio     string   // the copy's own principal, not among the biographies
	}{
		{"India's copy", "IN", app.OrderAuto, "Mr Arjun Mehta", []string{"Australian", "Indian", "Japanese", "United States"}, "Mr Arjun Mehta"},
		{"Australia's copy", "AU", app.OrderAuto, "Ms Kate Brennan", []string{"Australian", "Indian", "Japanese", "United States"}, "Ms Kate Brennan"},
		{"fixed order", "US", app.OrderFixed, "Mr Daniel Brooks", []string{"Australian", "Japanese", "Indian", "United States"}, "Mr Daniel Brooks"},
		{"own side first", "US", app.OrderOwnFirst, "Mr Daniel Brooks", []string{"United States", "Australian", "Japanese", "Indian"}, "Mr Daniel Brooks"},
	}
	// The first words of each signatory's title (the columns' lines interleave in the text).
	sigs := map[string]string{"Australian": "Ambassador for Cyber", "Indian": "Joint Secretary,",
		"Japanese": "Ambassador in charge", "United States": "Deputy Assistant"}
	leads := map[string]string{"Australian": "AU Kate Brennan", "Indian": "IN Arjun Mehta", "Japanese": "JP OKADA Kenichi",
		"United States": "US Daniel Brooks"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages := pageTexts(t, render(t, m, Options{Side: side(t, m, tc.side), SideOrder: tc.order}))
			cover := flat(body(pages[0]))
			for _, want := range []string{"3rd Quad Senior Cyber Group", "Brief for " + tc.briefFor, "Hosted by Australia"} {
				if !strings.Contains(cover, want) {
					t.Errorf("cover lacks %q:\n%s", want, cover)
				}
			}
			all := flat(strings.Join(pages[2:], "\n"))
			inOrder := func(what, all string, find func(string) string) {
				t.Helper()
				last := -1
				for _, s := range tc.sides {
					i := strings.Index(all[max(last, 0):], find(s))
					if i < 0 {
						t.Errorf("%s: %q not found after %d", what, find(s), last)
						return
					}
					last = max(last, 0) + i
				}
			}
			statement := all[strings.LastIndex(all, "Draft joint statement"):]
			inOrder("delegations", all, func(s string) string { return s + " delegation No. Name" })
			inOrder("signatories", statement, func(s string) string { return sigs[s] })
			inOrder("leads of the opening", all, func(s string) string { return leads[s] })
			bios := all[strings.LastIndex(all, "Biographies"):]
			bios = bios[:strings.Index(bios, "Draft joint statement")]
			if strings.Contains(bios, tc.notBio) {
				t.Errorf("the biographies hold the copy's own principal %s", tc.notBio)
			}
		})
	}
}

// TestEightSides: with eight sides the programme's leads share one
// column, each side's brackets carry its own code and colour, and the
// statement names the sides' colours.
func TestEightSides(t *testing.T) {
	m := sample.MultilateralWith(sample.MultilateralOptions{Sides: 8})
	pages := pageTexts(t, render(t, m, Options{}))
	all := flat(strings.Join(pages, "\n"))
	if strings.Contains(all, "Lead: ") || !strings.Contains(all, "Time Item Leads Location") {
		t.Error("the programme does not put the leads of eight sides in one column")
	}
	if !strings.Contains(all, "Sides: AU Australia · CA Canada · IN India · JP Japan · NZ New Zealand · KR Korea · GB United Kingdom · US United States") {
		t.Error("no legend of the sides' brackets in order")
	}
	for _, code := range []string{"]AU", "]CA", "]IN", "]JP", "]NZ", "]KR", "]GB", "]US"} {
		if !strings.Contains(strings.ReplaceAll(all, " ", ""), code) {
			t.Errorf("no bracket tagged %s", code)
		}
	}
	b := &builder{m: m}
	seen := map[rgb]string{}
	for _, s := range m.Sides {
		br, txt, tag := b.bracketStyles(s.ID)
		if br.color != txt.color || br.color != tag.color {
			t.Errorf("%s: bracket, text and tag in different colours", s.Code)
		}
		if other, dup := seen[br.color]; dup {
			t.Errorf("%s and %s share a colour", s.Code, other)
		}
		seen[br.color] = s.Code
	}
	if br, _, _ := b.bracketStyles(""); br.color != bracketC {
		t.Error("a bracket with no side is not in the default colour")
	}
}
