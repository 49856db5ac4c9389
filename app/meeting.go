package app

import "encoding/json"

// Meeting is one meeting of a dialogue series with everything prepared for
// it: the content of one .parley file. Slices are kept in canonical order
// (see Normalize); records are treated as values: an edit replaces a field,
// it never changes a slice in place.
type Meeting struct {
	Details     Details       `json:"meeting"`
	Sides       []*Side       `json:"sides"`
	Agencies    []*Agency     `json:"agencies"`
	People      []*Person     `json:"people"`
	Items       []*Item       `json:"programme"`
	Background  []*Background `json:"background"`
	Statement   Statement     `json:"statement"`
	Paragraphs  []*Paragraph  `json:"paragraphs"`
	Signatories []*Signatory  `json:"signatories"`
	Versions    []*Version    `json:"versions"`
	Annexes     []*Annex      `json:"annexes"`
	// Clock, Deleted and Conflicts are the revision data merge works from.
	Clock     Clock       `json:"clock"`
	Deleted   []Tombstone `json:"deleted"`
	Conflicts []Conflict  `json:"conflicts"`
	// Extra keeps top-level fields written by a newer Parley.
	Extra map[string]json.RawMessage `json:"-"`
}

// Details are the meeting's own fields.
type Details struct {
	Rec
	// Topic is the series name without the sides: "Cyber Policy Dialogue".
	// The series name is the sides' names in perspective order and the topic.
	Topic string `json:"topic"`
	// GroupName is a multilateral series' own name ("Quad Senior Cyber
	// Group"), used instead of the sides' names joined with hyphens.
	GroupName string `json:"groupName,omitempty"`
	// Ordinal is the meeting's number in the series: 1 is the inaugural one.
	Ordinal int `json:"ordinal"`
	// Start and End are ISO dates (2016-08-02); End may be empty for one day.
	Start string `json:"start"`
	End   string `json:"end,omitempty"`
	// DayStart and PlannedEnd are clock times (09:30) for each day.
	DayStart   string `json:"dayStart"`
	PlannedEnd string `json:"plannedEnd,omitempty"`
	// Venue is the building or room; City the city; Virtual a meeting held online.
	Venue   string `json:"venue,omitempty"`
	City    string `json:"city,omitempty"`
	Virtual bool   `json:"virtual,omitempty"`
	// HostSide is the side that hosts; OurSide the side whose staff prepare
	// this file (whose objectives "our objectives" are).
	HostSide string `json:"hostSide,omitempty"`
	OurSide  string `json:"ourSide,omitempty"`
	Status   Status `json:"status"`
	// Marking is the meeting's overall security classification.
	Marking Marking `json:"marking"`
	// Purpose, Objectives and Logistics are free text for the briefing pack.
	Purpose    string `json:"purpose,omitempty"`
	Objectives string `json:"objectives,omitempty"`
	Logistics  string `json:"logistics,omitempty"`
}

// Side is a party to the dialogue: a country or an organisation.
type Side struct {
	Rec
	Pos string `json:"pos"`
	// Name is the formal name ("Republic of Korea"); ShortName the usual
	// short one ("Korea"); Code the ISO 3166 alpha-2 code or an
	// organisation code (KR, ASEAN).
	Name      string `json:"name"`
	ShortName string `json:"short"`
	Code      string `json:"code"`
	// TitleName is the name used in the series title, when it differs from
	// Name ("Australia-Republic of Korea" against "Australia-Korea").
	TitleName string `json:"titleName,omitempty"`
	// Adjective describes the side's delegation ("Japanese", "Australian").
	Adjective string `json:"adjective,omitempty"`
}

// Agency is a ministry, department or agency in a side's directory.
// Abbreviations are per side: MOFA is Japan's and Korea's.
type Agency struct {
	Rec
	Side   string `json:"side"`
	Pos    string `json:"pos"`
	Name   string `json:"name"`
	Abbrev string `json:"abbrev,omitempty"`
	// Lead marks a lead agency of the side for this dialogue.
	Lead bool `json:"lead,omitempty"`
}

