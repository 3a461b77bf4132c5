// Package tomlx decodes the project's TOML inputs strictly and keeps
// positions. BurntSushi/toml parses the file; tomlx then binds the parsed
// values to Go structs itself, one table at a time, so that
//
//   - a syntax error is reported at its line and column (in characters);
//   - a value of the wrong type (value = "abc") is reported at that value,
//     in that [[table]], not at the last line where the key occurs;
//   - a key that no field takes is reported at that key, with the field it
//     was probably meant to be;
//   - an error in one [[table]] leaves the others decoded, so that a caller
//     can drop the one table that failed (Table.Err) and keep the rest.
//
// A struct records its own positions by embedding Table: every key's
// position is then at hand for the checks that come after decoding (an
// unknown indicator, a quote not found).
package tomlx

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/BurntSushi/toml"

	"reportsite/internal/diag"
)

// Table is the position of a TOML table (a [[table]] element, a [table], or
// the top level of a file) and of the keys written in it. A struct that
// embeds Table has it filled in by Decode. Positions are kept small, a
// pair of numbers each, because every figure and every translated block
// holds its own.
type Table struct {
	file   *file // shared by all the tables of a file
	header pos
	keys   []keyPos
	arrays []arrayPos // for the keys whose value is an array
	err    *diag.Error
}

// file is what the tables of a file share: its path and the names of the
// keys written in it, which keyPos refers to by number.
type file struct {
	path  string
	names []string
}

// pos is a line and a column (in characters), 0 for none.
type pos struct{ line, col int32 }

// keyPos is where a key and its value start: a key and its value begin on
// the same line. It is twelve bytes, as a file of figures holds a million
// of them.
type keyPos struct {
	line           int32
	name           uint16 // in file.names
	keyCol, valCol uint16 // 0 past 65,535 characters
}

// arrayPos is where each element of an array value starts.
type arrayPos struct {
	name  uint16
	elems []pos
}

func (t *Table) at(p pos) diag.Pos {
	d := diag.Pos{Line: int(p.line), Col: int(p.col)}
	if t.file != nil {
		d.File = t.file.path
	}
	return d
}

// key returns the position of key in the table, if it is written there.
func (t *Table) key(key string) (keyPos, bool) {
	for _, k := range t.keys {
		if t.file.names[k.name] == key {
			return k, true
		}
	}
	return keyPos{}, false
}

// Header is the position of the table's [[header]] line (or the file, for
// the top level).
func (t *Table) Header() diag.Pos {
	if t == nil {
		return diag.Pos{}
	}
	return t.at(t.header)
}

// At is the position of the value of key, or of the table's header when the
// key is not written.
func (t *Table) At(key string) diag.Pos {
	if t == nil {
		return diag.Pos{}
	}
	if k, ok := t.key(key); ok {
		return t.at(pos{k.line, int32(k.valCol)})
	}
	return t.at(t.header)
}

// Has reports whether key is written in the table.
func (t *Table) Has(key string) bool {
	if t == nil {
		return false
	}
	_, ok := t.key(key)
	return ok
}

// Elem is the position of the i-th element (from 0) of the array that is
// the value of key, or of the value when the element cannot be located.
func (t *Table) Elem(key string, i int) diag.Pos {
	if t == nil {
		return diag.Pos{}
	}
	for _, a := range t.arrays {
		if t.file.names[a.name] == key && i >= 0 && i < len(a.elems) {
			return t.at(a.elems[i])
		}
	}
	return t.At(key)
}

// KeyAt is the position of key itself, or of the table's header.
func (t *Table) KeyAt(key string) diag.Pos {
	if t == nil {
		return diag.Pos{}
	}
	if k, ok := t.key(key); ok {
		return t.at(pos{k.line, int32(k.keyCol)})
	}
	return t.at(t.header)
}

// Err is the first error found while decoding the table or a table nested
// in it, or nil: a table with an error is incomplete, and is not to be used.
func (t *Table) Err() *diag.Error {
	if t == nil {
		return nil
	}
	return t.err
}

