package pack

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/app"
	"parley/app/sample"
)

// editedSample is the sample with paragraph 4 edited since draft 1: the
// word "hereby" deleted and "global" replaced by "regional" (the sample's
// own changes since draft 1 only insert).
func editedSample(t testing.TB) *app.Meeting {
	t.Helper()
	m := sample.Sample()
	for _, p := range m.Paragraphs {
		if strings.HasPrefix(p.Text.Plain(), "The Participants hereby affirm") {
			p.Text[0].T = strings.Replace(p.Text[0].T, "hereby affirm", "affirm", 1)
			p.Text[0].T = strings.Replace(p.Text[0].T, "global leadership", "regional leadership", 1)
			return m
		}
	}
	t.Fatal("paragraph 4 not found in the sample")
	return nil
}

// japaneseMeeting is the sample with a statement in Japanese and one
// draft before it: a paragraph with words inserted, one with words
// deleted and a bracket put in, a new paragraph, a deleted one, and a
// long one that wraps over several lines.
func japaneseMeeting() *app.Meeting {
	m := sample.Sample()
	jp, au := m.Sides[0].ID, m.Sides[1].ID
	for _, s := range m.Sides {
		switch s.Code {
		case "JP":
			jp = s.ID
		case "AU":
			au = s.ID
		}
	}
	long := strings.Repeat("両国は、重要インフラのサイバーセキュリティ及び強靱性に関する知見、政策及び運用上の経験を共有し、官民の連携を促進する。", 4)
	mk := func(id string, kind app.ParagraphKind, level int, state app.State, spans ...app.Span) *app.Paragraph {
		return &app.Paragraph{Rec: app.Rec{ID: id}, Kind: kind, Level: level, State: state, Text: spans}
	}
	t := func(s string) app.Span { return app.Span{T: s} }
	op := app.ParaOperative
	old := []*app.Paragraph{
		mk("jp1", op, 0, app.StateProposed, t("両国は、自由で開かれたインド太平洋の実現に向けて、サイバー分野における協力を強化する。")),
		mk("jp2", op, 0, app.StateProposed, t("両国は、国家の主権及び地域の安全保障上の利益に影響を及ぼし得るサイバー関連の事態について相互に協議する。")),
		mk("jp3", op, 0, app.StateProposed, t("両国は、年次の協議を東京で開催する。")),
		mk("jph", app.ParaHeading, 0, app.StateAgreed, t("ガバナンス")),
		mk("jp4", op, 0, app.StateProposed, t(long)),
	}
	cur := []*app.Paragraph{
		mk("jp1", op, 0, app.StateAgreed, t("両国は、自由で開かれたインド太平洋の実現に向けて、サイバー分野における協力を一層強化する。")),
		mk("jp2", op, 0, app.StateBracketed, t("両国は、"), app.Span{T: "可能な場合には、", Bracket: "b1", Side: au},
			t("安全保障上の利益に影響を及ぼし得るサイバー関連の事態について相互に協議する。")),
		mk("jp5", op, 0, app.StateProposed, t("両国は、人工知能を含む重要技術の安全性について協力を深める。")),
		mk("jph", app.ParaHeading, 0, app.StateAgreed, t("ガバナンス")),
		mk("jp4", op, 0, app.StateAgreed, t(strings.Replace(long, "官民の連携", "官民の緊密な連携", 1))),
	}
	for i, pos := range app.PosSequence(len(cur)) {
		cur[i].Pos = pos
	}
	m.Paragraphs = cur
	var snap []app.Paragraph
	for _, p := range old {
		snap = append(snap, *p)
	}
	m.Versions = []*app.Version{{Rec: app.Rec{ID: "jv1"}, Number: 1, Label: "日本側第一案", Date: "2016-07-12",
		Direction: app.DirReceived, Side: jp, Paragraphs: snap}}
	m.Normalize()
	return m
}

