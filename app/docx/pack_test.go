package docx

import (
	"errors"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// TestPackInLibreOffice writes the briefing pack's text as Word documents
// and has LibreOffice read them: each part is there in order, this copy's
// side first, names in their own script, background not for disclosure
// marked (or left out), the marking on every page; one item's brief alone.
func TestPackInLibreOffice(t *testing.T) {
	m := sample.Sample()
	var item *app.Item
	for _, it := range m.Items {
		if it.Parent == "" && strings.HasPrefix(it.Title, "International law") {
			item = it
		}
	}
	if item == nil {
		t.Fatal("the sample has no item on international law")
	}
	next, _, err := app.Next(m, app.NextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range next.People[1:] {
		p.ToConfirm = false
	}
	tests := []struct {
		name string
		o    PackOptions
		want []string
		not  []string
		m    *app.Meeting // the sample when nil
	}{
		{"whole pack", PackOptions{}, []string{
			"BRIEFING PACK", "2nd Australia-Japan Cyber Policy Dialogue", "Brief for", "Mr Rob McKinnon", "Australian copy",
			"Purpose and objectives", "Logistics and programme", "Lead: Australia", "Lead: Japan",
			"Briefs", "1 Opening remarks by the co-chairs", "Points to make", "NOT FOR DISCLOSURE",
			"Press lines", "Delegations", "Australian delegation", "Japanese delegation", "水島", "Biographies", "Japanese principals",
			"Draft joint statement", "5 bis. [The Participants will consult", "Annexes",
		}, nil, nil},
		{"Japan's copy, stripped", PackOptions{Side: m.Sides[0].ID, StripNotForDisclosure: true, Sections: []string{"cover", "briefs", "delegations"}}, []string{
			"2nd Japan-Australia Cyber Policy Dialogue", "Japanese copy", "Briefs", "Japanese delegation", "Australian delegation",
		}, []string{"NOT FOR DISCLOSURE", "Press lines", "Draft joint statement"}, nil},
		{"one item's brief", PackOptions{Sections: []string{"briefs"}, Item: item.ID}, []string{
			"Briefs", "3 International law", "3.1 UN Group of Governmental Experts", "3.2 ASEAN Regional Forum",
		}, []string{"Opening remarks", "Bilateral cooperation", "BRIEFING PACK"}, nil},
		{"next meeting to confirm", PackOptions{Sections: []string{"cover", "briefs", "delegations"}}, []string{
			"3rd Australia-Japan", "to be set", "Delegations", next.People[0].FormalName(), next.People[0].RoleText(),
		}, []string{next.People[1].RoleText() + " (to be confirmed)"}, next},
	}
	dir := t.TempDir()
	var files []string
	for _, tc := range tests {
		pm := m
		if tc.m != nil {
			pm = tc.m
		}
		b, err := Pack(pm, tc.o)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		checkPackage(t, b)
		files = append(files, writeFile(t, dir, strings.NewReplacer(" ", "-", "'", "", ",", "").Replace(tc.name)+".docx", b))
	}
	texts := convert(t, dir, "txt:Text (encoded):UTF8", files...)
	pdfs := convert(t, dir, "pdf", files...)
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := squeeze(readText(t, texts[i]))
			at := 0
			for _, w := range tc.want {
				k := strings.Index(text[at:], w)
				if k < 0 {
					t.Errorf("%q is not where it belongs in LibreOffice's text:\n%s", w, text)
					break
				}
				at += k + len(w)
			}
			for _, w := range tc.not {
				if strings.Contains(text, w) {
					t.Errorf("%q is in LibreOffice's text", w)
				}
			}
			for n, p := range pdfText(t, pdfs[i]) {
				if !strings.Contains(p, "PROTECTED") || !strings.Contains(p, "Page "+itoa(n+1)+" of") {
					t.Errorf("page %d lacks the marking or its number", n+1)
				}
			}
		})
	}
}

// TestPackRefused checks what the Word pack refuses.
func TestPackRefused(t *testing.T) {
	m := sample.Sample()
	var refused *app.RefusedError
	if _, err := Pack(m, PackOptions{Final: true}); !errors.As(err, &refused) || refused.What != "final pack" {
		t.Errorf("final pack with brackets: %v", err)
	}
	if _, err := Pack(m, PackOptions{Sections: []string{"changes"}}); err == nil || !strings.Contains(err.Error(), "parley diff -o") {
		t.Errorf("changes section: %v", err)
	}
	if _, err := Pack(m, PackOptions{Sections: []string{"covers"}}); err == nil || !strings.Contains(err.Error(), "unknown section") {
		t.Errorf("unknown section: %v", err)
	}
	if _, err := Pack(m, PackOptions{Sections: []string{"contents", "cover"}}); err != nil {
		t.Errorf("contents is left out without error: %v", err)
	}
}
