package sample

import (
	"fmt"
	"math/rand"
	"strings"

	"parley/app"
)

// LargeOptions shape the generated meeting.
type LargeOptions struct {
	// PeoplePerSide, Items, Paragraphs and Versions set the size; zero
	// values take the benchmark sizes (150, 60, 120, 20).
	PeoplePerSide, Items, Paragraphs, Versions int
	// Native gives every person a native-script name.
	Native bool
	// Japanese writes the statement in Japanese (thousands of distinct
	// CJK characters), as a translation would be.
	Japanese bool
	// Seed selects the generated content; the same seed gives the same meeting.
	Seed int64
}

var words = strings.Fields(`the participants will cooperate on cyber security capacity building regional
information sharing critical infrastructure resilience norms responsible state behaviour international law
confidence building measures incident response exercises cybercrime investigations private sector academia
digital connectivity standards supply chain security emerging technologies secure design trusted networks
awareness collaboration dialogue partners strengthen enhance promote support develop coordinate deepen
continue explore consider review exchange practical measures bilateral multilateral indo-pacific quad asean`)

var givenNames = strings.Fields(`James Sarah Michael Emma David Olivia Daniel Chloe Thomas Grace Matthew Lucy
Andrew Hannah Benjamin Zoe Samuel Ella Joshua Ruby Hiroshi Yuki Kenji Aiko Takeshi Naomi Daisuke Emi Minjun Jiwoo
Seojun Hayun Wei Ling Jun Mei`)

var familyNames = strings.Fields(`Smith Jones Williams Brown Wilson Taylor Johnson White Martin Anderson Thompson
Nguyen Thomas Walker Harris Lee Ryan Robinson Kelly King Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto
Nakamura Kim Park Choi Jung Kang Zhang Wang Li`)

