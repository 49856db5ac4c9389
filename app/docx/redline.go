package docx

import (
	"fmt"
	"strings"

	"parley/app"
)

// RedlineOptions choose how a redline is written.
type RedlineOptions struct {
	// Paper is "a4" (the default) or "letter".
	Paper string
	// Marking, when set, replaces the statement's classification in the
	// header and footer.
	Marking *app.Marking
}

// Redline writes the later text of a redline as a Word document whose
// differences from the earlier text are Word's own tracked changes:
// insertions (w:ins) and deletions (w:del), each under the name of the
// side that made it (Run.Side) as its author, dated with the later draft
// (the latest draft's date for the current text).
// Paragraphs inserted or deleted whole have their paragraph mark tracked
// too, so that accepting every change in Word gives the later text and
// rejecting every change the earlier one. Moved paragraphs stand in their
// new place. Word tracks the counterpart's own edits from there on.
func Redline(m *app.Meeting, r *app.Redline, o RedlineOptions) ([]byte, error) {
	paper, err := paperOf(o.Paper)
	if err != nil {
		return nil, err
	}
	w := newWriter(paper, dateOf(m, r.To.Number))
	w.track = true
	title := m.Statement.Title
	if v := m.DraftByNumber(r.To.Number); v != nil {
		title = v.Title
	}
	w.title = title
	mk := m.Statement.Marking
	if mk.IsZero() {
		mk = m.Details.Marking
	}
	if o.Marking != nil {
		mk = *o.Marking
	}
	note := fmt.Sprintf("Changes from %s to %s, as tracked changes by the side that made each.", r.From.Name(), r.To.Name())
	w.header, w.footer = bannerParas(mk, note, true)
	date := dateOf(m, r.To.Number).Format("2006-01-02T15:04:05Z")
	s := &statementWriter{w: w, m: m, draft: true}
	s.begin(title)
	author := func(side string) string {
		if sd := m.SideByID(side); sd != nil {
			return sd.Label()
		}
		if r.SideName != "" {
			return r.SideName
		}
		return "Parley"
	}
	for i := range r.Paragraphs {
		p := &r.Paragraphs[i]
		var mark *rev
		switch p.Status {
		case app.ParaInserted:
			mark = &rev{author: author(firstSide(p)), date: date}
		case app.ParaDeleted:
			mark = &rev{del: true, author: author(firstSide(p)), date: date}
		}
		runs := redlineRuns(p.LeadIn, true, author, date)
		text := redlineRuns(p.Text, false, author, date)
		if len(runs) > 0 && len(text) > 0 {
			if gap := app.LeadInGap(text[0].text); gap != "" {
				runs = append(runs, run{text: gap, rev: text[0].rev})
			}
		}
		runs = append(runs, text...)
		if p.Kind == app.ParaHeading {
			pp := pPr{style: "Heading1", rev: mark}
			w.para(pp, runs...)
			continue
		}
		label := p.NewLabel
		if p.Status == app.ParaDeleted {
			label = p.OldLabel
		}
		pp, lead := s.place(p.Kind, p.Level, p.Alternative, label)
		pp.rev = mark
		if p.Alternative {
			wrap := []run{bracketRun("[")}
			runs = append(append(wrap, runs...), bracketRun("]"))
			if mark != nil {
				for k := range runs {
					if runs[k].rev == nil {
						runs[k].rev = mark
					}
				}
			}
		}
		runs = append(runs, adRefRuns(p, author(r.Side), date)...)
		for k := range lead {
			lead[k].rev = mark
		}
		w.para(pp, append(lead, runs...)...)
	}
	return w.bytes()
}

// firstSide is the side of a paragraph's first change.
func firstSide(p *app.RedlinePara) string {
	for _, r := range append(append([]app.Run{}, p.LeadIn...), p.Text...) {
		if r.Op != app.RunEqual && r.Side != "" {
			return r.Side
		}
	}
	return ""
}

// adRefRuns mark an ad ref paragraph, tracked when the mark came or went.
func adRefRuns(p *app.RedlinePara, author, date string) []run {
	was, is := p.OldState == app.StateAdRef, p.NewState == app.StateAdRef
	switch {
	case p.Status == app.ParaDeleted && was:
		return []run{{text: " (ad ref)", rev: &rev{del: true, author: author, date: date}}}
	case p.Status == app.ParaInserted && is:
		return []run{{text: " (ad ref)", rev: &rev{author: author, date: date}}}
	case was && is:
		return []run{{text: " (ad ref)"}}
	case is:
		return []run{{text: " (ad ref)", rev: &rev{author: author, date: date}}}
	case was && p.Status != app.ParaInserted:
		return []run{{text: " (ad ref)", rev: &rev{del: true, author: author, date: date}}}
	}
	return nil
}

// redlineRuns turns redline runs into Word runs: kept text as it is,
// insertions and deletions tracked under their side's name; square
// brackets drawn as brackets.
func redlineRuns(runs []app.Run, bold bool, author func(string) string, date string) []run {
	var out []run
	for _, r := range runs {
		var rv *rev
		switch r.Op {
		case app.RunInsert:
			rv = &rev{author: author(r.Side), date: date}
		case app.RunDelete:
			rv = &rev{del: true, author: author(r.Side), date: date}
		}
		for _, piece := range splitBrackets(r.Text) {
			if piece == "[" || piece == "]" {
				b := bracketRun(piece)
				b.rev = rv
				out = append(out, b)
				continue
			}
			out = append(out, run{text: piece, bold: bold, rev: rv})
		}
	}
	return out
}

// splitBrackets splits text at its square brackets, keeping them.
func splitBrackets(s string) []string {
	var out []string
	for s != "" {
		k := strings.IndexAny(s, "[]")
		if k < 0 {
			out = append(out, s)
			break
		}
		if k > 0 {
			out = append(out, s[:k])
		}
		out = append(out, s[k:k+1])
		s = s[k+1:]
	}
	return out
}
