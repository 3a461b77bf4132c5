package site

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strings"

	"reportsite/internal/chart"
	"reportsite/internal/dataset"
	"reportsite/internal/seed"
	"reportsite/internal/targets"
)

// TargetsPage is the data of the targets page: every target by plan and
// theme, a summary per plan and region, and all targets in one table
// sorted by status.
type TargetsPage struct {
	Plans    []*Plan
	All      []*targets.Target // by status, then plan
	AllItems []*TargetItem     // All as the targets page shows them
	Count    map[targets.Status]int
	Regions  []RegionSummary
}

// Plan is one plan: a report, or one of the plans a report holds (the
// 2021 notice holds five), named by its section heading.
type Plan struct {
	ID      string // anchor: the report id and the heading id
	Report  *dataset.Report
	Heading *seed.Block // the plan's top-level heading, or nil
	Themes  []*Theme
	Regions []RegionSummary
}

// Theme is the targets of a plan in one category of indicators.
type Theme struct {
	Category string
	Targets  []*targets.Target
	Items    []*TargetItem // Targets as the targets page shows them
}

// RegionSummary counts a region's targets by status.
type RegionSummary struct {
	Region dataset.Region
	Total  int
	Count  map[targets.Status]int
}

// planOf is the top-level heading of the section that holds a figure.
func planOf(f *dataset.Figure) *seed.Block {
	var top *seed.Block
	for _, b := range f.Report.Doc.Blocks {
		if b == f.Match.Block {
			break
		}
		if b.HeadingID() != "" && b.Level == 1 {
			top = b
		}
	}
	return top
}

// summarise counts targets by region and status.
func summarise(ts []*targets.Target) []RegionSummary {
	var out []RegionSummary
	for _, r := range dataset.Regions {
		s := RegionSummary{Region: r, Count: map[targets.Status]int{}}
		for _, t := range ts {
			if t.Figure.Region == r.ID {
				s.Total++
				s.Count[t.Status]++
			}
		}
		if s.Total > 0 {
			out = append(out, s)
		}
	}
	return out
}

// targetsPage groups the targets by plan, in the order of the reports and
// of the text, and by theme within a plan.
func (s *Site) targetsPage() *TargetsPage {
	tp := &TargetsPage{Count: map[targets.Status]int{}}
	plans := map[string]*Plan{}
	byFigure := map[*dataset.Figure]*targets.Target{}
	for _, t := range s.Targets {
		byFigure[t.Figure] = t // the first figure that sets it
	}
	var order []*Plan
	for _, f := range s.Data.Figures { // in the order of the figure files
		t := byFigure[f]
		if t == nil {
			continue
		}
		h := planOf(f)
		id := f.ReportID
		if h != nil {
			id += "-" + h.HeadingID()
		}
		p := plans[id]
		if p == nil {
			p = &Plan{ID: id, Report: f.Report, Heading: h}
			plans[id] = p
			order = append(order, p)
		}
		var th *Theme
		for _, x := range p.Themes {
			if x.Category == f.Indicator.Category {
				th = x
			}
		}
		if th == nil {
			th = &Theme{Category: f.Indicator.Category}
			p.Themes = append(p.Themes, th)
		}
		th.Targets = append(th.Targets, t)
		tp.Count[t.Status]++
		tp.All = append(tp.All, t)
	}
	for _, p := range order {
		var all []*targets.Target
		for _, th := range p.Themes {
			all = append(all, th.Targets...)
		}
		p.Regions = summarise(all)
	}
	tp.Plans = order
	tp.Regions = summarise(tp.All)
	rank := map[targets.Status]int{}
	for i, st := range targets.Statuses {
		rank[st] = i
	}
	sort.SliceStable(tp.All, func(i, j int) bool { return rank[tp.All[i].Status] < rank[tp.All[j].Status] })
	return tp
}

// PlanTitle is a plan's name in the page's language: its section heading,
// or the report's title.
func (v *View) PlanTitle(p *Plan) string {
	if p.Heading == nil {
		return p.Report.Title(v.langOr("zh"))
	}
	zh := p.Heading.HeadingText()
	if v.Lang == "en" {
		if en := v.Site.Translations[p.Report.ID].English(p.Heading.HeadingID()); en != "" {
			return en
		}
	}
	return zh
}

// Status names a target's status in the page's language.
func (v *View) Status(t *targets.Target) string { return v.T("targets.status." + string(t.Status)) }

