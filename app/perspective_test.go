package app

import (
	"slices"
	"strings"
	"testing"
)

func TestPerspective(t *testing.T) {
	m := seedMeeting()
	m.Signatories = []*Signatory{
		{Rec: Rec{ID: "sig-jp"}, Side: "jp", Pos: "V", Title: "Minister for Foreign Affairs of Japan"},
		{Rec: Rec{ID: "sig-au"}, Side: "au", Pos: "V", Title: "Minister for Foreign Affairs of Australia"},
	}
	m.Normalize()
	cases := []struct {
		side, series, title string
		sides, people, sigs []string
	}{
		{"jp", "Japan-Australia Cyber Policy Dialogue", "2nd Japan-Australia Cyber Policy Dialogue",
			[]string{"jp", "au"}, []string{"mizushima", "sato", "mckinnon", "patel"}, []string{"sig-jp", "sig-au"}},
		{"au", "Australia-Japan Cyber Policy Dialogue", "2nd Australia-Japan Cyber Policy Dialogue",
			[]string{"au", "jp"}, []string{"mckinnon", "patel", "mizushima", "sato"}, []string{"sig-au", "sig-jp"}},
		// No side named: our side (Australia).
		{"", "Australia-Japan Cyber Policy Dialogue", "2nd Australia-Japan Cyber Policy Dialogue",
			[]string{"au", "jp"}, []string{"mckinnon", "patel", "mizushima", "sato"}, []string{"sig-au", "sig-jp"}},
	}
	for _, c := range cases {
		p := m.Perspective(c.side)
		if got := p.SeriesName(); got != c.series {
			t.Errorf("%q: series %q, want %q", c.side, got, c.series)
		}
		if got := p.Title(); got != c.title {
			t.Errorf("%q: title %q, want %q", c.side, got, c.title)
		}
		var sides, people, sigs []string
		for _, s := range p.Sides {
			sides = append(sides, s.ID)
		}
		for _, d := range p.Delegations() {
			for _, pp := range d.People {
				people = append(people, pp.ID)
			}
		}
		for _, s := range p.Signatories() {
			sigs = append(sigs, s.ID)
		}
		if !slices.Equal(sides, c.sides) || !slices.Equal(people, c.people) || !slices.Equal(sigs, c.sigs) {
			t.Errorf("%q: sides %v people %v signatories %v", c.side, sides, people, sigs)
		}
	}
	if got := m.HostFirst().SeriesName(); got != "Japan-Australia Cyber Policy Dialogue" {
		t.Errorf("host first: %q", got)
	}
	m.Details.Ordinal = 1
	if got := m.Perspective("au").Title(); got != "Inaugural Australia-Japan Cyber Policy Dialogue" {
		t.Errorf("inaugural title %q", got)
	}
}

// quadMeeting is seedMeeting with India and the United States added and
// Australia hosting: a multilateral meeting of four sides.
func quadMeeting() *Meeting {
	m := seedMeeting()
	m.Details.GroupName = "Quad Senior Cyber Group"
	m.Details.HostSide = "au"
	m.Details.OurSide = "jp"
	m.Sides = append(m.Sides,
		&Side{Rec: Rec{ID: "us"}, Pos: "X", Name: "United States of America", ShortName: "United States", Code: "US"},
		&Side{Rec: Rec{ID: "in"}, Pos: "Y", Name: "India", ShortName: "India", Code: "IN"})
	m.People = append(m.People,
		&Person{Rec: Rec{ID: "us-head"}, Side: "us", Pos: "1", Given: "Alex", Family: "Morgan", Role: RoleHead},
		&Person{Rec: Rec{ID: "in-head"}, Side: "in", Pos: "1", Given: "Priya", Family: "Raman", Role: RoleHead})
	m.Signatories = []*Signatory{
		{Rec: Rec{ID: "sig-us"}, Side: "us", Pos: "V"}, {Rec: Rec{ID: "sig-jp"}, Side: "jp", Pos: "V"},
		{Rec: Rec{ID: "sig-in"}, Side: "in", Pos: "V"}, {Rec: Rec{ID: "sig-au"}, Side: "au", Pos: "V"},
	}
	m.Normalize()
	return m
}

