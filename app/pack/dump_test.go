package pack

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// TestWritePacks writes the sample and large packs to the folder named by
// PARLEY_PACK_OUT, to look at them; it does nothing otherwise.
func TestWritePacks(t *testing.T) {
	dir := os.Getenv("PARLEY_PACK_OUT")
	if dir == "" {
		t.Skip("set PARLEY_PACK_OUT to a folder to write the packs there")
	}
	s := sample.Sample()
	jp, _ := s.FindSide("JP")
	cases := []struct {
		name string
		o    Options
		big  bool
		cjk  bool
	}{
		{"sample-au.pdf", Options{}, false, false},
		{"sample-jp-letter.pdf", Options{Side: jp.ID, Paper: Letter, LineNumbers: true}, false, false},
		{"sample-strip.pdf", Options{StripNotForDisclosure: true}, false, false},
		{"sample-changes.pdf", Options{ChangesSince: 1}, false, false},
		{"large.pdf", Options{}, true, false},
		{"large-cjk.pdf", Options{LineNumbers: true}, true, true},
		{"large-changes.pdf", Options{ChangesSince: 1}, true, false},
	}
	for _, c := range cases {
		m := s
		if c.big {
			m = sample.Large(sample.LargeOptions{Native: c.cjk, Japanese: c.cjk})
		}
		out, err := Render(context.Background(), m, c.o, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.name), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteSeedPack writes the seed 000 pack (Korean and Japanese text)
// to PARLEY_PACK_OUT.
func TestWriteSeedPack(t *testing.T) {
	dir := os.Getenv("PARLEY_PACK_OUT")
	if dir == "" {
		t.Skip("set PARLEY_PACK_OUT to a folder to write the pack there")
	}
	m := seedMeeting(t)
	out := render(t, m, Options{Side: side(t, m, "KR"), Final: true, Marking: &app.Marking{Scheme: "KR", Level: "대외비"}})
	if err := os.WriteFile(filepath.Join(dir, "seed-kr-final.pdf"), out, 0o644); err != nil {
		t.Fatal(err)
	}
}