// Amount writes a base value of a target's unit in the page's language:
// "78 smart factories", "1.51 trillion yuan".
func (v *View) Amount(t *targets.Target, base float64) string {
	f := *t.Figure // a copy that says the amount plainly
	f.Qualifier, f.Per, f.Change, f.IsRange, f.Kind = "", "", "", false, dataset.Actual
	f.Value, f.ValueBase = base/f.Unit.Multiplier, base
	f.Written = dataset.FormatNumber(math.Round(f.Value*1e4) / 1e4)
	return f.Display(v.langOr("zh"))
}

// Arithmetic shows how a target's progress was found.
func (v *View) Arithmetic(t *targets.Target) string {
	return t.Arithmetic(func(base float64) string {
		if v.Lang == "zh" {
			return dataset.FormatChinese(base)
		}
		return dataset.FormatEnglish(base)
	})
}

// ProgressChart draws a target's baseline, progress, straight path and
// target on one axis.
func (v *View) ProgressChart(t *targets.Target) template.HTML {
	f := t.Figure
	var bars []chart.Bar
	newItems := t.Rule == targets.RuleNew || t.Rule == targets.RuleSameYear && t.Baseline != nil
	if t.Baseline != nil && !newItems {
		bars = append(bars, chart.Bar{Label: v.T("targets.baseline") + " " + v.Period(t.Baseline), Value: t.Baseline.ValueBase, Text: v.Amount(t, t.Baseline.ValueBase), Kind: "baseline"})
	}
	if t.Latest != nil {
		label := v.T("targets.latest") + " " + v.Period(t.Latest)
		if newItems {
			label = v.T("targets.new_since")
		}
		bars = append(bars, chart.Bar{Label: label, Value: t.Progress, Text: v.Amount(t, t.Progress), Kind: "actual"})
	}
	if !math.IsNaN(t.Expected) {
		bars = append(bars, chart.Bar{Label: v.T("targets.expected"), Value: t.Expected, Text: v.Amount(t, t.Expected), Kind: "expected"})
	}
	bars = append(bars, chart.Bar{Label: v.T("targets.target") + " " + v.Period(f), Value: f.ValueBase, Text: v.Value(f), Kind: "target"})
	label := f.Indicator.Name(v.langOr("zh")) + ": " + v.Status(t)
	return chart.Progress(label, bars, f.Region)
}

// Summary says how a region's targets stand: "3 of 48 met, 9 behind, 27
// with no data yet".
func (v *View) Summary(r RegionSummary) string {
	parts := []string{v.Site.Strings.Plural(v.langOr("zh"), "targets.summary.met", r.Count[targets.Met])}
	for _, st := range []targets.Status{targets.OnTrack, targets.Behind, targets.Missed, targets.NotComparable, targets.NoData} {
		if n := r.Count[st]; n > 0 {
			parts = append(parts, v.Site.Strings.Plural(v.langOr("zh"), "targets.summary."+string(st), n))
		}
	}
	return fmt.Sprintf(v.T("targets.summary.of"), r.Total, strings.Join(parts, v.T("list.sep")))
}

// HasExpected reports whether a target has a straight path to compare with.
func (v *View) HasExpected(t *targets.Target) bool { return !math.IsNaN(t.Expected) }

// NewItems reports whether a target counts new items over its period (its
// progress is new items since a baseline, not the latest total).
func (v *View) NewItems(t *targets.Target) bool {
	return !t.Figure.Cumulative && t.Figure.Unit.IsCount() && !t.Figure.Indicator.RateOfChange
}

// Progress is what a target is judged on, in words: the latest value, or
// for new items the new items since the baseline ("78 smart factories new
// since 2021"), or "—".
func (v *View) Progress(t *targets.Target) string {
	if t.Latest == nil {
		return "—"
	}
	if v.NewItems(t) && t.Baseline != nil {
		return fmt.Sprintf(v.T("targets.new_since_at"), v.Amount(t, t.Progress), v.Period(t.Baseline), v.Period(t.Latest))
	}
	return v.Value(t.Latest) + " · " + v.Period(t.Latest)
}