// Person is a participant, kept in protocol precedence order within a side.
// Names are stored as the person spells them and never normalised.
type Person struct {
	Rec
	Side string `json:"side"`
	Pos  string `json:"pos"`
	// Honorific is "H.E." or "His Excellency"; Courtesy is Mr, Ms, Dr.
	Honorific string `json:"honorific,omitempty"`
	Courtesy  string `json:"courtesy,omitempty"`
	Given     string `json:"given,omitempty"`
	Family    string `json:"family,omitempty"`
	// Native is the name in its own script (水島光一, 이충면).
	Native string `json:"native,omitempty"`
	// FamilyFirst writes the family name first (Japanese official English,
	// Korean and Chinese names); CapsFamily writes it in capitals (MIZUSHIMA).
	FamilyFirst bool   `json:"familyFirst,omitempty"`
	CapsFamily  bool   `json:"capsFamily,omitempty"`
	Position    string `json:"position,omitempty"`
	Agency      string `json:"agency,omitempty"`
	Role        Role   `json:"role"`
	Email       string `json:"email,omitempty"`
	Phone       string `json:"phone,omitempty"`
	// Bio, Education, Career and Interests make up the biography.
	Bio       string `json:"bio,omitempty"`
	Education string `json:"education,omitempty"`
	Career    string `json:"career,omitempty"`
	Interests string `json:"interests,omitempty"`
	// ToConfirm marks a participant carried over from the series' last
	// meeting whose attendance no one has confirmed yet (Next).
	ToConfirm bool `json:"toConfirm,omitempty"`
}

// Item is a programme item with its brief. Sub-items have a Parent.
type Item struct {
	Rec
	Parent string `json:"parent,omitempty"`
	Pos    string `json:"pos"`
	// Day is the meeting day (0 is the first) of a top-level item.
	Day   int      `json:"day,omitempty"`
	Title string   `json:"title"`
	Kind  ItemKind `json:"kind"`
	// Minutes is the duration; Fixed a clock time (14:00) the item is
	// pinned to, or empty when it follows the item before.
	Minutes int    `json:"minutes"`
	Fixed   string `json:"fixed,omitempty"`
	// Leads are the lead speakers, at most one per side.
	Leads    []string `json:"leads,omitempty"`
	Location string   `json:"location,omitempty"`
	Triage   Triage   `json:"triage,omitempty"`
	// Marking is the brief's own classification, when it differs from the meeting's.
	Marking Marking `json:"marking,omitzero"`
	// The brief.
	Objectives      string `json:"objectives,omitempty"`
	Points          string `json:"points,omitempty"`
	TheirObjectives string `json:"theirObjectives,omitempty"`
	Response        string `json:"response,omitempty"`
	PressLine       string `json:"pressLine,omitempty"`
	// LastTime is the item's brief at the series' last meeting, kept for
	// the writer to reuse (Next); nil when there was none.
	LastTime *PriorBrief `json:"lastTime,omitempty"`
}

// PriorBrief is a programme item's brief as it stood at an earlier meeting
// of the series.
type PriorBrief struct {
	// Meeting names the meeting ("2nd Japan-Australia Cyber Policy
	// Dialogue") and Date its first day.
	Meeting string `json:"meeting"`
	Date    string `json:"date,omitempty"`
	// The brief's fields, as in Item.
	Objectives      string `json:"objectives,omitempty"`
	Points          string `json:"points,omitempty"`
	TheirObjectives string `json:"theirObjectives,omitempty"`
	Response        string `json:"response,omitempty"`
	PressLine       string `json:"pressLine,omitempty"`
	// Background holds the background paragraphs.
	Background []PriorText `json:"background,omitempty"`
}

// PriorText is a background paragraph of an earlier brief.
type PriorText struct {
	Text             string `json:"text"`
	NotForDisclosure bool   `json:"nfd,omitempty"`
}

// Background is one paragraph of an item's background, which may be marked
// not for disclosure.
type Background struct {
	Rec
	Item             string `json:"item"`
	Pos              string `json:"pos"`
	Text             string `json:"text"`
	NotForDisclosure bool   `json:"nfd,omitempty"`
}

// Statement is the outcome document under negotiation (its paragraphs are
// Meeting.Paragraphs).
type Statement struct {
	Rec
	Title string        `json:"title"`
	Kind  StatementKind `json:"kind"`
	// Marking is the draft statement's classification in the pack.
	Marking Marking `json:"marking,omitzero"`
	// TreatyWords overrides the less-than-treaty lint's word list when set.
	TreatyWords []TreatyWord `json:"treatyWords,omitempty"`
	// Earlier holds the agreed paragraphs of the series' earlier meetings,
	// carried over by Next for the agreed-language search, each with its
	// source.
	Earlier []AgreedText `json:"earlier,omitempty"`
}