// Decode reads path from fsys into v, a pointer to a struct (or to a
// map[string]string). It returns the top-level table, or nil with the error
// when the file cannot be read or parsed.
func Decode(fsys fs.FS, path string, v any) (*Table, diag.List) {
	data, err := diag.ReadInput(fsys, path)
	if err != nil {
		return nil, diag.List{err}
	}
	// The text shares data's memory rather than copying it (110 MB a
	// build at 1,000 reports): data was read for this call alone and is
	// never written. ReadInput checked that it is UTF-8.
	return decodeText(path, unsafe.String(unsafe.SliceData(data), len(data)), 0, true, v)
}

// DecodeBytes decodes data, which starts at line lineOffset+1 of path (front
// matter inside a Markdown file starts below the first line).
func DecodeBytes(path string, data []byte, lineOffset int, v any) (*Table, diag.List) {
	return decodeText(path, string(data), lineOffset, utf8.Valid(data), v)
}

// decodeText is DecodeBytes of a text that is valid UTF-8 if valid is set.
func decodeText(path, text string, lineOffset int, valid bool, v any) (*Table, diag.List) {
	s, c := scan(path, text, lineOffset, valid)
	var tree map[string]any
	if _, err := toml.Decode(c.src, &tree); err != nil {
		// The error is the one the parser finds in the text as written,
		// where its line and column are.
		if _, whole := toml.Decode(text, &tree); whole != nil {
			err = whole
		}
		return nil, diag.List{syntaxError(path, text, lineOffset, err)}
	}
	top := s.tables[""][0]
	b := binder{texts: c, scan: s, next: map[string]int{}, fields: map[reflect.Type]fields{}}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic(fmt.Sprintf("tomlx.Decode: %T is not a non-nil pointer", v))
	}
	b.table(tree, rv.Elem(), top, "")
	return top, b.errs
}

// syntaxError converts the parser's error, whose column counts bytes, into
// a diag.Error whose column counts characters.
func syntaxError(path, data string, lineOffset int, err error) *diag.Error {
	pe, ok := err.(toml.ParseError)
	if !ok || pe.Position.Line == 0 {
		return diag.Errorf(diag.Pos{File: path, Line: lineOffset + 1}, "TOML syntax error: %v", err)
	}
	lines := strings.SplitAfter(data, "\n")
	line := min(pe.Position.Line, len(lines))
	off := len(strings.Join(lines[:line-1], "")) + max(pe.Position.Col-1, 0)
	pos := diag.PosAt(path, []byte(data), min(off, len(data)))
	if pos.Line != line { // a column past the end of the line
		pos = diag.Pos{File: path, Line: line}
	}
	pos.Line += lineOffset
	msg := pe.Message
	if msg != "" {
		msg = strings.ToLower(msg[:1]) + msg[1:]
	}
	return &diag.Error{Pos: pos, Msg: "TOML syntax error: " + msg, Hint: "docs/EDITING.md shows the format of every file"}
}

// binder assigns parsed values to Go values, recording errors with the
// positions of the scan.
type binder struct {
	texts  condensed // the texts left out of what the parser read
	scan   *scanned
	next   map[string]int // the next [[table]] element of each path
	errs   diag.List
	fields map[reflect.Type]fields
}

var tableType = reflect.TypeFor[Table]()

func (b *binder) fail(t *Table, pos diag.Pos, hint, format string, args ...any) {
	e := b.errs.Add(pos, hint, format, args...)
	if t.err == nil {
		t.err = e
	}
}

