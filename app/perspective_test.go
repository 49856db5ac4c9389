package app

import (
	"slices"
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
