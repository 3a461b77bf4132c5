package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"reportsite/internal/diag"
	"reportsite/internal/memo"
	"reportsite/internal/seed"
)

const testSeed = "测试报告标题\n\n测试委员会\n\n2020年重点工作\n\n(一)稳增长。1月—11月，全市规上工业增加值增长5.5%，累计建成5G基站4.5万余个，约占全国的6.5%。\n\n(二)新动能。智能产业销售收入7530亿元，各地立足足\n图为风机\n势、合力攻坚。\n"

const testReports = `
[[report]]
id = "r1"
seed = "s.txt"
title_zh = "测试报告标题"
title_en = "Test report"
issuer_zh = "测试委员会"
issuer_en = "Test commission"
region = "chongqing"
kind = "review"
published = "2021"
period = "2020"
covers = [2020]
script = "Hans"
summary_zh = "摘要"
summary_en = "Summary"

  [[report.alternate]]
  seed = "alt.txt"

  [[report.erratum]]
  line = 9
  original = "立足足势"
  corrected = "立足优势"
  reason_zh = "排版错误"
  reason_en = "Typesetting error"
  source = "alt.txt"
  source_line = 1
`

const testIndicators = `
[[indicator]]
id = "growth"
name_zh = "增速"
name_en = "Growth"
unit = "%"
direction = "higher"
category = "economy"
definition_zh = "定义"
definition_en = "Definition"

[[indicator]]
id = "stations"
name_zh = "基站"
name_en = "Stations"
unit = "个"
counts_zh = "基站"
counts_en = "base station"
counts_en_plural = "base stations"
direction = "higher"
category = "digital"
definition_zh = "定义"
definition_en = "Definition"
`

const goodFigure = `[[figure]]
id = "g"
indicator = "growth"
region = "chongqing"
period = "2020-01..2020-11"
kind = "actual"
value = 5.5
unit = "%"
qualifier = ""
cumulative = false
report = "r1"
quote = "1月—11月，全市规上工业增加值增长5.5%"
`

func fixture(figures string) fstest.MapFS {
	return fstest.MapFS{
		"seeds/s.txt":          {Data: []byte(testSeed)},
		"seeds/alt.txt":        {Data: []byte("各地立足优势、合力攻坚。\n")},
		"data/reports.toml":    {Data: []byte(testReports)},
		"data/indicators.toml": {Data: []byte(testIndicators)},
		"data/figures/a.toml":  {Data: []byte(figures)},
	}
}

func TestLoadGood(t *testing.T) {
	d, errs := Load(fixture(goodFigure + `
[[figure]]
id = "s"
indicator = "stations"
region = "chongqing"
period = "2020"
kind = "actual"
value = 4.5
unit = "万个"
qualifier = "over"
cumulative = true
report = "r1"
quote = "累计建成5G基站 4.5万余个"
`))
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	if len(d.Figures) != 2 {
		t.Fatalf("%d figures, want 2", len(d.Figures))
	}
	f := d.Figures[1]
	if f.ValueBase != 45000 || f.Unit.Kind() != "count" || f.Paragraph() != "p-7" {
		t.Errorf("figure s: value_base %v, unit kind %q, paragraph %s; want 45000, count, p-7", f.ValueBase, f.Unit.Kind(), f.Paragraph())
	}
	if got := f.Display("zh"); got != "超过4.5万个" {
		t.Errorf("Display(zh) = %q", got)
	}
	if got := f.Display("en"); got != "over 45,000 base stations" {
		t.Errorf("Display(en) = %q", got)
	}
	if b := d.Report("r1").Doc.BlockAt(11); b == nil || !strings.Contains(b.Text, "立足优势") {
		t.Errorf("erratum not applied: %+v", b)
	}
}

