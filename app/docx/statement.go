package docx

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"parley/app"
)

// StatementOptions choose how the statement is written.
type StatementOptions struct {
	// Draft is the number of the draft to write; 0 is the current text.
	Draft int
	// Side is the ID of the side whose copy this is (the alternat): its
	// signature column comes first. Empty means our side.
	Side string
	// Joint writes a jointly issued text: the host side first.
	Joint bool
	// Paper is "a4" (the default) or "letter".
	Paper string
	// Clean writes the agreed text without brackets or drafting notes; it
	// is refused (an *app.RefusedError) while anything is open.
	Clean bool
	// Marking, when set, replaces the statement's classification in the
	// header and footer.
	Marking *app.Marking
}

// Indents of the statement's numbered levels, in twips.
const (
	indentStep = 567 // 1 cm
)

// paperOf checks a paper size and returns its key.
func paperOf(s string) (string, error) {
	p := strings.ToLower(strings.TrimSpace(s))
	if p == "" {
		p = "a4"
	}
	if _, ok := papers[p]; !ok {
		return "", fmt.Errorf("unknown paper size %q (use a4 or letter)", s)
	}
	return p, nil
}

// dateOf is the document's date: the draft's, else the latest draft's,
// else the meeting's first day; it fixes the file's timestamps.
func dateOf(m *app.Meeting, draft int) time.Time {
	var dates []string
	if v := m.DraftByNumber(draft); v != nil {
		dates = append(dates, v.Date)
	}
	var latest *app.Version
	for _, v := range m.Versions {
		if latest == nil || v.Number > latest.Number {
			latest = v
		}
	}
	if latest != nil {
		dates = append(dates, latest.Date)
	}
	dates = append(dates, m.Details.Start)
	for _, d := range dates {
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(d)); err == nil {
			return t
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// Statement writes the statement (or a numbered draft of it) as a Word
// document the counterpart can edit: the title, headings, paragraphs in
// Word's own numbering (1., (a), (i), so that Word renumbers when they
// insert one), bold lead-ins, brackets followed by the proposing side's
// code, alternatives numbered bis and ter after the whole paragraph they
// replace, the signature block as a table in this copy's order, and the
// classification in the header and footer. ImportStatement reads it back
// to the same statement.
func Statement(m *app.Meeting, o StatementOptions) ([]byte, error) {
	paper, err := paperOf(o.Paper)
	if err != nil {
		return nil, err
	}
	sm, err := m.AtDraft(o.Draft)
	if err != nil {
		return nil, err
	}
	if o.Clean {
		if open := sm.OpenItems(); len(open) > 0 {
			return nil, &app.RefusedError{What: "clean statement", Open: open}
		}
	}
	p := m.Perspective(o.Side)
	if o.Joint {
		p = m.HostFirst()
	}
	w := newWriter(paper, dateOf(m, o.Draft))
	w.title = sm.Statement.Title
	mk := sm.Statement.Marking
	if mk.IsZero() {
		mk = m.Details.Marking
	}
	if o.Marking != nil {
		mk = *o.Marking
	}
	var note string
	if !o.Clean {
		note = draftNote(m, o.Draft)
	}
	w.header, w.footer = bannerParas(mk, note, true)
	s := &statementWriter{w: w, m: sm, draft: !o.Clean}
	s.write()
	s.signatures(p.Signatories())
	return w.bytes()
}

// draftNote describes a draft for the page header.
func draftNote(m *app.Meeting, n int) string {
	s := "Current text"
	if v := m.DraftByNumber(n); v != nil {
		s = fmt.Sprintf("Draft %d", v.Number)
		if v.Label != "" {
			s += " (" + v.Label + ")"
		}
		if v.Date != "" {
			s += ", " + v.Date
		}
	}
	return s + ". Text in [square brackets] is not agreed; the code after a bracket names the side that proposed it."
}

// bannerParas are the header and footer: the marking, centred in bold
// (red where the scheme asks), a note under the header's marking, and
// "Page X of Y" in the footer.
func bannerParas(mk app.Marking, note string, pages bool) (header, footer []cellPara) {
	banner := mk.Banner()
	color := ""
	if mk.IsRed() {
		color = colorRed
	}
	if banner != "" {
		b := cellPara{pPr{style: "Header"}, []run{{text: banner, bold: true, color: color}}}
		header = append(header, b)
		b.p.style = "Footer"
		footer = append(footer, b)
	}
	if note != "" {
		header = append(header, cellPara{pPr{style: "Header"}, []run{{text: note, size: 16, color: colorGrey}}})
	}
	if pages {
		footer = append(footer, cellPara{pPr{style: "Footer"}, []run{{text: "Page ", size: 16}, {field: "PAGE", text: "1", size: 16},
			{text: " of ", size: 16}, {field: "NUMPAGES", text: "1", size: 16}}})
	}
	return header, footer
}

// statementWriter writes the statement's paragraphs.
type statementWriter struct {
	w     *writer
	m     *app.Meeting
	draft bool
	// opNum is the numbering of operative paragraphs and their
	// sub-paragraphs; subAbs the abstract numbering of sub-paragraphs
	// under an unnumbered paragraph, subNum its current instance.
	opNum, subAbs, subNum int
}

// statementLevels are the numbering levels of the statement: 1., (a), (i).
func statementLevels(first int) []level {
	all := []level{
		{format: "decimal", text: "%1.", left: indentStep, hanging: indentStep},
		{format: "lowerLetter", text: "(%2)", left: 2 * indentStep, hanging: indentStep},
		{format: "lowerRoman", text: "(%3)", left: 3 * indentStep, hanging: indentStep},
	}
	out := all[first:]
	for i := range out {
		out[i].text = strings.NewReplacer("%1", "%"+fmt.Sprint(i+1), "%2", "%"+fmt.Sprint(i+1), "%3", "%"+fmt.Sprint(i+1)).Replace(out[i].text)
	}
	return out
}

// begin sets up the numbering and writes the title.
func (s *statementWriter) begin(title string) {
	w := s.w
	s.opNum = w.addNum(w.addAbstract(statementLevels(0)...), false)
	s.subAbs = w.addAbstract(statementLevels(1)...)
	if t := strings.TrimSpace(title); t != "" {
		w.para(pPr{style: "Title"}, run{text: t})
	}
}

func (s *statementWriter) write() {
	s.begin(s.m.Statement.Title)
	nums := s.m.Numbers()
	for _, p := range s.m.DisplayOrder() {
		if p.Kind == app.ParaHeading {
			text := strings.TrimSpace(p.Text.Tagged(nil))
			if text == "" {
				text = p.LeadIn
			}
			s.w.para(pPr{style: "Heading1"}, run{text: text})
			continue
		}
		pp, label := s.place(p.Kind, p.Level, p.AltOf != "", nums.Label[p.ID])
		s.w.para(pp, append(label, s.paraRuns(p)...)...)
	}
}

// place returns the properties of a paragraph of the statement (not a
// heading) and, for an alternative, the typed label that starts it
// ("3 bis. "): operative paragraphs and their sub-paragraphs are numbered
// by Word; sub-paragraphs of an unnumbered paragraph are lettered from (a)
// again under each.
func (s *statementWriter) place(kind app.ParagraphKind, level int, alt bool, label string) (pPr, []run) {
	lv := min(max(level, 0), 2)
	switch {
	case alt:
		if !strings.HasPrefix(label, "(") {
			label += "."
		}
		left := indentStep * (lv + 1)
		return pPr{left: left, hanging: indentStep}, []run{{text: label + " "}}
	case lv == 0 && kind == app.ParaPreambular:
		s.subNum = 0
		return pPr{}, nil
	case lv == 0:
		s.subNum = -1
		return pPr{numID: s.opNum}, nil
	case s.subNum == -1:
		return pPr{numID: s.opNum, ilvl: lv}, nil
	}
	if s.subNum == 0 {
		s.subNum = s.w.addNum(s.subAbs, true)
	}
	return pPr{numID: s.subNum, ilvl: lv - 1}, nil
}

// paraRuns are a paragraph's runs: its bold lead-in and its text with
// brackets drawn and tagged with the proposing side's code; an
// alternative bracketed as a whole; an ad ref paragraph marked.
func (s *statementWriter) paraRuns(p *app.Paragraph) []run {
	var out []run
	alt := p.AltOf != "" && s.draft
	color := ""
	if alt {
		color = colorBracket
		out = append(out, bracketRun("["))
	}
	if p.LeadIn != "" {
		out = append(out, run{text: p.LeadIn, bold: true, color: color})
		if gap := app.LeadInGap(p.Text.Tagged(nil)); gap != "" {
			out = append(out, run{text: gap, color: color})
		}
	}
	for i := 0; i < len(p.Text); {
		j := i + 1
		for j < len(p.Text) && p.Text[j].Bracket == p.Text[i].Bracket {
			j++
		}
		var t strings.Builder
		for _, sp := range p.Text[i:j] {
			t.WriteString(sp.T)
		}
		text := t.String()
		if p.Text[i].Bracket == "" || !s.draft {
			out = append(out, run{text: text, color: color})
		} else {
			out = append(out, s.bracketed(text, p.Text[i].Side)...)
		}
		i = j
	}
	if alt {
		out = append(out, bracketRun("]"))
		out = append(out, s.codeRun(p.Side)...)
	}
	if p.State == app.StateAdRef && s.draft {
		out = append(out, run{text: " (ad ref)"})
	}
	return out
}

// bracketRun is a square bracket as drawn: bold, in the bracket colour.
func bracketRun(b string) run { return run{text: b, bold: true, color: colorBracket} }

// codeRun is the proposing side's code after a bracket, superscript.
func (s *statementWriter) codeRun(side string) []run {
	if c := s.m.SideCode(side); c != "" {
		return []run{{text: c, bold: true, super: true, color: colorBracket}}
	}
	return nil
}

// bracketed draws a bracket: its text in square brackets with the
// proposing side's code after it; white space at its edges outside.
func (s *statementWriter) bracketed(text, side string) []run {
	core := strings.TrimFunc(text, unicode.IsSpace)
	if core == "" {
		core = text
	}
	lead := text[:strings.Index(text, core)]
	trail := text[len(lead)+len(core):]
	out := []run{{text: lead}, bracketRun("["), {text: core, color: colorBracket}, bracketRun("]")}
	out = append(out, s.codeRun(side)...)
	return append(out, run{text: trail})
}

// signatures writes the signature block: a table with one column per
// signatory, this copy's side first, at most three columns a row.
func (s *statementWriter) signatures(sigs []*app.Signatory) {
	if len(sigs) == 0 {
		return
	}
	w := s.w
	w.para(pPr{after: 240})
	n := min(len(sigs), 3)
	width := w.textWidth() / n
	var rows [][]cell
	for start := 0; start < len(sigs); start += n {
		var row []cell
		for k := start; k < start+n; k++ {
			c := cell{width: width}
			if k < len(sigs) {
				g := sigs[k]
				c.paras = append(c.paras, cellPara{pPr{before: 960, topBorder: true, tight: true}, []run{{text: strings.TrimSpace(g.Name), bold: true}}})
				c.paras = append(c.paras, cellPara{pPr{after: 240}, []run{{text: strings.TrimSpace(g.Title)}}})
			}
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	w.table(rows, false, false)
}
