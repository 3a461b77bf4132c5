package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/internal/dataset"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var labels = Labels{Lang: "en", T: func(key string) string {
	return map[string]string{
		"kind.actual": "actual", "kind.expected": "expected", "kind.target": "target",
		"chart.period": "Period", "chart.totals": "totals to date", "chart.new": "new in the period",
		"chart.set_in": "set in the report of %s", "chart.indicator": "Indicator",
		"chart.caveat.inferred": "A period marked “period not stated” is the editors’ reading.", "fig.period_inferred": "period not stated",
	}[key]
}}

var report = &dataset.Report{ID: "r", Published: dataset.Date{Year: 2021, Month: 8}}

func fig(t *testing.T, in *dataset.Indicator, region, period, kind, unit string, value float64, opts ...func(*dataset.Figure)) *dataset.Figure {
	t.Helper()
	p, err := dataset.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	u, err := dataset.ParseUnit(unit)
	if err != nil {
		t.Fatal(err)
	}
	f := &dataset.Figure{ID: region + "-" + period + "-" + kind, Region: region, PeriodRaw: period, Period: p, Kind: kind,
		UnitRaw: unit, Unit: u, Value: value, ValueBase: u.BaseValue(value), Indicator: in, Report: report}
	for _, o := range opts {
		o(f)
	}
	return f
}

var cumulative = func(f *dataset.Figure) { f.Cumulative = true }

// golden compares a chart option with testdata/NAME.golden, written with
// -update.
func golden(t *testing.T, name string, option []byte) {
	t.Helper()
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, option, "", "  "); err != nil {
		t.Fatalf("option is not JSON: %v", err)
	}
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pretty.Bytes(), want) {
		t.Errorf("option of %s differs from %s (go test -update to accept):\n%s", name, path, pretty.Bytes())
	}
}

type option struct {
	XAxis  []struct{ Type string }
	Series []struct {
		ID        string
		Type      string
		ItemStyle map[string]any
		Data      []struct {
			Value any
			Name  string
		}
	}
}

func decode(t *testing.T, b []byte) option {
	t.Helper()
	var o option
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestRatesOverTime: growth rates are segments over their periods, on a
// time axis, one series per region and kind with the id region-kind; a
// two-year average spans two years.
func TestRatesOverTime(t *testing.T) {
	in := &dataset.Indicator{ID: "growth", NameEn: "Growth", Unit: dataset.Unit{Base: "%"}}
	figs := []*dataset.Figure{
		fig(t, in, "chongqing", "2020-01..2020-11", "actual", "%", 5.5),
		fig(t, in, "chongqing", "2020..2021", "actual", "%", 6.6),
		fig(t, in, "chongqing", "2022", "target", "%", 6),
		fig(t, in, "sichuan", "2020-01..2020-11", "actual", "%", 4),
	}
	cs, omitted, err := Indicator(in, figs, labels)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || len(omitted) != 0 {
		t.Fatalf("%d charts, %d omitted", len(cs), len(omitted))
	}
	o := decode(t, cs[0].Option)
	if o.XAxis[0].Type != "time" {
		t.Errorf("x axis %q, want time", o.XAxis[0].Type)
	}
	var ids []string
	for _, s := range o.Series {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "chongqing-actual chongqing-target sichuan-actual" {
		t.Errorf("series ids = %v", ids)
	}
	// The two-year average: from 1 January 2020 to 31 December 2021.
	seg := o.Series[0].Data[3:5]
	if seg[0].Value.([]any)[0] != "2020-01-01" || seg[1].Value.([]any)[0] != "2021-12-31" {
		t.Errorf("two-year segment = %v", seg)
	}
	if !strings.Contains(o.Series[1].Data[0].Name, "set in the report of August 2021") {
		t.Errorf("target tooltip = %q", o.Series[1].Data[0].Name)
	}
	golden(t, "rates", cs[0].Option)
}

// TestLevelsTotalsAndNew: levels are bars from zero, totals to date and
// new items in separate charts, targets outlined, and what cannot be drawn
// is listed with the reason.
func TestLevelsTotalsAndNew(t *testing.T) {
	in := &dataset.Indicator{ID: "smart-factories", NameEn: "Smart factories", CountsEn: "smart factory", CountsEnPlural: "smart factories"}
	in.Unit, _ = dataset.ParseUnit("个")
	figs := []*dataset.Figure{
		fig(t, in, "chongqing", "2020", "actual", "个", 20, cumulative),
		fig(t, in, "chongqing", "2021", "actual", "个", 54, cumulative),
		fig(t, in, "chongqing", "2021", "actual", "个", 10),
		fig(t, in, "chongqing", "2022", "target", "个", 10),
		fig(t, in, "chongqing", "2021..2025", "target", "个", 100, func(f *dataset.Figure) { f.Per = "year" }),
		fig(t, in, "chongqing", "2025", "target", "个", 1, func(f *dataset.Figure) { f.IsRange = true; f.Upper = 2 }),
	}
	cs, omitted, err := Indicator(in, figs, labels)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].ID != "ind-smart-factories-total" || cs[1].ID != "ind-smart-factories-new" {
		t.Fatalf("charts: %d", len(cs))
	}
	for _, c := range cs {
		for _, f := range c.Figures {
			if c.ID == "ind-smart-factories-total" && !f.Cumulative || c.ID == "ind-smart-factories-new" && f.Cumulative {
				t.Errorf("%s holds %s", c.ID, f.ID)
			}
		}
	}
	reasons := map[string]string{}
	for _, o := range omitted {
		reasons[o.Figure.PeriodRaw] = o.Reason
	}
	if reasons["2021..2025"] != OmitPer || reasons["2025"] != OmitRange || len(omitted) != 2 {
		t.Errorf("omitted = %v", reasons)
	}
	o := decode(t, cs[1].Option)
	if o.Series[1].ID != "chongqing-target" || o.Series[1].ItemStyle["borderType"] != "dashed" {
		t.Errorf("target series = %+v", o.Series[1])
	}
	golden(t, "levels-new", cs[1].Option)
	a, _, _ := Indicator(in, figs, labels)
	if !bytes.Equal(a[1].Option, cs[1].Option) {
		t.Error("options are not deterministic")
	}
}

// TestNothingDroppedSilently: every figure is drawn or omitted with a
// reason.
func TestNothingDroppedSilently(t *testing.T) {
	in := &dataset.Indicator{ID: "rank", NameEn: "Rank"}
	in.Unit, _ = dataset.ParseUnit("位")
	figs := []*dataset.Figure{
		fig(t, in, "chongqing", "2024-01..2024-08", "actual", "位", 7),
		fig(t, in, "chongqing", "2024-01..2024-08", "actual", "位", 4, func(f *dataset.Figure) { f.Change = "up" }),
	}
	cs, omitted, _ := Indicator(in, figs, labels)
	if len(cs) != 0 || len(omitted) != 2 || omitted[0].Reason != OmitRank || omitted[1].Reason != OmitRank {
		t.Errorf("%d charts, omitted %+v", len(cs), omitted)
	}
}
