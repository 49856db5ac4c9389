// Package docx reads and writes Word documents (WordprocessingML, .docx)
// for the joint statement: the counterpart's draft in, the statement, its
// redline as Word's tracked changes and the briefing pack's text out.
//
// It is written with archive/zip and encoding/xml alone. Writing builds
// word/document.xml paragraph by paragraph (write.go) with the parts every
// package needs: content types, relationships, styles, numbering,
// settings, header and footer, document properties; the same meeting gives
// the same bytes. The statement uses Word's own numbering (1., (a), (i))
// so that Word renumbers when the counterpart inserts a paragraph; an
// alternative wording is typed ("3 bis.") since Word has no such numbers.
//
// Reading (read.go, import.go) turns a document into the plain-text draft
// convention of app.ReadDraft, one Word paragraph a draft paragraph, and
// lets that build the statement: the same draft as .docx and as text gives
// the same statement. Word's numbering is resolved through numbering.xml,
// tracked changes and comments become brackets proposed by their author's
// side, and what has no place in a statement (tables, images, text boxes,
// fields, footnotes) is reported by paragraph. The package is read within
// limits (size of each part and of the whole, number of parts), so a zip
// bomb is refused, as are files that are not Word documents at all.
package docx
