package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// TestFormat10Reads: a file of format 1.0, written before the series
// fields, reads as it always did and is written back as the current format.
func TestFormat10Reads(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "format-1.0.parley"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"version": "1.0"`)) {
		t.Fatal("the fixture is not a format 1.0 file")
	}
	m, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, sample.Sample()) {
		t.Error("a 1.0 file reads differently")
	}
	out, err := Encode(m)
	if err != nil || !bytes.Contains(out, []byte(`"version": "`+Current.String()+`"`)) {
		t.Errorf("written back as %.60s (%v)", out, err)
	}
}

// TestSeriesFieldsRoundTrip: the fields of the next meeting (participants
// to confirm, last time's briefs, earlier agreed language) and of a
// multilateral series (group name) survive a save and a load.
func TestSeriesFieldsRoundTrip(t *testing.T) {
	next, _, err := app.Next(sample.Multilateral(), app.NextOptions{File: "quad-3.parley", ID: "quad-4"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "quad-4.parley")
	if err := Save(path, next); err != nil {
		t.Fatal(err)
	}
	back, _, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, next) {
		t.Fatal("the next meeting differs after a save and a load")
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"groupName": "Quad Senior Cyber Group"`, `"toConfirm": true`, `"lastTime": {`, `"earlier": [`,
		`"file": "quad-3.parley"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the file lacks %s", want)
		}
	}
	if len(back.Statement.Earlier) == 0 || back.Items[1].LastTime == nil {
		t.Error("earlier agreed language or last time's brief lost")
	}
}
