package pack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

func TestParseSections(t *testing.T) {
	tests := []struct {
		in      string
		want    []Section
		wantErr string
	}{
		{"", Sections, ""},
		{"  ", Sections, ""},
		{"cover,contents", []Section{Cover, Contents}, ""},
		{"Statement, COVER ,annexes", []Section{Statement, Cover, Annexes}, ""},
		{"cover,,briefs,", []Section{Cover, Briefs}, ""},
		{"statement,Changes,annexes", []Section{Statement, Changes, Annexes}, ""},
		{"changes", []Section{Changes}, ""},
		{"cover,glossary", nil, `unknown section "glossary" (the sections are cover, contents, purpose, programme, briefs, press, delegations, biographies, statement, annexes, changes)`},
		{"briefs,briefs", nil, `section "briefs" is listed twice`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseSections(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

func TestOptionsRejected(t *testing.T) {
	m := sample.Sample()
	bad := app.Marking{Scheme: "AU", Level: "RESTRICTED"}
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"paper", Options{Paper: "A3"}, `unknown paper size "a3"`},
		{"side", Options{Side: "no-such-side"}, `no side with ID "no-such-side"`},
		{"section", Options{Sections: []Section{"glossary"}}, `unknown section "glossary"`},
		{"twice", Options{Sections: []Section{Cover, Cover}}, `listed twice`},
		{"marking", Options{Marking: &bad}, `marking level "RESTRICTED" is not in the AU scheme`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Render(context.Background(), m, tc.o, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestMarking(t *testing.T) {
	m := sample.Sample()
	custom := app.Marking{Scheme: app.SchemeCustom, Custom: "Embargoed until 2 August", Red: false}
	withAnnex := sample.Sample()
	withAnnex.Annexes[0].Marking = app.Marking{Scheme: "AU", Level: "SECRET", Extras: []string{"AUSTEO"}}
	tests := []struct {
		name   string
		m      *app.Meeting
		o      Options
		banner string
		red    bool
	}{
		{"briefs carry PROTECTED", m, Options{}, "PROTECTED", true},
		{"without briefs", m, Options{Sections: []Section{Cover, Statement}}, "OFFICIAL: SENSITIVE", false},
		{"override", m, Options{Marking: &custom}, "EMBARGOED UNTIL 2 AUGUST", false},
		{"annex is highest", withAnnex, Options{}, "SECRET//AUSTEO", true},
		{"annex left out", withAnnex, Options{Sections: []Section{Cover, Briefs}}, "PROTECTED", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mk := Marking(tc.m, tc.o)
			if mk.Banner() != tc.banner || mk.IsRed() != tc.red {
				t.Fatalf("banner %q red %v, want %q red %v", mk.Banner(), mk.IsRed(), tc.banner, tc.red)
			}
		})
	}
}

// TestEveryPage checks the banner top and bottom and the footer of every
// page, in several packs.
func TestEveryPage(t *testing.T) {
	s := sample.Sample()
	seed := seedMeeting(t)
	tests := []struct {
		name   string
		m      *app.Meeting
		o      Options
		banner string
	}{
		{"sample", s, Options{}, "PROTECTED"},
		{"sample japan letter", s, Options{Side: side(t, s, "JP"), Paper: Letter, LineNumbers: true}, "PROTECTED"},
		{"seed", seed, Options{}, "OFFICIAL"},
		{"japanese marking", seed, Options{Marking: &app.Marking{Scheme: "JP", Level: "秘"}}, "秘"},
		{"korean marking", seed, Options{Marking: &app.Marking{Scheme: "KR", Level: "대외비"}}, "대외비"},
		{"sample with changes", s, Options{ChangesSince: 1, Paper: Letter}, "PROTECTED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages := pageTexts(t, render(t, tc.m, tc.o))
			if len(pages) < 5 {
				t.Fatalf("only %d pages", len(pages))
			}
			footer := regexp.MustCompile(`^Version \S+ · .* {2,}Page (\d+) of (\d+)$`)
			for i, p := range pages {
				var lines []string
				for _, l := range strings.Split(p, "\n") {
					if l = strings.TrimSpace(l); l != "" {
						lines = append(lines, l)
					}
				}
				if len(lines) < 3 {
					t.Fatalf("page %d is nearly empty: %q", i+1, p)
				}
				if lines[0] != tc.banner || lines[len(lines)-1] != tc.banner {
					t.Errorf("page %d: banner lines %q and %q, want %q", i+1, lines[0], lines[len(lines)-1], tc.banner)
				}
				f := footer.FindStringSubmatch(lines[len(lines)-2])
				if f == nil {
					t.Errorf("page %d: footer %q", i+1, lines[len(lines)-2])
					continue
				}
				if f[1] != strconv.Itoa(i+1) || f[2] != strconv.Itoa(len(pages)) {
					t.Errorf("page %d: footer says page %s of %s, want %d of %d", i+1, f[1], f[2], i+1, len(pages))
				}
			}
		})
	}
}

// TestContentsPageNumbers checks that every contents entry names the page
// its heading really lands on.
func TestContentsPageNumbers(t *testing.T) {
	s := sample.Sample()
	tests := []struct {
		name string
		m    *app.Meeting
		o    Options
	}{
		{"sample", s, Options{}},
		{"sample letter reordered", s, Options{Paper: Letter, Sections: []Section{Cover, Contents, Statement, Delegations, Briefs, Annexes}}},
		{"seed", seedMeeting(t), Options{}},
		{"sample with changes", s, Options{ChangesSince: 1}},
	}
	entry := regexp.MustCompile(`^\s*(?:\d+(?:\.\d+)*\s+)?(\S.*?\S)\s{2,}(\d+)$`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages := pageTexts(t, render(t, tc.m, tc.o))
			contents := -1
			for i, p := range pages {
				if strings.HasPrefix(strings.TrimSpace(body(p)), "Contents") {
					contents = i
					break
				}
			}
			if contents < 0 {
				t.Fatal("no contents page")
			}
			lines := strings.Split(body(pages[contents]), "\n")[1:]
			n := 0
			for _, l := range lines {
				e := entry.FindStringSubmatch(l)
				if e == nil {
					t.Errorf("contents line %q is not an entry", l)
					continue
				}
				n++
				title := e[1]
				page, _ := strconv.Atoi(e[2])
				if page < 1 || page > len(pages) {
					t.Errorf("%q: page %d out of range", title, page)
					continue
				}
				if !hasHeading(body(pages[page-1]), title) {
					t.Errorf("%q: contents says page %d, but the heading is not there:\n%s", title, page, body(pages[page-1]))
				}
				if prev := page - 2; prev > contents && hasHeading(body(pages[prev]), title) {
					t.Errorf("%q: contents says page %d, but the heading is already on page %d", title, page, prev+1)
				}
			}
			if n < 5 {
				t.Errorf("only %d contents entries", n)
			}
		})
	}
}

// hasHeading reports whether a line of the page is the heading, with or
// without its number.
func hasHeading(page, title string) bool {
	for _, l := range strings.Split(page, "\n") {
		l = strings.TrimSpace(l)
		if l == title || strings.HasSuffix(l, " "+title) && regexp.MustCompile(`^\d+(\.\d+)*\s+`).MatchString(l) {
			return true
		}
	}
	return false
}

// TestPerspective checks the alternat: each copy puts its own side first
// in the title, the delegations and the signature block.
func TestPerspective(t *testing.T) {
	s := sample.Sample()
	seed := seedMeeting(t)
	tests := []struct {
		name        string
		m           *app.Meeting
		side        string
		title       string
		first, then string // delegation headings in order
		sig1, sig2  string
	}{
		{"sample, our side by default", s, "", "2nd Australia-Japan Cyber Policy Dialogue", "Australian delegation", "Japanese delegation",
			"Minister for Foreign Affairs of Australia", "Minister for Foreign Affairs of Japan"},
		{"sample, Japan's copy", s, "JP", "2nd Japan-Australia Cyber Policy Dialogue", "Japanese delegation", "Australian delegation",
			"Minister for Foreign Affairs of Japan", "Minister for Foreign Affairs of Australia"},
		{"seed, Korea's copy", seed, "KR", "Inaugural Republic of Korea-Australia Cyber and Critical Technology Policy Dialogue",
			"Korean delegation", "Australian delegation",
			"Ambassador for International Security", "Ambassador for Cyber Affairs and"},
		{"seed, Australia's copy", seed, "AU", "Inaugural Australia-Republic of Korea Cyber and Critical Technology Policy Dialogue",
			"Australian delegation", "Korean delegation",
			"Ambassador for Cyber Affairs and", "Ambassador for International Security"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{}
			if tc.side != "" {
				o.Side = side(t, tc.m, tc.side)
			}
			pages := pageTexts(t, render(t, tc.m, o))
			if c := flat(body(pages[0])); !strings.Contains(c, tc.title) {
				t.Errorf("cover does not read %q:\n%s", tc.title, c)
			}
			all := flat(strings.Join(pages[2:], "\n"))
			order := func(a, b string) {
				t.Helper()
				i, j := strings.LastIndex(all, a), strings.LastIndex(all, b)
				if i < 0 || j < 0 || i > j {
					t.Errorf("%q (at %d) should come before %q (at %d)", a, i, b, j)
				}
			}
			order(tc.first, tc.then)
			order(tc.sig1, tc.sig2)
		})
	}
}

// TestScripts checks that Japanese and Korean names and text come out as
// text (the right font, the right code points).
func TestScripts(t *testing.T) {
	tests := []struct {
		name string
		m    *app.Meeting
		want []string
	}{
		{"sample", sample.Sample(), []string{"水島光一", "H.E. Mr Koichi Mizushima", "Mr YAMADA Takeshi 山田健", "鈴木ゆい", "森はるか"}},
		{"seed", seedMeeting(t), []string{"Lee Choong-myon", "이충면", "Dr Tobias Feakin", "사이버", "国際法"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			all := strings.Join(pageTexts(t, render(t, tc.m, Options{})), "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("%q is not in the text", w)
				}
			}
		})
	}
}

