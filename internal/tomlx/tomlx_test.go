package tomlx

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

type figure struct {
	Table
	ID    string  `toml:"id"`
	Value float64 `toml:"value"`
	Quote string  `toml:"quote"`
}

type figures struct {
	Figure []*figure `toml:"figure"`
}

func decode(t *testing.T, src string) (*figures, *Table, []string) {
	t.Helper()
	var v figures
	top, errs := Decode(fstest.MapFS{"f.toml": {Data: []byte(src)}}, "f.toml", &v)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	return &v, top, got
}

func TestDecodePositions(t *testing.T) {
	src := "# c\n[[figure]]\nid = \"a\"\nvalue = 1\n\n[[figure]]\n  id = \"b\"\n  valeu = 2\n"
	v, _, errs := decode(t, src)
	if len(errs) != 1 || errs[0] != `f.toml:8:3: unknown key "valeu" (did you mean "value"?)` {
		t.Fatalf("Decode errors = %q", errs)
	}
	for _, tc := range []struct {
		index int
		key   string
		want  string
	}{
		{0, "id", "f.toml:3:6"}, {0, "value", "f.toml:4:9"}, {1, "id", "f.toml:7:8"}, {1, "value", "f.toml:6:1"},
	} {
		if got := v.Figure[tc.index].At(tc.key).String(); got != tc.want {
			t.Errorf("figure %d At(%s) = %s, want %s", tc.index, tc.key, got, tc.want)
		}
	}
	if v.Figure[0].Err() != nil || v.Figure[1].Err() == nil {
		t.Errorf("Err() = %v, %v; want only the second figure to have failed", v.Figure[0].Err(), v.Figure[1].Err())
	}
}

// TestTypeErrorAtValue: a value of the wrong type is reported where it is
// written, in its own table, and the other tables still decode.
func TestTypeErrorAtValue(t *testing.T) {
	src := "[[figure]]\nid = \"a\"\nvalue = 1\n\n[[figure]]\nid = \"b\"\nvalue = \"abc\"\n\n[[figure]]\nid = \"c\"\nvalue = 3\n"
	v, _, errs := decode(t, src)
	want := `f.toml:7:9: value must be a number, not text ("abc") (write the number without quotes, e.g. value = 5.5)`
	if len(errs) != 1 || errs[0] != want {
		t.Fatalf("errors = %q, want %q", errs, want)
	}
	if len(v.Figure) != 3 || v.Figure[0].Value != 1 || v.Figure[2].Value != 3 || v.Figure[2].ID != "c" {
		t.Errorf("the other figures did not decode: %+v", v.Figure)
	}
	if v.Figure[1].Err() == nil || v.Figure[0].Err() != nil || v.Figure[2].Err() != nil {
		t.Error("Err() does not single out the failed table")
	}
}

func TestSyntaxErrorColumnsCountCharacters(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[[figure]]\nid = \"a\nvalue = 1\n", "f.toml:2:8"},
		// The error is after 9 characters of Chinese (27 bytes): column
		// 19, not 37.
		{"[[figure]]\nquote = \"一二三四五六七八九\" x\n", "f.toml:2:20"},
	} {
		_, _, errs := decode(t, tc.src)
		if len(errs) != 1 || !strings.HasPrefix(errs[0], tc.want+": TOML syntax error: ") {
			t.Errorf("Decode(%q) errors = %q, want one at %s", tc.src, errs, tc.want)
		}
	}
	_, errs := DecodeBytes("page.md", []byte("title = 3\nx = = 1\n"), 1, &struct{ Title int }{})
	if len(errs) != 1 || errs[0].Pos.Line != 3 {
		t.Fatalf("DecodeBytes with offset: errors = %v, want line 3", errs)
	}
}

func TestCRLFAndBOM(t *testing.T) {
	src := "\uFEFF[[figure]]\r\nid = \"a\"\r\nquote = \"增长5.5%\"\r\nvalue = 5.5\r\n"
	v, _, errs := decode(t, src)
	if len(errs) != 0 || len(v.Figure) != 1 || v.Figure[0].Quote != "增长5.5%" || v.Figure[0].Value != 5.5 {
		t.Fatalf("errors %q, figures %+v", errs, v.Figure)
	}
	if got := v.Figure[0].At("value").String(); got != "f.toml:4:9" {
		t.Errorf("At(value) = %s, want f.toml:4:9", got)
	}
}

