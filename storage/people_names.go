package storage

import (
	"slices"
	"strings"
	"unicode"

	"parley/app"
)

// roleAliases are the role words an import knows, compared after
// headingKey; roleWords are looked for inside longer role texts.
var roleAliases = map[string]app.Role{}

func init() {
	add := func(r app.Role, words ...string) {
		for _, w := range words {
			roleAliases[headingKey(w)] = r
		}
	}
	add(app.RoleCoChair, "co-chair", "co chair", "cochair", "co-chairman", "co-chairperson", "co-chairwoman",
		"chair", "chairman", "chairperson", "chairwoman", "공동의장", "의장", "共同議長", "議長", "共同主席", "主席")
	add(app.RoleHead, "head of delegation", "head of the delegation", "hod", "head", "delegation head",
		"leader", "delegation leader", "head delegate", "chief delegate", "chief of delegation",
		"수석대표", "단장", "団長", "首席代表", "代表団長", "团长")
	add(app.RoleDeputy, "deputy head", "deputy", "deputy head of delegation", "deputy head of the delegation",
		"dhod", "deputy hod", "deputy leader", "deputy chief delegate", "alternate head of delegation",
		"차석대표", "부단장", "副団長", "副团长", "次席代表")
	add(app.RoleMember, "member", "delegate", "delegation member", "member of delegation",
		"member of the delegation", "participant", "official", "대표단원", "단원", "団員", "代表団員", "成员", "团员")
	add(app.RoleAdviser, "adviser", "advisor", "expert", "자문", "고문", "顧問", "随員", "顾问")
	add(app.RoleInterpreter, "interpreter", "translator", "interpretation", "통역", "통역사", "通訳", "翻译", "口译")
	add(app.RoleNoteTaker, "note-taker", "notetaker", "note taker", "note-taking", "rapporteur", "record keeper",
		"기록", "기록담당", "記録", "記録係", "记录")
	add(app.RoleLiaison, "liaison", "liaison officer", "contact officer", "contact point", "연락관", "連絡官", "联络员")
}

// roleWords are looked for as whole words inside a role text that is not
// a known one ("Senior Legal Adviser", "Liaison Officer, Embassy").
// Deputy and head are not among them: "Deputy Director" and "Head of
// Section" are positions, not roles in the delegation.
var roleWords = []struct {
	word string
	role app.Role
}{
	{"co chair", app.RoleCoChair}, {"cochair", app.RoleCoChair},
	{"head of delegation", app.RoleHead},
	{"interpreter", app.RoleInterpreter}, {"translator", app.RoleInterpreter},
	{"note taker", app.RoleNoteTaker}, {"notetaker", app.RoleNoteTaker},
	{"adviser", app.RoleAdviser}, {"advisor", app.RoleAdviser},
	{"liaison", app.RoleLiaison},
	{"member", app.RoleMember}, {"delegate", app.RoleMember},
}

// ParseRole reads a role as lists write it, in any case and spelling:
// "Co-chair", "Co-Chair", "Head of Delegation", "HoD", "Head", "Deputy",
// "Member", "Adviser"/"Advisor", "Interpreter", "Note-taker"/"Notetaker",
// "Liaison", the app's own role names, a few Japanese and Korean ones, and
// longer texts holding one of them ("Senior Legal Adviser"). It reports
// false for text it does not know; an empty text is a member.
func ParseRole(s string) (app.Role, bool) {
	key := headingKey(s)
	if key == "" {
		return app.RoleMember, true
	}
	if r, ok := roleAliases[key]; ok {
		return r, true
	}
	words := " " + key + " "
	for _, w := range roleWords {
		if strings.Contains(words, " "+w.word+" ") {
			return w.role, true
		}
	}
	return "", false
}

// parseYesNo reads a yes/no cell: yes, y, true, 1, x, ✓ and their kin are
// yes; empty, no, n, false, 0 are no. ok is false for anything else.
func parseYesNo(s string) (yes, ok bool) {
	switch strings.ToLower(cleanCell(s)) {
	case "yes", "y", "true", "1", "x", "✓", "✔", "on", "はい", "예", "네", "是":
		return true, true
	case "", "no", "n", "false", "0", "off", "-", "いいえ", "아니오", "否":
		return false, true
	}
	return false, false
}

// honorifics are the honorifics taken off the front of a name or title
// cell, longest first; courtesies the courtesy titles. "HE" without dots
// is not among them: it is also a family name (He Yafei).
var (
	honorifics = []string{"Her Excellency", "His Excellency", "The Honourable", "The Honorable", "The Hon.",
		"The Hon", "Hon.", "H.E.", "H. E."}
	courtesies = []string{"Professor", "Prof.", "Prof", "Mrs.", "Mrs", "Miss", "Mr.", "Mr", "Ms.", "Ms",
		"Dr.", "Dr", "Mx.", "Mx"}
)

