package compare

import (
	"strings"
	"testing"

	"reportsite/internal/dataset"
)

// fig makes a figure from a compact description.
func fig(t *testing.T, region, period, kind, unit string, value float64, opts ...func(*dataset.Figure)) *dataset.Figure {
	t.Helper()
	p, err := dataset.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	u, err := dataset.ParseUnit(unit)
	if err != nil {
		t.Fatal(err)
	}
	f := &dataset.Figure{ID: region + "-" + period + "-" + kind, Region: region, PeriodRaw: period, Period: p, Kind: kind, UnitRaw: unit, Unit: u, Value: value, ValueBase: u.BaseValue(value)}
	for _, o := range opts {
		o(f)
	}
	return f
}

var (
	cumulative = func(f *dataset.Figure) { f.Cumulative = true }
	over       = func(f *dataset.Figure) { f.Qualifier = "over" }
	atLeast    = func(f *dataset.Figure) { f.Qualifier = "at-least" }
	about      = func(f *dataset.Figure) { f.Qualifier = "about" }
	inferred   = func(f *dataset.Figure) { f.PeriodInferred = true }
	up         = func(f *dataset.Figure) { f.Change = "up" }
	perYear    = func(f *dataset.Figure) { f.Per = "year" }
	ranged     = func(f *dataset.Figure) { f.IsRange = true; f.Upper = f.Value + 1 }
)

// TestJudge is the comparability rules, one case per rule.
func TestJudge(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cq, sc  func(t *testing.T) *dataset.Figure
		verdict Verdict
		reasons string
	}{
		{"same everything",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2020-01..2020-11", "actual", "%", 5.5) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2020-01..2020-11", "actual", "%", 4) },
			Comparable, ""},
		{"expected against actual",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2021", "actual", "%", 5) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2021", "expected", "%", 4) },
			NotComparable, ReasonKind},
		{"target against actual",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2025", "target", "家", 50) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2025", "actual", "家", 40) },
			NotComparable, ReasonKind},
		{"total against new",
			func(t *testing.T) *dataset.Figure {
				return fig(t, "chongqing", "2020", "actual", "个", 54, cumulative)
			},
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2020", "actual", "个", 10) },
			NotComparable, ReasonCumulative},
		{"change against level",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2024", "actual", "位", 4, up) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2024", "actual", "位", 7) },
			NotComparable, ReasonMeasure},
		{"rate per year against level",
			func(t *testing.T) *dataset.Figure {
				return fig(t, "chongqing", "2021..2025", "target", "个", 100, perYear)
			},
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2021..2025", "target", "个", 300) },
			NotComparable, ReasonMeasure},
		{"different units",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2020", "actual", "亿元", 100) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2020", "actual", "%", 5) },
			NotComparable, ReasonUnit},
		{"periods differ by more than two months",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2020-01..2020-11", "actual", "%", 5.5) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2020-01..2020-06", "actual", "%", 3) },
			NotComparable, ReasonPeriod},
		{"a year against a two-year average",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2020..2021", "actual", "%", 6) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2021", "actual", "%", 9) },
			NotComparable, ReasonPeriod},
		{"several reasons at once",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2022", "target", "个", 5, cumulative) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2022-01..2022-06", "actual", "个", 3) },
			NotComparable, ReasonKind + "," + ReasonCumulative + "," + ReasonPeriod},
		{"January–November against the full year",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2020-01..2020-11", "actual", "%", 5.5) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2020", "actual", "%", 4) },
			Caveat, CaveatPeriod},
		{"both lower bounds",
			func(t *testing.T) *dataset.Figure {
				return fig(t, "chongqing", "2020", "actual", "万户", 10, cumulative, over)
			},
			func(t *testing.T) *dataset.Figure {
				return fig(t, "sichuan", "2020", "actual", "万户", 8, cumulative, atLeast)
			},
			Caveat, CaveatLowerBounds},
		{"one side approximate",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2020", "actual", "%", 6, about) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2020", "actual", "%", 5) },
			Caveat, CaveatApproximate},
		{"different measure words for firms",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2020", "actual", "户", 12) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2020", "actual", "家", 20) },
			Caveat, CaveatMeasureWord},
		{"a range",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2025", "target", "家", 1, ranged) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2025", "target", "家", 2) },
			Caveat, CaveatRange},
		{"a period the editors read",
			func(t *testing.T) *dataset.Figure { return fig(t, "chongqing", "2023", "actual", "%", 1.76, inferred) },
			func(t *testing.T) *dataset.Figure { return fig(t, "sichuan", "2023", "actual", "%", 1.5) },
			Caveat, CaveatInferred},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, reasons := Judge(tc.cq(t), tc.sc(t))
			if v != tc.verdict || strings.Join(reasons, ",") != tc.reasons {
				t.Errorf("Judge = %s %q, want %s %q", v, strings.Join(reasons, ","), tc.verdict, tc.reasons)
			}
		})
	}
}

