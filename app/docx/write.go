package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The writer: a WordprocessingML document built paragraph by paragraph
// into word/document.xml, with the parts every .docx needs around it.
// Sizes are in twentieths of a point (twips) unless said otherwise; font
// sizes in half-points, as WordprocessingML counts them.

// Namespaces of the parts written.
const (
	nsW    = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT   = "http://schemas.openxmlformats.org/package/2006/content-types"
	relDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relOD  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// Colours used in documents (RRGGBB).
const (
	colorBracket = "0B4F9C" // brackets and side codes, as in the PDF
	colorRed     = "C00000" // markings printed in red
	colorGrey    = "5F6368"
	colorNavy    = "1F3A5F"
)

// rev is a tracked change: an insertion or deletion by an author.
type rev struct {
	del    bool
	author string
	date   string // xsd:dateTime, or empty
}

// run is a stretch of text in one format.
type run struct {
	text                string
	bold, italic, super bool
	color               string
	size                int // half-points; 0 is the style's
	rev                 *rev
	// field, when set, makes the run a simple field (PAGE, NUMPAGES) whose
	// current result is text.
	field string
}

// pPr are a paragraph's properties.
type pPr struct {
	style     string
	numID     int // 0: not numbered
	ilvl      int
	left      int // left indent; with hanging, the text's indent
	hanging   int
	align     string // "", "center", "right", "both"
	keepNext  bool
	after     int  // space after; 0 is the style's
	tight     bool // no space after
	before    int
	tab       int  // a left tab stop at this position (0: none)
	topBorder bool // a rule above (a signature line)
	rev       *rev // the paragraph mark itself inserted or deleted
	shade     string
}

// cell is a table cell: its paragraphs and width.
type cell struct {
	paras []cellPara
	width int
	shade string
}

// cellPara is a paragraph in a table cell.
type cellPara struct {
	p    pPr
	runs []run
}

// numDef is a w:num: an instance of an abstract numbering, optionally
// restarting its levels.
type numDef struct {
	abstract int
	restart  bool
}

// writer builds a document.
type writer struct {
	body   bytes.Buffer
	header []cellPara
	footer []cellPara
	// paper is "a4" or "letter".
	paper string
	// abstracts are the w:abstractNum elements, by ID order.
	abstracts []string
	nums      []numDef
	title     string
	created   time.Time
	revID     int
	// track turns on Word's tracking of the reader's own changes.
	track bool
	// landscape lays the pages out landscape.
	landscape bool
}

func newWriter(paper string, created time.Time) *writer {
	return &writer{paper: paper, created: created}
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(clean(s)))
	return b.String()
}

