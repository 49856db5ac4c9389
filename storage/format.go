package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"parley/app"
)

// FormatMarker is the value of the "format" field of every .parley file.
const FormatMarker = "parley"

// The format version this build writes and reads up to.
const (
	Major = 1
	Minor = 1
)

// MaxSize is the largest file read: anything bigger is not a meeting.
const MaxSize = 64 << 20

// Extension is the file name extension of meeting files.
const Extension = ".parley"

// Kinds of failure, for errors.Is.
var (
	// ErrNotParley: the file is not a Parley meeting file at all.
	ErrNotParley = errors.New("not a Parley meeting file")
	// ErrNewer: the file was made by a newer Parley that this build cannot read.
	ErrNewer = errors.New("made by a newer Parley")
	// ErrCorrupt: the file is damaged (truncated, invalid JSON or UTF-8, wrong types).
	ErrCorrupt = errors.New("damaged file")
	// ErrTooLarge: the file is over MaxSize.
	ErrTooLarge = errors.New("file too large")
	// ErrInvalid: the records contradict each other (duplicate or dangling IDs).
	ErrInvalid = errors.New("inconsistent records")
)

// Error is a failure to read or write a file. Its message reads
// "FILE: where: what".
type Error struct {
	Path  string
	Where string
	Msg   string
	Kind  error
	// Problems are the fatal validation problems, for ErrInvalid.
	Problems []app.Problem
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Where != "" {
		b.WriteString(e.Where)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the kind of failure.
func (e *Error) Unwrap() error { return e.Kind }

func withPath(err error, path string) error {
	var fe *Error
	if errors.As(err, &fe) && fe.Path == "" {
		c := *fe
		c.Path = path
		return &c
	}
	return err
}

// Version is a format version.
type Version struct{ Major, Minor int }

func (v Version) String() string { return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) }

// Less orders versions.
func (v Version) Less(o Version) bool {
	return v.Major < o.Major || (v.Major == o.Major && v.Minor < o.Minor)
}

// Current is the version this build writes.
var Current = Version{Major, Minor}

// ParseVersion reads "1.0".
func ParseVersion(s string) (Version, error) {
	a, b, ok := strings.Cut(s, ".")
	ma, err1 := strconv.Atoi(a)
	mi, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || ma < 0 || mi < 0 {
		return Version{}, fmt.Errorf("format version %q: want MAJOR.MINOR", s)
	}
	return Version{ma, mi}, nil
}

// header is what every version of the format starts with.
type header struct {
	Format  *string `json:"format"`
	Version *string `json:"version"`
}

// Encode writes a meeting as .parley bytes: indented JSON, stable key and
// record order, format marker and version first. Fields kept from a newer
// minor version are written back, and the version is then that newer one.
func Encode(m *app.Meeting) ([]byte, error) {
	m.Normalize()
	ver := Current
	if v, ok := keptVersion(m); ok && Current.Less(v) {
		ver = v
	}
	var b bytes.Buffer
	b.Grow(1 << 16)
	b.WriteString(`{"format":"` + FormatMarker + `","version":"` + ver.String() + `"`)
	mv := reflect.ValueOf(m).Elem()
	mt := mv.Type()
	for i := 0; i < mt.NumField(); i++ {
		f := mt.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		b.WriteString(`,"` + name + `":`)
		if name == "versions" {
			if err := encodeVersions(&b, m.Versions); err != nil {
				return nil, fmt.Errorf("encode drafts: %w", err)
			}
			continue
		}
		if err := encodeValue(&b, mv.Field(i)); err != nil {
			return nil, fmt.Errorf("encode %s: %w", name, err)
		}
	}
	keys := sortedKeys(m.Extra)
	for _, k := range keys {
		if k == keptVersionKey {
			continue
		}
		kb, _ := json.Marshal(k)
		b.WriteByte(',')
		b.Write(kb)
		b.WriteByte(':')
		b.Write(m.Extra[k])
	}
	b.WriteByte('}')
	return indent(b.Bytes()), nil
}

// indent lays out compact JSON (as encoding/json writes it: no white space
// outside strings) with two-space indentation, one member a line, empty
// objects and lists kept as {} and [], and a final newline. It gives the
// same bytes as json.Indent, several times faster.
func indent(src []byte) []byte {
	dst := make([]byte, 0, len(src)+len(src)/2)
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for i := 0; i < depth; i++ {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(src) {
				if src[j] == '\\' {
					j += 2
					continue
				}
				if src[j] == '"' {
					break
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '\n')
}

// keptVersionKey is where Decode remembers the newer minor version whose
// fields it kept.
const keptVersionKey = "\x00version"

func keptVersion(m *app.Meeting) (Version, bool) {
	raw, ok := m.Extra[keptVersionKey]
	if !ok {
		return Version{}, false
	}
	v, err := ParseVersion(string(raw))
	return v, err == nil
}

var recordType = reflect.TypeOf((*app.Record)(nil)).Elem()

// encodeValue writes a top-level field: a record, a list of records (each
// with its kept fields), or any other value.
func encodeValue(b *bytes.Buffer, v reflect.Value) error {
	if v.Kind() == reflect.Slice && v.Type().Elem().Implements(recordType) {
		if v.Len() == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := encodeRecord(b, v.Index(i).Interface().(app.Record)); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
	if v.CanAddr() && v.Addr().Type().Implements(recordType) {
		return encodeRecord(b, v.Addr().Interface().(app.Record))
	}
	if v.Kind() == reflect.Slice && v.IsNil() {
		b.WriteString("[]")
		return nil
	}
	if v.Kind() == reflect.Map && v.IsNil() {
		b.WriteString("{}")
		return nil
	}
	enc, err := json.Marshal(v.Interface())
	if err != nil {
		return err
	}
	b.Write(enc)
	return nil
}

func encodeRecord(b *bytes.Buffer, r app.Record) error {
	enc, err := json.Marshal(r)
	if err != nil {
		return err
	}
	extra := r.Meta().Extra
	if len(extra) == 0 {
		b.Write(enc)
		return nil
	}
	b.Write(enc[:len(enc)-1])
	comma := len(enc) > 2
	for _, k := range sortedKeys(extra) {
		kb, _ := json.Marshal(k)
		if comma {
			b.WriteByte(',')
		}
		comma = true
		b.Write(kb)
		b.WriteByte(':')
		b.Write(extra[k])
	}
	b.WriteByte('}')
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Kinds of failure of a write, for errors.Is.
var (
	// ErrNotRegular: the path names something other than a regular file
	// (a folder, a device, a named pipe): Parley does not replace it.
	ErrNotRegular = errors.New("not a regular file")
	// ErrNotFlushed: the new content has replaced the file, but flushing
	// the folder to the disk failed afterwards, so a power cut soon after
	// could bring back the old content.
	ErrNotFlushed = errors.New("saved, but not flushed to the disk")
)
