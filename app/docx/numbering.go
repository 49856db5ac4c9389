package docx

import (
	"strconv"
	"strings"

	"parley/app"
)

// Word's automatic numbering, as a reader sees it: a paragraph names a
// numbering instance (w:numId) and a level (w:ilvl); the instance points
// to an abstract numbering whose level has a start value, a format
// (decimal, lowerLetter, lowerRoman...) and a text ("%1.", "(%2)"). The
// numbers are counted as Word counts them: per abstract numbering (per
// instance when it restarts a level), a level restarting under a higher
// one.

// numLevel is one level of a numbering.
type numLevel struct {
	start        int
	format, text string
}

// numbering holds the numbering part and the counts so far.
type numbering struct {
	abstracts map[string]*[9]numLevel
	// links maps an abstract numbering that only points to a numbering
	// style (w:numStyleLink) to the style.
	links map[string]string
	nums  map[string]numInst
	count map[string]*[9]int
	// styleNum resolves a numbering style to its instance.
	styleNum func(style string) string
}

// numInst is a w:num: its abstract numbering and level overrides.
type numInst struct {
	abstract  string
	overrides map[int]numLevel
}

// readNumbering reads numbering.xml (nil: no numbering part).
func readNumbering(root *node, styleNum func(string) string) *numbering {
	n := &numbering{abstracts: map[string]*[9]numLevel{}, links: map[string]string{}, nums: map[string]numInst{},
		count: map[string]*[9]int{}, styleNum: styleNum}
	if root == nil {
		return n
	}
	for _, k := range root.kids {
		switch {
		case k.w("abstractNum"):
			var lv [9]numLevel
			for i := range lv {
				lv[i] = numLevel{start: 1, format: "decimal"}
			}
			for _, l := range k.kids {
				if !l.w("lvl") {
					continue
				}
				i, err := strconv.Atoi(l.attr("ilvl"))
				if err != nil || i < 0 || i > 8 {
					continue
				}
				lv[i] = readLevel(l, lv[i])
			}
			id := k.attr("abstractNumId")
			n.abstracts[id] = &lv
			if s := k.val("numStyleLink"); s != "" {
				n.links[id] = s
			}
		case k.w("num"):
			inst := numInst{abstract: k.val("abstractNumId"), overrides: map[int]numLevel{}}
			for _, o := range k.kids {
				if !o.w("lvlOverride") {
					continue
				}
				i, err := strconv.Atoi(o.attr("ilvl"))
				if err != nil || i < 0 || i > 8 {
					continue
				}
				l := numLevel{start: -1}
				if so := o.child("startOverride"); so != nil {
					l.start, _ = strconv.Atoi(so.attr("val"))
				}
				if lvl := o.child("lvl"); lvl != nil {
					l = readLevel(lvl, l)
				}
				inst.overrides[i] = l
			}
			n.nums[k.attr("numId")] = inst
		}
	}
	return n
}

func readLevel(l *node, base numLevel) numLevel {
	if s := l.child("start"); s != nil {
		if v, err := strconv.Atoi(s.attr("val")); err == nil {
			base.start = v
		}
	}
	if f := l.val("numFmt"); f != "" {
		base.format = f
	}
	if t := l.child("lvlText"); t != nil {
		base.text = t.attr("val")
	}
	return base
}

// levels returns the levels of a numbering instance and the key its
// counts are kept under.
func (n *numbering) levels(numID string) ([9]numLevel, string, bool) {
	inst, ok := n.nums[numID]
	if !ok || numID == "0" {
		return [9]numLevel{}, "", false
	}
	abs := inst.abstract
	for range 3 { // an abstract numbering that points to a numbering style
		s, ok := n.links[abs]
		if !ok || n.styleNum == nil {
			break
		}
		next, ok := n.nums[n.styleNum(s)]
		if !ok {
			break
		}
		abs = next.abstract
	}
	lv, ok := n.abstracts[abs]
	if !ok {
		return [9]numLevel{}, "", false
	}
	out := *lv
	key := "a" + abs
	for i, o := range inst.overrides {
		key = "n" + numID
		if o.format != "" {
			out[i] = o
		} else if o.start >= 0 {
			out[i].start = o.start
		}
	}
	return out, key, true
}

// label counts a numbered paragraph and returns its label in the draft
// convention: "3." for decimal, "(b)" for letters, "(iv)" for Roman
// numerals, "-" for a bullet, with "bis" and the like when the level's
// text has them ("%1 bis."). ok is false when the paragraph is not
// numbered after all.
func (n *numbering) label(numID string, ilvl int) (string, bool) {
	lv, key, ok := n.levels(numID)
	if !ok {
		return "", false
	}
	ilvl = min(max(ilvl, 0), 8)
	c := n.count[key]
	if c == nil {
		c = &[9]int{}
		for i := range c {
			c[i] = -1
		}
		n.count[key] = c
	}
	l := lv[ilvl]
	if c[ilvl] < 0 {
		c[ilvl] = l.start
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < 9; i++ {
		c[i] = -1
	}
	v := c[ilvl]
	var out string
	switch l.format {
	case "none":
		return "", true
	case "bullet":
		return "-", true
	case "lowerLetter", "upperLetter":
		out = "(" + app.Letters(v) + ")"
	case "lowerRoman", "upperRoman":
		out = "(" + app.Roman(v) + ")"
	default:
		if ilvl == 0 {
			out = strconv.Itoa(v) + "."
		} else {
			out = "(" + app.Letters(v) + ")"
		}
	}
	for i := 1; i <= 9; i++ {
		suffix := app.AltSuffix(i)
		if strings.Contains(" "+strings.ToLower(l.text)+" ", " "+suffix) || strings.Contains(strings.ToLower(l.text), "%"+strconv.Itoa(ilvl+1)+suffix) {
			out = strings.TrimSuffix(out, ".") + " " + suffix + "."
			break
		}
	}
	return out, true
}