// TestMultilateralOrder: a multilateral copy lists the host first, then
// the others alphabetically, whichever side's copy it is; the fixed order
// and the alternat are per-export choices; every list follows the one order.
func TestMultilateralOrder(t *testing.T) {
	m := quadMeeting()
	ids := func(sides []*Side) []string {
		var out []string
		for _, s := range sides {
			out = append(out, s.ID)
		}
		return out
	}
	cases := []struct {
		side   string
		order  SideOrder
		sides  []string
		others []string
	}{
		{"jp", OrderAuto, []string{"au", "in", "jp", "us"}, []string{"au", "in", "us"}},
		{"us", OrderAuto, []string{"au", "in", "jp", "us"}, []string{"au", "in", "jp"}},
		{"us", OrderAlphabetical, []string{"au", "in", "jp", "us"}, []string{"au", "in", "jp"}},
		{"in", OrderFixed, []string{"jp", "au", "us", "in"}, []string{"jp", "au", "us"}},
		{"in", OrderOwnFirst, []string{"in", "jp", "au", "us"}, []string{"jp", "au", "us"}},
	}
	for _, c := range cases {
		p := m.PerspectiveIn(c.side, c.order)
		if got := ids(p.Sides); !slices.Equal(got, c.sides) {
			t.Errorf("%s %q: sides %v, want %v", c.side, c.order, got, c.sides)
		}
		if got := ids(p.Others()); !slices.Equal(got, c.others) {
			t.Errorf("%s %q: others %v, want %v", c.side, c.order, got, c.others)
		}
		if p.Side.ID != c.side {
			t.Errorf("%s %q: copy of %s", c.side, c.order, p.Side.ID)
		}
		var dl, sigs []string
		for _, d := range p.Delegations() {
			dl = append(dl, d.Side.ID)
		}
		for _, s := range p.Signatories() {
			sigs = append(sigs, s.Side)
		}
		if !slices.Equal(dl, c.sides) || !slices.Equal(sigs, c.sides) {
			t.Errorf("%s %q: delegations %v, signatories %v, want %v", c.side, c.order, dl, sigs, c.sides)
		}
		if got := p.Title(); got != "2nd Quad Senior Cyber Group" {
			t.Errorf("%s %q: title %q", c.side, c.order, got)
		}
	}
	// Without a group name the title joins the names in the copy's order.
	m.Details.GroupName = ""
	if got := m.Perspective("us").SeriesName(); got != "Australia-India-Japan-United States of America Cyber Policy Dialogue" {
		t.Errorf("series without a group name: %q", got)
	}
	// A bilateral meeting ignores a group name and keeps the alternat.
	b := seedMeeting()
	b.Details.GroupName = "Ignored"
	if got := b.Perspective("au").SeriesName(); got != "Australia-Japan Cyber Policy Dialogue" {
		t.Errorf("bilateral series %q", got)
	}
	if got := ids(b.PerspectiveIn("au", OrderAlphabetical).Sides); !slices.Equal(got, []string{"jp", "au"}) {
		t.Errorf("bilateral host first: %v", got)
	}
}

