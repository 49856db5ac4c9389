package app

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Fields are addressed by their JSON names ("given", "minutes"), so an edit,
// a change notification and a merge conflict all speak of the same field
// the file shows.

type fieldInfo struct {
	name  string
	index []int
	typ   reflect.Type
}

type fieldTable struct {
	list   []fieldInfo
	byName map[string]fieldInfo
}

var fieldTables sync.Map // reflect.Type -> *fieldTable

var recType = reflect.TypeOf(Rec{})

func fieldsOfType(t reflect.Type) *fieldTable {
	if v, ok := fieldTables.Load(t); ok {
		return v.(*fieldTable)
	}
	ft := &fieldTable{byName: map[string]fieldInfo{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type == recType || !f.IsExported() || f.Tag.Get("parley") == "meta" {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		fi := fieldInfo{name: name, index: f.Index, typ: f.Type}
		ft.list = append(ft.list, fi)
		ft.byName[name] = fi
	}
	fieldTables.Store(t, ft)
	return ft
}

func structOf(r Record) reflect.Value {
	return reflect.ValueOf(r).Elem()
}

// FieldNames lists a record's editable fields in declaration order.
func FieldNames(r Record) []string {
	ft := fieldsOfType(structOf(r).Type())
	names := make([]string, len(ft.list))
	for i, f := range ft.list {
		names[i] = f.name
	}
	return names
}

// HasField reports whether the record has the field.
func HasField(r Record, field string) bool {
	_, ok := fieldsOfType(structOf(r).Type()).byName[field]
	return ok
}

// GetField returns the value of a field by its JSON name.
func GetField(r Record, field string) (any, error) {
	v := structOf(r)
	fi, ok := fieldsOfType(v.Type()).byName[field]
	if !ok {
		return nil, fmt.Errorf("%s has no field %q", kindOf(r), field)
	}
	return v.FieldByIndex(fi.index).Interface(), nil
}

// SetField sets a field by its JSON name. The value must have the field's
// type or one convertible to it (a string for a Role, say).
func SetField(r Record, field string, value any) error {
	v := structOf(r)
	fi, ok := fieldsOfType(v.Type()).byName[field]
	if !ok {
		return fmt.Errorf("%s has no field %q", kindOf(r), field)
	}
	nv, err := convertTo(value, fi.typ)
	if err != nil {
		return fmt.Errorf("%s.%s: %w", kindOf(r), field, err)
	}
	v.FieldByIndex(fi.index).Set(nv)
	return nil
}

// SetFieldJSON sets a field from its JSON encoding.
func SetFieldJSON(r Record, field string, raw json.RawMessage) error {
	v := structOf(r)
	fi, ok := fieldsOfType(v.Type()).byName[field]
	if !ok {
		return fmt.Errorf("%s has no field %q", kindOf(r), field)
	}
	p := reflect.New(fi.typ)
	if err := json.Unmarshal(raw, p.Interface()); err != nil {
		return fmt.Errorf("%s.%s: %w", kindOf(r), field, err)
	}
	v.FieldByIndex(fi.index).Set(p.Elem())
	return nil
}

func convertTo(value any, t reflect.Type) (reflect.Value, error) {
	if value == nil {
		return reflect.Zero(t), nil
	}
	v := reflect.ValueOf(value)
	if v.Type() == t {
		return v, nil
	}
	if v.Type().ConvertibleTo(t) && v.Kind() == t.Kind() {
		return v.Convert(t), nil
	}
	return reflect.Value{}, fmt.Errorf("a %s cannot hold %T", t, value)
}

// FieldEqual reports whether two field values are equal.
func FieldEqual(a, b any) bool {
	if ma, ok := a.(Marking); ok {
		mb, ok := b.(Marking)
		return ok && ma.Equal(mb)
	}
	return reflect.DeepEqual(a, b)
}

// KindOf returns the kind of a record.
func KindOf(r Record) Kind { return kindOf(r) }

func kindOf(r Record) Kind {
	switch r.(type) {
	case *Details:
		return KindDetails
	case *Side:
		return KindSide
	case *Agency:
		return KindAgency
	case *Person:
		return KindPerson
	case *Item:
		return KindItem
	case *Background:
		return KindBackground
	case *Statement:
		return KindStatement
	case *Paragraph:
		return KindParagraph
	case *Signatory:
		return KindSignatory
	case *Version:
		return KindVersion
	case *Annex:
		return KindAnnex
	}
	return Kind(fmt.Sprintf("%T", r))
}

// NewRecord returns a new empty record of a list kind with a fresh ID, or
// nil for the single records (meeting, statement).
func NewRecord(k Kind) Record {
	var r Record
	switch k {
	case KindSide:
		r = &Side{}
	case KindAgency:
		r = &Agency{}
	case KindPerson:
		r = &Person{Role: RoleMember}
	case KindItem:
		r = &Item{Kind: ItemSession, Minutes: 30}
	case KindBackground:
		r = &Background{}
	case KindParagraph:
		r = &Paragraph{Kind: ParaOperative, State: StateProposed}
	case KindSignatory:
		r = &Signatory{}
	case KindVersion:
		r = &Version{Direction: DirInternal}
	case KindAnnex:
		r = &Annex{}
	default:
		return nil
	}
	r.Meta().ID = NewID()
	return r
}

func reflectClone(r Record) Record {
	v := reflect.ValueOf(r).Elem()
	c := reflect.New(v.Type())
	c.Elem().Set(v)
	return c.Interface().(Record)
}

// EachText calls fn with every non-empty string held in v (a meeting, a
// record or any value built of structs, slices, maps and pointers): the
// text a window may have to draw. Only exported fields are visited.
func EachText(v any, fn func(string)) {
	eachText(reflect.ValueOf(v), fn)
}

func eachText(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			fn(s)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachText(v.Elem(), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).IsExported() {
				eachText(v.Field(i), fn)
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // raw bytes (kept JSON), not text
		}
		for i := 0; i < v.Len(); i++ {
			eachText(v.Index(i), fn)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			eachText(it.Key(), fn)
			eachText(it.Value(), fn)
		}
	}
}
