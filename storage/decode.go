package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"parley/app"
)

// byteOrderMark is the UTF-8 byte-order mark some Windows editors put at
// the start of a file. Parley reads past it and never writes it.
var byteOrderMark = []byte("\uFEFF")

// trimBOM drops a leading UTF-8 byte-order mark.
func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, byteOrderMark) }

// Decode reads .parley bytes. The error, an *Error, says where and what is
// wrong; it does not name the file (Load does). Decode checks the file's
// structure and types; Load also refuses records that contradict each other.
func Decode(data []byte) (*app.Meeting, error) {
	if len(data) > MaxSize {
		return nil, &Error{Kind: ErrTooLarge, Msg: fmt.Sprintf("the file is %d MiB, over the %d MiB limit: it is not a meeting file", len(data)>>20, MaxSize>>20)}
	}
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Kind: ErrNotParley, Msg: "the file is empty: it is not a meeting file (was the save interrupted? look for a recovery copy)"}
	}
	if !utf8.Valid(data) {
		off := invalidUTF8At(data)
		line, col := lineCol(data, off)
		return nil, &Error{Kind: ErrCorrupt, Where: fmt.Sprintf("line %d, column %d", line, col),
			Msg: "invalid UTF-8 text: the file is damaged or was saved in another encoding; open a backup or a recovery copy"}
	}
	h, ok := probeHeader(data)
	if !ok || h.Format == nil || h.Version == nil {
		h = header{}
		if err := json.Unmarshal(data, &h); err != nil {
			return nil, jsonError(data, err)
		}
	}
	if h.Format == nil || *h.Format != FormatMarker {
		return nil, &Error{Kind: ErrNotParley, Msg: `this is JSON but not a Parley meeting file (no "format": "parley" marker)`}
	}
	if h.Version == nil {
		return nil, &Error{Kind: ErrCorrupt, Where: "version", Msg: "the format version is missing"}
	}
	ver, err := ParseVersion(*h.Version)
	if err != nil {
		return nil, &Error{Kind: ErrCorrupt, Where: "version", Msg: err.Error()}
	}
	if ver.Major > Major {
		return nil, &Error{Kind: ErrNewer, Msg: fmt.Sprintf("made by a newer Parley (format %s); this build reads up to %d.x: open it with a newer Parley (the file has not been changed)", ver, Major)}
	}
	if ver.Major < Major {
		data, err = migrate(data, ver)
		if err != nil {
			return nil, err
		}
	}
	m := &app.Meeting{}
	fm := fileMeeting{Meeting: m}
	if err := json.Unmarshal(data, &fm); err != nil {
		return nil, jsonError(data, err)
	}
	if err := fm.expandVersions(); err != nil {
		return nil, err
	}
	if err := checkNils(m); err != nil {
		return nil, err
	}
	if ver.Major == Major && ver.Minor > Minor {
		if err := keepUnknown(data, m); err != nil {
			return nil, err
		}
		if m.Extra == nil {
			m.Extra = map[string]json.RawMessage{}
		}
		m.Extra[keptVersionKey] = json.RawMessage(ver.String())
	}
	if m.Clock == nil {
		m.Clock = app.Clock{}
	}
	emptyToNil(m)
	m.Normalize()
	return m, nil
}

// emptyToNil makes empty lists nil, so a decoded meeting equals one built
// in memory.
func emptyToNil(m *app.Meeting) {
	mv := reflect.ValueOf(m).Elem()
	for i := 0; i < mv.NumField(); i++ {
		if f := mv.Field(i); f.Kind() == reflect.Slice && f.Len() == 0 && !f.IsNil() {
			f.Set(reflect.Zero(f.Type()))
		}
	}
}

// checkNils refuses null records in lists ("people": [null]).
func checkNils(m *app.Meeting) error {
	mv := reflect.ValueOf(m).Elem()
	mt := mv.Type()
	for i := 0; i < mt.NumField(); i++ {
		v := mv.Field(i)
		if v.Kind() != reflect.Slice || !v.Type().Elem().Implements(recordType) {
			continue
		}
		name, _, _ := strings.Cut(mt.Field(i).Tag.Get("json"), ",")
		for j := 0; j < v.Len(); j++ {
			if v.Index(j).IsNil() {
				return &Error{Kind: ErrCorrupt, Where: fmt.Sprintf("%s[%d]", name, j), Msg: "is null, not a record"}
			}
		}
	}
	return nil
}

// Validated decodes and validates: fatal problems (duplicate or dangling
// IDs) are an ErrInvalid error listing them.
func Validated(data []byte) (*app.Meeting, []app.Problem, error) {
	m, err := Decode(data)
	if err != nil {
		return nil, nil, err
	}
	probs := app.Validate(m)
	if app.HasFatal(probs) {
		var fatal []app.Problem
		for _, p := range probs {
			if p.Severity == app.Fatal {
				fatal = append(fatal, p)
			}
		}
		first := fatal[0]
		msg := first.What
		if len(fatal) > 1 {
			msg += fmt.Sprintf(" (and %d more problems of this kind)", len(fatal)-1)
		}
		return nil, probs, &Error{Kind: ErrInvalid, Where: first.Where, Msg: msg + ": the file's records contradict each other; run `parley check` for the full list, or open a backup", Problems: fatal}
	}
	return m, probs, nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func lineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col = 1 + utf8.RuneCount(data[start:off])
	return line, col
}

