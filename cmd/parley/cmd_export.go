package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"parley/app"
	"parley/app/docx"
	"parley/app/pack"
)

const exportUsage = "export FILE.parley -o OUT.pdf|OUT.docx|- [--side CODE] [--order auto|alphabetical|fixed|own] [--sections cover,contents,...] [--item N] [--changes-since N] [--final] " +
	"[--paper a4|letter] [--line-numbers] [--strip-not-for-disclosure] [--marking \"...\"] [--version V] [--date YYYY-MM-DD]"

func init() {
	register("export", command{summary: "write the briefing pack as a PDF, or its text as a Word document (-o OUT.docx) (exit 3 when --final is refused)",
		usage: exportUsage, run: cmdExport})
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", exportUsage, stderr)
	out := fs.String("o", "", "where to write the pack: a PDF, or a Word document when it ends in .docx (- for the PDF on standard output)")
	item := fs.String("item", "", "Word: only the brief of this programme item, by its number in the pack (3, or 3.1), with its sub-items")
	side := fs.String("side", "", "whose copy: a side's code, short name or name, in any case (default: our side)")
	order := fs.String("order", "", "order of the sides in every section: auto (bilateral: this copy's side first; multilateral: host first, then alphabetical), "+
		"alphabetical (host first, then alphabetical), fixed (as set in the meeting) or own (this copy's side first)")
	sections := fs.String("sections", "", "sections in order, comma-separated (default: "+sectionList()+
		"; optional: changes, placed where listed)")
	changesSince := fs.Int("changes-since", 0, "add the section 'Changes since draft N': the redline from draft N to the current text "+
		"(after the statement unless --sections places it; not in a final pack)")
	final := fs.Bool("final", false, "final pack: refused while the statement has brackets, alternatives or ad ref paragraphs")
	paper := fs.String("paper", pack.A4, "paper size: a4 or letter")
	lineNumbers := fs.Bool("line-numbers", false, "number the lines of the statement (PDF only)")
	strip := fs.Bool("strip-not-for-disclosure", false, "leave out background marked not for disclosure")
	marking := fs.String("marking", "", "banner marking instead of the computed one (\"PROTECTED//AUSTEO\", or any custom text)")
	version := fs.String("version", "", "version printed on the cover and footers (default: the latest draft's number)")
	date := fs.String("date", "", "date printed on the cover and footers, YYYY-MM-DD (default: the latest draft's date)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(stderr, exportUsage, "name one meeting file")
	}
	if *out == "" {
		return usageError(stderr, exportUsage, "say where to write the pack with -o OUT.pdf or -o OUT.docx")
	}
	word := isWord(*out)
	if word && !strings.EqualFold(filepath.Ext(*out), ".docx") {
		return usageError(stderr, exportUsage, "-o: Parley writes Word documents as .docx (not %s)", filepath.Ext(*out))
	}
	if !word && *item != "" {
		return usageError(stderr, exportUsage, "--item: one item's brief is written as a Word document (-o OUT.docx); the PDF holds every brief")
	}
	if word && *changesSince != 0 {
		return usageError(stderr, exportUsage, "--changes-since: the Word pack does not hold the redline; write it as tracked changes with parley diff FILE --from N -o changes.docx")
	}
	secs, err := pack.ParseSections(*sections)
	if err != nil {
		return usageError(stderr, exportUsage, "--sections: %v", err)
	}
	p := strings.ToLower(strings.TrimSpace(*paper))
	if p != pack.A4 && p != pack.Letter {
		return usageError(stderr, exportUsage, "--paper: unknown paper size %q (use a4 or letter)", *paper)
	}
	changesSet := false
	fs.Visit(func(f *flag.Flag) { changesSet = changesSet || f.Name == "changes-since" })
	if *sections != "" && slices.Contains(secs, pack.Changes) && *changesSince == 0 {
		return usageError(stderr, exportUsage, "--sections lists changes: say since which draft with --changes-since N")
	}
	if *final && (*changesSince != 0 || slices.Contains(secs, pack.Changes)) {
		return usageError(stderr, exportUsage, "--changes-since: %v", pack.ErrFinalChanges)
	}
	sideOrder, err := app.ParseSideOrder(*order)
	if err != nil {
		return usageError(stderr, exportUsage, "--order: %v", err)
	}
	path := pos[0]
	m, _, code := loadMeeting(path, stderr)
	if code != exitOK {
		return code
	}
	if changesSet && *changesSince == 0 {
		// 0 would mean no section: say which drafts there are.
		return usageError(stderr, exportUsage, "--changes-since: %v", &pack.NoDraftError{Number: 0, Drafts: draftNumbers(m)})
	}
	o := pack.Options{SideOrder: sideOrder, Sections: secs, ChangesSince: *changesSince, Final: *final, Paper: p, LineNumbers: *lineNumbers,
		StripNotForDisclosure: *strip, Version: *version, Date: *date}
	if *side != "" {
		s, err := findSide(m, *side)
		if err != nil {
			return usageError(stderr, exportUsage, "--side: %v", err)
		}
		o.Side = s.ID
	}
	if *marking != "" {
		scheme := m.Details.Marking.Scheme
		mk := app.ParseMarking(*marking, scheme)
		if msg := mk.Validate(); msg != "" {
			return usageError(stderr, exportUsage, "--marking: %s", msg)
		}
		o.Marking = &mk
	}
	var pdf []byte
	if word {
		pdf, err = wordPack(m, o, secs, *sections != "", *item)
		if err != nil && !errors.As(err, new(*pack.FinalRefusedError)) {
			return usageError(stderr, exportUsage, "%v", err)
		}
	} else {
		pdf, err = pack.Render(context.Background(), m, o, nil)
	}
	if err != nil {
		var refused *pack.FinalRefusedError
		var noDraft *pack.NoDraftError
		if errors.As(err, &noDraft) {
			return usageError(stderr, exportUsage, "--changes-since: %v", noDraft)
		}
		if errors.As(err, &refused) {
			fmt.Fprintf(stderr, "%s: final pack refused: %d open item(s) in the statement; resolve them or export a draft:\n",
				path, len(refused.Open))
			for _, it := range refused.Open {
				fmt.Fprintf(stderr, "%s: %s\n", path, it)
			}
			return exitRefused
		}
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		return exitBad
	}
	return writeOut(*out, pdf, stdout, stderr)
}

