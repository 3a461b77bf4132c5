package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/seed"
)

// FuzzLoadTranslation loads and checks any text as the translation of the
// 2020 Chongqing review, starting from the real translations.
func FuzzLoadTranslation(f *testing.F) {
	names, _ := filepath.Glob("../../data/translations/en/*.toml")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	src, err := os.ReadFile("../../seeds/000_a19e5075c3e7a025.txt")
	if err != nil {
		f.Fatal(err)
	}
	doc, err := seed.Parse("seeds/000_a19e5075c3e7a025.txt", src, 1, 48)
	if err != nil {
		f.Fatal(err)
	}
	units := Units(doc)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{TranslationPath("en", "r"): {Data: data}}
		tr, errs := LoadTranslation(fsys, "en", "r")
		if tr == nil {
			return
		}
		if len(errs) > 0 {
			t.Fatalf("a translation with errors was passed on: %v", errs)
		}
		tr.Check(units)
		for _, u := range units {
			if en, _ := tr.Lookup(u); en != strings.TrimSpace(en) {
				t.Fatalf("Lookup(%s) = %q, not trimmed", u.ID, en)
			}
		}
		Skeleton("r", units, tr)
	})
}
