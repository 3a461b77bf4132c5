package targets

import (
	"math"
	"testing"

	"reportsite/internal/dataset"
)

// indicator makes a dataset of one indicator and its figures: "kind region period value
// unit" with options.
type spec struct {
	kind, region, period string
	value                float64
	unit                 string
	cumulative           bool
	qualifier            string
	upper                float64
}

func indicator(t *testing.T, unit, direction string, rate bool, specs ...spec) *dataset.Dataset {
	t.Helper()
	in := &dataset.Indicator{ID: "x", Direction: direction, RateOfChange: rate}
	in.Unit, _ = dataset.ParseUnit(unit)
	report := &dataset.Report{ID: "plan", Published: dataset.Date{Year: 2021, Month: 8}}
	var figs []*dataset.Figure
	for i, s := range specs {
		p, err := dataset.ParsePeriod(s.period)
		if err != nil {
			t.Fatal(err)
		}
		u, err := dataset.ParseUnit(s.unit)
		if err != nil {
			t.Fatal(err)
		}
		f := &dataset.Figure{ID: string(rune('a' + i)), Kind: s.kind, Region: s.region, PeriodRaw: s.period, Period: p, Value: s.value,
			Unit: u, ValueBase: u.BaseValue(s.value), Cumulative: s.cumulative, Qualifier: s.qualifier, Indicator: in, Report: report}
		if s.upper > 0 {
			f.IsRange, f.Upper, f.UpperBase = true, s.upper, u.BaseValue(s.upper)
		}
		figs = append(figs, f)
	}
	return dataset.New([]*dataset.Report{report}, []*dataset.Indicator{in}, figs)
}

func track(d *dataset.Dataset) *Target {
	for _, f := range d.Figures {
		if f.Kind == dataset.Target {
			return judge(f, actuals(d, f))
		}
	}
	return nil
}

