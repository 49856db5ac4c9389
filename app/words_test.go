package app

import (
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"The Participants will", []string{"The", " ", "Participants", " ", "will"}},
		{"State's conduct, non-binding.", []string{"State's", " ", "conduct", ",", " ", "non-binding", "."}},
		{"Lee Choong-myon", []string{"Lee", " ", "Choong-myon"}},
		{"水島光一は", []string{"水", "島", "光", "一", "は"}},
		{"이충면 대사", []string{"이충면", " ", "대사"}},
		{"2+2 Ministerial", []string{"2", "+", "2", " ", "Ministerial"}},
		{"", nil},
	}
	for _, c := range cases {
		got := Tokenize(c.in)
		if !slices.Equal(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.Join(got, "") != c.in {
			t.Errorf("Tokenize(%q) does not join back", c.in)
		}
	}
}
