package docx

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/app"
)

// Reading a Word draft. Each paragraph of the document becomes one
// paragraph of the plain-text draft convention (app.ReadDraft), a blank
// line apart, and app.ReadDraft builds the statement from that text, as it
// does from a draft pasted from an email:
//
//   - Word's automatic numbering is resolved (numbering.go) and written as
//     the label the text would have: "3.", "(b)", "(iv)"; numbers typed as
//     text ("3 bis.") are text already.
//   - A paragraph in a heading style is a heading ("## Scope"), in the
//     Title style the title ("# ..."); a short paragraph all in bold is a
//     heading too ("**Scope**").
//   - Bold text at a paragraph's start, after its label, is the bold
//     lead-in ("**Harden cyber defences** by ...").
//   - Tracked changes are brought in as brackets proposed by the side of
//     their author: an insertion "[new words]AU", a deletion
//     "[old words]AU", so that the negotiation decides each; the author is
//     matched to a side through the meeting's participants, agencies and
//     sides, else the side the draft came from, and reported.
//   - A comment on a bracket that names a side ("Japan", "JP proposal")
//     says who proposed the bracket; any other comment brackets the words
//     it is on, proposed by its author's side, and its text is reported.
//     A footnote after a bracket naming a side works the same way; other
//     footnotes are reported.
//   - Tables, images, text boxes and fields are reported by paragraph and
//     imported as far as they go (a table's cells paragraph by paragraph,
//     a field's shown text); a table after the statement's last paragraph
//     is its signature block, left out with a note.

// ReadDraft reads a Word draft of the meeting's statement. name is the
// file's name, for messages; side is the ID of the side the draft came
// from (brackets and alternatives it does not attribute are that side's;
// may be empty). The result is what app.ReadDraft gives for the same draft
// as text, its problems placed by paragraph (DraftProblem.Where). An error
// means the file is not a Word document, or is damaged, and nothing was
// read.
func ReadDraft(data []byte, name string, m *app.Meeting, side string) (*app.ParsedDraft, error) {
	text, probs, notes, err := draftText(data, name, m, side)
	if err != nil {
		return nil, err
	}
	d := m.ReadDraft(text, side)
	d.Problems = append(d.Problems, probs...)
	sort.SliceStable(d.Problems, func(i, j int) bool { return d.Problems[i].Line < d.Problems[j].Line })
	d.Notes = notes
	where := placer(d)
	for i := range d.Problems {
		d.Problems[i].Where = where(d.Problems[i].Line)
	}
	for i := range d.Notes {
		d.Notes[i].Where = where(d.Notes[i].Line)
	}
	return d, nil
}

// DraftText returns a Word draft as the plain text of the draft
// convention that ReadDraft builds the statement from: what a user would
// get by pasting the document, with numbers, lead-ins, headings and
// brackets written out.
func DraftText(data []byte, name string, m *app.Meeting, side string) (string, error) {
	text, _, _, err := draftText(data, name, m, side)
	return text, err
}

// placer returns a function naming the paragraph of the draft a line of
// its text belongs to: `paragraph 6(a) ("Harden cyber defences by…")`.
func placer(d *app.ParsedDraft) func(line int) string {
	nums := app.NumberParagraphs(d.Paragraphs)
	type at struct {
		line int
		p    *app.Paragraph
	}
	var starts []at
	for _, p := range d.Paragraphs {
		starts = append(starts, at{d.Lines[p.ID], p})
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].line < starts[j].line })
	return func(line int) string {
		var p *app.Paragraph
		for _, s := range starts {
			if s.line <= line {
				p = s.p
			}
		}
		if p == nil {
			if len(starts) > 0 {
				p = starts[0].p
			} else {
				return "the document"
			}
		}
		ref := nums.Ref[p.ID]
		if ref == "" {
			ref = "an alternative wording"
		}
		if p.Kind == app.ParaOperative && !strings.HasPrefix(ref, "alternative") {
			ref = "paragraph " + ref
		}
		return ref + " (" + snippet(p) + ")"
	}
}

// snippet is the start of a paragraph's text, quoted.
func snippet(p *app.Paragraph) string {
	t := strings.TrimSpace(strings.TrimSpace(p.LeadIn + " " + p.Text.Plain()))
	words := strings.Fields(t)
	if len(words) > 6 {
		return `"` + strings.Join(words[:6], " ") + "\u2026\""
	}
	return `"` + t + `"`
}

