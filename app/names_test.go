package app

import "testing"

// People from the seeds: the co-chairs of the 2nd Japan-Australia Cyber
// Policy Dialogue (seed 001), of the Australia-ROK dialogue (seed 000) and
// Meng Jianzhu (seed 004).
func TestDisplayNames(t *testing.T) {
	cases := []struct {
		p                        Person
		name, formal, withNative string
	}{
		{Person{Honorific: "H.E.", Courtesy: "Mr", Given: "Koichi", Family: "Mizushima", Native: "水島光一"},
			"Koichi Mizushima", "H.E. Mr Koichi Mizushima", "Koichi Mizushima (水島光一)"},
		{Person{Courtesy: "Mr", Given: "Koichi", Family: "Mizushima", Native: "水島光一", FamilyFirst: true, CapsFamily: true},
			"MIZUSHIMA Koichi", "Mr MIZUSHIMA Koichi", "MIZUSHIMA Koichi (水島光一)"},
		{Person{Courtesy: "Mr", Given: "Rob", Family: "McKinnon"}, "Rob McKinnon", "Mr Rob McKinnon", "Rob McKinnon"},
		{Person{Courtesy: "Dr", Given: "Tobias", Family: "Feakin"}, "Tobias Feakin", "Dr Tobias Feakin", "Tobias Feakin"},
		// Spelling and hyphenation are kept as the person writes them.
		{Person{Honorific: "H.E.", Given: "Choong-myon", Family: "Lee", Native: "이충면", FamilyFirst: true},
			"Lee Choong-myon", "H.E. Lee Choong-myon", "Lee Choong-myon (이충면)"},
		{Person{Given: "Jianzhu", Family: "Meng", Native: "孟建柱", FamilyFirst: true, CapsFamily: true},
			"MENG Jianzhu", "MENG Jianzhu", "MENG Jianzhu (孟建柱)"},
		{Person{Native: "孟建柱"}, "", "", "孟建柱"},
		{Person{Family: "McKinnon", CapsFamily: true}, "MCKINNON", "MCKINNON", "MCKINNON"},
		{Person{Given: "  Rob ", Family: "McKinnon"}, "Rob McKinnon", "Rob McKinnon", "Rob McKinnon"},
	}
	for _, c := range cases {
		if got := c.p.Name(); got != c.name {
			t.Errorf("Name() = %q, want %q", got, c.name)
		}
		if got := c.p.FormalName(); got != c.formal {
			t.Errorf("FormalName() = %q, want %q", got, c.formal)
		}
		if got := c.p.NameWithNative(); got != c.withNative {
			t.Errorf("NameWithNative() = %q, want %q", got, c.withNative)
		}
	}
	if got := (&Person{}).Label(); got != "(unnamed)" {
		t.Errorf("Label of nameless person = %q", got)
	}
}

func TestOrdinal(t *testing.T) {
	cases := map[int]string{1: "inaugural", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th",
		21: "21st", 22: "22nd", 101: "101st", 111: "111th", 0: ""}
	for n, want := range cases {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	cases := map[string]string{
		Count(1, "agency"):              "1 agency",
		Count(3, "agency"):              "3 agencies",
		Count(2, "new agency"):          "2 new agencies",
		Count(0, "participant"):         "0 participants",
		Count(4, "person"):              "4 people",
		Count(2, "day"):                 "2 days",
		Count(2, "alternative wording"): "2 alternative wordings",
		Count(5, "open bracket"):        "5 open brackets",
		Count(2, "text"):                "2 texts",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