// TestStatementNumbering checks numbers, sub-paragraphs, alternatives,
// brackets with their side and states.
func TestStatementNumbering(t *testing.T) {
	s := sample.Sample()
	tests := []struct {
		name string
		m    *app.Meeting
		o    Options
		want []string
		not  []string
	}{
		{"sample draft", s, Options{Sections: []Section{Statement}}, []string{
			"1. To play a leading role", "5. [Where possible,]JP the Participants", "5 bis. [The Participants will consult",
			"in response.]AU", "[voluntary, non-binding]AU norms", "(a) Harden cyber defences by enhancing",
			"BRACKETED", "AD REF", "AGREED", "PROPOSED", "Scope", "Governance", "7. The Strategic Cyber Partnership",
		}, nil},
		{"seed final", seedMeeting(t), Options{Final: true, Sections: []Section{Statement}}, []string{
			"1. The Participants reaffirm", "(a) Norms voluntary, non-binding", "(i) cooperative capacity-building",
			"(ii) practical confidence-building", "3. The Participants will share",
		}, []string{"AGREED", "[", "Draft"}},
		{"line numbers", s, Options{Sections: []Section{Statement}, LineNumbers: true}, []string{"1 1. To play", "2 building on"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			all := flat(strings.Join(pageTexts(t, render(t, tc.m, tc.o)), "\n"))
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("%q is not in the statement:\n%s", w, all)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(all, w) {
					t.Errorf("%q should not be in the statement", w)
				}
			}
		})
	}
}

