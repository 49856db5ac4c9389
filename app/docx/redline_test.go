package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// odtChange is a tracked change as LibreOffice reports it in flat ODF.
type odtChange struct {
	insertion bool
	creator   string
	text      string
}

// odtChanges reads a flat ODF file's tracked changes in document order,
// and the text of its paragraphs with every change accepted. LibreOffice
// marks the changed text in the paragraphs (text:change-start and
// text:change-end) and describes each change, its kind and creator, in
// text:tracked-changes.
func odtChanges(t *testing.T, p string) ([]odtChange, []string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	regions := map[string]*odtChange{}
	var order, paras []string
	var region *odtChange // the changed region being read
	open := map[string]bool{}
	var para *strings.Builder
	skip := 0 // inside an annotation
	inCreator := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range e.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch e.Name.Local {
			case "changed-region":
				region = &odtChange{}
				regions[attr("id")] = region
			case "insertion":
				if region != nil {
					region.insertion = true
				}
			case "creator":
				inCreator = region != nil
			case "annotation":
				skip++
			case "p", "h":
				if skip == 0 {
					para = &strings.Builder{}
				}
			case "change-start":
				open[attr("change-id")] = true
				order = append(order, attr("change-id"))
			case "change-end":
				delete(open, attr("change-id"))
			case "change":
				order = append(order, attr("change-id"))
			case "s", "tab":
				if para != nil && skip == 0 {
					deleted := false
					for id := range open {
						if r := regions[id]; r != nil {
							r.text += " "
							deleted = deleted || !r.insertion
						}
					}
					if !deleted {
						para.WriteString(" ")
					}
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "changed-region":
				region = nil
			case "creator":
				inCreator = false
			case "annotation":
				skip--
			case "p", "h":
				if region == nil && skip == 0 && para != nil {
					paras = append(paras, para.String())
				}
				para = nil
			}
		case xml.CharData:
			s := string(e)
			switch {
			case inCreator:
				region.creator += s
			case region != nil && para != nil:
				region.text += s
			case para != nil && skip == 0:
				deleted := false
				for id := range open {
					if r := regions[id]; r != nil {
						r.text += s
						deleted = deleted || !r.insertion
					}
				}
				if !deleted {
					para.WriteString(s)
				}
			}
		}
	}
	var out []odtChange
	for _, id := range order {
		if r := regions[id]; r != nil {
			out = append(out, *r)
		}
	}
	return out, paras
}

// TestRedlineInLibreOffice writes the redline from draft 2 (ours, sent to
// Japan) to the current text, through draft 3 received from Japan, as
// tracked changes, and has LibreOffice read them: each change is there,
// under the name of the side that made it, and accepting them all gives
// the current text.
func TestRedlineInLibreOffice(t *testing.T) {
	m := sample.Sample()
	doc := app.NewDocument(m)
	do := func(e app.Edit, err error) {
		t.Helper()
		if err := doc.Do(e, err); err != nil {
			t.Fatal(err)
		}
	}
	jp := m.Sides[0].ID
	if m.Sides[0].Code != "JP" {
		t.Fatal("the sample's first side is not Japan")
	}
	p1, p7 := m.DisplayOrder()[0], m.DisplayOrder()[len(m.DisplayOrder())-1]
	do(m.SetTextEdit(p1.ID, strings.Replace(p1.Text.Plain(), "To play a leading role", "To play a central role", 1)))
	do(m.SaveDraftEdit("Japanese comments", "2016-07-30", app.DirReceived, jp))
	do(m.SetTextEdit(p7.ID, strings.Replace(p7.Text.Plain(), " to advance the full spectrum of cyber cooperation", "", 1)))
	e, _, err := m.InsertAfterEdit(p7.ID, app.ParaOperative)
	do(e, err)
	newID := m.DisplayOrder()[len(m.DisplayOrder())-1].ID
	do(m.SetTextEdit(newID, "The Participants will meet again in 2017."))
	r, err := m.Redline(2, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Redline(m, r, RedlineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkPackage(t, b)
	if !strings.Contains(string(unzipPart(t, b, "word/settings.xml")), "trackRevisions") {
		t.Error("Word is not set to track the counterpart's own changes")
	}
	dir := t.TempDir()
	if d := os.Getenv("PARLEY_KEEP"); d != "" {
		dir = d
	}
	f := writeFile(t, dir, "changes.docx", b)
	changes, paras := odtChanges(t, convert(t, dir, "fodt", f)[0])
	want := []odtChange{
		{false, "Japan", "leading"},
		{true, "Japan", "central"},
		{false, "Australia", " to advance the full spectrum of cyber cooperation"},
		{true, "Australia", "The Participants will meet again in 2017."},
	}
	var got []odtChange
	for _, c := range changes {
		if strings.TrimSpace(c.text) != "" {
			got = append(got, c)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d tracked changes, want %d: %+v", len(got), len(want), got)
	}
	for i := range min(len(got), len(want)) {
		if got[i].insertion != want[i].insertion || got[i].creator != want[i].creator || strings.TrimSpace(got[i].text) != strings.TrimSpace(want[i].text) {
			t.Errorf("change %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
	// Every change accepted: the current text.
	all := strings.Join(paras, "\n")
	for _, p := range m.DisplayOrder() {
		if w := p.Text.Bracketed(); !strings.Contains(all, w) {
			t.Errorf("accepting every change does not give %q", w)
		}
	}
	// LibreOffice's text shows both texts, with the later one's numbers.
	texts := convert(t, dir, "txt:Text (encoded):UTF8", f)
	text := squeeze(readText(t, texts[0]))
	for _, w := range []string{"1. To play a", "central role", "8. The Participants will meet again in 2017."} {
		if !strings.Contains(text, w) {
			t.Errorf("%q is not in LibreOffice's text:\n%s", w, text)
		}
	}
}

// unzipPart returns one part of a package.
func unzipPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	p, err := open(data, "test.docx")
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.readPart(name)
	if err != nil || b == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b
}
