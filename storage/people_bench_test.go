package storage

import (
	"bytes"
	"fmt"
	"testing"

	"parley/app"
)

// peopleCSV is a 500-row participant list in the shape embassies send.
func peopleCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFFTitle,Surname,Given name(s),한글,Position,Ministry,Role,E-mail,Phone\r\n")
	agencies := []string{"MOFA", "MSIT", "NIS", "KISA", "Ministry of National Defense", "National Police Agency"}
	roles := []string{"Member", "Adviser", "Note-taker", "Interpreter", "Liaison"}
	for i := range n {
		fmt.Fprintf(&b, "Mr,Lee%d,Choong-myon,이충면%d,\"Director-General, Bureau %d\",%s,%s,lee%d@example.kr,+82 2 2100 %04d\r\n",
			i, i, i, agencies[i%len(agencies)], roles[i%len(roles)], i, i)
	}
	return b.Bytes()
}

// BenchmarkImportPeople500 reads a 500-row CSV, guesses the mapping,
// works out the import and applies it to a meeting.
func BenchmarkImportPeople500(b *testing.B) {
	data := peopleCSV(500)
	base := peopleMeeting()
	for b.Loop() {
		tb, err := ReadPeopleFrom(bytes.NewReader(data), "people.csv", ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		m := base.Clone()
		imp, err := ImportPeople(m, "side-kr", tb, tb.GuessMapping())
		if err != nil {
			b.Fatal(err)
		}
		if len(imp.People) != 500 {
			b.Fatalf("%d people imported: %v", len(imp.People), imp.Rejected[:1])
		}
		if err := app.NewDocument(m).Apply(imp.Edit()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanPeople500 is the part the import dialog runs again on every
// change of the mapping: work out the import of a table already read.
func BenchmarkPlanPeople500(b *testing.B) {
	tb, err := ReadPeopleFrom(bytes.NewReader(peopleCSV(500)), "people.csv", ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	m := peopleMeeting()
	mp := tb.GuessMapping()
	for b.Loop() {
		if _, err := ImportPeople(m, "side-kr", tb, mp); err != nil {
			b.Fatal(err)
		}
	}
}
