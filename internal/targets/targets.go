// Package targets answers whether the plans are on track: it sets every
// target in the dataset against the actual figures of the same indicator
// and region, and gives it a status by the explicit rules of Track. It sits
// between the dataset and the pages: the targets page, the year pages, the
// indicator pages, the home page and the targets export call it.
package targets

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"reportsite/internal/dataset"
)

// Status is where a target stands.
type Status string

// The statuses.
const (
	Met           Status = "met"            // the latest actual reaches the target
	OnTrack       Status = "on-track"       // not yet reached, at or ahead of the straight path to it
	Behind        Status = "behind"         // not yet reached, behind the straight path
	Missed        Status = "missed"         // not reached at the target's date
	NotComparable Status = "not-comparable" // the actuals measure something else
	NoData        Status = "no-data"        // no actual to judge it by yet
)

// Statuses lists them in the order pages sort by.
var Statuses = []Status{Missed, Behind, OnTrack, Met, NotComparable, NoData}

// Rules say which comparison a target's status comes from. Each is a key
// of the interface strings ("targets.rule.level"), where the page explains
// it.
const (
	RuleLevel     = "targets.rule.level"      // a level or a share: the latest value against the target
	RuleNew       = "targets.rule.new"        // new items: the new items since the baseline against the target
	RuleSameYear  = "targets.rule.same_year"  // new items or an amount in one year: that year's figure
	RuleAnnual    = "targets.rule.annual"     // an amount in a year: the latest full year's against the target
	RuleRate      = "targets.rule.rate"       // a rate of change: the rate for the target's period, or part of it
	RulePerPeriod = "targets.rule.per_period" // a rate per year: the latest full year's new items
	RuleNone      = ""                        // no comparison
)

// Reasons a target cannot be judged against the actuals there are.
const (
	ReasonUnit      = "targets.reason.unit"       // the actuals are in another unit
	ReasonSpan      = "targets.reason.span"       // a rate over several years against single years
	ReasonChange    = "targets.reason.change"     // a change against levels
	ReasonPeriods   = "targets.reason.periods"    // new items in periods that do not add up to the target's
	ReasonNoBase    = "targets.reason.no_base"    // no earlier value to measure progress from
	ReasonLaterYear = "targets.reason.later_year" // only figures for later or earlier years than the target's
)

// Target is one target with its comparison.
type Target struct {
	Figure   *dataset.Figure
	Also     []*dataset.Figure // the same target set elsewhere
	Baseline *dataset.Figure   // the latest actual before the plan, if any
	// BaselineLate is set when no actual precedes the plan and the first
	// after it is the baseline: the straight path starts later than the
	// plan, and new items since then undercount the progress.
	BaselineLate bool
	Latest       *dataset.Figure // the actual the status is judged on, if any
	// Flows are the figures of new items that Progress adds up, where it
	// adds up several (RuleNew without totals).
	Flows []*dataset.Figure
	// Progress is the value set against the target, in the base unit: the
	// latest value, or the new items since the baseline.
	Progress float64
	// Expected is where the straight path from the baseline to the target
	// stands at the latest actual's date, in the base unit; NaN where
	// there is no path.
	Expected float64
	Status   Status
	Rule     string
	Reason   string // for NotComparable and NoData: why
}

// Goal is the value that meets the target, in the base unit: the lower
// number of a range; "at least" and "over" targets are met when reached.
func (t *Target) Goal() float64 { return t.Figure.ValueBase }

// Lower reports whether less is better for the target's indicator.
func (t *Target) Lower() bool { return t.Figure.Indicator.Direction == "lower" }

// reached reports whether v meets the target, by the indicator's direction.
func (t *Target) reached(v float64) bool {
	if t.Lower() {
		return v <= t.Goal()
	}
	return v >= t.Goal()
}

