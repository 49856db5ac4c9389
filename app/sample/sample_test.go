package sample

import (
	"reflect"
	"slices"
	"testing"

	"parley/app"
)

// TestMultilateral checks the four-sided sample and its wider variants:
// valid, every side with a head, agencies, a lead speaker, a signatory and
// a bracket of its own, listed host first then alphabetically.
func TestMultilateral(t *testing.T) {
	for _, n := range []int{4, 5, 8} {
		m := MultilateralWith(MultilateralOptions{Sides: n})
		if len(m.Sides) != n {
			t.Fatalf("%d sides asked, %d made", n, len(m.Sides))
		}
		for _, p := range app.Validate(m) {
			if p.Severity >= app.Error {
				t.Errorf("%d sides: %s", n, p)
			}
		}
		brackets := m.OpenBracketsBySide()
		leads := map[string]bool{}
		for _, it := range m.Items {
			for _, l := range it.Leads {
				for _, p := range m.People {
					if p.ID == l {
						leads[p.Side] = true
					}
				}
			}
		}
		for _, s := range m.Sides {
			if m.HeadOf(s.ID) == nil || len(m.AgenciesOf(s.ID)) == 0 || brackets[s.ID] == 0 || !leads[s.ID] {
				t.Errorf("%d sides: %s lacks a head, agencies, a bracket or a lead (brackets %d)", n, s.Label(), brackets[s.ID])
			}
		}
		if len(m.Signatories) != n {
			t.Errorf("%d sides: %d signatories", n, len(m.Signatories))
		}
		var codes []string
		for _, s := range m.Perspective("").Sides {
			codes = append(codes, s.Code)
		}
		want := []string{"AU", "IN", "JP", "US"}
		if n == 8 {
			want = []string{"AU", "CA", "IN", "JP", "NZ", "KR", "GB", "US"}
		}
		if n != 5 && !slices.Equal(codes, want) {
			t.Errorf("%d sides in order %v, want %v", n, codes, want)
		}
	}
	m := Multilateral()
	if got := m.Perspective("").Title(); got != "3rd Quad Senior Cyber Group" {
		t.Errorf("title %q", got)
	}
	if !reflect.DeepEqual(Multilateral(), m) {
		t.Error("the sample differs from one build to the next")
	}
}
