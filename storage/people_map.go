package storage

import (
	"slices"
	"strings"
	"unicode"
)

// Field is a participant field that a column of an imported list can
// fill. Most are named as app.Person's fields are in the file; FieldName
// and FieldAgencyName have no field of their own (see their comments).
type Field string

// The fields an import column can fill.
const (
	FieldHonorific Field = "honorific"
	FieldCourtesy  Field = "courtesy"
	FieldGiven     Field = "given"
	FieldFamily    Field = "family"
	// FieldName is a whole name in one column ("Koichi MIZUSHIMA",
	// "Mizushima, Koichi"), split as SplitName says. It is used only for
	// rows whose given and family name cells are empty.
	FieldName        Field = "name"
	FieldNative      Field = "native"
	FieldFamilyFirst Field = "familyFirst"
	FieldCapsFamily  Field = "capsFamily"
	FieldPosition    Field = "position"
	// FieldAgency is the agency as the list writes it, abbreviation or
	// name ("MOFA", "Ministry of Foreign Affairs"), matched in the side's
	// directory.
	FieldAgency Field = "agency"
	// FieldAgencyName is the agency's full name when the list has it in a
	// column of its own beside the abbreviation: it is matched too, and
	// names a new agency.
	FieldAgencyName Field = "agencyName"
	FieldRole       Field = "role"
	FieldEmail      Field = "email"
	FieldPhone      Field = "phone"
	FieldBio        Field = "bio"
	FieldEducation  Field = "education"
	FieldCareer     Field = "career"
	FieldInterests  Field = "interests"
)

// Fields lists the fields in the order the mapping step offers them.
var Fields = []Field{FieldHonorific, FieldCourtesy, FieldGiven, FieldFamily, FieldName, FieldNative,
	FieldFamilyFirst, FieldCapsFamily, FieldPosition, FieldAgency, FieldAgencyName, FieldRole,
	FieldEmail, FieldPhone, FieldBio, FieldEducation, FieldCareer, FieldInterests}

var fieldLabels = map[Field]string{
	FieldHonorific:   "Honorific",
	FieldCourtesy:    "Title",
	FieldGiven:       "Given name",
	FieldFamily:      "Family name",
	FieldName:        "Full name",
	FieldNative:      "Name (native)",
	FieldFamilyFirst: "Family name first",
	FieldCapsFamily:  "Family name in capitals",
	FieldPosition:    "Position",
	FieldAgency:      "Agency",
	FieldAgencyName:  "Agency (full name)",
	FieldRole:        "Role",
	FieldEmail:       "E-mail",
	FieldPhone:       "Phone",
	FieldBio:         "Biography",
	FieldEducation:   "Education",
	FieldCareer:      "Career",
	FieldInterests:   "Interests",
}

// Label is the field's name for people: the export's column heading and
// the mapping step's choice ("Given name"); the empty field, a column not
// imported, is "(not imported)".
func (f Field) Label() string {
	if f == "" {
		return "(not imported)"
	}
	if l, ok := fieldLabels[f]; ok {
		return l
	}
	return string(f)
}

// fieldAliases are the headings each field is guessed from, compared
// after headingKey (case, punctuation and spacing do not matter).
var fieldAliases = map[Field][]string{
	FieldHonorific: {"honorific", "honorifics", "honourific", "style", "h.e.", "excellency"},
	FieldCourtesy: {"title", "salutation", "courtesy title", "courtesy", "prefix", "mr/ms", "mr/ms/dr",
		"form of address", "敬称", "호칭"},
	FieldGiven: {"first name", "firstname", "given name", "given names", "given name(s)", "givenname",
		"forename", "forenames", "first", "given", "christian name", "first name (english)",
		"given name (english)", "名", "이름"},
	FieldFamily: {"surname", "last name", "lastname", "family name", "familyname", "family", "last",
		"family name (english)", "surname (english)", "last name (english)", "姓", "성"},
	FieldName: {"name", "full name", "fullname", "participant", "participant name", "participants",
		"delegate", "delegate name", "name of participant", "name (english)", "english name",
		"name in english", "names", "name of delegate", "delegation member", "氏名 (英語)"},
	FieldNative: {"name (native)", "native name", "native", "name in native script", "native script",
		"name (native script)", "local name", "name (local)", "漢字", "한글", "kanji", "hanja", "hangul",
		"name (kanji)", "name (hangul)", "name (hanja)", "name in kanji", "name in hangul", "name in hanja",
		"name in chinese", "chinese name", "japanese name", "korean name", "name (chinese)",
		"name (japanese)", "name (korean)", "氏名", "성명", "姓名", "中文名", "中文姓名", "한글 이름", "한글이름", "漢字氏名"},
	FieldFamilyFirst: {"family name first", "family first", "surname first", "name order"},
	FieldCapsFamily: {"family name in capitals", "caps family", "capitalised family name",
		"capitalized family name", "family name in caps", "surname in capitals"},
	FieldPosition: {"position", "pos", "job title", "jobtitle", "designation", "post", "rank", "position title",
		"job", "title/position", "position/title", "current position", "official title", "직위", "직책",
		"職名", "役職", "职务"},
	FieldAgency: {"organisation", "organization", "agency", "ministry", "department", "dept",
		"agency/ministry", "ministry/agency", "affiliation", "institution", "org", "agency (abbreviation)",
		"organisation (abbreviation)", "body", "office", "소속", "기관", "所属", "機関", "单位"},
	FieldAgencyName: {"agency (full name)", "agency name", "organisation name", "organization name",
		"ministry name", "department name", "agency full name", "full agency name"},
	FieldRole: {"role", "delegation role", "role in delegation", "role in the delegation", "function",
		"capacity", "역할", "役割"},
	FieldEmail: {"e-mail", "email", "email address", "e-mail address", "mail", "電子メール", "이메일"},
	FieldPhone: {"phone", "tel", "tel.", "telephone", "mobile", "phone number", "telephone number",
		"contact number", "cell", "mobile phone", "phone/mobile", "전화", "연락처", "電話", "電話番号"},
	FieldBio:       {"biography", "bio", "profile", "biographical note", "약력", "略歴"},
	FieldEducation: {"education", "qualifications", "academic background", "degrees", "학력", "学歴"},
	FieldCareer:    {"career", "career history", "previous posts", "earlier posts", "experience", "경력", "職歴"},
	FieldInterests: {"interests", "hobbies", "personal interests", "ice breakers", "icebreakers", "취미", "趣味"},
}