// clean drops characters XML 1.0 cannot hold (control characters other
// than tab and newline, unpaired surrogates, U+FFFE and U+FFFF).
func clean(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// addNum adds a numbering instance of an abstract numbering and returns
// its ID (from 1).
func (w *writer) addNum(abstract int, restart bool) int {
	w.nums = append(w.nums, numDef{abstract: abstract, restart: restart})
	return len(w.nums)
}

// para writes a paragraph to the body.
func (w *writer) para(p pPr, runs ...run) { w.writePara(&w.body, p, runs) }

func (w *writer) writePara(b *bytes.Buffer, p pPr, runs []run) {
	b.WriteString("<w:p>")
	w.writePPr(b, p)
	var open *rev
	closeRev := func() {
		if open != nil {
			if open.del {
				b.WriteString("</w:del>")
			} else {
				b.WriteString("</w:ins>")
			}
			open = nil
		}
	}
	for _, r := range runs {
		if r.text == "" && r.field == "" {
			continue
		}
		if !sameRev(r.rev, open) {
			closeRev()
			if r.rev != nil {
				w.revID++
				tag := "w:ins"
				if r.rev.del {
					tag = "w:del"
				}
				fmt.Fprintf(b, `<%s w:id="%d" w:author="%s"`, tag, w.revID, esc(r.rev.author))
				if r.rev.date != "" {
					fmt.Fprintf(b, ` w:date="%s"`, esc(r.rev.date))
				}
				b.WriteString(">")
				open = r.rev
			}
		}
		writeRun(b, r)
	}
	closeRev()
	b.WriteString("</w:p>")
}

func sameRev(a, b *rev) bool { return a == b || (a != nil && b != nil && *a == *b) }

func (w *writer) writePPr(b *bytes.Buffer, p pPr) {
	b.WriteString("<w:pPr>")
	if p.style != "" {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, p.style)
	}
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.numID > 0 {
		fmt.Fprintf(b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, p.ilvl, p.numID)
	}
	if p.topBorder {
		b.WriteString(`<w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="000000"/></w:pBdr>`)
	}
	if p.shade != "" {
		fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, p.shade)
	}
	if p.tab > 0 {
		fmt.Fprintf(b, `<w:tabs><w:tab w:val="left" w:pos="%d"/></w:tabs>`, p.tab)
	}
	if p.before > 0 || p.after > 0 || p.tight {
		b.WriteString("<w:spacing")
		if p.before > 0 {
			fmt.Fprintf(b, ` w:before="%d"`, p.before)
		}
		if p.after > 0 || p.tight {
			fmt.Fprintf(b, ` w:after="%d"`, p.after)
		}
		b.WriteString("/>")
	}
	if p.left > 0 || p.hanging > 0 {
		b.WriteString("<w:ind")
		fmt.Fprintf(b, ` w:left="%d"`, p.left)
		if p.hanging > 0 {
			fmt.Fprintf(b, ` w:hanging="%d"`, p.hanging)
		}
		b.WriteString("/>")
	}
	if p.align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.align)
	}
	if p.rev != nil {
		w.revID++
		tag := "w:ins"
		if p.rev.del {
			tag = "w:del"
		}
		fmt.Fprintf(b, `<w:rPr><%s w:id="%d" w:author="%s"`, tag, w.revID, esc(p.rev.author))
		if p.rev.date != "" {
			fmt.Fprintf(b, ` w:date="%s"`, esc(p.rev.date))
		}
		b.WriteString("/></w:rPr>")
	}
	b.WriteString("</w:pPr>")
}

// writeRun writes one run; tabs and line breaks in its text become
// w:tab and w:br.
func writeRun(b *bytes.Buffer, r run) {
	rpr := runProps(r)
	if r.field != "" {
		fmt.Fprintf(b, `<w:fldSimple w:instr=" %s "><w:r>%s<w:t>%s</w:t></w:r></w:fldSimple>`, r.field, rpr, esc(r.text))
		return
	}
	b.WriteString("<w:r>")
	b.WriteString(rpr)
	text := "w:t"
	if r.rev != nil && r.rev.del {
		text = "w:delText"
	}
	for i, line := range strings.Split(r.text, "\n") {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("<w:tab/>")
			}
			if part == "" {
				continue
			}
			fmt.Fprintf(b, `<%s xml:space="preserve">%s</%s>`, text, esc(part), text)
		}
	}
	b.WriteString("</w:r>")
}

func runProps(r run) string {
	var b strings.Builder
	if r.bold {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if r.italic {
		b.WriteString("<w:i/><w:iCs/>")
	}
	if r.color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, r.color)
	}
	if r.size > 0 {
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.size, r.size)
	}
	if r.super {
		b.WriteString(`<w:vertAlign w:val="superscript"/>`)
	}
	if b.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + b.String() + "</w:rPr>"
}

