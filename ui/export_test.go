package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestExportPack(t *testing.T) {
	e := newTestEditor(t)
	e.exportDialog()
	f := e.exportForm
	if !strings.Contains(f.banner.Text, "PROTECTED") {
		t.Errorf("banner preview %q: the sample's unlikely item is PROTECTED", f.banner.Text)
	}
	// Japan's copy, without the briefs: the banner drops to the meeting's marking.
	f.side.SetSelectedIndex(indexOfString(f.sideIDs, e.doc.Meeting().Details.HostSide))
	for i, s := range f.order {
		if s == "briefs" {
			f.on[s] = false
			f.sections.RefreshItem(i)
		}
	}
	f.preview()
	if !strings.Contains(f.banner.Text, "OFFICIAL: SENSITIVE") {
		t.Errorf("banner without briefs %q", f.banner.Text)
	}
	path := filepath.Join(t.TempDir(), "pack.pdf")
	e.exportTo(path, f.options())
	finished(e)
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("pack not written: %v", err)
	}
	if e.lastExport != path {
		t.Fatal("no export report")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, _ := exec.Command("pdftotext", path, "-").Output()
		if !strings.Contains(string(out), "Japan-Australia Cyber Policy Dialogue") {
			t.Error("Japan's copy does not put Japan first")
		}
	}
	test.Tap(button(t, e, "Close"))
}

func TestExportChangesSinceDraft(t *testing.T) {
	e := newTestEditor(t)
	e.exportDialog()
	f := e.exportForm
	f.changes.SetSelectedIndex(1)
	if o := f.options(); o.ChangesSince != 1 {
		t.Fatalf("changes since %d", o.ChangesSince)
	}
	f.mode.SetSelected(modeFinal)
	if !f.changes.Disabled() || f.options().ChangesSince != 0 {
		t.Fatal("a final pack still asks for the changes since a draft")
	}
	f.mode.SetSelected(modeDraft)
	f.changes.SetSelectedIndex(1)
	path := filepath.Join(t.TempDir(), "pack.pdf")
	e.exportTo(path, f.options())
	finished(e)
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, _ := exec.Command("pdftotext", path, "-").Output()
		if !strings.Contains(string(out), "Changes since draft 1") {
			t.Error("no changes section in the pack")
		}
	}
}

func TestFinalPackRefusedListsOpenItems(t *testing.T) {
	e := newTestEditor(t)
	e.exportDialog()
	f := e.exportForm
	f.mode.SetSelected(modeFinal)
	path := filepath.Join(t.TempDir(), "final.pdf")
	e.exportTo(path, f.options())
	finished(e)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a final pack was written with brackets open")
	}
	if e.lastError == nil || !strings.Contains(e.lastError.Error(), "5 bis") {
		t.Fatalf("refusal: %v", e.lastError)
	}
}
