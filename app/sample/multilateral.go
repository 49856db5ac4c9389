package sample

import (
	"strconv"

	"parley/app"
)

// The multilateral sample is a meeting of four sides, the Quad Senior
// Cyber Group in Canberra, built from the public records: the sides and
// their agencies (the Japanese foreign ministry's account of the 2nd
// Japan-Australia Cyber Policy Dialogue, the Australia-Japan statement on
// telecommunications resilience), the co-chairs' posts, the topics
// (telecommunications resilience, the Strategic Cyber Partnership's
// pillars, cybercrime, critical technology standards) and the statement's
// text, adapted from those statements to four participants. The meeting
// itself, its people and its drafting history are illustrative.

// MultilateralOptions shape the multilateral sample.
type MultilateralOptions struct {
	// Sides is how many sides: 4 (the Quad, the default) up to 8, the
	// extra ones partners added to the group (Republic of Korea, New
	// Zealand, United Kingdom, Canada), for trying Parley with many sides.
	Sides int
}

// MaxSides is the most sides the multilateral sample has.
const MaxSides = 8

// quadSide is one side of the multilateral sample with what it brings.
type quadSide struct {
	key, name, short, code, adjective string
	agencies                          [][2]string // abbreviation, name; the first is the lead agency
	people                            []app.Person
	signatory                         string
	// proposal is a partner's bracketed addition to the governance paragraph.
	proposal string
}

