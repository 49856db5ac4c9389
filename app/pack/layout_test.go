package pack

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

func lineText(l line) string {
	var b strings.Builder
	for _, f := range l.frags {
		b.WriteString(f.text)
	}
	return b.String()
}

// TestWrap checks line breaking in Latin, Japanese (kana and kanji, no
// spaces) and Korean (Hangul, words between spaces) text.
func TestWrap(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		text  string
		rich  rich // when set, the text as laid out
		width float64
		// words: lines break only between the text's space-separated words.
		words bool
		// cjk: every character is kept, only spaces may go.
		cjk bool
	}{
		{"latin", "The Participants will work together to strengthen cyber defences and cyber resilience and improve shared awareness.", nil, 150, true, false},
		{"kana", "ひらがなとカタカナのぶんしょうは、くうはくがなくてもただしくかいぎょうされなければならない。ちいさいっやゃは、ぎょうのはじめにこない。", nil, 110, false, true},
		{"katakana", "サイバーセキュリティ・インシデント・レスポンス・チームのキャパシティ・ビルディング（能力構築）について、ワークショップをカイサイする。", nil, 95, false, true},
		{"mixed", "日本とオーストラリアは、ASEAN地域フォーラム（ARF）及び国連GGEにおいて、サイバー空間における国際法の適用について緊密に協力することを確認した。", nil, 130, false, true},
		{"hangul", "양측은 기존 국제법에 따라 사이버 공간의 안보와 평화를 증진하기 위해 함께 노력하기로 하였다. 양측은 사이버 범죄 수사와 학계 및 민간 부문과의 협력을 논의하였다.", nil, 120, true, false},
		{"hangul without spaces", "대한민국외교부국제안보대사이충면대한민국외교부국제안보대사", nil, 60, false, true},
		{"names", "Lee Choong-myon 이충면 and Koichi Mizushima 水島光一 met Dr Tobias Feakin.", rich{
			{"Lee Choong-myon ", stBody}, {"이충면", style{face: faceRegular, size: 9.8, whole: true}}, {" and Koichi Mizushima ", stBody},
			{"水島光一", style{face: faceRegular, size: 9.8, whole: true}}, {" met Dr Tobias Feakin.", stBody}}, 90, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.rich
			if in == nil {
				in = plain(tc.text, stBody)
			}
			lines := wrap(in, tc.width, 0)
			if len(lines) < 2 {
				t.Fatalf("%d line(s): the test text should wrap", len(lines))
			}
			var got []string
			for i, l := range lines {
				s := lineText(l)
				got = append(got, s)
				if l.w > tc.width+0.01 {
					t.Errorf("line %d (%q) is %.1f wide, over %.1f", i+1, s, l.w, tc.width)
				}
				if w := plain(s, stBody).width(); abs(w-l.w) > 0.5 {
					t.Errorf("line %d (%q): measured %.2f, laid out %.2f", i+1, s, w, l.w)
				}
				first, _ := firstRune(s)
				if i > 0 && isNoStart(first) {
					t.Errorf("line %d starts with %q", i+1, first)
				}
				if last := []rune(s); len(last) > 0 && i < len(lines)-1 && isNoEnd(last[len(last)-1]) {
					t.Errorf("line %d ends with %q", i+1, last[len(last)-1])
				}
			}
			if tc.cjk && strings.Join(got, "") != strings.ReplaceAll(tc.text, " ", "") && strings.Join(got, "") != tc.text {
				t.Errorf("characters lost or changed:\n%q\n%q", strings.Join(got, ""), tc.text)
			}
			if tc.words {
				words := map[string]bool{}
				for _, w := range strings.Fields(tc.text) {
					words[w] = true
				}
				for i, s := range got {
					for _, w := range strings.Fields(s) {
						if !words[w] {
							t.Errorf("line %d breaks inside a word: %q", i+1, w)
						}
					}
				}
				if strings.Join(got, " ") != tc.text {
					t.Errorf("text changed:\n%q\n%q", strings.Join(got, " "), tc.text)
				}
			}
		})
	}
}

