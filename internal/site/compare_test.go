package site

import (
	"strings"
	"testing"

	"reportsite/internal/dataset"
)

func fig(t *testing.T, region, period, kind string, cumulative bool) *dataset.Figure {
	t.Helper()
	p, err := dataset.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := dataset.ParseUnit("%")
	return &dataset.Figure{ID: region + "-" + period + "-" + kind, Region: region, PeriodRaw: period, Period: p, Kind: kind, Cumulative: cumulative, Unit: u}
}

func TestCompare(t *testing.T) {
	in := &dataset.Indicator{ID: "growth"}
	in.Figures = []*dataset.Figure{
		fig(t, "chongqing", "2020-01..2020-11", "actual", false),
		fig(t, "sichuan", "2020-01..2020-11", "actual", false),
		fig(t, "chongqing", "2021", "actual", false),
		fig(t, "sichuan", "2021", "expected", false),
		fig(t, "chongqing", "2022", "target", true),
		fig(t, "sichuan", "2022-01..2022-06", "target", false),
		fig(t, "chongqing", "2020..2021", "actual", false), // a two-year average: Sichuan's 2021 figure is a closer match for Chongqing's 2021
		fig(t, "sichuan", "2020-01..2020-02", "actual", false),
	}
	s := &Site{Data: &dataset.Dataset{Indicators: []*dataset.Indicator{in}}}
	cs := s.compare()
	if len(cs) != 1 {
		t.Fatalf("%d comparisons", len(cs))
	}
	var got []string
	for _, r := range cs[0].Rows {
		got = append(got, r.Chongqing.PeriodRaw+"~"+r.Sichuan.PeriodRaw+" "+strings.Join(r.Reasons, ","))
	}
	want := []string{
		"2020-01..2020-11~2020-01..2020-11 ",
		"2021~2021 compare.reason.kind",
		"2022~2022-01..2022-06 compare.reason.period,compare.reason.cumulative",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("compare rows =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !cs[0].Rows[0].Comparable || cs[0].Rows[1].Comparable {
		t.Error("comparability flags wrong")
	}
}