var quadSides = []quadSide{
	{key: "au", name: "Australia", short: "Australia", code: "AU", adjective: "Australian",
		agencies: [][2]string{{"DFAT", "Department of Foreign Affairs and Trade"}, {"Home Affairs", "Department of Home Affairs"},
			{"DITRDCA", "Department of Infrastructure, Transport, Regional Development, Communications and the Arts"},
			{"ASD/ACSC", "Australian Signals Directorate's Australian Cyber Security Centre"}, {"PM&C", "Department of the Prime Minister and Cabinet"}},
		people: []app.Person{
			{Courtesy: "Ms", Given: "Kate", Family: "Brennan", Position: "Ambassador for Cyber Affairs and Critical Technology", Role: app.RoleHead,
				Bio: "Leads Australia's international cyber and critical technology engagement."},
			{Courtesy: "Mr", Given: "Tom", Family: "Ashby", Position: "Assistant Secretary, Cyber Affairs and Critical Technology Branch", Role: app.RoleDeputy},
			{Courtesy: "Ms", Given: "Leah", Family: "Okafor", Position: "First Assistant Secretary, Cyber and Infrastructure Security", Agency: "Home Affairs", Role: app.RoleMember},
			{Courtesy: "Mr", Given: "Ben", Family: "Castellano", Position: "Director, Telecommunications Security", Agency: "DITRDCA", Role: app.RoleMember},
			{Courtesy: "Dr", Given: "Sam", Family: "Whitfield", Position: "Head of International Partnerships", Agency: "ASD/ACSC", Role: app.RoleAdviser},
			{Courtesy: "Ms", Given: "Grace", Family: "Lee", Position: "Policy Officer", Role: app.RoleNoteTaker},
		},
		signatory: "Ambassador for Cyber Affairs and Critical Technology, Australia"},
	{key: "jp", name: "Japan", short: "Japan", code: "JP", adjective: "Japanese",
		agencies: [][2]string{{"MOFA", "Ministry of Foreign Affairs"}, {"NISC", "National center of Incident readiness and Strategy for Cybersecurity"},
			{"MIC", "Ministry of Internal Affairs and Communications"}, {"NPA", "National Police Agency"}, {"JPCERT/CC", "JPCERT Coordination Center"}},
		people: []app.Person{
			{Honorific: "H.E.", Courtesy: "Mr", Given: "Kenichi", Family: "Okada", Native: "岡田健一", FamilyFirst: true, CapsFamily: true,
				Position: "Ambassador in charge of Cyber Policy", Role: app.RoleHead,
				Bio: "Ambassador in charge of Cyber Policy, Ministry of Foreign Affairs of Japan."},
			{Courtesy: "Ms", Given: "Naomi", Family: "Saito", Native: "斎藤直美", FamilyFirst: true, CapsFamily: true,
				Position: "Counsellor, International Strategy", Agency: "NISC", Role: app.RoleDeputy},
			{Courtesy: "Mr", Given: "Takuya", Family: "Hayashi", Native: "林拓也", FamilyFirst: true, CapsFamily: true,
				Position: "Director, Telecommunications Security Policy", Agency: "MIC", Role: app.RoleMember},
			{Courtesy: "Ms", Given: "Emi", Family: "Kimura", Native: "木村恵美", FamilyFirst: true, CapsFamily: true,
				Position: "Manager, Global Coordination", Agency: "JPCERT/CC", Role: app.RoleMember},
			{Courtesy: "Mr", Given: "Daisuke", Family: "Mori", Native: "森大輔", FamilyFirst: true, CapsFamily: true,
				Position: "Interpreter", Role: app.RoleInterpreter},
		},
		signatory: "Ambassador in charge of Cyber Policy, Ministry of Foreign Affairs of Japan"},
	{key: "in", name: "India", short: "India", code: "IN", adjective: "Indian",
		agencies: [][2]string{{"MEA", "Ministry of External Affairs"}, {"NSCS", "National Security Council Secretariat"},
			{"CERT-In", "Indian Computer Emergency Response Team"}, {"MeitY", "Ministry of Electronics and Information Technology"},
			{"DoT", "Department of Telecommunications"}},
		people: []app.Person{
			{Courtesy: "Mr", Given: "Arjun", Family: "Mehta", Position: "Joint Secretary, Cyber Diplomacy Division", Role: app.RoleHead,
				Bio: "Heads the Cyber Diplomacy Division of the Ministry of External Affairs."},
			{Courtesy: "Mr", Given: "Rohan", Family: "Kulkarni", Position: "Director (Cyber Security)", Agency: "NSCS", Role: app.RoleDeputy},
			{Courtesy: "Dr", Given: "Kavita", Family: "Iyer", Position: "Scientist, Incident Response", Agency: "CERT-In", Role: app.RoleMember},
			{Courtesy: "Ms", Given: "Neha", Family: "Bansal", Position: "Deputy Director General (Telecom Security)", Agency: "DoT", Role: app.RoleMember},
		},
		signatory: "Joint Secretary, Cyber Diplomacy Division, Ministry of External Affairs of India"},
	{key: "us", name: "United States of America", short: "United States", code: "US", adjective: "United States",
		agencies: [][2]string{{"State", "Department of State, Bureau of Cyberspace and Digital Policy"},
			{"CISA", "Cybersecurity and Infrastructure Security Agency"}, {"NSC", "National Security Council"},
			{"NTIA", "National Telecommunications and Information Administration"}, {"FBI", "Federal Bureau of Investigation"}},
		people: []app.Person{
			{Courtesy: "Mr", Given: "Daniel", Family: "Brooks", Position: "Deputy Assistant Secretary, International Cyberspace Security", Role: app.RoleHead,
				Bio: "Leads the Department of State's international cyberspace security work."},
			{Courtesy: "Ms", Given: "Rachel", Family: "Kim", Position: "Associate Director, International Affairs", Agency: "CISA", Role: app.RoleDeputy},
			{Courtesy: "Mr", Given: "Marcus", Family: "Hill", Position: "Director for Cybersecurity", Agency: "NSC", Role: app.RoleMember},
			{Courtesy: "Ms", Given: "Olivia", Family: "Grant", Position: "Senior Policy Adviser, Network Security", Agency: "NTIA", Role: app.RoleAdviser},
		},
		signatory: "Deputy Assistant Secretary of State for International Cyberspace Security, United States of America"},
	// The partners added for trying many sides.
	{key: "kr", name: "Republic of Korea", short: "Korea", code: "KR", adjective: "Korean",
		agencies: [][2]string{{"MOFA", "Ministry of Foreign Affairs"}, {"NIS", "National Intelligence Service"}},
		people: []app.Person{
			{Courtesy: "Mr", Given: "Choong-myon", Family: "Lee", Native: "이충면", FamilyFirst: true,
				Position: "Ambassador for International Security Affairs", Role: app.RoleHead},
			{Courtesy: "Ms", Given: "Ji-woo", Family: "Park", Native: "박지우", FamilyFirst: true, Position: "Director, International Security", Role: app.RoleMember},
		},
		signatory: "Ambassador for International Security Affairs, Republic of Korea",
		proposal:  ", with the participation of regional partners"},
	{key: "nz", name: "New Zealand", short: "New Zealand", code: "NZ", adjective: "New Zealand",
		agencies: [][2]string{{"MFAT", "Ministry of Foreign Affairs and Trade"}, {"NCSC", "National Cyber Security Centre"}},
		people: []app.Person{
			{Courtesy: "Ms", Given: "Aroha", Family: "Walker", Position: "Director, Cyber and Digital Policy", Role: app.RoleHead},
			{Courtesy: "Mr", Given: "Liam", Family: "Chen", Position: "Policy Adviser", Agency: "NCSC", Role: app.RoleMember},
		},
		signatory: "Director, Cyber and Digital Policy, New Zealand",
		proposal:  ", including with Pacific island countries"},
	{key: "gb", name: "United Kingdom of Great Britain and Northern Ireland", short: "United Kingdom", code: "GB", adjective: "British",
		agencies: [][2]string{{"FCDO", "Foreign, Commonwealth and Development Office"}, {"NCSC", "National Cyber Security Centre"}},
		people: []app.Person{
			{Courtesy: "Mr", Given: "Oliver", Family: "Hughes", Position: "Cyber Director", Role: app.RoleHead},
			{Courtesy: "Ms", Given: "Amelia", Family: "Price", Position: "Head of International Cyber Policy", Role: app.RoleMember},
		},
		signatory: "Cyber Director, Foreign, Commonwealth and Development Office, United Kingdom",
		proposal:  " and with like-minded partners"},
	{key: "ca", name: "Canada", short: "Canada", code: "CA", adjective: "Canadian",
		agencies: [][2]string{{"GAC", "Global Affairs Canada"}, {"CCCS", "Canadian Centre for Cyber Security"}},
		people: []app.Person{
			{Courtesy: "Ms", Given: "Sophie", Family: "Tremblay", Position: "Director General, International Security Policy", Role: app.RoleHead},
			{Courtesy: "Mr", Given: "Noah", Family: "Singh", Position: "Senior Policy Analyst", Agency: "CCCS", Role: app.RoleMember},
		},
		signatory: "Director General, International Security Policy, Canada",
		proposal:  ", as the Participants decide"},
}