// Large returns the generated large meeting.
func Large(o LargeOptions) *app.Meeting {
	if o.PeoplePerSide == 0 {
		o.PeoplePerSide = 150
	}
	if o.Items == 0 {
		o.Items = 60
	}
	if o.Paragraphs == 0 {
		o.Paragraphs = 120
	}
	if o.Versions == 0 {
		o.Versions = 20
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	r := rand.New(rand.NewSource(o.Seed))
	gid := func(kind string, n ...int) string {
		return id(fmt.Sprintf("large/%d/%s/%v", o.Seed, kind, n))
	}
	sentence := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = words[r.Intn(len(words))]
		}
		s := strings.Join(w, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	text := func(sentences, wordsEach int) string {
		s := make([]string, sentences)
		for i := range s {
			s[i] = sentence(wordsEach)
		}
		return strings.Join(s, " ")
	}
	m := &app.Meeting{Clock: app.Clock{}}
	jp, au := gid("side", 0), gid("side", 1)
	m.Details = app.Details{Rec: app.Rec{ID: gid("meeting")}, Topic: "Cyber and Critical Technology Policy Dialogue",
		Ordinal: 7, Start: "2026-03-10", End: "2026-03-12", DayStart: "09:00", PlannedEnd: "17:30",
		Venue: "Parliament House", City: "Canberra", HostSide: au, OurSide: au, Status: app.StatusPlanning,
		Marking: app.Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive"},
		Purpose: text(4, 18), Objectives: text(5, 14), Logistics: text(3, 16)}
	m.Sides = []*app.Side{
		{Rec: app.Rec{ID: jp}, Pos: "F", Name: "Japan", ShortName: "Japan", Code: "JP", Adjective: "Japanese"},
		{Rec: app.Rec{ID: au}, Pos: "V", Name: "Australia", ShortName: "Australia", Code: "AU", Adjective: "Australian"},
	}
	var people [2][]string
	for s, side := range []string{jp, au} {
		var agencies []string
		akeys := app.PosSequence(20)
		for a := 0; a < 20; a++ {
			ag := &app.Agency{Rec: app.Rec{ID: gid("agency", s, a)}, Side: side, Pos: akeys[a],
				Name:   fmt.Sprintf("Department of %s %s", strings.Title(words[r.Intn(len(words))]), strings.Title(words[r.Intn(len(words))])),
				Abbrev: fmt.Sprintf("D%c%d", 'A'+s, a), Lead: a == 0}
			m.Agencies = append(m.Agencies, ag)
			agencies = append(agencies, ag.ID)
		}
		keys := app.PosSequence(o.PeoplePerSide)
		for i := 0; i < o.PeoplePerSide; i++ {
			role := app.RoleMember
			switch {
			case i == 0:
				role = app.RoleCoChair
			case i < 3:
				role = app.RoleDeputy
			case i%25 == 24:
				role = app.RoleInterpreter
			case i%10 == 9:
				role = app.RoleAdviser
			}
			p := &app.Person{Rec: app.Rec{ID: gid("person", s, i)}, Side: side, Pos: keys[i], Courtesy: []string{"Mr", "Ms", "Dr"}[r.Intn(3)],
				Given: givenNames[r.Intn(len(givenNames))], Family: familyNames[r.Intn(len(familyNames))],
				FamilyFirst: s == 0, CapsFamily: s == 0, Position: "Director, " + strings.Title(sentence(3)),
				Agency: agencies[r.Intn(len(agencies))], Role: role, Email: fmt.Sprintf("person%d.%d@example.org", s, i)}
			if i < 10 {
				p.Bio, p.Career, p.Education, p.Interests = text(3, 14), text(2, 12), text(1, 8), text(1, 10)
			}
			if o.Native {
				p.Native = cjk(r, 3+r.Intn(2))
			}
			m.People = append(m.People, p)
			people[s] = append(people[s], p.ID)
		}
	}
	keys := app.PosSequence(o.Items)
	var parent string
	subKeys := app.PosSequence(5)
	sub := 0
	for i := 0; i < o.Items; i++ {
		it := &app.Item{Rec: app.Rec{ID: gid("item", i)}, Kind: app.ItemSession, Minutes: 15 + 5*r.Intn(9),
			Title: strings.TrimSuffix(strings.Title(sentence(3+r.Intn(4))), "."), Triage: app.Triages[r.Intn(3)],
			Leads:      []string{people[0][r.Intn(10)], people[1][r.Intn(10)]},
			Objectives: text(3, 16), Points: text(8, 18), TheirObjectives: text(3, 16), Response: text(3, 16), PressLine: text(2, 14),
			Day: i * 3 / o.Items}
		switch {
		case i%10 == 4 && parent != "":
			it.Parent = parent
			it.Pos = subKeys[sub]
			sub++
			it.Day = 0
		case i%12 == 11:
			it.Kind, it.Title, it.Minutes = app.ItemBreak, "Break", 15
			it.Pos = keys[i]
		default:
			it.Pos = keys[i]
			parent, sub = it.ID, 0
		}
		if i%20 == 19 {
			it.Fixed = fmt.Sprintf("%02d:00", 15+r.Intn(2))
		}
		m.Items = append(m.Items, it)
		bkeys := app.PosSequence(3)
		for b := 0; b < 3; b++ {
			m.Background = append(m.Background, &app.Background{Rec: app.Rec{ID: gid("bg", i, b)}, Item: it.ID, Pos: bkeys[b],
				Text: text(3, 16), NotForDisclosure: b == 2})
		}
	}
	m.Statement = app.Statement{Rec: app.Rec{ID: gid("statement")}, Title: "Joint Statement on Cyber and Critical Technology Cooperation", Kind: app.StatementJoint}
	pkeys := app.PosSequence(o.Paragraphs)
	for i := 0; i < o.Paragraphs; i++ {
		p := &app.Paragraph{Rec: app.Rec{ID: gid("para", i)}, Pos: pkeys[i], Kind: app.ParaOperative, State: app.StateAgreed}
		body := func() string {
			if o.Japanese {
				return japanese(r, 80+r.Intn(80))
			}
			return text(2+r.Intn(3), 12+r.Intn(10))
		}
		switch {
		case i%15 == 0:
			p.Kind = app.ParaHeading
			p.Text = app.PlainSpans(strings.TrimSuffix(strings.Title(sentence(2)), "."))
		case i < 4:
			p.Kind = app.ParaPreambular
			p.Text = app.PlainSpans(body())
		case i%7 == 3:
			p.Level = 1
			p.LeadIn = strings.TrimSuffix(strings.Title(sentence(3)), ".")
			p.Text = app.PlainSpans(body())
		case i%11 == 5:
			t := body()
			cut := len(t) / 2
			for cut < len(t) && t[cut]&0xC0 == 0x80 {
				cut++
			}
			p.State = app.StateBracketed
			p.Text = app.Spans{{T: t[:cut]}, {T: t[cut:], Bracket: gid("bracket", i), Side: []string{jp, au}[i%2]}}
		default:
			p.Text = app.PlainSpans(body())
		}
		m.Paragraphs = append(m.Paragraphs, p)
	}
	sigKeys := app.PosSequence(2)
	m.Signatories = []*app.Signatory{
		{Rec: app.Rec{ID: gid("sig", 0)}, Side: jp, Pos: sigKeys[0], Title: "Minister for Foreign Affairs of Japan"},
		{Rec: app.Rec{ID: gid("sig", 1)}, Side: au, Pos: sigKeys[1], Title: "Minister for Foreign Affairs of Australia"},
	}
	// Drafts: each changes about a tenth of the paragraphs of the one before.
	cur := make([]app.Paragraph, len(m.Paragraphs))
	for i, p := range m.Paragraphs {
		cur[i] = *p
		cur[i].Rec = app.Rec{ID: p.ID}
	}
	for v := o.Versions; v >= 1; v-- {
		snap := make([]app.Paragraph, len(cur))
		copy(snap, cur)
		// Drafts go back and forth with Japan: sent to it, received from it.
		dir, side := app.DirSent, jp
		if v%2 == 1 {
			dir = app.DirReceived
		}
		m.Versions = append(m.Versions, &app.Version{Rec: app.Rec{ID: gid("version", v)}, Number: v,
			Label: fmt.Sprintf("Draft %d", v), Date: fmt.Sprintf("2026-02-%02d", v), Direction: dir, Side: side,
			Title: m.Statement.Title, Paragraphs: snap})
		for c := 0; c < len(cur)/10; c++ {
			i := r.Intn(len(cur))
			if cur[i].Kind == app.ParaHeading {
				continue
			}
			t := cur[i].Text.Plain()
			ws := strings.Fields(t)
			if len(ws) > 3 {
				j := r.Intn(len(ws))
				ws[j] = words[r.Intn(len(words))]
			}
			cur[i].Text = app.PlainSpans(strings.Join(ws, " "))
		}
	}
	m.Annexes = []*app.Annex{{Rec: app.Rec{ID: gid("annex", 0)}, Pos: "V", Title: "Background", Text: text(10, 16)}}
	m.Normalize()
	return m
}

// cjk returns n distinct-looking ideographs scattered over the common range.
func cjk(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(rune(0x4E00 + r.Intn(0x9FA5-0x4E00)))
	}
	return b.String()
}

// japanese returns a run of text mixing kanji with hiragana, ending in 。
func japanese(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if r.Intn(3) == 0 {
			b.WriteRune(rune(0x3041 + r.Intn(0x3093-0x3041)))
		} else {
			b.WriteRune(rune(0x4E00 + r.Intn(0x9FA5-0x4E00)))
		}
		if i%37 == 36 {
			b.WriteRune('、')
		}
	}
	b.WriteRune('。')
	return b.String()
}
