package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestSampleRoundTripAndGolden(t *testing.T) {
	m := sample.Sample()
	data, err := Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "sample.parley")
	if *update {
		if err := os.WriteFile(golden, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./storage -update to create it)", err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("the sample's encoding differs from %s (run go test ./storage -update if the change is intended)", golden)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, m) {
		t.Error("sample -> encode -> decode is not equal to the sample")
	}
	again, err := Encode(back)
	if err != nil || !bytes.Equal(again, data) {
		t.Error("encoding is not stable")
	}
	if !strings.HasPrefix(string(data), "{\n  \"format\": \"parley\",\n  \"version\": \""+Current.String()+"\",") {
		t.Errorf("file does not start with the format marker and version:\n%.80s", data)
	}
}

func TestLargeRoundTrip(t *testing.T) {
	m := sample.Large(sample.LargeOptions{Native: true, Japanese: true})
	data, err := Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	back, probs, err := Validated(data)
	if err != nil {
		t.Fatal(err)
	}
	if app.HasFatal(probs) {
		t.Fatalf("large meeting has fatal problems: %v", probs[0])
	}
	if !reflect.DeepEqual(back, m) {
		for i := range m.Versions {
			if !reflect.DeepEqual(back.Versions[i], m.Versions[i]) {
				t.Fatalf("draft %d differs after a round trip", m.Versions[i].Number)
			}
		}
		t.Fatal("large meeting differs after a round trip")
	}
}

