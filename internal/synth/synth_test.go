package synth_test

import (
	"bytes"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"reportsite/internal/site"
	"reportsite/internal/synth"
)

// The real site, from the repository root.
var realSite = os.DirFS("../..")

type figure struct {
	ID     string `toml:"id"`
	Report string `toml:"report"`
}

// decode reads what the generated site holds: report ids in order, and
// every figure.
func decode(t *testing.T, files map[string][]byte) (reports []string, figures []figure) {
	t.Helper()
	var r struct {
		Report []struct {
			ID string `toml:"id"`
		} `toml:"report"`
	}
	if _, err := toml.Decode(string(files["data/reports.toml"]), &r); err != nil {
		t.Fatal(err)
	}
	for _, x := range r.Report {
		reports = append(reports, x.ID)
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if path.Dir(p) != "data/figures" {
			continue
		}
		var f struct {
			Figure []figure `toml:"figure"`
		}
		if _, err := toml.Decode(string(files[p]), &f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		figures = append(figures, f.Figure...)
	}
	return reports, figures
}

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestSiteIDs(t *testing.T) {
	realFiles, err := synth.Site(realSite, 5)
	if err != nil {
		t.Fatal(err)
	}
	realReports, realFigures := decode(t, realFiles)
	perReport := map[string]int{}
	for _, f := range realFigures {
		perReport[f.Report]++
	}
	for _, n := range []int{1, 3, 7, 12} {
		files, err := synth.Site(realSite, n)
		if err != nil {
			t.Fatalf("Site(%d): %v", n, err)
		}
		reports, figures := decode(t, files)
		var want []string
		for i := range n {
			want = append(want, synth.CopyID(realReports[i%len(realReports)], i/len(realReports)))
		}
		if !slices.Equal(reports, want) {
			t.Errorf("Site(%d) reports = %v, want %v", n, reports, want)
		}
		kept := map[string]bool{}
		for _, id := range reports {
			kept[id] = true
			if files["data/translations/en/"+id+".toml"] == nil {
				t.Errorf("Site(%d): no translation of %s", n, id)
			}
		}
		// The report an id was copied from.
		origin := func(id string) string {
			for _, r := range realReports {
				if id == r || strings.HasPrefix(id, r+"-s") {
					return r
				}
			}
			return ""
		}
		wantFigures := 0
		for _, id := range reports {
			wantFigures += perReport[origin(id)]
		}
		seen := map[string]bool{}
		for _, f := range figures {
			if seen[f.ID] {
				t.Errorf("Site(%d): figure id %s used twice", n, f.ID)
			}
			seen[f.ID] = true
			if !kept[f.Report] {
				t.Errorf("Site(%d): figure %s refers to report %s, which is not in the site", n, f.ID, f.Report)
			}
		}
		if len(figures) != wantFigures {
			t.Errorf("Site(%d) has %d figures, want %d", n, len(figures), wantFigures)
		}
		translations := 0
		for p := range files {
			if strings.HasPrefix(p, "data/translations/") {
				translations++
			}
		}
		if translations != n {
			t.Errorf("Site(%d) has %d translation files, want %d", n, translations, n)
		}
	}
}

func TestSiteDeterministic(t *testing.T) {
	a, err := synth.Site(realSite, 11)
	if err != nil {
		t.Fatal(err)
	}
	b, err := synth.Site(realSite, 11)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Error("two calls of Site(11) gave different files")
	}
}

// TestSiteBuilds builds generated sites with the real pipeline: fewer
// reports than the real ones (the headline must then be trimmed) and a
// number that is not a multiple of them.
func TestSiteBuilds(t *testing.T) {
	for _, n := range []int{3, 7} {
		files, err := synth.Site(realSite, n)
		if err != nil {
			t.Fatal(err)
		}
		out, errs := site.Build(mapFS(files), site.Options{BaseURL: "/"})
		if err := errs.Err(); err != nil {
			t.Fatalf("building a site of %d reports: %v", n, err)
		}
		for _, lang := range []string{"zh", "en"} {
			pages := 0
			for p := range out.Files {
				if ok, _ := path.Match(lang+"/reports/*/index.html", p); ok {
					pages++
				}
			}
			if pages != n {
				t.Errorf("site of %d reports has %d report pages in %s", n, pages, lang)
			}
		}
	}
}

