package site

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"reportsite/internal/dataset"
	"reportsite/internal/memo"
	"reportsite/internal/testsite"
)

// TestIncrementalIsFull edits a copy of the real site one way after
// another, as an editor would, and after each edit builds it twice: with
// the memo of the builds before (what `serve` does) and from nothing (what
// `build` does). The two must give the same errors and the same files, byte
// for byte, and the first must render only the pages the edit concerns.
func TestIncrementalIsFull(t *testing.T) {
	root := testsite.Copy(t)
	fsys := os.DirFS(root)
	m := memo.New()
	opt := Options{BaseURL: "/", LiveReload: true}
	base, errs := Load(fsys, opt)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	// A target judged by an actual figure of another report: changing the
	// actual changes the target's status on the plan's pages.
	var target, actual string
	for _, tg := range base.Targets {
		if tg.Latest != nil && tg.Latest.ReportID != tg.Figure.ReportID && tg.Status == "met" {
			target, actual = tg.Figure.ID, tg.Latest.ID
			break
		}
	}
	if actual == "" {
		t.Fatal("no target judged by another report's figure")
	}
	actualFile := "data/figures/" + base.Data.Figure(actual).ReportID + ".toml"
	// A figure of a comparable pair.
	var paired *dataset.Figure
	for _, g := range base.Comparisons {
		for _, p := range g.Pairs {
			if p.Verdict.String() == "comparable" && p.Sichuan.Kind == "actual" && paired == nil {
				paired = p.Sichuan
			}
		}
	}
	if paired == nil {
		t.Fatal("no comparable pair")
	}
	pairedFile := "data/figures/" + paired.ReportID + ".toml"
	copied := base.Data.Figures[0]
	copiedFile := "data/figures/" + copied.ReportID + ".toml"
	edit := func(rel string, f func(string) string) func() {
		return func() { testsite.Edit(t, root, rel, f) }
	}
	planPage := "zh/reports/" + base.Data.Figure(target).ReportID + "/index.html"
	steps := []struct {
		name string
		edit func()
		// most is how many pages the memo's build may render; -1 for any.
		most int
		// changes is a page the edit must change.
		changes string
	}{
		{"nothing", func() {}, 0, ""},
		{"an English paragraph of the about page", edit("content/en/about.md", func(s string) string { return s + "\nOne more sentence.\n" }), 1, "en/about/index.html"},
		{"a year's overview", edit("content/zh/years/2021.md", func(s string) string { return s + "\n又一句。\n" }), 1, "zh/years/2021/index.html"},
		{"a paragraph of a translation", edit("data/translations/en/"+copied.ReportID+".toml", func(s string) string {
			return strings.Replace(s, `en = "`, `en = "Indeed, `, 1)
		}), 10, "en/reports/" + copied.ReportID + "/index.html"},
		{"a figure marked cumulative", edit(copiedFile, func(s string) string {
			b := figureBlock(t, s, copied.ID, "")
			return strings.Replace(s, b, regexp.MustCompile(`cumulative(\s*)= false`).ReplaceAllString(b, `cumulative$1= true`), 1)
		}), 40, "zh/indicators/" + copied.IndicatorID + "/index.html"},
		{"a figure quoted twice", edit(copiedFile, func(s string) string {
			return s + "\n" + figureBlock(t, s, copied.ID, `id         = "`+copied.ID+`-again"`) + "\n"
		}), 40, "zh/reports/" + copied.ReportID + "/index.html"},
		{"the copy removed", edit(copiedFile, func(s string) string {
			return strings.Replace(s, "\n"+figureBlock(t, s, copied.ID+"-again", "")+"\n", "", 1)
		}), 40, "zh/reports/" + copied.ReportID + "/index.html"},
		{"an actual that a target is judged by becomes an estimate", edit(actualFile, func(s string) string {
			b := figureBlock(t, s, actual, "")
			return strings.Replace(s, b, regexp.MustCompile(`kind(\s*)= "actual"`).ReplaceAllString(b, `kind$1= "expected"`), 1)
		}), 40, planPage},
		{"a figure of a comparable pair becomes an estimate", edit(pairedFile, func(s string) string {
			b := figureBlock(t, s, paired.ID, "")
			return strings.Replace(s, b, regexp.MustCompile(`kind(\s*)= "actual"`).ReplaceAllString(b, `kind$1= "expected"`), 1)
		}), 40, "zh/compare/index.html"},
		{"a report's summary", edit("data/reports.toml", func(s string) string {
			return strings.Replace(s, `summary_en  = "`, `summary_en  = "In short: `, 1)
		}), -1, "en/index.html"},
		{"an interface string", edit("data/i18n/en.toml", func(s string) string {
			return strings.Replace(s, `"nav.home" = "Home"`, `"nav.home" = "Start"`, 1)
		}), -1, "en/about/index.html"},
		{"a broken file of figures", edit(copiedFile, func(s string) string { return s + "\n[[figure]\n" }), -1, ""},
		{"the file fixed", edit(copiedFile, func(s string) string { return strings.TrimSuffix(s, "\n[[figure]\n") }), 0, ""},
		{"a file of figures removed", func() { os.Remove(filepath.Join(root, actualFile)) }, -1, ""},
	}
	last := map[string][]byte{}
	if first, errs := Build(fsys, Options{BaseURL: opt.BaseURL, LiveReload: true, Memo: m}); errs.Err() != nil {
		t.Fatal(errs)
	} else {
		last = first.Files
	}
	m.Done()
	for _, st := range steps {
		st.edit()
		got, gotErrs := Build(fsys, Options{BaseURL: opt.BaseURL, LiveReload: true, Memo: m})
		want, wantErrs := Build(fsys, opt)
		if g, w := fmt.Sprint(gotErrs), fmt.Sprint(wantErrs); g != w {
			t.Fatalf("after %s, the errors differ:\nwith the memo:\n%s\nfrom nothing:\n%s", st.name, g, w)
		}
		if want == nil {
			if got != nil {
				t.Fatalf("after %s, the build with the memo succeeded and the other failed", st.name)
			}
			continue
		}
		m.Done()
		if diff := diffFiles(allFiles(got), want.Files); diff != "" {
			t.Fatalf("after %s, the build with the memo differs from the build from nothing:\n%s", st.name, diff)
		}
		if st.most >= 0 && got.Rendered > st.most {
			t.Errorf("after %s, the build with the memo rendered %d pages, want at most %d", st.name, got.Rendered, st.most)
		}
		if st.changes != "" && bytes.Equal(last[st.changes], want.Files[st.changes]) {
			t.Errorf("after %s, %s did not change: the edit does not test what it should", st.name, st.changes)
		}
		if len(want.Parts) > 0 || len(got.Parts) == 0 {
			t.Errorf("after %s, the build from nothing keeps %d files in parts, the one with the memo %d", st.name, len(want.Parts), len(got.Parts))
		}
		last = want.Files
		t.Logf("%s: rendered %d of %d pages", st.name, got.Rendered, got.Pages)
	}
}