// piece is a stretch of a paragraph's text, or a mark in it.
type piece struct {
	text        string
	bold, super bool
	// track is the tracked change the text is in.
	track *tracked
	// mark is a comment's start or end ("cs"/"ce") or a footnote ("fn"),
	// with its ID.
	mark, id string
}

// tracked is a tracked change: an insertion or deletion and its side.
type tracked struct {
	del          bool
	author, side string
}

// styleInfo is what the reader needs of a style.
type styleInfo struct {
	name, basedOn string
	bold          int // 1 on, -1 off, 0 not said
	heading       int // outline level + 1; 0 none
	title         bool
	numID         string
	ilvl          int
}

// reader turns a document into draft text.
type reader struct {
	m         *app.Meeting
	side      string
	name      string
	styles    map[string]*styleInfo
	defPara   string // the default paragraph style's ID
	num       *numbering
	comments  map[string][2]string // ID -> author, text
	footnotes map[string]string
	lines     []string
	problems  []app.DraftProblem
	notes     []app.DraftProblem
	authors   map[string]*tracked // author -> side, looked up once
	titled    bool
	// inInstr and instr follow a complex field's instruction (w:fldChar).
	inInstr bool
	instr   string
}

// draftText reads the document into draft text, with the problems and
// notes the reading itself found (Line: the line of the text).
func draftText(data []byte, name string, m *app.Meeting, side string) (string, []app.DraftProblem, []app.DraftProblem, error) {
	p, err := open(data, name)
	if err != nil {
		return "", nil, nil, err
	}
	main, err := p.mainPart()
	if err != nil {
		return "", nil, nil, err
	}
	doc, err := p.readPart(main)
	if err != nil {
		return "", nil, nil, err
	}
	if doc == nil {
		return "", nil, nil, fmt.Errorf("%s: %w: the zip archive holds no Word document (no %s); import a .docx saved by Word or LibreOffice, or the draft as plain text", name, ErrNotDocx, main)
	}
	root, err := parseXML(doc)
	if err != nil {
		return "", nil, nil, fmt.Errorf("%s: %s: %v", name, main, err)
	}
	if !root.w("document") {
		return "", nil, nil, fmt.Errorf("%s: %w: %s is not a WordprocessingML document; import a .docx saved by Word or LibreOffice", name, ErrNotDocx, main)
	}
	r := &reader{m: m, side: side, name: name, styles: map[string]*styleInfo{}, comments: map[string][2]string{},
		footnotes: map[string]string{}, authors: map[string]*tracked{}}
	rels, err := p.rels(partRels(main))
	if err != nil {
		return "", nil, nil, err
	}
	parts := map[string]*node{}
	for _, rl := range rels {
		for _, kind := range []string{"styles", "numbering", "comments", "footnotes"} {
			if strings.HasSuffix(rl.typ, "/"+kind) && parts[kind] == nil {
				data, err := p.readPart(rl.target)
				if err != nil {
					return "", nil, nil, err
				}
				if data == nil {
					continue
				}
				n, err := parseXML(data)
				if err != nil {
					return "", nil, nil, fmt.Errorf("%s: %s: %v", name, rl.target, err)
				}
				parts[kind] = n
			}
		}
	}
	r.readStyles(parts["styles"])
	r.num = readNumbering(parts["numbering"], r.styleNum)
	r.readNotes(parts["comments"], parts["footnotes"])
	body := root.child("body")
	if body == nil {
		return "", nil, nil, fmt.Errorf("%s: the document has no body: it is damaged; save it again from Word", name)
	}
	r.blocks(body.kids, true)
	return strings.Join(r.lines, "\n") + "\n", r.problems, r.notes, nil
}

// partRels is the relationships part of a part: word/_rels/document.xml.rels.
func partRels(part string) string {
	dir, file := "", part
	if i := strings.LastIndex(part, "/"); i >= 0 {
		dir, file = part[:i+1], part[i+1:]
	}
	return dir + "_rels/" + file + ".rels"
}

