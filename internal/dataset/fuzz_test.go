package dataset

import (
	"io/fs"
	"math"
	"os"
	"testing"
	"testing/fstest"
)

// realData is the real site's data and seeds, in memory.
func realData(f *testing.F) fstest.MapFS {
	f.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS("../..")
	for _, dir := range []string{"data", "seeds"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	return fsys
}

// fuzzFile loads the real dataset with one file replaced by the fuzzer's
// bytes: errors are fine, a panic is not, and what loads is consistent.
func fuzzFile(f *testing.F, name string) {
	fsys := realData(f)
	f.Add(fsys[name].Data)
	f.Fuzz(func(t *testing.T, src []byte) {
		m := fstest.MapFS{}
		for k, v := range fsys {
			m[k] = v
		}
		m[name] = &fstest.MapFile{Data: src}
		d, _ := Load(m)
		for _, fig := range d.Figures {
			if fig.Report == nil || fig.Indicator == nil || fig.Match.Block == nil || fig.Report.Doc == nil {
				t.Fatalf("figure %s passed on without its report, indicator or paragraph", fig.ID)
			}
			if math.IsNaN(fig.ValueBase) {
				t.Fatalf("figure %s has no base value", fig.ID)
			}
		}
		for _, r := range d.Reports {
			if r.Doc == nil || r.Published.IsZero() {
				t.Fatalf("report %s passed on without its text or date", r.ID)
			}
		}
	})
}

func FuzzReports(f *testing.F)    { fuzzFile(f, ReportsPath) }
func FuzzIndicators(f *testing.F) { fuzzFile(f, IndicatorsPath) }
func FuzzFigures(f *testing.F)    { fuzzFile(f, FiguresDir+"/2020-chongqing-review.toml") }

// FuzzUnitsAndPeriods parses any text as a unit, a period and a date.
func FuzzUnitsAndPeriods(f *testing.F) {
	for _, s := range []string{"%", "万个", "亿元", "万亿元", "个百分点", "位", "2020", "2020-01..2020-11", "2021..2025", "2022-05-17", "2021-13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if u, err := ParseUnit(s); err == nil {
			fig := &Figure{Value: 1.5, Unit: u, ValueBase: u.BaseValue(1.5)}
			fig.Display("zh")
			fig.Display("en")
			fig.EnglishNumber()
		}
		if p, err := ParsePeriod(s); err == nil {
			if p.To < p.From || p.Text != s {
				t.Fatalf("ParsePeriod(%q) = %+v", s, p)
			}
			p.Label("zh")
			p.Label("en")
		}
		if d, err := ParseDate(s); err == nil {
			if d.String() != s {
				t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
			}
			d.Label("zh")
			d.Label("en")
		}
	})
}
