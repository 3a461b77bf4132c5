package tomlx

import (
	"strconv"
	"strings"
)

// The parser reads a file one character at a time, at a cost of a few
// channel operations and function calls for each: most of the time it
// takes goes on the words of comments and on long text values (a
// translation file is two thirds Chinese comments and English values). So
// it is given a condensed copy of the file, and the binder takes each text
// value it did not read from the file as written:
//
//   - the words of each comment that fills a line are left out;
//   - the spaces around the = of each `key = value` line are left out;
//   - the value of a `key = "text"` line, when it is not empty and has
//     nothing the parser would read differently from how it is written (no
//     escape, no control character), is replaced by a number: "\uE000"
//     followed by its index in texts, which the binder reads in its place. Short texts too: a number costs the parser about
//     what they do, and then few values (texts in lists) are slices of
//     the condensed copy, which is mostly dropped once the file is
//     decoded.
//
// None of this changes a value or whether the file is valid. The condensed
// copy keeps every line where it was, but not every column: positions come
// from the file as written (scan, which writes the copy in the same pass
// over the lines), and so does a syntax error, which is found again in the
// whole text (DecodeBytes). A file that is not UTF-8 is given to the
// parser whole, which rejects it, and so is a file with a multi-line
// string (three quotes in a row), as any line in it may be inside one; a
// file that holds the private-use character
// U+E000, or a \u or \U escape that could make it, keeps its text values.

// mark starts the number of a text left out of the condensed copy.
const mark = "\uE000"

type condensed struct {
	src   string   // what the parser reads
	texts []string // the text values left out, by number
}

// condenser writes the condensed copy of a text, a line at a time, as scan
// reads it.
type condenser struct {
	text      string
	off       bool // the text is given to the parser whole
	takeTexts bool
	b         strings.Builder
	spans     [][2]int // the texts left out, as offsets in text
}

// newCondenser starts the condensed copy of text, which is valid UTF-8 if
// valid is set; one that is not is given to the parser whole, which
// rejects it.
func newCondenser(text string, valid bool) *condenser {
	if !valid || strings.Contains(text, `"""`) || strings.Contains(text, `'''`) {
		return &condenser{text: text, off: true}
	}
	c := &condenser{text: text, takeTexts: !strings.Contains(text, mark) && !strings.Contains(text, `\u`) && !strings.Contains(text, `\U`)}
	c.b.Grow(len(text) / 4)
	if c.takeTexts {
		// Room for a text every other line: most lines of a file of
		// figures or translations are `key = "text"`.
		c.spans = make([][2]int, 0, strings.Count(text, "\n")/2+1)
	}
	return c
}

// keep writes a line as it is, and its newline if it has one.
func (c *condenser) keep(line string, nl bool) {
	if c.off {
		return
	}
	c.b.WriteString(line)
	if nl {
		c.b.WriteByte('\n')
	}
}

// comment leaves out the words of a line that is a comment the parser
// takes (valid UTF-8 without control characters other than the tab), and
// reports whether it did. trimmed is the line without its \r and indent.
func (c *condenser) comment(line, content, trimmed string) bool {
	if c.off || len(trimmed) == 0 || trimmed[0] != '#' || !plainComment(trimmed) {
		return false
	}
	c.b.WriteString(line[len(content):]) // the \r of a CRLF line
	c.b.WriteByte('\n')
	return true
}

// pair writes a `key = value` line, trimmed, as key=value, with a long
// plain text value replaced by its number; value starts at byte at of the
// text, and cr is the line's \r, if any.
func (c *condenser) pair(trimmed, key, value, cr string, at int) {
	if c.off {
		return
	}
	if trimmed[0] == '"' {
		key = trimmed[:len(key)+2]
	}
	c.b.WriteString(key)
	c.b.WriteByte('=')
	if c.takeTexts && strings.HasPrefix(value, `"`) {
		if end := strings.IndexByte(value[1:], '"'); end > 0 && plainText(value[1:end+1]) {
			var num [20]byte
			c.b.WriteString(`"` + mark)
			c.b.Write(strconv.AppendInt(num[:0], int64(len(c.spans)), 10))
			c.spans = append(c.spans, [2]int{at + 1, at + 1 + end})
			value = value[end+1:]
		}
	}
	c.b.WriteString(value)
	c.b.WriteString(cr)
	c.b.WriteByte('\n')
}

// done returns the condensed copy.
func (c *condenser) done() condensed {
	if c.off {
		return condensed{src: c.text}
	}
	return condensed{src: c.b.String(), texts: copyTexts(c.text, c.spans)}
}

// copyTexts copies the texts left out into one string, so that the values
// hold on to those bytes only, not to the whole file.
func copyTexts(text string, spans [][2]int) []string {
	if len(spans) == 0 {
		return nil
	}
	n := 0
	for _, s := range spans {
		n += s[1] - s[0]
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range spans {
		b.WriteString(text[s[0]:s[1]])
	}
	all := b.String()
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i], all = all[:s[1]-s[0]], all[s[1]-s[0]:]
	}
	return out
}

// text returns the text that s numbers, if s is a number condense put in
// the place of a text, and otherwise s.
func (c condensed) text(s string) string {
	if len(c.texts) == 0 {
		return s
	}
	n, ok := strings.CutPrefix(s, mark)
	if !ok {
		return s
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i >= len(c.texts) {
		return s
	}
	return c.texts[i]
}

// plainComment reports whether a comment of a text that is valid UTF-8
// holds only what TOML allows in one: no control characters other than
// the tab. It looks at eight bytes at a time, as a file's comments and
// texts are most of its bytes.
func plainComment(c string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(c); i += 8 {
		x := uint64(c[i]) | uint64(c[i+1])<<8 | uint64(c[i+2])<<16 | uint64(c[i+3])<<24 |
			uint64(c[i+4])<<32 | uint64(c[i+5])<<40 | uint64(c[i+6])<<48 | uint64(c[i+7])<<56
		del := x ^ 0x7f*ones
		// A byte below 0x20 or equal to 0x7f sets its high bit here.
		if ((x-0x20*ones)&^x|(del-ones)&^del)&highs != 0 && !plainBytes(c[i:i+8]) {
			return false
		}
	}
	return plainBytes(c[i:])
}

// plainBytes reports whether b has no control character other than the
// tab.
func plainBytes(b string) bool {
	for i := 0; i < len(b); i++ {
		if r := b[i]; r < 0x20 && r != '\t' || r == 0x7f {
			return false
		}
	}
	return true
}

// plainText reports whether the parser reads a basic string's content as
// it is written: no escape, and nothing it rejects.
func plainText(s string) bool {
	return !strings.Contains(s, `\`) && plainComment(s)
}