// Track judges every target of the dataset. The rules, in order:
//
//  1. The actuals a target is judged by are the actual figures of its
//     indicator and region that are levels (not changes, rates per year or
//     ranges) in a unit of the same kind. None: no-data.
//  2. The baseline is the latest of them whose period ends before the plan
//     was set: before the target's period starts, and before the report
//     that sets it was published. Where none does, the first after it is
//     the baseline, and the page says so.
//  3. What is compared depends on what the target measures:
//     - a rate of change (an indicator of growth or reduction): the actual
//     for the target's own period, or for part of it (year to date). A
//     rate over several years is not comparable with single years.
//     - new items over several years (not cumulative, a count): the new
//     items since the baseline — the latest total minus the baseline total
//     (when no total precedes the plan, the first total after it is the
//     baseline, and the count is short of the truth) — or the figures of
//     new items in the target's period added up.
//     - new items or an amount in one year: that year's figure; an amount
//     (not a count) is otherwise followed by the full years' figures.
//     - a rate per year: the latest full year's new items.
//     - a level (a total to date, a share, an index): the latest value.
//  4. Met when the value reaches the target (at least the lower number of a
//     range; "at least" and "over" targets are met when reached; for an
//     indicator where lower is better, at most the target).
//  5. Not met, and the actual's period reaches the target's end: missed.
//  6. Not met, before the target's end: on-track when the value is at or
//     beyond the straight path from the baseline (or from nothing, for new
//     items) at the actual's date, behind otherwise. A rate for part of
//     the target's period is on-track when it is at the target's pace.
//
// A target set in several places (the same number, period and indicator)
// is judged once; Also lists the other figures that set it.
func Track(d *dataset.Dataset) []*Target {
	var out []*Target
	for _, f := range d.Figures {
		if f.Kind == dataset.Target && d.Same(f)[0] == f { // each target once
			t := judge(f, actuals(d, f))
			for _, o := range d.Same(f) {
				if o != f {
					t.Also = append(t.Also, o)
				}
			}
			out = append(out, t)
		}
	}
	return out
}

// actuals are the figures a target may be judged by, in order of period,
// each number once.
func actuals(d *dataset.Dataset, t *dataset.Figure) []*dataset.Figure {
	var out []*dataset.Figure
	for _, f := range d.Numbers(t.Indicator) {
		if f.Kind == dataset.Actual && f.Region == t.Region && f.Change == "" && f.Per == "" && !f.IsRange {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Period.To != out[j].Period.To {
			return out[i].Period.To < out[j].Period.To
		}
		return out[i].Period.From > out[j].Period.From // the shorter (later-starting) first
	})
	return out
}

// setAt is when a plan was set: the month its target period starts or its
// report was published, whichever is earlier.
func setAt(t *dataset.Figure) dataset.Month {
	p := t.Report.Published
	m := dataset.MonthOf(p.Year, max(p.Month, 1))
	return min(m, t.Period.From)
}

func judge(f *dataset.Figure, acts []*dataset.Figure) *Target {
	t := &Target{Figure: f, Expected: math.NaN()}
	if len(acts) == 0 {
		t.Status = NoData
		return t
	}
	var fit []*dataset.Figure
	for _, a := range acts {
		if a.Unit.Kind() == f.Unit.Kind() {
			fit = append(fit, a)
		}
	}
	if len(fit) == 0 {
		t.Status, t.Reason = NotComparable, ReasonUnit
		return t
	}
	start := setAt(f)
	for _, a := range fit {
		if a.Period.To < start {
			t.Baseline = a
		}
	}
	switch {
	case f.Change != "":
		t.Status, t.Reason = NotComparable, ReasonChange
	case f.Indicator.RateOfChange:
		t.rate(fit)
	case f.Per != "":
		t.perPeriod(fit)
	case !f.Cumulative && f.Unit.IsCount() && f.Period.From.Year() != f.Period.To.Year():
		t.newItems(fit)
	case !f.Cumulative && (f.Unit.IsCount() || f.Period.From.Year() == f.Period.To.Year() && f.Period.FullYears() && !f.Unit.IsCount() && !level(f)):
		t.oneYear(fit)
	default:
		t.level(fit)
	}
	return t
}

// level reports whether a figure that is not cumulative is still a level
// at a point in time: a share, an index, a rate that is not a change.
func level(f *dataset.Figure) bool {
	b := dataset.BaseUnits[f.Unit.Base]
	return b.Percent || f.Unit.Base == "个百分点" || b.Rank || f.Unit.Base == "" && !f.Unit.IsCount()
}