// problem reports something about the paragraph on the next line.
func (r *reader) problem(format string, args ...any) {
	r.problems = append(r.problems, app.DraftProblem{Line: len(r.lines) + 1, What: fmt.Sprintf(format, args...)})
}

// readStyles reads the styles the reader needs: headings, title, bold,
// numbering.
func (r *reader) readStyles(root *node) {
	if root == nil {
		return
	}
	for _, s := range root.kids {
		if !s.w("style") {
			continue
		}
		id := s.attr("styleId")
		st := &styleInfo{name: strings.ToLower(s.val("name")), basedOn: s.val("basedOn")}
		if s.attr("type") == "paragraph" && (s.attr("default") == "1" || s.attr("default") == "true") {
			r.defPara = id
		}
		if rpr := s.child("rPr"); rpr != nil {
			if set, on := rpr.on("b"); set {
				st.bold = map[bool]int{true: 1, false: -1}[on]
			}
		}
		if ppr := s.child("pPr"); ppr != nil {
			if v := ppr.val("outlineLvl"); v != "" {
				if n, err := strconv.Atoi(v); err == nil && n < 9 {
					st.heading = n + 1
				}
			}
			if np := ppr.child("numPr"); np != nil {
				st.numID = np.val("numId")
				st.ilvl, _ = strconv.Atoi(np.val("ilvl"))
			}
		}
		lname := strings.ReplaceAll(st.name, " ", "")
		switch {
		case lname == "title":
			st.title = true
		case strings.HasPrefix(lname, "heading") && len(lname) == len("heading")+1 && lname[7] >= '1' && lname[7] <= '9':
			st.heading = int(lname[7] - '0')
		}
		r.styles[id] = st
	}
}

// style follows a style's basedOn chain and returns what it comes to.
func (r *reader) style(id string) styleInfo {
	var out styleInfo
	out.ilvl = -1
	seen := map[string]bool{}
	first := true
	for id != "" && !seen[id] {
		seen[id] = true
		s := r.styles[id]
		if s == nil {
			break
		}
		if first {
			out.title = s.title
			out.name = s.name
			first = false
		}
		if out.bold == 0 {
			out.bold = s.bold
		}
		if out.heading == 0 {
			out.heading = s.heading
		}
		if out.numID == "" && s.numID != "" {
			out.numID = s.numID
			out.ilvl = s.ilvl
		}
		id = s.basedOn
	}
	if out.ilvl < 0 {
		out.ilvl = 0
	}
	return out
}

// styleNum resolves a numbering style to its numbering instance.
func (r *reader) styleNum(style string) string { return r.style(style).numID }

// readNotes reads the comments' and footnotes' authors and texts.
func (r *reader) readNotes(comments, footnotes *node) {
	if comments != nil {
		for _, c := range comments.kids {
			if c.w("comment") {
				r.comments[c.attr("id")] = [2]string{c.attr("author"), plainText(c)}
			}
		}
	}
	if footnotes != nil {
		for _, f := range footnotes.kids {
			if f.w("footnote") && f.attr("type") == "" {
				r.footnotes[f.attr("id")] = plainText(f)
			}
		}
	}
}

