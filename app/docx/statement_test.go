package docx

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// importText puts a draft written as text into a copy of the sample
// meeting, replacing its statement.
func importText(t testing.TB, m *app.Meeting, file, side string) *app.Meeting {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.FindSide(side)
	if err != nil {
		t.Fatal(err)
	}
	doc := app.NewDocument(m)
	if err := doc.Do(m.ImportDraftEdit(m.ReadDraft(string(data), s.ID), true)); err != nil {
		t.Fatal(err)
	}
	return m
}

// cleanMeeting is the sample with the seed's statement, nothing open.
func cleanMeeting(t testing.TB) *app.Meeting {
	m := importText(t, sample.Sample(), "seed003.txt", "JP")
	doc := app.NewDocument(m)
	for _, p := range m.Paragraphs {
		if p.Kind != app.ParaHeading {
			if err := doc.Do(m.SetStateEdit(p.ID, app.StateAgreed)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return m
}

// expectedLabels lists the numbers a reader sees before the statement's
// paragraphs, in display order: "1.", "(a)", "5 bis.".
func expectedLabels(m *app.Meeting) []string {
	nums := m.Numbers()
	var out []string
	for _, p := range m.DisplayOrder() {
		l := nums.Label[p.ID]
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, "(") {
			l += "."
		}
		out = append(out, l)
	}
	return out
}

var labelRE = regexp.MustCompile(`^(\d+(?: [a-z]+)?\.|\([a-z]+\)(?: [a-z]+)?)\s`)

// labelsIn lists the paragraph numbers at the start of the lines of
// LibreOffice's text.
func labelsIn(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if m := labelRE.FindStringSubmatch(strings.TrimSpace(l) + " "); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// TestStatementInLibreOffice writes statements as .docx and has
// LibreOffice read them: the numbers it shows are Parley's, lead-ins and
// brackets with their side's code are where they belong, alternatives
// follow the whole paragraph they replace, the classification is in the
// header and footer, the paper size is right; each file reads back to the
// same statement.
func TestStatementInLibreOffice(t *testing.T) {
	withSigs := sample.Sample()
	withSigs.Signatories[0].Name = "Mr Fumio Kishida"
	withSigs.Signatories[1].Name = "Ms Julie Bishop"
	tests := []struct {
		name string
		m    *app.Meeting
		o    StatementOptions
		want []string // in this order, in LibreOffice's text
		not  []string
		page string // pdfinfo's page size
	}{
		{"sample draft", sample.Sample(), StatementOptions{}, []string{
			"Japan-Australia Strategic Cyber Partnership",
			"1. To play a leading role", "Scope",
			"3. The Participants are committed", "stability. (ad ref)",
			"and [voluntary, non-binding]AU norms",
			"5. [Where possible,]JP the Participants",
			"5 bis. [The Participants will consult each other", "in response.]AU",
			"6. The Strategic Cyber Partnership", "(a) Harden cyber defences by enhancing",
			"(d) Enhance collaboration on critical technology security",
			"Governance", "7. The Strategic Cyber Partnership will be governed",
		}, nil, "(A4)"},
		{"alternative after sub-paragraphs", importText(t, sample.Sample(), "alternative.txt", "JP"), StatementOptions{}, []string{
			"3. Within the Dialogue", "(a) 5G, [including supply chains]JP;", "(b) Open RAN, [including interoperability testing]JP;",
			"(c) Submarine cables;", "(d) Satellite communications.", "3 bis. [Within the Dialogue, the relevant agencies will share information on mutual priorities",
			"4. The Dialogue will be held annually.",
		}, []string{"[[", "Open RAN ,", "communications ."}, ""},
		{"letter, jointly issued, signatures", withSigs, StatementOptions{Joint: true, Paper: "letter"}, []string{
			"Mr Fumio Kishida", "Minister for Foreign Affairs of Japan", "Ms Julie Bishop", "Minister for Foreign Affairs of Australia",
		}, nil, "(letter)"},
		{"our copy: our signature first", withSigs, StatementOptions{}, []string{
			"Ms Julie Bishop", "Mr Fumio Kishida",
		}, nil, ""},
		{"clean", cleanMeeting(t), StatementOptions{Clean: true}, []string{
			"1. To play a leading role", "(a) Harden cyber defences by", "7. The Strategic Cyber Partnership",
		}, []string{"[", "]", "(ad ref)", "Current text"}, ""},
		{"draft 1", sample.Sample(), StatementOptions{Draft: 1}, []string{"1. To play a leading role", "Draft 1"}, []string{"5 bis."}, ""},
		{"large", sample.Large(sample.LargeOptions{}), StatementOptions{}, []string{"1. ", "94. "}, nil, ""},
	}
	dir := t.TempDir()
	var files []string
	docs := make([][]byte, len(tests))
	for i, tc := range tests {
		b, err := Statement(tc.m, tc.o)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		checkPackage(t, b)
		docs[i] = b
		files = append(files, writeFile(t, dir, strings.NewReplacer(" ", "-", ",", "", ":", "").Replace(tc.name)+".docx", b))
	}
	texts := convert(t, dir, "txt:Text (encoded):UTF8", files...)
	pdfs := convert(t, dir, "pdf", files...)
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := squeeze(readText(t, texts[i]))
			pages := pdfText(t, pdfs[i])
			all := text + "\n" + squeeze(strings.Join(pages, "\n"))
			at := 0
			for _, w := range tc.want {
				k := strings.Index(all[at:], w)
				if k < 0 {
					t.Errorf("%q is not where it belongs in LibreOffice's text:\n%s", w, text)
					continue
				}
				at += k + len(w)
			}
			for _, w := range tc.not {
				if strings.Contains(text, w) {
					t.Errorf("%q is in LibreOffice's text", w)
				}
			}
			sm, _ := tc.m.AtDraft(tc.o.Draft)
			// The numbers LibreOffice shows are Parley's.
			if got, want := labelsIn(text), expectedLabels(sm); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("numbers\ngot  %v\nwant %v", got, want)
			}
			// Every page carries the marking top and bottom, and its number.
			banner := strings.ToUpper(sm.Statement.Marking.Banner())
			for n, p := range pages {
				lines := strings.Split(strings.TrimSpace(p), "\n")
				if !strings.Contains(lines[0], banner) || !strings.Contains(strings.Join(lines[len(lines)-2:], " "), banner) {
					t.Errorf("page %d lacks the marking %q top and bottom", n+1, banner)
				}
				if !strings.Contains(p, "Page "+itoa(n+1)+" of "+itoa(len(pages))) {
					t.Errorf("page %d lacks its number", n+1)
				}
			}
			if tc.page != "" {
				out, err := exec.Command("pdfinfo", pdfs[i]).Output()
				if err == nil && !strings.Contains(string(out), tc.page) {
					t.Errorf("page size is not %s:\n%s", tc.page, out)
				}
			}
			// Read back: the same statement.
			d, err := ReadDraft(docs[i], "statement.docx", sm, "")
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range d.Problems {
				// The large meeting has sub-paragraphs right after a heading,
				// which reading reports, as it does from text.
				if tc.name != "large" || !strings.Contains(p.What, "no paragraph above it") {
					t.Errorf("problem reading it back: %s", p)
				}
			}
			want := sm.FormatStatement(sm.Statement.Title, sm.Paragraphs)
			if tc.o.Clean {
				want = app.FormatStatement(sm.Statement.Title, sm.Paragraphs)
			}
			if got := sm.FormatStatement(d.Title, d.Paragraphs); got != want {
				t.Errorf("read back differs:\n%s", lineDiff(got, want))
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// lineDiff shows the first line that differs.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n got  " + x + "\n want " + y
		}
	}
	return "(same)"
}

// TestCleanRefused checks that a clean statement is refused while
// anything is open, naming each open item.
func TestCleanRefused(t *testing.T) {
	_, err := Statement(sample.Sample(), StatementOptions{Clean: true})
	var refused *app.RefusedError
	if !errors.As(err, &refused) || len(refused.Open) == 0 {
		t.Fatalf("clean export of a draft with brackets: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "clean statement refused") || !strings.Contains(msg, "paragraph 5 bis") {
		t.Errorf("message: %s", msg)
	}
	if _, err := Statement(sample.Sample(), StatementOptions{Draft: 9}); err == nil || !strings.Contains(err.Error(), "no draft 9") {
		t.Errorf("missing draft: %v", err)
	}
	if _, err := Statement(sample.Sample(), StatementOptions{Paper: "a3"}); err == nil || !strings.Contains(err.Error(), "a4 or letter") {
		t.Errorf("unknown paper: %v", err)
	}
}

// TestStatementDeterministic checks that the same meeting gives the same
// bytes.
func TestStatementDeterministic(t *testing.T) {
	a, err := Statement(sample.Sample(), StatementOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Statement(sample.Sample(), StatementOptions{})
	if string(a) != string(b) {
		t.Error("two exports of the same meeting differ")
	}
}
