package app

import (
	"slices"
	"strings"
)

// Marking is a security classification: a level from a scheme with its
// markers and caveats, or a custom text.
type Marking struct {
	// Scheme is a scheme code (AU, UK, NZ, JP, KR) or "custom".
	Scheme string `json:"scheme,omitempty"`
	Level  string `json:"level,omitempty"`
	// Extras are markers and caveats, joined to the level by "//".
	Extras []string `json:"extras,omitempty"`
	// Custom is the whole text of a custom marking; Red prints it in red.
	Custom string `json:"custom,omitempty"`
	Red    bool   `json:"red,omitempty"`
}

// SchemeCustom is the scheme of a custom marking.
const SchemeCustom = "custom"

// Scheme is a national marking scheme: its levels from lowest to highest.
type Scheme struct {
	Code   string
	Name   string
	Levels []Level
	// Extras are the usual markers and caveats, offered as suggestions.
	Extras []string
}

// Level is one level of a scheme.
type Level struct {
	Name string
	// Red asks for the banner to be printed in red.
	Red bool
}

// Schemes are the marking presets.
var Schemes = []Scheme{
	{Code: "AU", Name: "Australia (PSPF)", Levels: []Level{
		{Name: "UNOFFICIAL"}, {Name: "OFFICIAL"}, {Name: "OFFICIAL: Sensitive"},
		{Name: "PROTECTED", Red: true}, {Name: "SECRET", Red: true}, {Name: "TOP SECRET", Red: true}},
		Extras: []string{"Legal-Privilege", "Legislative-Secrecy", "Personal-Privacy", "AUSTEO", "AGAO", "REL AUS/JPN", "CABINET"}},
	{Code: "UK", Name: "United Kingdom", Levels: []Level{
		{Name: "OFFICIAL"}, {Name: "OFFICIAL-SENSITIVE"}, {Name: "SECRET", Red: true}, {Name: "TOP SECRET", Red: true}},
		Extras: []string{"UK EYES ONLY"}},
	{Code: "NZ", Name: "New Zealand", Levels: []Level{
		{Name: "UNCLASSIFIED"}, {Name: "IN-CONFIDENCE"}, {Name: "SENSITIVE"}, {Name: "RESTRICTED"},
		{Name: "CONFIDENTIAL", Red: true}, {Name: "SECRET", Red: true}, {Name: "TOP SECRET", Red: true}},
		Extras: []string{"NZEO", "APPOINTMENTS", "BUDGET"}},
	{Code: "JP", Name: "Japan", Levels: []Level{
		{Name: "機密性1"}, {Name: "機密性2"}, {Name: "機密性3"}, {Name: "秘", Red: true}, {Name: "極秘", Red: true}},
		Extras: []string{"取扱制限", "関係者限り"}},
	{Code: "KR", Name: "Korea", Levels: []Level{
		{Name: "일반"}, {Name: "대외비"}, {Name: "Ⅲ급 비밀", Red: true}, {Name: "Ⅱ급 비밀", Red: true}, {Name: "Ⅰ급 비밀", Red: true}},
		Extras: []string{"열람제한"}},
}

// SchemeByCode finds a preset scheme by code, in any case.
func SchemeByCode(code string) (Scheme, bool) {
	for _, s := range Schemes {
		if strings.EqualFold(s.Code, code) {
			return s, true
		}
	}
	return Scheme{}, false
}

// IsZero reports whether no marking is set.
func (m Marking) IsZero() bool {
	return m.Scheme == "" && m.Level == "" && len(m.Extras) == 0 && m.Custom == "" && !m.Red
}

// Equal reports whether two markings are the same.
func (m Marking) Equal(o Marking) bool {
	return m.Scheme == o.Scheme && m.Level == o.Level && slices.Equal(m.Extras, o.Extras) &&
		m.Custom == o.Custom && m.Red == o.Red
}

// Banner is the text printed top and bottom of every page, in capitals.
func (m Marking) Banner() string {
	if m.Scheme == SchemeCustom {
		return strings.ToUpper(strings.TrimSpace(m.Custom))
	}
	parts := []string{m.Level}
	parts = append(parts, m.Extras...)
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.ToUpper(p))
		}
	}
	return strings.Join(out, "//")
}

// IsRed reports whether the banner is printed in red.
func (m Marking) IsRed() bool {
	if m.Scheme == SchemeCustom {
		return m.Red
	}
	if s, ok := SchemeByCode(m.Scheme); ok {
		for _, l := range s.Levels {
			if l.Name == m.Level {
				return l.Red
			}
		}
	}
	return false
}

// Rank is the level's place in its scheme (0 lowest), -1 for an unknown
// level and a large number for a custom marking, which always prevails.
func (m Marking) Rank() int {
	if m.Scheme == SchemeCustom {
		return 1 << 20
	}
	if s, ok := SchemeByCode(m.Scheme); ok {
		for i, l := range s.Levels {
			if l.Name == m.Level {
				return i
			}
		}
	}
	return -1
}

// Validate reports what is wrong with the marking, or "".
func (m Marking) Validate() string {
	if m.IsZero() {
		return ""
	}
	if m.Scheme == SchemeCustom {
		if strings.TrimSpace(m.Custom) == "" {
			return "custom marking has no text"
		}
		return ""
	}
	if _, ok := SchemeByCode(m.Scheme); !ok {
		return "unknown marking scheme " + quote(m.Scheme) + " (use AU, UK, NZ, JP, KR or custom)"
	}
	if m.Rank() < 0 {
		return "marking level " + quote(m.Level) + " is not in the " + m.Scheme + " scheme"
	}
	return ""
}

// Highest returns the highest of the markings: the one of highest rank,
// with the markers and caveats of every marking joined. Zero markings are
// ignored.
func Highest(ms ...Marking) Marking {
	var best Marking
	found := false
	var extras []string
	for _, m := range ms {
		if m.IsZero() {
			continue
		}
		if !found || m.Rank() > best.Rank() {
			best = m
			found = true
		}
		for _, e := range m.Extras {
			if !slices.Contains(extras, e) {
				extras = append(extras, e)
			}
		}
	}
	if found && best.Scheme != SchemeCustom {
		best.Extras = extras
	}
	return best
}

// ParseMarking reads a marking as typed on the command line: a preset
// level with "//" extras ("PROTECTED//AUSTEO", "official: sensitive"),
// matched in any case against the schemes (the given scheme first), or else a
// custom marking.
func ParseMarking(s string, preferScheme string) Marking {
	parts := strings.Split(s, "//")
	level := strings.TrimSpace(parts[0])
	var extras []string
	for _, p := range parts[1:] {
		if p = strings.TrimSpace(p); p != "" {
			extras = append(extras, p)
		}
	}
	order := make([]Scheme, 0, len(Schemes))
	if sc, ok := SchemeByCode(preferScheme); ok {
		order = append(order, sc)
	}
	order = append(order, Schemes...)
	for _, sc := range order {
		for _, l := range sc.Levels {
			if strings.EqualFold(l.Name, level) {
				return Marking{Scheme: sc.Code, Level: l.Name, Extras: extras}
			}
		}
	}
	return Marking{Scheme: SchemeCustom, Custom: strings.TrimSpace(s)}
}

func quote(s string) string { return "\"" + s + "\"" }