// TestFigureErrors has one case per validation error, with its exact
// message: an editor reads these.
func TestFigureErrors(t *testing.T) {
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"quote", `quote = "1月—11月，全市规上工业增加值增长5.5%"`, `quote = "1月—11月，全市规上工业增加值增长5.6%"`,
			`data/figures/a.toml:12:9: quote not found in report r1 (the closest text is in p-7: "1月—11月，全市规上工业增加值增长5.5%，累计建成5"; at character 21 the quote has "6" where the report has "5")`},
		{"value", `value = 5.5`, `value = 5.6`,
			`data/figures/a.toml:7:9: value 5.6 does not occur in the quote (value is the number as written in the quote: 1, 11, 5.5)`},
		{"unit unknown", `unit = "%"`, `unit = "斤"`,
			`data/figures/a.toml:8:8: unknown unit "斤" (write the unit as in the quote, e.g. %, 万个, 亿元; docs/EDITING.md lists them)`},
		{"unit not after value", "indicator = \"growth\"\nregion = \"chongqing\"\nperiod = \"2020-01..2020-11\"\nkind = \"actual\"\nvalue = 5.5\nunit = \"%\"", "indicator = \"stations\"\nregion = \"chongqing\"\nperiod = \"2020-01..2020-11\"\nkind = \"actual\"\nvalue = 5.5\nunit = \"家\"",
			`data/figures/a.toml:8:8: unit "家" does not follow 5.5 in the quote (the unit is what the quote writes right after the number)`},
		{"unit of another kind", `unit = "%"`, `unit = "个百分点"`,
			`data/figures/a.toml:8:8: unit "个百分点" (percentage points) does not fit indicator growth (the indicator is measured in per cent; use an indicator that measures this, or correct the unit)`},
		{"unit of another indicator", `indicator = "growth"`, `indicator = "stations"`,
			`data/figures/a.toml:8:8: unit "%" (per cent) does not fit indicator stations (the indicator is measured in a count; use an indicator that measures this, or correct the unit)`},
		{"indicator", `indicator = "growth"`, `indicator = "grwoth"`,
			`data/figures/a.toml:3:13: unknown indicator "grwoth" (add it to data/indicators.toml or use an existing id; did you mean "growth"?)`},
		{"report", `report = "r1"`, `report = "r2"`,
			`data/figures/a.toml:11:10: unknown report "r2" (use an id from data/reports.toml; did you mean "r1"?)`},
		{"region", `region = "chongqing"`, `region = "beijing"`,
			`data/figures/a.toml:4:10: unknown region "beijing" (use chongqing, sichuan, chengdu-chongqing, china)`},
		{"period", `period = "2020-01..2020-11"`, `period = "2020-01..2020-13"`,
			`data/figures/a.toml:5:10: period "2020-01..2020-13" has a month outside 01–12 (e.g. "2020", "2020-01..2020-11" or "2021..2025")`},
		{"period order", `period = "2020-01..2020-11"`, `period = "2021..2020"`,
			`data/figures/a.toml:5:10: period "2021..2020" ends before it starts (e.g. "2020", "2020-01..2020-11" or "2021..2025")`},
		{"kind", `kind = "actual"`, `kind = "planned"`,
			`data/figures/a.toml:6:8: unknown kind "planned" (use actual, expected (预计/有望) or target (力争, plans))`},
		{"qualifier", `qualifier = ""`, `qualifier = "more"`,
			`data/figures/a.toml:9:13: unknown qualifier "more" (use "" , "over" (超过/突破/余), "at-least" (以上/不低于) or "about" (约/左右))`},
		{"id", `id = "g"`, `id = "G_1"`,
			`data/figures/a.toml:2:6: figure id "G_1" is not kebab-case (use lower-case letters, digits and hyphens, e.g. cq-2020-ind-va-growth)`},
		{"unknown key", `cumulative = false`, `cumulativ = false`,
			`data/figures/a.toml:10:1: unknown key "cumulativ" (did you mean "cumulative"?)`},
		{"syntax", `value = 5.5`, `value = 5.5.5`,
			`data/figures/a.toml:7:9: TOML syntax error: invalid float value: "5.5.5" (docs/EDITING.md shows the format of every file)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(goodFigure, tc.from, tc.to, 1)
			if src == goodFigure {
				t.Fatalf("case does not change the figure")
			}
			_, errs := Load(fixture(src))
			var got []string
			for _, e := range errs.Errors() {
				got = append(got, e.Error())
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("Load errors =\n%s\nwant\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

func TestDuplicateFigureID(t *testing.T) {
	_, errs := Load(fixture(goodFigure + "\n" + goodFigure))
	want := `data/figures/a.toml:15:6: figure id "g" is used twice (figure ids are unique across all files; the first is at data/figures/a.toml:2:6)`
	if len(errs.Errors()) != 1 || errs.Errors()[0].Error() != want {
		t.Errorf("errors = %v\nwant %s", errs, want)
	}
}

func TestSeveralErrorsAtOnce(t *testing.T) {
	src := strings.NewReplacer(`region = "chongqing"`, `region = "x"`, `kind = "actual"`, `kind = "y"`).Replace(goodFigure)
	_, errs := Load(fixture(src))
	if len(errs.Errors()) != 2 {
		t.Errorf("got %d errors, want 2 (region and kind): %v", len(errs.Errors()), errs)
	}
}

func TestErratumErrors(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{`original = "立足足势"`, `original = "立足足是"`, `data/reports.toml:23:14: erratum: "立足足是" does not occur in the block at line 9 (p-9) (original must be the text as printed, around the given line)`},
		{`source_line = 1`, `source_line = 2`, `data/reports.toml:28:17: erratum: "立足优势" is not at seeds/alt.txt:2 (the corrected text must be found in the alternate copy, or the correction is not supported)`},
		{`source = "alt.txt"`, `source = "s.txt"`, `data/reports.toml:27:12: erratum source "s.txt" is not an alternate copy of r1 (name the alternate copy (a seed listed under [[report.alternate]]) that shows the right reading)`},
	} {
		fsys := fixture(goodFigure)
		fsys["data/reports.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(testReports, tc.from, tc.to, 1))}
		_, errs := Load(fsys)
		// The figure that quotes the report follows from the erratum's
		// error, and is folded into it.
		want := tc.want + "\n    and 1 more error that follows from it"
		if g := errs.Errors().Report(); len(g) != 1 || g[0].String() != want {
			t.Errorf("with %s: errors = %v\nwant %s", tc.to, errs, want)
		}
	}
}

// TestReportURLAndUpdated checks the optional url (the original
// publication) and updated (the last change readers should hear of) of a
// report.
func TestReportURLAndUpdated(t *testing.T) {
	for _, tc := range []struct{ add, want string }{
		{"url = \"https://example.gov.cn/a?id=1\"\nupdated = \"2021-03-02\"", ""},
		{"url = \"example.gov.cn/a\"", `data/reports.toml:17:7: url "example.gov.cn/a" is not a web address (the address of the original publication, starting with https:// or http://, or leave it out)`},
		{"updated = \"2021-03\"", `data/reports.toml:17:11: updated "2021-03" is not a day (write the day of the change, YYYY-MM-DD, e.g. "2025-06-30", or leave it out)`},
		{"updated = \"2020-12-31\"", `data/reports.toml:17:11: updated 2020-12-31 is before the report was published (updated is the last change to the report's pages, on or after published (2021))`},
	} {
		fsys := fixture(goodFigure)
		fsys["data/reports.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(testReports, "summary_en = \"Summary\"\n", "summary_en = \"Summary\"\n"+tc.add+"\n", 1))}
		d, errs := Load(fsys)
		if tc.want == "" {
			if errs.Err() != nil {
				t.Fatalf("with %s: %v", tc.add, errs)
			}
			r := d.Report("r1")
			if r.URL != "https://example.gov.cn/a?id=1" || r.Updated.String() != "2021-03-02" || r.Updated.Time().Format(time.RFC3339) != "2021-03-02T00:00:00+08:00" {
				t.Errorf("url %q, updated %v (%v)", r.URL, r.Updated, r.Updated.Time())
			}
			continue
		}
		if g := errs.Errors().Report(); len(g) == 0 || !strings.HasPrefix(g[0].String(), tc.want) {
			t.Errorf("with %s: errors = %v\nwant %s", tc.add, errs, tc.want)
		}
	}
	for _, tc := range []struct {
		d    Date
		want []int
	}{{Date{2021, 0, 0}, []int{2021}}, {Date{2022, 5, 0}, []int{2022, 5}}, {Date{2022, 5, 17}, []int{2022, 5, 17}}} {
		if got := tc.d.Parts(); !slices.Equal(got, tc.want) {
			t.Errorf("%v.Parts() = %v, want %v", tc.d, got, tc.want)
		}
	}
	if (Date{2021, 0, 0}).Before(Date{2021, 1, 1}) || (Date{2021, 5, 0}).Before(Date{2021, 5, 1}) || !(Date{2021, 4, 0}).Before(Date{2021, 5, 1}) {
		t.Error("Before")
	}
}

