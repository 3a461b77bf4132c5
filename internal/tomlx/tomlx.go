// Package tomlx decodes the project's TOML inputs strictly and keeps
// positions: a syntax error, a wrong type or an unknown key becomes a
// diag.Error at path:line:col, and every key of every table can be located
// afterwards, so that a later check (an unknown indicator, a quote not found)
// can point at the line an editor has to change.
package tomlx

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"reportsite/internal/diag"
)

// File is a decoded TOML file with the positions of its keys.
type File struct {
	Path string
	// keys maps "table#index.key" (or ".key" at the top level, or
	// "table.key" for a plain table) to a position.
	keys   map[string]diag.Pos
	tables map[string][]diag.Pos // array-of-tables header positions
	keyCol map[diag.Pos]int      // value position -> column of its key
}

// Decode reads path from fsys into v. Unknown keys are errors: a typo in a
// key name must not pass in silence.
func Decode(fsys fs.FS, path string, v any) (*File, diag.List) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path}, "cannot read: %v", unwrapPathError(err))}
	}
	return DecodeBytes(path, data, 0, v)
}

// DecodeBytes decodes data, which starts at line lineOffset+1 of path (front
// matter inside a Markdown file starts below the first line).
func DecodeBytes(path string, data []byte, lineOffset int, v any) (*File, diag.List) {
	f := locate(path, string(data), lineOffset)
	md, err := toml.Decode(string(data), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos := diag.Pos{File: path, Line: pe.Position.Line + lineOffset, Col: pe.Position.Col}
			msg := pe.Message
			if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
				msg = fmt.Sprintf("%s (key %q)", msg, pe.LastKey)
			}
			return nil, diag.List{{Pos: pos, Msg: "TOML: " + msg}}
		}
		return nil, diag.List{diag.Errorf(diag.Pos{File: path}, "TOML: %v", err)}
	}
	var errs diag.List
	for _, k := range md.Undecoded() {
		errs = append(errs, &diag.Error{Pos: f.find(k), Msg: fmt.Sprintf("unknown key %q", k.String()), Hint: "check the spelling against docs/EDITING.md"})
	}
	return f, errs
}

// Pos returns the position of the value of key in the index-th [[table]] (index from 0).
// With table "" it looks at top-level keys. If the key is absent it returns
// the table's header, or the file.
func (f *File) Pos(table string, index int, key string) diag.Pos {
	if f == nil {
		return diag.Pos{}
	}
	if p, ok := f.keys[table+"#"+strconv.Itoa(index)+"."+key]; ok {
		return p
	}
	if p, ok := f.keys[table+"."+key]; ok && index == 0 {
		return p
	}
	if hs := f.tables[table]; index < len(hs) {
		return hs[index]
	}
	return diag.Pos{File: f.Path}
}

// Table returns the position of the index-th [[table]] header.
func (f *File) Table(table string, index int) diag.Pos {
	if hs := f.tables[table]; f != nil && index < len(hs) {
		return hs[index]
	}
	return diag.Pos{File: f.Path}
}

// locate scans the file for table headers and keys. It understands the
// subset of TOML the project writes (headers on their own line, one key a
// line, multi-line strings); anything else only loses a position, never a
// value, because values come from the real decoder.
func locate(path, src string, off int) *File {
	f := &File{Path: path, keys: map[string]diag.Pos{}, tables: map[string][]diag.Pos{}, keyCol: map[diag.Pos]int{}}
	table, index := "", 0
	inMulti := ""
	for i, line := range strings.Split(src, "\n") {
		n := i + 1 + off
		if inMulti != "" {
			if strings.Count(line, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		if name, array, ok := header(trimmed); ok {
			table = name
			if array {
				f.tables[table] = append(f.tables[table], diag.Pos{File: path, Line: n, Col: indent + 1})
				index = len(f.tables[table]) - 1
			} else {
				index = -1
			}
			continue
		}
		key, rest, ok := keyOf(trimmed)
		if !ok {
			continue
		}
		pos := diag.Pos{File: path, Line: n, Col: utf8.RuneCountInString(line[:len(line)-len(rest)]) + 1}
		f.keyCol[pos] = indent + 1
		if index >= 0 {
			f.keys[table+"#"+strconv.Itoa(index)+"."+key] = pos
		} else {
			f.keys[table+"."+key] = pos
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && strings.Count(rest, q) == 1 {
				inMulti = q
			}
		}
	}
	return f
}

// header recognises [name] and [[name]].
func header(t string) (name string, array, ok bool) {
	if !strings.HasPrefix(t, "[") {
		return "", false, false
	}
	array = strings.HasPrefix(t, "[[")
	closing := "]"
	if array {
		closing = "]]"
	}
	end := strings.Index(t, closing)
	if end < 0 {
		return "", false, false
	}
	return strings.TrimSpace(strings.Trim(t[:end], "[")), array, true
}

// keyOf recognises `key = …` and `"quoted.key" = …`, returning the key and
// what follows the equals sign.
func keyOf(t string) (key, rest string, ok bool) {
	if strings.HasPrefix(t, `"`) {
		end := strings.Index(t[1:], `"`)
		if end < 0 {
			return "", "", false
		}
		key, t = t[1:end+1], t[end+2:]
	} else {
		i := 0
		for i < len(t) && (t[i] == '_' || t[i] == '-' || t[i] >= 'a' && t[i] <= 'z' || t[i] >= 'A' && t[i] <= 'Z' || t[i] >= '0' && t[i] <= '9') {
			i++
		}
		if i == 0 {
			return "", "", false
		}
		key, t = t[:i], t[i:]
	}
	t = strings.TrimLeft(t, " \t")
	if !strings.HasPrefix(t, "=") {
		return "", "", false
	}
	return key, strings.TrimLeft(t[1:], " \t"), true
}

// find locates an undecoded key: the first place its last part is written
// under its table.
func (f *File) find(k toml.Key) diag.Pos {
	if len(k) == 0 {
		return diag.Pos{File: f.Path}
	}
	table := strings.Join(k[:len(k)-1], ".")
	last := k[len(k)-1]
	var found []diag.Pos
	for name, p := range f.keys {
		t, key, _ := strings.Cut(name, ".")
		t, _, _ = strings.Cut(t, "#")
		if key == last && (t == table || table == "") {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		if hs := f.tables[table]; len(hs) > 0 {
			return hs[0]
		}
		return diag.Pos{File: f.Path}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Line < found[j].Line })
	p := found[0]
	p.Col = f.keyCol[p]
	return p
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
