package synth

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// tables is a TOML file cut into its [[name]] tables, as text.
type tables struct {
	preamble string  // everything before the first table
	entries  []table // each table with its sub-tables, up to the next one
}

// table is the text of one [[name]] table, with where its id (and, for a
// figure, its report) is written.
type table struct {
	text       string
	id, report string
	idAt       span
	reportAt   span // empty for a report
}

// span is a byte range of a table's text: the characters of a string value
// between its quotes.
type span struct{ from, to int }

// rewrite returns the table's text with its id, and its report when it has
// one, replaced.
func (t table) rewrite(id, report string) string {
	spans, vals := []span{t.idAt}, []string{id}
	if t.reportAt != (span{}) {
		spans, vals = append(spans, t.reportAt), append(vals, report)
		if t.reportAt.from < t.idAt.from {
			spans[0], spans[1], vals[0], vals[1] = spans[1], spans[0], vals[1], vals[0]
		}
	}
	var b strings.Builder
	b.Grow(len(t.text) + 16)
	at := 0
	for i, s := range spans {
		b.WriteString(t.text[at:s.from])
		b.WriteString(vals[i])
		at = s.to
	}
	b.WriteString(t.text[at:])
	return b.String()
}

// readTables reads the file name of src, which holds only [[name]] tables,
// and cuts it into them. Each table's id (and report, when withReport) must
// be a plain string on a line of its own, as the editors write them; the
// cut is checked against the decoded file.
func readTables(src fs.FS, file, name string, withReport bool) (*tables, error) {
	b, err := fs.ReadFile(src, file)
	if err != nil {
		return nil, err
	}
	text := string(b)
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for key := range raw {
		if key != name {
			return nil, fmt.Errorf("%s: unexpected key %q (synthsite copies files that hold only [[%s]] tables)", file, key, name)
		}
	}
	var decoded []map[string]any
	switch v := raw[name].(type) {
	case nil:
	case []map[string]any:
		decoded = v
	case []any: // an inline array: its tables are not on lines of their own
		for _, x := range v {
			m, _ := x.(map[string]any)
			decoded = append(decoded, m)
		}
	default:
		return nil, fmt.Errorf("%s: %s is not an array of tables", file, name)
	}

	t := &tables{}
	header := "[[" + name + "]]"
	starts := tableStarts(text, header)
	if len(starts) != len(decoded) {
		return nil, fmt.Errorf("%s: found %d %s lines but %d tables (synthsite needs each %s on a line of its own)", file, len(starts), header, len(decoded), header)
	}
	if len(starts) == 0 {
		t.preamble = text
		return t, nil
	}
	t.preamble = text[:starts[0]]
	for i, from := range starts {
		to := len(text)
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		e := table{text: text[from:to]}
		head := tableHead(e.text)
		var ok bool
		if e.id, e.idAt, ok = stringKey(head, "id"); !ok || e.id != decoded[i]["id"] {
			return nil, fmt.Errorf("%s: %s number %d: cannot find its id = \"…\" line (synthsite rewrites ids in the text)", file, header, i+1)
		}
		if withReport {
			if e.report, e.reportAt, ok = stringKey(head, "report"); !ok || e.report != decoded[i]["report"] {
				return nil, fmt.Errorf("%s: %s %q: cannot find its report = \"…\" line (synthsite rewrites it in the text)", file, header, e.id)
			}
		}
		t.entries = append(t.entries, e)
	}
	return t, nil
}

// tableStarts returns the byte offsets of the lines that hold only header.
func tableStarts(text, header string) []int {
	var out []int
	for at := 0; at < len(text); {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text) - at
		}
		line := strings.TrimSpace(text[at : at+end])
		if line == header || strings.HasPrefix(line, header+" #") || strings.HasPrefix(line, header+"#") {
			out = append(out, at)
		}
		at += end + 1
	}
	return out
}

// tableHead is a table's own keys: its text up to its first sub-table.
func tableHead(text string) string {
	first := strings.IndexByte(text, '\n') + 1 // after the header line
	if first == 0 {
		return text
	}
	for at := first; at < len(text); {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text) - at
		}
		if strings.HasPrefix(strings.TrimSpace(text[at:at+end]), "[") {
			return text[:at]
		}
		at += end + 1
	}
	return text
}

var keyLines = map[string]*regexp.Regexp{
	"id":     regexp.MustCompile(`(?m)^[ \t]*id[ \t]*=[ \t]*"([^"\\\n]*)"`),
	"report": regexp.MustCompile(`(?m)^[ \t]*report[ \t]*=[ \t]*"([^"\\\n]*)"`),
}

// stringKey finds the one line key = "value" in head, and returns the value
// and where it is.
func stringKey(head, key string) (string, span, bool) {
	m := keyLines[key].FindAllStringSubmatchIndex(head, 2)
	if len(m) != 1 {
		return "", span{}, false
	}
	s := span{m[0][2], m[0][3]}
	return head[s.from:s.to], s, true
}