// TestFinal checks that a final pack is refused while the statement has
// open items, naming each, and made once it is clean.
func TestFinal(t *testing.T) {
	_, err := Render(context.Background(), sample.Sample(), Options{Final: true}, nil)
	var refused *FinalRefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("final pack of the sample: %v, want a refusal", err)
	}
	var refs []string
	for _, o := range refused.Open {
		refs = append(refs, o.Ref)
	}
	if want := []string{"3", "4", "5", "5 bis", "6(c)"}; !slices.Equal(refs, want) {
		t.Errorf("open items at %v, want %v", refs, want)
	}
	for _, w := range []string{"paragraph 4: bracket [voluntary, non-binding ] proposed by Australia", "paragraph 5 bis: alternative wording", "paragraph 3: agreed ad ref"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("refusal %q does not say %q", err, w)
		}
	}
	// Without the statement there is nothing to refuse.
	if _, err := Render(context.Background(), sample.Sample(), Options{Final: true, Sections: []Section{Cover, Briefs}}, nil); err != nil {
		t.Errorf("final pack without the statement: %v", err)
	}
	// A clean statement goes out, without drafting marks.
	pages := pageTexts(t, render(t, sample.Clean(), Options{Final: true}))
	all := flat(strings.Join(pages, "\n"))
	for _, w := range []string{"Joint statement", "Final", "5. Where possible, the Participants"} {
		if !strings.Contains(all, w) {
			t.Errorf("final pack lacks %q", w)
		}
	}
	for _, w := range []string{"[", "BRACKETED", "AGREED", "Draft joint statement", "5 bis"} {
		if strings.Contains(all, w) {
			t.Errorf("final pack still shows %q", w)
		}
	}
}