// Multilateral returns the four-sided sample meeting: the 3rd meeting of
// the Quad Senior Cyber Group (Canberra, two days) with Australia, Japan,
// India and the United States.
func Multilateral() *app.Meeting { return MultilateralWith(MultilateralOptions{}) }

// MultilateralWith returns the multilateral sample with the options.
func MultilateralWith(o MultilateralOptions) *app.Meeting {
	n := o.Sides
	if n == 0 {
		n = 4
	}
	n = max(4, min(n, MaxSides))
	b := &builder{m: &app.Meeting{Clock: app.Clock{}}, pos: map[string]int{}}
	m := b.m
	qid := func(s string) string { return id("quad/" + s) }
	if n > 4 {
		qid = func(s string) string { return id("quad" + strconv.Itoa(n) + "/" + s) }
	}
	side := map[string]string{}
	lead := map[string]string{} // side key -> head of delegation
	agency := map[string]string{}
	for _, qs := range quadSides[:n] {
		sid := qid("side/" + qs.key)
		side[qs.key] = sid
		m.Sides = append(m.Sides, &app.Side{Rec: app.Rec{ID: sid}, Pos: b.key("side"), Name: qs.name, ShortName: qs.short,
			Code: qs.code, Adjective: qs.adjective})
		for i, a := range qs.agencies {
			aid := qid("agency/" + qs.key + "/" + a[0])
			agency[qs.key+"/"+a[0]] = aid
			m.Agencies = append(m.Agencies, &app.Agency{Rec: app.Rec{ID: aid}, Side: sid, Pos: b.key("agency" + sid),
				Name: a[1], Abbrev: a[0], Lead: i == 0})
		}
		for _, p := range qs.people {
			p.ID = qid("person/" + qs.key + "/" + p.Family)
			p.Side = sid
			p.Pos = b.key("person" + sid)
			if p.Agency == "" {
				p.Agency = qs.agencies[0][0]
			}
			p.Agency = agency[qs.key+"/"+p.Agency]
			if _, ok := lead[qs.key]; !ok {
				lead[qs.key] = p.ID
			}
			m.People = append(m.People, &p)
		}
		m.Signatories = append(m.Signatories, &app.Signatory{Rec: app.Rec{ID: qid("sig/" + qs.key)}, Side: sid,
			Pos: b.key("sig" + sid), Title: qs.signatory})
	}
	group := "Quad Senior Cyber Group"
	if n > 4 {
		group = "Quad Senior Cyber Group with Indo-Pacific partners"
	}
	m.Details = app.Details{
		Rec:        app.Rec{ID: qid("meeting")},
		Topic:      "Senior Cyber Group",
		GroupName:  group,
		Ordinal:    3,
		Start:      "2024-11-05",
		End:        "2024-11-06",
		DayStart:   "09:00",
		PlannedEnd: "17:00",
		Venue:      "R. G. Casey Building, Department of Foreign Affairs and Trade",
		City:       "Canberra",
		HostSide:   side["au"],
		OurSide:    side["au"],
		Status:     app.StatusConfirmed,
		Marking:    app.Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive"},
		Purpose: "The Senior Cyber Group brings together the cyber leads of Australia, India, Japan and the United States " +
			"to coordinate the Quad's work on a free, open, secure and resilient cyberspace in the Indo-Pacific. " +
			"This third meeting reviews telecommunications resilience, regional capacity building and critical technology standards.",
		Objectives: "Agree the Group's joint statement, including the paragraphs on telecommunications resilience.\n" +
			"Coordinate capacity building in the Indo-Pacific and avoid duplication between the four programmes.\n" +
			"Secure agreement on the host and timing of the 4th meeting.",
		Logistics: "Two days at the R. G. Casey Building. Interpretation: consecutive, English and Japanese. " +
			"Security passes from the John McEwen Crescent entrance from 08:30.",
	}
	b.quadProgramme(n, side, lead, qid)
	b.quadStatement(n, side, qid)
	m.Annexes = []*app.Annex{{Rec: app.Rec{ID: qid("annex/facts")}, Pos: b.key("annex"), Title: "Key facts",
		Text: "Australia and Japan committed to complement their bilateral telecommunications dialogue with existing collaboration in the Quad.\n" +
			"The Japan-Australia Strategic Cyber Partnership commits both to build a resilient region, including through the Quad.\n" +
			"Lead agencies for telecommunications resilience: Home Affairs and DITRDCA (Australia), MIC (Japan)."}}
	m.Normalize()
	return m
}

