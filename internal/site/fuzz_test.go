package site

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// FuzzCheck replaces one input file of the real site with the fuzzer's
// bytes and builds the site in memory, as `check` does: errors are fine,
// a panic is not (site.Build turns a panic into an internal error, which
// fails here).
func FuzzCheck(f *testing.F) {
	real := fstest.MapFS{}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, dir := range []string{"seeds/", "data/", "content/", "layouts/"} {
			if len(p) > len(dir) && p[:len(dir)] == dir {
				b, err := fs.ReadFile(root, p)
				real[p] = &fstest.MapFile{Data: b}
				return err
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	// One file of each kind starts the corpus.
	files := []string{"data/reports.toml", "data/indicators.toml", "data/figures/2021-chongqing-work-report.toml",
		"data/translations/en/2020-sichuan-review.toml", "data/site.toml", "data/i18n/en.toml", "data/glossary.toml",
		"content/en/about.md", "layouts/report.html", "layouts/partials/chart.html", "seeds/001_69ed86bf7a6d565d.txt"}
	for i, name := range files {
		f.Add(uint8(i), real[name].Data)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range real {
			fsys[k] = v
		}
		fsys[files[int(which)%len(files)]] = &fstest.MapFile{Data: data}
		_, errs := Build(fsys, Options{BaseURL: "/"})
		if errs.Internal() {
			t.Fatalf("internal error: %v", errs)
		}
	})
}