// jsonError turns an encoding/json error into an *Error naming the place.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end of JSON input"):
		return &Error{Kind: ErrCorrupt, Where: fmt.Sprintf("byte %d", len(data)),
			Msg: "the file ends too early (truncated): it was cut off while saving or copying; open a recovery copy or a backup"}
	case errors.As(err, &syn):
		line, col := lineCol(data, int(syn.Offset)-1)
		where := fmt.Sprintf("line %d, column %d", line, col)
		if p := pathAt(data, int(syn.Offset)); p != "" {
			where = p + " (" + where + ")"
		}
		return &Error{Kind: ErrCorrupt, Where: where, Msg: "invalid JSON: " + strings.TrimPrefix(syn.Error(), "json: ") + "; the file is damaged, open a backup or a recovery copy"}
	case errors.As(err, &typ):
		line, col := lineCol(data, int(typ.Offset))
		path := pathAt(data, int(typ.Offset))
		if path == "" {
			path = typ.Field
		}
		where := describePath(data, path) + fmt.Sprintf(" (line %d, column %d)", line, col)
		return &Error{Kind: ErrCorrupt, Where: where, Msg: fmt.Sprintf("expected %s, found %s", typeWord(typ.Type), valueWord(typ.Value))}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	// Errors from UnmarshalText (a revision dot, say) carry no offset.
	return &Error{Kind: ErrCorrupt, Msg: msg + ": the file is damaged, open a backup or a recovery copy"}
}

func typeWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64, reflect.Uint32, reflect.Uint:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Slice:
		return "a list"
	case reflect.Map, reflect.Struct, reflect.Pointer:
		return "an object"
	}
	return t.String()
}

func valueWord(v string) string {
	switch {
	case v == "string":
		return "text"
	case v == "bool":
		return "true or false"
	case v == "array":
		return "a list"
	case v == "object":
		return "an object"
	case strings.HasPrefix(v, "number"):
		return "the number" + strings.TrimPrefix(v, "number")
	}
	return v
}

// pathAt returns the JSON path ("people[3].given") of the value that ends
// at or spans byte offset off, walking the tokens up to there.
func pathAt(data []byte, off int) string {
	type frame struct {
		array   bool
		index   int
		key     string
		wantKey bool
	}
	render := func(st []frame) string {
		var b strings.Builder
		for _, f := range st {
			switch {
			case f.array && f.index >= 0:
				b.WriteString("[" + strconv.Itoa(f.index) + "]")
			case !f.array && f.key != "":
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.key)
			}
		}
		return b.String()
	}
	valueDone := func(st []frame) {
		if n := len(st); n > 0 && !st[n-1].array {
			st[n-1].wantKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var st []frame
	last := ""
	for int(dec.InputOffset()) < off {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			if len(st) > 0 {
				st = st[:len(st)-1]
			}
			valueDone(st)
			continue
		}
		if n := len(st); n > 0 && !st[n-1].array && st[n-1].wantKey {
			st[n-1].key, _ = tok.(string)
			st[n-1].wantKey = false
			last = render(st)
			continue
		}
		if n := len(st); n > 0 && st[n-1].array {
			st[n-1].index++
		}
		last = render(st)
		if d, ok := tok.(json.Delim); ok {
			st = append(st, frame{array: d == '[', index: -1, wantKey: d == '{'})
			continue
		}
		valueDone(st)
	}
	return last
}

// describePath turns "people[3].given" into `people[3] ("Koichi Mizushima"), field "given"`.
func describePath(data []byte, path string) string {
	list, rest, ok := strings.Cut(path, "[")
	if !ok {
		return path
	}
	idxStr, field, _ := strings.Cut(rest, "]")
	i, err := strconv.Atoi(idxStr)
	if err != nil {
		return path
	}
	field = strings.TrimPrefix(field, ".")
	where := list + "[" + idxStr + "]"
	if label := recordLabel(data, list, i); label != "" {
		where += " (" + strconv.Quote(label) + ")"
	}
	if field != "" {
		where += ", field " + strconv.Quote(field)
	}
	return where
}

// recordLabel finds a readable name for record i of a top-level list.
func recordLabel(data []byte, list string, i int) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return ""
	}
	var items []map[string]json.RawMessage
	if json.Unmarshal(top[list], &items) != nil || i < 0 || i >= len(items) {
		return ""
	}
	str := func(k string) string {
		var s string
		_ = json.Unmarshal(items[i][k], &s)
		return s
	}
	if g, f := str("given"), str("family"); g != "" || f != "" {
		return strings.TrimSpace(g + " " + f)
	}
	for _, k := range []string{"title", "name", "abbrev", "native"} {
		if s := str(k); s != "" {
			return s
		}
	}
	return ""
}