// status decides met, missed, on-track or behind for a value at the end of
// the actual's period, and a straight path from (from, base) to the target.
func (t *Target) status(v float64, at dataset.Month, from dataset.Month, base float64, path bool) {
	t.Progress = v
	switch {
	case t.reached(v):
		t.Status = Met
	case at >= t.Figure.Period.To:
		t.Status = Missed
	case !path:
		t.Status = NoData
		t.Reason = ReasonNoBase
	default:
		share := float64(at-from) / float64(t.Figure.Period.To-from)
		t.Expected = base + (t.Goal()-base)*share
		if t.Lower() == (v <= t.Expected) || v == t.Expected {
			t.Status = OnTrack
		} else {
			t.Status = Behind
		}
	}
}

// level: the latest value of a total, share or index against the target.
func (t *Target) level(acts []*dataset.Figure) {
	t.Rule = RuleLevel
	var usable []*dataset.Figure
	for _, a := range acts {
		if a.Cumulative == t.Figure.Cumulative || level(a) {
			usable = append(usable, a)
		}
	}
	if len(usable) == 0 {
		t.Status, t.Reason = NotComparable, ReasonPeriods
		return
	}
	t.Latest = usable[len(usable)-1]
	if t.Baseline != nil && t.Baseline.Cumulative != t.Latest.Cumulative && !level(t.Baseline) {
		t.Baseline = nil
	}
	if t.Latest == t.Baseline {
		t.Status, t.Reason = NoData, ReasonLaterYear
		return
	}
	if t.Baseline == nil && len(usable) > 1 {
		// No value before the plan: the path starts at the first after it.
		t.Baseline, t.BaselineLate = usable[0], true
	}
	if t.Baseline == nil {
		t.status(t.Latest.ValueBase, t.Latest.Period.To, 0, 0, false)
		return
	}
	t.status(t.Latest.ValueBase, t.Latest.Period.To, t.Baseline.Period.To, t.Baseline.ValueBase, true)
}

// newItems: new items over several years, from totals or from figures of
// new items in the target's period.
func (t *Target) newItems(acts []*dataset.Figure) {
	t.Rule = RuleNew
	f := t.Figure
	var totals, flows []*dataset.Figure
	for _, a := range acts {
		switch {
		case a.Cumulative:
			totals = append(totals, a)
		case a.Period.From >= f.Period.From && a.Period.To <= f.Period.To:
			flows = append(flows, a)
		}
	}
	if len(totals) >= 2 {
		base := totals[0]
		for _, a := range totals {
			if a.Period.To < setAt(f) {
				base = a
			}
		}
		latest := totals[len(totals)-1]
		if latest != base {
			t.Baseline, t.Latest = base, latest
			t.BaselineLate = base.Period.To >= setAt(f)
			t.status(latest.ValueBase-base.ValueBase, latest.Period.To, base.Period.To, 0, true)
			return
		}
	}
	// Figures of new items that follow each other from the target's start.
	var sum float64
	next := f.Period.From
	for _, a := range flows {
		if a.Period.From != next {
			break
		}
		t.Flows = append(t.Flows, a)
		sum += a.ValueBase
		next = a.Period.To + 1
	}
	if len(t.Flows) == 0 {
		t.Baseline = nil
		if len(totals) > 0 || len(flows) > 0 {
			t.Status, t.Reason = NotComparable, ReasonPeriods
		} else {
			t.Status, t.Reason = NoData, ReasonLaterYear
		}
		return
	}
	t.Baseline = nil
	t.Latest = t.Flows[len(t.Flows)-1]
	t.status(sum, t.Latest.Period.To, f.Period.From-1, 0, true)
}

