package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits on what a document may hold before it is refused: a .docx is a
// zip, and a zip can inflate a few kilobytes into gigabytes.
const (
	// MaxFileSize is the largest .docx read.
	MaxFileSize = 64 << 20
	// MaxPartSize is the most one part (word/document.xml) may inflate to.
	MaxPartSize = 32 << 20
	// MaxTotalSize is the most the parts read may inflate to together.
	MaxTotalSize = 96 << 20
	// maxEntries is the most files the zip may list.
	maxEntries = 10000
	// maxDepth is the deepest the XML of a part may nest.
	maxDepth = 256
)

// ErrNotDocx is wrapped by the errors for files that are not Word
// documents (.doc, .odt, encrypted, not a zip at all).
var ErrNotDocx = errors.New("not a Word document")

// Namespaces of WordprocessingML: transitional and strict.
var wNamespaces = map[string]bool{
	nsW: true,
	"http://purl.oclc.org/ooxml/wordprocessingml/main": true,
}

// pkg is an opened .docx: its zip and how much has been inflated so far.
type pkg struct {
	name  string
	zip   *zip.Reader
	files map[string]*zip.File
	read  int64
}

// cfbMagic starts a Compound File (old Word .doc, or an encrypted
// Office document).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// open checks what the file is and opens it as a Word package. Its errors
// name the file and say what to do.
func open(data []byte, name string) (*pkg, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: the file is %d MB, more than the %d MB a draft statement may be: it is not a draft statement, or it holds large images; save the text alone as .docx or plain text and import that",
			name, len(data)>>20, MaxFileSize>>20)
	}
	switch {
	case bytes.HasPrefix(data, cfbMagic):
		if bytes.Contains(data, utf16("EncryptedPackage")) || bytes.Contains(data, utf16("EncryptionInfo")) {
			return nil, fmt.Errorf("%s: %w: the document is password-protected (encrypted), so it cannot be read; open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, leave it empty), save it and import it again", name, ErrNotDocx)
		}
		return nil, fmt.Errorf("%s: %w: this is an old binary Word document (.doc, Word 97-2003); open it in Word or LibreOffice and save it as a Word Document (.docx), then import that", name, ErrNotDocx)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return nil, fmt.Errorf("%s: %w: this is a Rich Text document (.rtf); open it in Word or LibreOffice and save it as a Word Document (.docx), then import that", name, ErrNotDocx)
	case !bytes.HasPrefix(data, []byte("PK")):
		return nil, fmt.Errorf("%s: %w (.docx files are zip archives and this one is not): import a .docx saved by Word or LibreOffice, or the draft as plain text (.txt)", name, ErrNotDocx)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: the zip archive is damaged (%v); save the document again from Word and import the new file", name, ErrNotDocx, err)
	}
	if len(z.File) > maxEntries {
		return nil, fmt.Errorf("%s: %w: the archive lists %d files, more than a Word document has; it is damaged or not a Word document", name, ErrNotDocx, len(z.File))
	}
	p := &pkg{name: name, zip: z, files: map[string]*zip.File{}}
	for _, f := range z.File {
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if f := p.files["mimetype"]; f != nil {
		mt, _ := p.readPart("mimetype")
		if strings.Contains(string(mt), "opendocument") {
			return nil, fmt.Errorf("%s: %w: this is an OpenDocument file (.odt); open it in LibreOffice and save it as Word 2007-365 (.docx), or export it as text, then import that", name, ErrNotDocx)
		}
	}
	return p, nil
}

// utf16 encodes ASCII text as UTF-16LE, as a Compound File names its streams.
func utf16(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

// readPart inflates a part, within the limits. A missing part is nil
// without error.
func (p *pkg) readPart(name string) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	if f.Flags&0x1 != 0 {
		return nil, fmt.Errorf("%s: %w: %s is encrypted in the zip; save the document again from Word without a password", p.name, ErrNotDocx, name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read %s (%v): the document is damaged; save it again from Word", p.name, name, err)
	}
	defer rc.Close()
	limit := min(int64(MaxPartSize), int64(MaxTotalSize)-p.read)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read %s (%v): the document is damaged; save it again from Word", p.name, name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %s inflates to more than %d MB: the file is damaged or built to exhaust memory (a zip bomb); it was not imported", p.name, name, limit>>20)
	}
	p.read += int64(len(data))
	return data, nil
}