// aliasField maps a heading key to its field.
var aliasField = func() map[string]Field {
	m := map[string]Field{}
	for _, f := range Fields {
		for _, a := range fieldAliases[f] {
			m[headingKey(a)] = f
		}
	}
	return m
}()

// headingKey reduces a heading to lower-case letters and digits separated
// by single spaces: "Given name(s)" and "given_names" read alike.
func headingKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// nativeWords in a heading that names a name column mark the name in its
// own script: "Name (Korean)", "Japanese name".
var nativeWords = []string{"native", "local", "korean", "japanese", "chinese", "kanji", "hangul", "hanja",
	"漢字", "한글"}

// GuessField guesses the field a column heading names, "" when it names
// none. Exact headings are known in English and a few Japanese, Korean
// and Chinese forms ("Surname", "Given name(s)", "E-mail", "漢字", "한글");
// otherwise a short heading that holds a known one as whole words is
// taken ("Family name (as in passport)"), the longest match winning.
func GuessField(heading string) Field {
	f, _ := guessField(heading)
	return f
}

// guessField is GuessField, also saying whether the heading is a known
// one exactly.
func guessField(heading string) (f Field, exact bool) {
	key := headingKey(heading)
	if key == "" {
		return "", false
	}
	if f, ok := aliasField[key]; ok {
		return f, true
	}
	words := " " + key + " "
	if strings.Contains(words, " name ") || strings.Contains(words, " names ") {
		for _, w := range nativeWords {
			if strings.Contains(words, " "+w+" ") {
				return FieldNative, false
			}
		}
	}
	// A sentence is not a heading: only a few words may stand beside the
	// known heading.
	nwords := strings.Count(key, " ") + 1
	best, bestLen := Field(""), 0
	for alias, f := range aliasField {
		if nwords > strings.Count(alias, " ")+1+3 {
			continue
		}
		// Single short words ("first", "post", "body") are too loose to
		// find inside a longer heading.
		if len(alias) < 4 || !strings.Contains(alias, " ") && len([]rune(alias)) < 5 {
			continue
		}
		if strings.Contains(words, " "+alias+" ") && (len(alias) > bestLen || len(alias) == bestLen && f < best) {
			best, bestLen = f, len(alias)
		}
	}
	return best, false
}

// Mapping says which column (0 for A) fills which field; a field that is
// missing, or mapped to a negative column, is not imported. A column fills
// at most one field.
type Mapping map[Field]int

// Column returns the column that fills the field, or -1.
func (m Mapping) Column(f Field) int {
	if c, ok := m[f]; ok && c >= 0 {
		return c
	}
	return -1
}

// FieldOf returns the field the column fills, or "" when it is ignored.
func (m Mapping) FieldOf(col int) Field {
	for _, f := range Fields {
		if c, ok := m[f]; ok && c == col {
			return f
		}
	}
	return ""
}

// Assign makes the column fill the field, or nothing when f is "": the
// column stops filling what it filled and the field stops coming from
// the column it came from.
func (m Mapping) Assign(col int, f Field) {
	for g, c := range m {
		if c == col {
			delete(m, g)
		}
	}
	if f != "" {
		m[f] = col
	}
}

// Mapped lists the fields the mapping fills, in Fields order.
func (m Mapping) Mapped() []Field {
	var out []Field
	for _, f := range Fields {
		if m.Column(f) >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// GuessMapping guesses the mapping from column headings (GuessField),
// each field from the first column that names it. A full-name column is
// left unmapped when there are given or family name columns. The result
// belongs to the caller, to change as the user chooses.
func GuessMapping(header []string) Mapping {
	m := Mapping{}
	for i, h := range header {
		f := GuessField(h)
		if f == "" {
			continue
		}
		if _, taken := m[f]; !taken {
			m[f] = i
		}
	}
	_, given := m[FieldGiven]
	_, family := m[FieldFamily]
	if given || family {
		delete(m, FieldName)
	}
	return m
}

// GuessMapping guesses the table's mapping from its header.
func (t *Table) GuessMapping() Mapping { return GuessMapping(t.Header) }

// hasNameField reports whether the mapping fills any name field.
func (m Mapping) hasNameField() bool {
	return slices.ContainsFunc([]Field{FieldGiven, FieldFamily, FieldName, FieldNative},
		func(f Field) bool { return m.Column(f) >= 0 })
}
