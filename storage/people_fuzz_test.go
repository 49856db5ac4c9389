package storage

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
)

// FuzzReadPeople: any bytes read without a panic, and CSV written by
// encoding/csv splits back into the same cells with the same row numbers.
func FuzzReadPeople(f *testing.F) {
	f.Add("Surname\x1fGiven name\x1eLee\x1fChoong-myon\x1e이충면\x1f\"quoted\"\nline")
	f.Add("a;b\x1fc,d\x1e\x1e\x1f")
	f.Add("\uFEFFsep=;\x1e\"\x1f'=1")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ReadPeopleFrom(strings.NewReader(s), "fuzz.csv", ReadOptions{})
		if strings.ContainsRune(s, '\r') {
			return
		}
		var want [][]string
		for _, line := range strings.Split(s, "\x1e") {
			want = append(want, strings.Split(line, "\x1f"))
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		if err := w.WriteAll(want); err != nil {
			return // not valid UTF-8 or similar
		}
		rows, err := splitRecords(buf.String(), ',', -1)
		if err != nil {
			t.Fatalf("row %d: %s\n%q", err.row, err.msg, buf.String())
		}
		var got [][]string
		for i, r := range rows {
			if r.Num != i+1 {
				t.Fatalf("row %d numbered %d", i+1, r.Num)
			}
			got = append(got, r.Cells)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("CSV %q\nread %q\nwant %q", buf.String(), got, want)
		}
	})
}