// plainText is the text of a subtree's w:t elements, paragraphs a space
// apart.
func plainText(n *node) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, k := range n.kids {
			switch {
			case k.w("t"):
				b.WriteString(k.text)
			case k.w("p"):
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				walk(k)
			default:
				walk(k)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// blocks reads block-level content: paragraphs, tables, content controls.
func (r *reader) blocks(kids []*node, top bool) {
	for i, k := range kids {
		switch {
		case k.w("p"):
			r.paragraph(k)
		case k.w("tbl"):
			rows, cols := 0, 0
			for _, tr := range k.kids {
				if tr.w("tr") {
					rows++
					c := 0
					for _, tc := range tr.kids {
						if tc.w("tc") {
							c++
						}
					}
					cols = max(cols, c)
				}
			}
			if top && onlyEmptyAfter(kids[i+1:]) {
				r.notes = append(r.notes, app.DraftProblem{Line: max(len(r.lines)-1, 1),
					What: fmt.Sprintf("the table at the end (%d × %d, the signature block) is not imported: signatories are kept in the Statement view", rows, cols)})
				continue
			}
			r.problem("a table (%d rows, %d columns): its cells are imported as paragraphs, row by row; check them", rows, cols)
			for _, tr := range k.kids {
				if !tr.w("tr") {
					continue
				}
				for _, tc := range tr.kids {
					if tc.w("tc") {
						r.blocks(tc.kids, false)
					}
				}
			}
		case k.w("sdt"):
			if c := k.child("sdtContent"); c != nil {
				r.blocks(c.kids, top && onlyEmptyAfter(kids[i+1:]))
			}
		case k.w("customXml"):
			r.blocks(k.kids, top && onlyEmptyAfter(kids[i+1:]))
		}
	}
}

// onlyEmptyAfter reports whether nothing but empty paragraphs and section
// properties follow.
func onlyEmptyAfter(rest []*node) bool {
	for _, k := range rest {
		switch {
		case k.w("sectPr"), k.w("bookmarkEnd"), k.w("bookmarkStart"):
		case k.w("p"):
			if strings.TrimSpace(plainText(k)) != "" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// leadPrefix is what may stand before a bold lead-in: a typed label
// ("3 bis.", "(a)") and the bracket that opens an alternative.
var leadPrefix = regexp.MustCompile(`^\s*(\(?([0-9]{1,3}|[a-z]{1,6})\)?( ?(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?[.)]?\s+)?\[?\s*$`)

// paragraph reads one paragraph into a line of draft text.
func (r *reader) paragraph(p *node) {
	ppr := p.child("pPr")
	styleID := ppr.val("pStyle")
	if styleID == "" {
		styleID = r.defPara
	}
	st := r.style(styleID)
	numID, ilvl := st.numID, st.ilvl
	if np := ppr.child("numPr"); np != nil {
		if v := np.val("numId"); v != "" {
			numID = v
		}
		if v := np.val("ilvl"); v != "" {
			ilvl, _ = strconv.Atoi(v)
		}
	}
	if rpr := ppr.child("rPr"); rpr != nil {
		if d := rpr.child("del"); d != nil {
			r.problem("the paragraph mark was deleted by %s (joining this paragraph to the next): imported as two paragraphs; join them if that is agreed", nameOr(d.attr("author")))
		}
	}
	var pieces []piece
	r.inInstr = false
	r.inline(p.kids, nil, st.bold > 0, &pieces)
	label := ""
	if numID != "" {
		if l, ok := r.num.label(numID, ilvl); ok {
			label = l
		}
	}
	pieces = r.wrapTracked(pieces)
	pieces = r.applyComments(pieces)
	pieces = r.applyFootnotes(pieces)
	pre, lead, rest := splitLead(pieces)
	text := pre + lead + rest
	if strings.TrimSpace(text) == "" {
		return
	}
	var line string
	switch {
	case st.title && !r.titled && len(r.lines) == 0:
		r.titled = true
		line = "# " + text
	case st.heading > 0 || st.title:
		line = "## " + text
	case lead != "" && strings.TrimSpace(pre) == "" && strings.TrimSpace(rest) == "" && label == "":
		// A paragraph all in bold: a heading when short, else plain text.
		if looksLikeHeading(lead) {
			line = "**" + lead + "**"
		} else {
			line = lead
		}
	case lead != "":
		line = pre + "**" + lead + "**" + rest
	default:
		line = text
	}
	if label != "" && !strings.HasPrefix(line, "#") {
		line = label + " " + line
	}
	r.lines = append(r.lines, strings.TrimSpace(oneLine(line)), "")
}

// looksLikeHeading is a short line without a full stop.
func looksLikeHeading(s string) bool {
	s = strings.TrimSpace(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return len(strings.Fields(s)) <= 12 && utf8.RuneCountInString(s) <= 100 && !strings.ContainsRune(".;:,!?。", last) && !strings.ContainsAny(s, "[]")
}

// oneLine keeps text on one line: tabs and line breaks become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			return ' '
		}
		return r
	}, s)
}

func nameOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return "an unnamed author"
	}
	return strconv.Quote(s)
}