// mainPart finds the main document part through the package's
// relationships (word/document.xml in files Word writes).
func (p *pkg) mainPart() (string, error) {
	rels, err := p.rels("_rels/.rels")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			return r.target, nil
		}
	}
	if p.files["word/document.xml"] != nil {
		return "word/document.xml", nil
	}
	return "", fmt.Errorf("%s: %w: the zip archive holds no Word document (no word/document.xml); import a .docx saved by Word or LibreOffice, or the draft as plain text", p.name, ErrNotDocx)
}

// rel is a relationship: its ID, type and the part it points to.
type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved to part names.
func (p *pkg) rels(name string) ([]rel, error) {
	data, err := p.readPart(name)
	if err != nil || data == nil {
		return nil, err
	}
	root, err := parseXML(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %v", p.name, name, err)
	}
	base := path.Dir(path.Dir(name)) // "word/_rels/document.xml.rels" -> "word"
	var out []rel
	for _, n := range root.kids {
		if n.local != "Relationship" || n.attr("TargetMode") == "External" {
			continue
		}
		t := n.attr("Target")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Clean(path.Join(base, t))
		}
		out = append(out, rel{n.attr("Id"), n.attr("Type"), t})
	}
	return out, nil
}

// node is an element of a part: its name, attributes, children and, for
// the elements that hold text, its text.
type node struct {
	space, local string
	attrs        []xml.Attr
	kids         []*node
	text         string
}

// w reports whether the node is the WordprocessingML element local.
func (n *node) w(local string) bool { return n.local == local && wNamespaces[n.space] }

// attr returns an attribute's value by its local name ("val" for w:val).
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first WordprocessingML child with the name, or nil.
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.w(local) {
			return k
		}
	}
	return nil
}

// val is the w:val of the named child, or "".
func (n *node) val(local string) string {
	if c := n.child(local); c != nil {
		return c.attr("val")
	}
	return ""
}

// on reports whether an on/off property (w:b) is set and on.
func (n *node) on(local string) (set, on bool) {
	c := n.child(local)
	if c == nil {
		return false, false
	}
	v := c.attr("val")
	return true, v == "" || v == "1" || v == "true" || v == "on"
}

// find reports whether the subtree holds a WordprocessingML element.
func (n *node) find(local string) bool {
	for _, k := range n.kids {
		if k.w(local) || k.find(local) {
			return true
		}
	}
	return false
}

// textKinds are the elements whose character data is kept.
var textKinds = map[string]bool{"t": true, "delText": true, "instrText": true, "delInstrText": true}

// parseXML reads a part into a tree, keeping the text of text elements.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the XML is damaged (%v); save the document again from Word", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, fmt.Errorf("the XML nests deeper than %d elements: the document is damaged", maxDepth)
			}
			n := &node{space: t.Name.Space, local: t.Name.Local, attrs: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if top := stack[len(stack)-1]; textKinds[top.local] {
				top.text += string(t)
			}
		}
	}
	if len(root.kids) == 0 {
		return nil, errors.New("the part is empty")
	}
	return root.kids[0], nil
}

// ReadPart returns one part of a Word document ("word/document.xml"),
// read within the limits; name names the file in errors.
func ReadPart(data []byte, name, part string) ([]byte, error) {
	p, err := open(data, name)
	if err != nil {
		return nil, err
	}
	b, err := p.readPart(part)
	if err == nil && b == nil {
		err = fmt.Errorf("%s: there is no %s in the document", name, part)
	}
	return b, err
}
