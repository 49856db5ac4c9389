package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"parley/app/sample"
)

// TestByteOrderMark: a meeting file that starts with a UTF-8 byte-order
// mark (as some Windows editors save it) is read, and saved over, and
// Parley writes it back without the mark.
func TestByteOrderMark(t *testing.T) {
	plain, err := Encode(sample.Sample())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "meeting.parley")
	if err := os.WriteFile(path, append([]byte("\uFEFF"), plain...), 0o644); err != nil {
		t.Fatal(err)
	}
	m, _, fp, err := LoadTracked(path)
	if err != nil {
		t.Fatalf("a file with a byte-order mark is refused: %v", err)
	}
	if m.Details.Topic != sample.Sample().Details.Topic {
		t.Fatalf("read %q", m.Details.Topic)
	}
	m.Details.Topic = "Saved over a file with a byte-order mark"
	if _, err := SaveChecked(path, m, fp); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if bytes.HasPrefix(got, []byte("\uFEFF")) || !bytes.HasPrefix(got, []byte("{")) {
		t.Fatalf("written with a byte-order mark: %.20q", got)
	}
	// The mark alone, or before something that is not a meeting, is still
	// refused for what it is.
	for _, c := range []struct{ data, want string }{
		{"\uFEFF", "empty"},
		{"\uFEFF{\"format\": \"other\"}", "not a Parley meeting file"},
	} {
		if _, err := Decode([]byte(c.data)); err == nil || !bytes.Contains([]byte(err.Error()), []byte(c.want)) {
			t.Errorf("%q: %v", c.data, err)
		}
	}
}