// changesPages returns the pages of the changes section (pdftotext) and
// the page number the contents gives it.
func changesPages(t *testing.T, pages []string, title string) (section []string, listed int) {
	t.Helper()
	entry := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(title) + `\s{2,}(\d+)$`)
	for _, p := range pages {
		if !strings.HasPrefix(strings.TrimSpace(body(p)), "Contents") {
			continue
		}
		for _, l := range strings.Split(p, "\n") {
			if e := entry.FindStringSubmatch(l); e != nil {
				listed, _ = strconv.Atoi(e[1])
			}
		}
	}
	if listed == 0 {
		t.Fatalf("the contents do not list %q", title)
	}
	for i, p := range pages {
		// The running header, under the banner, names the section on
		// each of its pages.
		var head []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" && len(head) < 2 {
				head = append(head, l)
			}
		}
		if len(head) == 2 && strings.HasSuffix(head[1], title) {
			if len(section) == 0 && i+1 != listed {
				t.Errorf("the contents give page %d for %q, it starts on page %d", listed, title, i+1)
			}
			section = append(section, body(p))
		}
	}
	if len(section) == 0 {
		t.Fatalf("no page of %q", title)
	}
	if !hasHeading(section[0], title) {
		t.Errorf("the first page of the section lacks its heading:\n%s", section[0])
	}
	return section, listed
}

func TestChangesSection(t *testing.T) {
	m := editedSample(t)
	pages := pageTexts(t, render(t, m, Options{ChangesSince: 1}))
	sec, at := changesPages(t, pages, "Changes since draft 1")
	all := flat(strings.Join(sec, "\n"))
	for _, want := range []string{
		"From Draft 1, “Japanese first draft”, 12 July 2016, received from Japan",
		"To The current text, at this pack's version 2 of 22 July 2016",
		"Changes by Australia (the side that produced the later text)",
		"Summary 3 paragraphs changed, 1 new; 10 changed state; 1 unchanged",
		// Paragraph 4: "hereby" deleted, "global" replaced by "regional",
		// a bracket put in; brackets stay visible.
		"The Participants hereby affirm a commitment to demonstrating global regional leadership",
		"law and [voluntary, non-binding ]norms",
		"5 bis NEW · proposed",
		"6(c) CHANGED · proposed → bracketed",
		"critical infrastructure[, as well as ransomware and cybercrime].",
		"3 proposed → ad ref · text unchanged",
		"Paragraph 6(d) unchanged.",
		"Governance",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the changes section lacks %q:\n%s", want, all)
		}
	}
	// After the statement, before the annexes.
	statement, annexes := 0, 0
	for i, p := range pages {
		if hasHeading(body(p), "Draft joint statement") {
			statement = i + 1
		}
		if hasHeading(body(p), "Annexes") {
			annexes = i + 1
		}
	}
	if !(statement < at && at < annexes) {
		t.Errorf("statement on page %d, changes on %d, annexes on %d", statement, at, annexes)
	}
	// Not in the default pack.
	for _, p := range pageTexts(t, render(t, m, Options{})) {
		if strings.Contains(p, "Changes since") {
			t.Fatal("the default pack has the changes section")
		}
	}
}