// TestNotForDisclosure checks the marking and the strip option.
func TestNotForDisclosure(t *testing.T) {
	// (The offensive-capability item's marked background is never printed:
	// that item is unlikely to be raised and gets defensive lines only.)
	secret := []string{"Defence has reservations about sharing"}
	tests := []struct {
		strip bool
	}{{false}, {true}}
	for _, tc := range tests {
		t.Run(fmt.Sprint("strip=", tc.strip), func(t *testing.T) {
			all := flat(strings.Join(pageTexts(t, render(t, sample.Sample(), Options{StripNotForDisclosure: tc.strip})), "\n"))
			if !strings.Contains(all, "Japan's Cybersecurity Strategy was adopted by Cabinet") {
				t.Error("the background free for use is missing")
			}
			if got := strings.Contains(all, "NOT FOR DISCLOSURE Japan has asked informally"); got == tc.strip {
				t.Errorf("marked paragraph present: %v", got)
			}
			for _, s := range secret {
				if strings.Contains(all, s) == tc.strip {
					t.Errorf("%q present: %v, strip %v", s, !tc.strip, tc.strip)
				}
			}
		})
	}
}

// TestToBeConfirmed: the delegations of the next meeting of a series say
// who is still to be confirmed, and only them.
func TestToBeConfirmed(t *testing.T) {
	next, _, err := app.Next(sample.Sample(), app.NextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range next.People[1:] {
		p.ToConfirm = false
	}
	first := next.People[0]
	all := flat(strings.Join(pageTexts(t, render(t, next, Options{})), "\n"))
	if n := strings.Count(all, "(to be confirmed)"); n != 1 {
		t.Errorf("%d participants printed as to be confirmed, want 1 (%s)", n, first.Name())
	}
	if !strings.Contains(all, first.Role.Label()+" (to be confirmed)") {
		t.Errorf("%s's role is not printed as to be confirmed", first.Name())
	}
	// Its dates are not set yet: the cover says so and no footer has an
	// empty date between its dots.
	if !strings.Contains(all, "Date to be set") || strings.Contains(all, "· ·") {
		t.Errorf("the undated meeting's cover or footers: %s", all[:min(len(all), 600)])
	}
}

// TestUnlikelyDefensiveOnly checks that an unlikely item gets defensive
// lines, not the full brief.
func TestUnlikelyDefensiveOnly(t *testing.T) {
	pages := pageTexts(t, render(t, sample.Sample(), Options{Sections: []Section{Briefs}}))
	var page string
	for _, p := range pages {
		if strings.Contains(p, "If raised: Australia's offensive cyber capability") {
			page = flat(body(p))
		}
	}
	for _, w := range []string{"Unlikely to be raised", "If raised", "Refer to the public statements", "Press line", "Brief classification: PROTECTED"} {
		if !strings.Contains(page, w) {
			t.Errorf("unlikely brief lacks %q:\n%s", w, page)
		}
	}
	for _, w := range []string{"Points to make", "Background", "The Prime Minister acknowledged", "Operational detail"} {
		if strings.Contains(page, w) {
			t.Errorf("unlikely brief shows %q", w)
		}
	}
}

// TestDeterministic checks that the same input gives the same bytes.
func TestDeterministic(t *testing.T) {
	s := sample.Sample()
	tests := []struct {
		name string
		m    func() *app.Meeting
		o    Options
		date string // from the latest draft, else the meeting, else the option
	}{
		{"sample", sample.Sample, Options{}, "20160722000000"},
		{"sample japan", sample.Sample, Options{Side: side(t, s, "JP"), LineNumbers: true, Paper: Letter}, "20160722000000"},
		{"seed", func() *app.Meeting { return seedMeeting(t) }, Options{}, "20211209000000"},
		{"dated", sample.Sample, Options{Date: "2016-07-30", Version: "3"}, "20160730000000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := render(t, tc.m(), tc.o)
			b := render(t, tc.m(), tc.o)
			if !bytes.Equal(a, b) {
				t.Fatal("two renders of the same meeting differ")
			}
			for _, key := range []string{"/CreationDate", "/ModDate"} {
				if want := key + " (D:" + tc.date + ")"; !bytes.Contains(a, []byte(want)) {
					t.Errorf("the PDF lacks %s", want)
				}
			}
		})
	}
	au := render(t, s, Options{})
	jp := render(t, s, Options{Side: side(t, s, "JP")})
	if bytes.Equal(au, jp) {
		t.Error("the two perspectives give the same bytes")
	}
}