// TestRules is the status rules, one case each, with the numbers of the
// real data where they come from it.
func TestRules(t *testing.T) {
	cq := "chongqing"
	for _, tc := range []struct {
		name     string
		in       *dataset.Dataset
		status   Status
		rule     string
		progress float64
		expected float64 // NaN for none
		arith    string
	}{
		{"new items since the baseline: 183 − 105 = 78 of 50",
			indicator(t, "个", "higher", false,
				spec{"target", cq, "2021..2025", 50, "个", false, "", 0},
				spec{"actual", cq, "2020", 28, "个", false, "", 0},
				spec{"actual", cq, "2021", 105, "个", true, "", 0},
				spec{"actual", cq, "2024-01..2024-08", 183, "个", true, "", 0}),
			Met, RuleNew, 78, math.NaN(), "183 − 105 = 78"},
		{"new items behind the straight path",
			indicator(t, "个", "higher", false,
				spec{"target", cq, "2021..2025", 500, "个", false, "", 0},
				spec{"actual", cq, "2020", 200, "个", true, "", 0},
				spec{"actual", cq, "2022", 300, "个", true, "", 0}),
			Behind, RuleNew, 100, 200, "300 − 200 = 100"},
		{"a level on the straight path",
			indicator(t, "户", "higher", false,
				spec{"target", cq, "2025", 15, "万户", true, "", 0},
				spec{"actual", cq, "2020", 5.5, "万户", true, "", 0},
				spec{"actual", cq, "2021", 10.1, "万户", true, "", 0}),
			OnTrack, RuleLevel, 101000, 5.5e4 + 9.5e4*12/60, ""},
		{"an at-least target met when reached",
			indicator(t, "个", "higher", false,
				spec{"target", cq, "2025", 30, "个", true, "over", 0},
				spec{"actual", cq, "2020", 16, "个", true, "", 0},
				spec{"actual", cq, "2024-01..2024-08", 54, "个", true, "", 0}),
			Met, RuleLevel, 54, math.NaN(), ""},
		{"a share behind the straight path",
			indicator(t, "%", "higher", false,
				spec{"target", cq, "2025", 50, "%", false, "at-least", 0},
				spec{"actual", cq, "2020", 30, "%", false, "", 0},
				spec{"actual", cq, "2023", 29.8, "%", false, "", 0}),
			Behind, RuleLevel, 29.8, 30 + 20*36.0/60, ""},
		{"a share missed at its date",
			indicator(t, "%", "higher", false,
				spec{"target", cq, "2022", 35, "%", false, "", 0},
				spec{"actual", cq, "2021", 30, "%", false, "", 0},
				spec{"actual", cq, "2023", 29.8, "%", false, "", 0}),
			Missed, RuleLevel, 29.8, math.NaN(), ""},
		{"lower is better: energy intensity",
			indicator(t, "%", "lower", false,
				spec{"target", cq, "2025", 80, "%", false, "", 0},
				spec{"actual", cq, "2020", 100, "%", false, "", 0},
				spec{"actual", cq, "2023", 85, "%", false, "", 0}),
			OnTrack, RuleLevel, 85, 100 - 20*36.0/60, ""},
		{"a growth target for the year, at pace in January–August",
			indicator(t, "%", "higher", true,
				spec{"target", cq, "2022", 6, "%", false, "", 0},
				spec{"actual", cq, "2021", 10.7, "%", false, "", 0},
				spec{"actual", cq, "2022-01..2022-08", 6.5, "%", false, "", 0}),
			OnTrack, RuleRate, 6.5, math.NaN(), ""},
		{"a growth target for the year, missed over the year",
			indicator(t, "%", "higher", true,
				spec{"target", cq, "2022", 6, "%", false, "", 0},
				spec{"actual", cq, "2022", 4.9, "%", false, "", 0}),
			Missed, RuleRate, 4.9, math.NaN(), ""},
		{"a growth target for 2022 with only later years",
			indicator(t, "%", "higher", true,
				spec{"target", cq, "2022", 6, "%", false, "", 0},
				spec{"actual", cq, "2024-01..2024-08", 8.3, "%", false, "", 0}),
			NoData, RuleRate, 0, math.NaN(), ""},
		{"an average growth over five years against single years",
			indicator(t, "%", "higher", true,
				spec{"target", cq, "2021..2025", 10, "%", false, "over", 0},
				spec{"actual", cq, "2021", 12, "%", false, "", 0}),
			NotComparable, RuleRate, 0, math.NaN(), ""},
		{"new items in one year from the year's own figure",
			indicator(t, "家", "higher", false,
				spec{"target", cq, "2022", 300, "家", false, "", 0},
				spec{"actual", cq, "2022", 320, "家", false, "", 0}),
			Met, RuleSameYear, 320, math.NaN(), ""},
		{"new items in 2022 with only a later year",
			indicator(t, "家", "higher", false,
				spec{"target", cq, "2022", 300, "家", false, "", 0},
				spec{"actual", cq, "2021", 883, "家", true, "", 0},
				spec{"actual", cq, "2024-01..2024-08", 1381, "家", false, "", 0}),
			NoData, RuleSameYear, 0, math.NaN(), ""},
		{"a range met at its lower number",
			indicator(t, "家", "higher", false,
				spec{"target", cq, "2021..2025", 1, "家", false, "", 2},
				spec{"actual", cq, "2021", 1, "家", false, "", 0}),
			Met, RuleNew, 1, math.NaN(), ""},
		{"no actual at all",
			indicator(t, "家", "higher", false,
				spec{"target", cq, "2025", 30, "家", true, "", 0}),
			NoData, RuleNone, 0, math.NaN(), ""},
		{"actuals of another region do not count",
			indicator(t, "家", "higher", false,
				spec{"target", cq, "2025", 30, "家", true, "", 0},
				spec{"actual", "sichuan", "2023", 40, "家", true, "", 0}),
			NoData, RuleNone, 0, math.NaN(), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := track(tc.in)
			format := func(v float64) string { return dataset.FormatEnglish(v) }
			if got.Status != tc.status || got.Rule != tc.rule || got.Progress != tc.progress ||
				math.IsNaN(tc.expected) != math.IsNaN(got.Expected) || (!math.IsNaN(tc.expected) && math.Abs(got.Expected-tc.expected) > 1e-6) ||
				got.Arithmetic(format) != tc.arith {
				t.Errorf("got %s by %q: progress %v, expected %v, %q; want %s by %q: %v, %v, %q",
					got.Status, got.Rule, got.Progress, got.Expected, got.Arithmetic(format), tc.status, tc.rule, tc.progress, tc.expected, tc.arith)
			}
		})
	}
}

// TestNewItemsAreNotABaselineForATotal: a figure of new items in a year
// is not where a total starts from; without a total before the plan, the
// path starts at the first total after it.
func TestNewItemsAreNotABaselineForATotal(t *testing.T) {
	in := indicator(t, "家", "higher", false,
		spec{"target", "chongqing", "2025", 30, "家", true, "at-least", 0},
		spec{"actual", "chongqing", "2020", 6, "家", false, "", 0},
		spec{"actual", "chongqing", "2021", 9, "家", true, "", 0},
		spec{"actual", "chongqing", "2024-01..2024-08", 11, "家", true, "", 0})
	got := track(in)
	// From 9 at the end of 2021 to 30 at the end of 2025: 23 by August 2024.
	if got.Baseline == nil || got.Baseline.Value != 9 || !got.BaselineLate || got.Status != Behind || got.Latest.Value != 11 || math.Abs(got.Expected-23) > 1e-9 {
		t.Errorf("got %s (%s), baseline %v, latest %v, expected %v", got.Status, got.Reason, got.Baseline, got.Latest, got.Expected)
	}
}
