// Package sample builds Parley's sample meeting, the 2nd Japan-Australia
// Cyber Policy Dialogue (Tokyo, 2 August 2016), from the public record,
// and the large generated meeting used for benchmarks and for trying
// Parley at scale. Both are deterministic: fixed IDs, a seeded generator.
//
// The co-chairs, agencies, topics and the statement text come from public
// records (the Japanese foreign ministry's account of the meeting and the
// Japan-Australia Strategic Cyber Partnership). The other participants,
// the briefs and the drafting history are illustrative.
package sample

import (
	"strconv"

	"github.com/google/uuid"

	"parley/app"
)

var namespace = uuid.MustParse("6f1c2f0e-5b0e-4c55-9a57-3f0d4e1b2a10")

// id derives a fixed UUID from a name, so the sample has the same IDs in
// every build.
func id(name string) string { return uuid.NewSHA1(namespace, []byte(name)).String() }

type builder struct {
	m   *app.Meeting
	pos map[string]int
}

// key returns evenly spaced positions per list, in call order.
func (b *builder) key(list string) string {
	b.pos[list]++
	return app.PosSequence(64)[b.pos[list]-1]
}

// Sample returns the sample meeting.
func Sample() *app.Meeting {
	b := &builder{m: &app.Meeting{Clock: app.Clock{}}, pos: map[string]int{}}
	m := b.m
	jp, au := id("side/jp"), id("side/au")
	m.Details = app.Details{
		Rec:        app.Rec{ID: id("meeting")},
		Topic:      "Cyber Policy Dialogue",
		Ordinal:    2,
		Start:      "2016-08-02",
		DayStart:   "09:30",
		PlannedEnd: "17:00",
		Venue:      "Ministry of Foreign Affairs, Kasumigaseki",
		City:       "Tokyo",
		HostSide:   jp,
		OurSide:    au,
		Status:     app.StatusConfirmed,
		Marking:    app.Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive"},
		Purpose: "The Dialogue was agreed at the Japan-Australia summit in Tokyo on 7 April 2014. This second meeting " +
			"takes stock of each side's cyber security efforts since the first meeting and of the recent rise in " +
			"significant cyber incidents, and sets the agenda for practical bilateral cooperation.",
		Objectives: "Reaffirm cooperation on the elaboration of international law and norms and on confidence building " +
			"measures in the UNGGE and the ASEAN Regional Forum.\n" +
			"Agree concrete next steps on information sharing, critical information infrastructure protection and " +
			"CERT-to-CERT cooperation.\n" +
			"Coordinate regional capacity building and the fight against cybercrime.\n" +
			"Secure agreement to hold the 3rd meeting in Canberra next year.",
		Logistics: "Delegation arrives Monday 1 August; hotel in Kasumigaseki. Embassy car from 08:45. " +
			"Interpretation: consecutive, provided by the host. Dress: business.",
	}
	m.Sides = []*app.Side{
		{Rec: app.Rec{ID: jp}, Pos: b.key("side"), Name: "Japan", ShortName: "Japan", Code: "JP", Adjective: "Japanese"},
		{Rec: app.Rec{ID: au}, Pos: b.key("side"), Name: "Australia", ShortName: "Australia", Code: "AU", Adjective: "Australian"},
	}
	ag := func(side, abbrev, name string, lead bool) string {
		a := &app.Agency{Rec: app.Rec{ID: id("agency/" + side + "/" + abbrev)}, Side: side, Pos: b.key("agency" + side),
			Name: name, Abbrev: abbrev, Lead: lead}
		m.Agencies = append(m.Agencies, a)
		return a.ID
	}
	mofa := ag(jp, "MOFA", "Ministry of Foreign Affairs", true)
	nisc := ag(jp, "NISC", "National center of Incident readiness and Strategy for Cybersecurity", false)
	nss := ag(jp, "NSS", "National Security Secretariat", false)
	ag(jp, "CIRO", "Cabinet Intelligence and Research Office", false)
	npa := ag(jp, "NPA", "National Police Agency", false)
	mic := ag(jp, "MIC", "Ministry of Internal Affairs and Communications", false)
	ag(jp, "PSIA", "Public Security Intelligence Agency", false)
	meti := ag(jp, "METI", "Ministry of Economy, Trade and Industry", false)
	mod := ag(jp, "MOD", "Ministry of Defense", false)
	jpcert := ag(jp, "JPCERT/CC", "Japan Computer Emergency Response Team Coordination Center", false)
	dfat := ag(au, "DFAT", "Department of Foreign Affairs and Trade", true)
	pmc := ag(au, "PM&C", "Department of the Prime Minister and Cabinet", false)
	cert := ag(au, "CERT Australia", "CERT Australia", false)
	acsc := ag(au, "ACSC", "Australian Cyber Security Centre", false)
	def := ag(au, "Defence", "Department of Defence", false)
	embassy := ag(au, "Embassy Tokyo", "Australian Embassy, Tokyo", false)

	person := func(key, side string, p app.Person) string {
		p.ID = id("person/" + key)
		p.Side = side
		p.Pos = b.key("person" + side)
		m.People = append(m.People, &p)
		return p.ID
	}
	mizushima := person("mizushima", jp, app.Person{Honorific: "H.E.", Courtesy: "Mr", Given: "Koichi", Family: "Mizushima",
		Native: "水島光一", Position: "Ambassador in charge of Cyber Policy", Agency: mofa, Role: app.RoleCoChair,
		Bio:       "Ambassador in charge of Cyber Policy, Ministry of Foreign Affairs of Japan; co-chair of the Dialogue.",
		Interests: "To be completed from the Embassy's biographical note."})
	person("yamada", jp, app.Person{Courtesy: "Mr", Given: "Takeshi", Family: "Yamada", Native: "山田健", FamilyFirst: true, CapsFamily: true,
		Position: "Director, Cyber Security Policy Division", Agency: mofa, Role: app.RoleDeputy,
		Bio: "Leads the foreign ministry's cyber security policy division.", Career: "Previously posted to the Embassy of Japan in Canberra.",
		Education: "University of Tokyo (law).", Interests: "Rugby; follows the Brumbies from his Canberra posting."})
	person("sato", jp, app.Person{Courtesy: "Ms", Given: "Misaki", Family: "Sato", Native: "佐藤美咲", FamilyFirst: true, CapsFamily: true,
		Position: "Counsellor, International Strategy", Agency: nisc, Role: app.RoleMember})
	person("kobayashi", jp, app.Person{Courtesy: "Mr", Given: "Hiroshi", Family: "Kobayashi", Native: "小林浩", FamilyFirst: true, CapsFamily: true,
		Position: "Deputy Director", Agency: nss, Role: app.RoleMember})
	person("tanaka", jp, app.Person{Courtesy: "Mr", Given: "Kenji", Family: "Tanaka", Native: "田中健二", FamilyFirst: true, CapsFamily: true,
		Position: "Superintendent, Cybercrime Division", Agency: npa, Role: app.RoleMember})
	person("suzuki", jp, app.Person{Courtesy: "Ms", Given: "Yui", Family: "Suzuki", Native: "鈴木ゆい", FamilyFirst: true, CapsFamily: true,
		Position: "Deputy Director, Cybersecurity Division", Agency: mic, Role: app.RoleMember})
	person("ito", jp, app.Person{Courtesy: "Mr", Given: "Daisuke", Family: "Ito", Native: "伊藤大輔", FamilyFirst: true, CapsFamily: true,
		Position: "Director, Cybersecurity Division", Agency: meti, Role: app.RoleMember})
	person("watanabe", jp, app.Person{Courtesy: "Col.", Given: "Shinji", Family: "Watanabe", Native: "渡辺真二", FamilyFirst: true, CapsFamily: true,
		Position: "Cyber Policy Office", Agency: mod, Role: app.RoleMember})
	person("nakamura", jp, app.Person{Courtesy: "Ms", Given: "Aiko", Family: "Nakamura", Native: "中村愛子", FamilyFirst: true, CapsFamily: true,
		Position: "Manager, Global Coordination", Agency: jpcert, Role: app.RoleMember})
	person("mori", jp, app.Person{Courtesy: "Ms", Given: "Haruka", Family: "Mori", Native: "森はるか", FamilyFirst: true, CapsFamily: true,
		Position: "Interpreter", Agency: mofa, Role: app.RoleInterpreter})

	mckinnon := person("mckinnon", au, app.Person{Courtesy: "Mr", Given: "Rob", Family: "McKinnon",
		Position: "Assistant Secretary, Strategic Issues and Intelligence Branch", Agency: dfat, Role: app.RoleCoChair,
		Bio: "Assistant Secretary, Strategic Issues and Intelligence Branch, Department of Foreign Affairs and Trade; co-chair of the Dialogue."})
	person("harris", au, app.Person{Courtesy: "Ms", Given: "Claire", Family: "Harris",
		Position: "Director, Cyber Policy Section", Agency: dfat, Role: app.RoleDeputy, Email: "claire.harris@example.gov.au"})
	person("nguyen", au, app.Person{Courtesy: "Mr", Given: "Daniel", Family: "Nguyen",
		Position: "Assistant Director, Cyber Policy", Agency: pmc, Role: app.RoleMember})
	person("obrien", au, app.Person{Courtesy: "Ms", Given: "Siobhan", Family: "O'Brien",
		Position: "Manager, International Engagement", Agency: cert, Role: app.RoleMember})
	person("patel", au, app.Person{Courtesy: "Dr", Given: "Anika", Family: "Patel",
		Position: "Director, Strategy and Engagement", Agency: acsc, Role: app.RoleAdviser})
	person("walker", au, app.Person{Courtesy: "Wing Commander", Given: "James", Family: "Walker",
		Position: "Cyber and Information Warfare Policy", Agency: def, Role: app.RoleMember})
	person("lee", au, app.Person{Courtesy: "Ms", Given: "Grace", Family: "Lee",
		Position: "Second Secretary (Political)", Agency: embassy, Role: app.RoleNoteTaker, Phone: "+81 3 5232 4111"})

	b.programme(jp, au, mizushima, mckinnon)
	b.statement(jp, au)
	m.Annexes = []*app.Annex{{Rec: app.Rec{ID: id("annex/facts")}, Pos: b.key("annex"), Title: "Key facts",
		Text: "The Dialogue was agreed during the Japan-Australia summit meeting in Tokyo on 7 April 2014.\n" +
			"Whole-of-government meeting: on the Japanese side NISC, NSS, CIRO, NPA, MIC, PSIA, MOFA, METI, MOD and JPCERT/CC; " +
			"on the Australian side PM&C, DFAT, CERT Australia (representing the ACSC) and Defence.\n" +
			"Japan and Australia will hold the 3rd meeting in Canberra next year."}}
	m.Normalize()
	return m
}