// TestPaper checks the page size with pdfinfo.
func TestPaper(t *testing.T) {
	needTool(t, "pdfinfo")
	tests := []struct {
		paper, want string
	}{
		{"", "595.28 x 841.89 pts (A4)"},
		{A4, "595.28 x 841.89 pts (A4)"},
		{"Letter", "612 x 792 pts (letter)"},
	}
	for _, tc := range tests {
		t.Run(tc.paper, func(t *testing.T) {
			out, err := exec.Command("pdfinfo", writeTemp(t, render(t, sample.Sample(), Options{Paper: tc.paper}))).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), "Page size:       "+tc.want) {
				t.Errorf("pdfinfo:\n%s\nwant page size %s", out, tc.want)
			}
		})
	}
}

// TestPagesNotBlank renders every page of the sample pack to PNG and
// checks each has ink on it, and the cover a red banner.
func TestPagesNotBlank(t *testing.T) {
	needTool(t, "pdftoppm")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "pack.pdf")
	if err := os.WriteFile(pdf, render(t, sample.Sample(), Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "30", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(files) < 10 {
		t.Fatalf("%d pages rendered", len(files))
	}
	slices.Sort(files)
	for i, f := range files {
		img := readPNG(t, f)
		ink, redInk, total := 0, 0, 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				total++
				if r < 0xc000 || g < 0xc000 || bl < 0xc000 {
					ink++
				}
				if r > 0x9000 && g < 0x5000 && bl < 0x5000 {
					redInk++
				}
			}
		}
		if frac := float64(ink) / float64(total); frac < 0.005 {
			t.Errorf("page %d looks blank (%.2f%% ink)", i+1, 100*frac)
		}
		if redInk == 0 {
			t.Errorf("page %d has no red (the PROTECTED banner)", i+1)
		}
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// TestSizes checks that only used glyphs are embedded.
func TestSizes(t *testing.T) {
	if n := len(render(t, sample.Sample(), Options{})); n > 1<<20 {
		t.Errorf("the sample pack is %d bytes, want under 1 MB", n)
	}
}

// TestCancel checks that a cancelled export stops with the context's error.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Render(ctx, sample.Sample(), Options{}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	// Cancelled part way, from the progress callback.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	_, err = Render(ctx, sample.Large(sample.LargeOptions{PeoplePerSide: 20, Items: 20, Paragraphs: 20, Versions: 2}), Options{},
		func(done, total int) {
			if done > total/4 {
				cancel()
			}
		})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