func TestUnits(t *testing.T) {
	firms := &Indicator{CountsEn: "firm", CountsEnPlural: "firms"}
	for _, tc := range []struct {
		unit    string
		value   float64
		written string
		base    float64
		kind    string // what the unit measures
		en      string
	}{
		{"%", 5.5, "5.5", 5.5, "%", "5.5%"},
		{"个百分点", 1.7, "1.7", 1.7, "个百分点", "1.7 percentage points"},
		{"个百分点", 1, "1", 1, "个百分点", "1 percentage point"},
		{"万个", 4.5, "4.5", 45000, "count", "45,000 firms"},
		{"万户", 13.3, "13.3", 133000, "count", "133,000 firms"},
		{"家", 2345, "2345", 2345, "count", "2,345 firms"},
		{"家", 1, "1", 1, "count", "1 firm"},
		{"家", 1, "1.0", 1, "count", "1.0 firms"},
		{"万", 9089, "9089", 90890000, "count", "90.89 million firms"},
		{"亿元", 7530, "7530", 753000000000, "元", "753 billion yuan"},
		{"亿元", 442.2, "442.2", 44220000000, "元", "44.22 billion yuan"},
		{"万亿元", 2.6, "2.6", 2600000000000, "元", "2.6 trillion yuan"},
		{"亿美元", 52.6, "52.6", 5260000000, "美元", "5.26 billion US dollars"},
		{"亿千瓦时", 1000, "1000", 100000000000, "千瓦时", "100 billion kWh"},
		{"万吨", 730, "730", 7300000, "吨", "7.3 million tonnes"},
		{"年", 1, "1", 1, "年", "1 year"},
		{"年", 13, "13", 13, "年", "13 years"},
		{"倍", 50, "50", 50, "倍", "50 times"},
		{"位", 4, "4", 4, "位", "No. 4"},
		{"", 65, "65", 65, "", "65"},
	} {
		u, err := ParseUnit(tc.unit)
		if err != nil {
			t.Errorf("ParseUnit(%q): %v", tc.unit, err)
			continue
		}
		f := &Figure{Value: tc.value, Written: tc.written, Unit: u, ValueBase: u.BaseValue(tc.value), Indicator: firms}
		if f.ValueBase != tc.base || u.Kind() != tc.kind || f.EnglishValue() != tc.en {
			t.Errorf("%s %s = %v %q, %q; want %v %q, %q", tc.written, tc.unit, f.ValueBase, u.Kind(), f.EnglishValue(), tc.base, tc.kind, tc.en)
		}
	}
	for _, bad := range []string{"斤", "万万", "亿亿元", "万%", "亿位", "chains"} {
		if _, err := ParseUnit(bad); err == nil {
			t.Errorf("ParseUnit(%q) succeeded", bad)
		}
	}
}