// inline reads a paragraph's content into pieces; tr is the tracked
// change it is in, bold the paragraph style's bold.
func (r *reader) inline(kids []*node, tr *tracked, bold bool, out *[]piece) {
	for _, k := range kids {
		switch {
		case k.w("r"):
			r.run(k, tr, bold, out)
		case k.w("ins"), k.w("moveTo"):
			r.inline(k.kids, r.track(k.attr("author"), false), bold, out)
		case k.w("del"), k.w("moveFrom"):
			r.inline(k.kids, r.track(k.attr("author"), true), bold, out)
		case k.w("hyperlink"), k.w("smartTag"), k.w("customXml"), k.w("dir"), k.w("bdo"):
			r.inline(k.kids, tr, bold, out)
		case k.w("sdt"):
			if c := k.child("sdtContent"); c != nil {
				r.inline(c.kids, tr, bold, out)
			}
		case k.w("fldSimple"):
			r.problem("a field (%s): its shown text is imported as text", fieldName(k.attr("instr")))
			r.inline(k.kids, tr, bold, out)
		case k.w("commentRangeStart"):
			*out = append(*out, piece{mark: "cs", id: k.attr("id")})
		case k.w("commentRangeEnd"):
			*out = append(*out, piece{mark: "ce", id: k.attr("id")})
		case k.local == "AlternateContent":
			r.drawing(k)
		case k.w("oMath"), k.w("oMathPara"), k.local == "oMath" || k.local == "oMathPara":
			r.problem("an equation: not imported")
		}
	}
}

// run reads a run.
func (r *reader) run(k *node, tr *tracked, paraBold bool, out *[]piece) {
	rpr := k.child("rPr")
	bold := paraBold
	if rs := rpr.val("rStyle"); rs != "" {
		if b := r.style(rs).bold; b != 0 {
			bold = b > 0
		}
	}
	if set, on := rpr.on("b"); set {
		bold = on
	}
	super := rpr.val("vertAlign") == "superscript"
	add := func(s string) {
		if s == "" || r.inInstr {
			return
		}
		*out = append(*out, piece{text: s, bold: bold, super: super, track: tr})
	}
	for _, c := range k.kids {
		switch {
		case c.w("t") || c.w("delText"):
			add(c.text)
		case c.w("tab"), c.w("ptab"):
			add("\t")
		case c.w("br"), c.w("cr"):
			add(" ")
		case c.w("noBreakHyphen"):
			add("-")
		case c.w("sym"):
			r.problem("a symbol character from the %q font: not imported", c.attr("font"))
		case c.w("fldChar"):
			switch c.attr("fldCharType") {
			case "begin":
				r.inInstr = true
				r.instr = ""
			case "separate":
				r.inInstr = false
				r.problem("a field (%s): its shown text is imported as text", fieldName(r.instr))
			case "end":
				if r.inInstr {
					r.problem("a field (%s) with no shown text: not imported", fieldName(r.instr))
				}
				r.inInstr = false
			}
		case c.w("instrText"):
			r.instr += c.text
		case c.w("commentReference"):
			*out = append(*out, piece{mark: "cr", id: c.attr("id")})
		case c.w("footnoteReference"), c.w("endnoteReference"):
			if c.w("endnoteReference") {
				r.problem("an endnote: not imported")
				continue
			}
			*out = append(*out, piece{mark: "fn", id: c.attr("id")})
		case c.w("drawing"), c.w("pict"), c.w("object"):
			r.drawing(c)
		case c.local == "AlternateContent":
			r.drawing(c)
		}
	}
}

// drawing reports an image, chart or text box.
func (r *reader) drawing(n *node) {
	if n.find("txbxContent") {
		r.problem("a text box: its text is not imported; move the text into the paragraph if it belongs to the statement")
		return
	}
	r.problem("an image or drawing: not imported")
}

// fieldName is a field's name from its instruction (" PAGE \\* MERGEFORMAT ").
func fieldName(instr string) string {
	f := strings.Fields(instr)
	if len(f) == 0 {
		return "unnamed"
	}
	return f[0]
}

// track returns the tracked change of an author: its side, found once.
func (r *reader) track(author string, del bool) *tracked {
	t, ok := r.authors[author]
	if !ok {
		t = &tracked{author: author}
		if s := r.m.SideOfAuthor(author); s != nil {
			t.side = s.ID
		} else {
			t.side = r.side
			to := "no side (none was given for the draft)"
			if s := r.m.SideByID(r.side); s != nil {
				to = s.Label() + ", the side the draft came from"
			}
			r.problem("tracked changes by %s, who is not a participant, agency or side of the meeting: brought in as brackets proposed by %s", nameOr(author), to)
		}
		r.authors[author] = t
	}
	return &tracked{del: del, author: author, side: t.side}
}