// TestProgress checks that progress only grows and ends at the total.
func TestProgress(t *testing.T) {
	var calls [][2]int
	render := func() {
		_, err := Render(context.Background(), sample.Sample(), Options{}, func(done, total int) {
			calls = append(calls, [2]int{done, total})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	render()
	if len(calls) < 3 {
		t.Fatalf("%d progress calls", len(calls))
	}
	for i, c := range calls {
		if c[1] != calls[0][1] || c[0] < 0 || c[0] > c[1] || (i > 0 && c[0] < calls[i-1][0]) {
			t.Fatalf("progress %v", calls)
		}
	}
	if last := calls[len(calls)-1]; last[0] != last[1] {
		t.Errorf("progress ends at %v", last)
	}
}

// TestOddMeetings renders meetings at the edges: empty, three sides,
// control characters and characters beyond the Basic Multilingual Plane,
// over-long words and titles.
func TestOddMeetings(t *testing.T) {
	quad := sample.Sample()
	us := &app.Side{Rec: app.Rec{ID: "side-us"}, Pos: "Z", Name: "United States of America", ShortName: "United States", Code: "US", Adjective: "American"}
	quad.Sides = append(quad.Sides, us)
	quad.People = append(quad.People, &app.Person{Rec: app.Rec{ID: "person-us"}, Side: us.ID, Pos: "B", Courtesy: "Ms",
		Given: "Jane", Family: "Doe", Position: "Ambassador-at-Large for Cyberspace", Role: app.RoleHead, Bio: "Career diplomat."})
	quad.Signatories = append(quad.Signatories, &app.Signatory{Rec: app.Rec{ID: "sig-us"}, Side: us.ID, Pos: "B", Title: "Secretary of State"})
	quad.Items[0].Leads = append(quad.Items[0].Leads, "person-us")
	quad.Normalize()

	odd := sample.Sample()
	odd.Details.Purpose = "Tabs\tand\x07 control characters, an emoji 🤝 and a very long word " + strings.Repeat("Cybersecurity", 12) + "."
	odd.Items[1].Title = strings.Repeat("サイバーセキュリティ戦略と政策について", 6)
	odd.Annexes[0].Text = ""
	odd.Details.Marking = app.Marking{Scheme: app.SchemeCustom, Custom: "Sensitive: handle with care", Red: true}

	tests := []struct {
		name string
		m    *app.Meeting
		o    Options
		want []string
	}{
		{"empty meeting", &app.Meeting{}, Options{}, []string{"BRIEFING PACK", "Brief for", "the head of delegation"}},
		// More than two sides: the host first, then alphabetical, in every copy; the leads share a column.
		{"three sides", quad, Options{Side: "side-us"}, []string{"2nd Japan-Australia-United States of America Cyber Policy Dialogue",
			"Time Item Leads Location", "09:30 Opening remarks by the co-chairs JP Koichi Mizushima", "AU Rob McKinnon", "US Jane Doe",
			"American delegation", "Secretary of State"}},
		{"odd text", odd, Options{}, []string{"Tabs and", "Cybersecurity"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			all := flat(strings.Join(pageTexts(t, render(t, tc.m, tc.o)), "\n"))
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("%q missing from the text", w)
				}
			}
		})
	}
}

// TestOutline checks the PDF's bookmarks: sections, briefs under them,
// each pointing at the page the contents gives.
func TestOutline(t *testing.T) {
	needTool(t, "pdftohtml")
	out, err := exec.Command("pdftohtml", "-xml", "-stdout", "-i", "-q", writeTemp(t, render(t, sample.Sample(), Options{}))).Output()
	if err != nil {
		t.Fatal(err)
	}
	xml := string(out)
	at := strings.Index(xml, "<outline>")
	if at < 0 {
		t.Fatal("no outline")
	}
	xml = xml[at:]
	for _, want := range []string{
		`<item page="2">Contents</item>`,
		`<item page="5">Briefs</item>` + "\n<outline>\n" + `<item page="5">1 Opening remarks by the co-chairs</item>`,
		`<outline>` + "\n" + `<item page="7">3.1 UN Group of Governmental Experts</item>`,
		`<item page="15">Australian delegation</item>`,
		`<item page="19">Annex A: Key facts</item>`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("outline lacks %q", want)
		}
	}
}

// TestStatementAlternativeAndLeadIns prints a draft whose paragraph 3 has
// sub-paragraphs with bold lead-ins followed by punctuation and an
// alternative 3 bis: one pair of brackets round 3 bis, printed after (d);
// no space between a lead-in and the punctuation after it.
func TestStatementAlternativeAndLeadIns(t *testing.T) {
	m := sample.Sample()
	data, err := os.ReadFile(filepath.Join("testdata", "alternative.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := app.ParseDraft(string(data), side(t, m, "JP"))
	doc := app.NewDocument(m)
	if err := doc.Do(m.ImportDraftEdit(d, true)); err != nil {
		t.Fatal(err)
	}
	all := flat(strings.Join(pageTexts(t, render(t, m, Options{Sections: []Section{Statement}})), "\n"))
	for _, w := range []string{"(a) 5G, [including supply chains]JP;", "(b) Open RAN, [including interoperability testing]JP;",
		"(c) Submarine cables;", "(d) Satellite communications.", "3 bis. [Within the Dialogue"} {
		if !strings.Contains(all, w) {
			t.Errorf("%q is not in the statement:\n%s", w, all)
		}
	}
	if strings.Contains(all, "[[") || strings.Contains(all, "]JP]JP") {
		t.Errorf("the alternative's brackets are doubled:\n%s", all)
	}
	if d, bis := strings.Index(all, "(d) Satellite"), strings.Index(all, "3 bis."); d < 0 || bis < d {
		t.Errorf("3 bis is printed before (d):\n%s", all)
	}
}
