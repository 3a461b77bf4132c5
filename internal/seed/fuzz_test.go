package seed

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse parses any text as a seed, starting from the real seeds: errors
// are fine, a panic is not, and every line of a parsed range is accounted
// for.
func FuzzParse(f *testing.F) {
	names, _ := filepath.Glob("../../seeds/*.txt")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, 1, 0)
		f.Add(b, 50, 102)
	}
	f.Fuzz(func(t *testing.T, src []byte, first, last int) {
		d, err := Parse("seeds/x.txt", src, first, last)
		if err != nil {
			return
		}
		if len(d.Lines) != d.Last-d.First+1 || len(d.LineKinds) != len(d.Lines) {
			t.Fatalf("lines %d..%d, but %d line records", d.First, d.Last, len(d.Lines))
		}
		for _, b := range d.Blocks {
			if len(b.Lines) == 0 {
				t.Fatalf("block %s has no lines", b.ID)
			}
		}
		d.Outline(0)
	})
}
