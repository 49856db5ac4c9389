package app

// Lint checks the statement's language; see the less-than-treaty rules.
func Lint(m *Meeting, d *Describer) []Problem { return nil }