func TestNestedTablesAndLists(t *testing.T) {
	type erratum struct {
		Table
		Line int `toml:"line"`
	}
	type report struct {
		Table
		ID      string     `toml:"id"`
		Covers  []int      `toml:"covers"`
		Erratum []*erratum `toml:"erratum"`
	}
	var v struct {
		Report []*report `toml:"report"`
	}
	src := "[[report]]\nid = \"a\"\ncovers = [\n  2020,\n  2021,\n]\n\n  [[report.erratum]]\n  line = 3\n\n[[report]]\nid = \"b\"\ncovers = [\"2020\"]\n\n  [[report.erratum]]\n  line = \"x\"\n"
	_, errs := Decode(fstest.MapFS{"r.toml": {Data: []byte(src)}}, "r.toml", &v)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`r.toml:13:10: covers must hold whole numbers, not text ("2020") (write a list such as covers = [2020, 2021])`,
		`r.toml:16:10: line must be a whole number, not text ("x") (write a whole number without quotes, e.g. line = 12)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(v.Report) != 2 || v.Report[0].Err() != nil || v.Report[1].Err() == nil || v.Report[0].Covers[1] != 2021 || v.Report[0].Erratum[0].Line != 3 {
		t.Errorf("reports = %+v", v.Report)
	}
	if got := v.Report[1].Erratum[0].At("line").String(); got != "r.toml:16:10" {
		t.Errorf("nested At = %s", got)
	}
	for i, want := range []string{"r.toml:4:3", "r.toml:5:3", "r.toml:3:10"} {
		if got := v.Report[0].Elem("covers", i).String(); got != want {
			t.Errorf("Elem(covers, %d) = %s, want %s", i, got, want)
		}
	}
	if got := v.Report[1].Elem("covers", 0).String(); got != "r.toml:13:11" {
		t.Errorf("Elem of a one-line array = %s", got)
	}
}

func TestStringMap(t *testing.T) {
	m := map[string]string{}
	top, errs := DecodeBytes("s.toml", []byte("\"a.b\" = \"x\"\nc = 1\n"), 0, &m)
	if m["a.b"] != "x" || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "s.toml:2:5: c must be text in quotes") {
		t.Errorf("map %v, errors %v", m, errs)
	}
	if top.At("a.b").String() != "s.toml:1:9" {
		t.Errorf("At = %s", top.At("a.b"))
	}
}

// TestCondense checks the condensed copy of a text the parser reads, and
// that the parser reads the same values or the same error from it as from
// the text as written.
func TestCondense(t *testing.T) {
	const e = mark
	for _, c := range []struct {
		in, want string
		texts    []string
	}{
		{"# a comment\nkey = 1 # kept\n", "\nkey=1 # kept\n", nil},
		{"  # 中文注释\r\nkey = \"#x\"\r\n", "\r\nkey=\"" + e + "0\"\r\n", []string{"#x"}},
		{"a = [\n  1,\n  # inside an array\n  2,\n]\n", "a=[\n  1,\n\n  2,\n]\n", nil},
		// texts are left out, empty ones kept
		{"[[block]]\nid = \"p-8\"\nen   =  \"In 2020, Chongqing\"  # c\r\nq = \"\"\n", "[[block]]\nid=\"" + e + "0\"\nen=\"" + e + "1\"  # c\r\nq=\"\"\n", []string{"p-8", "In 2020, Chongqing"}},
		{"\"a key\" = \"一段引文\"\nb = \"12345678\"\n", "\"a key\"=\"" + e + "0\"\nb=\"" + e + "1\"\n", []string{"一段引文", "12345678"}},
		// what the parser reads otherwise than as written stays
		{"a = \"tab\there \\\" and more\"\nb = \"long enough\x01\"\n", "a=\"tab\there \\\" and more\"\nb=\"long enough\x01\"\n", nil},
		{"a = [\"long enough text\"]\nb = { c = \"long enough text\" }\n", "a=[\"long enough text\"]\nb={ c = \"long enough text\" }\n", nil},
		// a file that could hold the mark keeps its texts
		{"a = \"\\uE000 looks like a number\"\nb = \"long enough text\"\n", "a=\"\\uE000 looks like a number\"\nb=\"long enough text\"\n", nil},
		{"a = \"" + e + "0 written as it is\"\n", "a=\"" + e + "0 written as it is\"\n", nil},
		// a multi-line string may hold a line that starts with #
		{"s = \"\"\"\n# not a comment\n\"\"\"\n# c\n", "s = \"\"\"\n# not a comment\n\"\"\"\n# c\n", nil},
		{"s = '''\n# not a comment\n'''\n", "s = '''\n# not a comment\n'''\n", nil},
		// the parser must still see what it rejects
		{"# bad \x01 control\nk = 1\n", "# bad \x01 control\nk=1\n", nil},
		// a file that is not UTF-8 is given whole
		{"# bad \xff utf-8\nk = 1\n", "# bad \xff utf-8\nk = 1\n", nil},
		{"k = \"bad \xff utf-8 text\"\n", "k = \"bad \xff utf-8 text\"\n", nil},
		{"# no newline at the end", "# no newline at the end", nil},
		{"0=[\n#0", "0=[\n#0", nil},
	} {
		got := condense(c.in)
		if got.src != c.want || !slices.Equal(got.texts, c.texts) {
			t.Errorf("condense(%q) = %q %q, want %q %q", c.in, got.src, got.texts, c.want, c.texts)
		}
		sameCondensed(t, []byte(c.in))
	}
}

// TestCondensedTexts checks that the texts the parser did not read reach
// every field, map and message as written.
func TestCondensedTexts(t *testing.T) {
	src := "# 注释\n[[figure]]\nid    =   \"a long identifier\"\nquote = \"全市规上工业增加值增长5.5%\"\nvalue = \"not a number at all\"\n"
	var v struct {
		Figure []*figure `toml:"figure"`
	}
	_, errs := DecodeBytes("f.toml", []byte(src), 0, &v)
	f := v.Figure[0]
	if f.ID != "a long identifier" || f.Quote != "全市规上工业增加值增长5.5%" {
		t.Errorf("decoded %q %q", f.ID, f.Quote)
	}
	want := `f.toml:5:9: value must be a number, not text ("not a number at all")`
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want) {
		t.Errorf("errors %v, want %s", errs, want)
	}
	m := map[string]string{}
	if _, errs := DecodeBytes("s.toml", []byte("k = \"a long English text\"\n"), 0, &m); len(errs) > 0 || m["k"] != "a long English text" {
		t.Errorf("map %v, errors %v", m, errs)
	}
}

// TestPlainComment checks the eight-bytes-at-a-time test against a byte at
// a time, with each kind of byte at each place in a word.
func TestPlainComment(t *testing.T) {
	for _, bad := range []byte{0, 1, '\t', '\r', 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xff} {
		for n := 1; n <= 19; n++ {
			for at := 0; at < n; at++ {
				b := []byte(strings.Repeat("a", n))
				b[at] = bad
				want := plainBytes(string(b))
				if got := plainComment(string(b)); got != want {
					t.Fatalf("plainComment(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}