// oneYear: new items or an amount in one year.
func (t *Target) oneYear(acts []*dataset.Figure) {
	f := t.Figure
	t.Rule = RuleSameYear
	// That year's own figure, or the totals at its two ends.
	for _, a := range acts {
		if !a.Cumulative && a.Period.From >= f.Period.From && a.Period.To <= f.Period.To {
			t.Latest = a
		}
	}
	if t.Latest != nil {
		t.Baseline = nil
		t.status(t.Latest.ValueBase, t.Latest.Period.To, f.Period.From-1, 0, true)
		return
	}
	var before, after *dataset.Figure
	for _, a := range acts {
		switch {
		case a.Cumulative && a.Period.To == f.Period.From-1:
			before = a
		case a.Cumulative && a.Period.To >= f.Period.From && a.Period.To <= f.Period.To:
			after = a
		}
	}
	if before != nil && after != nil {
		t.Rule, t.Baseline, t.Latest = RuleNew, before, after
		t.status(after.ValueBase-before.ValueBase, after.Period.To, before.Period.To, 0, true)
		return
	}
	if !f.Unit.IsCount() {
		t.annual(acts)
		return
	}
	t.Baseline = nil
	t.Status, t.Reason = NoData, ReasonLaterYear
}

// annual: an amount in a year, followed by the full years' amounts.
func (t *Target) annual(acts []*dataset.Figure) {
	t.Rule = RuleAnnual
	var years []*dataset.Figure
	for _, a := range acts {
		if !a.Cumulative && a.Period.FullYears() && a.Period.From.Year() == a.Period.To.Year() {
			years = append(years, a)
		}
	}
	t.Baseline = nil
	for _, a := range years {
		if a.Period.To < setAt(t.Figure) {
			t.Baseline = a
		}
	}
	if len(years) == 0 || years[len(years)-1] == t.Baseline {
		t.Status, t.Reason = NoData, ReasonLaterYear
		return
	}
	t.Latest = years[len(years)-1]
	if t.Baseline == nil {
		t.status(t.Latest.ValueBase, t.Latest.Period.To, 0, 0, false)
		return
	}
	t.status(t.Latest.ValueBase, t.Latest.Period.To, t.Baseline.Period.To, t.Baseline.ValueBase, true)
}

// rate: a rate of change for the target's own period, or part of it.
func (t *Target) rate(acts []*dataset.Figure) {
	f := t.Figure
	t.Rule, t.Baseline = RuleRate, nil
	var within []*dataset.Figure
	for _, a := range acts {
		if a.Period.From >= f.Period.From && a.Period.To <= f.Period.To && (a.Period.From == f.Period.From || f.Period.From.Year() == f.Period.To.Year()) {
			within = append(within, a)
		}
	}
	if len(within) == 0 {
		if f.Period.From.Year() != f.Period.To.Year() {
			t.Status, t.Reason = NotComparable, ReasonSpan
		} else {
			t.Status, t.Reason = NoData, ReasonLaterYear
		}
		return
	}
	t.Latest = within[len(within)-1]
	whole := t.Latest.Period.From == f.Period.From && t.Latest.Period.To == f.Period.To
	if f.Period.From.Year() != f.Period.To.Year() && !whole {
		t.Status, t.Reason = NotComparable, ReasonSpan
		t.Latest = nil
		return
	}
	t.Progress = t.Latest.ValueBase
	switch {
	case whole && t.reached(t.Progress):
		t.Status = Met
	case whole:
		t.Status = Missed
	case t.reached(t.Progress):
		t.Status = OnTrack
	default:
		t.Status = Behind
	}
}

// perPeriod: a rate per year against the latest full year's new items.
func (t *Target) perPeriod(acts []*dataset.Figure) {
	f := t.Figure
	t.Rule, t.Baseline = RulePerPeriod, nil
	for _, a := range acts {
		if !a.Cumulative && a.Period.FullYears() && a.Period.From.Year() == a.Period.To.Year() && a.Period.From >= f.Period.From && a.Period.To <= f.Period.To {
			t.Latest = a
		}
	}
	if t.Latest == nil {
		t.Status, t.Reason = NoData, ReasonLaterYear
		return
	}
	t.Progress = t.Latest.ValueBase
	switch {
	case !t.reached(t.Progress):
		t.Status = Behind
		if t.Latest.Period.To >= f.Period.To {
			t.Status = Missed
		}
	case t.Latest.Period.To >= f.Period.To:
		t.Status = Met
	default:
		t.Status = OnTrack
	}
}