// cutTitle takes one of the titles off the front of s when a space or the
// end follows it, in any case.
func cutTitle(s string, titles []string) (title, rest string) {
	for _, t := range titles {
		if len(s) >= len(t) && strings.EqualFold(s[:len(t)], t) {
			rest := s[len(t):]
			if rest == "" || rest[0] == ' ' {
				return s[:len(t)], strings.TrimSpace(rest)
			}
		}
	}
	return "", s
}

// NameParts is a whole name split by SplitName.
type NameParts struct {
	Honorific, Courtesy string
	Given, Family       string
	Native              string
	FamilyFirst         bool
	CapsFamily          bool
	// OrderShown is set when the name showed its order (a family name in
	// capitals): FamilyFirst then says what the list said.
	OrderShown bool
	// Whole is set when the name could not be split safely and is kept
	// whole in Family, for the user to split by hand.
	Whole bool
}

// SplitName splits a whole name from a single name column. It never
// changes a name's spelling, case or hyphenation; it only decides where
// the family name is, and only where the list shows it:
//
//   - a leading honorific and courtesy title are taken off ("H.E. Mr ...");
//   - "Family, Given" is split at the comma ("Mizushima, Koichi");
//   - a family name written in capitals is the family name, first or last
//     ("MIZUSHIMA Koichi" is family first, "Rob MCKINNON" family last),
//     and CapsFamily is set;
//   - one word is a family name (a mononym);
//   - a name only in Chinese, Japanese or Korean script is the native name;
//   - any other name ("Lee Choong-myon", "Rob McKinnon") is kept whole in
//     Family with Whole set: Western and East Asian orders cannot be told
//     apart from spelling, and a wrong split is worse than none.
func SplitName(s string) NameParts {
	var p NameParts
	s = cleanCell(s)
	p.Honorific, s = cutTitle(s, honorifics)
	p.Courtesy, s = cutTitle(s, courtesies)
	if s == "" {
		// The "name" was a title alone: keep it, it is all there is.
		return NameParts{Family: strings.TrimSpace(p.Honorific + " " + p.Courtesy)}
	}
	if isNativeScript(s) {
		p.Native = s
		return p
	}
	if fam, given, ok := strings.Cut(s, ","); ok && cleanCell(fam) != "" && cleanCell(given) != "" {
		p.Family, p.Given = cleanCell(fam), cleanCell(given)
		p.CapsFamily = isCapsWord(p.Family) && !isCapsWord(p.Given)
		return p
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		p.Family = s
		return p
	}
	caps := make([]bool, len(words))
	for i, w := range words {
		caps[i] = isCapsWord(w)
	}
	lead := 0
	for lead < len(words) && caps[lead] {
		lead++
	}
	trail := 0
	for trail < len(words) && caps[len(words)-1-trail] {
		trail++
	}
	inner := slices.Contains(caps[lead:len(words)-trail], true)
	switch {
	case lead > 0 && lead < len(words) && trail == 0 && !inner:
		p.Family, p.Given = strings.Join(words[:lead], " "), strings.Join(words[lead:], " ")
		p.FamilyFirst, p.CapsFamily, p.OrderShown = true, true, true
	case trail > 0 && trail < len(words) && lead == 0 && !inner:
		p.Family, p.Given = strings.Join(words[len(words)-trail:], " "), strings.Join(words[:len(words)-trail], " ")
		p.CapsFamily, p.OrderShown = true, true
	default:
		p.Family, p.Whole = s, true
	}
	return p
}

// isCapsWord reports whether a word is written in capitals: two letters or
// more, every cased letter upper case ("MIZUSHIMA", "O'BRIEN",
// "CHOONG-MYON"); an initial ("J.") is not.
func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// isNativeScript reports whether s is written in Chinese, Japanese or
// Korean script (spaces and punctuation aside) with no Latin letters.
func isNativeScript(s string) bool {
	cjk := false
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana):
			cjk = true
		case unicode.IsLetter(r):
			return false
		}
	}
	return cjk
}

// hasNativeScript reports whether s holds any Chinese, Japanese or Korean
// letters.
func hasNativeScript(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// nameKey is the romanised-name key for duplicate detection: the words of
// the given and family names, lower case and sorted, so that "Koichi
// Mizushima", "MIZUSHIMA Koichi" and "Mizushima, Koichi" meet.
func nameKey(given, family string) string {
	words := strings.Fields(strings.ToLower(strings.NewReplacer(",", " ").Replace(given + " " + family)))
	if len(words) == 0 {
		return ""
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}

// nativeKey is the native-name key for duplicate detection: the name
// without spaces (이충면 and 이 충면 meet).
func nativeKey(native string) string {
	return strings.Join(strings.FieldsFunc(native, unicode.IsSpace), "")
}
