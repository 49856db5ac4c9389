package app

import (
	"strings"
	"testing"
)

func TestEachTextReachesNamesParagraphsAndDrafts(t *testing.T) {
	m := seedMeeting()
	m.Paragraphs = []*Paragraph{{Rec: Rec{ID: "p1"}, Pos: "1", Text: Spans{{T: "両国は"}, {T: "사이버", Side: "jp"}}}}
	m.Versions = []*Version{{Rec: Rec{ID: "v1"}, Label: "初稿", Paragraphs: []Paragraph{{Rec: Rec{ID: "p1"}, Text: Spans{{T: "草案"}}}}}}
	var all strings.Builder
	EachText(m, func(s string) {
		if s == "" {
			t.Error("empty string passed on")
		}
		all.WriteString(s + "|")
	})
	for _, want := range []string{"水島光一", "佐藤美咲", "両国は", "사이버", "初稿", "草案", "Ministry of Foreign Affairs", "Cyber Policy Dialogue"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("%q not visited", want)
		}
	}
	var one []string
	EachText(m.People[0], func(s string) { one = append(one, s) })
	if !strings.Contains(strings.Join(one, "|"), "水島光一") || strings.Contains(strings.Join(one, "|"), "佐藤") {
		t.Errorf("one record's text: %q", one)
	}
}