// TestDisplay: what a figure says, in both languages, for every shape of
// figure the schema holds.
func TestDisplay(t *testing.T) {
	measures := &Indicator{CountsZh: "措施", CountsEn: "measure", CountsEnPlural: "measures"}
	centres := &Indicator{CountsZh: "创新中心", CountsEn: "innovation centre", CountsEnPlural: "innovation centres"}
	for _, tc := range []struct {
		fig    Figure
		zh, en string
	}{
		{Figure{Value: 13, Written: "13", UnitRaw: "条", Indicator: measures}, "13条", "13 measures"},
		{Figure{Value: 1, Written: "1", UnitRaw: "个", Qualifier: "at-least", Indicator: centres}, "1个以上", "at least 1 innovation centre"},
		{Figure{Value: 1, Written: "1", Upper: 2, WrittenUpper: "2", IsRange: true, UnitRaw: "家", Indicator: centres}, "1—2家", "1–2 innovation centres"},
		{Figure{Value: 100, Written: "100", UnitRaw: "个", Per: "year", Indicator: centres}, "每年100个", "100 innovation centres a year"},
		{Figure{Value: 4, Written: "4", UnitRaw: "位", Change: "up"}, "上升4位", "up 4 places"},
		{Figure{Value: 1, Written: "1", UnitRaw: "位", Change: "down"}, "下降1位", "down 1 place"},
		{Figure{Value: 5, Written: "5", UnitRaw: "个百分点", Change: "up"}, "提高5个百分点", "up 5 percentage points"},
		{Figure{Value: 4.5, Written: "4.5", UnitRaw: "万个", Qualifier: "over", Indicator: centres}, "超过4.5万个", "over 45,000 innovation centres"},
		{Figure{Value: 6, Written: "6", UnitRaw: "%", Qualifier: "about"}, "约6%", "about 6%"},
		{Figure{Value: 65, Written: "65", UnitRaw: ""}, "65", "65"},
	} {
		f := tc.fig
		f.Unit, _ = ParseUnit(f.UnitRaw)
		f.ValueBase, f.UpperBase = f.Unit.BaseValue(f.Value), f.Unit.BaseValue(f.Upper)
		if zh, en := f.Display("zh"), f.Display("en"); zh != tc.zh || en != tc.en {
			t.Errorf("Display = %q, %q; want %q, %q", zh, en, tc.zh, tc.en)
		}
	}
}

func TestNumbersInQuotes(t *testing.T) {
	for _, tc := range []struct {
		quote string
		value float64
		want  string // the number as written, "" if absent
	}{
		{"同比增长4.0%", 4, "4.0"},
		{"增速由2月份-5.2%回升", -5.2, "-5.2"},
		{"增速由2月份-5.2%回升", 5.2, ""},
		{"培育2-3家优势企业", 3, "3"},
		{"培育2-3家优势企业", -3, ""},
		{"增长15.5%", 5.5, ""},
		{"1月—11月增长5.5%", 11, "11"},
	} {
		got := ""
		if i := indexNumber(tc.quote, 0, tc.value); i >= 0 {
			got = numberAt(tc.quote, i)
		}
		if got != tc.want {
			t.Errorf("number %v in %q = %q, want %q", tc.value, tc.quote, got, tc.want)
		}
	}
}

