package storage

import (
	"bytes"
	"testing"

	"parley/app/sample"
)

// FuzzDecode feeds the decoder damaged and hostile files: it must return a
// meeting or an error, never panic, and whatever it accepts must encode and
// decode again.
func FuzzDecode(f *testing.F) {
	good, err := Encode(sample.Sample())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte(`{"format":"parley","version":"1.0"}`))
	f.Add([]byte(`{"format":"parley","version":"1.7","people":[{"id":"a","side":"b","x":1}]}`))
	f.Add([]byte(`{"format":"parley","version":"2.0"}`))
	f.Add([]byte(`{"format":"parley","version":"1.0","versions":[{"id":"v","number":1,"order":["p"],"paragraphs":[]}]}`))
	f.Add([]byte(`{"format":"parley","version":"1.0","people":[null]}`))
	f.Add([]byte(`{"format":"parley","version":"1.0","deleted":[{"kind":"person","id":"x","dot":"a:b"}]}`))
	f.Add(bytes.Replace(good, []byte(`"given": "Koichi"`), []byte(`"given": 42`), 1))
	f.Add([]byte("\xff\xfe{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _, err := Validated(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		enc, err := Encode(m)
		if err != nil {
			t.Fatalf("accepted input does not encode: %v", err)
		}
		if _, err := Decode(enc); err != nil {
			t.Fatalf("re-encoded input does not decode: %v", err)
		}
	})
}
