package tomlx

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

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
		sameWithoutComments(t, src)
	})
}

// sameWithoutComments checks that the parser finds the same values, or
// fails, in a text and in the text without the words of its comments (the
// error itself is taken from the text as written).
func sameWithoutComments(t *testing.T, src []byte) {
	t.Helper()
	var whole, stripped map[string]any
	_, errWhole := toml.Decode(string(src), &whole)
	_, errStripped := toml.Decode(withoutComments(src), &stripped)
	if (errWhole == nil) != (errStripped == nil) {
		t.Fatalf("without comments: error %v, with them: %v", errStripped, errWhole)
	}
	if errWhole == nil && !reflect.DeepEqual(whole, stripped) {
		t.Fatalf("without comments the values differ:\n%v\n%v", stripped, whole)
	}
}

// FuzzWithoutComments checks, on any text, that the parser reads the same
// values or the same error with and without the words of its comments.
func FuzzWithoutComments(f *testing.F) {
	for _, s := range []string{"# c\nk = 1\n", "a = [\n# c\n1]\n", "s = \"\"\"\n# x\n\"\"\"\n", "[t]\r\n  # c\r\nk = 'v' # d\r\n", "[[figure]]\nid = \"a#b\"\n#\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { sameWithoutComments(t, src) })
}