func TestParseSideOrder(t *testing.T) {
	for in, want := range map[string]SideOrder{"": OrderAuto, "Auto": OrderAuto, "alphabetical": OrderAlphabetical,
		"HOST": OrderAlphabetical, "fixed": OrderFixed, "own": OrderOwnFirst} {
		if got, err := ParseSideOrder(in); err != nil || got != want {
			t.Errorf("ParseSideOrder(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseSideOrder("random"); err == nil || !strings.Contains(err.Error(), "use auto, alphabetical, fixed or own") {
		t.Errorf("bad order: %v", err)
	}
}

// TestSideColours: every side of eight has its own colour, the same in
// every copy; validation warns of two sides with one code.
func TestSideColours(t *testing.T) {
	m := quadMeeting()
	seen := map[RGB]string{}
	for _, s := range m.Sides {
		c, ok := m.SideColour(s.ID)
		if !ok {
			t.Fatalf("%s has no colour", s.ID)
		}
		if other, dup := seen[c]; dup {
			t.Errorf("%s and %s share a colour", s.ID, other)
		}
		seen[c] = s.ID
	}
	if _, ok := m.SideColour("nobody"); ok {
		t.Error("an unknown side has a colour")
	}
	if len(SidePalette) < 8 {
		t.Errorf("%d colours for eight sides", len(SidePalette))
	}
	m.Sides[3].Code = "jp"
	found := false
	for _, p := range Validate(m) {
		if strings.Contains(p.What, `code "jp" is also Japan's`) {
			found = true
		}
	}
	if !found {
		t.Error("no warning for two sides with one code")
	}
}

func TestFindSide(t *testing.T) {
	m := seedMeeting()
	for _, s := range []string{"AU", "au", "Australia", "AUSTRALIA", " au "} {
		sd, err := m.FindSide(s)
		if err != nil || sd.ID != "au" {
			t.Errorf("FindSide(%q) = %v, %v", s, sd, err)
		}
	}
	if _, err := m.FindSide("KR"); err == nil {
		t.Error("FindSide(KR) found a side")
	}
}

func TestNumbering(t *testing.T) {
	p := func(id string, kind ParagraphKind, level int, altOf string) *Paragraph {
		return &Paragraph{Rec: Rec{ID: id}, Kind: kind, Level: level, AltOf: altOf, Text: PlainSpans(id)}
	}
	ps := []*Paragraph{
		p("rec", ParaPreambular, 0, ""),
		p("one", ParaOperative, 0, ""),
		p("two", ParaOperative, 0, ""),
		p("scope", ParaHeading, 0, ""),
		p("three", ParaOperative, 0, ""),
		p("three-bis", ParaOperative, 0, "three"),
		p("three-ter", ParaOperative, 0, "three"),
		p("four", ParaOperative, 0, ""),
		p("a", ParaOperative, 1, ""),
		p("b", ParaOperative, 1, ""),
		p("b-bis", ParaOperative, 1, "b"),
		p("i", ParaOperative, 2, ""),
		p("ii", ParaOperative, 2, ""),
		p("c", ParaOperative, 1, ""),
		p("five", ParaOperative, 0, ""),
		p("a2", ParaOperative, 1, ""),
	}
	want := map[string][2]string{
		"rec": {"", "preambular paragraph 1"}, "one": {"1", "1"}, "two": {"2", "2"}, "scope": {"", `heading "scope"`},
		"three": {"3", "3"}, "three-bis": {"3 bis", "3 bis"}, "three-ter": {"3 ter", "3 ter"}, "four": {"4", "4"},
		"a": {"(a)", "4(a)"}, "b": {"(b)", "4(b)"}, "b-bis": {"(b) bis", "4(b) bis"}, "i": {"(i)", "4(b)(i)"},
		"ii": {"(ii)", "4(b)(ii)"}, "c": {"(c)", "4(c)"}, "five": {"5", "5"}, "a2": {"(a)", "5(a)"},
	}
	n := NumberParagraphs(ps)
	for id, w := range want {
		if n.Label[id] != w[0] || n.Ref[id] != w[1] {
			t.Errorf("%s: label %q ref %q, want %q %q", id, n.Label[id], n.Ref[id], w[0], w[1])
		}
	}
	for i, s := range map[int]string{1: "bis", 2: "ter", 3: "quater", 9: "decies", 10: "alt 11"} {
		if got := AltSuffix(i); got != s {
			t.Errorf("AltSuffix(%d) = %q, want %q", i, got, s)
		}
	}
	if letters(27) != "aa" || roman(14) != "xiv" {
		t.Errorf("letters(27)=%q roman(14)=%q", letters(27), roman(14))
	}
}

func TestMarking(t *testing.T) {
	cases := []struct {
		m      Marking
		banner string
		red    bool
	}{
		{Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive"}, "OFFICIAL: SENSITIVE", false},
		{Marking{Scheme: "AU", Level: "PROTECTED", Extras: []string{"AUSTEO"}}, "PROTECTED//AUSTEO", true},
		{Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive", Extras: []string{"Legal-Privilege"}}, "OFFICIAL: SENSITIVE//LEGAL-PRIVILEGE", false},
		{Marking{Scheme: "UK", Level: "OFFICIAL-SENSITIVE"}, "OFFICIAL-SENSITIVE", false},
		{Marking{Scheme: "NZ", Level: "RESTRICTED"}, "RESTRICTED", false},
		{Marking{Scheme: "JP", Level: "秘"}, "秘", true},
		{Marking{Scheme: "KR", Level: "대외비"}, "대외비", false},
		{Marking{Scheme: "KR", Level: "Ⅱ급 비밀"}, "Ⅱ급 비밀", true},
		{Marking{Scheme: "custom", Custom: "Sensitive: Delegation only", Red: true}, "SENSITIVE: DELEGATION ONLY", true},
	}
	for _, c := range cases {
		if got := c.m.Banner(); got != c.banner {
			t.Errorf("%+v: banner %q, want %q", c.m, got, c.banner)
		}
		if c.m.IsRed() != c.red {
			t.Errorf("%+v: red %v", c.m, c.m.IsRed())
		}
		if msg := c.m.Validate(); msg != "" {
			t.Errorf("%+v: %s", c.m, msg)
		}
	}
	h := Highest(Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive", Extras: []string{"Legal-Privilege"}},
		Marking{}, Marking{Scheme: "AU", Level: "PROTECTED"}, Marking{Scheme: "AU", Level: "OFFICIAL"})
	if h.Banner() != "PROTECTED//LEGAL-PRIVILEGE" {
		t.Errorf("Highest = %q", h.Banner())
	}
	if got := ParseMarking("protected//austeo", "AU"); got.Level != "PROTECTED" || got.Scheme != "AU" || got.Banner() != "PROTECTED//AUSTEO" {
		t.Errorf("ParseMarking = %+v", got)
	}
	if got := ParseMarking("secret", "UK"); got.Scheme != "UK" {
		t.Errorf("ParseMarking prefers the given scheme: %+v", got)
	}
	if got := ParseMarking("Delegation only", ""); got.Scheme != SchemeCustom {
		t.Errorf("ParseMarking custom: %+v", got)
	}
	if msg := (Marking{Scheme: "AU", Level: "CONFIDENTIAL"}).Validate(); msg == "" {
		t.Error("AU CONFIDENTIAL accepted")
	}
}
