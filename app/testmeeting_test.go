package app

// seedMeeting builds a small meeting from the seeds: the 2nd
// Japan-Australia Cyber Policy Dialogue (seed 001) with the agencies the
// record names.
func seedMeeting() *Meeting {
	m := &Meeting{Clock: Clock{}}
	m.Details = Details{Rec: Rec{ID: "meeting"}, Topic: "Cyber Policy Dialogue", Ordinal: 2, Start: "2016-08-02",
		DayStart: "09:30", PlannedEnd: "17:00", City: "Tokyo", HostSide: "jp", OurSide: "au", Status: StatusConfirmed,
		Marking: Marking{Scheme: "AU", Level: "OFFICIAL: Sensitive"}}
	m.Statement = Statement{Rec: Rec{ID: "statement"}, Title: "Joint Statement", Kind: StatementJoint}
	m.Sides = []*Side{
		{Rec: Rec{ID: "jp"}, Pos: "F", Name: "Japan", ShortName: "Japan", Code: "JP"},
		{Rec: Rec{ID: "au"}, Pos: "V", Name: "Australia", ShortName: "Australia", Code: "AU"},
	}
	m.Agencies = []*Agency{
		{Rec: Rec{ID: "mofa"}, Side: "jp", Pos: "1", Name: "Ministry of Foreign Affairs", Abbrev: "MOFA", Lead: true},
		{Rec: Rec{ID: "nisc"}, Side: "jp", Pos: "2", Name: "National center of Incident readiness and Strategy for Cybersecurity", Abbrev: "NISC"},
		{Rec: Rec{ID: "jpcert"}, Side: "jp", Pos: "3", Name: "JPCERT Coordination Center", Abbrev: "JPCERT/CC"},
		{Rec: Rec{ID: "dfat"}, Side: "au", Pos: "1", Name: "Department of Foreign Affairs and Trade", Abbrev: "DFAT", Lead: true},
		{Rec: Rec{ID: "acsc"}, Side: "au", Pos: "2", Name: "Australian Cyber Security Centre", Abbrev: "ACSC"},
	}
	m.People = []*Person{
		{Rec: Rec{ID: "mizushima"}, Side: "jp", Pos: "1", Honorific: "H.E.", Courtesy: "Mr", Given: "Koichi", Family: "Mizushima",
			Native: "水島光一", Position: "Ambassador in charge of Cyber Policy", Agency: "mofa", Role: RoleCoChair},
		{Rec: Rec{ID: "sato"}, Side: "jp", Pos: "2", Given: "Misaki", Family: "Sato", Native: "佐藤美咲", FamilyFirst: true,
			Agency: "nisc", Role: RoleMember},
		{Rec: Rec{ID: "mckinnon"}, Side: "au", Pos: "1", Courtesy: "Mr", Given: "Rob", Family: "McKinnon",
			Position: "Assistant Secretary, Strategic Issues and Intelligence Branch", Agency: "dfat", Role: RoleCoChair},
		{Rec: Rec{ID: "patel"}, Side: "au", Pos: "2", Given: "Anika", Family: "Patel", Agency: "acsc", Role: RoleAdviser},
	}
	m.Normalize()
	return m
}