func TestBadInput(t *testing.T) {
	good, err := Encode(sample.Sample())
	if err != nil {
		t.Fatal(err)
	}
	cur := `"version": "` + Current.String() + `"`
	replace := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("sample encoding lacks %q", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	cases := []struct {
		name string
		data []byte
		kind error
		want string
	}{
		{"empty", []byte(""), ErrNotParley, "the file is empty"},
		{"truncated", good[:len(good)/2], ErrCorrupt, "the file ends too early (truncated)"},
		{"not JSON", []byte("PK\x03\x04 this is a zip"), ErrCorrupt, "line 1, column 1: invalid JSON"},
		{"other JSON", []byte(`{"name": "my notes"}`), ErrNotParley, `not a Parley meeting file (no "format": "parley" marker)`},
		{"invalid UTF-8", append(append([]byte{}, good[:200]...), append([]byte{0xff, 0xfe}, good[200:]...)...), ErrCorrupt, "invalid UTF-8"},
		{"wrong type", replace(`"given": "Koichi"`, `"given": 42`), ErrCorrupt,
			`people[0] ("Mizushima"), field "given" (line`},
		{"wrong type in list", replace(`"minutes": 45`, `"minutes": "45"`), ErrCorrupt, `programme[1] ("Cybersecurity strategies and policies"), field "minutes"`},
		{"newer major", replace(cur, `"version": "2.0"`), ErrNewer,
			"made by a newer Parley (format 2.0); this build reads up to 1.x"},
		{"bad version", replace(cur, `"version": "one"`), ErrCorrupt, `format version "one"`},
		{"no version", replace(cur+",", ``), ErrCorrupt, "the format version is missing"},
		{"null record", replace(`"people": [`, `"people": [null,`), ErrCorrupt, "people[0]: is null"},
		{"bad revision", replace(`"clock": {}`, `"clock": {}, "deleted": [{"kind": "person", "id": "x", "dot": "nonsense"}]`), ErrCorrupt, `revision "nonsense"`},
		{"duplicate ID", replace(`"id": "`+sample.Sample().People[1].ID+`"`, `"id": "`+sample.Sample().People[0].ID+`"`), ErrInvalid,
			`participant 2 ("YAMADA Takeshi"): duplicate ID`},
		{"dangling reference", replace(`"agency": "`+sample.Sample().People[0].Agency+`"`, `"agency": "00000000-0000-0000-0000-000000000000"`), ErrInvalid,
			`participant 1 ("Koichi Mizushima"): agency refers to agency 00000000-0000-0000-0000-000000000000, which does not exist`},
		{"too large", make([]byte, MaxSize+1), ErrTooLarge, "over the 64 MiB limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Validated(c.data)
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, c.kind) {
				t.Errorf("error kind: %v, want %v", err, c.kind)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

func TestLoadNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "meeting.parley")
	if err := os.WriteFile(path, []byte(`{"format":"parley","version":"1.0","people":[{"id":"a","given":7}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Load(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+`: people[0], field "given"`) {
		t.Fatalf("error %v", err)
	}
	_, _, err = Load(filepath.Join(dir, "missing.parley"))
	if err == nil || !strings.Contains(err.Error(), "missing.parley: no such file") {
		t.Fatalf("missing file: %v", err)
	}
	_, _, err = Load(dir)
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("folder: %v", err)
	}
}

func TestNewerMinorFieldsAreKept(t *testing.T) {
	good, _ := Encode(sample.Sample())
	var top map[string]json.RawMessage
	if err := json.Unmarshal(good, &top); err != nil {
		t.Fatal(err)
	}
	top["version"] = json.RawMessage(`"1.3"`)
	top["travel"] = json.RawMessage(`{"flights":["QF25"]}`)
	var people []map[string]json.RawMessage
	_ = json.Unmarshal(top["people"], &people)
	people[0]["pronouns"] = json.RawMessage(`"he/him"`)
	top["people"], _ = json.Marshal(people)
	newer, _ := json.Marshal(top)

	m, err := Decode(newer)
	if err != nil {
		t.Fatal(err)
	}
	m.People[0].Position = "Ambassador"
	out, err := Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"version": "1.3"`, `"pronouns": "he/him"`, `"travel": {`, `"QF25"`, `"position": "Ambassador"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("saved file lost %s", want)
		}
	}
	if _, err := Decode(out); err != nil {
		t.Fatalf("re-read: %v", err)
	}
}

func TestNewerMajorIsNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "future.parley")
	future := []byte("{\n  \"format\": \"parley\",\n  \"version\": \"2.0\",\n  \"everything\": \"different\"\n}\n")
	if err := os.WriteFile(path, future, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(path); !errors.Is(err, ErrNewer) {
		t.Fatalf("load: %v", err)
	}
	err := Save(path, sample.Sample())
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), "not overwriting it") {
		t.Fatalf("save over a newer file: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, future) {
		t.Fatal("the newer file was changed")
	}
	notes := filepath.Join(dir, "notes.txt")
	_ = os.WriteFile(notes, []byte("my notes"), 0o644)
	if err := Save(notes, sample.Sample()); !errors.Is(err, ErrNotParley) {
		t.Fatalf("save over a non-meeting file: %v", err)
	}
}

func TestMigrations(t *testing.T) {
	saved := migrations
	defer func() { migrations = saved }()
	// A pretend format 0.9 that called the programme "agenda".
	migrations = []Migration{{From: Version{0, 9}, To: Version{1, 0}, Note: "agenda renamed programme",
		Apply: func(top map[string]json.RawMessage) error {
			top["programme"] = top["agenda"]
			delete(top, "agenda")
			return nil
		}}}
	good, _ := Encode(sample.Sample())
	old := bytes.Replace(good, []byte(`"programme":`), []byte(`"agenda":`), 1)
	old = bytes.Replace(old, []byte(`"version": "`+Current.String()+`"`), []byte(`"version": "0.9"`), 1)
	m, err := Decode(old)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Items) != len(sample.Sample().Items) {
		t.Fatalf("migration lost the programme: %d items", len(m.Items))
	}
	older := bytes.Replace(old, []byte(`"version": "0.9"`), []byte(`"version": "0.1"`), 1)
	if _, err := Decode(older); err == nil || !strings.Contains(err.Error(), "older than any this build can convert") {
		t.Fatalf("unconvertible version: %v", err)
	}
}