// TestWrapSpans checks that text gathered from several spans in one
// style comes out whole.
func TestWrapSpans(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   rich
		want string
	}{
		{rich{{"ab", stBody}, {"ab", stBody}}, "abab"},
		{rich{{"ab", stBody}, {"ab", stBody}, {"ab cd", stBody}}, "ababab cd"},
		{rich{{"水島", stBody}, {"水島", stBody}, {"光一", stBody}}, "水島水島光一"},
		{rich{{"one  two", stBody}, {" three", stBold}, {"four", stBold}}, "one two threefour"},
	}
	for _, tc := range tests {
		lines := wrap(tc.in, 1000, 0)
		if len(lines) != 1 || lineText(lines[0]) != tc.want {
			var got []string
			for _, l := range lines {
				got = append(got, lineText(l))
			}
			t.Errorf("%v: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// TestFaces checks that each script is set in a face that has it.
func TestFaces(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		face face
	}{
		{"Mizushima", faceBold},
		{"水島光一", faceCJK},
		{"이충면", faceCJK},
		{"ひらがな、カタカナ。", faceCJK},
		{"孟建柱", faceCJK},
		{"Ⅲ급 비밀", faceCJK},
		{"Müller – “Ærø”", faceBold},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			for _, r := range strings.ReplaceAll(tc.text, " ", "") {
				f := faceFor(faceBold, r)
				if f != tc.face {
					t.Errorf("%q set in face %d, want %d", r, f, tc.face)
				}
				if !faces[f].has(r) {
					t.Errorf("face %d has no glyph for %q", f, r)
				}
			}
		})
	}
}