// table binds the keys of one table to rv, a struct or a map of strings.
func (b *binder) table(m map[string]any, rv reflect.Value, t *Table, path string) {
	if rv.Kind() == reflect.Map {
		b.stringMap(m, rv, t)
		return
	}
	fields, ok := b.fields[rv.Type()]
	if !ok {
		fields = fieldsOf(rv.Type())
		b.fields[rv.Type()] = fields
	}
	if i, ok := fields.embedded(); ok {
		defer func() { rv.Field(i).Set(reflect.ValueOf(t).Elem()) }() // with the errors found below
	}
	for _, key := range t.order(m) {
		val := m[key]
		f, ok := fields.byKey[key]
		if !ok {
			hint := "check the spelling against docs/EDITING.md"
			if near := closest(key, fields.names); near != "" {
				hint = fmt.Sprintf("did you mean %q?", near)
			}
			b.fail(t, t.KeyAt(key), hint, "unknown key %q", key)
			continue
		}
		b.value(key, val, rv.Field(f), t, path)
	}
}

// order lists the keys of m in the order they are written, keys the scan
// did not see last.
func (t *Table) order(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for i, k := range t.keys {
		if slices.ContainsFunc(t.keys[:i], func(e keyPos) bool { return e.name == k.name }) {
			continue // written twice: the parser takes it once
		}
		if name := t.file.names[k.name]; has(m, name) {
			out = append(out, name)
		}
	}
	if len(out) == len(m) { // the scan saw every key, as it does in the files the project writes
		return out
	}
	var rest []string
	for k := range m {
		if !slices.Contains(out, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

func has(m map[string]any, key string) bool {
	_, ok := m[key]
	return ok
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (b *binder) stringMap(m map[string]any, rv reflect.Value, t *Table) {
	if rv.IsNil() {
		rv.Set(reflect.MakeMap(rv.Type()))
	}
	for _, key := range t.order(m) {
		s, ok := m[key].(string)
		if !ok {
			b.fail(t, t.At(key), `put the text in double quotes: "…"`, "%s must be text in quotes, not %s", key, b.describe(m[key]))
			continue
		}
		rv.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(b.texts.text(s)))
	}
}

// value assigns one parsed value to a field of the table at path.
func (b *binder) value(key string, val any, fv reflect.Value, t *Table, tablePath string) {
	mismatch := func(want, hint string) {
		b.fail(t, t.At(key), hint, "%s must be %s, not %s", key, want, b.describe(val))
	}
	switch fv.Kind() {
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			mismatch("text in quotes", fmt.Sprintf(`write %s = "…"`, key))
			return
		}
		// Not copied: a long text is a slice of one block of the file's
		// texts (condense), a short one of the parser's copy of the file.
		// One block a file, rather than one a value, halves the objects
		// the collector has to mark at 1,000 reports (1.22 → 0.60
		// million).
		if s == "" {
			// Not the parser's empty slice of the file's copy, which
			// would keep that copy alive.
			s = ""
		}
		fv.SetString(b.texts.text(s))
	case reflect.Float64:
		switch x := val.(type) {
		case float64:
			fv.SetFloat(x)
		case int64:
			fv.SetFloat(float64(x))
		default:
			mismatch("a number", fmt.Sprintf("write the number without quotes, e.g. %s = 5.5", key))
		}
	case reflect.Int:
		x, ok := val.(int64)
		if !ok {
			mismatch("a whole number", fmt.Sprintf("write a whole number without quotes, e.g. %s = 12", key))
			return
		}
		fv.SetInt(x)
	case reflect.Bool:
		x, ok := val.(bool)
		if !ok {
			mismatch("true or false", fmt.Sprintf("write %s = true or %s = false, without quotes", key, key))
			return
		}
		fv.SetBool(x)
	case reflect.Slice:
		b.slice(key, val, fv, t, join(tablePath, key))
	case reflect.Struct:
		path := join(tablePath, key)
		sub, ok := val.(map[string]any)
		if !ok {
			mismatch("a table", fmt.Sprintf("write it as a [%s] table", path))
			return
		}
		child := b.child(path, t)
		b.table(sub, fv, child, path)
		if child.err != nil && t.err == nil {
			t.err = child.err
		}
	default:
		panic(fmt.Sprintf("tomlx: field %s has unsupported type %s", key, fv.Type()))
	}
}

// slice assigns a list of values or an array of tables.
func (b *binder) slice(key string, val any, fv reflect.Value, t *Table, path string) {
	et := fv.Type().Elem()
	elem := et
	if et.Kind() == reflect.Pointer {
		elem = et.Elem()
	}
	if elem.Kind() == reflect.Struct {
		tables, ok := val.([]map[string]any)
		if !ok {
			b.fail(t, t.At(key), fmt.Sprintf("write each as a [[%s]] table", path), "%s must be tables, not %s", key, b.describe(val))
			return
		}
		out := reflect.MakeSlice(fv.Type(), len(tables), len(tables))
		for i, sub := range tables {
			child := b.child(path, t)
			target := out.Index(i)
			if et.Kind() == reflect.Pointer {
				target.Set(reflect.New(elem))
				target = target.Elem()
			}
			b.table(sub, target, child, path)
			if child.err != nil && t.err == nil {
				t.err = child.err
			}
		}
		fv.Set(out)
		return
	}
	list, ok := val.([]any)
	if !ok {
		b.fail(t, t.At(key), fmt.Sprintf("write a list in brackets, e.g. %s = %s", key, example(elem)), "%s must be a list, not %s", key, b.describe(val))
		return
	}
	out := reflect.MakeSlice(fv.Type(), 0, len(list))
	for _, item := range list {
		ev := reflect.New(elem).Elem()
		s, isText := item.(string)
		n, isInt := item.(int64)
		switch {
		case isText && elem.Kind() == reflect.String:
			ev.SetString(b.texts.text(s))
		case isInt && elem.Kind() == reflect.Int:
			ev.SetInt(n)
		default:
			want := "whole numbers"
			if elem.Kind() == reflect.String {
				want = "texts in quotes"
			}
			b.fail(t, t.At(key), fmt.Sprintf("write a list such as %s = %s", key, example(elem)), "%s must hold %s, not %s", key, want, b.describe(item))
			return
		}
		out = reflect.Append(out, ev)
	}
	fv.Set(out)
}

// child returns the scanned table of the next element of path, or a table
// positioned at its parent when the scan did not see it.
func (b *binder) child(path string, parent *Table) *Table {
	i := b.next[path]
	b.next[path]++
	if ts := b.scan.tables[path]; i < len(ts) {
		return ts[i]
	}
	return &Table{file: parent.file, header: parent.header}
}

// describe names the TOML type of a parsed value for a message.
func (b *binder) describe(v any) string {
	switch x := v.(type) {
	case string:
		x = b.texts.text(x)
		if len([]rune(x)) > 20 {
			x = string([]rune(x)[:20]) + "…"
		}
		return fmt.Sprintf("text (%q)", x)
	case int64, int:
		return fmt.Sprintf("a whole number (%v)", x)
	case float64:
		return fmt.Sprintf("a number (%v)", x)
	case bool:
		return fmt.Sprintf("%v", x)
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "tables"
	}
	if _, ok := v.(fmt.Stringer); ok {
		return "a date"
	}
	return fmt.Sprintf("%T", v)
}

func example(t reflect.Type) string {
	if t.Kind() == reflect.String {
		return `["a", "b"]`
	}
	return "[2020, 2021]"
}

// fields is the TOML view of a struct type.
type fields struct {
	byKey map[string]int
	names []string
	table int // index of the embedded Table, or -1
}

func (f fields) embedded() (int, bool) { return f.table, f.table >= 0 }

func fieldsOf(t reflect.Type) fields {
	f := fields{byKey: map[string]int{}, table: -1}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Type == tableType && sf.Anonymous {
			f.table = i
			continue
		}
		if !sf.IsExported() {
			continue
		}
		name := sf.Tag.Get("toml")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		f.byKey[name] = i
		f.names = append(f.names, name)
	}
	return f
}

// closest is the known name nearest to s, if one is near enough to be a
// typo of it.
func closest(s string, known []string) string {
	if len(s) > 100 {
		return ""
	}
	best, bestD := "", min(3, len(s)/2+1)
	for _, k := range known {
		if d := Distance(s, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// Distance is the edit distance between two strings, in characters.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
