package app

// Status is where the meeting stands.
type Status string

// Meeting statuses.
const (
	StatusPlanning  Status = "planning"
	StatusConfirmed Status = "confirmed"
	StatusHeld      Status = "held"
	StatusPostponed Status = "postponed"
	StatusCancelled Status = "cancelled"
)

// Statuses lists the meeting statuses in order.
var Statuses = []Status{StatusPlanning, StatusConfirmed, StatusHeld, StatusPostponed, StatusCancelled}

// Role is a participant's part in the delegation.
type Role string

// Roles of a participant, in their usual precedence.
const (
	RoleCoChair     Role = "co-chair"
	RoleHead        Role = "head of delegation"
	RoleDeputy      Role = "deputy head"
	RoleMember      Role = "member"
	RoleAdviser     Role = "adviser"
	RoleInterpreter Role = "interpreter"
	RoleNoteTaker   Role = "note-taker"
	RoleLiaison     Role = "liaison"
)

// Roles lists the roles in their usual precedence.
var Roles = []Role{RoleCoChair, RoleHead, RoleDeputy, RoleMember, RoleAdviser, RoleInterpreter, RoleNoteTaker, RoleLiaison}

// Leads reports whether the role leads the delegation (co-chair or head).
func (r Role) Leads() bool { return r == RoleCoChair || r == RoleHead }

// Principal reports whether the role is a principal's (leads or deputises).
func (r Role) Principal() bool { return r.Leads() || r == RoleDeputy }

// ItemKind is what a programme item is.
type ItemKind string

// Programme item kinds.
const (
	ItemSession  ItemKind = "session"
	ItemBreak    ItemKind = "break"
	ItemMeal     ItemKind = "meal"
	ItemCeremony ItemKind = "ceremony"
	ItemPress    ItemKind = "press"
)

// ItemKinds lists the programme item kinds.
var ItemKinds = []ItemKind{ItemSession, ItemBreak, ItemMeal, ItemCeremony, ItemPress}

// IsPause reports whether the item is a break or a meal.
func (k ItemKind) IsPause() bool { return k == ItemBreak || k == ItemMeal }

// Triage is how likely a topic is to be raised.
type Triage string

// Triage levels. The empty triage counts as certain.
const (
	TriageCertain  Triage = "certain"
	TriagePossible Triage = "possible"
	TriageUnlikely Triage = "unlikely"
)

// Triages lists the triage levels.
var Triages = []Triage{TriageCertain, TriagePossible, TriageUnlikely}

// ParagraphKind is the kind of statement paragraph.
type ParagraphKind string

// Paragraph kinds. Sub-paragraphs are operative or preambular paragraphs
// with a Level above 0.
const (
	ParaHeading    ParagraphKind = "heading"
	ParaPreambular ParagraphKind = "preambular"
	ParaOperative  ParagraphKind = "operative"
)

// ParagraphKinds lists the paragraph kinds.
var ParagraphKinds = []ParagraphKind{ParaHeading, ParaPreambular, ParaOperative}

// State is a paragraph's negotiation state.
type State string

// Paragraph states.
const (
	StateProposed  State = "proposed"
	StateBracketed State = "bracketed"
	StateAdRef     State = "ad ref"
	StateAgreed    State = "agreed"
)

// States lists the paragraph states.
var States = []State{StateProposed, StateBracketed, StateAdRef, StateAgreed}

// StatementKind is the kind of outcome document.
type StatementKind string

// Outcome document kinds.
const (
	StatementJoint   StatementKind = "joint statement"
	StatementMoU     StatementKind = "memorandum of understanding"
	StatementPress   StatementKind = "joint press release"
	StatementSummary StatementKind = "chair's summary"
)

// StatementKinds lists the outcome document kinds.
var StatementKinds = []StatementKind{StatementJoint, StatementMoU, StatementPress, StatementSummary}

// LessThanTreaty reports whether the document must avoid treaty language.
func (k StatementKind) LessThanTreaty() bool {
	return k == StatementJoint || k == StatementMoU || k == StatementPress || k == ""
}

// Direction says where a draft went.
type Direction string

// Draft directions.
const (
	DirSent     Direction = "sent"
	DirReceived Direction = "received"
	DirInternal Direction = "internal"
)

// Directions lists the draft directions.
var Directions = []Direction{DirSent, DirReceived, DirInternal}