func (b *builder) quadProgramme(n int, side, lead map[string]string, qid func(string) string) {
	m := b.m
	item := func(key, parent string, day int, it app.Item) string {
		it.ID = qid("item/" + key)
		it.Parent = parent
		it.Day = day
		it.Pos = b.key("item" + parent + strconv.Itoa(day))
		if it.Kind == "" {
			it.Kind = app.ItemSession
		}
		m.Items = append(m.Items, &it)
		return it.ID
	}
	var heads []string
	for _, qs := range quadSides[:n] {
		heads = append(heads, lead[qs.key])
	}
	leads := func(keys ...string) []string {
		var out []string
		for _, k := range keys {
			if l, ok := lead[k]; ok {
				out = append(out, l)
			}
		}
		return out
	}
	item("opening", "", 0, app.Item{Title: "Opening remarks by the heads of delegation", Kind: app.ItemCeremony, Minutes: 20,
		Leads: heads, Location: "Casey Room", Triage: app.TriageCertain,
		Objectives: "Welcome the delegations to Canberra; set out Australia's priorities as host.",
		Points: "Welcome colleagues from India, Japan and the United States to the third meeting of the Group.\n" +
			"The Quad's cyber work supports a free and open Indo-Pacific that is inclusive and resilient.",
		PressLine: "Australia welcomed its Quad partners to Canberra for the third meeting of the Senior Cyber Group."})
	threats := item("threats", "", 0, app.Item{Title: "Cyber threat landscape and ransomware", Minutes: 60,
		Leads: leads("au", "us"), Triage: app.TriageCertain,
		Objectives: "Share assessments of the threat to critical infrastructure; agree how the four will coordinate on ransomware.",
		Points: "Ransomware and cybercrime remain the most disruptive threats to our region's critical infrastructure.\n" +
			"We will continue to impose costs on malicious cyber actors, including through attributions and technical advisories.",
		TheirObjectives: "The United States will seek support for joint advisories; India will raise cybercrime cooperation.",
		Response:        "Support joint advisories case by case; welcome a working-level exchange on cybercrime investigations."})
	m.Background = append(m.Background, &app.Background{Rec: app.Rec{ID: qid("bg/threats/1")}, Item: threats, Pos: b.key("bg" + threats),
		Text: "The Japan-Australia Strategic Cyber Partnership commits both to harden cyber defences by enhancing information sharing."})
	m.Background = append(m.Background, &app.Background{Rec: app.Rec{ID: qid("bg/threats/2")}, Item: threats, Pos: b.key("bg" + threats),
		Text: "Attribution decisions are taken by ministers and must not be previewed.", NotForDisclosure: true})
	item("tea1", "", 0, app.Item{Title: "Morning tea", Kind: app.ItemBreak, Minutes: 20})
	tel := item("telecoms", "", 0, app.Item{Title: "Secure and resilient telecommunications", Minutes: 100,
		Leads: leads("jp", "au", "in", "us"), Triage: app.TriageCertain,
		Objectives: "Agree the statement's language on telecommunications resilience: 5G, Open RAN, submarine cables and satellite communications.",
		Points: "Close cooperation in line with the global deployment of telecommunications infrastructure such as 5G will enhance our opportunities.\n" +
			"We support security, trustworthiness and resilience in telecommunications networks across the Indo-Pacific.",
		PressLine: "The four countries discussed the security and resilience of telecommunications networks in the Indo-Pacific."})
	item("ran", tel, 0, app.Item{Title: "5G and Open RAN", Minutes: 50, Leads: leads("jp", "us"), Triage: app.TriageCertain})
	item("cables", tel, 0, app.Item{Title: "Submarine cables and satellite communications", Minutes: 50, Leads: leads("au", "in"), Triage: app.TriageCertain})
	item("lunch", "", 0, app.Item{Title: "Working lunch hosted by Australia", Kind: app.ItemMeal, Minutes: 70, Location: "Level 2 dining room"})
	item("capacity", "", 0, app.Item{Title: "Capacity building in the Indo-Pacific", Minutes: 75,
		Leads: leads("in", "jp"), Triage: app.TriageCertain,
		Objectives: "Map the four programmes and agree where to coordinate.",
		Points:     "We will coordinate cyber security capacity building efforts in the Indo-Pacific, including through the Quad."})
	item("tea-pm", "", 0, app.Item{Title: "Afternoon tea", Kind: app.ItemBreak, Minutes: 20})
	item("standards", "", 0, app.Item{Title: "Critical technology standards and AI", Minutes: 85,
		Leads: leads("us", "in"), Triage: app.TriagePossible,
		Objectives: "Exchange views on critical technology standards, Zero Trust and Secure by Design principles.",
		Points:     "AI both strengthens speed and scale and changes the cyber landscape; we support Secure by Design principles."})
	item("press", "", 0, app.Item{Title: "Joint press statement", Kind: app.ItemPress, Minutes: 20, Fixed: "16:30", Leads: heads,
		Location: "Media room", Triage: app.TriageCertain,
		PressLine: "The Quad Senior Cyber Group reaffirmed the four countries' commitment to a free, open and secure cyberspace."})
	item("ppp", "", 1, app.Item{Title: "Public-private partnerships", Minutes: 60, Leads: leads("au", "jp"), Triage: app.TriageCertain,
		Points: "Regular information sharing between governments and industry improves industry's cyber resilience."})
	item("law", "", 1, app.Item{Title: "International law and norms", Minutes: 60, Leads: leads("jp", "us"), Triage: app.TriageCertain,
		Points: "Existing international law, including the United Nations Charter in its entirety, applies to State conduct in cyberspace."})
	item("tea2", "", 1, app.Item{Title: "Morning tea", Kind: app.ItemBreak, Minutes: 20})
	item("next", "", 1, app.Item{Title: "Next steps and the 4th meeting", Minutes: 40, Leads: heads, Triage: app.TriageCertain,
		Objectives: "Agree the host and timing of the 4th meeting.",
		Points:     "Australia would welcome India's offer to host the 4th meeting."})
}