// figureBlock returns the [[figure]] block of a file of figures with the
// given id, its id line replaced by idLine if that is not empty.
func figureBlock(t *testing.T, file, id, idLine string) string {
	t.Helper()
	for _, b := range strings.Split(file, "\n\n") {
		if regexp.MustCompile(`(?m)^id\s*= "` + regexp.QuoteMeta(id) + `"$`).MatchString(b) {
			b = strings.TrimSpace(b)
			if idLine != "" {
				b = regexp.MustCompile(`(?m)^id\s*= ".*"$`).ReplaceAllString(b, idLine)
			}
			return b
		}
	}
	t.Fatalf("no figure %s", id)
	return ""
}

// allFiles is every file of a site, those kept in parts joined.
func allFiles(o *Output) map[string][]byte {
	all := maps.Clone(o.Files)
	for p := range o.Parts {
		all[p], _ = o.File(p)
	}
	return all
}

// diffFiles describes how two sites differ, or returns "".
func diffFiles(got, want map[string][]byte) string {
	var out []string
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			out = append(out, "missing "+p)
		case !bytes.Equal(g, w):
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			out = append(out, fmt.Sprintf("%s differs at byte %d: %q… instead of %q…", p, i, clip(g[i:]), clip(w[i:])))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			out = append(out, "extra "+p)
		}
	}
	slices.Sort(out)
	if len(out) > 10 {
		out = append(out[:10], fmt.Sprintf("and %d more", len(out)-10))
	}
	return strings.Join(out, "\n")
}

func clip(b []byte) []byte { return b[:min(len(b), 80)] }
