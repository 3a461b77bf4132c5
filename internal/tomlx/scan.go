package tomlx

import (
	"math"
	"strings"
	"unicode/utf8"
)

// scanned is what a line scan of a TOML file finds: every table header and
// every key, in the order they are written. The scan understands the subset
// of TOML the project writes (headers on their own line, one key a line,
// multi-line strings and arrays); anything else only loses a position,
// never a value, because values come from the real parser.
type scanned struct {
	// tables holds, for each table path ("" for the top level, "figure",
	// "report.erratum"), its tables in file order: one for the top level or
	// a [table], one per element for a [[table]].
	tables map[string][]*Table
}

// scan reads the lines of a file's text for the positions of its tables
// and keys, and writes, as it goes, the condensed copy the parser reads
// (condense.go); valid says that src is valid UTF-8.
func scan(path, src string, off int, valid bool) (*scanned, condensed) {
	f := &file{path: path}
	top := &Table{file: f}
	s := &scanned{tables: map[string][]*Table{"": {top}}}
	c := newCondenser(src, valid)
	cur := top
	// Each key name once, by number, so that the positions are small and
	// do not hold on to the file's text.
	names := map[string]uint16{}
	number := func(k string) (uint16, bool) {
		if n, ok := names[k]; ok {
			return n, true
		}
		if len(f.names) > math.MaxUint16 {
			return 0, false
		}
		names[k] = uint16(len(f.names))
		f.names = append(f.names, strings.Clone(k))
		return names[k], true
	}
	col16 := func(c int32) uint16 {
		if c > math.MaxUint16 {
			return 0
		}
		return uint16(c)
	}
	inString := "" // the delimiter of an open multi-line string
	depth := 0     // open brackets of a multi-line array
	n := off       // the line number
	for lineStart := 0; lineStart <= len(src); {
		end := strings.IndexByte(src[lineStart:], '\n')
		last := end < 0 // the last line, without a newline
		if last {
			end = len(src) - lineStart
		}
		whole := src[lineStart : lineStart+end]
		start := lineStart
		lineStart += end + 1
		n++
		line := strings.TrimSuffix(whole, "\r")
		trimmed := strings.TrimLeft(line, " \t")
		if last {
			c.keep(whole, false)
		} else if c.comment(whole, line, trimmed) {
			continue
		}
		keep := func() {
			if !last {
				c.keep(whole, true)
			}
		}
		if inString != "" {
			if strings.Count(line, inString)%2 == 1 {
				inString = ""
			}
			keep()
			continue
		}
		if depth > 0 {
			depth = max(depth+brackets(line), 0)
			keep()
			continue
		}
		indent := len(line) - len(trimmed)
		if name, array, ok := header(trimmed); ok {
			cur = &Table{file: f, header: pos{int32(n), int32(utf8.RuneCountInString(line[:indent]) + 1)}}
			name = strings.Clone(name)
			if array {
				// Room for as many keys as the element before has: the
				// elements of an array ([[figure]]) mostly have the same.
				if prev := s.tables[name]; len(prev) > 0 {
					cur.keys = make([]keyPos, 0, len(prev[len(prev)-1].keys)+1)
				}
				s.tables[name] = append(s.tables[name], cur)
			} else {
				s.tables[name] = []*Table{cur}
			}
			keep()
			continue
		}
		key, rest, ok := keyOf(trimmed)
		if !ok {
			keep()
			continue
		}
		if !last {
			c.pair(trimmed, key, rest, whole[len(line):], start+len(line)-len(rest))
		}
		col := func(s string) int32 { return int32(utf8.RuneCountInString(line[:len(line)-len(s)]) + 1) }
		if name, ok := number(key); ok {
			valCol := col(rest)
			cur.keys = append(cur.keys, keyPos{line: int32(n), name: name, keyCol: col16(col(trimmed)), valCol: col16(valCol)})
			if strings.HasPrefix(rest, "[") {
				cur.arrays = append(cur.arrays, arrayPos{name, elements(src, start+len(line)-len(rest), n, int(valCol))})
			}
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && strings.Count(rest, q) == 1 {
				inString = q
			}
		}
		if strings.HasPrefix(rest, "[") {
			depth = max(brackets(rest), 0)
		}
	}
	return s, c.done()
}

// elements finds where each element of the array that starts at byte at of
// src (on line n, column col) starts.
func elements(src string, at, n, col int) []pos {
	var out []pos
	depth := 0
	for i := at; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '\n':
			n, col = n+1, 0
		case r == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case r == '[':
			if depth == 1 {
				out = append(out, pos{int32(n), int32(col)})
			}
			depth++
		case r == ']':
			if depth--; depth == 0 {
				return out
			}
		case r == ',' || r == ' ' || r == '\t' || r == '\r':
		default:
			if depth == 1 {
				out = append(out, pos{int32(n), int32(col)})
			}
			// Skip the element: a string to its closing quote, anything
			// else to the next separator.
			end := i + size
			if r == '"' || r == '\'' {
				for end < len(src) && src[end] != byte(r) && src[end] != '\n' {
					if src[end] == '\\' && r == '"' {
						end++
					}
					end++
				}
				end++
			} else {
				for end < len(src) && !strings.ContainsRune(",]\n #", rune(src[end])) {
					end++
				}
			}
			col += utf8.RuneCountInString(src[i:min(end, len(src))])
			i = end
			continue
		}
		i += size
		col++
	}
	return out
}

// brackets counts the square brackets a line opens and does not close,
// outside strings and comments.
func brackets(line string) int {
	n := 0
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return n
		case c == '[':
			n++
		case c == ']':
			n--
		}
	}
	return n
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
	parts := strings.Split(strings.Trim(t[:end], "[ \t"), ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"`)
	}
	return strings.Join(parts, "."), array, true
}

// keyOf recognises `key = …` and `"quoted key" = …`, returning the key and
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