func (b *builder) quadStatement(n int, side map[string]string, qid func(string) string) {
	m := b.m
	m.Statement = app.Statement{Rec: app.Rec{ID: qid("statement")}, Title: "Joint Statement of the Quad Senior Cyber Group",
		Kind: app.StatementJoint, Marking: app.Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive"}}
	para := b.paragraphs(qid)
	t := func(s string) app.Span { return app.Span{T: s} }
	br := func(key, sideKey, s string) app.Span {
		return app.Span{T: s, Bracket: qid("bracket/" + key), Side: side[sideKey]}
	}
	op := app.ParaOperative
	para(op, 0, "", app.StateAgreed, t("Australia, India, Japan and the United States share fundamental values, such as a shared commitment to democracy, human rights, the rule of law and common approaches to international security, and are jointly committed to realising a free and open Indo-Pacific."))
	para(op, 0, "", app.StateAgreed, t("The Participants are committed to a free, fair and secure cyberspace. The Participants reaffirm that existing international law, including the United Nations Charter in its entirety, is applicable to State's conduct in cyberspace and is essential to maintaining peace, security and stability."))
	para(app.ParaHeading, 0, "", app.StateAgreed, t("Telecommunications resilience"))
	para(op, 0, "", app.StateBracketed, t("Close cooperation between our countries, in line with the global development and deployment of telecommunications infrastructure such as 5G, will enhance "),
		br("tel-in", "in", "security, trustworthiness and "), t("resilience in telecommunications networks in the Indo-Pacific region."))
	p5 := para(op, 0, "", app.StateBracketed, t("The Participants will share information and hold discussions on mutual priorities in telecommunications such as 5G, "),
		br("ran-us", "us", "as well as Open RAN, "), t("telecommunications submarine cables"), br("sat-jp", "jp", ", and satellite communications"), t("."))
	p5.Side = side["jp"]
	alt := para(op, 0, "", app.StateProposed, t("The Participants will share information on telecommunications security, including submarine cables, and consider collaborative projects to be decided upon by all four countries."))
	alt.AltOf, alt.Side = p5.ID, side["in"]
	para(app.ParaHeading, 0, "", app.StateAgreed, t("Cooperation"))
	para(op, 0, "", app.StateAgreed, t("The Senior Cyber Group sets out the following areas for cooperation:"))
	para(op, 1, "Harden cyber defences", app.StateAgreed, t("by enhancing information sharing to build a broader picture of cyber threats and to impose costs on malicious cyber actors."))
	para(op, 1, "Build a resilient region", app.StateBracketed, t("by strengthening and coordinating cyber security capacity building efforts in the Indo-Pacific"),
		br("region-us", "us", ", including through regional organisations and others"), t("."))
	para(op, 1, "Strengthen public-private partnerships", app.StateBracketed, t("by regularising and enhancing information sharing between our governments and industry"),
		br("ppp-au", "au", ", particularly in regard to critical infrastructure, as well as ransomware and cybercrime"), t("."))
	para(op, 1, "Enhance collaboration on critical technology security", app.StateProposed, t("consistent with Zero Trust principles and Secure by Design principles."))
	para(app.ParaHeading, 0, "", app.StateAgreed, t("Governance"))
	gov := []app.Span{t("The Senior Cyber Group will meet annually and will also include "), br("gov-jp", "jp", "senior officials-level and "), t("working-level meetings as necessary")}
	for _, qs := range quadSides[4:n] {
		gov = append(gov, br("partner-"+qs.key, qs.key, qs.proposal))
	}
	para(op, 0, "", app.StateBracketed, append(gov, t("."))...)

	snapshot := make([]app.Paragraph, 0, len(m.Paragraphs))
	for _, p := range m.Paragraphs {
		snapshot = append(snapshot, p.Snapshot())
	}
	m.Versions = []*app.Version{{Rec: app.Rec{ID: qid("version/1")}, Number: 1, Label: "Host's draft with comments", Date: "2024-10-22",
		Direction: app.DirSent, Title: m.Statement.Title, Paragraphs: snapshot}}
}
