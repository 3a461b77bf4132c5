package content

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad reads any text as an editorial page, starting from the real
// pages: errors are fine, a panic is not.
func FuzzLoad(f *testing.F) {
	names, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../content/*/*/*.md")
	for _, n := range append(names, more...) {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		pages, errs := Load(fstest.MapFS{"content/en/p.md": {Data: src}}, []string{"en"})
		if len(errs) == 0 && pages["en/p"] == nil {
			t.Fatal("no page and no error")
		}
	})
}