// StatusChart draws the targets of every plan as a bar of their statuses.
func (v *View) StatusChart(tp *TargetsPage) template.HTML {
	var rows []string
	var parts [][]chart.Part
	for _, p := range tp.Plans {
		rows = append(rows, v.PlanTitle(p))
		count := map[targets.Status]int{}
		for _, th := range p.Themes {
			for _, t := range th.Targets {
				count[t.Status]++
			}
		}
		ps := v.StatusLegend()
		for i := range ps {
			ps[i].Count = count[targets.Status(strings.TrimPrefix(ps[i].Class, "status-"))]
		}
		parts = append(parts, ps)
	}
	return chart.Stacked(v.T("targets.title"), rows, parts)
}

// StatusLegend is the statuses with their colours, for a chart's legend.
func (v *View) StatusLegend() []chart.Part {
	var out []chart.Part
	for _, st := range []targets.Status{targets.Met, targets.OnTrack, targets.Behind, targets.Missed, targets.NotComparable, targets.NoData} {
		out = append(out, chart.Part{Label: v.T("targets.status." + string(st)), Class: "status-" + string(st)})
	}
	return out
}

// TargetItem is a target as the targets page shows it, in the page's
// language: the page shows every target twice (in the table of all
// targets and under its plan), and its layout reads these fields rather
// than calling a dozen view methods for each.
type TargetItem struct {
	ID            string // the target figure's id
	Status        string // its status, as in targets.Status
	StatusLabel   string
	IndicatorURL  string
	IndicatorName string
	Region        string
	Value         string
	Period        string
	PeriodCell    template.HTML // the period with its tags and note
	PeriodTo      dataset.Month // the period's end, to sort by
	Quote         template.HTML // the plan's words, as the figure tables show them
	Source        FigureSource
	NewItems      bool   // progress is counted as new items since the baseline
	Progress      string // what it is judged on, in words
	Baseline      *FigureFact
	BaselineLate  bool
	Latest        *FigureFact
	Rule          string // how it was judged, in words, or ""
	Arithmetic    string
	Path          string // where the straight path stands now, or ""
	Reason        string // why it could not be judged, or ""
	Chart         template.HTML
}

// FigureSource is where a figure is in its report: the link and the
// report's title with the paragraph.
type FigureSource struct{ URL, Label string }

// FigureFact is a figure that a target is measured against.
type FigureFact struct {
	Value, Period string
	Source        FigureSource
}

// describe works out the items of the targets page in the page's
// language.
func (tp *TargetsPage) describe(v *View) {
	w := v.rowWriter(FigureTable{}) // the period and the plan's words are written as in the figure tables
	items := map[*targets.Target]*TargetItem{}
	item := func(t *targets.Target) *TargetItem {
		if it := items[t]; it != nil {
			return it
		}
		it := w.targetItem(t)
		items[t] = it
		return it
	}
	for _, t := range tp.All {
		tp.AllItems = append(tp.AllItems, item(t))
	}
	for _, p := range tp.Plans {
		for _, th := range p.Themes {
			for _, t := range th.Targets {
				th.Items = append(th.Items, item(t))
			}
		}
	}
}

func (w *rowWriter) targetItem(t *targets.Target) *TargetItem {
	v, f := w.v, t.Figure
	source := func(f *dataset.Figure) FigureSource {
		return FigureSource{URL: v.FigureURL(f), Label: f.Report.Title(v.langOr("zh")) + " §" + f.Paragraph()}
	}
	fact := func(f *dataset.Figure) *FigureFact {
		if f == nil {
			return nil
		}
		return &FigureFact{Value: v.Value(f), Period: v.Period(f), Source: source(f)}
	}
	it := &TargetItem{ID: f.ID, Status: string(t.Status), StatusLabel: v.Status(t), IndicatorURL: v.IndicatorURL(f.IndicatorID),
		IndicatorName: f.Indicator.Name(v.langOr("zh")), Region: v.Region(f.Region), Value: v.Value(f), Period: v.Period(f),
		PeriodCell: w.cell((*rowWriter).period, f), PeriodTo: f.Period.To, Quote: w.cell((*rowWriter).quote, f), Source: source(f), NewItems: v.NewItems(t),
		Progress: v.Progress(t), Baseline: fact(t.Baseline), BaselineLate: t.BaselineLate, Latest: fact(t.Latest),
		Arithmetic: v.Arithmetic(t), Chart: v.ProgressChart(t)}
	if t.Rule != "" {
		it.Rule = v.T(t.Rule)
	}
	if v.HasExpected(t) {
		it.Path = v.Sprintf("targets.path", v.Amount(t, t.Expected))
	}
	if t.Reason != "" {
		it.Reason = v.T(t.Reason)
	}
	return it
}