// wordPack writes the pack's text as a Word document. listed says the
// sections were chosen; item is a brief's number, or empty.
func wordPack(m *app.Meeting, o pack.Options, secs []pack.Section, listed bool, item string) ([]byte, error) {
	wo := docx.PackOptions{Side: o.Side, SideOrder: o.SideOrder, Final: o.Final, Paper: o.Paper, StripNotForDisclosure: o.StripNotForDisclosure,
		Marking: o.Marking, Version: o.Version, Date: o.Date}
	if listed {
		for _, s := range secs {
			wo.Sections = append(wo.Sections, string(s))
		}
	}
	if item != "" {
		sched := m.Schedule()
		for id, n := range sched.BriefNumbers() {
			if n == strings.TrimSpace(item) {
				wo.Item = id
			}
		}
		if wo.Item == "" {
			var nums []string
			for _, sl := range sched.BriefSlots() {
				nums = append(nums, sched.BriefNumbers()[sl.Item.ID]+" "+sl.Item.Title)
			}
			return nil, fmt.Errorf("--item: there is no brief %q (the briefs are %s)", item, strings.Join(nums, "; "))
		}
		if !listed {
			wo.Sections = []string{"briefs"}
		}
	}
	return docx.Pack(m, wo)
}

// draftNumbers lists the meeting's draft numbers in order.
func draftNumbers(m *app.Meeting) []int {
	var out []int
	for _, v := range m.Versions {
		out = append(out, v.Number)
	}
	slices.Sort(out)
	return out
}

func sectionList() string {
	names := make([]string, len(pack.Sections))
	for i, s := range pack.Sections {
		names[i] = string(s)
	}
	return strings.Join(names, ",")
}
