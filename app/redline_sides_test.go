package app

import (
	"strings"
	"testing"
)

// TestRedlineAttributesEachChange compares draft 1 (ours, sent to Japan)
// with the current text through draft 2 (received from Japan): Japan's
// changes are Japan's, ours ours, and a word Japan added that we took out
// again does not show.
func TestRedlineAttributesEachChange(t *testing.T) {
	m := stmtMeeting()
	d := NewDocument(m)
	doE(t, d)(m.SaveDraftEdit("ours", "2016-07-01", DirSent, "jp"))
	doE(t, d)(m.SetTextEdit("p1", "The Participants will closely cooperate on cyber issues."))
	doE(t, d)(m.SetLeadInEdit("p2", "Pillars"))
	doE(t, d)(m.SaveDraftEdit("Japan's comments", "2016-07-10", DirReceived, "jp"))
	doE(t, d)(m.SetTextEdit("p1", "The Participants will cooperate on cyber issues and meet."))
	doE(t, d)(m.SetTextEdit("p2b", "meet each year."))
	r, err := m.Redline(1, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range r.Paragraphs {
		var b strings.Builder
		for _, run := range append(p.LeadIn, p.Text...) {
			switch run.Op {
			case RunInsert:
				b.WriteString("{+" + run.Text + "+}" + run.Side + " ")
			case RunDelete:
				b.WriteString("[-" + run.Text + "-]" + run.Side + " ")
			}
		}
		got[p.ID] = strings.TrimSpace(b.String())
	}
	want := map[string]string{
		"p1":  "{+ on cyber issues +}jp {+and meet+}au",
		"p2":  "{+Pillars+}jp",
		"p2b": "[-annually-]au {+each year+}au",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %s, want %s", id, got[id], w)
		}
	}
	// One step: every change is the later text's side.
	r, err = m.Redline(2, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Paragraphs {
		for _, run := range p.Text {
			if run.Op != RunEqual && run.Side != "au" {
				t.Errorf("%s: %+v attributed to %q", p.ID, run, run.Side)
			}
		}
	}
}
