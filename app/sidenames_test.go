package app

import "testing"

func TestSideNamedAndAuthor(t *testing.T) {
	m := stmtMeeting()
	m.Sides[0].Adjective, m.Sides[1].Adjective = "Japanese", "Australian"
	m.People = []*Person{
		{Rec: Rec{ID: "p1"}, Side: "jp", Given: "Koichi", Family: "Mizushima", Native: "水島光一"},
		{Rec: Rec{ID: "p2"}, Side: "au", Given: "Rob", Family: "McKinnon"},
	}
	m.Agencies = []*Agency{{Rec: Rec{ID: "a1"}, Side: "au", Name: "Department of Foreign Affairs and Trade", Abbrev: "DFAT"}}
	named := []struct{ text, side string }{
		{"Japan", "jp"}, {"Proposed by Japan", "jp"}, {"JP", "jp"}, {"JP proposal", "jp"}, {"the Australian delegation", "au"},
		{"au", ""}, {"AUSTRALIAN", "au"}, {"Japan and Australia", ""}, {"Comment", ""}, {"", ""},
	}
	for _, tc := range named {
		got := ""
		if s := m.SideNamed(tc.text); s != nil {
			got = s.ID
		}
		if got != tc.side {
			t.Errorf("SideNamed(%q) = %q, want %q", tc.text, got, tc.side)
		}
	}
	authors := []struct{ author, side string }{
		{"Koichi Mizushima", "jp"}, {"MIZUSHIMA Koichi", "jp"}, {"水島光一", "jp"}, {"Rob McKinnon (DFAT)", "au"},
		{"DFAT Policy Branch", "au"}, {"Japan", "jp"}, {"Jane Citizen", ""},
	}
	for _, tc := range authors {
		got := ""
		if s := m.SideOfAuthor(tc.author); s != nil {
			got = s.ID
		}
		if got != tc.side {
			t.Errorf("SideOfAuthor(%q) = %q, want %q", tc.author, got, tc.side)
		}
	}
}