// AgreedText is a paragraph of agreed language from an earlier statement:
// agreed in full there, or marked as agreed language.
type AgreedText struct {
	// Paragraph is the paragraph as it stood, without revision data.
	Paragraph Paragraph `json:"paragraph"`
	// Source says where it came from: the meeting, its date, the
	// paragraph's number and the file.
	Source Source `json:"source"`
	// Statement is the title of the statement it was part of.
	Statement string `json:"statement,omitempty"`
	// Marked reports that it was marked as agreed language; otherwise it
	// was an agreed paragraph.
	Marked bool `json:"marked,omitempty"`
}

// TreatyWord is one entry of the less-than-treaty lint.
type TreatyWord struct {
	Word       string `json:"word"`
	Suggestion string `json:"suggestion"`
}

// Paragraph is a paragraph of the statement. Text is a list of spans: a
// span with a Bracket is text not yet agreed, proposed by its Side.
type Paragraph struct {
	Rec
	Pos  string        `json:"pos"`
	Kind ParagraphKind `json:"kind"`
	// Level is 0 for a paragraph, 1 for (a), 2 for (i).
	Level int `json:"level,omitempty"`
	// AltOf names the paragraph this is an alternative wording of (3 bis);
	// Side is the side that proposed the paragraph or the alternative.
	AltOf  string `json:"altOf,omitempty"`
	Side   string `json:"side,omitempty"`
	LeadIn string `json:"leadIn,omitempty"`
	Text   Spans  `json:"text"`
	State  State  `json:"state"`
	// AgreedLanguage marks text agreed in an earlier statement that may be
	// reused; Source records where an inserted one came from.
	AgreedLanguage bool    `json:"agreedLanguage,omitempty"`
	Source         *Source `json:"source,omitempty"`
	// History keeps earlier texts of the paragraph with the edit that made
	// each, newest last, so that a merge can find the text two copies had in
	// common and merge their changes word by word. It is revision data, not
	// a field one edits.
	History []TextRev `json:"history,omitempty" parley:"meta"`
}

// TextRev is an earlier text of a paragraph and the edit that made it.
type TextRev struct {
	Dot  Dot   `json:"dot,omitzero"`
	Text Spans `json:"text"`
}

// MaxHistory is how many earlier texts a paragraph keeps.
const MaxHistory = 16

// Snapshot returns the paragraph as a draft keeps it: its ID and content,
// without revision data.
func (p *Paragraph) Snapshot() Paragraph {
	s := *p
	s.Rec = Rec{ID: p.ID}
	s.History = nil
	return s
}

// Span is a run of paragraph text. Bracket is empty for settled text,
// else the bracket's ID, with Side the side that proposed it.
type Span struct {
	T       string `json:"t"`
	Bracket string `json:"b,omitempty"`
	Side    string `json:"s,omitempty"`
}

// Spans is a paragraph's text.
type Spans []Span

// Source records where reused agreed language came from.
type Source struct {
	Meeting string `json:"meeting"`
	Date    string `json:"date,omitempty"`
	Number  string `json:"number,omitempty"`
	File    string `json:"file,omitempty"`
}

// Signatory is a column of the signature block.
type Signatory struct {
	Rec
	Side  string `json:"side"`
	Pos   string `json:"pos"`
	Name  string `json:"name,omitempty"`
	Title string `json:"title"`
}

// Version is a numbered draft of the statement: a snapshot with where it
// went. Side is the side it was sent to or received from (Direction says
// which); an internal draft may name none.
type Version struct {
	Rec
	Number    int       `json:"number"`
	Label     string    `json:"label,omitempty"`
	Date      string    `json:"date"`
	Direction Direction `json:"direction"`
	Side      string    `json:"side,omitempty"`
	Title     string    `json:"title"`
	// Paragraphs are the statement's paragraphs as they were, in order,
	// without revision data.
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Annex is free text appended to the briefing pack.
type Annex struct {
	Rec
	Pos     string  `json:"pos"`
	Title   string  `json:"title"`
	Text    string  `json:"text"`
	Marking Marking `json:"marking,omitzero"`
}
