package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"parley/app"
	"parley/app/docx"
)

// DraftExtensions are the files a draft statement is imported from: Word
// documents and plain text or Markdown.
var DraftExtensions = []string{".docx", ".txt", ".md"}

// IsWordFile reports whether a path names a word-processor document by its
// extension (a Word draft, or one saved in a format Parley asks to convert).
func IsWordFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".docm", ".dotx", ".doc", ".odt", ".rtf":
		return true
	}
	return false
}

// IsDraftFile reports whether a dropped or chosen file is a draft
// statement to import: a word-processor document, text or Markdown.
func IsDraftFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return IsWordFile(path) || ext == ".txt" || ext == ".md"
}

// ReadDraft reads a draft statement of the meeting from a file: a Word
// document (by its extension, or a zip or Compound File whatever its name)
// through docx.ReadDraft, anything else as text through
// Meeting.ReadDraft. Brackets and alternatives the draft does not
// attribute are side's (a side ID, may be empty). Errors name the file.
func ReadDraft(m *app.Meeting, path, side string) (*app.ParsedDraft, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the draft: %v", path, errors.Unwrap(err))
	}
	if IsWordFile(path) || bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return docx.ReadDraft(data, path, m, side)
	}
	return m.ReadDraft(string(data), side), nil
}