// Arithmetic shows how Progress was found, in numbers as the page writes
// them (format writes a base value): "183 − 105 = 78", "28 + 10 = 38".
func (t *Target) Arithmetic(format func(float64) string) string {
	switch {
	case t.Rule == RuleNew && t.Baseline != nil && t.Latest != nil:
		return fmt.Sprintf("%s − %s = %s", format(t.Latest.ValueBase), format(t.Baseline.ValueBase), format(t.Progress))
	case len(t.Flows) > 1:
		s := ""
		for i, f := range t.Flows {
			if i > 0 {
				s += " + "
			}
			s += format(f.ValueBase)
		}
		return s + " = " + format(t.Progress)
	}
	return ""
}

// Record is one target as published in /data/targets.json and
// /data/targets.csv. The field order is the column order of the CSV.
type Record struct {
	ID             string   `json:"id"`
	Indicator      string   `json:"indicator"`
	Region         string   `json:"region"`
	Report         string   `json:"report"`
	Period         string   `json:"period"`
	TargetYear     int      `json:"target_year"`
	Target         float64  `json:"target"`
	TargetUpper    *float64 `json:"target_upper"`
	Unit           string   `json:"unit"`
	TargetBase     float64  `json:"target_base"`
	BaseUnit       string   `json:"base_unit"`
	Qualifier      string   `json:"qualifier"`
	Baseline       *float64 `json:"baseline"`
	BaselinePeriod string   `json:"baseline_period"`
	BaselineFigure string   `json:"baseline_figure"`
	Latest         *float64 `json:"latest"`
	LatestPeriod   string   `json:"latest_period"`
	LatestFigure   string   `json:"latest_figure"`
	Progress       *float64 `json:"progress"`
	Expected       *float64 `json:"expected"`
	Status         Status   `json:"status"`
	Rule           string   `json:"rule"`
	Reason         string   `json:"reason"`
}

// Columns are the CSV header, in order.
var Columns = []string{"id", "indicator", "region", "report", "period", "target_year", "target", "target_upper", "unit", "target_base", "base_unit",
	"qualifier", "baseline", "baseline_period", "baseline_figure", "latest", "latest_period", "latest_figure", "progress", "expected", "status", "rule", "reason"}

// Record returns the published form of a target. Rule and reason are
// written without their "targets.rule." and "targets.reason." prefixes.
func (t *Target) Record() Record {
	f := t.Figure
	num := func(v float64) *float64 { return &v }
	r := Record{ID: f.ID, Indicator: f.IndicatorID, Region: f.Region, Report: f.ReportID, Period: f.PeriodRaw, TargetYear: f.Period.To.Year(),
		Target: f.Value, Unit: f.UnitRaw, TargetBase: f.ValueBase, BaseUnit: f.Unit.Kind(), Qualifier: f.Qualifier, Status: t.Status,
		Rule: strings.TrimPrefix(t.Rule, "targets.rule."), Reason: strings.TrimPrefix(t.Reason, "targets.reason.")}
	if f.IsRange {
		r.TargetUpper = num(f.Upper)
	}
	if b := t.Baseline; b != nil {
		r.Baseline, r.BaselinePeriod, r.BaselineFigure = num(b.ValueBase), b.PeriodRaw, b.ID
	}
	if l := t.Latest; l != nil {
		r.Latest, r.LatestPeriod, r.LatestFigure = num(l.ValueBase), l.PeriodRaw, l.ID
		r.Progress = num(t.Progress)
	}
	if !math.IsNaN(t.Expected) {
		r.Expected = num(math.Round(t.Expected*1e4) / 1e4)
	}
	return r
}

// Row is the record as a CSV row; text goes through csvText, which makes
// it safe in a spreadsheet.
func (r Record) Row(csvText func(string) string) []string {
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return dataset.FormatNumber(*p)
	}
	t := csvText
	return []string{t(r.ID), t(r.Indicator), t(r.Region), t(r.Report), t(r.Period), strconv.Itoa(r.TargetYear), dataset.FormatNumber(r.Target), num(r.TargetUpper),
		t(r.Unit), dataset.FormatNumber(r.TargetBase), t(r.BaseUnit), t(r.Qualifier), num(r.Baseline), t(r.BaselinePeriod), t(r.BaselineFigure),
		num(r.Latest), t(r.LatestPeriod), t(r.LatestFigure), num(r.Progress), num(r.Expected), t(string(r.Status)), t(r.Rule), t(r.Reason)}
}
