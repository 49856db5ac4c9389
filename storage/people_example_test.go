package storage_test

import (
	"fmt"
	"strings"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// The import dialog's steps: read the list, guess the mapping, let the
// user change it, preview, apply as one undoable edit.
func ExampleImportPeople() {
	list := "Delegation of Australia\n\n" +
		"Name;Position;Agency;Role;Notes\n" +
		"Tobias FEAKIN;Ambassador for Cyber Affairs;DFAT;HoD;arrives Monday\n" +
		"Lucy NG;Director, Cyber Policy;ASD;Member;\n" +
		";;;;Interpreter to be confirmed\n" +
		"Rob MCKINNON;Assistant Secretary;DFAT;Co-chair;\n"
	t, err := storage.ReadPeopleFrom(strings.NewReader(list), "australia.csv", storage.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	mapping := t.GuessMapping()
	for col := 0; col < t.Columns(); col++ {
		fmt.Printf("%s %q -> %s\n", storage.ColumnLetter(col), t.ColumnName(col), mapping.FieldOf(col).Label())
	}
	mapping.Assign(4, storage.FieldInterests) // the user's choice

	m := sample.Sample()
	au, _ := m.FindSide("AU")
	imp, err := storage.ImportPeople(m, au.ID, t, mapping)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range imp.Preview(10) {
		fmt.Printf("row %d: %s | %s | %s %v | %s\n", r.Row, r.Name, r.Position, r.Agency, r.NewAgency, r.Role)
		if r.Rejected != "" {
			fmt.Printf("  rejected: %s\n", r.Rejected)
		}
	}
	doc := app.NewDocument(m)
	if err := doc.Apply(imp.Edit()); err != nil {
		fmt.Println(err)
		return
	}
	_, label := doc.CanUndo()
	fmt.Println(label+":", imp.Summary())
	// Output:
	// A "Name" -> Full name
	// B "Position" -> Position
	// C "Agency" -> Agency
	// D "Role" -> Role
	// E "Notes" -> (not imported)
	// row 4: Tobias FEAKIN | Ambassador for Cyber Affairs | DFAT false | head of delegation
	// row 5: Lucy NG | Director, Cyber Policy | ASD true | member
	// row 6:  |  |  false | member
	//   rejected: no name: the row has no family, given, full or native-script name
	// row 7: Rob MCKINNON | Assistant Secretary | DFAT false | co-chair
	//   rejected: already in the Australia delegation as "Rob McKinnon" (same name): edit that participant instead
	// Import 2 participants: 2 participants; 1 new agency (ASD); 2 rows rejected
}
