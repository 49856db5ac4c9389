package storage

import (
	"bytes"
	"encoding/json"
	"testing"

	"parley/app/sample"
)

func TestIndentMatchesEncodingJSON(t *testing.T) {
	cases := []string{
		`{}`, `[]`, `{"a":[],"b":{},"c":"x\"y{[,:\\","d":[1,2,{"e":null}]}`,
		`{"t":"水島光一 \u003c","n":-1.5e3,"b":true}`,
	}
	m := sample.Sample()
	if enc, err := json.Marshal(m); err == nil {
		cases = append(cases, string(enc))
	}
	for _, c := range cases {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(c), "", "  "); err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		want.WriteByte('\n')
		if got := indent([]byte(c)); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("indent(%.60s…) differs from json.Indent:\n%s\nwant:\n%s", c, got, want.Bytes())
		}
	}
}