// TestChangesDrawing checks that deletions are struck through in red and
// insertions underlined in green: in the drawing operations, and on the
// page image.
func TestChangesDrawing(t *testing.T) {
	for _, tc := range []struct {
		name     string
		m        *app.Meeting
		del, ins string
	}{
		{"sample", editedSample(t), "hereby", "regional"},
		{"japanese", japaneseMeeting(), "国家の主権及び地域の", "一層"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := laidOut(t, tc.m, Options{ChangesSince: 1})
			var found struct{ del, ins bool }
			page := -1
			for i, pg := range b.d.pages {
				if !strings.HasPrefix(pg.section, "Changes since") {
					continue
				}
				if page < 0 {
					page = i
				}
				for _, o := range pg.ops {
					if o.kind != opText || (o.color != red && o.color != green) || strings.TrimSpace(o.text) == "" || o.size < 8 {
						continue
					}
					w := textWidth(o.face, o.size, o.text)
					// The line drawn with it: across the middle of the
					// letters for a deletion, under the baseline for an
					// insertion, as long as the text.
					lo, hi := o.y-o.size*0.5, o.y-o.size*0.15
					if o.color == green {
						lo, hi = o.y+0.5, o.y+o.size*0.3
					}
					ok := slices.ContainsFunc(pg.ops, func(l op) bool {
						return l.kind == opLine && l.color == o.color && l.y > lo && l.y < hi &&
							abs(l.x-o.x) < 0.01 && abs(l.x2-(o.x+w)) < 0.01
					})
					if !ok {
						t.Errorf("page %d: %q (%v) has no line through or under it", i+1, o.text, o.color)
					}
					if o.color == red && strings.Contains(o.text, tc.del) {
						found.del = true
					}
					if o.color == green && strings.Contains(o.text, tc.ins) {
						found.ins = true
					}
				}
			}
			if !found.del || !found.ins {
				t.Errorf("deleted %q drawn: %v; inserted %q drawn: %v", tc.del, found.del, tc.ins, found.ins)
			}
			if page < 0 {
				t.Fatal("no changes section")
			}

			// The page image: red and green ink in the text area.
			needTool(t, "pdftoppm")
			dir := t.TempDir()
			pdf := filepath.Join(dir, "pack.pdf")
			if err := os.WriteFile(pdf, render(t, tc.m, Options{ChangesSince: 1}), 0o644); err != nil {
				t.Fatal(err)
			}
			n := strconv.Itoa(page + 1)
			if out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", n, "-l", n, pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
			if len(files) != 1 {
				t.Fatalf("%d images", len(files))
			}
			img := readPNG(t, files[0])
			bd := img.Bounds()
			scale := float64(bd.Dy()) / b.d.g.h
			redInk, greenInk := 0, 0
			for y := int(b.d.g.top * scale); y < int(b.d.g.bottom*scale); y++ {
				for x := bd.Min.X; x < bd.Max.X; x++ {
					r, g, bl, _ := img.At(x, y).RGBA()
					if r > 0x9000 && g < 0x5000 && bl < 0x5000 {
						redInk++
					}
					if g > 0x4000 && r < 0x3000 && bl < 0x5000 {
						greenInk++
					}
				}
			}
			if redInk < 20 || greenInk < 20 {
				t.Errorf("page %d: %d red and %d green pixels in the text area", page+1, redInk, greenInk)
			}
		})
	}
}

func TestChangesJapanese(t *testing.T) {
	m := japaneseMeeting()
	pages := pageTexts(t, render(t, m, Options{ChangesSince: 1}))
	sec, _ := changesPages(t, pages, "Changes since draft 1")
	text := strings.Join(sec, "\n")
	all := strings.ReplaceAll(flat(text), " ", "")
	for _, want := range []string{
		"Draft1,“日本側第一案”,12July2016,receivedfromJapan",
		"協力を一層強化する。",
		"両国は、国家の主権及び地域の[可能な場合には、]安全保障上の利益",
		"NEW·proposed",
		"両国は、人工知能を含む重要技術の安全性について協力を深める。",
		"DELETED",
		"両国は、年次の協議を東京で開催する。",
		"ガバナンス",
		"官民の緊密な連携を促進する。",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the changes section lacks %q:\n%s", want, text)
		}
	}
	// Japanese lines break between characters, never before a closing
	// mark or small kana.
	long := 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if r, _ := utf8.DecodeRuneInString(l); strings.ContainsRune("、。）」ぁぃぅぇぉっゃゅょー", r) {
			t.Errorf("a line starts with %q: %s", r, l)
		}
		if strings.HasPrefix(l, "両国は") || utf8.RuneCountInString(l) > 30 {
			long++
		}
	}
	if long < 5 {
		t.Errorf("the long paragraph does not wrap over several lines:\n%s", text)
	}
	// Nothing outside the text area.
	b := laidOut(t, m, Options{ChangesSince: 1, Paper: Letter})
	for i, pg := range b.d.pages {
		if !strings.HasPrefix(pg.section, "Changes since") {
			continue
		}
		for _, o := range pg.ops {
			if o.kind == opText && (o.y > b.d.g.bottom+0.01 || o.x+textWidth(o.face, o.size, o.text) > b.d.g.w-b.d.g.right+0.01) {
				t.Errorf("page %d: %q outside the text area", i+1, o.text)
			}
		}
	}
}

