package storage

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"parley/app"
)

// Migration converts a file of an older major version to the next one. It
// works on the top-level JSON object, before decoding.
type Migration struct {
	From, To Version
	// Note says what the step changes, for the change log.
	Note  string
	Apply func(top map[string]json.RawMessage) error
}

// migrations are the registered steps, oldest first. Format 1.0 is the
// first released format, so there are none yet; the next major version
// adds the step from 1.x here.
var migrations []Migration

// migrate brings data of version from up to the current major version.
func migrate(data []byte, from Version) ([]byte, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(data, err)
	}
	v := from
	for v.Major < Major {
		var step *Migration
		for i := range migrations {
			if migrations[i].From.Major == v.Major && !v.Less(migrations[i].From) {
				step = &migrations[i]
			}
		}
		if step == nil {
			return nil, &Error{Kind: ErrCorrupt, Where: "version",
				Msg: fmt.Sprintf("format %s is older than any this build can convert: open it with an older Parley and save it again", from)}
		}
		if err := step.Apply(top); err != nil {
			return nil, &Error{Kind: ErrCorrupt, Where: "version",
				Msg: fmt.Sprintf("converting format %s to %s: %v", v, step.To, err)}
		}
		v = step.To
	}
	top["version"], _ = json.Marshal(v.String())
	out, err := json.Marshal(top)
	if err != nil {
		return nil, fmt.Errorf("converting format %s: %w", from, err)
	}
	return out, nil
}

// keepUnknown stores the fields of a newer minor version that this build
// does not know in the records' Extra maps, so that saving keeps them.
func keepUnknown(data []byte, m *app.Meeting) error {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return jsonError(data, err)
	}
	mv := reflect.ValueOf(m).Elem()
	mt := mv.Type()
	known := map[string]bool{"format": true, "version": true}
	for i := 0; i < mt.NumField(); i++ {
		name, _, _ := strings.Cut(mt.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		known[name] = true
		fv := mv.Field(i)
		switch {
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Implements(recordType):
			var items []map[string]json.RawMessage
			if json.Unmarshal(top[name], &items) != nil || len(items) != fv.Len() {
				continue
			}
			for j := range items {
				keepRecordExtras(fv.Index(j).Interface().(app.Record), items[j], name == "versions")
			}
		case fv.CanAddr() && fv.Addr().Type().Implements(recordType):
			var obj map[string]json.RawMessage
			if json.Unmarshal(top[name], &obj) == nil {
				keepRecordExtras(fv.Addr().Interface().(app.Record), obj, false)
			}
		}
	}
	for k, v := range top {
		if !known[k] {
			if m.Extra == nil {
				m.Extra = map[string]json.RawMessage{}
			}
			m.Extra[k] = v
		}
	}
	return nil
}

func keepRecordExtras(r app.Record, obj map[string]json.RawMessage, version bool) {
	known := map[string]bool{"id": true, "made": true, "revs": true, "order": version}
	for _, f := range app.FieldNames(r) {
		known[f] = true
	}
	for k, v := range obj {
		if known[k] {
			continue
		}
		meta := r.Meta()
		if meta.Extra == nil {
			meta.Extra = map[string]json.RawMessage{}
		}
		meta.Extra[k] = v
	}
}