// TestPairsOverlap: every pair of an indicator with overlapping periods is
// judged, and no other.
func TestPairsOverlap(t *testing.T) {
	in := &dataset.Indicator{ID: "growth"}
	figs := []*dataset.Figure{
		fig(t, "chongqing", "2020-01..2020-11", "actual", "%", 5.5),
		fig(t, "chongqing", "2021", "actual", "%", 10.7),
		fig(t, "sichuan", "2020", "actual", "%", 4),
		fig(t, "sichuan", "2021-01..2021-06", "actual", "%", 13),
		fig(t, "sichuan", "2022", "target", "%", 7),
		fig(t, "chengdu-chongqing", "2020", "actual", "%", 5),
	}
	for _, f := range figs {
		f.Indicator = in
	}
	gs := Pairs(dataset.New(nil, []*dataset.Indicator{in}, figs))
	if len(gs) != 1 {
		t.Fatalf("%d groups", len(gs))
	}
	var got []string
	for _, p := range gs[0].Pairs {
		got = append(got, p.Chongqing.PeriodRaw+"~"+p.Sichuan.PeriodRaw+" "+p.Verdict.String())
	}
	want := "2020-01..2020-11~2020 caveat|2021~2021-01..2021-06 not-comparable"
	if strings.Join(got, "|") != want {
		t.Errorf("pairs = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestDifference(t *testing.T) {
	for _, tc := range []struct {
		cq, sc *dataset.Figure
		zh, en string
	}{
		{fig(t, "chongqing", "2020", "actual", "%", 5.5), fig(t, "sichuan", "2020", "actual", "%", 4), "重庆比四川高1.5个百分点", "Chongqing’s is 1.5 percentage points higher than Sichuan’s"},
		{fig(t, "chongqing", "2020", "actual", "%", 4), fig(t, "sichuan", "2020", "actual", "%", 5), "四川比重庆高1个百分点", "Sichuan’s is 1 percentage point higher than Chongqing’s"},
		{fig(t, "chongqing", "2020", "actual", "亿元", 100), fig(t, "sichuan", "2020", "actual", "亿元", 230), "四川是重庆的2.3倍", "Sichuan’s is 2.3 times Chongqing’s"},
		{fig(t, "chongqing", "2020", "actual", "%", 4), fig(t, "sichuan", "2020", "actual", "%", 4), "", ""},
		{fig(t, "chongqing", "2020", "actual", "万户", 10, over), fig(t, "sichuan", "2020", "actual", "万户", 8, over), "", ""},
		{fig(t, "chongqing", "2020", "actual", "%", 5), fig(t, "sichuan", "2020", "expected", "%", 4), "", ""},
	} {
		v, reasons := Judge(tc.cq, tc.sc)
		p := &Pair{Chongqing: tc.cq, Sichuan: tc.sc, Verdict: v, Reasons: reasons}
		if zh, en := p.Difference("zh"), p.Difference("en"); zh != tc.zh || en != tc.en {
			t.Errorf("Difference(%v, %v) = %q, %q; want %q, %q", tc.cq.Value, tc.sc.Value, zh, en, tc.zh, tc.en)
		}
	}
}