func (b *builder) programme(jp, au, mizushima, mckinnon string) {
	m := b.m
	item := func(key, parent string, it app.Item) string {
		it.ID = id("item/" + key)
		it.Parent = parent
		it.Pos = b.key("item" + parent)
		if it.Kind == "" {
			it.Kind = app.ItemSession
		}
		m.Items = append(m.Items, &it)
		return it.ID
	}
	bg := func(item, text string, nfd bool) {
		m.Background = append(m.Background, &app.Background{Rec: app.Rec{ID: id("bg/" + item + "/" + text[:24])},
			Item: item, Pos: b.key("bg" + item), Text: text, NotForDisclosure: nfd})
	}
	leads := []string{mizushima, mckinnon}
	item("opening", "", app.Item{Title: "Opening remarks by the co-chairs", Kind: app.ItemCeremony, Minutes: 15, Leads: leads,
		Location: "Conference Room 1", Triage: app.TriageCertain,
		Objectives: "Set a warm, forward-looking tone; acknowledge Japan's hosting.",
		Points: "Thank Ambassador Mizushima and MOFA for hosting the second Dialogue.\n" +
			"Recall that the Dialogue was agreed by our leaders in Tokyo in April 2014.\n" +
			"Australia values Japan as a Special Strategic Partner on cyber issues, bilaterally, regionally and globally.",
		PressLine: "Australia and Japan share a commitment to an open, free and secure cyberspace."})
	s1 := item("strategies", "", app.Item{Title: "Cybersecurity strategies and policies", Minutes: 45, Leads: leads, Triage: app.TriageCertain,
		Objectives: "Brief Japan on Australia's Cyber Security Strategy (April 2016); understand Japan's implementation of its 2015 strategy and NISC's expanded mandate.",
		Points: "Australia launched its Cyber Security Strategy in April 2016, with A$230 million over four years.\n" +
			"The Strategy creates the post of Ambassador for Cyber Affairs and co-locates the ACSC with business partners.\n" +
			"We see a common vision in our two strategies: resilience, partnership with industry, international engagement.",
		TheirObjectives: "Japan will want to present the expanded role of NISC and preparations for the Tokyo 2020 Games.",
		Response:        "Offer to share lessons from the cyber security arrangements for major events (G20 Brisbane 2014).",
		PressLine:       "Both countries discussed their cyber security strategies and noted their common vision."})
	bg(s1, "Japan's Cybersecurity Strategy was adopted by Cabinet in September 2015; NISC was reorganised as the National center of Incident readiness and Strategy for Cybersecurity.", false)
	bg(s1, "Japan has asked informally about ACSC arrangements for protecting major events; Defence has reservations about sharing some of this material.", true)
	item("tea1", "", app.Item{Title: "Morning tea", Kind: app.ItemBreak, Minutes: 15})
	s2 := item("norms", "", app.Item{Title: "International law, norms and confidence building measures", Minutes: 75, Leads: leads, Triage: app.TriageCertain,
		Objectives: "Reaffirm that existing international law applies to state behaviour in cyberspace; coordinate positions for the 2016-17 UNGGE and the ARF.",
		Points: "International law, including the UN Charter, applies in cyberspace; norms of responsible state behaviour complement it.\n" +
			"Australia and Japan should coordinate closely in the UNGGE, where both are members.\n" +
			"We support the ARF work plan on ICT security and practical confidence building measures.",
		TheirObjectives: "Japan seeks support for its ARF workshop proposal.",
		Response:        "Support in principle; offer co-sponsorship subject to capital.",
		PressLine:       "The two countries reaffirmed their cooperation on international law, norms and confidence building measures in the UNGGE and the ASEAN Regional Forum."})
	bg(s2, "The 2015 UNGGE report set out eleven voluntary, non-binding norms; the 2016-17 Group began work in August 2016.", false)
	item("ungge", s2, app.Item{Title: "UN Group of Governmental Experts", Minutes: 40, Triage: app.TriageCertain,
		Points: "Seek a shared approach on the application of international humanitarian law and countermeasures."})
	item("arf", s2, app.Item{Title: "ASEAN Regional Forum confidence building measures", Minutes: 35, Triage: app.TriageCertain,
		Points: "Back the ARF inter-sessional meeting on ICT security; propose a joint workshop."})
	item("lunch", "", app.Item{Title: "Working lunch hosted by Ambassador Mizushima", Kind: app.ItemMeal, Minutes: 90, Location: "MOFA dining room"})
	s3 := item("bilateral", "", app.Item{Title: "Bilateral cooperation", Minutes: 60, Leads: leads, Triage: app.TriageCertain,
		Objectives: "Agree practical next steps on information sharing, critical information infrastructure protection and CERT-to-CERT cooperation.",
		Points: "Propose regular exchanges between JPCERT/CC and CERT Australia, including on incident response.\n" +
			"Suggest a working-level exchange on critical information infrastructure protection.",
		TheirObjectives: "Japan may propose a joint exercise.",
		Response:        "Welcome in principle; scope it at working level before the next Dialogue.",
		PressLine:       "The two countries discussed possible bilateral cooperation in information sharing, critical information infrastructure protection and CERT cooperation."})
	item("info", s3, app.Item{Title: "Information sharing and critical infrastructure", Minutes: 30, Triage: app.TriageCertain})
	item("cert", s3, app.Item{Title: "CERT-to-CERT cooperation", Minutes: 30, Triage: app.TriageCertain,
		Leads: []string{id("person/nakamura"), id("person/obrien")}})
	s4 := item("capacity", "", app.Item{Title: "Regional capacity building and cybercrime", Minutes: 45, Leads: leads, Triage: app.TriageCertain,
		Objectives: "Coordinate capacity building in South-East Asia and the Pacific; encourage accession to the Budapest Convention.",
		Points: "Australia's Cyber Cooperation Program will fund capacity building in the Indo-Pacific.\n" +
			"Japan and Australia are both parties to the Budapest Convention: we should jointly encourage regional accession.",
		PressLine: "Both countries committed to strengthen cooperation on regional capacity building and combating cybercrime."})
	bg(s4, "Japan funds the ASEAN-Japan Cybersecurity Capacity Building Centre proposal; coordination would avoid duplication.", false)
	item("tea2", "", app.Item{Title: "Afternoon tea", Kind: app.ItemBreak, Minutes: 15})
	item("exercises", "", app.Item{Title: "Joint exercises", Minutes: 30, Triage: app.TriagePossible,
		Objectives: "Explore, without commitment, Japanese participation in Australian cyber exercises.",
		Points:     "Australia would welcome Japanese observers at a future national cyber exercise.",
		PressLine:  "Exercises were discussed as an area for possible future cooperation."})
	off := item("offensive", "", app.Item{Title: "If raised: Australia's offensive cyber capability", Minutes: 10, Triage: app.TriageUnlikely,
		Marking:   app.Marking{Scheme: "AU", Level: "PROTECTED"},
		Points:    "Offensive cyber capability is used in accordance with domestic and international law.",
		PressLine: "Australia's offensive cyber capability is subject to legal oversight and is consistent with our obligations under international law.",
		Response:  "Refer to the public statements in the 2016 Cyber Security Strategy; do not elaborate."})
	bg(off, "The Prime Minister acknowledged the capability publicly in April 2016.", false)
	bg(off, "Operational detail is held by Defence and must not be discussed.", true)
	item("next", "", app.Item{Title: "Next steps and the 3rd Dialogue in Canberra", Minutes: 30, Leads: leads, Triage: app.TriageCertain,
		Objectives: "Agree to hold the 3rd meeting in Canberra next year.",
		Points:     "Australia is pleased to host the 3rd Dialogue in Canberra next year; dates through diplomatic channels.",
		PressLine:  "Japan and Australia will hold the 3rd meeting in Canberra next year."})
	item("press", "", app.Item{Title: "Joint press availability", Kind: app.ItemPress, Minutes: 20, Fixed: "16:30", Leads: leads,
		Location: "MOFA press room", Triage: app.TriageCertain,
		PressLine: "The Dialogue reflects the two countries' broad commitment and longstanding cooperation on bilateral, regional and global issues."})
}