// TestChangesBreaks lays out the large meeting's changes and checks that
// a paragraph's number line is never left at the foot of a page without
// its text.
func TestChangesBreaks(t *testing.T) {
	for _, cjk := range []bool{false, true} {
		m := sample.Large(sample.LargeOptions{Items: 2, Native: cjk, Japanese: cjk})
		if cjk {
			// The Japanese drafts differ by brackets only: edit every
			// other paragraph as well.
			for i, p := range m.Paragraphs {
				if rs := []rune(p.Text.Plain()); i%2 == 0 && p.Kind != app.ParaHeading && len(rs) > 60 {
					p.Text = app.PlainSpans(string(rs[:10]) + string(rs[16:40]) + "一層緊密に" + string(rs[40:]))
				}
			}
		}
		b := laidOut(t, m, Options{ChangesSince: 1, Sections: []Section{Changes}})
		if len(b.d.pages) < 3 {
			t.Fatalf("%d pages", len(b.d.pages))
		}
		heads := 0
		for i, pg := range b.d.pages {
			for k, o := range pg.ops {
				if o.kind != opText || (o.text != "CHANGED" && o.text != "NEW" && o.text != "DELETED") {
					continue
				}
				heads++
				below := 0
				for _, q := range pg.ops[k+1:] {
					if q.kind == opText && q.y > o.y+4 && q.y <= b.d.g.bottom && q.size >= stBody.size {
						below++
					}
				}
				if below < 2 {
					t.Errorf("cjk %v page %d: %q at y %.0f is left without its text", cjk, i+1, o.text, o.y)
				}
			}
		}
		if heads < 10 {
			t.Errorf("cjk %v: only %d changed paragraphs", cjk, heads)
		}
	}
}

func TestChangesOptions(t *testing.T) {
	m := sample.Sample()
	tests := []struct {
		name string
		o    Options
		want []Section
	}{
		{"default order", Options{ChangesSince: 1}, []Section{Cover, Contents, Purpose, Programme, Briefs, Press, Delegations, Biographies, Statement, Changes, Annexes}},
		{"after the statement", Options{ChangesSince: 2, Sections: []Section{Cover, Statement, Annexes}}, []Section{Cover, Statement, Changes, Annexes}},
		{"before the annexes", Options{ChangesSince: 1, Sections: []Section{Cover, Briefs, Annexes}}, []Section{Cover, Briefs, Changes, Annexes}},
		{"last", Options{ChangesSince: 1, Sections: []Section{Cover, Briefs}}, []Section{Cover, Briefs, Changes}},
		{"where listed", Options{ChangesSince: 1, Sections: []Section{Changes, Cover, Statement}}, []Section{Changes, Cover, Statement}},
		{"off", Options{Sections: []Section{Cover, Statement}}, []Section{Cover, Statement}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sections := slices.Clone(tc.o.Sections)
			o, err := tc.o.normalized(m)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(o.Sections, tc.want) {
				t.Errorf("sections %v, want %v", o.Sections, tc.want)
			}
			if !slices.Equal(tc.o.Sections, sections) {
				t.Errorf("the caller's list was changed to %v", tc.o.Sections)
			}
		})
	}

	// The section holds statement text: its marking counts.
	m.Statement.Marking = app.Marking{Scheme: "AU", Level: "PROTECTED"}
	if got := Marking(m, Options{Sections: []Section{Cover}, ChangesSince: 1}).Banner(); got != "PROTECTED" {
		t.Errorf("marking %q, want the statement's", got)
	}
	if got := Marking(m, Options{Sections: []Section{Cover, Changes}, ChangesSince: 1}).Banner(); got != "PROTECTED" {
		t.Errorf("marking %q, want the statement's", got)
	}
	if got := Marking(m, Options{Sections: []Section{Cover}}).Banner(); got == "PROTECTED" {
		t.Errorf("marking without the statement %q", got)
	}
}