func TestSiteErrors(t *testing.T) {
	reports := "[[report]]\nid = \"a\"\n\n[[report]]\nid = \"b\"\n"
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		n     int
		want  string
	}{
		{"no reports", fstest.MapFS{"data/reports.toml": {Data: []byte("# none\n")}}, 1, "no [[report]]"},
		{"zero", fstest.MapFS{"data/reports.toml": {Data: []byte(reports)}}, 0, "at least 1"},
		{"unknown report", fstest.MapFS{
			"data/reports.toml":   {Data: []byte(reports)},
			"data/figures/x.toml": {Data: []byte("[[figure]]\nid = \"f\"\nreport = \"c\"\n")},
		}, 1, `refers to report "c"`},
		{"id not on its own line", fstest.MapFS{
			"data/reports.toml": {Data: []byte("report = [{id = \"a\"}]\n")},
		}, 1, "found 0 [[report]] lines but 1 tables"},
		{"other keys", fstest.MapFS{
			"data/reports.toml": {Data: []byte("version = 1\n" + reports)},
		}, 1, `unexpected key "version"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := synth.Site(tc.files, tc.n)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Site = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestSiteRewritesOnlyIDs(t *testing.T) {
	src := fstest.MapFS{
		"data/reports.toml":   {Data: []byte("# reports\n\n[[report]]\nid   = \"a\" # first\ntitle = \"id = \\\"a\\\"\"\n\n  [[report.erratum]]\n  line = 3\n")},
		"data/figures/a.toml": {Data: []byte("# figures of a\n[[figure]]\nreport = \"a\"\nid = \"f\"\nquote = \"x\"\n")},
		"data/site.toml":      {Data: []byte("headline = [\"f\"]\n")},
	}
	files, err := synth.Site(src, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"data/reports.toml": "# reports\n\n# synthsite: 2 reports, the 1 above repeated in order; copies have ids ID-s1, ID-s2 …\n" +
			"[[report]]\nid   = \"a\" # first\ntitle = \"id = \\\"a\\\"\"\n\n  [[report.erratum]]\n  line = 3\n" +
			"[[report]]\nid   = \"a-s1\" # first\ntitle = \"id = \\\"a\\\"\"\n\n  [[report.erratum]]\n  line = 3\n",
		"data/figures/a.toml":    "# figures of a\n[[figure]]\nreport = \"a\"\nid = \"f\"\nquote = \"x\"\n",
		"data/figures/a-s1.toml": "# figures of a\n[[figure]]\nreport = \"a-s1\"\nid = \"f-s1\"\nquote = \"x\"\n",
		"data/site.toml":         "headline = [\"f\"]\n",
	}
	got := map[string]string{}
	for p, b := range files {
		got[p] = string(b)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Site(2) =\n%q\nwant\n%q", got, want)
	}
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := synth.Write(dir, map[string][]byte{"data/reports.toml": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "was not written by synthsite") {
		t.Errorf("Write to a folder with other files = %v, want a refusal", err)
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Errorf("the folder's file was changed: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); err == nil {
		t.Error("Write wrote into a folder it refused")
	}
}

func TestWriteReplacesOnlyItsFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	first := map[string][]byte{"data/figures/a.toml": []byte("a"), "data/figures/b.toml": []byte("b"), "seeds/s.txt": []byte("s")}
	if err := synth.Write(dir, first); err != nil {
		t.Fatal(err)
	}
	// Something else writes into the folder: a build's output, a note.
	for p, b := range map[string]string{"public/index.html": "built", "data/figures/notes.md": "mine"} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := synth.Write(dir, map[string][]byte{"data/figures/a.toml": []byte("a2")}); err != nil {
		t.Fatal(err)
	}
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			b, _ := os.ReadFile(p)
			if rel != synth.Marker {
				got = append(got, filepath.ToSlash(rel)+"="+string(b))
			}
		}
		return err
	})
	want := []string{"data/figures/a.toml=a2", "data/figures/notes.md=mine", "public/index.html=built"}
	if !slices.Equal(got, want) {
		t.Errorf("after a second Write the folder holds %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "seeds")); err == nil {
		t.Error("the emptied seeds/ folder is still there")
	}
}

func TestCommand(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, mapFS(map[string][]byte{
		"data/reports.toml":   []byte("[[report]]\nid = \"a\"\n"),
		"data/figures/a.toml": []byte("[[figure]]\nid = \"f\"\nreport = \"a\"\n"),
		"data/site.toml":      []byte("title_en = \"x\"\n"),
	})); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-reports", "3", "-out", out, "-src", src}, 0, "wrote a site root of 3 reports (5 files)"},
		{[]string{"-reports", "2", "-out", out, "-src", src}, 0, "wrote a site root of 2 reports (4 files)"},
		{[]string{"-reports", "0", "-out", out, "-src", src}, 2, "Usage"},
		{[]string{"-reports", "2", "-src", src}, 2, "Usage"},
		{[]string{"-reports", "2", "-out", src, "-src", src}, 1, "is the source root"},
		{[]string{"-reports", "2", "-out", filepath.Join(src, "data", "x"), "-src", src}, 1, "inside the source's data/ folder"},
		{[]string{"-reports", "2", "-out", filepath.Dir(src), "-src", src}, 1, "was not written by synthsite"},
		{[]string{"-reports", "2", "-out", out, "extra"}, 2, `unexpected argument "extra"`},
	} {
		var stdout, stderr bytes.Buffer
		code := synth.Main(tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.want) {
			t.Errorf("Main(%q) = %d, %q %q; want %d and %q", tc.args, code, stdout.String(), stderr.String(), tc.code, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "data/figures/a-s2.toml")); err == nil {
		t.Error("the figures of the third report are left over after writing two reports")
	}
}
