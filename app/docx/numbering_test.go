package docx

import (
	"strings"
	"testing"
)

// TestNumberingLabels counts numbered paragraphs as Word does: start
// values, levels restarting under a higher one, formats, an instance that
// restarts a level, "bis" in a level's text, a numbering style.
func TestNumberingLabels(t *testing.T) {
	const part = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1 bis."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="StatementList"/></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>`
	root, err := parseXML([]byte(part))
	if err != nil {
		t.Fatal(err)
	}
	n := readNumbering(root, func(style string) string {
		if style == "StatementList" {
			return "1"
		}
		return ""
	})
	steps := []struct {
		num  string
		ilvl int
		want string
	}{
		{"1", 0, "5."}, {"1", 1, "(a)"}, {"1", 1, "(b)"}, {"1", 2, "(i)"}, {"1", 2, "(ii)"}, {"1", 1, "(c)"},
		{"1", 0, "6."}, {"1", 1, "(a)"},
		{"3", 0, "3 bis."},
		{"2", 1, "(c)"}, {"2", 1, "(d)"},
		{"4", 0, "-"},
		{"5", 0, "7."},
		{"0", 0, ""}, {"9", 0, ""},
	}
	var got, want []string
	for _, s := range steps {
		l, _ := n.label(s.num, s.ilvl)
		got = append(got, l)
		want = append(want, s.want)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("labels\ngot  %q\nwant %q", got, want)
	}
}