func TestChangesRefused(t *testing.T) {
	m := sample.Sample()
	none := sample.Sample()
	none.Versions = nil
	clean := sample.Clean()
	tests := []struct {
		name   string
		m      *app.Meeting
		o      Options
		drafts []int // a *NoDraftError with these drafts
		final  bool  // ErrFinalChanges
		want   string
	}{
		{"no such draft", m, Options{ChangesSince: 7}, []int{1, 2}, false, "there is no draft 7 to show the changes since (the drafts are 1, 2)"},
		{"negative", m, Options{ChangesSince: -1, Sections: []Section{Cover}}, []int{1, 2}, false, "there is no draft -1"},
		{"no drafts", none, Options{ChangesSince: 1}, []int{}, false, "no drafts have been saved yet"},
		{"listed without a draft", m, Options{Sections: []Section{Cover, Changes}}, nil, false, "needs the number of the draft"},
		{"final", clean, Options{ChangesSince: 1, Final: true}, nil, true, "a final pack carries no revision history"},
		{"final, listed", clean, Options{ChangesSince: 1, Final: true, Sections: []Section{Changes}}, nil, true, "no revision history"},
		{"final before open items", m, Options{ChangesSince: 1, Final: true}, nil, true, "no revision history"},
		{"listed twice", m, Options{ChangesSince: 1, Sections: []Section{Changes, Changes}}, nil, false, "listed twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Render(context.Background(), tc.m, tc.o, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			var nd *NoDraftError
			if errors.As(err, &nd) != (tc.drafts != nil) {
				t.Errorf("NoDraftError: %v", err)
			} else if nd != nil && (nd.Number != tc.o.ChangesSince || !slices.Equal(nd.Drafts, tc.drafts) && len(tc.drafts)+len(nd.Drafts) > 0) {
				t.Errorf("NoDraftError %+v", nd)
			}
			if errors.Is(err, ErrFinalChanges) != tc.final {
				t.Errorf("ErrFinalChanges: %v", err)
			}
		})
	}
	// A final pack without the section is made as before.
	if _, err := Render(context.Background(), clean, Options{Final: true}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestChangesNone(t *testing.T) {
	// The sample's current text is its draft 2.
	pages := pageTexts(t, render(t, sample.Sample(), Options{ChangesSince: 2, Sections: []Section{Contents, Changes}}))
	sec, _ := changesPages(t, pages, "Changes since draft 2")
	all := flat(strings.Join(sec, "\n"))
	for _, want := range []string{"Summary No changes", "No changes: the current text is the same as draft 2.",
		"From Draft 2, “Australian comments”, 22 July 2016, sent by Australia"} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q:\n%s", want, all)
		}
	}
}

func TestUnchangedNote(t *testing.T) {
	p := func(old, new string) *app.RedlinePara {
		return &app.RedlinePara{Status: app.ParaUnchanged, OldRef: old, NewRef: new}
	}
	pre := func(n int) string { return "preambular paragraph " + strconv.Itoa(n) }
	tests := []struct {
		run  []*app.RedlinePara
		want string
	}{
		{[]*app.RedlinePara{p("7", "7")}, "Paragraph 7 unchanged."},
		{[]*app.RedlinePara{p("6", "7")}, "Paragraph 7 unchanged (was 6)."},
		{[]*app.RedlinePara{p("3", "3"), p("4", "4"), p("4(a)", "4(a)")}, "3 paragraphs unchanged: 3–4(a)."},
		{[]*app.RedlinePara{p("2", "3"), p("3", "4")}, "2 paragraphs unchanged: 3–4 (were 2–3)."},
		{[]*app.RedlinePara{p(pre(1), pre(1)), p(pre(2), pre(2))}, "2 paragraphs unchanged: preambular paragraphs 1–2."},
		{[]*app.RedlinePara{p(pre(2), pre(2))}, "Preambular paragraph 2 unchanged."},
		{[]*app.RedlinePara{p(pre(3), pre(3)), p("1", "1")}, "2 paragraphs unchanged: preambular paragraph 3 to paragraph 1."},
		{[]*app.RedlinePara{p("", ""), p("", "")}, "2 paragraphs unchanged."},
	}
	for _, tc := range tests {
		if got := unchangedNote(tc.run); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestChangesDeterministic(t *testing.T) {
	for _, m := range []*app.Meeting{editedSample(t), japaneseMeeting()} {
		a := render(t, m, Options{ChangesSince: 1})
		b := render(t, m, Options{ChangesSince: 1})
		if !bytes.Equal(a, b) {
			t.Error("two renders of the changes differ")
		}
	}
}