func (b *builder) statement(jp, au string) {
	m := b.m
	m.Statement = app.Statement{Rec: app.Rec{ID: id("statement")}, Title: "Japan-Australia Strategic Cyber Partnership",
		Kind: app.StatementJoint, Marking: app.Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive"}}
	para := b.paragraphs(id)
	t := func(s string) app.Span { return app.Span{T: s} }
	br := func(key, side, s string) app.Span { return app.Span{T: s, Bracket: id("bracket/" + key), Side: side} }
	op := app.ParaOperative
	para(op, 0, "", app.StateAgreed, t("To play a leading role in realising a free and open Indo-Pacific that is inclusive and resilient, building on commitments under the Joint Declaration on Security Cooperation and 2+2 Ministerial framework, the Governments of Japan and Australia (hereinafter referred to as 'the Participants') are committed to elevating and facilitating our cooperation across the full array of cyber security issues through the Japan-Australia Strategic Cyber Partnership (hereinafter referred to as 'the Strategic Cyber Partnership')."))
	para(op, 0, "", app.StateAgreed, t("The Participants will work together to strengthen cyber defences and cyber resilience and improve shared awareness and collaboration on cyber threats, critical technologies and cyber response governance mechanisms both within our governments and with the private sector."))
	para(app.ParaHeading, 0, "", app.StateAgreed, t("Scope"))
	para(op, 0, "", app.StateAdRef, t("The Participants are committed to a free, fair and secure cyberspace. The Participants reaffirm that existing international law, including the United Nations Charter in its entirety, is applicable to State's conduct in cyberspace and is essential to maintaining peace, security and stability."))
	para(op, 0, "", app.StateBracketed, t("The Participants hereby affirm a commitment to demonstrating global leadership in deepening common recognitions around how existing international law and "),
		br("p4", au, "voluntary, non-binding "),
		t("norms of responsible State behaviour apply in cyberspace, and to assist regional partners to build their cyber resilience and secure digital connectivity, in cooperation with other partners."))
	p5 := para(op, 0, "", app.StateBracketed, br("p5", jp, "Where possible, "),
		t("the Participants will consult each other on cyber-related contingencies that may affect our sovereignty and regional security interests and consider measures in response."))
	p5.Side = jp
	alt := para(op, 0, "", app.StateProposed, t("The Participants will consult each other on cyber-related contingencies that may affect their security interests and will consider coordinated measures in response."))
	alt.AltOf, alt.Side = p5.ID, au
	para(op, 0, "", app.StateAgreed, t("The Strategic Cyber Partnership sets out the following pillars for bilateral cooperation:"))
	para(op, 1, "Harden cyber defences", app.StateAgreed, t("by enhancing information sharing to build a broader picture of cyber threats. The Participants will continue to develop closer cooperation on various measures to impose costs on malicious cyber actors including through attributions and technical advisories to deter and respond to both state and non-state actors including cyber criminals and their proxies. The Participants will share expertise to support ongoing efforts on our respective laws, policies and operations related to cyber security and resilience of critical infrastructure."))
	para(op, 1, "Build a resilient region and exercise global leadership", app.StateAgreed, t("by strengthening and coordinating cyber security capacity building efforts in the Indo-Pacific, including through the Quad and others. The Participants will promote trusted, secure and resilient infrastructure across the Indo-Pacific and will coordinate closely on internet governance to ensure internet and digital ecosystems remain free, open, secure, interoperable, reliable and multi-stakeholder."))
	para(op, 1, "Strengthen public-private partnerships", app.StateBracketed, t("by regularising and enhancing information sharing between our governments and industry to improve industry cyber resilience and cyber response capability. The Participants will work together to ensure the enabling environment promotes greater government and industry collaboration, particularly in regard to critical infrastructure"),
		br("p6c", au, ", as well as ransomware and cybercrime"), t("."))
	para(op, 1, "Enhance collaboration on critical technology security, including in relation to artificial intelligence", app.StateProposed, t("recognising that AI both strengthens speed and scale and changes to the cyber landscape, enhancing the ability to respond to cyber threats, whilst also enabling more sophisticated cyberattacks. The Participants are committed to further cooperation to respond to the growing opportunities and challenges posed by critical technologies consistent with Zero Trust principles and Secure by Design Principles."))
	para(app.ParaHeading, 0, "", app.StateAgreed, t("Governance"))
	para(op, 0, "", app.StateAgreed, t("The Strategic Cyber Partnership will be governed through the Japan-Australia Cyber Policy Dialogue (hereinafter referred to as 'the Cyber Dialogue') to advance the full spectrum of cyber cooperation. The Cyber Dialogue is co-chaired by Ambassador in charge of Cyber Policy, Ministry of Foreign Affairs of Japan and Ambassador for Cyber Affairs and Critical Technology, Department of Foreign Affairs and Trade and includes participation of other ministries, departments and agencies with relevant policy interests."))

	m.Signatories = []*app.Signatory{
		{Rec: app.Rec{ID: id("sig/jp")}, Side: jp, Pos: b.key("sig" + jp), Title: "Minister for Foreign Affairs of Japan"},
		{Rec: app.Rec{ID: id("sig/au")}, Side: au, Pos: b.key("sig" + au), Title: "Minister for Foreign Affairs of Australia"},
	}

	// Draft 1 as received from Japan, draft 2 as sent back by Australia.
	snapshot := func(ps []*app.Paragraph) []app.Paragraph {
		out := make([]app.Paragraph, len(ps))
		for i, p := range ps {
			out[i] = *p
			out[i].Rec = app.Rec{ID: p.ID}
		}
		return out
	}
	d1 := snapshot(m.Paragraphs)
	for i := range d1 {
		p := &d1[i]
		p.State = app.StateProposed
		switch {
		case p.AltOf != "":
			p.Text = nil
		case len(p.Text) > 1:
			var plain app.Spans
			for _, sp := range p.Text {
				if sp.Side != au {
					plain = append(plain, app.Span{T: sp.T})
				}
			}
			p.Text = app.Spans{{T: plain.Plain()}}
		}
	}
	d1 = deleteEmpty(d1)
	m.Versions = []*app.Version{
		{Rec: app.Rec{ID: id("version/1")}, Number: 1, Label: "Japanese first draft", Date: "2016-07-12",
			Direction: app.DirReceived, Side: jp, Title: m.Statement.Title, Paragraphs: d1},
		{Rec: app.Rec{ID: id("version/2")}, Number: 2, Label: "Australian comments", Date: "2016-07-22",
			Direction: app.DirSent, Side: jp, Title: m.Statement.Title, Paragraphs: snapshot(m.Paragraphs)},
	}
}

// paragraphs returns a function that appends statement paragraphs in
// order, the nth with the ID idOf("para/n").
func (b *builder) paragraphs(idOf func(string) string) func(kind app.ParagraphKind, level int, leadIn string, state app.State, text ...app.Span) *app.Paragraph {
	n := 0
	return func(kind app.ParagraphKind, level int, leadIn string, state app.State, text ...app.Span) *app.Paragraph {
		n++
		p := &app.Paragraph{Rec: app.Rec{ID: idOf("para/" + strconv.Itoa(n))}, Pos: b.key("para"), Kind: kind, Level: level,
			LeadIn: leadIn, Text: text, State: state}
		b.m.Paragraphs = append(b.m.Paragraphs, p)
		return p
	}
}

func deleteEmpty(ps []app.Paragraph) []app.Paragraph {
	out := ps[:0]
	for _, p := range ps {
		if len(p.Text) > 0 || p.LeadIn != "" {
			out = append(out, p)
		}
	}
	return out
}

// Clean returns the sample with its statement settled: every bracket kept,
// the alternative wording dropped, every paragraph agreed, and the drafts
// holding the same settled text. A final briefing pack accepts it.
func Clean() *app.Meeting {
	m := Sample()
	var ps []*app.Paragraph
	for _, p := range m.Paragraphs {
		if p.AltOf != "" {
			continue
		}
		q := *p
		q.Text = app.PlainSpans(p.Text.Plain())
		q.State = app.StateAgreed
		ps = append(ps, &q)
	}
	m.Paragraphs = ps
	for i, v := range m.Versions {
		w := *v
		w.Paragraphs = nil
		for _, p := range ps {
			w.Paragraphs = append(w.Paragraphs, p.Snapshot())
		}
		m.Versions[i] = &w
	}
	return m
}
