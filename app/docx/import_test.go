package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// loDrafts are the testdata drafts written with LibreOffice, converted
// to .docx by it once for the whole run.
var (
	loOnce   sync.Once
	loDocx   map[string][]byte
	loDrafts = []string{"draft.fodt", "tracked.fodt", "problems.fodt"}
)

// lo returns a testdata draft converted to .docx by LibreOffice.
func lo(t *testing.T, name string) []byte {
	t.Helper()
	needSoffice(t)
	loOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parley-drafts-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		var files []string
		for _, n := range loDrafts {
			files = append(files, writeFile(t, dir, n, mustRead(t, filepath.Join("testdata", n))))
		}
		loDocx = map[string][]byte{}
		for i, p := range convert(t, dir, "docx", files...) {
			loDocx[loDrafts[i]] = mustRead(t, p)
		}
	})
	b, ok := loDocx[name]
	if !ok {
		t.Fatalf("%s was not converted", name)
	}
	return b
}

// TestImportLibreOfficeDraft writes a draft with LibreOffice (its own
// list numbering, a bold lead-in, headings, a title, an alternative
// typed after the list, brackets with codes) and imports the .docx: the
// statement is the one the same draft gives as plain text.
func TestImportLibreOfficeDraft(t *testing.T) {
	m := sample.Sample()
	jp := m.Sides[0].ID
	docx := lo(t, "draft.fodt")
	if !bytes.Contains(unzipPart(t, docx, "word/document.xml"), []byte("<w:numPr>")) {
		t.Fatal("LibreOffice wrote no Word numbering: the test does not test it")
	}
	d, err := ReadDraft(docx, "draft.docx", m, jp)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) > 0 || len(d.Notes) > 0 {
		t.Errorf("problems %v, notes %v", d.Problems, d.Notes)
	}
	text, err := os.ReadFile(filepath.Join("testdata", "draft.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := m.ReadDraft(string(text), jp)
	if len(want.Problems) > 0 {
		t.Fatalf("the text draft has problems: %v", want.Problems)
	}
	if got, w := m.FormatStatement(d.Title, d.Paragraphs), m.FormatStatement(want.Title, want.Paragraphs); got != w {
		t.Errorf("the .docx gives another statement than the text:\n%s\n\nfrom Word:\n%s", lineDiff(got, w), got)
	}
	for i, p := range d.Paragraphs {
		w := want.Paragraphs[i]
		if p.Kind != w.Kind || p.Level != w.Level || p.LeadIn != w.LeadIn || p.State != w.State || (p.AltOf == "") != (w.AltOf == "") || p.Side != w.Side {
			t.Errorf("paragraph %d: %+v, want %+v", i+1, p, w)
		}
	}
	// Into the meeting, through the document, as the command and the window do.
	doc := app.NewDocument(m)
	if err := doc.Do(m.ImportDraftEdit(d, true)); err != nil {
		t.Fatal(err)
	}
	if m.Statement.Title != "Joint Statement on Cyber Cooperation" || len(m.Paragraphs) != len(want.Paragraphs) {
		t.Errorf("imported %d paragraphs, title %q", len(m.Paragraphs), m.Statement.Title)
	}
}

// TestImportTrackedChangesAndComments imports a draft written with
// LibreOffice's tracked changes and comments: each change becomes a
// bracket proposed by its author's side, a comment naming a side says
// who proposed a bracket, another comment brackets the words it is on;
// an author the meeting does not know is the draft's side, reported.
func TestImportTrackedChangesAndComments(t *testing.T) {
	m := sample.Sample()
	au := m.Sides[1].ID
	docx := lo(t, "tracked.fodt")
	doc := string(unzipPart(t, docx, "word/document.xml"))
	for _, w := range []string{"<w:ins ", "<w:del ", "<w:commentRangeStart"} {
		if !strings.Contains(doc, w) {
			t.Fatalf("LibreOffice wrote no %s: the test does not test it", w)
		}
	}
	d, err := ReadDraft(docx, "tracked.docx", m, au)
	if err != nil {
		t.Fatal(err)
	}
	got := texts(m, d)
	want := []string{
		"The Participants will [closely]JP cooperate.",
		"The Participants will meet [every year]JP.",
		"The Participants will [regularly]AU exchange views.",
		"The Participants will consult [as needed]AU.",
		"The Participants will [share information]AU.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	all := problems(d)
	for _, w := range []string{
		`paragraph 4 ("The Participants will consult as needed."): tracked changes by "Jane Citizen", who is not a participant, agency or side of the meeting: brought in as brackets proposed by Australia, the side the draft came from`,
		`paragraph 5 ("The Participants will share information."): comment by "Rob McKinnon" on "share information": "We prefer \"exchange\".": the words are bracketed, proposed by Australia`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("problems lack\n%s\nthey are:\n%s", w, all)
		}
	}
	if len(d.Problems) != 2 {
		t.Errorf("%d problems, want 2:\n%s", len(d.Problems), all)
	}
}

// TestImportReportsWhatItCannotRead imports a draft with footnotes, a
// table, a field and a text box: each is reported by paragraph and the
// text imported as far as it goes; a footnote naming a side after a
// bracket says who proposed it; the table at the end is the signature
// block, left out with a note.
func TestImportReportsWhatItCannotRead(t *testing.T) {
	m := sample.Sample()
	d, err := ReadDraft(lo(t, "problems.fodt"), "problems.docx", m, m.Sides[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	got := texts(m, d)
	want := []string{
		"The Participants will cooperate.",
		"The Participants will meet [in Tokyo]AU.",
		"Area", "Lead", "Capacity building", "Japan",
		"The Participants will review this statement on DATE.",
		"The Participants will report to ministers.",
		"The Participants will meet again.",
	}
	for i, g := range got {
		// The date field shows the date in LibreOffice's format.
		if strings.HasPrefix(g, "The Participants will review this statement on ") {
			got[i] = "The Participants will review this statement on DATE."
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	all := problems(d)
	for _, w := range []string{
		`paragraph 1 ("The Participants will cooperate."): footnote "As agreed in 2015.": not imported`,
		`a table (2 rows, 2 columns): its cells are imported as paragraphs`,
		`paragraph 3 ("The Participants will review this statement…"): a field (DATE`,
		`paragraph 4 ("The Participants will report to ministers."): a text box: its text is not imported`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("problems lack\n%s\nthey are:\n%s", w, all)
		}
	}
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0].String(), "the signature block") {
		t.Errorf("notes: %v", d.Notes)
	}
}

// TestBadInput refuses what is not a Word document, with a message that
// names the file and says what to do.
func TestBadInput(t *testing.T) {
	m := sample.Sample()
	good, err := Statement(m, StatementOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := writeFile(t, dir, "draft.fodt", mustRead(t, "testdata/draft.fodt"))
	doc := mustRead(t, convert(t, dir, "doc", src)[0])
	odt := mustRead(t, convert(t, dir, "odt", src)[0])
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"text.docx", []byte("1. The Participants will cooperate.\n"), "not a Word document (.docx files are zip archives"},
		{"empty.docx", nil, "not a Word document"},
		{"truncated.docx", good[:len(good)/2], "the zip archive is damaged"},
		{"notword.docx", zipOf(t, map[string][]byte{"readme.txt": []byte("hello")}), "holds no Word document"},
		{"badxml.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:body>")}), "the XML is damaged"},
		{"bomb.docx", zipOf(t, map[string][]byte{"word/document.xml": bytes.Repeat([]byte(" "), MaxPartSize+1)}), "inflates to more than 32 MB"},
		{"encrypted.docx", encryptedOOXML(), "password-protected (encrypted)"},
		{"old.doc", doc, "old binary Word document (.doc"},
		{"draft.odt", odt, "OpenDocument file (.odt)"},
		{"draft.rtf", []byte(`{\rtf1\ansi The Participants}`), "Rich Text document"},
	}
	for _, tc := range tests {
		_, err := ReadDraft(tc.data, tc.name, m, "")
		if err == nil {
			t.Errorf("%s: read without error", tc.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.name+": ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v\nwant it to name the file and say %q", tc.name, err, tc.want)
		}
		if tc.name != "bomb.docx" && tc.name != "badxml.docx" && !errors.Is(err, ErrNotDocx) {
			t.Errorf("%s: %v does not wrap ErrNotDocx", tc.name, err)
		}
	}
	if len(zipOf(t, map[string][]byte{"word/document.xml": bytes.Repeat([]byte(" "), MaxPartSize+1)})) > 100<<10 {
		t.Error("the zip bomb is not small: the test does not test inflating")
	}
}

