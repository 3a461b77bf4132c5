package tomlx

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// fuzzTarget has a field of every kind the project's files use.
type fuzzTarget struct {
	Table
	ID     string  `toml:"id"`
	Value  float64 `toml:"value"`
	Line   int     `toml:"line"`
	Flag   bool    `toml:"cumulative"`
	Covers []int   `toml:"covers"`
	Names  []string
	Figure []*struct {
		Table
		ID    string  `toml:"id"`
		Value float64 `toml:"value"`
		Quote string  `toml:"quote"`
	} `toml:"figure"`
	Report []*struct {
		Table
		ID      string `toml:"id"`
		Erratum []*struct {
			Table
			Line int `toml:"line"`
		} `toml:"erratum"`
	} `toml:"report"`
}

// FuzzDecode decodes any text strictly, starting from the real data files:
// errors are fine, a panic is not, and every error has a position in the
// file.
func FuzzDecode(f *testing.F) {
	names, _ := filepath.Glob("../../data/*.toml")
	more, _ := filepath.Glob("../../data/*/*.toml")
	for _, n := range append(names, more...) {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var v fuzzTarget
		_, errs := DecodeBytes("f.toml", src, 0, &v)
		for _, e := range errs {
			if e.Pos.File != "f.toml" {
				t.Fatalf("error without the file: %v", e)
			}
		}
		m := map[string]string{}
		DecodeBytes("s.toml", src, 0, &m)
		sameCondensed(t, src)
	})
}

// sameCondensed checks that the parser finds the same values, or fails,
// in a text as written and in its condensed copy with the texts left out
// put back (the error itself is taken from the text as written).
func sameCondensed(t *testing.T, src []byte) {
	t.Helper()
	var whole, condensed map[string]any
	c := condense(string(src))
	_, errWhole := toml.Decode(string(src), &whole)
	_, errCondensed := toml.Decode(c.src, &condensed)
	if (errWhole == nil) != (errCondensed == nil) {
		t.Fatalf("condensed: error %v, as written: %v\ncondensed text: %q", errCondensed, errWhole, c.src)
	}
	restore(c, condensed)
	if errWhole == nil && !reflect.DeepEqual(whole, condensed) {
		t.Fatalf("condensed, the values differ:\n%v\n%v\ncondensed text: %q", condensed, whole, c.src)
	}
}

// FuzzCondense checks, on any text, that the parser reads the same values
// or fails in the text as written and in its condensed copy.
func FuzzCondense(f *testing.F) {
	for _, s := range []string{
		"# c\nk = 1\n", "a = [\n# c\n1]\n", "s = \"\"\"\n# x\n\"\"\"\n", "[t]\r\n  # c\r\nk = 'v' # d\r\n",
		"[[figure]]\nid = \"a#b\"\n#\n", "q   =   \"一段很长的引文，有逗号\"  # c\r\n\"k y\" = \"long enough text\"\nn = \"\\u00e9 escaped\"\n",
		"t = { a = \"long enough text\" }\nu = [\"long enough text\"]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { sameCondensed(t, src) })
}

// restore puts the texts that c left out back into the values the parser
// read from c.src.
func restore(c condensed, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok {
				v[k] = c.text(s)
				continue
			}
			restore(c, x)
		}
	case []map[string]any:
		for _, x := range v {
			restore(c, x)
		}
	case []any:
		for i, x := range v {
			if s, ok := x.(string); ok {
				v[i] = c.text(s)
				continue
			}
			restore(c, x)
		}
	}
}

// condense is the condensed copy of text that scan writes.
func condense(text string) condensed {
	_, c := scan("", text, 0, utf8.ValidString(text))
	return c
}