// table writes a table: rows of cells, widths in twips; header repeats
// the first row on every page; grid draws all borders (else none).
func (w *writer) table(rows [][]cell, header, grid bool) {
	if len(rows) == 0 {
		return
	}
	b := &w.body
	b.WriteString("<w:tbl><w:tblPr>")
	if grid {
		b.WriteString(`<w:tblStyle w:val="TableGrid"/>`)
	}
	b.WriteString(`<w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>`)
	if !grid {
		b.WriteString(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	}
	b.WriteString(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, c := range rows[0] {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, c.width)
	}
	b.WriteString("</w:tblGrid>")
	for i, row := range rows {
		b.WriteString("<w:tr>")
		if i == 0 && header {
			b.WriteString("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
		} else {
			b.WriteString("<w:trPr><w:cantSplit/></w:trPr>")
		}
		for _, c := range row {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, c.width)
			if c.shade != "" {
				fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, c.shade)
			}
			b.WriteString("</w:tcPr>")
			if len(c.paras) == 0 {
				b.WriteString("<w:p/>")
			}
			for _, p := range c.paras {
				w.writePara(b, p.p, p.runs)
			}
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
}

// Page geometry in twips.
type page struct{ w, h, margin int }

var papers = map[string]page{
	"a4":     {11906, 16838, 1418},
	"letter": {12240, 15840, 1440},
}

// textWidth is the width between the margins.
func (w *writer) textWidth() int {
	p := papers[w.paper]
	if w.landscape {
		return p.h - 2*p.margin
	}
	return p.w - 2*p.margin
}

// docXML is word/document.xml.
func (w *writer) docXML() []byte {
	p := papers[w.paper]
	pw, ph := p.w, p.h
	orient := ""
	if w.landscape {
		pw, ph = ph, pw
		orient = ` w:orient="landscape"`
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<w:document xmlns:w="%s" xmlns:r="%s"><w:body>`, nsW, nsR)
	b.Write(w.body.Bytes())
	b.WriteString("<w:sectPr>")
	if len(w.header) > 0 {
		b.WriteString(`<w:headerReference w:type="default" r:id="rIdHeader"/>`)
	}
	if len(w.footer) > 0 {
		b.WriteString(`<w:footerReference w:type="default" r:id="rIdFooter"/>`)
	}
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`,
		pw, ph, orient, p.margin, p.margin, p.margin, p.margin)
	b.WriteString("</w:sectPr></w:body></w:document>")
	return b.Bytes()
}

// hdrXML is a header or footer part.
func (w *writer) hdrXML(tag string, paras []cellPara) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<w:%s xmlns:w="%s" xmlns:r="%s">`, tag, nsW, nsR)
	for _, p := range paras {
		w.writePara(&b, p.p, p.runs)
	}
	fmt.Fprintf(&b, "</w:%s>", tag)
	return b.Bytes()
}

// numberingXML is word/numbering.xml.
func (w *writer) numberingXML() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<w:numbering xmlns:w="%s">`, nsW)
	for _, a := range w.abstracts {
		b.WriteString(a)
	}
	for i, n := range w.nums {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, i+1, n.abstract)
		if n.restart {
			for l := 0; l < 3; l++ {
				fmt.Fprintf(&b, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="1"/></w:lvlOverride>`, l)
			}
		}
		b.WriteString("</w:num>")
	}
	b.WriteString("</w:numbering>")
	return b.Bytes()
}

// level is one level of an abstract numbering.
type level struct {
	format, text  string // numFmt and lvlText ("decimal", "%1.")
	left, hanging int
	bold          bool
}

// addAbstract adds an abstract numbering with its levels and returns its ID.
func (w *writer) addAbstract(levels ...level) int {
	id := len(w.abstracts)
	var b strings.Builder
	fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>`, id)
	for i, l := range levels {
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`,
			i, l.format, esc(l.text))
		fmt.Fprintf(&b, `<w:pPr><w:tabs><w:tab w:val="num" w:pos="%d"/></w:tabs><w:ind w:left="%d" w:hanging="%d"/></w:pPr>`, l.left, l.left, l.hanging)
		if l.bold {
			b.WriteString(`<w:rPr><w:b/></w:rPr>`)
		}
		b.WriteString("</w:lvl>")
	}
	b.WriteString("</w:abstractNum>")
	w.abstracts = append(w.abstracts, b.String())
	return id
}

// stylesXML is word/styles.xml: the document defaults and the styles the
// writers use.
func stylesXML() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<w:styles xmlns:w="%s">`, nsW)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>` +
		`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	style := func(typ, id, name, extra string) {
		fmt.Fprintf(&b, `<w:style w:type="%s" w:styleId="%s"`, typ, id)
		if id == "Normal" || id == "DefaultParagraphFont" || id == "TableNormal" {
			b.WriteString(` w:default="1"`)
		}
		fmt.Fprintf(&b, `><w:name w:val="%s"/>%s</w:style>`, name, extra)
	}
	style("paragraph", "Normal", "Normal", `<w:qFormat/>`)
	style("character", "DefaultParagraphFont", "Default Paragraph Font", `<w:uiPriority w:val="1"/><w:semiHidden/>`)
	style("table", "TableNormal", "Normal Table", `<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>`)
	style("paragraph", "Title", "Title", `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="`+colorNavy+`"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr>`)
	style("paragraph", "Subtitle", "Subtitle", `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="`+colorGrey+`"/></w:rPr>`)
	for i, sz := range []int{28, 24, 22} {
		n := strconv.Itoa(i + 1)
		style("paragraph", "Heading"+n, "heading "+n, `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="`+strconv.Itoa(i)+`"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="`+colorNavy+`"/><w:sz w:val="`+strconv.Itoa(sz)+`"/><w:szCs w:val="`+strconv.Itoa(sz)+`"/></w:rPr>`)
	}
	style("paragraph", "Header", "header", `<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>`)
	style("paragraph", "Footer", "footer", `<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>`)
	style("paragraph", "Note", "Note", `<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="80"/></w:pPr><w:rPr><w:color w:val="`+colorGrey+`"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>`)
	style("table", "TableGrid", "Table Grid", `<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="B8BEC6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B8BEC6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="B8BEC6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B8BEC6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B8BEC6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B8BEC6"/></w:tblBorders></w:tblPr>`)
	b.WriteString("</w:styles>")
	return b.Bytes()
}

// settingsXML is word/settings.xml.
func (w *writer) settingsXML() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<w:settings xmlns:w="%s">`, nsW)
	if w.track {
		b.WriteString("<w:trackRevisions/>")
	}
	b.WriteString(`<w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`)
	return b.Bytes()
}

// part is a file of the package.
type part struct {
	name, contentType string
	data              []byte
}

// Content types of the parts.
const (
	ctDocument  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
	ctSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels      = "application/vnd.openxmlformats-package.relationships+xml"
)

// bytes assembles the package: the parts, their content types and
// relationships, zipped with fixed times so that the same document gives
// the same bytes.
func (w *writer) bytes() ([]byte, error) {
	docRels := [][3]string{
		{"rIdStyles", relOD + "styles", "styles.xml"},
		{"rIdNumbering", relOD + "numbering", "numbering.xml"},
		{"rIdSettings", relOD + "settings", "settings.xml"},
	}
	parts := []part{
		{"word/document.xml", ctDocument, w.docXML()},
		{"word/styles.xml", ctStyles, stylesXML()},
		{"word/numbering.xml", ctNumbering, w.numberingXML()},
		{"word/settings.xml", ctSettings, w.settingsXML()},
	}
	if len(w.header) > 0 {
		parts = append(parts, part{"word/header1.xml", ctHeader, w.hdrXML("hdr", w.header)})
		docRels = append(docRels, [3]string{"rIdHeader", relOD + "header", "header1.xml"})
	}
	if len(w.footer) > 0 {
		parts = append(parts, part{"word/footer1.xml", ctFooter, w.hdrXML("ftr", w.footer)})
		docRels = append(docRels, [3]string{"rIdFooter", relOD + "footer", "footer1.xml"})
	}
	parts = append(parts,
		part{"docProps/core.xml", ctCore, w.coreXML()},
		part{"docProps/app.xml", ctApp, appXML()},
		part{"word/_rels/document.xml.rels", "", relsXML(docRels)},
		part{"_rels/.rels", "", relsXML([][3]string{
			{"rId1", relDoc, "word/document.xml"},
			{"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
			{"rId3", relOD + "extended-properties", "docProps/app.xml"},
		})},
	)
	var ct bytes.Buffer
	ct.WriteString(xml.Header)
	fmt.Fprintf(&ct, `<Types xmlns="%s"><Default Extension="rels" ContentType="%s"/><Default Extension="xml" ContentType="application/xml"/>`, nsCT, ctRels)
	for _, p := range parts {
		if p.contentType != "" {
			fmt.Fprintf(&ct, `<Override PartName="/%s" ContentType="%s"/>`, p.name, p.contentType)
		}
	}
	ct.WriteString("</Types>")
	parts = append([]part{{"[Content_Types].xml", "", ct.Bytes()}}, parts...)

	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: w.created})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func relsXML(rels [][3]string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<Relationships xmlns="%s">`, nsRels)
	for _, r := range rels {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, r[0], r[1], r[2])
	}
	b.WriteString("</Relationships>")
	return b.Bytes()
}

func (w *writer) coreXML() []byte {
	stamp := w.created.UTC().Format("2006-01-02T15:04:05Z")
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	fmt.Fprintf(&b, `<dc:title>%s</dc:title><dc:creator>Parley</dc:creator>`, esc(w.title))
	fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, stamp, stamp)
	b.WriteString("</cp:coreProperties>")
	return b.Bytes()
}

func appXML() []byte {
	return []byte(xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Parley</Application></Properties>`)
}