// texts are the draft's paragraphs as printed, with the sides' codes.
func texts(m *app.Meeting, d *app.ParsedDraft) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Text.Tagged(m.SideCode))
	}
	return out
}

// problems lists the draft's problems, one a line.
func problems(d *app.ParsedDraft) string {
	var out []string
	for _, p := range d.Problems {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n")
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zipOf makes a zip of the files.
func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, data := range files {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encryptedOOXML is the shape of a password-protected Word document: a
// Compound File (the container of old Office files) whose directory holds
// the streams EncryptionInfo and EncryptedPackage, as Word writes one.
func encryptedOOXML() []byte {
	const sector = 512
	f := make([]byte, sector*4)
	copy(f, cfbMagic)
	le16 := func(at int, v uint16) { f[at], f[at+1] = byte(v), byte(v>>8) }
	le32 := func(at int, v uint32) {
		for i := range 4 {
			f[at+i] = byte(v >> (8 * i))
		}
	}
	le16(0x18, 0x3E)   // minor version
	le16(0x1A, 3)      // major version 3: 512-byte sectors
	le16(0x1C, 0xFFFE) // little-endian
	le16(0x1E, 9)      // sector shift
	le16(0x20, 6)      // mini sector shift
	le32(0x2C, 1)      // one FAT sector
	le32(0x30, 1)      // the directory starts at sector 1
	le32(0x38, 4096)   // mini stream cutoff
	le32(0x3C, 0xFFFFFFFE)
	le32(0x44, 0xFFFFFFFE)
	le32(0x4C, 0) // the FAT is sector 0
	for i := 1; i < 109; i++ {
		le32(0x4C+4*i, 0xFFFFFFFF)
	}
	fat := sector * 1 // sector 0 after the header
	le32(fat, 0xFFFFFFFD)
	le32(fat+4, 0xFFFFFFFE)
	for i := 2; i < sector/4; i++ {
		le32(fat+4*i, 0xFFFFFFFF)
	}
	dir := sector * 2
	entry := func(i int, name string, typ byte) {
		at := dir + 128*i
		for k, r := range name {
			le16(at+2*k, uint16(r))
		}
		le16(at+0x40, uint16(2*(len(name)+1)))
		f[at+0x42] = typ
		le32(at+0x44, 0xFFFFFFFF)
		le32(at+0x48, 0xFFFFFFFF)
		le32(at+0x4C, 0xFFFFFFFF)
	}
	entry(0, "Root Entry", 5)
	entry(1, "EncryptionInfo", 2)
	entry(2, "EncryptedPackage", 2)
	return f
}