// code is a side's code as written after a bracket.
func (r *reader) code(side string) string { return r.m.SideCode(side) }

// wrapTracked brings tracked changes in as brackets: each stretch of
// insertions or deletions by one side becomes "[...]CODE". A stretch that
// holds square brackets itself is kept as it is, and reported.
func (r *reader) wrapTracked(ps []piece) []piece {
	var out []piece
	for i := 0; i < len(ps); {
		t := ps[i].track
		if t == nil {
			out = append(out, ps[i])
			i++
			continue
		}
		j := i
		var text strings.Builder
		for j < len(ps) && (ps[j].track == nil && ps[j].mark != "" || ps[j].track != nil && *ps[j].track == *t) {
			text.WriteString(ps[j].text)
			j++
		}
		for j > i+1 && ps[j-1].track == nil { // marks after the stretch stay outside
			j--
		}
		kind := "insertion"
		if t.del {
			kind = "deletion"
		}
		if strings.TrimSpace(text.String()) == "" {
			out = append(out, ps[i:j]...)
		} else if strings.ContainsAny(text.String(), "[]") {
			r.problem("a tracked %s by %s holds square brackets: imported as written, without a bracket of its own; check the brackets", kind, nameOr(t.author))
			out = append(out, ps[i:j]...)
		} else {
			out = append(out, bracketPieces(ps[i:j], r.code(t.side))...)
		}
		i = j
	}
	for k := range out {
		out[k].track = nil
	}
	return out
}

// bracketPieces puts pieces in a bracket followed by a side's code, white
// space at the edges outside.
func bracketPieces(ps []piece, code string) []piece {
	first, last := 0, len(ps)-1
	var lead, trail piece
	for first <= last && ps[first].mark == "" && strings.TrimSpace(ps[first].text) == "" {
		first++
	}
	for last >= first && ps[last].mark == "" && strings.TrimSpace(ps[last].text) == "" {
		last--
	}
	out := append([]piece{}, ps[:first]...)
	core := append([]piece{}, ps[first:last+1]...)
	if len(core) > 0 && core[0].mark == "" {
		t := core[0].text
		core[0].text = strings.TrimLeftFunc(t, unicode.IsSpace)
		lead = piece{text: t[:len(t)-len(core[0].text)]}
	}
	if n := len(core); n > 0 && core[n-1].mark == "" {
		t := core[n-1].text
		core[n-1].text = strings.TrimRightFunc(t, unicode.IsSpace)
		trail = piece{text: t[len(core[n-1].text):]}
	}
	out = append(out, lead, piece{text: "["})
	out = append(out, core...)
	out = append(out, piece{text: "]" + code}, trail)
	return append(out, ps[last+1:]...)
}

// applyComments brings comments in: a comment naming a side on a bracket
// says who proposed it; any other comment brackets the words it is on,
// proposed by its author's side; what is not brought in is reported.
func (r *reader) applyComments(ps []piece) []piece {
	ranged := map[string]bool{}
	for i := 0; i < len(ps); i++ {
		if ps[i].mark == "cr" && !ranged[ps[i].id] {
			ps = r.pointComment(ps, i)
		}
		if ps[i].mark != "cs" {
			continue
		}
		id := ps[i].id
		ranged[id] = true
		end := -1
		for j := i + 1; j < len(ps); j++ {
			if ps[j].mark == "ce" && ps[j].id == id {
				end = j
				break
			}
		}
		c, ok := r.comments[id]
		if !ok {
			continue
		}
		author, text := c[0], c[1]
		var on strings.Builder
		if end > 0 {
			for _, p := range ps[i+1 : end] {
				on.WriteString(p.text)
			}
		}
		covered := strings.TrimSpace(on.String())
		if s := r.m.SideNamed(text); s != nil && end > 0 && strings.HasSuffix(covered, "]") {
			ps = r.codeAfterBracket(ps, end, s.ID)
			continue
		}
		switch {
		case end < 0:
			r.problem("comment by %s (%q) on text that runs on into another paragraph: not imported", nameOr(author), text)
		case covered == "":
			r.problem("comment by %s: %q: not imported", nameOr(author), text)
		case strings.ContainsAny(covered, "[]"):
			r.problem("comment by %s on %q: %q: not imported (the text already has brackets)", nameOr(author), short(covered), text)
		default:
			t := r.track(author, false)
			sideName := "no side"
			if s := r.m.SideByID(t.side); s != nil {
				sideName = s.Label()
			}
			r.problem("comment by %s on %q: %q: the words are bracketed, proposed by %s; the comment itself is not imported", nameOr(author), short(covered), text, sideName)
			wrapped := bracketPieces(ps[i+1:end], r.code(t.side))
			ps = append(append(append([]piece{}, ps[:i+1]...), wrapped...), ps[end:]...)
		}
	}
	return ps
}

