package pack

import (
	"bytes"
	"fmt"

	"github.com/jung-kurt/gofpdf"
)

// decorate fills in the contents' page numbers and puts the banner, the
// running header and the footer on every page, now that the page count is
// known.
func (b *builder) decorate() {
	d := b.d
	g := d.g
	total := len(d.pages)
	banner := sanitize(b.marking.Banner())
	bst := style{face: faceBold, size: 10, color: black}
	if b.marking.IsRed() {
		bst.color = red
	}
	small := style{face: faceRegular, size: 7.5, color: grey}
	smallB := style{face: faceBold, size: 7.5, color: grey}
	title := sanitize(b.p.Title())
	footLeft := "Version " + sanitize(b.o.Version)
	if d := longDate(b.o.Date, false); d != "" { // a new meeting of a series has no date yet
		footLeft += "  ·  " + d
	}
	if !b.o.Final {
		footLeft += "  ·  Draft"
	}
	right := g.w - g.right
	for i, pg := range d.pages {
		// Contents numbers.
		for k := range pg.ops {
			o := &pg.ops[k]
			if o.kind != opPageRef {
				continue
			}
			a := d.anchors[o.anchor]
			o.kind = opText
			o.text = "–"
			if a.page >= 0 {
				o.text = itoa(a.page + 1)
			}
			o.x -= textWidth(o.face, o.size, o.text)
		}
		var deco []op
		add := func(x, y float64, s string, st style, center, alignRight bool) {
			w := plain(s, st).width()
			if center {
				x -= w / 2
			}
			if alignRight {
				x -= w
			}
			for _, l := range wrap(plain(s, st), 1e9, 0) {
				for _, f := range l.frags {
					deco = append(deco, op{kind: opText, x: x + f.x, y: y, face: f.face, size: f.st.size, color: f.st.color, text: f.text,
						bold: f.face == faceCJK && f.st.face == faceBold})
				}
			}
		}
		if banner != "" {
			add(g.w/2, 34, banner, bst, true, false)
			add(g.w/2, g.h-26, banner, bst, true, false)
		}
		if !pg.cover {
			add(g.left, 56, title, small, false, false)
			if pg.section != "" {
				add(right, 56, pg.section, smallB, false, true)
			}
			deco = append(deco, op{kind: opLine, x: g.left, y: 61, x2: right, y2: 61, lw: 0.4, color: rule})
		}
		deco = append(deco, op{kind: opLine, x: g.left, y: g.h - 62, x2: right, y2: g.h - 62, lw: 0.4, color: rule})
		add(g.left, g.h-51, footLeft, small, false, false)
		add(right, g.h-51, fmt.Sprintf("Page %d of %d", i+1, total), smallB, false, true)
		pg.ops = append(pg.ops, deco...)
	}
}

// emit draws the pages with gofpdf.
func (b *builder) emit() ([]byte, error) {
	b.decorate()
	d := b.d
	var us usage
	for _, pg := range d.pages {
		for _, o := range pg.ops {
			if o.kind == opText {
				us.add(o.face, o.text)
			}
		}
	}
	subsets, err := us.subsets()
	if err != nil {
		return nil, fmt.Errorf("briefing pack: %w", err)
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: gofpdf.SizeType{Wd: d.g.w, Ht: d.g.h}})
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	t := stamp(b.o, b.m)
	pdf.SetCreationDate(t)
	pdf.SetModificationDate(t)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetProducer("Parley", false)
	pdf.SetCreator("Parley", false)
	pdf.SetTitle(sanitize(b.p.Title())+" — briefing pack", true)
	if b.p.Side != nil {
		pdf.SetSubject(sanitize(b.p.Side.Label())+" copy, version "+sanitize(b.o.Version), true)
	}
	for f := face(0); f < numFaces; f++ {
		data, ok := subsets[f]
		if !ok {
			continue
		}
		fam, st := f.family()
		pdf.AddUTF8FontFromBytes(fam, st, data)
		// gofpdf reports a font it could not read only when it is used.
		pdf.SetFont(fam, st, 10)
		if pdf.Err() {
			return nil, fmt.Errorf("briefing pack: font %s: %w", faces[f].name, pdf.Error())
		}
	}
	links := make([]int, len(d.anchors))
	for i, a := range d.anchors {
		links[i] = pdf.AddLink()
		if a.page >= 0 {
			pdf.SetLink(links[i], a.y, a.page+1)
		}
	}
	n := len(d.pages)
	for i, pg := range d.pages {
		if i%16 == 0 {
			if err := b.ctx.Err(); err != nil {
				return nil, err
			}
			b.progress(progressTotal/2+i*(progressTotal*45/100)/n, progressTotal)
		}
		pdf.AddPage()
		for _, o := range pg.ops {
			switch o.kind {
			case opText:
				fam, st := o.face.family()
				pdf.SetFont(fam, st, o.size)
				pdf.SetTextColor(int(o.color.r), int(o.color.g), int(o.color.b))
				if o.bold {
					// The CJK face has no bold: stroke the outlines as well.
					pdf.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
					pdf.SetLineWidth(o.size * 0.045)
					pdf.SetTextRenderingMode(2)
					pdf.Text(o.x, o.y, o.text)
					pdf.SetTextRenderingMode(0)
					continue
				}
				pdf.Text(o.x, o.y, o.text)
			case opLine, opDotted:
				pdf.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
				pdf.SetLineWidth(o.lw)
				if o.kind == opDotted {
					pdf.SetLineCapStyle("round")
					pdf.SetDashPattern([]float64{0.01, 2.6}, 0)
				}
				pdf.Line(o.x, o.y, o.x2, o.y2)
				if o.kind == opDotted {
					pdf.SetDashPattern(nil, 0)
					pdf.SetLineCapStyle("butt")
				}
			case opRect:
				pdf.SetFillColor(int(o.color.r), int(o.color.g), int(o.color.b))
				pdf.Rect(o.x, o.y, o.x2, o.y2, "F")
			case opLink:
				if d.anchors[o.anchor].page >= 0 {
					pdf.Link(o.x, o.y, o.x2, o.y2, links[o.anchor])
				}
			}
		}
		for _, m := range pg.marks {
			// gofpdf encodes the title as UTF-16 itself (a UTF-8 font is
			// always current here).
			pdf.Bookmark(sanitize(m.title), m.level, m.y)
		}
		if pdf.Err() {
			return nil, fmt.Errorf("briefing pack: page %d: %w", i+1, pdf.Error())
		}
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("briefing pack: writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}