// laidOut builds a pack's pages without drawing them.
func laidOut(t *testing.T, m *app.Meeting, o Options) *builder {
	t.Helper()
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	o, err := o.normalized(m)
	if err != nil {
		t.Fatal(err)
	}
	b := newBuilder(context.Background(), m, o, func(int, int) {})
	if err := b.build(); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNothingOutside checks that no text runs below the text area or past
// the page's edges, in every pack and on both paper sizes.
func TestNothingOutside(t *testing.T) {
	small := sample.Large(sample.LargeOptions{PeoplePerSide: 40, Items: 15, Paragraphs: 30, Versions: 2, Native: true, Japanese: true})
	giant := sample.Sample()
	var words []string
	for i := 0; i < 900; i++ {
		words = append(words, fmt.Sprintf("word%03d", i))
	}
	giant.People[3].Position = strings.Join(words, " ") // a row taller than a page
	tests := []struct {
		name string
		m    *app.Meeting
		o    Options
	}{
		{"sample", sample.Sample(), Options{}},
		{"sample letter", sample.Sample(), Options{Paper: Letter, LineNumbers: true}},
		{"seed", seedMeeting(t), Options{}},
		{"generated", small, Options{LineNumbers: true}},
		{"generated with changes", small, Options{ChangesSince: 1, Paper: Letter}},
		{"giant cell", giant, Options{Sections: []Section{Delegations}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := laidOut(t, tc.m, tc.o)
			g := b.d.g
			if tc.name == "giant cell" {
				var all strings.Builder
				for _, pg := range b.d.pages {
					for _, o := range pg.ops {
						all.WriteString(o.text + " ")
					}
				}
				for _, w := range []string{"word000", "word450", "word899"} {
					if !strings.Contains(all.String(), w) {
						t.Errorf("%s lost from the split row", w)
					}
				}
			}
			for i, pg := range b.d.pages {
				for _, o := range pg.ops {
					if o.kind != opText {
						continue
					}
					w := textWidth(o.face, o.size, o.text)
					if o.y > g.bottom+0.01 || o.y < g.top-0.01 {
						t.Errorf("page %d: %q at y %.1f, outside %.1f..%.1f", i+1, o.text, o.y, g.top, g.bottom)
					}
					if o.x < 10 || o.x+w > g.w-10 {
						t.Errorf("page %d: %q from x %.1f to %.1f, off the page", i+1, o.text, o.x, o.x+w)
					}
				}
			}
		})
	}
}

// TestDelegationTableBreaks lays out a 150-person delegation, whose rows
// wrap to several lines, and checks that the table runs over several
// pages, repeats its header, and never splits a row.
func TestDelegationTableBreaks(t *testing.T) {
	m := sample.Large(sample.LargeOptions{PeoplePerSide: 150, Items: 2, Paragraphs: 2, Versions: 1})
	for i, p := range m.PeopleOf(m.Sides[0].ID) {
		p.Position = fmt.Sprintf("P%03dSTART Director of the Division of International Cyber Capacity Building and Critical Technology P%03dEND", i, i)
	}
	pages := pageTexts(t, render(t, m, Options{Sections: []Section{Delegations}}))
	start := regexp.MustCompile(`P(\d{3})START`)
	seen := map[string]int{}
	tablePages := 0
	for i, p := range pages {
		text := body(p)
		ids := start.FindAllStringSubmatch(text, -1)
		if len(ids) == 0 {
			continue
		}
		tablePages++
		if !strings.Contains(text, "No.  Name") && !regexp.MustCompile(`No\.\s+Name\s+Position\s+Agency\s+Role`).MatchString(text) {
			t.Errorf("page %d: no table header", i+1)
		}
		for _, id := range ids {
			if !strings.Contains(text, "P"+id[1]+"END") {
				t.Errorf("row %s starts on page %d but does not end there", id[1], i+1)
			}
			seen[id[1]]++
		}
	}
	if len(seen) != 150 {
		t.Errorf("%d of 150 rows found", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("row %s printed %d times", id, n)
		}
	}
	if tablePages < 3 {
		t.Errorf("the table takes %d pages, want several", tablePages)
	}
}

// TestLongBrief checks that a brief longer than a page flows on, every
// point once and in order.
func TestLongBrief(t *testing.T) {
	m := sample.Sample()
	var pts []string
	for i := 1; i <= 70; i++ {
		pts = append(pts, fmt.Sprintf("Point %02d: we should coordinate closely on the application of international law and the norms of responsible state behaviour.", i))
	}
	m.Items[1].Points = strings.Join(pts, "\n")
	pages := pageTexts(t, render(t, m, Options{Sections: []Section{Briefs}}))
	all := flat(strings.Join(pages, "\n"))
	last := -1
	for i := 1; i <= 70; i++ {
		p := fmt.Sprintf("Point %02d:", i)
		if n := strings.Count(all, p); n != 1 {
			t.Errorf("%q printed %d times", p, n)
		}
		at := strings.Index(all, p)
		if at < last {
			t.Errorf("%q out of order", p)
		}
		last = at
	}
	span := 0
	for _, p := range pages {
		if strings.Contains(p, "Point ") {
			span++
		}
	}
	if span < 3 {
		t.Errorf("the long brief takes %d pages", span)
	}
}

// TestHeadingKeptWithText checks that a heading with too little room
// under it at the foot of a page moves to the next page with its text,
// and stays put when there is room.
func TestHeadingKeptWithText(t *testing.T) {
	m := sample.Sample()
	tests := []struct {
		name     string
		room     float64
		place    func(b *builder)
		text     string
		wantPage int
	}{
		{"field, no room", 25, func(b *builder) { b.field("Points to make", "One.\nTwo.\nThree.", true) }, "Points to make", 1},
		{"field, room", 90, func(b *builder) { b.field("Points to make", "One.\nTwo.\nThree.", true) }, "Points to make", 0},
		{"table heading, no room", 60, func(b *builder) {
			t := b.programmeTable()
			b.h2("Programme", "", t.leadHeight(), -1)
			b.d.placeTable(t)
		}, "Programme", 1},
		{"table heading, room", 110, func(b *builder) {
			t := b.programmeTable()
			b.h2("Programme", "", t.leadHeight(), -1)
			b.d.placeTable(t)
		}, "Programme", 0},
		{"section heading, no room", 50, func(b *builder) { b.h1("Annexes", ""); b.texts("Some text.\nMore text.", 0) }, "Annexes", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := loadFonts(); err != nil {
				t.Fatal(err)
			}
			o, _ := Options{}.normalized(m)
			b := newBuilder(context.Background(), m, o, func(int, int) {})
			b.d.breakPage()
			b.texts("A paragraph filling the page.", 0)
			b.d.y = b.d.g.bottom - tc.room
			tc.place(b)
			page := -1
			for i, pg := range b.d.pages {
				for _, o := range pg.ops {
					if o.kind == opText && o.text == tc.text {
						page = i
					}
				}
			}
			if page != tc.wantPage {
				t.Errorf("heading on page %d, want %d", page+1, tc.wantPage+1)
			}
			if page == 1 {
				for _, o := range b.d.pages[0].ops {
					if o.y > b.d.g.bottom-tc.room {
						t.Errorf("%q left at the foot of page 1", o.text)
					}
				}
			}
		})
	}
}

// TestParagraphBreaks checks that a paragraph split over pages leaves at
// least two lines on each side.
func TestParagraphBreaks(t *testing.T) {
	m := sample.Sample()
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("The Participants will cooperate on cyber security capacity building in the region. ", 12)
	for _, room := range []float64{10, 20, 30, 45, 60, 75} {
		t.Run(fmt.Sprint(room), func(t *testing.T) {
			o, _ := Options{}.normalized(m)
			b := newBuilder(context.Background(), m, o, func(int, int) {})
			b.d.breakPage()
			b.texts("Filler.", 0)
			b.d.y = b.d.g.bottom - room
			before := len(b.d.pages[0].ops)
			p := b.body(plain(text, stBody), 0)
			b.d.place(p)
			onFirst := 0
			for _, o := range b.d.pages[0].ops[before:] {
				if o.kind == opText {
					onFirst++
				}
			}
			rest := len(p.lines) - onFirst
			if onFirst == 1 || rest == 1 {
				t.Errorf("%d line(s) on the first page, %d on the next", onFirst, rest)
			}
		})
	}
}