// pointComment brings in a comment that marks a place, not words: one
// naming a side right after a bracket says who proposed it; any other is
// reported.
func (r *reader) pointComment(ps []piece, at int) []piece {
	c, ok := r.comments[ps[at].id]
	if !ok {
		return ps
	}
	if s := r.m.SideNamed(c[1]); s != nil && strings.HasSuffix(textBefore(ps, at), "]") {
		return r.codeAfterBracket(ps, at, s.ID)
	}
	r.problem("comment by %s: %q: not imported", nameOr(c[0]), c[1])
	return ps
}

// textBefore is the text before piece at, without trailing white space
// (within the last piece that has text).
func textBefore(ps []piece, at int) string {
	for j := at - 1; j >= 0; j-- {
		if t := strings.TrimRightFunc(ps[j].text, unicode.IsSpace); t != "" {
			return t
		}
	}
	return ""
}

// codeAfterBracket writes a side's code after the bracket that closes
// just before piece at, unless a code is there already.
func (r *reader) codeAfterBracket(ps []piece, at int, side string) []piece {
	for j := at - 1; j >= 0; j-- {
		t := strings.TrimRightFunc(ps[j].text, unicode.IsSpace)
		if ps[j].mark != "" || t == "" {
			continue
		}
		if strings.HasSuffix(t, "]") {
			ps[j].text = t + r.code(side) + ps[j].text[len(t):]
		}
		break
	}
	return ps
}

// applyFootnotes brings footnotes in: one after a bracket that names a
// side says who proposed it; others are reported.
func (r *reader) applyFootnotes(ps []piece) []piece {
	for i := range ps {
		if ps[i].mark != "fn" {
			continue
		}
		text := r.footnotes[ps[i].id]
		if s := r.m.SideNamed(text); s != nil && strings.HasSuffix(textBefore(ps, i), "]") {
			ps = r.codeAfterBracket(ps, i, s.ID)
			continue
		}
		r.problem("footnote %q: not imported", short(text))
	}
	return ps
}

// short shortens text for a message.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:59]) + "…"
}

// splitLead joins the pieces into the paragraph's text and finds its bold
// lead-in: bold text at the start, after a typed label and the bracket
// of an alternative; square brackets and white space are neither bold nor
// not. pre is the text before the lead-in, rest the text after it; lead
// is empty when there is none (and pre then the whole text).
func splitLead(ps []piece) (pre, lead, rest string) {
	var b strings.Builder
	start, end := -1, -1 // byte offsets of the bold stretch
	done := false
	for _, p := range ps {
		if p.mark != "" {
			continue
		}
		neutral := strings.Trim(p.text, "[] \t\u00a0") == ""
		switch {
		case done || neutral:
		case p.bold && start < 0 && leadPrefix.MatchString(b.String()):
			start = b.Len()
			end = b.Len() + len(p.text)
		case p.bold && start >= 0:
			end = b.Len() + len(p.text)
		default:
			done = true
		}
		b.WriteString(p.text)
	}
	text := b.String()
	if start < 0 || strings.TrimSpace(text[start:end]) == "" {
		return text, "", ""
	}
	raw := text[start:end]
	lead = strings.TrimLeftFunc(raw, unicode.IsSpace)
	pre = text[:start] + raw[:len(raw)-len(lead)]
	trimmed := strings.TrimRightFunc(lead, unicode.IsSpace)
	return pre, trimmed, lead[len(trimmed):] + text[end:]
}
