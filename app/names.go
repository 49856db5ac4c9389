package app

import (
	"strconv"
	"strings"
)

// Name is the person's romanised name without titles, in the order and case
// the person's record asks for: "Rob McKinnon", "MIZUSHIMA Koichi",
// "Lee Choong-myon". Spelling and hyphenation are kept as entered.
func (p *Person) Name() string {
	family := p.Family
	if p.CapsFamily {
		family = strings.ToUpper(family)
	}
	if p.FamilyFirst {
		return join(" ", family, p.Given)
	}
	return join(" ", p.Given, family)
}

// FormalName is the name with honorific and courtesy title:
// "H.E. Mr Koichi Mizushima".
func (p *Person) FormalName() string {
	return join(" ", p.Honorific, p.Courtesy, p.Name())
}

// NameWithNative is the romanised name with the native-script name beside
// it, when there is one: "Koichi Mizushima (水島光一)".
func (p *Person) NameWithNative() string {
	n := p.Name()
	if p.Native == "" || p.Native == n {
		return n
	}
	if n == "" {
		return p.Native
	}
	return n + " (" + p.Native + ")"
}

// Label names the person for messages and lists: the name, or the native
// name, or "(unnamed)".
func (p *Person) Label() string {
	if n := p.Name(); n != "" {
		return n
	}
	if p.Native != "" {
		return p.Native
	}
	return "(unnamed)"
}

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	var b strings.Builder
	for _, s := range parts {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	return b.String()
}

// Ordinal writes a meeting ordinal in English: 1 is "inaugural", then
// "2nd", "3rd", "11th", "22nd".
func Ordinal(n int) string {
	if n == 1 {
		return "inaugural"
	}
	if n <= 0 {
		return ""
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// Count writes a number with its noun, in the plural when the number is
// not one: "1 agency", "3 agencies", "2 people".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + pluralOf(noun)
}

// pluralOf makes the plural of the last word of a noun phrase.
func pluralOf(noun string) string {
	head, last := "", noun
	if i := strings.LastIndexByte(noun, ' '); i >= 0 {
		head, last = noun[:i+1], noun[i+1:]
	}
	switch {
	case last == "person":
		last = "people"
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		last = last[:len(last)-1] + "ies"
	case strings.HasSuffix(last, "s") || strings.HasSuffix(last, "x") || strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		last += "es"
	default:
		last += "s"
	}
	return head + last
}

// Label names the agency briefly: its abbreviation, else its name.
func (a *Agency) Label() string {
	if strings.TrimSpace(a.Abbrev) != "" {
		return a.Abbrev
	}
	return a.Name
}