func TestPeriodLabels(t *testing.T) {
	for _, tc := range []struct{ in, zh, en, iso string }{
		{"2020", "2020年", "2020", "2020"},
		{"2020-01..2020-11", "2020年1—11月", "Jan–Nov 2020", "2020-01/2020-11"},
		{"2020-11..2020-11", "2020年11月", "Nov 2020", "2020-11"},
		{"2021..2025", "2021—2025年", "2021–2025", "2021/2025"},
		{"2023-07..2024-06", "2023年7月—2024年6月", "Jul 2023 – Jun 2024", "2023-07/2024-06"},
	} {
		p, err := ParsePeriod(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if p.Label("zh") != tc.zh || p.Label("en") != tc.en {
			t.Errorf("ParsePeriod(%q) labels %q, %q; want %q, %q", tc.in, p.Label("zh"), p.Label("en"), tc.zh, tc.en)
		}
		if p.ISO() != tc.iso {
			t.Errorf("ParsePeriod(%q).ISO() = %q, want %q", tc.in, p.ISO(), tc.iso)
		}
	}
}

// TestExportRoundTrip reads figures from TOML and checks that the JSON and
// CSV exports carry every column, with the values of the TOML.
func TestExportRoundTrip(t *testing.T) {
	d, errs := Load(fixture(goodFigure))
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	url := func(lang, id string) string { return "https://x.example/" + lang + "/reports/" + id + "/" }
	var recs []map[string]any
	english := func(*Figure) string { return "The value added grew by 5.5%." }
	if err := json.Unmarshal(FiguresJSON(d.Figures, url, english), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	for _, col := range FigureColumns {
		if _, ok := recs[0][col]; !ok {
			t.Errorf("JSON has no %q", col)
		}
	}
	want := map[string]any{"id": "g", "indicator": "growth", "indicator_zh": "增速", "indicator_en": "Growth", "region": "chongqing",
		"period": "2020-01..2020-11", "period_inferred": false, "period_note_zh": "", "period_note_en": "", "kind": "actual",
		"value": 5.5, "value_upper": nil, "unit": "%", "value_base": 5.5, "value_upper_base": nil, "base_unit": "%", "counts_zh": "", "counts_en": "",
		"qualifier": "", "per": "", "change": "", "cumulative": false, "report": "r1", "seed": "s.txt", "seed_line": 7.0,
		"quote": "1月—11月，全市规上工业增加值增长5.5%", "quote_en": "The value added grew by 5.5%.", "paragraph": "p-7",
		"url_zh": "https://x.example/zh/reports/r1/#p-7", "url_en": "https://x.example/en/reports/r1/#p-7"}
	for k, v := range want {
		if recs[0][k] != v {
			t.Errorf("JSON %s = %v, want %v", k, recs[0][k], v)
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(FiguresCSV(d.Figures, url, english))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != strings.Join(FigureColumns, ",") {
		t.Fatalf("CSV header = %v", rows[0])
	}
	for i, col := range FigureColumns {
		j, _ := json.Marshal(recs[0][col])
		cell := strings.Trim(string(j), `"`)
		if cell == "null" {
			cell = ""
		}
		if rows[1][i] != cell {
			t.Errorf("CSV %s = %q, JSON has %q", col, rows[1][i], cell)
		}
	}
	var ins []map[string]any
	if err := json.Unmarshal(IndicatorsJSON(d), &ins); err != nil || len(ins) != 2 || ins[0]["id"] != "growth" {
		t.Errorf("indicators.json = %v (%v)", ins, err)
	}
}

// TestCSVIsSpreadsheetSafe: text cells that a spreadsheet would read as a
// formula get a leading apostrophe; numbers stay numbers; the JSON keeps
// every value as it is.
func TestCSVIsSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "'+1", "-5.2%回升": "'-5.2%回升", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "增长5.5%": "增长5.5%", "": "", "a=b": "a=b",
	} {
		if got := CSVText(in); got != want {
			t.Errorf("CSVText(%q) = %q, want %q", in, got, want)
		}
	}
	r := FigureRecord{ID: "x", Quote: "=cmd", Value: -5.2, ValueBase: -5.2, Unit: "%", SeedLine: 3}
	row := r.row()
	for i, col := range FigureColumns {
		switch col {
		case "quote":
			if row[i] != "'=cmd" {
				t.Errorf("quote cell = %q", row[i])
			}
		case "value", "value_base":
			if row[i] != "-5.2" {
				t.Errorf("%s cell = %q, want the number -5.2", col, row[i])
			}
		}
	}
}

// TestEditingListsEveryUnit: the editor's guide lists every unit the site
// knows.
func TestEditingListsEveryUnit(t *testing.T) {
	guide, err := os.ReadFile("../../docs/EDITING.md")
	if err != nil {
		t.Fatal(err)
	}
	for u := range BaseUnits {
		if u != "" && !strings.Contains(string(guide), "`"+u+"`") {
			t.Errorf("docs/EDITING.md does not list the unit %q", u)
		}
	}
	for _, m := range MeasureWords {
		if !strings.Contains(string(guide), "`"+m+"`") {
			t.Errorf("docs/EDITING.md does not list the measure word %q", m)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files")

// TestExportGolden exports figures of every shape the schema holds — a
// level, a count with what it counts, a range, a rate per year, a change,
// an inferred period — and compares the JSON and CSV with
// testdata/export.golden.*, written with -update.
func TestExportGolden(t *testing.T) {
	extra := `
[[figure]]
id = "range"
indicator = "stations"
region = "chongqing"
period = "2021..2025"
period_inferred = true
period_note_zh = "原文未写明时期。"
period_note_en = "The text gives no period."
kind = "target"
value = 2
value_upper = 3
unit = "家"
report = "r1"
quote = "各地立足优势，每年新建2-3家基站"

[[figure]]
id = "per-year"
indicator = "stations"
region = "chongqing"
period = "2021..2025"
kind = "target"
value = 100
unit = "个"
per = "year"
report = "r1"
quote = "每年新建100个基站"

[[figure]]
id = "change"
indicator = "growth"
region = "chongqing"
period = "2020"
kind = "actual"
value = 1.5
unit = "个百分点"
change = "up"
report = "r1"
quote = "增速提高1.5个百分点"
`
	fsys := fixture(goodFigure + extra)
	fsys["seeds/s.txt"] = &fstest.MapFile{Data: []byte(testSeed + "\n(三)新基站。每年新建100个基站，各地立足优势，每年新建2-3家基站，增速提高1.5个百分点。\n")}
	d, errs := Load(fsys)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	url := func(lang, id string) string { return "https://x.example/" + lang + "/reports/" + id + "/" }
	english := func(f *Figure) string { return "English of " + f.ID }
	for name, data := range map[string][]byte{"export.golden.json": FiguresJSON(d.Figures, url, english), "export.golden.csv": FiguresCSV(d.Figures, url, english)} {
		p := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("%s differs (go test -update to accept):\n%s", p, data)
		}
	}
}

// TestReloadIsLoad edits the inputs one after another and checks that a
// reload with a memo gives what a load from nothing gives: the same figures,
// indices, errors and warnings.
func TestReloadIsLoad(t *testing.T) {
	fsys := fixture(goodFigure)
	fsys["data/figures/b.toml"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(goodFigure, `id = "g"`, `id = "g2"`))}
	m := memo.New()
	edits := []struct {
		name string
		edit func()
	}{
		{"nothing", func() {}},
		{"a figure's value", func() { set(fsys, "data/figures/a.toml", strings.Replace(goodFigure, "value = 5.5", "value = 5", 1)) }},
		{"back", func() { set(fsys, "data/figures/a.toml", goodFigure) }},
		{"a quote not in the text", func() { set(fsys, "data/figures/b.toml", strings.Replace(goodFigure, "增长5.5%", "增长5.6%", 1)) }},
		{"a duplicate id", func() { set(fsys, "data/figures/b.toml", goodFigure) }},
		{"an indicator renamed", func() { set(fsys, "data/indicators.toml", strings.Replace(testIndicators, `"growth"`, `"growth2"`, 1)) }},
		{"indicators back", func() { set(fsys, "data/indicators.toml", testIndicators) }},
		{"a report's title", func() {
			set(fsys, "data/reports.toml", strings.Replace(testReports, "title_en = ", "title_en = \"x\" # ", 1))
		}},
		{"a broken file", func() { set(fsys, "data/figures/a.toml", "[[figure]\n") }},
		{"a file removed", func() { delete(fsys, "data/figures/a.toml") }},
		{"the seed emptied", func() { set(fsys, "seeds/s.txt", "") }},
		{"the seed back", func() { set(fsys, "seeds/s.txt", testSeed) }},
	}
	for _, e := range edits {
		e.edit()
		want, wantErrs := Load(fsys)
		got, gotErrs := Reload(fsys, m)
		m.Done()
		if g, w := describe(got, gotErrs), describe(want, wantErrs); g != w {
			t.Errorf("after %s: reload gives\n%s\nload gives\n%s", e.name, g, w)
		}
	}
}

func set(fsys fstest.MapFS, name, data string) {
	fsys[name] = &fstest.MapFile{Data: []byte(data), ModTime: time.Now()}
}

// describe is what a load gives, as text.
func describe(d *Dataset, errs diag.List) string {
	var b strings.Builder
	var buf bytes.Buffer
	WriteFiguresJSON(&buf, d.Figures, func(lang, id string) string { return lang + "/" + id }, func(*Figure) string { return "" })
	b.Write(buf.Bytes())
	b.Write(IndicatorsJSON(d))
	for _, r := range d.Reports {
		fmt.Fprintf(&b, "report %s: %d figures\n", r.ID, len(d.FiguresOf(r)))
	}
	for _, f := range d.Figures {
		fmt.Fprintf(&b, "%s same %d\n", f.ID, len(d.Same(f)))
	}
	fmt.Fprintf(&b, "%v\n", errs)
	for _, k := range []string{"report", "indicator", "figure"} {
		for _, id := range []string{"r1", "growth", "g", "g2"} {
			if why := d.Why(k, id); why != nil {
				fmt.Fprintf(&b, "why %s %s: %v\n", k, id, why)
			}
		}
	}
	return b.String()
}

// TestExportsFromRecords checks that the exports put together from one
// record at a time (as the preview does, keeping each record) are the
// exports written whole.
func TestExportsFromRecords(t *testing.T) {
	d, errs := Load(fixture(goodFigure + strings.ReplaceAll(strings.ReplaceAll(goodFigure, `id = "g"`, `id = "g2"`), `qualifier = ""`, `qualifier = "about"`)))
	if errs.Err() != nil || len(d.Figures) != 2 {
		t.Fatalf("%d figures, %v", len(d.Figures), errs)
	}
	url := func(lang, id string) string { return "/" + lang + "/" + id }
	english := func(f *Figure) string { return "In English, " + f.ID + ", \"quoted\" <b>" }
	for _, figs := range [][]*Figure{nil, d.Figures[:1], d.Figures} {
		var whole, parts bytes.Buffer
		WriteFiguresJSON(&whole, figs, url, english)
		WriteJSONElements(&parts, len(figs), func(i int) ([]byte, error) { return FigureJSON(figs[i], url, english) })
		if whole.String() != parts.String() {
			t.Errorf("JSON of %d figures from records:\n%s\nwritten whole:\n%s", len(figs), parts.String(), whole.String())
		}
		kept, err := JSONParts(len(figs), func(i int) ([]byte, error) { return FigureJSON(figs[i], url, english) })
		if joined := string(bytes.Join(kept, nil)); err != nil || joined != whole.String() {
			t.Errorf("JSON of %d figures in parts (%v):\n%s\nwritten whole:\n%s", len(figs), err, joined, whole.String())
		}
		whole.Reset()
		parts.Reset()
		WriteFiguresCSV(&whole, figs, url, english)
		WriteCSVRows(&parts, FigureColumns, len(figs), func(i int) []byte { return FigureCSV(figs[i], url, english) })
		if whole.String() != parts.String() {
			t.Errorf("CSV of %d figures from records:\n%s\nwritten whole:\n%s", len(figs), parts.String(), whole.String())
		}
		if joined := string(bytes.Join(CSVParts(FigureColumns, len(figs), func(i int) []byte { return FigureCSV(figs[i], url, english) }), nil)); joined != whole.String() {
			t.Errorf("CSV of %d figures in parts:\n%s\nwritten whole:\n%s", len(figs), joined, whole.String())
		}
	}
}

// TestIndex checks the quote search against strings.Index on texts made of
// a few characters, where the start of a long quote recurs often, with the
// counts of the text's bytes and with counts that mislead it (every byte
// as rare as any other, so that it looks for the first).
func TestIndex(t *testing.T) {
	counts := func(s string) *[256]int32 {
		var f [256]int32
		for i := 0; i < len(s); i++ {
			f[s[i]]++
		}
		return &f
	}
	misleading := new([256]int32)
	alphabet := []string{"增", "长", "5", "%", "。", "a"}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 3000 {
		s := word(rng.IntN(400))
		q := word(1 + rng.IntN(40))
		if rng.IntN(2) == 0 && len(s) > 0 { // a quote taken from the text
			from := rng.IntN(len(s))
			q = s[from:min(len(s), from+1+rng.IntN(150))]
		}
		want := strings.Index(s, q)
		if got := index(s, q, counts(s)); got != want {
			t.Fatalf("index(%q, %q) = %d, want %d", s, q, got, want)
		}
		if got := index(s, q, misleading); got != want {
			t.Fatalf("index(%q, %q) with misleading counts = %d, want %d", s, q, got, want)
		}
		if got := indexHead(s, q); got != want {
			t.Fatalf("indexHead(%q, %q) = %d, want %d", s, q, got, want)
		}
	}
	// a run of one character, where the start of the quote recurs at every
	// character and the end only once
	run := strings.Repeat("一", 5000)
	for _, c := range []struct{ s, q string }{
		{run + "二" + run, strings.Repeat("一", 40) + "二"},
		{run, strings.Repeat("一", 40) + "二"},
		{run + "二", strings.Repeat("一", 30) + "二"},
	} {
		want := strings.Index(c.s, c.q)
		if got := index(c.s, c.q, counts(c.s)); got != want {
			t.Errorf("index(run, %q) = %d, want %d", c.q, got, want)
		}
		if got := indexHead(c.s, c.q); got != want {
			t.Errorf("indexHead(run, %q) = %d, want %d", c.q, got, want)
		}
	}
}

// TestRecordJSON holds the figures' JSON writer to encoding/json: every
// figure of the real dataset, and records of made-up values that need
// escaping or an exponent.
func TestRecordJSON(t *testing.T) {
	d, errs := Load(os.DirFS("../.."))
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	url := func(lang, id string) string { return "https://example.org/" + lang + "/reports/" + id + "/" }
	english := func(f *Figure) string { return "The value was " + f.ID + "." }
	check := func(r FigureRecord) {
		t.Helper()
		var want bytes.Buffer
		wantErr := encodeElement(&want, r)
		got, err := r.appendJSON(nil)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("record %q: error %v, encoding/json: %v", r.ID, err, wantErr)
		}
		if err == nil && !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("record %q:\n got %s\nwant %s", r.ID, got, want.Bytes())
		}
	}
	for _, f := range d.Figures {
		check(f.Record(url, english))
	}
	if len(d.Figures) == 0 {
		t.Fatal("no figures")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "增长", `"`, `\`, "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<&>", "\u2028", "\u2029", "\xff", "\xe5\xa2", "😀", " ",
		"\u2027", "\u202a", "\u20a8", "\u2128", "\xe2\x80"} // the neighbours of U+2028 and U+2029, and their start cut short
	text := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	numbers := []float64{0, math.Copysign(0, -1), 1, -1, 4.5, 0.1, 1e-6, 9.99e-7, 1e-7, 1.5e-300, 1e20, 1e21, -1e21, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, math.NaN(), math.Inf(1)}
	number := func() float64 {
		if rng.IntN(2) == 0 {
			return numbers[rng.IntN(len(numbers))]
		}
		return math.Float64frombits(rng.Uint64())
	}
	for range 5000 {
		r := FigureRecord{ID: text(), Indicator: text(), IndicatorZh: text(), IndicatorEn: text(), Region: text(), Period: text(),
			PeriodInferred: rng.IntN(2) == 0, PeriodNoteZh: text(), PeriodNoteEn: text(), Kind: text(), Value: number(), Unit: text(),
			ValueBase: number(), BaseUnit: text(), CountsZh: text(), CountsEn: text(), Qualifier: text(), Per: text(), Change: text(),
			Cumulative: rng.IntN(2) == 0, Report: text(), Seed: text(), SeedLine: rng.IntN(100000) - 50, Quote: text(), QuoteEn: text(),
			Paragraph: text(), URLZh: text(), URLEn: text()}
		if rng.IntN(2) == 0 {
			up, upBase := number(), number()
			r.ValueUpper, r.ValueUpperBase = &up, &upBase
		}
		check(r)
	}
}

// TestFindInLead checks where a quote is found in a paragraph with a
// run-in heading: Start and End are offsets in Lead+Text, whether the
// quote ends in the heading, starts there and ends in the text, or is in
// the text alone, with spaces in the text that the quote leaves out.
func TestFindInLead(t *testing.T) {
	b := &seed.Block{Kind: seed.Paragraph, ID: "p-3", Lead: "（一）稳增长成效显著。", Text: "全市 工业增加值增长5.5%。"}
	st := newSearchableText(&seed.Document{Blocks: []*seed.Block{b}})
	full := b.Lead + b.Text
	for _, q := range []string{"稳增长成效显著", "成效显著。全市工业", "增长5.5%", "。"} {
		m, ok := st.find(q)
		if !ok || m.Block != b {
			t.Fatalf("find(%q) = %v, %v", q, m, ok)
		}
		got := strings.Join(strings.Fields(full[m.Start:m.End]), "")
		if got != q {
			t.Errorf("find(%q) = %d..%d, %q", q, m.Start, m.End, full[m.Start:m.End])
		}
	}
}

// TestValidID holds validID to the pattern DESIGN.md gives ids,
// ^[a-z0-9]+(-[a-z0-9]+)*$, on chosen and random strings.
func TestValidID(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	ids := []string{"", "-", "a", "a-", "-a", "a--b", "a-b", "cq-2020-ind-va-growth", "A", "a_b", "a b", "é", "2020", "a-b-", "a\n"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		b := make([]byte, rng.IntN(7))
		for i := range b {
			b[i] = "ab9-_A\xe4"[rng.IntN(7)]
		}
		ids = append(ids, string(b))
	}
	for _, id := range ids {
		if got, want := validID(id), pattern.MatchString(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	}
}
