package tomlx

import (
	"os"
	"path/filepath"
	"testing"
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
	})
}
